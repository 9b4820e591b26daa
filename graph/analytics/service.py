"""Network questions answered from one snapshot of the store, cached until the next write.

The snapshot is fetched through the GraphStore protocol alone, so answers are the same on every
backend. Results are cached per (question, graph version); any write through the store moves
the version on, and the next question fetches a fresh snapshot.

Two limits keep a question from taking the server down: a network is built only when it can
have at most `max_ties` ties (a projection is counted before it is built), and the questions
that compute (drawn networks, paths, measures, communities) run in a forked child process
(`isolation`), `workers` at a time (POIKKI_ANALYTICS_WORKERS, one by default), so that
igraph holding the GIL or a computation running out of memory never reaches the server's
event loop. Graphs of at most `isolate_above` nodes and ties
(none by default) answer them in a worker thread instead.
"""

from __future__ import annotations

import asyncio
import gc
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable, Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeVar

import numpy as np

from graph.analytics.boundaries import EI, ei_index
from graph.analytics.change import ChangeResult, PeriodState, compare
from graph.analytics.communities import Algorithm, Partition, Partitioning, detect
from graph.analytics.ego import Ego, ego_network
from graph.analytics.footprint import footprint
from graph.analytics.groups import groups
from graph.analytics.isolation import can_isolate, run_isolated
from graph.analytics.measures import MeasuresResult, measure
from graph.analytics.paths import Path, shortest_path
from graph.analytics.projection import UNLIMITED, Mode, Network, Weighting, build
from graph.analytics.scope import Scope
from graph.analytics.subgraph import Snapshot, Subgraph, select, take_snapshot
from graph.errors import NotFoundError
from graph.memory import release_freed_memory
from graph.model import Boundary, NodeKind
from graph.store import GraphStore

T = TypeVar("T")

WORKERS = 1
"""How many questions compute at once, each in its own child process (one per core is the
most that helps; on 2 cores one leaves the other to the server)."""
CACHE_BYTES = 256 * 2**20
"""The analytics cache's budget: answers, selections and networks of the current graph."""
ISOLATE_ABOVE = 0
"""Graphs with more nodes and ties than this answer the computing questions in a child: by
default all of them, since even a small graph can project into millions of ties."""


@dataclass(frozen=True)
class Communities:
    network: Network
    partition: Partition
    groups: list[str | None]
    ei: list[EI]
    """Per community: the E-I index of the ties among its members against the boundary."""


@dataclass(frozen=True)
class Drawn:
    """A network to draw, or, when it is larger than was asked for, only its size and why it
    is not drawn (so that a client can still ask how large it is)."""

    node_count: int
    edge_count: int
    network: Network | None
    refusal: str = ""


@dataclass(frozen=True)
class PathFound:
    path: Path
    network: Network
    """The path's own nodes and edges, with what `edge_type` needs to describe them."""


