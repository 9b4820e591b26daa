"""The snapshot's ties read in bulk are the ties read one by one, and the stored ties; a
child's answer refers to the snapshot's nodes and ties rather than copying them."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from graph.analytics.frame import TieView
from graph.analytics.isolation import run_isolated
from graph.analytics.subgraph import take_snapshot
from graph.backends.ladybug import LadybugStore
from graph.model import Node, Tie
from seed.knowledge import seed_graph
from seed.synthetic import synthetic_graph
from tests.test_analytics_against_networkx import _snapshot


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


async def test_a_childs_answer_names_the_snapshots_nodes_and_ties_instead_of_copying_them(
    tmp_path: Path,
) -> None:
    store = LadybugStore(tmp_path / "graph.lbug")
    await store.open()
    try:
        await store.bulk_load(*seed_graph())
        snapshot = await take_snapshot(store)
    finally:
        await store.close()
    rows = np.arange(0, len(snapshot.ties), 3, dtype=np.int64)
    view = TieView(snapshot, rows)
    stranger = replace(snapshot.nodes[0], name="Not in the snapshot")

    def answer() -> tuple[list[Node], TieView, Node]:
        return list(snapshot.nodes[:7]), TieView(snapshot, rows), stranger

    nodes, ties, other = await run_isolated(answer, shared=snapshot)
    assert all(got is kept for got, kept in zip(nodes, snapshot.nodes[:7], strict=True))
    assert ties.snapshot is snapshot
    assert list(ties) == list(view)
    assert other == stranger
    assert other is not stranger
