"""Hostile queries are refused with LIMIT_EXCEEDED or BAD_INPUT before they reach the database,
and oversized bodies before they are read whole."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from seed.knowledge import seed_graph
from tests.conftest import GraphQLClient

NESTED = """
query ($first: Int!) {
  programmes(first: $first) { edges { node {
    steeringGroup(first: $first) { edges { node {
      memberships(first: $first) { edges { node { name } } }
    } } }
  } } }
}
"""


def _deep_fragments(depth: int) -> str:
    fragments = [
        f"fragment F{i} on Person {{ memberships {{ edges {{ node {{ members {{ edges {{ node "
        f"{{ ...F{i + 1} }} }} }} }} }} }} }}"
        for i in range(depth)
    ]
    fragments.append(f"fragment F{depth} on Person {{ name }}")
    return "{ people { edges { node { ...F0 } } } }\n" + "\n".join(fragments)


HOSTILE = [
    ("nested connections over the cost", NESTED, {"first": 100}, "LIMIT_EXCEEDED"),
    (
        "a huge first",
        "{ people(first: 1000000000) { edges { node { name } } } }",
        {},
        "LIMIT_EXCEEDED",
    ),
    ("deeply nested fragments", _deep_fragments(8), {}, "LIMIT_EXCEEDED"),
    (
        "an alias bomb",
        "{ " + " ".join(f"a{i}: people {{ totalCount }}" for i in range(500)) + " }",
        {},
        "LIMIT_EXCEEDED",
    ),
    (
        "circular fragments",
        "{ people { edges { node { ...A } } } } "
        "fragment A on Person { name ...B } fragment B on Person { name ...A }",
        {},
        "BAD_INPUT",
    ),
    ("too many tokens", "{ " + "__typename " * 5000 + "}", {}, "LIMIT_EXCEEDED"),
    ("a syntax error", "{ people { edges { node { name } }", {}, "BAD_INPUT"),
    ("an unknown field", "{ people { edges { node { shoeSize } } } }", {}, "BAD_INPUT"),
    ("a variable of the wrong type", NESTED, {"first": "many"}, "BAD_INPUT"),
]


@pytest.mark.parametrize(
    ("query", "variables", "code"), [h[1:] for h in HOSTILE], ids=[h[0] for h in HOSTILE]
)
def test_hostile_queries_are_refused_before_the_database(
    client: GraphQLClient, query: str, variables: dict[str, object], code: str
) -> None:
    before = client.round_trips
    assert client.error_codes(query, variables) == [code]
    assert client.round_trips == before


def test_the_cost_counts_first_on_nested_connections(client: GraphQLClient) -> None:
    body = client.post(NESTED, {"first": 50})  # 50 + 50² + 50³ = 127,550 objects
    assert [e["extensions"]["code"] for e in body["errors"]] == ["LIMIT_EXCEEDED"]
    assert body["errors"][0]["extensions"]["cost"] == 50 + 50**2 + 50**3
    assert "127,550" in body["errors"][0]["message"]
    assert "errors" not in client.post(NESTED, {"first": 40})  # 65,640: allowed


def test_the_cost_limit_is_a_setting(make_client: Callable[..., GraphQLClient]) -> None:
    strict = make_client(*seed_graph(), max_cost=100)
    assert strict.error_codes("{ people(first: 101) { totalCount } }") == ["LIMIT_EXCEEDED"]
    assert strict.data("{ people(first: 100) { totalCount } }")["people"]["totalCount"] > 0


def test_an_oversized_body_is_refused(make_client: Callable[..., GraphQLClient]) -> None:
    small = make_client(*seed_graph(), max_body_bytes=2_000)
    before = small.round_trips
    query = "{ people { totalCount } }" + " " * 3_000
    response = small.http.post("/graphql", json={"query": query})
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "LIMIT_EXCEEDED"

    def chunks() -> object:
        yield b'{"query": "{ people { totalCount } }'
        for _ in range(10):
            yield b" " * 500  # no Content-Length: the body is counted as it arrives
        yield b'"}'

    streamed = small.http.post(
        "/graphql", content=chunks(), headers={"content-type": "application/json"}
    )
    assert streamed.status_code == 413
    assert small.round_trips == before
    assert small.data("{ people { totalCount } }")["people"]["totalCount"] > 0


PERSON_FANOUT = (
    "... on Person { initiatives(first: 100) { edges { node { ... on Project { "
    "participants(first: 100) { totalCount } } } } } }"
)
"""Beneath any list of nodes: up to 100 + 100 × 100 objects per node."""


def _every_list_field(person: str, programme: str) -> list[tuple[str, str]]:
    ids = ", ".join(f'"{person}"' for _ in range(100))
    return [
        ("network nodes", f"{{ network {{ nodes {{ node {{ {PERSON_FANOUT} }} }} }} }}"),
        (
            "collaboration nodes",
            f"{{ collaboration {{ nodes {{ node {{ {PERSON_FANOUT} }} }} }} }}",
        ),
        (
            "network edges' sources",
            "{ network(maxNodes: 20000, maxEdges: 30000) { edges { sources { title } } } }",
        ),
        ("nodes(ids)", f"{{ nodes(ids: [{ids}]) {{ {PERSON_FANOUT} }} }}"),
        ("search", f'{{ search(text: "a", first: 100) {{ {PERSON_FANOUT} }} }}'),
        (
            "measures' nodes",
            f"{{ measures {{ nodes(first: 100) {{ edges {{ node {{ node {{ {PERSON_FANOUT} }} "
            "} } } } }",
        ),
        (
            "community members",
            "{ communities { communities(first: 100) { edges { node { members(first: 100) "
            f"{{ node {{ {PERSON_FANOUT} }} }} }} }} }} }} }}",
        ),
        (
            "path steps",
            f'{{ path(from: "{person}", to: "{programme}") {{ nodes {{ node {{ {PERSON_FANOUT}'
            " } } } }",
        ),
        (
            "claims and sources",
            "{ people(first: 100) { edges { node { initiatives(first: 100) { edges { "
            "sources { title } node { sources { title } claims { sources { title } } } } } } "
            "} } }",
        ),
        ("unsourced", f"{{ unsourced {{ nodes {{ {PERSON_FANOUT} }} }} }}"),
        (
            "aliased whole-graph measures",
            "{ " + " ".join(f"m{i}: measures(seed: {i}) {{ density }}" for i in range(6)) + " }",
        ),
    ]


def test_every_list_counts_and_the_bypass_is_refused_before_the_store(
    make_client: Callable[..., GraphQLClient],
) -> None:
    """Lists without `first` count their declared size, so nesting beneath a network, a list
    of ids, measures, communities, a path, sources or claims multiplies as it does beneath a
    connection (issue 15: the network bypass ran 75 s and held the server)."""
    from resolvers.global_ids import encode
    from seed.synthetic import synthetic_graph

    nodes, ties = synthetic_graph(3_000, seed=3)
    client = make_client(nodes, ties)
    person = next(n for n in nodes if n.kind.value == "Person")
    programme = next(n for n in nodes if n.kind.value == "Programme")
    for name, query in _every_list_field(
        encode(person.kind, person.id), encode(programme.kind, programme.id)
    ):
        before = client.round_trips
        body = client.post(query)
        assert [e["extensions"]["code"] for e in body.get("errors", [])] == ["LIMIT_EXCEEDED"], (
            name,
            body,
        )
        assert body["errors"][0]["extensions"].get("cost", 0) > 100_000, (name, body)
        assert client.round_trips == before, name


def test_networks_drawn_within_their_declared_size_are_accepted(
    make_client: Callable[..., GraphQLClient],
) -> None:
    from seed.synthetic import synthetic_graph

    client = make_client(*synthetic_graph(300, seed=3))
    lean = "{ network(maxNodes: 20000, maxEdges: 30000) { nodeCount nodes { id } edges { id } } }"
    drawn = client.data(lean)["network"]
    assert drawn["nodeCount"] == len(drawn["nodes"]) > 300
    rich = "{ network { nodes { id } edges { id sources { title } shared { name } } } }"
    assert client.data(rich)["network"]["nodes"]
    too_few = client.post("{ network(maxNodes: 10) { nodes { id } } }")
    assert [e["extensions"]["code"] for e in too_few["errors"]] == ["LIMIT_EXCEEDED"]
    assert f"{drawn['nodeCount']:,} nodes" in too_few["errors"][0]["message"]
    sized = client.data("{ network(maxNodes: 10) { nodeCount edgeCount } }")["network"]
    assert sized == {"nodeCount": drawn["nodeCount"], "edgeCount": len(drawn["edges"])}
    over_cap = client.post("{ network(maxNodes: 20001) { nodes { id } } }")
    assert [e["extensions"]["code"] for e in over_cap["errors"]] == ["BAD_INPUT"]
    assert "/export" in over_cap["errors"][0]["message"]
    assert "20,000" in over_cap["errors"][0]["message"]


def test_a_request_over_its_time_budget_is_stopped(
    make_client: Callable[..., GraphQLClient],
) -> None:
    """A budget of a microsecond: any answer that waits for the store or a computation takes
    certainly longer, so resolution itself is stopped (not only a store read)."""
    client = make_client(*seed_graph(), request_seconds=0.000_001)
    body = client.post("{ measures(mode: PEOPLE) { density } }")
    assert [e["extensions"]["code"] for e in body["errors"]] == ["LIMIT_EXCEEDED"]
    assert body["errors"][0]["extensions"]["seconds"] == 0.000_001
    assert body["data"] is None


def test_a_write_is_not_cut_by_the_time_budget(make_client: Callable[..., GraphQLClient]) -> None:
    """Cancelling a mutation could tell the client a write failed after the store committed
    it: mutations run to their end, and the client hears what was written."""
    from tests.curators import curators_of

    editor = curators_of(make_client(*seed_graph(), request_seconds=0.000_001)).editor
    created = editor.data(
        'mutation { createSource(input: {title: "Written whatever the budget"}) '
        "{ __typename ... on NodeSaved { node { id } } } }"
    )["createSource"]
    assert created["__typename"] == "NodeSaved"
    assert created["node"]["id"]


@pytest.mark.parametrize(
    "values", [["x"], ["0", "0x1p+0"], ["0", "0x1p+0", "a", "b"], ["zero", "0x1p+0", "a"]]
)
def test_a_ranked_cursor_of_the_wrong_shape_is_bad_input(
    client: GraphQLClient, values: list[str]
) -> None:
    """A cursor that decodes but carries too few, too many or unreadable values."""
    import base64
    import json

    cursor = base64.urlsafe_b64encode(json.dumps(["communities", *values]).encode()).decode()
    query = "query ($after: String) { communities { communities(after: $after) { totalCount } } }"
    assert client.error_codes(query, {"after": cursor.rstrip("=")}) == ["BAD_INPUT"]
