"""Every statement the Neo4j backend can emit, built with representative arguments.

The Cypher lint test checks each one with Neo4j's own parser, and a second test checks that
every statement builder appears here, so a new query cannot escape the lint.
"""

from __future__ import annotations

from graph import cypher, cypher_aggregates
from graph.aggregates import GROUPING_FIELDS, KIND, TYPE, Grouping, Part
from graph.backends import neo4j_cypher
from graph.columns import derived_values, node_row, tie_row
from graph.cypher import Statement
from graph.history import ERASED, SYSTEM, LogEntry, change_rows, entry_row
from graph.model import TIE_SPECS, Node, NodeKind, Tie, TieType
from graph.store import (
    Condition,
    Direction,
    EdgeMatch,
    Hop,
    Keyset,
    Match,
    NodeQuery,
    Op,
    Order,
    Quantifier,
    Related,
    SearchQuery,
    SortField,
    TieCount,
)

_KIND = NodeKind.PROGRAMME
_CONDITIONS = (
    Condition("name", Op.CONTAINS, "espoo"),
    Condition("sector", Op.IN, ("PUBLIC", "THIRD_SECTOR")),
    Condition("municipality", Op.EQUALS, "Espoo"),
    Condition("end", Op.ACTIVE_FROM, "2014"),
    Condition("end", Op.INSTANT_FROM, "2014"),
    Condition("start", Op.ACTIVE_TO, "2016-12"),
)


_ENTRY = LogEntry(7, "2026-12-02T06:00:00+00:00", "ci", "link", "t", "LEADS", None, "{}", ("s",))
_ACTORS = (NodeKind.PERSON, NodeKind.ORGANISATION)
_PARTICIPATION = (TieType.LEADS, TieType.PARTICIPATES_IN, TieType.PARTNER_IN)
_THIRD_SECTOR = Match((Condition("sector", Op.IN, ("THIRD_SECTOR",)),))
_IN_ESPOO = Match((Condition("municipality", Op.EQUALS, "Espoo"),))
_PARTNERS = Hop(NodeKind.PROJECT, (TieType.PARTNER_IN,), Direction.IN, (NodeKind.ORGANISATION,))
_PROJECTS = Hop(NodeKind.PROGRAMME, (TieType.PART_OF,), Direction.IN, (NodeKind.PROJECT,))
_PARTICIPANTS = Hop(NodeKind.PROGRAMME, _PARTICIPATION, Direction.IN, _ACTORS)
_MEMBERSHIPS = Hop(
    NodeKind.PERSON,
    (TieType.EMPLOYED_BY, TieType.MEMBER_OF),
    Direction.OUT,
    (NodeKind.ORGANISATION,),
)
_SEATS = Hop(NodeKind.PROGRAMME, (TieType.SITS_ON,), Direction.IN, (NodeKind.PERSON,))
_TIE_CONDITIONS = (
    Condition("role", Op.EQUALS, "chair"),
    Condition("role", Op.CONTAINS, "chair"),
    Condition("seatType", Op.IN, ("ELECTED_OFFICIAL",)),
    Condition("end", Op.ACTIVE_FROM, "2014-01-01"),
    Condition("start", Op.ACTIVE_TO, "2016-12-31"),
)


def _third_sector_partner(quantifier: Quantifier) -> Related:
    return Related(_PARTNERS, quantifier, EdgeMatch(node=((NodeKind.ORGANISATION, _THIRD_SECTOR),)))


