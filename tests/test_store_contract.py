"""The GraphStore contract: every backend must pass this suite.

The embedded backend always runs; Neo4j joins when POIKKI_NEO4J_URI points at a server.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

import pytest

from graph.aggregates import KIND, TYPE, DateSpan, Group, Grouping, Part, Summary
from graph.columns import tie_batch
from graph.errors import BadInputError, NotFoundError
from graph.history import Attribution, Operation, tie_values
from graph.model import (
    Identifier,
    Node,
    NodeKind,
    OrgType,
    Scheme,
    SeatType,
    Sector,
    Tie,
    TieType,
)
from graph.store import (
    Condition,
    Direction,
    GraphStore,
    Hop,
    NodeQuery,
    Op,
    Order,
    SearchQuery,
    SortField,
    TieCount,
)
from graph.text_match import Tier
from seed.actors import organisation
from server.settings import from_environment
from server.stores import BACKENDS as REGISTRY
from tests.backends import BACKENDS, open_backend

S = ("src",)
Item = TypeVar("Item", Node, Tie)
INTO_PROJECTS = Hop(
    NodeKind.PROJECT,
    (TieType.LEADS, TieType.PARTICIPATES_IN, TieType.PARTNER_IN),
    Direction.IN,
    (NodeKind.PERSON, NodeKind.ORGANISATION),
)
"""From a project to the people and organisations that lead it or take part in it."""


def _graph() -> tuple[list[Node], list[Tie]]:
    nodes = [
        Node(NodeKind.SOURCE, "src", "A source", sources=S, publisher="Publisher"),
        Node(NodeKind.PERSON, "ann", "Ann Aalto", sources=S),
        Node(NodeKind.PERSON, "bo", "Bo Berg", sources=S),
        Node(NodeKind.PERSON, "cy", "Cy Corte", sources=()),
        organisation(
            "city",
            "City",
            *S,
            sector=Sector.PUBLIC,
            org_type=OrgType.MUNICIPALITY,
            municipality="Espoo",
        ),
        organisation(
            "ngo", "Helping Hands ry", *S, sector=Sector.THIRD_SECTOR, org_type=OrgType.NGO
        ),
        Node(NodeKind.PROGRAMME, "old", "Old programme", sources=S, start="2013", end="2017"),
        Node(NodeKind.PROGRAMME, "new", "New programme", sources=S, start="2017-06", end="2021"),
        Node(NodeKind.PROJECT, "pilot", "Pilot", sources=S, start="2014-03", end="2015"),
    ]
    ties = [
        Tie(
            TieType.SITS_ON,
            "ann",
            "old",
            "t-seat",
            role="chair",
            seat_type=SeatType.ELECTED_OFFICIAL,
            sources=S,
        ),
        Tie(TieType.EMPLOYED_BY, "bo", "city", "t-job", role="director", start="2010", sources=S),
        Tie(TieType.PART_OF, "pilot", "old", "t-part", sources=S),
        Tie(TieType.PARTICIPATES_IN, "bo", "pilot", "t-bo", role="member", sources=S),
        Tie(TieType.PARTNER_IN, "ngo", "pilot", "t-ngo", role="host", sources=S),
        Tie(TieType.LEADS, "ann", "pilot", "t-lead", role="project manager", sources=()),
    ]
    return nodes, ties


@pytest.fixture(params=BACKENDS)
async def empty_store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[GraphStore]:
    backend = await open_backend(request.param, tmp_path)
    yield backend
    await backend.close()


@pytest.fixture
async def store(empty_store: GraphStore) -> GraphStore:
    nodes, ties = _graph()
    await empty_store.bulk_load(nodes, ties)
    return empty_store


async def test_get_nodes_keeps_the_order_asked_and_marks_unknowns(store: GraphStore) -> None:
    found = await store.get_nodes(NodeKind.PERSON, ["bo", "nobody", "ann", "city"])
    assert [n.id if n else None for n in found] == ["bo", None, "ann", None]
    anywhere = await store.find_nodes(["city", "pilot", "nobody"])
    assert [n.kind if n else None for n in anywhere] == [
        NodeKind.ORGANISATION,
        NodeKind.PROJECT,
        None,
    ]
    city = anywhere[0]
    assert city is not None
    assert city.sector is Sector.PUBLIC
    assert city.municipality == "Espoo"


async def test_upsert_is_idempotent_and_reports_what_changed(store: GraphStore) -> None:
    nodes, ties = _graph()
    again = await store.upsert(nodes, ties)
    assert (again.created_nodes, again.updated_nodes, again.unchanged_nodes) == (0, 0, len(nodes))
    assert (again.created_ties, again.updated_ties, again.unchanged_ties) == (0, 0, len(ties))
    renamed = Node(NodeKind.PERSON, "bo", "Bo Berg-Lind", sources=S)
    newcomer = Node(NodeKind.PERSON, "di", "Di Dahl", sources=S)
    seat = Tie(TieType.SITS_ON, "di", "new", "t-di", seat_type=SeatType.CIVIL_SERVANT, sources=S)
    summary = await store.upsert([renamed, newcomer], [seat])
    assert (summary.created_nodes, summary.updated_nodes, summary.created_ties) == (1, 1, 1)
    assert (await store.get_nodes(NodeKind.PERSON, ["bo"]))[0] == renamed


async def test_a_rejected_batch_writes_nothing(store: GraphStore) -> None:
    before = await store.stats()
    newcomer = Node(NodeKind.PERSON, "di", "Di Dahl", sources=S)
    bad_batches: list[tuple[list[Node], list[Tie]]] = [
        ([newcomer], [Tie(TieType.SITS_ON, "di", "ghost", "t-x", sources=S)]),
        ([newcomer], [Tie(TieType.SITS_ON, "city", "old", "t-x", sources=S)]),
        ([newcomer, newcomer], []),
        ([Node(NodeKind.PROJECT, "ann", "Not a person", sources=S)], []),
    ]
    for nodes, ties in bad_batches:
        with pytest.raises(BadInputError):
            await store.upsert(nodes, ties)
    assert await store.stats() == before
    with pytest.raises(BadInputError, match="empty database"):
        await store.bulk_load([newcomer], [])


async def test_a_tie_given_new_ends_moves(store: GraphStore) -> None:
    moved = Tie(TieType.EMPLOYED_BY, "bo", "ngo", "t-job", role="director", sources=S)
    summary = await store.upsert([], [moved])
    assert summary.updated_ties == 1
    hop = Hop(NodeKind.PERSON, (TieType.EMPLOYED_BY,), Direction.OUT, (NodeKind.ORGANISATION,))
    employers = (await store.neighbours(hop, ["bo"]))["bo"]
    assert [n.node.id for n in employers] == ["ngo"]


async def test_list_nodes_pages_by_keyset(store: GraphStore) -> None:
    first = await store.list_nodes(NodeQuery(NodeKind.PERSON, limit=2))
    assert [n.name for n in first.nodes] == ["Ann Aalto", "Bo Berg"]
    assert first.has_more
    rest = await store.list_nodes(NodeQuery(NodeKind.PERSON, limit=2, after=first.keysets[-1]))
    assert [n.name for n in rest.nodes] == ["Cy Corte"]
    assert not rest.has_more
    newest = await store.list_nodes(
        NodeQuery(NodeKind.PROGRAMME, order=Order(SortField.START, descending=True), limit=1)
    )
    assert [n.id for n in newest.nodes] == ["new"]


async def test_conditions(store: GraphStore) -> None:
    async def ids(kind: NodeKind, *conditions: Condition) -> list[str]:
        page = await store.list_nodes(NodeQuery(kind, conditions, limit=50))
        assert await store.count_nodes(kind, conditions) == len(page.nodes)
        return [n.id for n in page.nodes]

    assert await ids(NodeKind.ORGANISATION, Condition("sector", Op.IN, ("THIRD_SECTOR",))) == [
        "ngo"
    ]
    assert await ids(NodeKind.ORGANISATION, Condition("municipality", Op.EQUALS, "Espoo")) == [
        "city"
    ]
    assert await ids(NodeKind.PERSON, Condition("name", Op.CONTAINS, "BERG")) == ["bo"]
    during = (
        Condition("end", Op.ACTIVE_FROM, "2017-09-01"),
        Condition("start", Op.ACTIVE_TO, "2017-09-30"),
    )
    # "2013"–"2017" is active in September 2017 at the year's precision; so is the new one.
    assert await ids(NodeKind.PROGRAMME, *during) == ["new", "old"]
    early = (Condition("start", Op.ACTIVE_TO, "2017-05-31"),)
    assert await ids(NodeKind.PROGRAMME, *early) == ["old"]


async def test_neighbours_in_both_directions_with_tie_properties(store: GraphStore) -> None:
    inbound = INTO_PROJECTS
    found = await store.neighbours(inbound, ["pilot", "nobody"])
    assert found["nobody"] == []
    assert [(n.node.id, n.tie.type, n.tie.role) for n in found["pilot"]] == [
        ("ann", TieType.LEADS, "project manager"),
        ("bo", TieType.PARTICIPATES_IN, "member"),
        ("ngo", TieType.PARTNER_IN, "host"),
    ]
    assert all(n.tie.target == "pilot" for n in found["pilot"])
    after_first = await store.neighbours(inbound, ["pilot"], after=found["pilot"][0].keyset)
    assert [n.node.id for n in after_first["pilot"]] == ["bo", "ngo"]
    seats = Hop(NodeKind.PERSON, (TieType.SITS_ON,), Direction.OUT, (NodeKind.PROGRAMME,))
    [seat] = (await store.neighbours(seats, ["ann"]))["ann"]
    assert seat.tie.seat_type is SeatType.ELECTED_OFFICIAL
    assert seat.tie.source == "ann"


async def _found(store: GraphStore, text: str, *kinds: NodeKind, limit: int = 10) -> list[str]:
    page = await store.search(SearchQuery(text, kinds or tuple(NodeKind), limit))
    return [hit.node.id for hit in page.hits]


async def test_search_ranks_name_prefix_first(store: GraphStore) -> None:
    found = await _found(store, "p", NodeKind.PROJECT, NodeKind.PROGRAMME)
    assert found[0] == "pilot"
    assert set(found) == {"pilot", "old", "new"}
    assert await store.count_search("p", [NodeKind.PROJECT, NodeKind.PROGRAMME]) == 3
    assert await _found(store, "zzz") == []
    assert await store.count_search("zzz", list(NodeKind)) == 0


FOLDED = [
    Node(NodeKind.OUTCOME, "decision", "Päätös", sources=S),
    Node(NodeKind.OUTCOME, "plain", "Paatos ilman pisteitä", sources=S),
    Node(NodeKind.ORGANISATION, "malmo", "Malmö stad", sources=S, description="I Skåne"),
    Node(NodeKind.ORGANISATION, "turku", "Åbo Akademi", sources=S),
    Node(NodeKind.PROJECT, "story", "Kertomus", sources=S, description="Tehty PÄÄTÖS ja ÅTGÄRD"),
]


async def test_search_ignores_case_and_diacritics_both_ways(store: GraphStore) -> None:
    await store.upsert(FOLDED, [])
    for text in ("paatos", "PÄÄTÖS", "päätös", "Paatós"):
        assert sorted(await _found(store, text)) == ["decision", "plain", "story"], text
    assert await _found(store, "Malmo") == ["malmo"]
    assert await _found(store, "skane") == ["malmo"]
    assert await _found(store, "abo") == ["turku"]
    assert await _found(store, "atgard") == ["story"]
    assert await _found(store, "paatos", NodeKind.OUTCOME) == ["decision", "plain"]


async def test_search_pages_by_tier_then_finnish_name_then_id(store: GraphStore) -> None:
    await store.upsert(FOLDED, [])
    # The whole name, then the name's start (Finnish order: P < Ä), then the description.
    expected = ["decision", "plain", "story"]
    first = await store.search(SearchQuery("paatos", tuple(NodeKind), 1))
    assert [(h.node.id, h.tier) for h in first.hits] == [("decision", Tier.WHOLE_NAME)]
    seen, page = [h.node.id for h in first.hits], first
    while page.has_more:
        query = SearchQuery("paatos", tuple(NodeKind), 1, page.hits[-1].keyset)
        page = await store.search(query)
        seen += [h.node.id for h in page.hits]
    assert seen == expected
    assert [h.tier for h in (await store.search(SearchQuery("paatos", (), 0))).hits] == []


FINNISH_ORDER = ["abc", "Vaasa", "Wahl", "Über", "zeta", "Zeta", "Åbo", "Ähtäri", "Öljy"]
"""Case only breaks ties, v and w are two letters, ü sorts as y, å ä ö follow z."""


async def test_name_order_is_finnish_and_pages_stay_in_it(store: GraphStore) -> None:
    people = [
        Node(NodeKind.PERSON, f"p{i}", name, sources=S)
        for i, name in enumerate(reversed(FINNISH_ORDER))
    ]
    await store.upsert(people, [])
    chosen = ("id", Op.IN, tuple(p.id for p in people))
    for descending in (False, True):
        query = NodeQuery(
            NodeKind.PERSON, (Condition(*chosen),), Order(SortField.NAME, descending), 2
        )
        names: list[str] = []
        while True:
            page = await store.list_nodes(query)
            names += [n.name for n in page.nodes]
            if not page.has_more:
                break
            query = NodeQuery(query.kind, query.conditions, query.order, 2, page.keysets[-1])
        assert names == (FINNISH_ORDER[::-1] if descending else FINNISH_ORDER)


async def test_stats_count_kinds_types_and_unsourced_facts(store: GraphStore) -> None:
    stats = await store.stats()
    assert stats.nodes[NodeKind.PERSON] == 3
    assert stats.ties[TieType.PARTNER_IN] == 1
    assert (stats.unsourced_nodes, stats.unsourced_ties) == (1, 1)


async def test_bulk_load_reports_progress_and_scans_return_everything(
    empty_store: GraphStore,
) -> None:
    nodes, ties = _graph()
    steps: list[int] = []
    await empty_store.bulk_load(nodes, ties, steps.append)
    assert sum(steps) == len(nodes) + len(ties)
    scanned = [
        node
        for kind in NodeKind
        for node in await _scan_all(lambda after, k=kind: empty_store.scan_nodes(k, after, 2))
    ]
    assert sorted(scanned, key=lambda n: n.id) == sorted(nodes, key=lambda n: n.id)
    scanned_ties = [
        tie
        for type_ in TieType
        for tie in await _scan_all(lambda after, t=type_: empty_store.scan_ties(t, after, 2))
    ]
    assert sorted(scanned_ties, key=lambda t: t.id) == sorted(ties, key=lambda t: t.id)


async def test_tie_columns_scan_the_same_ties_as_objects(empty_store: GraphStore) -> None:
    nodes, ties = _graph()
    await empty_store.bulk_load(nodes, ties)
    for type_ in TieType:
        after: str | None = None
        while True:
            objects = await empty_store.scan_ties(type_, after, 2)
            columns = (await empty_store.scan_tie_columns(type_, after, 2)).table
            assert columns.equals(tie_batch(objects))
            if not objects:
                break
            after = objects[-1].id


async def test_a_failed_bulk_load_leaves_the_store_empty(empty_store: GraphStore) -> None:
    nodes, ties = _graph()
    dangling = Tie(TieType.LEADS, "ann", "nowhere", "t-dangling", sources=S)
    with pytest.raises(BadInputError, match="nowhere"):
        await empty_store.bulk_load(nodes, [*ties, dangling])
    stats = await empty_store.stats()
    assert not any(stats.nodes.values())
    await empty_store.bulk_load(nodes, ties)
    assert (await empty_store.stats()).nodes[NodeKind.PERSON] == 3


async def _scan_all(fetch: Callable[[str | None], Awaitable[Sequence[Item]]]) -> list[Item]:
    found: list[Item] = []
    after: str | None = None
    while batch := await fetch(after):
        assert [item.id for item in batch] == sorted(item.id for item in batch)
        found += batch
        after = batch[-1].id
    return found


async def test_ties_of_a_node_in_both_directions(store: GraphStore) -> None:
    _, ties = _graph()
    expected = sorted(t.id for t in ties if "ann" in (t.source, t.target))
    found = await store.ties_of(NodeKind.PERSON, ["ann"])
    assert [t.id for t in found] == expected
    assert await store.ties_of(NodeKind.PERSON, ["nobody"]) == []


async def test_delete_removes_nodes_with_their_ties_in_one_go(store: GraphStore) -> None:
    nodes, ties = _graph()
    version = store.version
    ann = next(n for n in nodes if n.id == "ann")
    job = next(t for t in ties if t.id == "t-job")
    await store.delete([ann], [job])
    assert store.version > version
    assert await store.find_nodes(["ann", "bo"]) == [None, next(n for n in nodes if n.id == "bo")]
    assert await store.ties_of(NodeKind.PERSON, ["ann"]) == []
    assert await store.existing_ties(TieType.EMPLOYED_BY, ["t-job"]) == []
    stats = await store.stats()
    assert (
        sum(stats.ties.values()) == len([t for t in ties if "ann" not in (t.source, t.target)]) - 1
    )
    assert await _found(store, "Aalto") == []


async def test_unsourced_facts_are_listed_in_id_order(store: GraphStore) -> None:
    found = await store.unsourced_nodes(NodeKind.PERSON, None, 10)
    assert [n.id for n in found] == ["cy"]
    assert await store.unsourced_nodes(NodeKind.PERSON, "cy", 10) == []
    unsourced_ties = [t for type_ in TieType for t in await store.unsourced_ties(type_, None, 10)]
    _, ties = _graph()
    assert sorted(t.id for t in unsourced_ties) == sorted(t.id for t in ties if not t.sources)


async def test_tokens_are_kept_by_digest_and_revoked_by_name(store: GraphStore) -> None:
    from graph.tokens import ApiToken, Role

    token = ApiToken("ci", Role.EDITOR, "d" * 64, "2026-11-23T12:00:00Z")
    await store.save_token(token)
    assert await store.token_by_digest("d" * 64) == token
    assert await store.token_by_digest("e" * 64) is None
    with pytest.raises(BadInputError, match="exists already"):
        await store.save_token(ApiToken("ci", Role.ADMIN, "f" * 64, "2026-11-23T12:00:00Z"))
    assert await store.list_tokens() == [token]
    assert await store.revoke_token("ci") is True
    assert await store.revoke_token("ci") is False
    assert await store.token_by_digest("d" * 64) is None
    assert await store.stats() == await store.stats()  # tokens are not part of the graph


async def test_every_write_logs_who_did_what_with_the_values_before_and_after(
    store: GraphStore,
) -> None:
    loaded = await store.log_entries(0, 100)
    assert {e.subject_type: e.values_after() for e in loaded} == {
        "Source": {"count": 1},
        "Person": {"count": 3},
        "Organisation": {"count": 2},
        "Programme": {"count": 2},
        "Project": {"count": 1},
        **{t: {"count": 1} for t in ("SITS_ON", "EMPLOYED_BY", "PART_OF")},
        **{t: {"count": 1} for t in ("PARTICIPATES_IN", "PARTNER_IN", "LEADS")},
    }
    assert store.version == loaded[-1].position == len(loaded)
    editor = Attribution("editor-token", Operation.UPDATE_NODE)
    renamed = Node(NodeKind.PERSON, "bo", "Bo Berg-Lind", sources=("src", "src2"))
    second = Node(NodeKind.SOURCE, "src2", "Another source", sources=("src2",))
    await store.upsert([second, renamed], [], editor)
    assert store.version == len(loaded) + 2
    (entry,) = await store.history("Person", "bo", None, 10)
    assert (entry.actor, entry.operation, entry.sources) == (
        "editor-token",
        "updateNode",
        ("src", "src2"),
    )
    assert (entry.values_before() or {})["name"] == "Bo Berg"
    assert (entry.values_after() or {})["name"] == "Bo Berg-Lind"
    assert entry.time.endswith("+00:00")
    job = (await store.existing_ties(TieType.EMPLOYED_BY, ["t-job"]))[0]
    await store.delete([], [job], Attribution("cli:curator", Operation.UNLINK))
    (unlinked,) = await store.history("EMPLOYED_BY", "t-job", None, 10)
    assert unlinked.after is None
    assert unlinked.values_before() == tie_values(job)
    assert store.version == unlinked.position == entry.position + 1
    every = await store.log_entries(0, 1000)
    assert [e.position for e in every] == list(range(1, len(every) + 1))
    assert await store.history("Person", "bo", entry.position, 10) == []
    assert await store.position_at(entry.time) == entry.position
    orphan = Tie(TieType.EMPLOYED_BY, "bo", "nowhere", "t-orphan", sources=S)
    with pytest.raises(BadInputError):
        await store.upsert([Node(NodeKind.PERSON, "di", "Di Dahl", sources=S)], [orphan], editor)
    assert await store.log_entries(0, 1000) == every  # a rejected write leaves no entry


async def test_tokens_made_and_revoked_are_logged_without_their_digest(store: GraphStore) -> None:
    from graph.tokens import ApiToken, Role

    admin = Attribution("admin-token", Operation.CREATE_TOKEN)
    await store.save_token(ApiToken("ci", Role.EDITOR, "d" * 64, "2026-11-23T12:00:00Z"), admin)
    await store.revoke_token("ci", Attribution("admin-token", Operation.REVOKE_TOKEN))
    revoked, made = await store.history("Token", "ci", None, 10)
    assert (made.operation, revoked.operation) == ("createToken", "revokeToken")
    assert made.values_after() == {
        "name": "ci",
        "role": "editor",
        "created": "2026-11-23T12:00:00Z",
    }
    assert revoked.after is None
    assert "d" * 64 not in str(await store.log_entries(0, 1000))


async def test_an_erasure_leaves_nothing_of_the_person_in_the_log(store: GraphStore) -> None:
    renamed = Node(NodeKind.PERSON, "ann", "Ann Aalto-Erased", sources=S)
    await store.upsert([renamed], [], Attribution("editor", Operation.UPDATE_NODE))
    ties = await store.ties_of(NodeKind.PERSON, ["ann"])
    await store.upsert([], [replace(ties[0], role="Ann's own role")])
    await store.delete([renamed], ties, Attribution("admin", Operation.FORGET_PERSON))
    every = await store.log_entries(0, 1000)
    assert await store.history("Person", "ann", None, 10) == []
    for tie in ties:
        assert await store.history(tie.type.value, tie.id, None, 10) == []
    text = repr(every)
    assert "Aalto" not in text
    assert "'ann'" not in text
    assert "Ann's" not in text
    erasure = every[-1]
    assert (erasure.operation, erasure.subject, erasure.subject_type) == (
        "forgetPerson",
        "erased",
        "Person",
    )
    assert (erasure.before, erasure.after, erasure.sources) == (None, None, ())
    assert store.version == erasure.position


async def test_a_second_store_over_the_same_database_sees_the_first_ones_writes(
    request: pytest.FixtureRequest, store: GraphStore, tmp_path: Path
) -> None:
    backend = request.node.callspec.params["empty_store"]
    other = REGISTRY[backend].store(replace(from_environment(), data_dir=tmp_path))
    await other.open()
    try:
        assert await other.sync_version() == store.version
        await store.upsert([Node(NodeKind.PERSON, "di", "Di Dahl", sources=S)], [])
        assert other.version < store.version  # read at most every 100 ms, not on every call
        await asyncio.sleep(0.11)
        assert await other.sync_version() == store.version
        assert [n and n.name for n in await other.get_nodes(NodeKind.PERSON, ["di"])] == ["Di Dahl"]
    finally:
        await other.close()


async def test_first_neighbours_cuts_in_the_database_and_counts_all(store: GraphStore) -> None:
    hop = INTO_PROJECTS
    everything = (await store.neighbours(hop, ["pilot"]))["pilot"]
    assert len(everything) == 3
    for limit in (1, 2, 3, 5):
        pages = await store.first_neighbours(hop, ["pilot", "nothing-here"], limit)
        assert pages["pilot"].total == 3
        assert [n.tie.id for n in pages["pilot"].items] == [n.tie.id for n in everything][:limit]
        assert [n.keyset for n in pages["pilot"].items] == [n.keyset for n in everything][:limit]
        assert pages["nothing-here"].total == 0
        assert list(pages["nothing-here"].items) == []
    assert (await store.first_neighbours(hop, ["pilot"], 0))["pilot"].total == 3


async def test_aggregates_count_span_and_group_the_selected_nodes(store: GraphStore) -> None:
    programmes = await store.summarise_nodes(NodeQuery(NodeKind.PROGRAMME))
    # Starts 2013 and 2017-06: the earliest first day is 2013's, the latest last day 2017-06's.
    assert programmes == Summary(2, DateSpan("2013", "2017-06"), DateSpan("2017", "2021"))
    old = NodeQuery(NodeKind.PROGRAMME, (Condition("id", Op.IN, ("old",)),))
    assert await store.summarise_nodes(old) == Summary(
        1, DateSpan("2013", "2013"), DateSpan("2017", "2017")
    )
    assert await store.summarise_nodes(NodeQuery(NodeKind.PERSON)) == Summary(3)
    organisations = NodeQuery(NodeKind.ORGANISATION)
    by_sector = await store.group_nodes(organisations, Grouping(Part.NODE, "sector"))
    assert by_sector == [Group("PUBLIC", 1), Group("THIRD_SECTOR", 1)]
    by_town = await store.group_nodes(organisations, Grouping(Part.NODE, "municipality"))
    assert by_town == [Group("Espoo", 1), Group(None, 1)]
    years = await store.group_nodes(
        NodeQuery(NodeKind.PROGRAMME), Grouping(Part.NODE, "start", True)
    )
    assert years == [Group("2013", 1), Group("2017", 1)]
    people = await store.group_nodes(NodeQuery(NodeKind.PERSON), Grouping(Part.NODE, "sector"))
    assert people == [Group(None, 3)]


async def test_aggregates_along_a_hop_count_its_ties_by_a_key(store: GraphStore) -> None:
    summaries = await store.summarise_neighbours(INTO_PROJECTS, ["pilot", "nothing-here"])
    assert summaries == {"pilot": Summary(3), "nothing-here": Summary()}
    types = await store.group_neighbours(INTO_PROJECTS, ["pilot"], Grouping(Part.TIE, TYPE))
    assert types["pilot"] == [
        Group("LEADS", 1),
        Group("PARTICIPATES_IN", 1),
        Group("PARTNER_IN", 1),
    ]
    kinds = await store.group_neighbours(INTO_PROJECTS, ["pilot"], Grouping(Part.NODE, KIND))
    assert kinds["pilot"] == [Group("Person", 2), Group("Organisation", 1)]
    jobs = Hop(NodeKind.ORGANISATION, (TieType.EMPLOYED_BY,), Direction.IN, (NodeKind.PERSON,))
    years = await store.group_neighbours(jobs, ["city"], Grouping(Part.TIE, "start", True))
    assert years["city"] == [Group("2010", 1)]
    assert (await store.summarise_neighbours(jobs, ["city"]))["city"].start == DateSpan(
        "2010", "2010"
    )


async def test_lists_sort_by_a_count_of_ties_then_id_in_pages(store: GraphStore) -> None:
    projects = TieCount(
        "projects",
        (Hop(NodeKind.PROGRAMME, (TieType.PART_OF,), Direction.IN, (NodeKind.PROJECT,)),),
    )
    for descending, expected in ((True, ["old", "new"]), (False, ["new", "old"])):
        query = NodeQuery(
            NodeKind.PROGRAMME, order=Order(count=projects, descending=descending), limit=1
        )
        first = await store.list_nodes(query)
        assert [n.id for n in first.nodes] == expected[:1]
        assert first.has_more
        rest = await store.list_nodes(
            NodeQuery(NodeKind.PROGRAMME, order=query.order, after=first.keysets[0])
        )
        assert [n.id for n in rest.nodes] == expected[1:]
        assert not rest.has_more
    # Along a hop: by the far node's count (people's jobs; organisations count 0), then ids.
    jobs = TieCount(
        "memberships",
        (Hop(NodeKind.PERSON, (TieType.EMPLOYED_BY,), Direction.OUT, (NodeKind.ORGANISATION,)),),
    )
    for descending, expected in ((True, ["bo", "ngo", "ann"]), (False, ["ann", "ngo", "bo"])):
        seen, after = [], None
        while True:
            pages = await store.counted_neighbours(
                INTO_PROJECTS, ["pilot"], jobs, descending, after, 1
            )
            assert pages["pilot"].total == 3
            if not pages["pilot"].items:
                break
            seen += [item.node.id for item in pages["pilot"].items]
            after = pages["pilot"].items[-1].keyset
        assert seen == expected


WIKIDATA_ANN = Identifier(Scheme.WIKIDATA, "Q42")


async def test_identifiers_are_stored_found_and_unique(store: GraphStore) -> None:
    ann = (await store.get_nodes(NodeKind.PERSON, ["ann"]))[0]
    assert ann is not None
    orcid = Identifier(Scheme.ORCID, "0000-0002-1825-0097")
    await store.upsert([replace(ann, identifiers=(WIKIDATA_ANN, orcid))], [])
    found = await store.nodes_by_identifiers([WIKIDATA_ANN.key, orcid.key, "WIKIDATA:Q1"])
    assert {key: node.id for key, node in found.items()} == {
        WIKIDATA_ANN.key: "ann",
        orcid.key: "ann",
    }
    assert found[orcid.key].identifiers == (WIKIDATA_ANN, orcid)
    bo = Node(NodeKind.PERSON, "bo", "Bo Berg", sources=S, identifiers=(WIKIDATA_ANN,))
    with pytest.raises(BadInputError, match=r"Q42.*'ann'"):
        await store.upsert([bo], [])
    assert (await store.get_nodes(NodeKind.PERSON, ["bo"]))[0] == Node(
        NodeKind.PERSON, "bo", "Bo Berg", sources=S
    )


async def _person_with_ties(store: GraphStore) -> None:
    """`bob` (a second record of Bo, citing another source) with 3 ties: one duplicating Bo's
    job (folded), one new seat, one shared pilot participation in another period (moved)."""
    other = Node(NodeKind.SOURCE, "src2", "Another source", sources=("src2",))
    bob = Node(
        NodeKind.PERSON,
        "bob",
        "Berg Bo",
        sources=("src2",),
        description="Director",
        identifiers=(WIKIDATA_ANN,),
    )
    ties = [
        Tie(TieType.EMPLOYED_BY, "bob", "city", "t-job2", start="2010", sources=("src2",)),
        Tie(TieType.SITS_ON, "bob", "new", "t-seat2", sources=("src2",)),
        Tie(TieType.PARTICIPATES_IN, "bob", "pilot", "t-bob", start="2015", sources=("src2",)),
    ]
    await store.upsert([other, bob], ties)


async def test_merging_moves_ties_folds_duplicates_and_redirects(store: GraphStore) -> None:
    await _person_with_ties(store)
    before = {t.id: t for t in await store.ties_of(NodeKind.PERSON, ["bo", "bob"])}
    assert len(before) == 5
    result = await store.merge_nodes("bo", "bob")
    assert [t.id for t in result.moved] == ["t-bob", "t-seat2"]
    assert [t.id for t in result.folded] == ["t-job"]
    assert [t.id for t in result.absorbed] == ["t-job2"]
    ties = {t.id: t for t in await store.ties_of(NodeKind.PERSON, ["bo"])}
    assert sorted(ties) == ["t-bo", "t-bob", "t-job", "t-seat2"]
    assert all("bo" in (t.source, t.target) for t in ties.values())
    assert ties["t-job"].sources == ("src", "src2")
    assert ties["t-job"].role == "director"
    assert await store.ties_of(NodeKind.PERSON, ["bob"]) == []
    kept = (await store.find_nodes(["bo"]))[0]
    assert kept is not None
    assert kept == result.kept
    assert (kept.name, kept.description, kept.sources) == ("Bo Berg", "Director", ("src", "src2"))
    assert kept.identifiers == (WIKIDATA_ANN,)
    assert kept.merged_from == ("bob",)
    assert {(c.field, c.value, c.sources) for c in kept.claims} == {
        ("name", "Bo Berg", ("src",)),
        ("name", "Berg Bo", ("src2",)),
    }
    assert (await store.find_nodes(["bob"])) == [None]
    assert {i: n.id for i, n in (await store.merged_into(["bob", "bo"])).items()} == {"bob": "bo"}
    assert (await store.nodes_by_identifiers([WIKIDATA_ANN.key]))[WIKIDATA_ANN.key].id == "bo"
    stats = await store.stats()
    assert stats.nodes[NodeKind.PERSON] == 3


async def test_a_merge_that_cannot_be_done_changes_nothing(store: GraphStore) -> None:
    await _person_with_ties(store)
    before = await store.stats()
    with pytest.raises(BadInputError, match="itself"):
        await store.merge_nodes("bo", "bo")
    with pytest.raises(BadInputError, match="one kind"):
        await store.merge_nodes("bo", "city")
    with pytest.raises(NotFoundError):
        await store.merge_nodes("bo", "nobody")
    assert await store.stats() == before
    await store.merge_nodes("bo", "bob")
    with pytest.raises(BadInputError, match="'bob' was merged into 'bo' already"):
        await store.merge_nodes("bo", "bob")
    with pytest.raises(BadInputError, match="'bob' was merged into 'bo' already"):
        await store.merge_nodes("bob", "ann")


async def test_a_merge_drops_the_tie_joining_the_two(store: GraphStore) -> None:
    await store.upsert(
        [
            organisation(
                "dept", "City department", *S, org_type=OrgType.CITY_BRANCH, sector=Sector.PUBLIC
            )
        ],
        [Tie(TieType.SUBUNIT_OF, "dept", "city", "t-sub", sources=S)],
    )
    result = await store.merge_nodes("city", "dept")
    assert [t.id for t in result.dropped] == ["t-sub"]
    assert [t.id for t in await store.ties_of(NodeKind.ORGANISATION, ["city"])] == ["t-job"]


async def test_a_bulk_load_refuses_an_identifier_given_twice(empty_store: GraphStore) -> None:
    twins = [
        Node(NodeKind.PERSON, name, name, sources=S, identifiers=(WIKIDATA_ANN,))
        for name in ("ann", "anna")
    ]
    with pytest.raises(BadInputError, match="WIKIDATA:Q42"):
        await empty_store.bulk_load(
            [Node(NodeKind.SOURCE, "src", "A source", sources=S), *twins], []
        )
    assert await empty_store.find_nodes(["ann", "anna"]) == [None, None]
