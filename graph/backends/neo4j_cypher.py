"""The Cypher only Neo4j gets: schema setup, search and lookups across labels through each
label's own index, and the bulk-load statements."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from graph.cypher import (
    COUNTER_LABEL,
    LOG_LABEL,
    NEIGHBOUR_SORT_KEYS,
    TOKEN_LABEL,
    Statement,
    edge_clauses,
    hop_pattern,
    ranked_hits,
    search_params,
)
from graph.cypher_aggregates import Dialect
from graph.model import KIND_SPECS, NodeKind, TieType
from graph.store import EdgeMatch, Hop, SearchQuery
from graph.text_match import fold

RETIRED_INDEXES = ("poikki_search",)
"""Indexes earlier versions made and nothing uses now: the full-text index search read before
it matched folded text (`searchText`, under a text index per label)."""
DIALECT = Dialect("labels({})[0]", "type({})", "", "{0}[{1}..{1} + $limit]")
"""How Neo4j spells what graph/cypher_aggregates.py's statements need: a node's one label, a
relationship's type; ORDER BY in WITH needs no LIMIT; lists slice from 0, the end left out."""


def schema_statements() -> list[str]:
    """Idempotent DDL: unique ids, indexes for every filter and sort key, a text index on
    what search matches, and retired indexes dropped."""
    statements = []
    for kind in NodeKind:
        name = kind.value.lower()
        statements.append(
            f"CREATE CONSTRAINT poikki_{name}_id IF NOT EXISTS "
            f"FOR (n:{kind.value}) REQUIRE n.id IS UNIQUE"
        )
        spec = KIND_SPECS[kind]
        keys = ("nameKey",) + (("start", "end") if spec.dated else ()) + spec.filters
        statements += [
            f"CREATE INDEX poikki_{name}_{key.lower()} IF NOT EXISTS "
            f"FOR (n:{kind.value}) ON (n.`{key}`)"
            for key in keys
        ]
        statements.append(
            f"CREATE TEXT INDEX poikki_{name}_search IF NOT EXISTS "
            f"FOR (n:{kind.value}) ON (n.searchText)"
        )
    statements += [
        f"CREATE INDEX poikki_{type_.value.lower()}_id IF NOT EXISTS "
        f"FOR ()-[r:{type_.value}]-() ON (r.id)"
        for type_ in TieType
    ]
    statements.append(
        f"CREATE CONSTRAINT poikki_token_digest IF NOT EXISTS "
        f"FOR (t:{TOKEN_LABEL}) REQUIRE t.digest IS UNIQUE"
    )
    statements += [
        f"CREATE CONSTRAINT poikki_log_position IF NOT EXISTS "
        f"FOR (l:{LOG_LABEL}) REQUIRE l.position IS UNIQUE",
        f"CREATE INDEX poikki_log_subject IF NOT EXISTS FOR (l:{LOG_LABEL}) ON (l.subject)",
        f"CREATE INDEX poikki_log_time IF NOT EXISTS FOR (l:{LOG_LABEL}) ON (l.time)",
        f"CREATE CONSTRAINT poikki_log_counter IF NOT EXISTS "
        f"FOR (c:{COUNTER_LABEL}) REQUIRE c.name IS UNIQUE",
    ]
    statements += [f"DROP INDEX {index} IF EXISTS" for index in RETIRED_INDEXES]
    return statements


def find_nodes(ids: Sequence[str]) -> Statement:
    # One branch per label: each is a seek on that label's unique index, which a
    # label disjunction in a single pattern would not get.
    branches = [
        f"UNWIND $ids AS id MATCH (n:{kind.value} {{id: id}}) RETURN n" for kind in NodeKind
    ]
    return Statement(" UNION ALL ".join(branches), {"ids": list(ids)})


def _matching(kinds: Sequence[NodeKind]) -> str:
    # One branch per label, so each is a seek in that label's text index; a label
    # disjunction in a single pattern would scan every node.
    branches = [
        f"MATCH (n:{kind.value}) WHERE n.searchText CONTAINS $text RETURN n" for kind in kinds
    ]
    return f"CALL () {{ {' UNION ALL '.join(branches)} }} "


def search(query: SearchQuery) -> Statement:
    """As the shared builder, with the matching nodes found through the text indexes."""
    params = search_params(query)
    return Statement(_matching(query.kinds) + ranked_hits(query, params), params)


def count_search(text: str, kinds: Sequence[NodeKind]) -> Statement:
    return Statement(f"{_matching(kinds)}RETURN count(n) AS total", {"text": fold(text)})


def create_nodes(kind: NodeKind, rows: list[dict[str, Any]]) -> Statement:
    return Statement(f"UNWIND $rows AS row CREATE (n:{kind.value}) SET n = row", {"rows": rows})


def create_ties(
    type_: TieType, source: NodeKind, target: NodeKind, rows: list[dict[str, Any]]
) -> Statement:
    """Rows are {source, target, properties}; MATCH finds the ends by their unique ids."""
    return Statement(
        f"UNWIND $rows AS row MATCH (a:{source.value} {{id: row.source}}) "
        f"MATCH (b:{target.value} {{id: row.target}}) "
        f"CREATE (a)-[r:{type_.value}]->(b) SET r = row.properties",
        {"rows": rows},
    )


def delete_batch(limit: int) -> Statement:
    return Statement(
        "MATCH (n) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS deleted",
        {"limit": limit},
    )


def kind_test(var: str, kind: NodeKind) -> str:
    """Whether the node `var` is of `kind` (graph/cypher_matches.py)."""
    return f"{var}:{kind.value}"


def first_neighbours(
    hop: Hop, parent_ids: Sequence[str], limit: int, where: EdgeMatch | None = None
) -> Statement:
    """As the shared builder, in Neo4j's dialect: ORDER BY in WITH needs no LIMIT, and lists
    slice from 0 with an exclusive end."""
    keys = ", ".join(NEIGHBOUR_SORT_KEYS)
    params: dict[str, Any] = {"ids": list(parent_ids), "limit": limit}
    return Statement(
        f"{hop_pattern(hop)}{edge_clauses(where, kind_test, params)} "
        f"WITH pid, r, o ORDER BY pid, {keys} "
        "WITH pid, collect(r) AS rs, collect(o) AS os, count(r) AS total "
        "RETURN pid, rs[0..$limit], os[0..$limit], total",
        params,
    )