MATCHES: dict[str, Match] = {
    # The example: some project with a third-sector partner and none outside Espoo.
    "nested": Match(
        related=(
            Related(
                _PROJECTS,
                Quantifier.SOME,
                EdgeMatch(
                    node=(
                        (
                            NodeKind.PROJECT,
                            Match(
                                related=(
                                    _third_sector_partner(Quantifier.SOME),
                                    Related(
                                        _PARTNERS,
                                        Quantifier.NONE,
                                        EdgeMatch(
                                            node=(
                                                (NodeKind.ORGANISATION, Match(negated=_IN_ESPOO)),
                                            )
                                        ),
                                    ),
                                )
                            ),
                        ),
                    )
                ),
            ),
        )
    ),
    "all": Match(related=(Related(_PROJECTS, Quantifier.ALL, EdgeMatch(tie=_TIE_CONDITIONS)),)),
    "single": Match(related=(Related(_SEATS, Quantifier.SINGLE, EdgeMatch(tie=_TIE_CONDITIONS)),)),
    "kinds": Match(
        related=(
            Related(
                _PARTICIPANTS,
                Quantifier.SOME,
                EdgeMatch(
                    node=(
                        (
                            NodeKind.PERSON,
                            Match(
                                related=(
                                    Related(
                                        _MEMBERSHIPS,
                                        Quantifier.SOME,
                                        EdgeMatch(node=((NodeKind.ORGANISATION, _THIRD_SECTOR),)),
                                    ),
                                )
                            ),
                        ),
                        (NodeKind.ORGANISATION, _THIRD_SECTOR),
                    )
                ),
            ),
        )
    ),
    "combined": Match(
        conditions=_CONDITIONS[:1],
        all_of=(Match(_CONDITIONS[3:4]), Match(_CONDITIONS[5:6])),
        any_of=(
            Match(related=(Related(_PROJECTS, Quantifier.NONE),)),
            Match(related=(Related(_SEATS, Quantifier.SOME, EdgeMatch(any_of=())),)),
        ),
        negated=Match(
            related=(
                Related(
                    _SEATS,
                    Quantifier.SOME,
                    EdgeMatch(
                        tie=_TIE_CONDITIONS[:1],
                        all_of=(EdgeMatch(tie=_TIE_CONDITIONS[2:3]),),
                        any_of=(
                            EdgeMatch(tie=_TIE_CONDITIONS[3:4]),
                            EdgeMatch(tie=_TIE_CONDITIONS[4:]),
                        ),
                        negated=EdgeMatch(tie=_TIE_CONDITIONS[1:2]),
                    ),
                ),
            )
        ),
    ),
}
"""Representative filter trees: every quantifier, nesting, AND/OR/NOT on nodes and ties, a
far end of several kinds (the kind test), constants that fold away."""
WHERES: dict[str, EdgeMatch] = {
    "tie": EdgeMatch(tie=_TIE_CONDITIONS),
    "kinds": EdgeMatch(
        node=(
            (NodeKind.PERSON, Match(negated=Match(_CONDITIONS[:1]))),
            (NodeKind.ORGANISATION, _THIRD_SECTOR),
        )
    ),
    "nested": EdgeMatch(
        node=(
            (NodeKind.PERSON, Match(related=(Related(_MEMBERSHIPS, Quantifier.ALL),))),
            (NodeKind.ORGANISATION, Match()),
        ),
        negated=EdgeMatch(tie=_TIE_CONDITIONS[:2]),
    ),
}


def _list_nodes() -> dict[str, Statement]:
    statements = {}
    kind_test = neo4j_cypher.kind_test
    for field in SortField:
        width = 1 if field is SortField.ID else 2
        for descending in (False, True):
            for after in (None, Keyset(tuple(["x"] * width))):
                query = NodeQuery(_KIND, _CONDITIONS, Order(field, descending), 21, after)
                name = f"list_nodes[{field.value},{descending},{after is not None}]"
                statements[name] = cypher.list_nodes(query, kind_test)
    for name, match in MATCHES.items():
        query = NodeQuery(_KIND, _CONDITIONS[:2], Order(), 21, Keyset(("x", "y")), match)
        statements[f"list_nodes[match:{name}]"] = cypher.list_nodes(query, kind_test)
        statements[f"count_nodes[match:{name}]"] = cypher.count_nodes(_KIND, (), match, kind_test)
    for name, where in WHERES.items():
        hop = _PARTICIPANTS
        statements[f"neighbours[where:{name}]"] = cypher.neighbours(
            hop, ["a"], Keyset(("N", "i", "t")), where, kind_test
        )
        statements[f"first_neighbours[where:{name}]"] = neo4j_cypher.first_neighbours(
            hop, ["a"], 10, where
        )
    return statements


