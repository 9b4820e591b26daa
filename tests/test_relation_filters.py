"""Filters on related nodes and ties answer exactly as brute force does.

Hypothesis draws filter trees (some/none/all/single nested in one another, AND/OR/NOT on nodes
and on ties, node fields, tie fields) over the demo and a small synthetic graph of every kind
and tie type; every answer over HTTP (ids, order, totalCount, every page through its cursors,
root lists and relationship fields) is compared with tests/filter_oracle.py, which reads the
whole graph through the store and evaluates the filter in Python. Each graph is served three
ways: from the embedded read model, from the embedded database's Cypher (the read model off:
the statements Neo4j runs too) and, when POIKKI_NEO4J_URI is set, from Neo4j.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from graph.model import (
    KIND_SPECS,
    TIE_SPECS,
    EventType,
    Node,
    NodeKind,
    OrgType,
    SeatType,
    Sector,
    Tie,
    TieType,
)
from resolvers.global_ids import encode
from schema.relations import RELATIONS
from seed.knowledge import seed_graph
from server.app import create_app, served_store
from server.settings import Settings, from_environment
from tests.backends import BACKENDS, open_backend
from tests.conftest import GraphQLClient
from tests.databases import load_copy
from tests.filter_oracle import Oracle, camel, ordered, tie_meets

MODES = ["read model", "cypher", *(["neo4j"] if "neo4j" in BACKENDS else [])]
GRAPHS = ["demo", "synthetic"]
MAX_PARTS, MAX_DEPTH = 100, 4  # docs/filters.md
EXAMPLES = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def synthetic_graph() -> tuple[list[Node], list[Tie]]:
    """Every kind and tie type, names that repeat (so ids break ties), dates of every
    precision or none, roles and seat types or none: seeded, so every run is the same."""
    rng = random.Random(20)
    names = ["Aalto", "aalto", "Ääni", "Öljy", "Kupla", "kupla ry", "Zeta", "Espoo"]
    nodes: list[Node] = []

    def a_date() -> str | None:
        year = rng.randrange(2012, 2024)
        return rng.choice([None, str(year), f"{year}-{rng.randrange(1, 13):02d}", f"{year}-03-15"])

    for kind in NodeKind:
        spec = KIND_SPECS[kind]
        for i in range(14 if kind is not NodeKind.SOURCE else 3):
            start, end = (a_date(), a_date()) if spec.dated else (None, None)
            if start and end and start > end:
                start, end = end, start
            nodes.append(
                Node(
                    kind,
                    f"syn-{kind.value.lower()}-{i}",
                    rng.choice(names),
                    start=start,
                    end=None if kind is NodeKind.SOURCE else end,
                    sector=rng.choice([None, *Sector]) if kind is NodeKind.ORGANISATION else None,
                    org_type=(
                        rng.choice([None, *OrgType]) if kind is NodeKind.ORGANISATION else None
                    ),
                    municipality=(
                        rng.choice([None, "Espoo", "Vantaa"])
                        if kind is NodeKind.ORGANISATION
                        else None
                    ),
                    branch=(
                        rng.choice([None, "Education"]) if kind is NodeKind.ORGANISATION else None
                    ),
                    event_type=rng.choice([None, *EventType]) if kind is NodeKind.EVENT else None,
                    publisher=rng.choice([None, "City"]) if kind is NodeKind.SOURCE else None,
                    language=rng.choice([None, "fi", "en"]) if kind is NodeKind.SOURCE else None,
                )
            )
    by_kind: dict[NodeKind, list[Node]] = {}
    for node in nodes:
        by_kind.setdefault(node.kind, []).append(node)
    ties: list[Tie] = []
    for type_, spec in TIE_SPECS.items():
        for _ in range(45):
            source = rng.choice(by_kind[rng.choice(sorted(spec.sources))])
            target = rng.choice(by_kind[rng.choice(sorted(spec.targets))])
            start, end = a_date(), a_date()
            if start and end and start > end:
                start, end = end, start
            ties.append(
                Tie(
                    type_,
                    source.id,
                    target.id,
                    f"syn-tie-{len(ties)}",
                    role=rng.choice([None, "chair", "member", "Partner", "host", "vice-chair"]),
                    start=start,
                    end=end,
                    seat_type=rng.choice([None, *SeatType]) if type_ is TieType.SITS_ON else None,
                )
            )
    return nodes, ties


@dataclass
class Served:
    client: GraphQLClient
    oracle: Oracle
    pool: Pool


@dataclass(frozen=True)
class Pool:
    """Values the drawn filters use: the graph's own, and a few that match nothing."""

    names: tuple[str, ...]
    roles: tuple[str, ...]
    texts: Mapping[str, tuple[str, ...]]
    ids: Mapping[NodeKind, tuple[str, ...]]

    @classmethod
    def of(cls, oracle: Oracle) -> Pool:
        texts: dict[str, set[str]] = {}
        for node in oracle.nodes.values():
            for field in KIND_SPECS[node.kind].fields:
                value = getattr(node, field.attribute)
                if field.choices is None and value is not None:
                    texts.setdefault(field.name, {"Nowhere"}).add(value)
        ids: dict[NodeKind, list[str]] = {}
        for node in oracle.nodes.values():
            ids.setdefault(node.kind, []).append(encode(node.kind, node.id))
        return cls(
            names=tuple(sorted({n.name for n in oracle.nodes.values()})),
            roles=tuple(sorted({t.role for t in oracle.ties if t.role} | {"nobody"})),
            texts={name: tuple(sorted(values)) for name, values in texts.items()},
            ids={kind: tuple(sorted(found)) for kind, found in ids.items()},
        )


