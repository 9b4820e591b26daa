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
    body = client.post(NESTED, {"first": 40})  # 40 + 40² + 40³ = 65,640 objects
    assert [e["extensions"]["code"] for e in body["errors"]] == ["LIMIT_EXCEEDED"]
    assert body["errors"][0]["extensions"]["cost"] == 40 + 40**2 + 40**3
    assert "65,640" in body["errors"][0]["message"]
    assert "errors" not in client.post(NESTED, {"first": 20})  # 8,420: allowed


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