def _neighbours() -> dict[str, Statement]:
    statements = {}
    for type_, spec in TIE_SPECS.items():
        for direction in Direction:
            ends = (spec.sources, spec.targets)
            parents, others = ends if direction is Direction.OUT else ends[::-1]
            hop = Hop(min(parents), (type_,), direction, tuple(sorted(others)))
            for after in (None, Keyset(("Name", "id", "tie"))):
                name = f"neighbours[{type_.value},{direction.value},{after is not None}]"
                statements[name] = cypher.neighbours(
                    hop, ["a", "b"], after, None, neo4j_cypher.kind_test
                )
            name = f"first_neighbours[{type_.value},{direction.value}]"
            statements[name] = neo4j_cypher.first_neighbours(hop, ["a", "b"], 10)
    many = Hop(
        NodeKind.PROJECT,
        (TieType.LEADS, TieType.PARTNER_IN),
        Direction.IN,
        (NodeKind.PERSON, NodeKind.ORGANISATION),
    )
    statements["neighbours[several types]"] = cypher.neighbours(
        many, ["a"], None, None, neo4j_cypher.kind_test
    )
    return statements


def _writes() -> dict[str, Statement]:
    statements: dict[str, Statement] = {}
    for kind in NodeKind:
        row = node_row(Node(kind, "id", "Name", sources=("s",)))
        statements[f"upsert_nodes[{kind.value}]"] = cypher.upsert_nodes(kind, [row])
        statements[f"create_nodes[{kind.value}]"] = neo4j_cypher.create_nodes(kind, [row])
    for type_, spec in TIE_SPECS.items():
        source, target = min(spec.sources), min(spec.targets)
        properties = tie_row(Tie(type_, "a", "b", "t", role="r", sources=("s",)))
        ends = {"source": "a", "target": "b"}
        statements[f"upsert_ties[{type_.value}]"] = cypher.upsert_ties(
            type_, source, target, [properties | ends]
        )
        statements[f"create_ties[{type_.value}]"] = neo4j_cypher.create_ties(
            type_, source, target, [ends | {"properties": properties}]
        )
        statements[f"existing_ties[{type_.value}]"] = cypher.existing_ties(type_, ["t"])
        statements[f"delete_ties[{type_.value}]"] = cypher.delete_ties(type_, ["t"])
        statements[f"count_by_type[{type_.value}]"] = cypher.count_by_type(type_)
        statements[f"scan_ties[{type_.value}]"] = cypher.scan_ties(type_, None, 1000)
        statements[f"scan_ties[{type_.value},after]"] = cypher.scan_ties(type_, "t", 1000)
        statements[f"unsourced_ties[{type_.value}]"] = cypher.unsourced_ties(type_, None, 100)
        statements[f"unsourced_ties[{type_.value},after]"] = cypher.unsourced_ties(type_, "t", 1)
    return statements


_INITIATIVES = (NodeKind.PROGRAMME, NodeKind.PROJECT)
_EVENTS = TieCount(
    "events",
    (
        Hop(NodeKind.ORGANISATION, (TieType.TOOK_PART_IN,), Direction.OUT, (NodeKind.EVENT,)),
        *(Hop(k, (TieType.HAS_EVENT,), Direction.OUT, (NodeKind.EVENT,)) for k in _INITIATIVES),
    ),
)
"""A count whose hop differs by kind: the CASE form."""
_INITIATIVES_OF_ACTORS = TieCount(
    "initiatives", tuple(Hop(k, _PARTICIPATION, Direction.OUT, _INITIATIVES) for k in _ACTORS)
)
"""A count along the same hop for every kind: the plain COUNT form."""
_WHERE = (None, EdgeMatch(tie=_TIE_CONDITIONS, node=((NodeKind.ORGANISATION, _THIRD_SECTOR),)))


