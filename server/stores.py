"""The backends by name: the one registry the app, the CLI and the tests read.

A backend is its store (graph/backends/) and one `Backend` entry in `BACKENDS`. The settings
select the first backend they configure, in the registry's order: Neo4j when POIKKI_NEO4J_URI
is set, else the embedded database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from graph.backends.ladybug import LadybugStore
from graph.backends.neo4j import Neo4jStore
from graph.store import GraphStore
from server.settings import Settings
from server.variables import ConfigError


class StoreFactory(Protocol):
    def __call__(
        self, settings: Settings, *, read_only: bool = False, serving: bool = False
    ) -> GraphStore:
        """A store on the settings' database, not yet opened; `serving`: for a long-running
        server (the embedded one then keeps its read model if enabled)."""
        ...


@dataclass(frozen=True)
class Backend:
    name: str
    store: StoreFactory
    configured: Callable[[Settings], bool]
    """Whether the settings say where its database is."""
    where: Callable[[Settings], str]
    """Its database, as `poikki serve` names it."""
    serves_while_down: bool
    """A database on a server of its own: if it cannot be reached at start, the app serves
    anyway (/healthz answers 503 until it answers); otherwise a store that fails to open fails."""
    sole_writer: bool
    """While a server serves it, no other process writes to its database, so the store's
    version counts every write (HTTP validators then need not run a query to know its tag)."""


def _neo4j(settings: Settings, *, read_only: bool = False, serving: bool = False) -> GraphStore:
    if not settings.neo4j_uri:
        raise ConfigError(
            "POIKKI_NEO4J_URI is not set: say where Neo4j runs, e.g. bolt://localhost:7687."
        )
    return Neo4jStore(
        settings.neo4j_uri,
        user=settings.neo4j_user,
        password=settings.neo4j_password,
        database=settings.neo4j_database,
    )


def _embedded(settings: Settings, *, read_only: bool = False, serving: bool = False) -> GraphStore:
    read_model = serving and settings.read_model
    return LadybugStore(settings.database_path, read_only=read_only, read_model=read_model)


BACKENDS: dict[str, Backend] = {
    backend.name: backend
    for backend in (
        Backend(
            "neo4j",
            _neo4j,
            configured=lambda settings: bool(settings.neo4j_uri),
            where=lambda s: f"Neo4j at {s.neo4j_uri}, database {s.neo4j_database}",
            serves_while_down=True,
            sole_writer=False,
        ),
        Backend(
            "embedded",
            _embedded,
            configured=lambda settings: True,
            where=lambda settings: f"the embedded database in {settings.data_dir}",
            serves_while_down=False,
            sole_writer=True,
        ),
    )
}


def selected(settings: Settings) -> Backend:
    """The first backend in `BACKENDS` that the settings configure."""
    return next(backend for backend in BACKENDS.values() if backend.configured(settings))


def store_for(settings: Settings, *, read_only: bool = False, serving: bool = False) -> GraphStore:
    """The selected backend's store, its reads limited to POIKKI_STORE_TIMEOUT_SECONDS."""
    store = selected(settings).store(settings, read_only=read_only, serving=serving)
    store.read_timeout = settings.store_timeout
    return store