def _load(graph: str) -> tuple[list[Node], list[Tie]]:
    return seed_graph() if graph == "demo" else synthetic_graph()


@pytest.fixture(scope="module", params=[(g, m) for g in GRAPHS for m in MODES], ids=str)
def served(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Served]:
    graph, mode = request.param
    folder = tmp_path_factory.mktemp("filters")
    nodes, ties = _load(graph)
    if mode == "neo4j":

        async def refill() -> None:
            store = await open_backend("neo4j", folder)
            try:
                await store.bulk_load(nodes, ties)
            finally:
                await store.close()

        import asyncio

        asyncio.run(refill())
        config = replace(from_environment(), data_dir=folder, result_cache_mb=0)
    else:
        load_copy(Settings(data_dir=folder).database_path, nodes, ties)
        config = Settings(data_dir=folder, read_model=mode == "read model", result_cache_mb=0)
    with TestClient(create_app(config)) as http:
        client = GraphQLClient(http)
        store = served_store(http.app)
        keeper = getattr(store, "read_model", None)
        if keeper is not None:
            hops = [hop for relations in RELATIONS.values() for hop in relations.values()]
            client.run(keeper.settled, hops)
        oracle = client.run(_read_whole_graph, client)
        yield Served(client, oracle, Pool.of(oracle))


async def _read_whole_graph(client: GraphQLClient) -> Oracle:
    store = client.store
    nodes: dict[str, Node] = {}
    for kind in NodeKind:
        after: str | None = None
        while batch := await store.scan_nodes(kind, after, 500):
            nodes.update((node.id, node) for node in batch)
            after = batch[-1].id
    ties: list[Tie] = []
    for type_ in TieType:
        after = None
        while found := await store.scan_ties(type_, after, 500):
            ties += found
            after = found[-1].id
    return Oracle(nodes, ties)


# --- drawing filters ---------------------------------------------------------------------------


def _fields(kinds: frozenset[NodeKind]) -> dict[str, Any]:
    """Each own filter field of the kinds, with its enum for a field with choices."""
    found: dict[str, Any] = {}
    for kind in kinds:
        spec = KIND_SPECS[kind]
        for field in spec.fields:
            if field.name in spec.filters:
                found[field.name] = field.choices
    return found


def _relations(kinds: frozenset[NodeKind]) -> dict[str, frozenset[NodeKind]]:
    found: dict[str, set[NodeKind]] = {}
    for kind in kinds:
        for name, hop in RELATIONS[kind].items():
            found.setdefault(camel(name), set()).update(hop.others)
    return {name: frozenset(others) for name, others in found.items()}


