"""One graph version for every store over a database: a write through another store object
(as another process would write on Neo4j) is seen by this server's cached answers once the
version is read again (at most 100 ms later), with no stale answer (docs/history.md)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path

from graph.backends.ladybug import LadybugStore
from graph.history import Attribution, Operation
from graph.model import Node, NodeKind, Tie, TieType
from seed.knowledge import seed_graph
from server.settings import Settings
from tests.conftest import GraphQLClient

QUERY = """
{ people(first: 1) { totalCount }
  measures(mode: PEOPLE) { nodeCount nodes(first: 100) { totalCount } } }
"""
NEWS = "espoo-news-2017-03-02"


def _write_elsewhere(path: Path, nodes: list[Node], ties: list[Tie]) -> int:
    """Write through a store object of its own, as another worker would; the log position."""

    async def write() -> int:
        store = LadybugStore(path)
        await store.open()
        try:
            await store.upsert(nodes, ties, Attribution("other-worker", Operation.IMPORT))
            return store.version
        finally:
            await store.close()

    return asyncio.run(write())


def test_a_write_through_another_store_is_seen_by_this_servers_cached_answers(
    make_client: Callable[..., GraphQLClient], tmp_path: Path
) -> None:
    client = make_client(*seed_graph())
    before = client.data(QUERY)
    assert client.data(QUERY) == before  # now answered from the result cache
    people = before["people"]["totalCount"]
    seed_nodes, _ = seed_graph()
    project = next(n for n in seed_nodes if n.kind is NodeKind.PROJECT)
    newcomer = Node(NodeKind.PERSON, "zz-muualta", "Zz Muualta", sources=(NEWS,))
    joins = Tie(TieType.PARTICIPATES_IN, newcomer.id, project.id, "zz-joins", sources=(NEWS,))
    position = _write_elsewhere(
        Settings(data_dir=tmp_path / "db0").database_path, [newcomer], [joins]
    )
    deadline = time.monotonic() + 0.1
    while True:
        after = client.data(QUERY)
        if after != before or time.monotonic() > deadline + 0.05:
            break
    assert client.store.version == position
    assert after["people"]["totalCount"] == people + 1
    expected = len({n.id for n in seed_nodes if n.kind is NodeKind.PERSON} | {newcomer.id})
    assert after["people"]["totalCount"] == expected
    assert after["measures"]["nodeCount"] == before["measures"]["nodeCount"] + 1
    assert after["measures"]["nodes"]["totalCount"] == after["measures"]["nodeCount"]
