"""Every data statement, written once in the Cypher that LadybugDB and Neo4j 5 share.

Labels, relationship types and property names come from the model's enums and column lists;
values travel only as $parameters. Dialect differences (DDL, bulk load, shortest path,
full-text search) live in each backend.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from graph.columns import DERIVED_COLUMNS, IDENTIFIERS, TIE_COLUMNS, node_columns
from graph.cypher_matches import TRUE, KindTest, Predicates, condition, labels, prop
from graph.model import IDENTIFIED_KINDS, NodeKind, TieType
from graph.store import (
    Condition,
    Direction,
    EdgeMatch,
    Hop,
    Keyset,
    Match,
    NodeQuery,
    Order,
    SearchQuery,
    SortField,
)
from graph.text_match import Tier, fold


@dataclass(frozen=True)
class Statement:
    text: str
    params: dict[str, Any]


def ping() -> Statement:
    return Statement("RETURN 1 AS ok", {})


def get_nodes(kind: NodeKind, ids: Sequence[str]) -> Statement:
    return Statement(
        f"UNWIND $ids AS id MATCH (n:{kind.value} {{id: id}}) RETURN n", {"ids": list(ids)}
    )


def find_nodes(ids: Sequence[str]) -> Statement:
    kinds = labels(list(NodeKind))
    return Statement(f"UNWIND $ids AS id MATCH (n:{kinds} {{id: id}}) RETURN n", {"ids": list(ids)})


def nodes_by_identifiers(keys: Sequence[str]) -> Statement:
    """The nodes holding any of these identifier keys (graph.model.Identifier.key)."""
    return Statement(
        f"UNWIND $keys AS key MATCH (n:{labels(IDENTIFIED_KINDS)}) "
        f"WHERE key IN n.{IDENTIFIERS} RETURN key, n",
        {"keys": list(keys)},
    )


def name_rows(kind: NodeKind) -> Statement:
    """Every node of a kind as id, folded name (searchName) and identifier keys (none for
    kinds without them): what finding duplicates blocks on, without reading whole nodes."""
    keys = f"n.{IDENTIFIERS}" if kind in IDENTIFIED_KINDS else "[]"
    return Statement(f"MATCH (n:{kind.value}) RETURN n.id, n.searchName, {keys}", {})


def merged_into(ids: Sequence[str]) -> Statement:
    """The nodes that these ids were merged into (they list them in `mergedFrom`)."""
    kinds = labels(list(NodeKind))
    return Statement(
        f"UNWIND $ids AS id MATCH (n:{kinds}) WHERE id IN n.mergedFrom RETURN id, n",
        {"ids": list(ids)},
    )


def list_nodes(query: NodeQuery, kind_test: KindTest) -> Statement:
    params: dict[str, Any] = {"limit": query.limit}
    where = [*selection("n", query, kind_test, params)]
    sort_keys = _sort_keys("n", query.order)
    if query.after is not None:
        where.append(_after(sort_keys, query.after, query.order.descending, params))
    direction = " DESC" if query.order.descending else ""
    order_by = ", ".join(f"{key}{direction}" for key in sort_keys)
    return Statement(
        f"MATCH (n:{query.kind.value}){_where(where)} "
        f"RETURN n, {', '.join(sort_keys)} ORDER BY {order_by} LIMIT $limit",
        params,
    )


def selection(
    var: str, query: NodeQuery, kind_test: KindTest, params: dict[str, Any]
) -> tuple[str, ...]:
    """The WHERE clauses that select a query's nodes (its order and page aside): what lists
    and aggregates of the query share."""
    where = _conditions(var, query.conditions, params)
    return (*where, *_matching(var, query.match, kind_test, params))


def count_nodes(
    kind: NodeKind, conditions: Sequence[Condition], match: Match | None, kind_test: KindTest
) -> Statement:
    params: dict[str, Any] = {}
    where = _conditions("n", conditions, params) + _matching("n", match, kind_test, params)
    return Statement(f"MATCH (n:{kind.value}){_where(where)} RETURN count(n) AS total", params)


NEIGHBOUR_SORT_KEYS = ("coalesce(o.nameKey, '')", "o.id", "r.id")
"""Neighbours in Finnish name order (graph/collation.py), then by id and tie id."""


def neighbours(
    hop: Hop,
    parent_ids: Sequence[str],
    after: Keyset | None,
    where: EdgeMatch | None,
    kind_test: KindTest,
) -> Statement:
    params: dict[str, Any] = {"ids": list(parent_ids)}
    clauses = [] if after is None else [_after(NEIGHBOUR_SORT_KEYS, after, False, params)]
    clauses += _edge_matching(where, kind_test, params)
    keys = ", ".join(NEIGHBOUR_SORT_KEYS)
    return Statement(
        f"{hop_pattern(hop)}{_where(clauses)} RETURN pid, r, o, {keys} ORDER BY pid, {keys}",
        params,
    )


def edge_clauses(where: EdgeMatch | None, kind_test: KindTest, params: dict[str, Any]) -> str:
    """` WHERE ...` on a hop pattern's tie `r` and far node `o`, or nothing."""
    return _where(_edge_matching(where, kind_test, params))


