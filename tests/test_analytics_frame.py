"""The snapshot's ties read in bulk are the ties read one by one, and the stored ties."""

from __future__ import annotations

import asyncio
import pickle
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from graph.analytics.frame import TieView
from graph.analytics.subgraph import Snapshot, take_snapshot
from graph.backends.ladybug import LadybugStore
from graph.model import Node, Tie
from seed.knowledge import seed_graph
from seed.synthetic import synthetic_graph


def _snapshot(folder: Path, nodes: list[Node], ties: list[Tie]) -> Snapshot:
    async def run() -> Snapshot:
        store = LadybugStore(folder / "graph.lbug")
        await store.open()
        try:
            await store.bulk_load(nodes, ties)
            return await take_snapshot(store)
        finally:
            await store.close()

    return asyncio.run(run())


@pytest.mark.parametrize("graph", [seed_graph, lambda: synthetic_graph(300, seed=3)])
def test_ties_read_in_bulk_equal_ties_read_one_by_one(
    tmp_path: Path, graph: Callable[[], tuple[list[Node], list[Tie]]]
) -> None:
    nodes, ties = graph()
    snapshot = _snapshot(tmp_path, nodes, ties)
    rows = np.arange(len(snapshot.ties), dtype=np.int64)
    one_by_one = [snapshot.tie(int(row)) for row in rows]
    assert snapshot.ties_at(rows) == one_by_one
    shuffled = np.random.default_rng(5).permutation(rows)
    view = TieView(snapshot, shuffled)
    assert list(view) == [one_by_one[row] for row in shuffled]
    assert view[3:40] == [one_by_one[row] for row in shuffled[3:40]]
    assert pickle.loads(pickle.dumps(view)) == list(view)
    stored = {tie.id: tie for tie in ties}
    assert {snapshot.stored_tie(int(row)) for row in rows} == set(stored.values())
