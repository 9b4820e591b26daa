"""The backends the contract suite runs on: embedded always, Neo4j when POIKKI_NEO4J_URI is set.

The Neo4j database named by POIKKI_NEO4J_DATABASE (default neo4j) is emptied before each
test: point it at a server or database that holds nothing you want to keep.
"""

from __future__ import annotations

import os
from pathlib import Path

from graph.backends.ladybug import LadybugStore
from graph.backends.neo4j import Neo4jStore
from graph.store import GraphStore

BACKENDS = ["embedded", *(["neo4j"] if os.environ.get("POIKKI_NEO4J_URI") else [])]


async def open_backend(name: str, folder: Path) -> GraphStore:
    if name == "embedded":
        store = LadybugStore(folder / "contract.lbug")
        await store.open()
        return store
    neo4j = Neo4jStore(
        os.environ["POIKKI_NEO4J_URI"],
        user=os.environ.get("POIKKI_NEO4J_USER", "neo4j"),
        password=os.environ.get("POIKKI_NEO4J_PASSWORD", ""),
        database=os.environ.get("POIKKI_NEO4J_DATABASE", "neo4j"),
    )
    await neo4j.open()
    await neo4j.delete_everything()
    return neo4j