ALL_ROWS = 2_000_000_000
"""LadybugDB sorts inside WITH only with a LIMIT: one larger than any result."""


def hop_pattern(hop: Hop) -> str:
    # MATCH-by-key then OPTIONAL MATCH lets LadybugDB look the parents up by primary key
    # before expanding; a single MATCH pattern there hash-joins the whole relationship table.
    types = "|".join(t.value for t in hop.types)
    left, right = ("-", "->") if hop.direction is Direction.OUT else ("<-", "-")
    return (
        f"UNWIND $ids AS pid MATCH (p:{hop.parent.value} {{id: pid}}) "
        f"OPTIONAL MATCH (p){left}[r:{types}]{right}(o:{labels(hop.others)})"
    )


def first_neighbours(
    hop: Hop, parent_ids: Sequence[str], limit: int, where: EdgeMatch | None, kind_test: KindTest
) -> Statement:
    """The first `limit` neighbours of each parent in neighbour order, and how many it has.

    The sort and the cut happen in the database, so a parent with thousands of neighbours
    sends back only `limit` of them. LadybugDB slices lists from 1, inclusive at both ends.
    """
    keys = ", ".join(NEIGHBOUR_SORT_KEYS)
    params: dict[str, Any] = {"ids": list(parent_ids), "limit": limit}
    return Statement(
        f"{hop_pattern(hop)}{edge_clauses(where, kind_test, params)} "
        f"WITH pid, r, o ORDER BY pid, {keys} LIMIT {ALL_ROWS} "
        "WITH pid, collect(r) AS rs, collect(o) AS os, count(r) AS total "
        "RETURN pid, rs[1:$limit], os[1:$limit], total",
        params,
    )


def search(query: SearchQuery) -> Statement:
    """Matching nodes ranked by tier (graph/text_match.py), then name key and id."""
    params = search_params(query)
    return Statement(
        f"MATCH (n:{labels(query.kinds)}) WHERE n.searchText CONTAINS $text "
        + ranked_hits(query, params),
        params,
    )


def count_search(text: str, kinds: Sequence[NodeKind]) -> Statement:
    return Statement(
        f"MATCH (n:{labels(kinds)}) WHERE n.searchText CONTAINS $text RETURN count(n) AS total",
        {"text": fold(text)},
    )


def search_params(query: SearchQuery) -> dict[str, Any]:
    needle = query.needle
    return {"text": needle, "word": " " + needle, "limit": query.limit}


SEARCH_SORT_KEYS = ("coalesce(n.nameKey, '')", "n.id")
"""After the tier (descending): the name's collation key and the id (ascending)."""


def ranked_hits(query: SearchQuery, params: dict[str, Any]) -> str:
    """The tail of a search statement, for nodes `n` that match: each one's tier, the page
    after `query.after`, best first."""
    tier = (
        f"CASE WHEN n.searchName = $text THEN {Tier.WHOLE_NAME.value} "
        f"WHEN n.searchName STARTS WITH $text THEN {Tier.NAME_PREFIX.value} "
        f"WHEN n.searchName CONTAINS $word THEN {Tier.NAME_WORD.value} "
        f"WHEN n.searchName CONTAINS $text THEN {Tier.INSIDE_NAME.value} "
        f"ELSE {Tier.DESCRIPTION.value} END"
    )
    after = ""
    if query.after is not None:
        tier_value, *rest = query.after.values
        params["tier"] = int(tier_value)
        later = _after(SEARCH_SORT_KEYS, Keyset(tuple(rest)), False, params)
        after = f" WHERE tier < $tier OR (tier = $tier AND {later})"
    keys = ", ".join(SEARCH_SORT_KEYS)
    return (
        f"WITH n, {tier} AS tier{after} "
        f"RETURN n, tier, {keys} ORDER BY tier DESC, {keys} LIMIT $limit"
    )


