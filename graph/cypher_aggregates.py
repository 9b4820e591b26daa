"""The Cypher of aggregates and of lists sorted by a count of ties, written once for LadybugDB
and Neo4j 5; what their dialects spell differently is a `Dialect` (LADYBUG here, NEO4J in
graph/backends/neo4j_cypher.py).

Dates are compared by the day they reach (graph/dates.py's padding, spelt here as a CASE on
the date's length); the stores strip the padding from what min() and max() return.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from graph import dates
from graph.aggregates import KIND, TYPE, Grouping, Part, count_of_key
from graph.columns import TIE_COLUMNS, node_columns
from graph.cypher import (
    ALL_ROWS,
    Statement,
    after_values,
    edge_clauses,
    hop_pattern,
    selection,
)
from graph.cypher_matches import KindTest, labels, prop
from graph.model import NodeKind
from graph.store import Direction, EdgeMatch, Hop, Keyset, NodeQuery, TieCount


@dataclass(frozen=True)
class Dialect:
    kind_of: str
    """The kind (label) of the node variable in {}."""
    type_of: str
    """The type of the relationship variable in {}."""
    ordered_with: str
    """What a `WITH ... ORDER BY` needs after it to keep its order."""
    page: str
    """$limit items of the list in {0} after the first {1}."""


LADYBUG = Dialect("label({})", "label({})", f" LIMIT {ALL_ROWS}", "{0}[{1} + 1:{1} + $limit]")
"""LadybugDB sorts inside WITH only with a LIMIT, and slices lists from 1, both ends in."""


def summarise_nodes(query: NodeQuery, kind_test: KindTest) -> Statement:
    params: dict[str, Any] = {}
    where = selection("n", query, kind_test, params)
    return Statement(
        f"MATCH (n:{query.kind.value}){_where(where)} RETURN count(n) AS total, {_spans('n')}",
        params,
    )


def group_nodes(
    query: NodeQuery, grouping: Grouping, dialect: Dialect, kind_test: KindTest
) -> Statement:
    if grouping.part is not Part.NODE:
        raise ValueError("a list of nodes is grouped by the nodes' properties")
    params: dict[str, Any] = {}
    where = selection("n", query, kind_test, params)
    key = _node_key("n", (query.kind,), grouping, dialect)
    return Statement(
        f"MATCH (n:{query.kind.value}){_where(where)} RETURN {key} AS key, count(n) AS total",
        params,
    )


def summarise_neighbours(
    hop: Hop, parent_ids: Sequence[str], where: EdgeMatch | None, kind_test: KindTest
) -> Statement:
    params: dict[str, Any] = {"ids": list(parent_ids)}
    return Statement(
        f"{hop_pattern(hop)}{edge_clauses(where, kind_test, params)} "
        f"RETURN pid, count(r) AS total, {_spans('r')}",
        params,
    )


def group_neighbours(
    hop: Hop,
    parent_ids: Sequence[str],
    grouping: Grouping,
    where: EdgeMatch | None,
    dialect: Dialect,
    kind_test: KindTest,
) -> Statement:
    if grouping.part is Part.NODE:
        key = _node_key("o", hop.others, grouping, dialect)
    elif grouping.prop == TYPE:
        key = dialect.type_of.format("r")
    else:
        key = _value("r", grouping, grouping.prop in TIE_COLUMNS)
    params: dict[str, Any] = {"ids": list(parent_ids)}
    return Statement(
        f"{hop_pattern(hop)}{edge_clauses(where, kind_test, params)} "
        f"RETURN pid, {key} AS key, count(r) AS total",
        params,
    )


def list_by_count(query: NodeQuery, dialect: Dialect, kind_test: KindTest) -> Statement:
    """A page of nodes sorted by a count of their ties, then by id: each row is the node,
    its count and its id."""
    count = query.order.count
    if count is None:
        raise ValueError("the query is not sorted by a count")
    params: dict[str, Any] = {"limit": query.limit}
    where = selection("n", query, kind_test, params)
    direction = " DESC" if query.order.descending else ""
    after = ""
    if query.after is not None:
        values = _count_keyset(query.after)
        after = " WHERE " + after_values(("c", "n.id"), values, query.order.descending, params)
    return Statement(
        f"MATCH (n:{query.kind.value}){_where(where)} "
        f"WITH n, {_count_of('n', (query.kind,), count, dialect)} AS c{after} "
        f"RETURN n, c, n.id ORDER BY c{direction}, n.id{direction} LIMIT $limit",
        params,
    )


def counted_neighbours(
    hop: Hop,
    parent_ids: Sequence[str],
    count: TieCount,
    descending: bool,
    after: Keyset | None,
    limit: int,
    where: EdgeMatch | None,
    dialect: Dialect,
    kind_test: KindTest,
) -> Statement:
    """Per parent: its neighbours after `after` sorted by a count of their ties, the node's id
    and the tie's (up to `limit`, with their counts), and how many neighbours it has in all.

    Every row is collected, so that the total counts them all; the rows up to `after` come
    first in this order, so the page starts after as many as they are (LadybugDB cannot
    collect a CASE that is a node of several labels, so a filtered collect will not do)."""
    params: dict[str, Any] = {"ids": list(parent_ids), "limit": limit}
    matched = edge_clauses(where, kind_test, params)
    later, skip = "", "0"
    if after is not None:
        values = (count_of_key(after.values[0]), *after.values[1:])
        later = ", " + after_values(("c", "o.id", "r.id"), values, descending, params)
        later += " AS later"
        skip = "count(CASE WHEN r IS NOT NULL AND NOT later THEN 1 END)"
    direction = " DESC" if descending else ""
    pages = ", ".join(dialect.page.format(f"{var}s", "skipped") for var in ("r", "o", "c"))
    return Statement(
        f"{hop_pattern(hop)}{matched} "
        f"WITH pid, r, o, {_count_of('o', hop.others, count, dialect)} AS c "
        f"WITH pid, r, o, c{later} "
        f"ORDER BY pid, c{direction}, o.id{direction}, r.id{direction}{dialect.ordered_with} "
        "WITH pid, collect(r) AS rs, collect(o) AS os, "
        "collect(CASE WHEN r IS NOT NULL THEN c END) AS cs, "
        f"count(r) AS total, {skip} AS skipped RETURN pid, {pages}, total",
        params,
    )


def _count_keyset(keyset: Keyset) -> tuple[int, str]:
    count, node_id = keyset.values
    return count_of_key(count), node_id


def _count_of(var: str, kinds: Sequence[NodeKind], count: TieCount, dialect: Dialect) -> str:
    """How many ties the node in `var`, of one of `kinds`, has along its kind's hop of `count`.

    LadybugDB does not narrow a bound variable by a label in a pattern, so when the kinds
    count along different hops the kind is tested in a CASE."""
    hops = {kind: count.hop_of(kind) for kind in kinds}
    shapes = {hop and (hop.types, hop.direction, hop.others) for hop in hops.values()}
    first = next(iter(hops.values()))
    if len(shapes) == 1:
        return "0" if first is None else _ties_counted(var, first)
    branches = " ".join(
        f"WHEN '{kind.value}' THEN {_ties_counted(var, hop)}"
        for kind, hop in hops.items()
        if hop is not None
    )
    return f"CASE {dialect.kind_of.format(var)} {branches} ELSE 0 END"


def _ties_counted(var: str, hop: Hop) -> str:
    types = "|".join(t.value for t in hop.types)
    left, right = ("-", "->") if hop.direction is Direction.OUT else ("<-", "-")
    return f"COUNT {{ MATCH ({var}){left}[:{types}]{right}(:{labels(hop.others)}) }}"


def _node_key(var: str, kinds: Sequence[NodeKind], grouping: Grouping, dialect: Dialect) -> str:
    if grouping.prop == KIND:
        return dialect.kind_of.format(var)
    stored = any(grouping.prop in node_columns(kind) for kind in kinds)
    return _value(var, grouping, stored)


def _value(var: str, grouping: Grouping, stored: bool) -> str:
    """The property, or its year; NULL where no kind listed stores it (LadybugDB refuses a
    property its table lacks)."""
    if not stored:
        return "NULL"
    value = prop(var, grouping.prop)
    return f"left({value}, 4)" if grouping.year else value


def _spans(var: str) -> str:
    return ", ".join(
        f"min({_padded(prop(var, name), dates.EARLY_PAD)}), "
        f"max({_padded(prop(var, name), dates.LATE_PAD)})"
        for name in ("start", "end")
    )


def _padded(value: str, pad: str) -> str:
    """graph.dates.padded in Cypher."""
    return (
        f"CASE size({value}) WHEN 4 THEN {value} + '{pad}{pad}' "
        f"WHEN 7 THEN {value} + '{pad}' ELSE {value} END"
    )


def _where(clauses: Sequence[str]) -> str:
    return f" WHERE {' AND '.join(clauses)}" if clauses else ""
