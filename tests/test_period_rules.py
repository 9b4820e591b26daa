"""The period rules of docs/network-science.md, through GraphQL, on a hand-made graph and on
the demo, against an independent reading of the rules in this file (with datetime dates)."""

from __future__ import annotations

import calendar
from collections.abc import Iterator, Mapping, Sequence
from datetime import date

import networkx as nx
import pytest

from graph.model import Node, NodeKind, SeatType, Tie, TieType
from resolvers import global_ids
from seed.knowledge import seed_graph
from tests.conftest import GraphQLClient

# --------------------------------------------------------------------------------------------
# An independent reading of the rules
# --------------------------------------------------------------------------------------------

Days = tuple[date, date]
EVER: Days = (date.min, date.max)
INSTANTS = {NodeKind.EVENT, NodeKind.STORY}
BOUNDING = {NodeKind.PROGRAMME, NodeKind.PROJECT, NodeKind.EVENT, NodeKind.GOAL, NodeKind.STORY}
TERMS = {
    "TERM_2013_2017": (date(2013, 1, 1), date(2017, 5, 31)),
    "TERM_2017_2021": (date(2017, 6, 1), date(2021, 7, 31)),
    "TERM_2021_2025": (date(2021, 8, 1), date(2025, 5, 31)),
}


def first(text: str | None) -> date:
    if text is None:
        return date.min
    parts = [int(p) for p in text.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def last(text: str | None) -> date:
    if text is None:
        return date.max
    parts = [int(p) for p in text.split("-")]
    year, month = parts[0], parts[1] if len(parts) > 1 else 12
    day = parts[2] if len(parts) > 2 else calendar.monthrange(year, month)[1]
    return date(year, month, day)


def node_days(nodes: Mapping[str, Node], ties: Sequence[Tie]) -> dict[str, Days | None]:
    """Each node's days; None when it has no dates and belongs to no dated initiative."""
    wholes: dict[str, list[str]] = {}
    for t in ties:
        if t.type in (TieType.HAS_EVENT, TieType.HAS_GOAL):
            wholes.setdefault(t.target, []).append(t.source)
        if t.type is TieType.PART_OF:
            wholes.setdefault(t.source, []).append(t.target)

    def days(node_id: str, seen: frozenset[str]) -> Days | None:
        node = nodes[node_id]
        start, end = node.start, node.end
        if node.kind in INSTANTS:
            start, end = start or end, end or start
        if start or end:
            return first(start), last(end)
        above = [days(w, seen | {node_id}) for w in wholes.get(node_id, []) if w not in seen]
        if not above or None in above:
            return None
        spans = [a for a in above if a is not None]
        return min(s for s, _ in spans), max(e for _, e in spans)

    return {node_id: days(node_id, frozenset()) for node_id in nodes}


def tie_days(tie: Tie, nodes: Mapping[str, Node], known: Mapping[str, Days | None]) -> Days:
    own_start = first(tie.start) if tie.start else None
    own_end = last(tie.end) if tie.end else None
    bounds = [known[end] or EVER for end in (tie.source, tie.target) if nodes[end].kind in BOUNDING]
    if bounds:
        low, high = max(b[0] for b in bounds), min(b[1] for b in bounds)
        if low > high:  # the ends never meet: from the earlier start to the later end
            low, high = min(b[0] for b in bounds), max(b[1] for b in bounds)
    else:
        low, high = EVER
    return own_start or low, own_end or high


def expected(nodes: list[Node], ties: list[Tie], period: Days) -> tuple[set[str], set[str]]:
    """Global node ids and tie ids of the whole graph's network in `period`."""
    by_id = {n.id: n for n in nodes if n.kind is not NodeKind.SOURCE}
    known = node_days(by_id, ties)

    def meets(days: Days) -> bool:
        return days[0] <= period[1] and days[1] >= period[0]

    counting = {i for i, d in known.items() if d is None or meets(d)}
    kept = [
        t
        for t in ties
        if t.source in counting and t.target in counting and meets(tie_days(t, by_id, known))
    ]
    node_ids = {end for t in kept for end in (t.source, t.target)}
    node_ids |= {i for i, d in known.items() if d is not None and meets(d)}
    encoded = {global_ids.encode(by_id[i].kind, i) for i in node_ids}
    return encoded, {t.id for t in kept}


NETWORK = """
query ($scope: ScopeInput) { network(scope: $scope) {
  nodes { id kind start end } edges { id type start end }
} }
"""


def network(client: GraphQLClient, scope: dict[str, object]) -> dict[str, list[dict[str, str]]]:
    found: dict[str, list[dict[str, str]]] = client.data(NETWORK, {"scope": scope})["network"]
    return found


# --------------------------------------------------------------------------------------------
# A hand-made graph with one case of each rule
# --------------------------------------------------------------------------------------------


def node(
    kind: NodeKind,
    id: str,
    start: str | None = None,
    end: str | None = None,
    municipality: str | None = None,
) -> Node:
    return Node(kind, id, id, ("s",), start=start, end=end, municipality=municipality)


def tie(
    type_: TieType,
    source: str,
    target: str,
    start: str | None = None,
    end: str | None = None,
    seat_type: SeatType | None = None,
) -> Tie:
    id = f"{source}--{type_.value.lower()}--{target}"
    return Tie(type_, source, target, id, start=start, end=end, seat_type=seat_type, sources=("s",))


PERSON, ORG, EVENT = NodeKind.PERSON, NodeKind.ORGANISATION, NodeKind.EVENT
NODES = [
    Node(NodeKind.SOURCE, "s", "The source"),
    node(NodeKind.PROGRAMME, "first", "2013-01-01", "2017-05-31"),
    node(NodeKind.PROGRAMME, "second", "2017-06-01", "2021-07-31"),
    node(NodeKind.PROGRAMME, "third", "2021", "2025"),
    node(NodeKind.PROJECT, "undated-project"),
    node(EVENT, "june-2015", "2015-06"),
    node(EVENT, "undated-event"),
    node(EVENT, "march-2022", "2022-03-10"),
    node(NodeKind.GOAL, "goal"),
    node(NodeKind.STORY, "story-2020", "2020"),
    node(PERSON, "alice"),
    node(PERSON, "bob"),
    node(PERSON, "carol"),
    node(ORG, "a", municipality=None),
    node(ORG, "b", municipality="Vantaa"),
    node(ORG, "c", municipality="Helsinki"),
    node(ORG, "top", municipality="Espoo"),
    node(ORG, "new-top", municipality="Kauniainen"),
]
TIES = [
    tie(TieType.CONTINUED_BY, "first", "second"),
    tie(TieType.PART_OF, "undated-project", "first"),
    tie(TieType.HAS_EVENT, "first", "june-2015"),
    tie(TieType.TOOK_PART_IN, "a", "june-2015"),
    tie(TieType.TOOK_PART_IN, "b", "june-2015"),
    tie(TieType.HAS_EVENT, "first", "undated-event"),
    tie(TieType.TOOK_PART_IN, "c", "undated-event"),
    tie(TieType.HAS_EVENT, "third", "march-2022"),
    tie(TieType.TOOK_PART_IN, "c", "march-2022"),
    tie(TieType.HAS_GOAL, "second", "goal"),
    tie(TieType.TELLS_OF, "story-2020", "second"),
    tie(TieType.SITS_ON, "alice", "first", seat_type=SeatType.ELECTED_OFFICIAL),
    tie(TieType.SITS_ON, "alice", "second", seat_type=SeatType.CIVIL_SERVANT),
    tie(TieType.SITS_ON, "bob", "second", "2019", seat_type=SeatType.CIVIL_SERVANT),
    tie(TieType.PARTICIPATES_IN, "carol", "undated-project"),
    # alice left a (a unit of `top`) in 2012 for c; she is also a member of b
    tie(TieType.EMPLOYED_BY, "alice", "a", "2005", "2012"),
    tie(TieType.EMPLOYED_BY, "alice", "c", "2012"),
    tie(TieType.MEMBER_OF, "alice", "b"),
    # bob: two jobs that ended, the later one started last
    tie(TieType.EMPLOYED_BY, "bob", "b", "2010", "2020"),
    tie(TieType.EMPLOYED_BY, "bob", "c", "2016-01", "2018-12"),
    # carol: only a membership
    tie(TieType.MEMBER_OF, "carol", "a"),
    # a moved from top to new-top in 2016
    tie(TieType.SUBUNIT_OF, "a", "top", None, "2015"),
    tie(TieType.SUBUNIT_OF, "a", "new-top", "2016"),
]


def gid(kind: NodeKind, slug: str) -> str:
    return global_ids.encode(kind, slug)


@pytest.fixture(scope="module")
def fixture_client(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[GraphQLClient]:
    from starlette.testclient import TestClient

    from server.app import create_app
    from server.settings import Settings
    from tests.databases import load_copy

    data_dir = tmp_path_factory.mktemp("periods")
    load_copy(Settings(data_dir=data_dir).database_path, NODES, TIES)
    with TestClient(create_app(Settings(data_dir=data_dir))) as http:
        yield GraphQLClient(http)


PERIODS = [
    {"from": "2015-06-30", "to": "2015-06-30"},
    {"from": "2015-07"},
    {"to": "2015-05"},
    {"from": "2017-05", "to": "2017-06"},
    {"from": "2019-03", "to": "2020-02"},
    {"from": "2022", "to": "2023"},
    {"term": "TERM_2013_2017"},
    {"term": "TERM_2017_2021"},
    {"term": "TERM_2021_2025"},
]


def _days(scope: Mapping[str, object]) -> Days:
    if "term" in scope:
        return TERMS[str(scope["term"])]
    start, end = scope.get("from"), scope.get("to")
    return (
        first(str(start)) if start else date.min,
        last(str(end)) if end else date.max,
    )


@pytest.mark.parametrize("scope", PERIODS, ids=str)
def test_the_hand_made_networks_periods_follow_the_rules(
    fixture_client: GraphQLClient, scope: dict[str, object]
) -> None:
    drawn = network(fixture_client, scope)
    nodes, ties = expected(NODES, TIES, _days(scope))
    assert {n["id"] for n in drawn["nodes"]} == nodes
    assert {e["id"] for e in drawn["edges"]} == ties


def _edge(drawn: Mapping[str, list[dict[str, str]]], id: str) -> dict[str, str]:
    return next(e for e in drawn["edges"] if e["id"] == id)


def _node(drawn: Mapping[str, list[dict[str, str]]], id: str) -> dict[str, str]:
    return next(n for n in drawn["nodes"] if n["id"] == id)


def test_an_undated_tie_takes_the_dates_of_its_initiative(fixture_client: GraphQLClient) -> None:
    whole = network(fixture_client, {})
    seat = _edge(whole, "alice--sits_on--first")
    assert (seat["start"], seat["end"]) == ("2013-01-01", "2017-05-31")
    later = _edge(whole, "bob--sits_on--second")  # its own start, the programme's end
    assert (later["start"], later["end"]) == ("2019", "2021-07-31")
    in_2022 = network(fixture_client, {"from": "2022", "to": "2023"})
    assert not [e for e in in_2022["edges"] if "first" in e["id"].split("--")]


def test_a_point_in_time_ends_when_it_starts_at_its_precision(
    fixture_client: GraphQLClient,
) -> None:
    june = gid(EVENT, "june-2015")
    whole = network(fixture_client, {})
    assert {k: _node(whole, june)[k] for k in ("start", "end")} == {
        "start": "2015-06",
        "end": "2015-06",
    }
    took = _edge(whole, "a--took_part_in--june-2015")
    assert (took["start"], took["end"]) == ("2015-06", "2015-06")
    last_day = network(fixture_client, {"from": "2015-06-30", "to": "2015-06-30"})
    assert june in {n["id"] for n in last_day["nodes"]}
    after = network(fixture_client, {"from": "2015-07"})
    assert june not in {n["id"] for n in after["nodes"]}
    assert not [e for e in after["edges"] if e["id"].endswith("june-2015")]


def test_organisations_at_one_event_collaborate_only_in_its_period(
    fixture_client: GraphQLClient,
) -> None:
    query = """query ($scope: ScopeInput) { collaboration(scope: $scope, mode: ORGANISATIONS) {
      edges { source target start end } } }"""
    a, b = gid(ORG, "a"), gid(ORG, "b")

    def pairs(scope: dict[str, object]) -> dict[frozenset[str], tuple[str, str]]:
        edges = fixture_client.data(query, {"scope": scope})["collaboration"]["edges"]
        return {frozenset((e["source"], e["target"])): (e["start"], e["end"]) for e in edges}

    assert pairs({"from": "2015", "to": "2015"})[frozenset((a, b))] == ("2015-06", "2015-06")
    assert frozenset((a, b)) not in pairs({"from": "2022", "to": "2022"})


def test_an_undated_event_or_goal_takes_its_initiatives_period(
    fixture_client: GraphQLClient,
) -> None:
    whole = network(fixture_client, {})
    event = _node(whole, gid(EVENT, "undated-event"))
    assert (event["start"], event["end"]) == ("2013-01-01", "2017-05-31")
    goal = _node(whole, gid(NodeKind.GOAL, "goal"))
    assert (goal["start"], goal["end"]) == ("2017-06-01", "2021-07-31")
    project = _node(whole, gid(NodeKind.PROJECT, "undated-project"))
    assert (project["start"], project["end"]) == ("2013-01-01", "2017-05-31")


def test_a_tie_between_periods_counts_only_where_both_ends_do(
    fixture_client: GraphQLClient,
) -> None:
    """`first` continued by `second`: the two never overlap, so the tie spans both and counts
    only in a period that holds both programmes."""
    whole = network(fixture_client, {})
    continued = _edge(whole, "first--continued_by--second")
    assert (continued["start"], continued["end"]) == ("2013-01-01", "2021-07-31")
    for term in ("TERM_2013_2017", "TERM_2017_2021"):
        assert continued["id"] not in {
            e["id"] for e in network(fixture_client, {"term": term})["edges"]
        }
    spanning = network(fixture_client, {"from": "2017-05", "to": "2017-06"})
    assert continued["id"] in {e["id"] for e in spanning["edges"]}


GROUPS = """query ($scope: ScopeInput, $boundary: Boundary!) {
  measures(scope: $scope, boundary: $boundary, mode: NETWORK) {
    nodes(first: 100) { edges { node { group node { id } } } }
  }
}"""


def groups(
    client: GraphQLClient, boundary: str, scope: dict[str, object] | None = None
) -> dict[str, str | None]:
    found = client.data(GROUPS, {"scope": scope or {}, "boundary": boundary})["measures"]
    return {e["node"]["node"]["id"]: e["node"]["group"] for e in found["nodes"]["edges"]}


ALICE, BOB, CAROL = gid(PERSON, "alice"), gid(PERSON, "bob"), gid(PERSON, "carol")


def test_a_persons_side_is_the_employment_of_the_period(fixture_client: GraphQLClient) -> None:
    assert groups(fixture_client, "ORGANISATION")[ALICE] == "c"  # current, not the first by id
    before = groups(fixture_client, "ORGANISATION", {"from": "2008", "to": "2010"})
    assert before[ALICE] == "top"  # a, then a unit of top


def test_membership_counts_only_where_no_employment_is_known(
    fixture_client: GraphQLClient,
) -> None:
    sides = groups(fixture_client, "MUNICIPALITY")
    assert sides[ALICE] == "Helsinki"  # employed by c, though a member of b
    assert sides[CAROL] == "Kauniainen"  # a member of a, a unit of new-top today


def test_of_several_ended_jobs_the_latest_started_counts(fixture_client: GraphQLClient) -> None:
    assert groups(fixture_client, "MUNICIPALITY")[BOB] == "Helsinki"  # c started last
    assert groups(fixture_client, "MUNICIPALITY", {"from": "2019", "to": "2019"})[BOB] == "Vantaa"


def test_units_roll_up_along_subunit_of_in_the_period(fixture_client: GraphQLClient) -> None:
    a = gid(ORG, "a")
    assert groups(fixture_client, "ORGANISATION", {"from": "2015", "to": "2015"})[a] == "top"
    assert groups(fixture_client, "ORGANISATION", {"from": "2017", "to": "2017"})[a] == "new-top"
    assert groups(fixture_client, "ORGANISATION")[a] == "new-top"
    assert groups(fixture_client, "MUNICIPALITY", {"from": "2015", "to": "2015"})[a] == "Espoo"


def test_the_seat_type_is_the_one_held_in_the_period(fixture_client: GraphQLClient) -> None:
    def seat(scope: dict[str, object]) -> str | None:
        return groups(fixture_client, "SEAT_TYPE", scope)[ALICE]

    assert seat({"term": "TERM_2013_2017"}) == "ELECTED_OFFICIAL"
    assert seat({"term": "TERM_2017_2021"}) == "CIVIL_SERVANT"
    assert seat({}) == "ELECTED_OFFICIAL"  # one of each: elected official first


def test_root_lists_end_an_event_when_it_starts(fixture_client: GraphQLClient) -> None:
    query = """query ($from: PartialDate, $to: PartialDate) {
      events(filter: {activeFrom: $from, activeTo: $to}, first: 50) { edges { node { id } } }
    }"""

    def listed(start: str | None, end: str | None = None) -> set[str]:
        found = fixture_client.data(query, {"from": start, "to": end})["events"]["edges"]
        return {e["node"]["id"] for e in found}

    june = gid(EVENT, "june-2015")
    assert june in listed("2015-06-30")
    assert june not in listed("2015-07")
    assert gid(EVENT, "march-2022") in listed("2022-03-10", "2022-03-10")
    assert gid(EVENT, "undated-event") in listed("2030")  # a node's own dates: none known


# --------------------------------------------------------------------------------------------
# The demo
# --------------------------------------------------------------------------------------------

DEMO_PERIODS = [
    {"from": "2022", "to": "2023"},
    {"from": "2019-03", "to": "2020-02"},
    {"from": "2015-06", "to": "2015-06"},
    {"term": "TERM_2013_2017"},
    {"term": "TERM_2017_2021"},
    {"term": "TERM_2021_2025"},
]


@pytest.mark.parametrize("scope", DEMO_PERIODS, ids=str)
def test_the_demos_periods_follow_the_rules(
    client: GraphQLClient, scope: dict[str, object]
) -> None:
    drawn = network(client, scope)
    nodes, ties = expected(*seed_graph(), _days(scope))
    assert {n["id"] for n in drawn["nodes"]} == nodes
    assert {e["id"] for e in drawn["edges"]} == ties


def test_no_2013_2017_event_is_in_the_demos_2021_2025_term(client: GraphQLClient) -> None:
    """The issue's example: undated HAS_EVENT ties of the 2013–2017 programmes, and events
    of earlier years with an open end, counted in every later period."""
    drawn = network(client, {"term": "TERM_2021_2025"})
    begins = TERMS["TERM_2021_2025"][0]
    for item in (*drawn["nodes"], *drawn["edges"]):
        assert item["end"] is None or last(item["end"]) >= begins, item
    assert not [e for e in drawn["edges"] if e["type"] == "HAS_EVENT" and not e["start"]]


def test_the_demos_city_manager_is_on_the_side_of_the_city(client: GraphQLClient) -> None:
    sides = groups(client, "MUNICIPALITY", {"term": "TERM_2017_2021"})
    assert sides[gid(PERSON, "jukka-makela")] == "Espoo"
    branch = groups(client, "BRANCH", {"term": "TERM_2013_2017"})
    assert branch[gid(PERSON, "jaana-junkkari")] == "Tekninen ja ympäristötoimi"


def test_the_worked_example_of_the_docs(client: GraphQLClient) -> None:
    """docs/network-science.md: the organisations of the 2013–2017 term, NEWMAN-weighted,
    checked against networkx and a hand count of E and I."""
    query = """{
      collaboration(scope: {term: TERM_2013_2017}, mode: ORGANISATIONS, weighting: NEWMAN) {
        nodes { id } edges { source target weight start end shared { id } } }
      measures(scope: {term: TERM_2013_2017}, mode: ORGANISATIONS, boundary: SECTOR) {
        density ei { external internal index }
        nodes(first: 100) { edges { node { group node { id } } } } }
    }"""
    found = client.data(query)
    drawn, measured = found["collaboration"], found["measures"]
    graph: nx.Graph = nx.Graph()
    graph.add_nodes_from(n["id"] for n in drawn["nodes"])
    graph.add_edges_from((e["source"], e["target"]) for e in drawn["edges"])
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (24, 24)
    assert measured["density"] == pytest.approx(nx.density(graph))
    urax = gid(NodeKind.PROJECT, "urax")
    of_urax = [e for e in drawn["edges"] if [s["id"] for s in e["shared"]] == [urax]]
    assert [e["weight"] for e in of_urax] == pytest.approx([1 / 3] * 6)
    ohjaamo = gid(NodeKind.PROJECT, "ohjaamo-espoo")
    only = [e for e in drawn["edges"] if [s["id"] for s in e["shared"]] == [ohjaamo]]
    assert [(e["weight"], e["start"], e["end"]) for e in only] == [(1.0, "2015", "2018")]
    side = {e["node"]["node"]["id"]: e["node"]["group"] for e in measured["nodes"]["edges"]}
    crossing = [side[e["source"]] != side[e["target"]] for e in drawn["edges"]]
    external, internal = sum(crossing), len(crossing) - sum(crossing)
    assert (external, internal) == (14, 10)
    assert measured["ei"] == {
        "external": external,
        "internal": internal,
        "index": pytest.approx((external - internal) / (external + internal)),
    }