def missing_derived(kind: NodeKind, limit: int) -> Statement:
    """Nodes written before the derived columns existed (graph.columns.DERIVED_COLUMNS)."""
    return Statement(
        f"MATCH (n:{kind.value}) WHERE n.nameKey IS NULL "
        "RETURN n.id, n.name, n.description LIMIT $limit",
        {"limit": limit},
    )


def set_derived(kind: NodeKind, rows: list[dict[str, Any]]) -> Statement:
    """Rows are {id} and the derived columns."""
    assignments = ", ".join(f"{prop('n', c)} = {prop('row', c)}" for c in DERIVED_COLUMNS)
    return Statement(
        f"UNWIND $rows AS row MATCH (n:{kind.value} {{id: row.id}}) SET {assignments}",
        {"rows": rows},
    )


def upsert_nodes(kind: NodeKind, rows: list[dict[str, Any]]) -> Statement:
    assignments = ", ".join(
        f"{prop('n', column)} = {prop('row', column)}"
        for column in node_columns(kind)
        if column != "id"
    )
    return Statement(
        f"UNWIND $rows AS row MERGE (n:{kind.value} {{id: row.id}}) SET {assignments}",
        {"rows": rows},
    )


def upsert_ties(
    type_: TieType, source: NodeKind, target: NodeKind, rows: list[dict[str, Any]]
) -> Statement:
    assignments = ", ".join(
        f"{prop('r', column)} = {prop('row', column)}" for column in TIE_COLUMNS if column != "id"
    )
    return Statement(
        f"UNWIND $rows AS row MATCH (a:{source.value} {{id: row.source}}) "
        f"MATCH (b:{target.value} {{id: row.target}}) "
        f"MERGE (a)-[r:{type_.value} {{id: row.id}}]->(b) SET {assignments}",
        {"rows": rows},
    )


def existing_ties(type_: TieType, ids: Sequence[str]) -> Statement:
    return Statement(
        f"MATCH (a)-[r:{type_.value}]->(b) WHERE r.id IN $ids RETURN a.id, b.id, r",
        {"ids": list(ids)},
    )


def delete_ties(type_: TieType, ids: Sequence[str]) -> Statement:
    return Statement(
        f"MATCH ()-[r:{type_.value}]->() WHERE r.id IN $ids DELETE r", {"ids": list(ids)}
    )


def count_by_kind(kind: NodeKind) -> Statement:
    return Statement(
        f"MATCH (n:{kind.value}) RETURN count(n) AS total, "
        "sum(CASE WHEN n.sources IS NULL OR size(n.sources) = 0 THEN 1 ELSE 0 END) AS unsourced",
        {},
    )


def count_by_type(type_: TieType) -> Statement:
    return Statement(
        f"MATCH ()-[r:{type_.value}]->() RETURN count(r) AS total, "
        "sum(CASE WHEN r.sources IS NULL OR size(r.sources) = 0 THEN 1 ELSE 0 END) AS unsourced",
        {},
    )


def _sort_keys(var: str, order: Order) -> tuple[str, ...]:
    if order.field is SortField.ID:
        return (f"{var}.id",)
    return (f"coalesce({prop(var, order.field.value)}, '')", f"{var}.id")


def _after(keys: Sequence[str], keyset: Keyset, descending: bool, params: dict[str, Any]) -> str:
    """Rows strictly after `keyset` in the lexicographic order of `keys`."""
    return after_values(keys, keyset.values, descending, params)


def after_values(
    keys: Sequence[str], values: Sequence[object], descending: bool, params: dict[str, Any]
) -> str:
    """Rows strictly after `values` in the lexicographic order of `keys`."""
    if len(values) != len(keys):
        raise ValueError("keyset does not match the sort order")
    compare = "<" if descending else ">"
    names = []
    for value in values:
        names.append(f"k{len(params)}")
        params[names[-1]] = value
    clause = f"{keys[-1]} {compare} ${names[-1]}"
    for key, name in zip(reversed(keys[:-1]), reversed(names[:-1]), strict=True):
        clause = f"({key} {compare} ${name} OR ({key} = ${name} AND {clause}))"
    return clause


