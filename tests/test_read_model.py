"""The embedded read model answers exactly as the database does, and never from a stale copy.

Every answer is compared with the same store's database path (the CypherStore methods the
read model stands in for), on the seed (Finnish names, accents, reduced-precision dates) and a
synthetic graph, over every hop the model allows, every sort order and the schema's filters,
page by page.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path

import pytest
import pytest_asyncio

from graph.backends import read_model
from graph.backends.cypher_store import CypherStore
from graph.backends.ladybug import LadybugStore
from graph.columns import tie_batch
from graph.model import TIE_SPECS, Identifier, Node, NodeKind, Scheme, Tie, TieType
from graph.store import (
    Condition,
    Direction,
    Hop,
    NodeQuery,
    Op,
    Order,
    SearchQuery,
    SortField,
)
from seed.knowledge import seed_graph
from seed.synthetic import synthetic_graph
from tests.conftest import GraphQLClient
from tests.databases import load_copy

MULTI_TYPE_HOPS = [
    Hop(
        NodeKind.PROJECT,
        (TieType.LEADS, TieType.PARTICIPATES_IN, TieType.PARTNER_IN),
        Direction.IN,
        (NodeKind.PERSON, NodeKind.ORGANISATION),
    ),
    Hop(
        NodeKind.PERSON,
        (TieType.LEADS, TieType.PARTICIPATES_IN, TieType.PARTNER_IN),
        Direction.OUT,
        (NodeKind.PROGRAMME, NodeKind.PROJECT),
    ),
    Hop(
        NodeKind.ORGANISATION,
        (TieType.EMPLOYED_BY, TieType.MEMBER_OF),
        Direction.IN,
        (NodeKind.PERSON, NodeKind.ORGANISATION),
    ),
    Hop(
        NodeKind.ORGANISATION,
        (TieType.SUBUNIT_OF, TieType.MEMBER_OF),
        Direction.OUT,
        (NodeKind.ORGANISATION,),
    ),
]


def single_type_hops() -> Iterator[Hop]:
    for type_, spec in TIE_SPECS.items():
        for parent in sorted(spec.sources):
            yield Hop(parent, (type_,), Direction.OUT, tuple(sorted(spec.targets)))
        for parent in sorted(spec.targets):
            yield Hop(parent, (type_,), Direction.IN, tuple(sorted(spec.sources)))


HOPS = [*single_type_hops(), *MULTI_TYPE_HOPS]


def graph() -> tuple[list[Node], list[Tie]]:
    nodes, ties = seed_graph()
    more_nodes, more_ties = synthetic_graph(400, seed=5)
    return [*nodes, *more_nodes], [*ties, *more_ties]


@asynccontextmanager
async def _settled(path: Path) -> AsyncIterator[LadybugStore]:
    """The graph in a new database at `path`, opened with its read model ordered along HOPS."""
    await asyncio.to_thread(load_copy, path, *graph())
    opened = LadybugStore(path, read_model=True)
    await opened.open()
    try:
        assert opened.read_model is not None
        await opened.read_model.settled(HOPS)
        yield opened
    finally:
        await opened.close()


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[LadybugStore]:
    """A store of its own, for a test that writes or counts what the model does."""
    async with _settled(tmp_path / "model.lbug") as opened:
        yield opened


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def shared_store(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[LadybugStore]:
    """One store for the tests that only read and compare: opening it and building its model
    costs more than most of them. They are marked READS, to run on the module's event loop,
    where the model's keeper lives."""
    async with _settled(tmp_path_factory.mktemp("shared") / "model.lbug") as opened:
        yield opened


READS = pytest.mark.asyncio(loop_scope="module")


async def ids_of(store: LadybugStore, kind: NodeKind) -> list[str]:
    return [node.id for node in await store.scan_nodes(kind, None, 100_000)]