class Analytics:
    def __init__(
        self,
        store: GraphStore,
        *,
        cache_bytes: int = CACHE_BYTES,
        samples: int = 200,
        max_ties: int = UNLIMITED,
        isolate_above: int = ISOLATE_ABOVE,
        workers: int = WORKERS,
    ) -> None:
        self.store = store
        self.samples = samples
        self.max_ties = max_ties
        self.isolate_above = isolate_above
        self._cache: OrderedDict[Hashable, tuple[Any, int]] = OrderedDict()
        """Each answer, selection and network by its question, with its footprint in bytes."""
        self._cache_bytes = cache_bytes
        self._cached_bytes = 0
        self._cache_lock = threading.Lock()
        self._snapshot: Snapshot | None = None
        self._lock = asyncio.Lock()
        self._children = asyncio.Semaphore(workers)

    async def network(self, scope: Scope, mode: Mode, weighting: Weighting) -> Network:
        """The whole network of a scope, built in a worker thread (exports stream it)."""
        snapshot = await self._fresh_snapshot()
        key = ("network", snapshot.version, scope, mode, weighting)
        found: Network | None = self._recall(key)
        if found is None:
            found = await asyncio.to_thread(self._network, snapshot, scope, mode, weighting)
        return found

    async def stored(self, scope: Scope) -> tuple[Snapshot, Subgraph]:
        """The snapshot and the part of it a scope selects: the nodes and ties as stored, for
        the exports of the knowledge itself (read the ties with `Snapshot.stored_tie`)."""
        snapshot = await self._fresh_snapshot()
        subgraph = await asyncio.to_thread(self._subgraph, snapshot, scope)
        return snapshot, subgraph

    async def drawn(
        self,
        scope: Scope,
        mode: Mode,
        weighting: Weighting,
        max_nodes: int,
        max_edges: int,
    ) -> Drawn:
        """The network of a scope when it has at most `max_nodes` nodes and `max_edges`
        edges; only its size otherwise (the network stays in the child that built it)."""

        def compute(snapshot: Snapshot) -> Drawn:
            network = self._network(snapshot, scope, mode, weighting)
            nodes, edges = len(network.nodes), network.edge_count
            if nodes > max_nodes or edges > max_edges:
                return Drawn(
                    nodes,
                    edges,
                    None,
                    f"The network has {nodes:,} nodes and {edges:,} edges; at most "
                    f"{max_nodes:,} nodes and {max_edges:,} edges were asked for (`maxNodes`, "
                    "`maxEdges`, up to the server's caps). Ask for its size, narrow the scope, "
                    "or download it from /export, which has no cap.",
                )
            return Drawn(nodes, edges, network)

        return await self._answer(("drawn", scope, mode, weighting, max_nodes, max_edges), compute)

    async def path(self, source: str, target: str, scope: Scope, mode: Mode) -> PathFound | None:
        def compute(snapshot: Snapshot) -> PathFound | None:
            network = self._network(snapshot, scope, mode, Weighting.SHARED)
            found = shortest_path(network, source, target)
            return None if found is None else _on_its_own(found, network)

        return await self._answer(("path", source, target, scope, mode), compute)

    async def measures(
        self, scope: Scope, mode: Mode, weighting: Weighting, boundary: Boundary, seed: int
    ) -> MeasuresResult:
        def compute(snapshot: Snapshot) -> MeasuresResult:
            network = self._network(snapshot, scope, mode, weighting)
            sides = self._sides(snapshot, scope, network, boundary)
            return measure(network, sides, samples=self.samples, seed=seed)

        return await self._answer(("measures", scope, mode, weighting, boundary, seed), compute)

    async def ego(
        self,
        kind: NodeKind,
        node_id: str,
        scope: Scope,
        mode: Mode,
        weighting: Weighting,
        boundary: Boundary,
    ) -> Ego:
        """The ego network of the node of `kind` and `node_id`: NotFoundError when there is
        no such node, or when it is not in the scope's network."""

        def compute(snapshot: Snapshot) -> Ego:
            found = snapshot.node(node_id)
            if found is None or found.kind is not kind:
                raise NotFoundError(kind.value, node_id)
            network = self._network(snapshot, scope, mode, weighting)
            sides = self._sides(snapshot, scope, network, boundary)
            return ego_network(network, sides, node_id)

        key = ("ego", kind, node_id, scope, mode, weighting, boundary)
        return await self._answer(key, compute)

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
        def compute(snapshot: Snapshot) -> Communities:
            network = self._network(snapshot, scope, mode, weighting)
            partition = detect(network.graph, algorithm, resolution, seed)
            sides = self._sides(snapshot, scope, network, boundary)
            found = _community_ei(network, partition, sides)
            # Only the vertices and their strengths travel back: not the ties or the graph.
            bare = replace(network, ties=(), initiatives=(), affiliations=())
            return Communities(bare, partition, sides, found)

        key = ("communities", scope, mode, weighting, algorithm, resolution, seed, boundary)
        return await self._answer(key, compute)

    async def change(
        self,
        periods: Sequence[Scope],
        mode: Mode,
        weighting: Weighting,
        boundary: Boundary,
        partitioning: Partitioning,
    ) -> ChangeResult:
        """The same scope in each of `periods` (each a scope with its own period), measured and
        partitioned as `measures` and `communities` answer it, compared period to period."""

        def compute(snapshot: Snapshot) -> ChangeResult:
            states = []
            for scope in periods:
                network = self._network(snapshot, scope, mode, weighting)
                sides = self._sides(snapshot, scope, network, boundary)
                measured = measure(network, sides, samples=self.samples, seed=partitioning.seed)
                partition = detect(network.graph, *partitioning)
                states.append(PeriodState(network, measured, partition))
            return compare(states)

        key = ("change", tuple(periods), mode, weighting, boundary, partitioning)
        return await self._answer(key, compute)

    async def _answer(self, question: tuple[Any, ...], compute: Callable[[Snapshot], T]) -> T:
        snapshot = await self._fresh_snapshot()
        key = (question[0], snapshot.version, *question[1:])
        with self._cache_lock:
            if key in self._cache:  # a None answer (no path) is an answer too
                self._cache.move_to_end(key)
                known: T = self._cache[key][0]
                return known
        if can_isolate() and snapshot.size > self.isolate_above:
            async with self._children:
                value = await run_isolated(
                    lambda: self._in_child(compute, snapshot), shared=snapshot
                )
            # An answer is tens of thousands of objects that live in the cache until the next
            # write: frozen, as the snapshot is, the cycle collector no longer walks them (32
            # cached answers made each full collection a pause of 0.1-0.5 s, the event loop
            # held). Refcounting frees them when the cache drops them.
            gc.freeze()
        else:
            value = await asyncio.to_thread(compute, snapshot)
        self._remember(key, value)
        return value

    def _in_child(self, compute: Callable[[Snapshot], T], snapshot: Snapshot) -> T:
        # Another thread may have held the cache's lock when the child was forked.
        self._cache_lock = threading.Lock()
        return compute(snapshot)

    def _sides(
        self, snapshot: Snapshot, scope: Scope, network: Network, boundary: Boundary
    ) -> list[str | None]:
        """The boundary group of each of the network's nodes in the scope's period."""
        return groups(network.nodes, boundary, snapshot, self._subgraph(snapshot, scope), scope)

    def _subgraph(self, snapshot: Snapshot, scope: Scope) -> Subgraph:
        key = ("subgraph", snapshot.version, scope)
        found: Subgraph | None = self._recall(key)
        if found is None:
            found = select(snapshot, scope)
            self._remember(key, found)
        return found

    def _network(
        self, snapshot: Snapshot, scope: Scope, mode: Mode, weighting: Weighting
    ) -> Network:
        key = ("network", snapshot.version, scope, mode, weighting)
        found: Network | None = self._recall(key)
        if found is None:
            found = build(self._subgraph(snapshot, scope), mode, weighting, self.max_ties)
            self._remember(key, found)
        return found

    def _recall(self, key: Hashable) -> Any:
        with self._cache_lock:
            if key not in self._cache:
                return None
            self._cache.move_to_end(key)
            return self._cache[key][0]

    def _remember(self, key: Hashable, value: object) -> None:
        """Kept while the cache's footprint allows, the least recently used going first; an
        answer larger than the whole budget is not kept."""
        size = footprint(value)
        with self._cache_lock:
            if key in self._cache:
                self._cached_bytes -= self._cache.pop(key)[1]
            if size > self._cache_bytes:
                return
            self._cache[key] = (value, size)
            self._cached_bytes += size
            while self._cached_bytes > self._cache_bytes:
                self._cached_bytes -= self._cache.popitem(last=False)[1][1]

    @property
    def budget(self) -> int:
        return self._cache_bytes

    def cached(self) -> tuple[int, int]:
        """How many answers, selections and networks are kept, and their footprint in bytes."""
        with self._cache_lock:
            return len(self._cache), self._cached_bytes

    async def _fresh_snapshot(self) -> Snapshot:
        async with self._lock:
            if self._snapshot is None or self._snapshot.version != self.store.version:
                self._snapshot = None  # the previous one goes before the next is made
                self._snapshot = await _long_lived(take_snapshot(self.store))
                await asyncio.to_thread(release_freed_memory)
                with self._cache_lock:
                    self._cache.clear()
                    self._cached_bytes = 0
            return self._snapshot