def _conditions(var: str, conditions: Sequence[Condition], params: dict[str, Any]) -> list[str]:
    return [condition(var, c, params) for c in conditions]


def _matching(
    var: str, match: Match | None, kind_test: KindTest, params: dict[str, Any]
) -> list[str]:
    written = TRUE if match is None else Predicates(kind_test, params).node(match, var)
    return [] if written == TRUE else [written]


def _edge_matching(
    where: EdgeMatch | None, kind_test: KindTest, params: dict[str, Any]
) -> list[str]:
    written = TRUE if where is None else Predicates(kind_test, params).edge(where, "r", "o")
    return [] if written == TRUE else [written]


def _where(clauses: Sequence[str]) -> str:
    return f" WHERE {' AND '.join(clauses)}" if clauses else ""


def count_all_nodes() -> Statement:
    return Statement(f"MATCH (n:{labels(list(NodeKind))}) RETURN count(n) AS total", {})


def scan_nodes(kind: NodeKind, after_id: str | None, limit: int) -> Statement:
    """One batch of every node of a kind, in id order: how a whole graph is copied."""
    where = "" if after_id is None else " WHERE n.id > $after"
    return Statement(
        f"MATCH (n:{kind.value}){where} RETURN n ORDER BY n.id LIMIT $limit",
        {"limit": limit} | ({} if after_id is None else {"after": after_id}),
    )


def scan_ties(type_: TieType, after_id: str | None, limit: int) -> Statement:
    where = "" if after_id is None else " WHERE r.id > $after"
    return Statement(
        f"MATCH (a)-[r:{type_.value}]->(b){where} RETURN a.id, b.id, r ORDER BY r.id LIMIT $limit",
        {"limit": limit} | ({} if after_id is None else {"after": after_id}),
    )


def ties_from(kind: NodeKind, ids: Sequence[str]) -> Statement:
    """Every tie, of any type, leaving nodes of one kind."""
    return Statement(
        f"MATCH (a:{kind.value})-[r]->(b) WHERE a.id IN $ids RETURN a.id, b.id, r",
        {"ids": list(ids)},
    )


def ties_to(kind: NodeKind, ids: Sequence[str]) -> Statement:
    """Every tie, of any type, reaching nodes of one kind."""
    return Statement(
        f"MATCH (a)-[r]->(b:{kind.value}) WHERE b.id IN $ids RETURN a.id, b.id, r",
        {"ids": list(ids)},
    )


def delete_nodes(kind: NodeKind, ids: Sequence[str]) -> Statement:
    return Statement(
        f"MATCH (n:{kind.value}) WHERE n.id IN $ids DETACH DELETE n", {"ids": list(ids)}
    )


def unsourced_nodes(kind: NodeKind, after_id: str | None, limit: int) -> Statement:
    after = "" if after_id is None else " AND n.id > $after"
    return Statement(
        f"MATCH (n:{kind.value}) WHERE (n.sources IS NULL OR size(n.sources) = 0){after} "
        "RETURN n ORDER BY n.id LIMIT $limit",
        {"limit": limit} | ({} if after_id is None else {"after": after_id}),
    )


def unsourced_ties(type_: TieType, after_id: str | None, limit: int) -> Statement:
    after = "" if after_id is None else " AND r.id > $after"
    return Statement(
        f"MATCH (a)-[r:{type_.value}]->(b) WHERE (r.sources IS NULL OR size(r.sources) = 0)"
        f"{after} RETURN a.id, b.id, r ORDER BY r.id LIMIT $limit",
        {"limit": limit} | ({} if after_id is None else {"after": after_id}),
    )


TOKEN_LABEL = "PoikkiToken"


def save_token(name: str, role: str, digest: str, created: str) -> Statement:
    return Statement(
        f"CREATE (t:{TOKEN_LABEL} {{digest: $digest, name: $name, role: $role, "
        "created: $created})",
        {"digest": digest, "name": name, "role": role, "created": created},
    )


