"""Network questions answered from one snapshot of the store, cached until the next write.

The snapshot is fetched through the GraphStore protocol alone, so answers are the same on every
backend. Results are cached per (question, graph version); any write through the store moves
the version on, and the next question fetches a fresh snapshot. The heavy work runs in a
worker thread so the server keeps answering meanwhile.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, TypeVar

from graph.analytics.boundaries import EI, ei_index
from graph.analytics.communities import Algorithm, Partition, detect
from graph.analytics.groups import groups
from graph.analytics.measures import MeasuresResult, measure
from graph.analytics.paths import Path, shortest_path
from graph.analytics.projection import Mode, Network, Weighting, build
from graph.analytics.scope import Scope
from graph.analytics.subgraph import Snapshot, Subgraph, select, take_snapshot
from graph.model import Boundary
from graph.store import GraphStore

T = TypeVar("T")


@dataclass(frozen=True)
class Communities:
    network: Network
    partition: Partition
    groups: list[str | None]
    ei: list[EI]
    """Per community: the E-I index of the ties among its members against the boundary."""


class Analytics:
    def __init__(self, store: GraphStore, *, cache_size: int = 32, samples: int = 200) -> None:
        self.store = store
        self.samples = samples
        self._cache: OrderedDict[Hashable, Any] = OrderedDict()
        self._cache_size = cache_size
        self._snapshot: Snapshot | None = None
        self._lock = asyncio.Lock()

    async def network(self, scope: Scope, mode: Mode, weighting: Weighting) -> Network:
        snapshot, subgraph = await self._select(scope)
        return await self._cached(
            ("network", snapshot.version, scope, mode, weighting),
            lambda: build(subgraph, mode, weighting),
        )

    async def path(self, source: str, target: str, scope: Scope, mode: Mode) -> Path | None:
        network = await self.network(scope, mode, Weighting.SHARED)
        return shortest_path(network, source, target)

    async def measures(
        self, scope: Scope, mode: Mode, weighting: Weighting, boundary: Boundary, seed: int
    ) -> MeasuresResult:
        snapshot, subgraph = await self._select(scope)
        network = await self.network(scope, mode, weighting)

        def work() -> MeasuresResult:
            sides = groups(network.nodes, boundary, snapshot, subgraph, scope)
            return measure(network, sides, samples=self.samples, seed=seed)

        key = ("measures", snapshot.version, scope, mode, weighting, boundary, seed)
        return await self._cached(key, work)

    async def communities(
        self,
        scope: Scope,
        mode: Mode,
        weighting: Weighting,
        algorithm: Algorithm,
        resolution: float,
        seed: int,
        boundary: Boundary,
    ) -> Communities:
        snapshot, subgraph = await self._select(scope)
        network = await self.network(scope, mode, weighting)

        def work() -> Communities:
            partition = detect(network.graph, algorithm, resolution, seed)
            sides = groups(network.nodes, boundary, snapshot, subgraph, scope)
            return Communities(network, partition, sides, _community_ei(network, partition, sides))

        key = ("communities", snapshot.version, scope, mode, weighting, algorithm, resolution)
        return await self._cached((*key, seed, boundary), work)

    async def _select(self, scope: Scope) -> tuple[Snapshot, Subgraph]:
        snapshot = await self._fresh_snapshot()
        subgraph = await self._cached(
            ("subgraph", snapshot.version, scope), lambda: select(snapshot, scope)
        )
        return snapshot, subgraph

    async def _fresh_snapshot(self) -> Snapshot:
        async with self._lock:
            if self._snapshot is None or self._snapshot.version != self.store.version:
                self._snapshot = await take_snapshot(self.store)
                self._cache.clear()
            return self._snapshot

    async def _cached(self, key: Hashable, compute: Callable[[], T]) -> T:
        if key in self._cache:
            self._cache.move_to_end(key)
            found: T = self._cache[key]
            return found
        value = await asyncio.to_thread(compute)
        self._cache[key] = value
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return value


def _community_ei(network: Network, partition: Partition, sides: list[str | None]) -> list[EI]:
    members: dict[int, list[int]] = {}
    for vertex, community in enumerate(partition.membership):
        members.setdefault(community, []).append(vertex)
    found = []
    for community in range(len(members)):
        inside = network.graph.induced_subgraph(members[community])
        found.append(ei_index(inside, [sides[v] for v in members[community]]).whole)
    return found