async def _long_lived(taking: Awaitable[Snapshot]) -> Snapshot:
    """A snapshot is a hundred thousand node objects that live until the next write. While
    they are made, the cycle collector would walk the growing heap again and again (pauses of
    0.1-0.4 s, the event loop held); once made, they are frozen: the collector no longer walks
    them, and a forked child does not copy their pages by touching their headers. Refcounting
    still frees them when they are dropped; the previous snapshot's are unfrozen first."""
    gc.unfreeze()
    collecting = gc.isenabled()
    gc.disable()
    try:
        snapshot = await taking
        # Worked out here, once, not again in every child forked to answer a question.
        await asyncio.to_thread(lambda: (snapshot.index, snapshot.dated))
    finally:
        if collecting:
            gc.enable()
    gc.freeze()
    return snapshot


def _on_its_own(found: Path, network: Network) -> PathFound:
    """The path with a network of just its nodes and edges, small enough to send back."""
    at = network.index()
    order = {node.id: i for i, node in enumerate(found.nodes)}

    def renumbered(vertex: int) -> int:
        return order[network.nodes[vertex].id]

    edges = [
        replace(edge, source=renumbered(edge.source), target=renumbered(edge.target))
        for edge in found.edges
    ]
    small = Network(
        found.nodes,
        ties=[edge.tie for edge in edges if edge.tie is not None],
        initiatives=network.initiatives,
        affiliations=[network.affiliations[at[n.id]] for n in found.nodes]
        if network.affiliations
        else (),
        ends=np.array([(e.source, e.target) for e in edges], dtype=np.int32).reshape(-1, 2),
        weights=np.array([e.weight for e in edges], dtype=np.float64),
    )
    return PathFound(Path(found.nodes, edges), small)


def _community_ei(network: Network, partition: Partition, sides: list[str | None]) -> list[EI]:
    members: dict[int, list[int]] = {}
    for vertex, community in enumerate(partition.membership):
        members.setdefault(community, []).append(vertex)
    found = []
    for community in range(len(members)):
        inside = network.graph.induced_subgraph(members[community])
        found.append(ei_index(inside, [sides[v] for v in members[community]]).whole)
    return found