def token_by_digest(digest: str) -> Statement:
    return Statement(
        f"MATCH (t:{TOKEN_LABEL}) WHERE t.digest = $digest RETURN t.name, t.role, t.digest, "
        "t.created",
        {"digest": digest},
    )


def list_tokens() -> Statement:
    return Statement(
        f"MATCH (t:{TOKEN_LABEL}) RETURN t.name, t.role, t.digest, t.created ORDER BY t.name",
        {},
    )


def revoke_token(name: str) -> Statement:
    return Statement(
        f"MATCH (t:{TOKEN_LABEL}) WHERE t.name = $name DELETE t",
        {"name": name},
    )


LOG_LABEL = "PoikkiLog"
COUNTER_LABEL = "PoikkiLogCounter"
_ENTRY = (
    "time: e.time, actor: e.actor, operation: e.operation, subject: e.subject, "
    "subjectType: e.subjectType, before: e.before, after: e.after, sources: e.sources"
)
_RETURN_ENTRY = (
    "l.position, l.time, l.actor, l.operation, l.subject, l.subjectType, l.before, l.after, "
    "l.sources"
)


def append_log(rows: list[dict[str, Any]]) -> Statement:
    """Append entries (graph/history.py rows, numbered from 1) after the log's last position:
    the counter node is written first, so concurrent writers queue behind its lock."""
    return Statement(
        f"MERGE (c:{COUNTER_LABEL} {{name: 'log'}}) "
        "SET c.position = coalesce(c.position, 0) + $count "
        "WITH c.position - $count AS last "
        f"UNWIND $entries AS e CREATE (:{LOG_LABEL} {{position: last + e.offset, {_ENTRY}}})",
        {"count": len(rows), "entries": rows},
    )


def restore_log(rows: list[dict[str, Any]], last: int) -> Statement:
    """Write entries with their own positions (a copied log) and move the counter to `last`."""
    return Statement(
        f"MERGE (c:{COUNTER_LABEL} {{name: 'log'}}) SET c.position = $last "
        f"WITH c UNWIND $entries AS e CREATE (:{LOG_LABEL} {{position: e.position, {_ENTRY}}})",
        {"last": last, "entries": rows},
    )


def log_position() -> Statement:
    return Statement(f"MATCH (c:{COUNTER_LABEL}) WHERE c.name = 'log' RETURN c.position", {})


def log_entries(after: int, limit: int) -> Statement:
    """Entries after a position, oldest first."""
    return Statement(
        f"MATCH (l:{LOG_LABEL}) WHERE l.position > $after RETURN {_RETURN_ENTRY} "
        "ORDER BY l.position LIMIT $limit",
        {"after": after, "limit": limit},
    )


def subject_history(subject_type: str, subject: str, before: int | None, limit: int) -> Statement:
    """A node's or tie's entries, newest first, before a position (None: from the newest)."""
    params: dict[str, Any] = {"type": subject_type, "subject": subject, "limit": limit}
    older = ""
    if before is not None:
        older, params["before"] = " AND l.position < $before", before
    return Statement(
        f"MATCH (l:{LOG_LABEL}) WHERE l.subject = $subject AND l.subjectType = $type{older} "
        f"RETURN {_RETURN_ENTRY} ORDER BY l.position DESC LIMIT $limit",
        params,
    )


def position_at(time: str) -> Statement:
    """The last position written at or before a moment (ISO 8601 UTC, compared as text)."""
    return Statement(
        f"MATCH (l:{LOG_LABEL}) WHERE l.time <= $time RETURN max(l.position)", {"time": time}
    )


def erase_log(subjects: list[dict[str, str]], erased: str) -> Statement:
    """Blank the entries of these subjects ({type, id}): no id, values or sources are left."""
    return Statement(
        f"UNWIND $subjects AS s MATCH (l:{LOG_LABEL}) "
        "WHERE l.subjectType = s.type AND l.subject = s.id "
        "SET l.subject = $erased, l.before = NULL, l.after = NULL, l.sources = $nothing",
        {"subjects": subjects, "erased": erased, "nothing": []},
    )


def delete_graph() -> Statement:
    """Every node and tie of the model (tokens and the log stay)."""
    return Statement(f"MATCH (n:{labels(list(NodeKind))}) DETACH DELETE n", {})
