"""Configuration from the environment (POIKKI_*): each variable is declared once, on the field
it fills, with its cast, default and help; `poikki config` prints them as the README's table."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from graph.analytics.service import CACHE_BYTES, ISOLATE_ABOVE, WORKERS
from resolvers.context import Limits
from schema.build import QueryLimits
from schema.cost import ListSizes
from server import casts
from server.variables import values_from, variable


@dataclass(frozen=True)
class Settings:
    data_dir: Path = variable(
        "POIKKI_DATA_DIR", Path, Path("data"), "folder of the embedded database"
    )
    host: str = variable(
        "POIKKI_HOST", casts.text, "127.0.0.1", "interface `poikki serve` listens on"
    )
    port: int = variable(
        "POIKKI_PORT", casts.positive_integer, 8000, "port `poikki serve` listens on"
    )
    max_depth: int = variable(
        "POIKKI_MAX_DEPTH", casts.positive_integer, 12, "deepest query accepted"
    )
    max_tokens: int = variable(
        "POIKKI_MAX_TOKENS", casts.positive_integer, 2000, "most tokens in one query document"
    )
    max_aliases: int = variable(
        "POIKKI_MAX_ALIASES", casts.positive_integer, 30, "most aliases in one query document"
    )
    max_first: int = variable(
        "POIKKI_MAX_FIRST", casts.positive_integer, 100, "largest `first` a list accepts"
    )
    max_cost: int = variable(
        "POIKKI_MAX_COST",
        casts.positive_integer,
        100_000,
        "most objects a query could return, every list counted and nested lists multiplied"
        " ([docs/limits.md](docs/limits.md); `LIMIT_EXCEEDED` gives the estimate)",
    )
    max_network_nodes: int = variable(
        "POIKKI_MAX_NETWORK_NODES",
        casts.positive_integer,
        20_000,
        "most nodes `network`/`collaboration` draw (`maxNodes`, 2,500 when not given)",
    )
    max_network_edges: int = variable(
        "POIKKI_MAX_NETWORK_EDGES",
        casts.positive_integer,
        30_000,
        "most edges they draw (`maxEdges`, 2,500 when not given)",
    )
    analytics_max_ties: int = variable(
        "POIKKI_ANALYTICS_MAX_TIES",
        casts.positive_integer,
        5_000_000,
        "most ties a network question may build; a projection is counted before it is built"
        " (`LIMIT_EXCEEDED` names the size)",
    )
    analytics_isolate_above: int = variable(
        "POIKKI_ANALYTICS_ISOLATE_ABOVE",
        casts.whole_number,
        ISOLATE_ABOVE,
        "graphs with more nodes and ties than this answer drawn networks, paths, measures and"
        " communities in a forked child process (0: always), so igraph never holds the server",
    )
    analytics_cache_mb: int = variable(
        "POIKKI_ANALYTICS_CACHE_MB",
        casts.whole_number,
        CACHE_BYTES // 2**20,
        "memory the network questions' cache may hold: selections, projections and answers of"
        " the current graph, the least recently used going first (0: none kept)",
    )
    analytics_workers: int = variable(
        "POIKKI_ANALYTICS_WORKERS",
        casts.positive_integer,
        WORKERS,
        "how many network questions compute at once, each in a child process of its own;"
        " others wait their turn",
    )
    request_seconds: float = variable(
        "POIKKI_REQUEST_TIMEOUT_SECONDS",
        casts.seconds,
        60.0,
        "a GraphQL request still resolving after this long is stopped (`LIMIT_EXCEEDED`)",
    )
    graphiql: bool = variable(
        "POIKKI_GRAPHIQL", casts.flag, True, "serve GraphiQL at `/graphql` to browsers"
    )
    public_read: bool = variable(
        "POIKKI_PUBLIC_READ",
        casts.flag,
        True,
        "`false`: reading (GraphQL and exports) needs a token too",
    )
    cors_origins: tuple[str, ...] = variable(
        "POIKKI_CORS_ORIGINS",
        casts.comma_separated,
        (),
        "comma-separated origins browsers may call from",
        shown_default="(empty: no CORS)",
    )
    cache_control: str = variable(
        "POIKKI_CACHE_CONTROL",
        casts.header_value,
        "no-cache",
        "`Cache-Control` of a GET query's answer, which carries an `ETag` (`If-None-Match` gets"
        " 304): `no-cache` has clients revalidate every time; e.g. `public, max-age=60` lets"
        " a CDN keep public answers a minute ([docs/http.md](docs/http.md))",
    )
    persisted_query_cache: int = variable(
        "POIKKI_PERSISTED_QUERY_CACHE",
        casts.whole_number,
        1000,
        "documents each process learns from Automatic Persisted Queries, least recently used"
        " dropped first (`0`: none learnt)",
    )
    persisted_queries_file: Path | None = variable(
        "POIKKI_PERSISTED_QUERIES_FILE",
        casts.optional_path,
        None,
        "the persisted documents, known by hash from the start: a JSON object SHA-256 →"
        " document, or Apollo's persisted-query manifest (`poikki persist` writes it)",
        shown_default="(unset: none)",
    )
    persisted_only: bool = variable(
        "POIKKI_PERSISTED_ONLY",
        casts.flag,
        False,
        "`true`: only the documents in `POIKKI_PERSISTED_QUERIES_FILE` run, for everyone;"
        " any other is `FORBIDDEN`",
    )
    anonymous_introspection: bool = variable(
        "POIKKI_ANONYMOUS_INTROSPECTION",
        casts.flag,
        True,
        "`false`: `__schema` and `__type` need a bearer token (any role); without one they"
        " are `FORBIDDEN`",
    )
    max_body_bytes: int = variable(
        "POIKKI_MAX_BODY_BYTES",
        casts.positive_integer,
        16 * 1024 * 1024,
        "largest request body (413, `LIMIT_EXCEEDED`)",
    )
    store_timeout: float = variable(
        "POIKKI_STORE_TIMEOUT_SECONDS",
        casts.positive_whole_seconds,
        30.0,
        "a read running longer is stopped (`UNAVAILABLE`)",
    )
    shutdown_grace: int = variable(
        "POIKKI_SHUTDOWN_GRACE_SECONDS",
        casts.positive_integer,
        30,
        "how long SIGTERM waits for requests in flight",
    )
    batch_loads: bool = variable(
        "POIKKI_BATCH_LOADS",
        casts.flag,
        True,
        "`false` resolves every parent with its own store call (the benchmarks' naive baseline)",
    )
    read_model: bool = variable(
        "POIKKI_READ_MODEL",
        casts.flag,
        True,
        "embedded only: keep a column-wise copy of the graph in memory that answers node"
        " lookups, root lists, pages of neighbours and whole-graph scans while it is current"
        " (rebuilt in the background after writes; reads go to the database meanwhile; about"
        " 0.7 GB resident and 2–4 s to build for 100k nodes and 1M ties)",
    )
    plain_reads: bool = variable(
        "POIKKI_PLAIN_READS",
        casts.flag,
        True,
        "plan each query's selections: `__typename`, attributes and argument-less methods"
        " (scalars, a page's edges, each edge's node) completed directly, not through"
        " graphql-core's per-field machinery, lists completed a level at a time with each"
        " relationship field resolved once a level for all its objects, and constant arguments"
        " coerced once a request (docs/executor.md); `false` runs its executor unchanged (the"
        " same answers, slower)",
    )
    result_cache_mb: int | None = variable(
        "POIKKI_RESULT_CACHE_MB",
        casts.whole_number,
        None,
        "memory for answers kept per query text, variables and role until the next write,"
        " token writes included (`0`: off)",
        shown_default="`64` embedded, `0` Neo4j",
    )
    """None: 64 on the embedded backend (one process), 0 (off) on Neo4j."""
    log_level: str = variable(
        "POIKKI_LOG_LEVEL", casts.lowercase, "info", "`debug`, `info`, `warning` or `error`"
    )
    neo4j_uri: str | None = variable(
        "POIKKI_NEO4J_URI",
        casts.neo4j_uri,
        None,
        "`neo4j://`, `bolt://` (or `+s`, `+ssc`) address of Neo4j 5; set, it selects the"
        " Neo4j backend",
        shown_default="(unset: embedded)",
    )
    neo4j_user: str = variable("POIKKI_NEO4J_USER", casts.text, "neo4j", "Neo4j user")
    neo4j_password: str = variable("POIKKI_NEO4J_PASSWORD", casts.text, "", "Neo4j password")
    neo4j_database: str = variable(
        "POIKKI_NEO4J_DATABASE", casts.text, "neo4j", "Neo4j database name"
    )

    @property
    def database_path(self) -> Path:
        return self.data_dir / "poikki.lbug"

    @property
    def query_limits(self) -> QueryLimits:
        cache_mb = self.result_cache_mb
        if cache_mb is None:
            cache_mb = 0 if self.neo4j_uri else 64
        return QueryLimits(
            self.max_depth,
            self.max_tokens,
            self.max_aliases,
            self.max_cost,
            cache_mb * 2**20,
            ListSizes(network_nodes=self.max_network_nodes, network_edges=self.max_network_edges),
            self.request_seconds,
            self.anonymous_introspection,
        )

    @property
    def limits(self) -> Limits:
        return Limits(
            max_first=self.max_first,
            max_network_nodes=self.max_network_nodes,
            max_network_edges=self.max_network_edges,
            batch_loads=self.batch_loads,
        )

    def with_overrides(self, **values: object) -> Settings:
        # The CLI passes its options by name, untyped; replace() checks the names at run time.
        return replace(self, **{k: v for k, v in values.items() if v is not None})  # type: ignore[arg-type]


def from_environment(environ: Mapping[str, str] = os.environ) -> Settings:
    """The settings the POIKKI_* variables set (the declared defaults for the rest)."""
    return replace(Settings(), **values_from(Settings, environ))
