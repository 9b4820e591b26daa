"""Loading the demo knowledge: the fast bulk path into an empty store, idempotent upserts after."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path

from graph.backends.ladybug import LadybugStore
from graph.history import SYSTEM, Attribution
from graph.model import Node, Tie
from graph.store import GraphStore, WriteSummary
from seed.knowledge import seed_graph


async def is_empty(store: GraphStore) -> bool:
    stats = await store.stats()
    return not any(stats.nodes.values())


async def load(
    store: GraphStore, nodes: Sequence[Node], ties: Sequence[Tie], by: Attribution = SYSTEM
) -> WriteSummary:
    if await is_empty(store):
        return await store.bulk_load(nodes, ties, by=by)
    return await store.upsert(nodes, ties, by)


async def load_seed(store: GraphStore, by: Attribution = SYSTEM) -> WriteSummary:
    nodes, ties = seed_graph()
    return await load(store, nodes, ties, by)


async def load_seed_if_empty(store: GraphStore) -> bool:
    if not await is_empty(store):
        return False
    nodes, ties = seed_graph()
    await store.bulk_load(nodes, ties)
    return True


def load_into(path: Path, nodes: Sequence[Node], ties: Sequence[Tie]) -> None:
    """Bulk-loads into the embedded database at `path`, from outside any event loop."""

    async def run() -> None:
        store = LadybugStore(path)
        await store.open()
        try:
            await store.bulk_load(nodes, ties)
        finally:
            await store.close()

    asyncio.run(run())