@READS
async def test_pages_of_neighbours_equal_the_database(shared_store: LadybugStore) -> None:
    compared = 0
    for hop in HOPS:
        parents = await ids_of(shared_store, hop.parent)
        parents.append("no-such-parent")
        for limit in (0, 1, 3, 50):
            model = await shared_store.first_neighbours(hop, parents, limit)
            database = await CypherStore.first_neighbours(shared_store, hop, parents, limit)
            assert model == database, (hop, limit)
            compared += sum(len(page.items) for page in model.values())
    assert compared > 5_000


@READS
async def test_neighbours_after_a_keyset_equal_the_database(shared_store: LadybugStore) -> None:
    for hop in HOPS:
        parents = await ids_of(shared_store, hop.parent)
        everything = await shared_store.neighbours(hop, parents)
        assert everything == await CypherStore.neighbours(shared_store, hop, parents)
        for pid, items in everything.items():
            if len(items) < 3:
                continue
            after = items[len(items) // 2].keyset
            model = await shared_store.neighbours(hop, [pid], after)
            assert model == await CypherStore.neighbours(shared_store, hop, [pid], after)
            assert model[pid] == items[len(items) // 2 + 1 :]


@READS
async def test_node_lookups_equal_the_database(shared_store: LadybugStore) -> None:
    everyone = [i for kind in NodeKind for i in await ids_of(shared_store, kind)]
    asked = [*everyone, "no-such-node", everyone[0]]
    assert await shared_store.find_nodes(asked) == await CypherStore.find_nodes(shared_store, asked)
    found = 0
    for kind in NodeKind:
        of_kind = await shared_store.get_nodes(kind, asked)
        assert of_kind == await CypherStore.get_nodes(shared_store, kind, asked)
        found += sum(node is not None for node in of_kind)
    assert found == len(everyone) + 1


QUERIES = [
    (NodeKind.PERSON, ()),
    (NodeKind.PERSON, (Condition("name", Op.CONTAINS, "Ä"),)),
    (NodeKind.PERSON, (Condition("name", Op.CONTAINS, "mäki"),)),
    (NodeKind.ORGANISATION, (Condition("sector", Op.IN, ("PUBLIC", "PRIVATE")),)),
    (NodeKind.ORGANISATION, (Condition("orgType", Op.IN, ("CITY_BRANCH",)),)),
    (NodeKind.ORGANISATION, (Condition("municipality", Op.EQUALS, "Espoo"),)),
    (NodeKind.PROGRAMME, (Condition("end", Op.ACTIVE_FROM, "2016-01-01"),)),
    (NodeKind.PROJECT, (Condition("start", Op.ACTIVE_TO, "2014-12-31"),)),
    (
        NodeKind.PROJECT,
        (
            Condition("end", Op.ACTIVE_FROM, "2015-01-01"),
            Condition("start", Op.ACTIVE_TO, "2015-12-31"),
        ),
    ),
    (NodeKind.EVENT, (Condition("end", Op.INSTANT_FROM, "2015-06-30"),)),
    (
        NodeKind.EVENT,
        (
            Condition("end", Op.INSTANT_FROM, "2014-11-01"),
            Condition("start", Op.ACTIVE_TO, "2015-12-31"),
        ),
    ),
    (NodeKind.SOURCE, (Condition("id", Op.IN, ("synthetic-generator", "nope")),)),
]


@READS
@pytest.mark.parametrize(("kind", "conditions"), QUERIES)
async def test_root_lists_equal_the_database_page_by_page(
    shared_store: LadybugStore, kind: NodeKind, conditions: tuple[Condition, ...]
) -> None:
    count = await shared_store.count_nodes(kind, conditions)
    assert count == await CypherStore.count_nodes(shared_store, kind, conditions)
    for field in SortField:
        for descending in (False, True):
            query = NodeQuery(kind, conditions, Order(field, descending), limit=37)
            seen = 0
            while True:
                page = await shared_store.list_nodes(query)
                assert page == await CypherStore.list_nodes(shared_store, query), query
                seen += len(page.nodes)
                if not page.has_more:
                    break
                query = replace(query, after=page.keysets[-1])
            assert seen == count


SEARCHES = [
    ("a", tuple(NodeKind)),
    ("espoo", tuple(NodeKind)),
    ("Espoon kaupunki", tuple(NodeKind)),
    ("kestava espoo", tuple(NodeKind)),
    ("KESTÄVÄ", tuple(NodeKind)),
    ("makela", tuple(NodeKind)),
    ("ä", (NodeKind.PERSON, NodeKind.ORGANISATION)),
    ("KEHITYS", (NodeKind.PROGRAMME, NodeKind.PROJECT, NodeKind.EVENT)),
    ("mäki", (NodeKind.PERSON,)),
    ("no such words", tuple(NodeKind)),
]


@READS
@pytest.mark.parametrize(("text", "kinds"), SEARCHES)
async def test_search_equals_the_database_page_by_page(
    shared_store: LadybugStore, text: str, kinds: tuple[NodeKind, ...]
) -> None:
    searched = shared_store.round_trips.by_statement.get("read model: search", 0)
    count = await shared_store.count_search(text, kinds)
    assert count == await CypherStore.count_search(shared_store, text, kinds)
    assert (count > 0) is (text != "no such words"), count
    query, seen = SearchQuery(text, kinds, 29), 0
    while True:
        page = await shared_store.search(query)
        assert page == await CypherStore.search(shared_store, query), query
        seen += len(page.hits)
        if not page.has_more:
            break
        query = replace(query, after=page.hits[-1].keyset)
    assert seen == count
    assert shared_store.round_trips.by_statement["read model: search"] > searched


async def test_a_write_is_seen_at_once_and_the_model_catches_up(store: LadybugStore) -> None:
    assert store.read_model is not None
    hop = MULTI_TYPE_HOPS[0]
    projects = await ids_of(store, NodeKind.PROJECT)
    pages = await store.first_neighbours(hop, projects, 1)
    project = next(pid for pid in projects if pages[pid].total >= 2)
    first = pages[project].items[0].node
    renamed = replace(first, name="Ö" + first.name)
    await store.upsert([renamed], [])
    assert store.read_model.current() is None
    from_model = store.round_trips.by_statement["read model: first_neighbours"]
    after = (await store.first_neighbours(hop, [project], 100))[project]
    assert store.round_trips.by_statement["read model: first_neighbours"] == from_model
    assert renamed in [item.node for item in after.items]
    assert after.items[0].node != renamed  # "Ö" sorts after every unaccented name
    await store.read_model.settled([hop])
    assert await store.first_neighbours(hop, [project], 100) == {project: after}
    assert (await store.find_nodes([renamed.id]))[0] == renamed
    assert store.read_model.builds == 2


async def test_closing_while_the_model_builds_waits_for_it(tmp_path: Path) -> None:
    path = tmp_path / "closing.lbug"
    await asyncio.to_thread(load_copy, path, *graph())
    for pause in (0.0, 0.01, 0.05):
        store = LadybugStore(path, read_model=True)
        await store.open()
        await asyncio.sleep(pause)
        await store.close()


@READS
async def test_scans_in_id_order_equal_the_database(shared_store: LadybugStore) -> None:
    await assert_scans_equal_the_database(shared_store)


async def test_a_model_read_in_slices_holds_every_node_and_tie(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "sliced.lbug"
    nodes, ties = graph()
    await asyncio.to_thread(load_copy, path, nodes, ties)
    loader = LadybugStore(path)
    await loader.open()
    people = [node for node in nodes if node.kind is NodeKind.PERSON]
    await loader.delete(people[::5], [])  # gaps in the table's rows
    await loader.close()
    monkeypatch.setattr(read_model, "READ_CHUNK_ROWS", 37)
    opened = LadybugStore(path, read_model=True)
    await opened.open()
    try:
        assert opened.read_model is not None
        await opened.read_model.settled()
        assert opened.read_model.current() is not None
        await assert_scans_equal_the_database(opened)
    finally:
        await opened.close()


def test_slices_cover_every_row_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read_model, "READ_CHUNK_ROWS", 10)
    assert read_model.slices(10, 400) == [None]
    for count, rows in ((11, 11), (100, 100), (100, 260), (999, 4_321), (55, 3)):
        pieces = read_model.slices(count, rows)
        assert len(pieces) <= -(-count // 10)
        covered = [row for piece in pieces for row in (piece or ())]
        assert covered[:rows] == list(range(rows))
        assert len(set(covered)) == len(covered)


async def assert_scans_equal_the_database(store: LadybugStore) -> None:
    for kind in NodeKind:
        for batch in (1, 7, 1000):
            after: str | None = None
            while True:
                model = await store.scan_nodes(kind, after, batch)
                assert model == await CypherStore.scan_nodes(store, kind, after, batch)
                if not model:
                    break
                after = model[-1].id
    scanned = 0
    for type_ in TieType:
        after = None
        while True:
            ties = await store.scan_ties(type_, after, 97)
            assert ties == await CypherStore.scan_ties(store, type_, after, 97)
            columns = (await store.scan_tie_columns(type_, after, 97)).table
            assert columns.equals(tie_batch(ties)), "the model's slices are the database's ties"
            if not ties:
                break
            scanned += len(ties)
            after = ties[-1].id
    assert scanned == sum((await store.stats()).ties.values())


GRAPHQL_QUERIES = [
    """{ programmes(first: 10, orderBy: {field: NAME, direction: DESC}) { edges { cursor node {
      name projects(first: 10) { totalCount edges { cursor node { name
        participants(first: 10) { totalCount pageInfo { hasNextPage endCursor } edges { role
          node { __typename ... on Person { name memberships(first: 5) { edges { node {
            name sector } } } } ... on Organisation { name sector } } } } } } } } } } }""",
    """{ organisations(filter: {sector: [PUBLIC]}, orderBy: {field: NAME}, first: 7) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { id name orgType } } } }""",
    """{ people(filter: {nameContains: "ä"}, first: 50) {
      totalCount edges { node { id name } } } }""",
]


def test_graphql_answers_equal_with_and_without_the_read_model(
    make_client: Callable[..., GraphQLClient],
) -> None:
    with_model = make_client(*graph(), result_cache_mb=0)
    without = make_client(*graph(), result_cache_mb=0, read_model=False)
    store = with_model.embedded_store
    assert store.read_model is not None
    for query in GRAPHQL_QUERIES:
        with_model.data(query)  # asks for the hops, so the model builds their orders
    # Until the model is current and ordered along every hop asked for ("settled"); a hop
    # asked for while the first build runs is ordered after it.
    deadline = time.monotonic() + 120
    while not with_model.http.get("/readyz").json()["readModel"]["settled"]:
        assert time.monotonic() < deadline, "the read model did not settle within 120 s"
    served = store.round_trips.by_statement
    for query in GRAPHQL_QUERIES:
        before = dict(served)
        assert with_model.data(query) == without.data(query)
        from_model = {k: v - before.get(k, 0) for k, v in served.items() if k.startswith("read")}
        assert sum(from_model.values()) > 0, "the read model answered nothing"
        assert all(served[k] == before.get(k) for k in served if not k.startswith("read"))
    # A cursor from one continues the other: pages are the same everywhere.
    page = with_model.data(GRAPHQL_QUERIES[1])["organisations"]
    after = page["pageInfo"]["endCursor"]
    rest = """query ($after: String) { organisations(filter: {sector: [PUBLIC]},
      orderBy: {field: NAME}, first: 7, after: $after) { edges { node { id } } } }"""
    assert with_model.data(rest, {"after": after}) == without.data(rest, {"after": after})


async def test_a_write_starts_the_rebuild_without_waiting_for_a_read(store: LadybugStore) -> None:
    assert store.read_model is not None
    person = (await store.scan_nodes(NodeKind.PERSON, None, 1))[0]
    await store.upsert([replace(person, name=person.name + " Jr.")], [])
    assert not store.read_model.status()["current"]
    deadline = time.monotonic() + 120  # generous for a busy machine; ends once it is current
    while not store.read_model.status()["current"]:  # status() only reports: it asks for nothing
        assert time.monotonic() < deadline, "the rebuild did not catch up within 120 s"
        await asyncio.sleep(0.02)
    (renamed,) = await store.find_nodes([person.id])
    assert renamed is not None
    assert renamed.name == person.name + " Jr."


async def test_a_merge_is_seen_by_the_rebuilt_model(store: LadybugStore) -> None:
    assert store.read_model is not None
    people = await ids_of(store, NodeKind.PERSON)
    keep, remove = people[0], people[1]
    hop = Hop(NodeKind.PERSON, tuple(TieType), Direction.OUT, tuple(NodeKind))
    before = await store.ties_of(NodeKind.PERSON, [keep, remove])
    assert before
    result = await store.merge_nodes(keep, remove)
    await store.read_model.settled([hop])
    answered = store.round_trips.by_statement.get("read model: find_nodes", 0)
    kept, removed = await store.find_nodes([keep, remove])
    assert store.round_trips.by_statement["read model: find_nodes"] == answered + 1
    assert removed is None
    assert kept is not None
    assert remove in kept.merged_from
    from_model = {n.tie.id for n in (await store.neighbours(hop, [keep]))[keep]}
    absorbed = {t.id for t in result.absorbed}
    assert from_model == {t.id for t in before if t.source in (keep, remove)} - absorbed
    assert (await store.neighbours(hop, [remove]))[remove] == []
    redirected = await store.merged_into([remove, keep, "nobody"])
    assert store.round_trips.by_statement["read model: merged_into"] == 1
    assert redirected == await CypherStore.merged_into(store, [remove, keep, "nobody"])
    assert redirected == {remove: kept}


async def test_identifier_lookups_equal_the_database(store: LadybugStore) -> None:
    assert store.read_model is not None
    people = await store.find_nodes((await ids_of(store, NodeKind.PERSON))[:3])
    given = [Identifier(Scheme.WIKIDATA, f"Q{i + 1}") for i in range(3)]
    await store.upsert(
        [replace(p, identifiers=(i,)) for p, i in zip(people, given, strict=True) if p], []
    )
    await store.read_model.settled([])
    keys = [i.key for i in given] + ["WIKIDATA:Q99"]
    answered = store.round_trips.by_statement.get("read model: nodes_by_identifiers", 0)
    found = await store.nodes_by_identifiers(keys)
    assert store.round_trips.by_statement["read model: nodes_by_identifiers"] == answered + 1
    assert found == await CypherStore.nodes_by_identifiers(store, keys)
    assert sorted(n.id for n in found.values()) == sorted(p.id for p in people if p)


async def test_a_list_is_selected_once_per_version_and_anew_after_a_write(
    store: LadybugStore,
) -> None:
    """The next page of a filtered list is a cut of the selection its first page made; a
    write makes a new model, whose selection holds the write."""
    assert store.read_model is not None
    kind = NodeKind.ORGANISATION
    query = NodeQuery(kind, (Condition("name", Op.CONTAINS, "a"),), Order(SortField.NAME), 5)
    first = await store.list_nodes(query)
    model = store.read_model.current()
    assert model is not None
    held = model.selections.held()
    assert held, "the first page's selection is kept"
    second = await store.list_nodes(replace(query, after=first.keysets[-1]))
    assert second == await CypherStore.list_nodes(store, replace(query, after=first.keysets[-1]))
    assert all(model.selections.held()[key] is array for key, array in held.items())
    assert not any(array.flags.writeable for array in held.values())

    renamed = replace(first.nodes[0], name="Aaaa " + first.nodes[0].name)
    await store.upsert([renamed], [])
    await store.read_model.settled()
    again = await store.list_nodes(query)
    assert again == await CypherStore.list_nodes(store, query)
    assert again.nodes[0] == renamed