def _aggregates() -> dict[str, Statement]:
    neo4j, kind_test = neo4j_cypher.DIALECT, neo4j_cypher.kind_test
    statements = {}
    for name, match in (("", None), *((f"match:{n}", m) for n, m in MATCHES.items())):
        query = NodeQuery(_KIND, _CONDITIONS, match=match)
        statements[f"summarise_nodes[{name}]"] = cypher_aggregates.summarise_nodes(query, kind_test)
    for where in _WHERE:
        name = f"summarise_neighbours[{where is not None}]"
        statements[name] = cypher_aggregates.summarise_neighbours(
            _PARTICIPANTS, ["a"], where, kind_test
        )
    node_keys = [
        Grouping(Part.NODE, KIND),
        Grouping(Part.NODE, "start", year=True),
        *(Grouping(Part.NODE, name) for name in GROUPING_FIELDS),
    ]
    tie_keys = [
        Grouping(Part.TIE, TYPE),
        Grouping(Part.TIE, "start", year=True),
        Grouping(Part.TIE, "role"),
        Grouping(Part.TIE, "seatType"),
    ]
    for kind in (NodeKind.ORGANISATION, NodeKind.PROGRAMME):
        for grouping in node_keys:
            query = NodeQuery(kind, _CONDITIONS, match=MATCHES["nested"])
            name = f"group_nodes[{kind.value},{grouping.prop},{grouping.year}]"
            statements[name] = cypher_aggregates.group_nodes(query, grouping, neo4j, kind_test)
    for grouping in node_keys + tie_keys:
        for where in _WHERE:
            name = (
                f"group_neighbours[{grouping.part.value},{grouping.prop},{grouping.year},"
                f"{where is not None}]"
            )
            statements[name] = cypher_aggregates.group_neighbours(
                _PARTICIPANTS, ["a", "b"], grouping, where, neo4j, kind_test
            )
    by_participants = TieCount("participants", (_PARTICIPANTS,))
    for count, kind in ((by_participants, _KIND), (_EVENTS, NodeKind.PERSON)):
        for descending in (False, True):
            for after in (None, Keyset(("000000000003", "x"))):
                order = Order(count=count, descending=descending)
                query = NodeQuery(kind, _CONDITIONS, order, 21, after, MATCHES["nested"])
                name = f"list_by_count[{kind.value},{descending},{after is not None}]"
                statements[name] = cypher_aggregates.list_by_count(query, neo4j, kind_test)
    adopters = Hop(
        NodeKind.OUTCOME, (TieType.ADOPTED,), Direction.IN, (NodeKind.ORGANISATION, *_INITIATIVES)
    )
    from_projects = Hop(NodeKind.PROJECT, _PARTICIPATION, Direction.IN, _ACTORS)
    for hop, count in ((adopters, _EVENTS), (from_projects, _INITIATIVES_OF_ACTORS)):
        for descending in (False, True):
            for after in (None, Keyset(("000000000003", "x", "t"))):
                for where in _WHERE:
                    name = (
                        f"counted_neighbours[{hop.parent.value},{descending},"
                        f"{after is not None},{where is not None}]"
                    )
                    statements[name] = cypher_aggregates.counted_neighbours(
                        hop, ["a", "b"], count, descending, after, 11, where, neo4j, kind_test
                    )
    return statements


