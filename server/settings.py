"""Configuration from the environment (POIKKI_*); the README's table lists every variable."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from resolvers.context import Limits
from schema.build import QueryLimits
from schema.cost import ListSizes

NEO4J_SCHEMES = ("neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc")


class ConfigError(ValueError):
    pass


@dataclass(frozen=True)
class Settings:
    data_dir: Path = Path("data")
    host: str = "127.0.0.1"
    port: int = 8000
    max_depth: int = 12
    max_tokens: int = 2000
    max_aliases: int = 30
    max_first: int = 100
    max_cost: int = 100_000
    max_network_nodes: int = 20_000
    max_network_edges: int = 30_000
    analytics_max_ties: int = 5_000_000
    """The most ties a network question may build (a projection counted before it is built)."""
    analytics_isolate_above: int = 0
    """Graphs with more nodes and ties answer the computing network questions in a child."""
    request_seconds: float = 60.0
    graphiql: bool = True
    public_read: bool = True
    cors_origins: tuple[str, ...] = ()
    max_body_bytes: int = 16 * 1024 * 1024
    store_timeout: float = 30.0
    shutdown_grace: int = 30
    batch_loads: bool = True
    read_model: bool = True
    """Embedded only: keep a column-wise copy of the graph in memory for the hot reads."""
    result_cache_mb: int | None = None
    """None: 64 on the embedded backend (one process), 0 (off) on Neo4j."""
    log_level: str = "info"
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: str = ""
    neo4j_database: str = "neo4j"

    @property
    def backend(self) -> str:
        return "neo4j" if self.neo4j_uri else "embedded"

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
    def text(name: str, default: str) -> str:
        return environ.get(f"POIKKI_{name}", default)

    def number(name: str, default: int) -> int:
        raw = text(name, str(default))
        if not raw.isdigit() or int(raw) < 1:
            raise ConfigError(f"POIKKI_{name} must be a positive integer; got '{raw}'.")
        return int(raw)

    def flag(name: str, default: bool) -> bool:
        raw = text(name, "true" if default else "false").lower()
        if raw not in {"true", "false", "1", "0", "yes", "no"}:
            raise ConfigError(f"POIKKI_{name} must be true or false; got '{raw}'.")
        return raw in {"true", "1", "yes"}

    def whole(name: str) -> int | None:
        raw = environ.get(f"POIKKI_{name}")
        if raw is None:
            return None
        if not raw.isdigit():
            raise ConfigError(f"POIKKI_{name} must be a whole number; got '{raw}'.")
        return int(raw)

    def whole_or(name: str, default: int) -> int:
        found = whole(name)
        return default if found is None else found

    def seconds(name: str, default: float) -> float:
        raw = text(name, str(default))
        try:
            value = float(raw)
        except ValueError:
            value = 0.0
        if not value > 0 or value == float("inf"):
            raise ConfigError(f"POIKKI_{name} must be a positive number of seconds; got '{raw}'.")
        return value

    def uri(name: str) -> str | None:
        raw = environ.get(f"POIKKI_{name}") or None
        if raw is not None and raw.split("://", 1)[0] not in NEO4J_SCHEMES:
            schemes = ", ".join(f"{s}://" for s in NEO4J_SCHEMES)
            raise ConfigError(f"POIKKI_{name} must start with one of {schemes}; got '{raw}'.")
        return raw

    defaults = Settings()
    return Settings(
        data_dir=Path(text("DATA_DIR", str(defaults.data_dir))),
        host=text("HOST", defaults.host),
        port=number("PORT", defaults.port),
        max_depth=number("MAX_DEPTH", defaults.max_depth),
        max_tokens=number("MAX_TOKENS", defaults.max_tokens),
        max_aliases=number("MAX_ALIASES", defaults.max_aliases),
        max_first=number("MAX_FIRST", defaults.max_first),
        max_cost=number("MAX_COST", defaults.max_cost),
        max_network_nodes=number("MAX_NETWORK_NODES", defaults.max_network_nodes),
        max_network_edges=number("MAX_NETWORK_EDGES", defaults.max_network_edges),
        analytics_max_ties=number("ANALYTICS_MAX_TIES", defaults.analytics_max_ties),
        analytics_isolate_above=whole_or(
            "ANALYTICS_ISOLATE_ABOVE", defaults.analytics_isolate_above
        ),
        request_seconds=seconds("REQUEST_TIMEOUT_SECONDS", defaults.request_seconds),
        graphiql=flag("GRAPHIQL", defaults.graphiql),
        public_read=flag("PUBLIC_READ", defaults.public_read),
        cors_origins=tuple(o.strip() for o in text("CORS_ORIGINS", "").split(",") if o.strip()),
        max_body_bytes=number("MAX_BODY_BYTES", defaults.max_body_bytes),
        store_timeout=float(number("STORE_TIMEOUT_SECONDS", int(defaults.store_timeout))),
        shutdown_grace=number("SHUTDOWN_GRACE_SECONDS", defaults.shutdown_grace),
        batch_loads=flag("BATCH_LOADS", defaults.batch_loads),
        read_model=flag("READ_MODEL", defaults.read_model),
        result_cache_mb=whole("RESULT_CACHE_MB"),
        log_level=text("LOG_LEVEL", defaults.log_level).lower(),
        neo4j_uri=uri("NEO4J_URI"),
        neo4j_user=text("NEO4J_USER", defaults.neo4j_user),
        neo4j_password=text("NEO4J_PASSWORD", defaults.neo4j_password),
        neo4j_database=text("NEO4J_DATABASE", defaults.neo4j_database),
    )
