"""The backends the contract suite runs on: every one the environment configures (embedded
always, Neo4j when POIKKI_NEO4J_URI is set), opened as the server would open them.

The Neo4j database named by POIKKI_NEO4J_DATABASE (default neo4j) is emptied before each
test: point it at a server or database that holds nothing you want to keep.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from graph.backends.neo4j import Neo4jStore
from graph.store import GraphStore
from server.settings import from_environment
from server.stores import BACKENDS as REGISTRY

BACKENDS = [name for name, backend in REGISTRY.items() if backend.configured(from_environment())]


async def open_backend(name: str, folder: Path) -> GraphStore:
    store = REGISTRY[name].store(replace(from_environment(), data_dir=folder))
    await store.open()
    if isinstance(store, Neo4jStore):  # a server's database outlives the test's folder
        await store.delete_everything()
    return store
