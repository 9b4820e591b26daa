"""The analytics cache keeps what it may within its budget (POIKKI_ANALYTICS_CACHE_MB), the
least recently used going first, and every answer is the same whether it was kept or not."""

from __future__ import annotations

import gc
import tracemalloc
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from graph.analytics.footprint import footprint
from graph.analytics.projection import Mode, Weighting, build
from graph.analytics.scope import Scope
from graph.analytics.service import Analytics
from graph.analytics.subgraph import select, take_snapshot
from graph.backends.ladybug import LadybugStore
from graph.model import Boundary
from seed.synthetic import synthetic_graph
from tests.conftest import GraphQLClient


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[LadybugStore]:
    opened = LadybugStore(tmp_path / "cache.lbug")
    await opened.open()
    await opened.bulk_load(*synthetic_graph(600, 4))
    yield opened
    await opened.close()


async def _measures(analytics: Analytics, seed: int) -> list[float]:
    found = await analytics.measures(Scope(), Mode.PEOPLE, Weighting.NEWMAN, Boundary.SECTOR, seed)
    return [node.betweenness for node in found.nodes]


async def test_the_cache_stays_within_its_budget_and_answers_alike(store: LadybugStore) -> None:
    roomy = Analytics(store, isolate_above=10**9)
    expected = [await _measures(roomy, seed) for seed in range(4)]
    count, held = roomy.cached()
    assert count >= 6  # the selection, the projection and four answers
    budget = held // 2
    bounded = Analytics(store, isolate_above=10**9, cache_bytes=budget)
    for seed in range(4):
        assert await _measures(bounded, seed) == expected[seed]
        assert 0 < bounded.cached()[1] <= budget
    nothing = Analytics(store, isolate_above=10**9, cache_bytes=0)
    assert await _measures(nothing, 2) == expected[2]
    assert nothing.cached() == (0, 0)
    gc.unfreeze()


async def test_a_footprint_is_near_what_the_network_holds(store: LadybugStore) -> None:
    snapshot = await take_snapshot(store)
    subgraph = select(snapshot, Scope())
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        network = build(subgraph, Mode.PEOPLE, Weighting.NEWMAN)
        assert network.graph.ecount() > 1_000
        traced = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert traced / 2 <= footprint(network) <= traced * 3


MEASURES = (
    "{ measures(mode: PEOPLE) { density nodes(first: 5) { edges { node { betweenness } } } } }"
)


def test_the_budget_is_a_setting_seen_through_readyz(
    make_client: Callable[..., GraphQLClient],
) -> None:
    nodes, ties = synthetic_graph(300, 4)
    roomy = make_client(nodes, ties)
    none = make_client(nodes, ties, analytics_cache_mb=0)
    assert none.data(MEASURES) == roomy.data(MEASURES)
    kept = roomy.http.get("/readyz").json()["analyticsCache"]
    assert kept["cached"] > 0
    assert 0 < kept["bytes"] <= kept["budgetBytes"] == 256 * 2**20
    assert none.http.get("/readyz").json()["analyticsCache"] == {
        "cached": 0,
        "bytes": 0,
        "budgetBytes": 0,
    }