def _a_date(draw: st.DrawFn) -> str:
    year = draw(st.integers(2011, 2025))
    return draw(st.sampled_from([str(year), f"{year}-{draw(st.integers(1, 12)):02d}"]))


def _fragment(draw: st.DrawFn, text: str) -> str:
    start = draw(st.integers(0, max(0, len(text) - 1)))
    piece = text[start : start + draw(st.integers(1, 4))]
    return draw(st.sampled_from([piece, piece.upper(), piece.lower()]))


@st.composite
def node_filters(draw: st.DrawFn, pool: Pool, kinds: frozenset[NodeKind], depth: int) -> dict:
    fields = _fields(kinds)
    relations = _relations(kinds) if depth > 0 else {}
    every_id = [i for kind in sorted(kinds) for i in pool.ids.get(kind, ())]
    options = [*(["ids"] if every_id else []), "nameContains", *fields, *relations]
    if any(KIND_SPECS[k].spans for k in kinds):
        options += ["activeFrom", "activeTo"]
    if depth > 0:
        options += ["AND", "OR", "NOT"]
    found: dict[str, Any] = {}
    for key in draw(st.lists(st.sampled_from(sorted(options)), max_size=3, unique=True)):
        if key == "ids":
            found[key] = draw(st.lists(st.sampled_from(every_id), min_size=1, max_size=3))
        elif key == "nameContains":
            found[key] = _fragment(draw, draw(st.sampled_from(pool.names)))
        elif key in ("activeFrom", "activeTo"):
            found[key] = _a_date(draw)
        elif key in fields and fields[key] is not None:
            choices = sorted(member.value for member in fields[key])
            found[key] = draw(st.lists(st.sampled_from(choices), min_size=1, max_size=2))
        elif key in fields:
            found[key] = draw(st.sampled_from(pool.texts.get(key, ("Nowhere",))))
        elif key in relations:
            found[key] = draw(relation_filters(pool, relations[key], depth - 1))
        elif key in ("AND", "OR"):
            found[key] = draw(st.lists(node_filters(pool, kinds, depth - 1), max_size=2))
        else:
            found[key] = draw(node_filters(pool, kinds, depth - 1))
    return found


@st.composite
def relation_filters(draw: st.DrawFn, pool: Pool, kinds: frozenset[NodeKind], depth: int) -> dict:
    every = ["some", "none", "all", "single"]
    quantifiers = draw(st.lists(st.sampled_from(every), min_size=1, max_size=2, unique=True))
    return {q: draw(edge_filters(pool, kinds, depth)) for q in quantifiers}


@st.composite
def tie_filters(draw: st.DrawFn, pool: Pool) -> dict:
    options = ["role", "roleContains", "seatType", "activeFrom", "activeTo"]
    found: dict[str, Any] = {}
    for key in draw(st.lists(st.sampled_from(options), min_size=1, max_size=2, unique=True)):
        if key == "role":
            found[key] = draw(st.sampled_from(pool.roles))
        elif key == "roleContains":
            found[key] = _fragment(draw, draw(st.sampled_from(pool.roles)))
        elif key == "seatType":
            seats = sorted(s.value for s in SeatType)
            found[key] = draw(st.lists(st.sampled_from(seats), min_size=1, max_size=2))
        else:
            found[key] = _a_date(draw)
    return found


@st.composite
def edge_filters(draw: st.DrawFn, pool: Pool, kinds: frozenset[NodeKind], depth: int) -> dict:
    options = ["node", "edge"] + (["AND", "OR", "NOT"] if depth > 0 else [])
    found: dict[str, Any] = {}
    for key in draw(st.lists(st.sampled_from(options), max_size=2, unique=True)):
        if key == "node":
            found[key] = draw(node_filters(pool, kinds, depth))
        elif key == "edge":
            found[key] = draw(tie_filters(pool))
        elif key in ("AND", "OR"):
            found[key] = draw(st.lists(edge_filters(pool, kinds, depth - 1), max_size=2))
        else:
            found[key] = draw(edge_filters(pool, kinds, depth - 1))
    return found