def catalogue() -> dict[str, Statement]:
    """Statements by a name of the form builder[variant]."""
    every = list(NodeKind)
    statements = {
        "ping": cypher.ping(),
        "find_nodes": neo4j_cypher.find_nodes(["a", "b"]),
        "find_nodes[shared]": cypher.find_nodes(["a", "b"]),
        "nodes_by_identifiers": cypher.nodes_by_identifiers(["WIKIDATA:Q42"]),
        "merged_into": cypher.merged_into(["a"]),
        "count_nodes": cypher.count_nodes(_KIND, _CONDITIONS, None, neo4j_cypher.kind_test),
        "count_nodes[no filter]": cypher.count_nodes(_KIND, (), None, neo4j_cypher.kind_test),
        "count_all_nodes": cypher.count_all_nodes(),
        "search": neo4j_cypher.search(SearchQuery("Päätös", tuple(every), 21)),
        "search[some kinds,after]": neo4j_cypher.search(
            SearchQuery("kest esp", tuple(every[:2]), 6, Keyset(("3", "5c32", "id")))
        ),
        "search[shared]": cypher.search(SearchQuery("Malmö", tuple(every), 21)),
        "search[shared,after]": cypher.search(
            SearchQuery("malmo", tuple(every), 21, Keyset(("1", "5c32", "id")))
        ),
        "count_search": neo4j_cypher.count_search("Päätös", every[:3]),
        "count_search[shared]": cypher.count_search("Päätös", every),
        "missing_derived": cypher.missing_derived(_KIND, 5000),
        "set_derived": cypher.set_derived(
            _KIND, [{"id": "a"} | derived_values("Åbo", "Turku på svenska")]
        ),
        "delete_batch": neo4j_cypher.delete_batch(5000),
        "save_token": cypher.save_token("name", "editor", "digest", "2026-11-23T12:00:00Z"),
        "token_by_digest": cypher.token_by_digest("digest"),
        "list_tokens": cypher.list_tokens(),
        "revoke_token": cypher.revoke_token("name"),
        "append_log": cypher.append_log(
            change_rows(SYSTEM, [(None, Node(NodeKind.PERSON, "a", "A", sources=("s",)))])
        ),
        "restore_log": cypher.restore_log([entry_row(_ENTRY)], 7),
        "log_position": cypher.log_position(),
        "log_entries": cypher.log_entries(0, 1000),
        "subject_history": cypher.subject_history("Person", "a", None, 20),
        "subject_history[before]": cypher.subject_history("Person", "a", 7, 20),
        "position_at": cypher.position_at("2026-12-02T06:00:00.000000+00:00"),
        "erase_log": cypher.erase_log([{"type": "Person", "id": "a"}], ERASED),
        "delete_graph": cypher.delete_graph(),
        **{
            f"schema_statements[{i}]": Statement(text, {})
            for i, text in enumerate(neo4j_cypher.schema_statements())
        },
        **_list_nodes(),
        **_neighbours(),
        **_writes(),
        **_aggregates(),
    }
    for kind in NodeKind:
        statements[f"get_nodes[{kind.value}]"] = cypher.get_nodes(kind, ["a"])
        statements[f"count_by_kind[{kind.value}]"] = cypher.count_by_kind(kind)
        statements[f"name_rows[{kind.value}]"] = cypher.name_rows(kind)
        statements[f"scan_nodes[{kind.value}]"] = cypher.scan_nodes(kind, None, 1000)
        statements[f"scan_nodes[{kind.value},after]"] = cypher.scan_nodes(kind, "a", 1000)
        statements[f"ties_from[{kind.value}]"] = cypher.ties_from(kind, ["a"])
        statements[f"ties_to[{kind.value}]"] = cypher.ties_to(kind, ["a"])
        statements[f"delete_nodes[{kind.value}]"] = cypher.delete_nodes(kind, ["a"])
        statements[f"unsourced_nodes[{kind.value}]"] = cypher.unsourced_nodes(kind, None, 100)
        statements[f"unsourced_nodes[{kind.value},after]"] = cypher.unsourced_nodes(kind, "a", 1)
    return statements
