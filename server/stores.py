"""Which GraphStore the settings select: Neo4j when POIKKI_NEO4J_URI is set, else embedded."""

from __future__ import annotations

from graph.backends.ladybug import LadybugStore
from graph.backends.neo4j import Neo4jStore
from graph.store import GraphStore
from server.settings import ConfigError, Settings


def store_for(settings: Settings, *, read_only: bool = False, serving: bool = False) -> GraphStore:
    """`serving`: for a long-running server, which keeps the embedded read model if enabled."""
    store: LadybugStore | Neo4jStore
    if settings.neo4j_uri:
        store = neo4j_store(settings)
    else:
        read_model = serving and settings.read_model
        store = embedded_store(settings, read_only=read_only, read_model=read_model)
    store.read_timeout = settings.store_timeout
    return store


def embedded_store(
    settings: Settings, *, read_only: bool = False, read_model: bool = False
) -> LadybugStore:
    return LadybugStore(settings.database_path, read_only=read_only, read_model=read_model)


def neo4j_store(settings: Settings) -> Neo4jStore:
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