def size_of(value: Any) -> tuple[int, int]:
    """(parts, relation depth) as docs/filters.md counts them: every input object and every
    value set (a list of values is one), and relation filters nested in one another."""
    if not isinstance(value, dict):
        return 1, 0
    parts, depth = 1, 0
    quantified = bool(value) and set(value) <= {"some", "none", "all", "single"}
    for key, inner in value.items():
        if key in ("AND", "OR"):
            sizes = [size_of(v) for v in inner]
            p, d = sum(p for p, _ in sizes), max((d for _, d in sizes), default=0)
        else:
            p, d = size_of(inner)
        parts, depth = parts + p, max(depth, d + quantified)
    return parts, depth


# --- the checks --------------------------------------------------------------------------------

KINDS = [kind for kind in NodeKind if kind is not NodeKind.SOURCE] + [NodeKind.SOURCE]
ORDERS = {True: ["NAME", "START", "END", "ID"], False: ["NAME", "ID"]}


def _refused(body: dict[str, Any], filter_: dict[str, Any]) -> bool:
    """Whether the server refused the filter, and rightly (it is past a limit)."""
    if "errors" not in body:
        return False
    assert [e["extensions"]["code"] for e in body["errors"]] == ["LIMIT_EXCEEDED"], body
    parts, depth = size_of(filter_)
    assert parts > MAX_PARTS or depth > MAX_DEPTH, (parts, depth, body)
    return True


@EXAMPLES
@given(data=st.data())
def test_a_filtered_root_list_pages_as_brute_force(served: Served, data: st.DataObject) -> None:
    kind = data.draw(st.sampled_from(KINDS), label="kind")
    spec = KIND_SPECS[kind]
    filter_ = data.draw(node_filters(served.pool, frozenset({kind}), 2), label="filter")
    field = data.draw(st.sampled_from(ORDERS[spec.dated]), label="order")
    descending = data.draw(st.booleans(), label="descending")
    first = data.draw(st.integers(1, 6), label="first")
    matching = [n for n in served.oracle.of_kind(kind) if served.oracle.meets(filter_, n)]
    expected = [n.id for n in ordered(matching, field, descending)]
    event(_share(len(expected), len(served.oracle.of_kind(kind))))
    query = (
        f"query ($filter: {kind.value}Filter, $after: String) {{ {spec.plural}(filter: $filter, "
        f"orderBy: {{field: {field}, direction: {'DESC' if descending else 'ASC'}}}, "
        f"first: {first}, after: $after) {{ totalCount edges {{ node {{ slug }} }} "
        "pageInfo { hasNextPage endCursor } } }"
    )
    seen: list[str] = []
    after = None
    for _ in range(len(expected) // first + 2):
        body = served.client.post(query, {"filter": filter_, "after": after})
        if _refused(body, filter_):
            return
        answer = body["data"][spec.plural]
        assert answer["totalCount"] == len(expected)
        seen += [edge["node"]["slug"] for edge in answer["edges"]]
        if not answer["pageInfo"]["hasNextPage"]:
            break
        after = answer["pageInfo"]["endCursor"]
    assert seen == expected


def _share(met: int, every: int) -> str:
    """How much of the list a filter kept, for hypothesis' statistics."""
    if every == 0:
        return "nothing to filter"
    return "kept none" if met == 0 else "kept all" if met == every else "kept some"


def _relations_of_served(kind: NodeKind) -> list[str]:
    return sorted(RELATIONS[kind])


@EXAMPLES
@given(data=st.data())
def test_a_filtered_relationship_field_pages_as_brute_force(
    served: Served, data: st.DataObject
) -> None:
    kind = data.draw(st.sampled_from([k for k in NodeKind if RELATIONS[k]]), label="kind")
    name = data.draw(st.sampled_from(_relations_of_served(kind)), label="relation")
    hop = RELATIONS[kind][name]
    filter_ = data.draw(edge_filters(served.pool, frozenset(hop.others), 1), label="filter")
    first = data.draw(st.integers(1, 4), label="first")
    oracle = served.oracle
    parents = sorted(oracle.of_kind(kind), key=lambda n: n.id)[:30]
    field = camel(name)
    query = (
        f"query ($filter: {_edge_filter_type(hop.others)}) {{ {KIND_SPECS[kind].plural}("
        f"first: 30, orderBy: {{field: ID}}) {{ edges {{ node {{ slug {field}(first: {first}, "
        "filter: $filter) { totalCount edges { tieId node { ... on Entity { slug } } } } } } } }"
    )
    body = served.client.post(query, {"filter": filter_})
    if _refused(body, filter_):
        return
    answers = body["data"][KIND_SPECS[kind].plural]["edges"]
    assert [a["node"]["slug"] for a in answers] == [p.id for p in parents]
    met = sum(len(_met(oracle, hop, p, filter_)) for p in parents)
    event(_share(met, sum(len(oracle.along(hop, p)) for p in parents)))
    busiest = None
    for parent, answer in zip(parents, answers, strict=True):
        expected = _met(oracle, hop, parent, filter_)
        got = answer["node"][field]
        assert got["totalCount"] == len(expected), parent.id
        pairs = [(e["tieId"], e["node"]["slug"]) for e in got["edges"]]
        assert pairs == expected[:first], parent.id
        if len(expected) > first and (busiest is None or len(expected) > busiest[1]):
            busiest = (parent, len(expected))
    if busiest is not None:
        _page_through(served, kind, field, hop, busiest[0], filter_, first)


def _met(oracle: Oracle, hop: Any, parent: Node, filter_: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        (tie.id, far.id)
        for tie, far in oracle.along(hop, parent)
        if oracle.edge_meets(filter_, tie, far)
    ]


def _page_through(
    served: Served,
    kind: NodeKind,
    field: str,
    hop: Any,
    parent: Node,
    filter_: dict[str, Any],
    first: int,
) -> None:
    query = (
        f"query ($id: ID!, $filter: {_edge_filter_type(hop.others)}, $after: String) "
        f"{{ node(id: $id) {{ ... on {kind.value} {{ {field}(first: {first}, after: $after, "
        "filter: $filter) { edges { tieId node { ... on Entity { slug } } } "
        "pageInfo { hasNextPage endCursor } } } } }"
    )
    seen: list[tuple[str, str]] = []
    after = None
    expected = _met(served.oracle, hop, parent, filter_)
    for _ in range(len(expected) // first + 2):
        variables = {"id": encode(kind, parent.id), "filter": filter_, "after": after}
        answer = served.client.data(query, variables)["node"][field]
        seen += [(e["tieId"], e["node"]["slug"]) for e in answer["edges"]]
        if not answer["pageInfo"]["hasNextPage"]:
            break
        after = answer["pageInfo"]["endCursor"]
    assert seen == expected


def _edge_filter_type(others: tuple[NodeKind, ...]) -> str:
    kinds = frozenset(others)
    if len(kinds) == 1:
        return f"{others[0].value}EdgeFilter"
    if kinds <= {NodeKind.PERSON, NodeKind.ORGANISATION}:
        return "ActorEdgeFilter"
    if kinds <= {NodeKind.PROGRAMME, NodeKind.PROJECT}:
        return "InitiativeEdgeFilter"
    return "EntityEdgeFilter"


# --- the rules docs/filters.md states, on the demo ---------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphQLClient]:
    folder = tmp_path_factory.mktemp("demo")
    load_copy(Settings(data_dir=folder).database_path, *seed_graph())
    with TestClient(create_app(Settings(data_dir=folder))) as http:
        yield GraphQLClient(http)


def _slugs(client: GraphQLClient, query: str) -> list[str]:
    data = client.data(query)
    (answer,) = data.values()
    return [edge["node"]["slug"] for edge in answer["edges"]]


def test_all_holds_for_a_node_with_no_such_ties(demo: GraphQLClient) -> None:
    everyone = _slugs(demo, "{ people(first: 100) { edges { node { slug } } } }")
    seated = _slugs(
        demo,
        "{ people(first: 100, filter: {steeringSeats: {some: {}}}) { edges { node { slug } } } }",
    )
    never_matching = '{edge: {role: "no such role"}}'
    unseated = _slugs(
        demo,
        f"{{ people(first: 100, filter: {{steeringSeats: {{all: {never_matching}}}}}) "
        "{ edges { node { slug } } } }",
    )
    assert seated
    assert unseated
    assert sorted(unseated) == sorted(set(everyone) - set(seated))


def test_tie_and_node_conditions_hold_on_the_same_tie(demo: GraphQLClient) -> None:
    """A chair's seat held by someone who sits elsewhere as a civil servant is not an elected
    chair's seat: `edge` and `node` of one `some` are met by one tie."""
    _, ties = seed_graph()
    seats = [t for t in ties if t.type is TieType.SITS_ON]
    same_tie = {
        t.target for t in seats if t.role == "chair" and t.seat_type is SeatType.ELECTED_OFFICIAL
    }
    query = (
        '{ programmes(first: 100, filter: {steeringGroup: {some: {edge: {role: "chair", '
        "seatType: [ELECTED_OFFICIAL]}}}}) { edges { node { slug } } } }"
    )
    assert sorted(_slugs(demo, query)) == sorted(same_tie)
    split = (
        "{ programmes(first: 100, filter: {AND: ["
        '{steeringGroup: {some: {edge: {role: "chair"}}}}, '
        "{steeringGroup: {some: {edge: {seatType: [ELECTED_OFFICIAL]}}}}]}) "
        "{ edges { node { slug } } } }"
    )
    either_tie = {t.target for t in seats if t.role == "chair"} & {
        t.target for t in seats if t.seat_type is SeatType.ELECTED_OFFICIAL
    }
    assert sorted(_slugs(demo, split)) == sorted(either_tie)


def test_an_empty_or_matches_nothing_and_an_empty_filter_everything(demo: GraphQLClient) -> None:
    assert _slugs(demo, "{ goals(filter: {OR: []}) { edges { node { slug } } } }") == []
    every = _slugs(demo, "{ goals(first: 100) { edges { node { slug } } } }")
    anded = _slugs(demo, "{ goals(first: 100, filter: {AND: []}) { edges { node { slug } } } }")
    assert anded == every


def test_a_group_filter_on_a_field_of_another_kind_is_not_met(demo: GraphQLClient) -> None:
    """People have no sector: among a project's participants only organisations can be in the
    third sector, and NOT of it holds for every person."""
    query = (
        "{ projects(first: 100) { edges { node { slug "
        "third: participants(first: 100, filter: {node: {sector: [THIRD_SECTOR]}}) "
        "{ edges { node { __typename } } } "
        "other: participants(first: 100, filter: {node: {NOT: {sector: [THIRD_SECTOR]}}}) "
        "{ edges { node { __typename } } } "
        "all: participants(first: 100) { totalCount } } } } }"
    )
    for edge in demo.data(query)["projects"]["edges"]:
        node = edge["node"]
        third, other = node["third"]["edges"], node["other"]["edges"]
        assert {e["node"]["__typename"] for e in third} <= {"Organisation"}
        assert len(third) + len(other) == node["all"]["totalCount"]


def test_an_id_of_a_kind_outside_the_filter_is_bad_input(demo: GraphQLClient) -> None:
    person = encode(NodeKind.PERSON, "someone")
    query = (
        f'{{ projects(filter: {{partners: {{some: {{node: {{ids: ["{person}"]}}}}}}}}) '
        "{ totalCount } }"
    )
    assert demo.error_codes(query) == ["BAD_INPUT"]


def test_the_tie_filter_reads_the_ties_own_dates(demo: GraphQLClient) -> None:
    _, ties = seed_graph()
    edge = {"activeFrom": "2019", "activeTo": "2019"}
    seated = {t.source for t in ties if t.type is TieType.SITS_ON and tie_meets(edge, t)}
    query = (
        "{ people(first: 100, filter: {steeringSeats: {some: {edge: "
        '{activeFrom: "2019", activeTo: "2019"}}}}) { edges { node { slug } } } }'
    )
    assert seated
    assert sorted(_slugs(demo, query)) == sorted(seated)
