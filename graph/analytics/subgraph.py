"""The whole graph fetched once per store version, and the part of it a scope selects."""

from __future__ import annotations

import asyncio
from collections import defaultdict, deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from graph.analytics.periods import Period, dated_nodes, node_periods, tie_period
from graph.analytics.scope import Scope
from graph.errors import NotFoundError
from graph.model import INSTANT_KINDS, TIE_BOUNDING_KINDS, Node, NodeKind, Tie, TieType
from graph.store import GraphStore

SCAN_BATCH = 1_000
"""Small enough that one batch answered from the read model's memory (Python objects built
without a pause) holds the event loop for tens of milliseconds, not hundreds."""


@dataclass(frozen=True)
class Dated:
    """The nodes and ties of a snapshot with the dates they count with (`periods`)."""

    nodes: Mapping[str, Node]
    ties: Sequence[Tie]


@dataclass(frozen=True)
class Snapshot:
    """The graph as stored; `dated` is the same graph with the dates each node and tie
    counts with in a period, worked out once per snapshot."""

    version: int
    nodes: Mapping[str, Node]
    ties: Sequence[Tie]

    @property
    def size(self) -> int:
        return len(self.nodes) + len(self.ties)

    @cached_property
    def dated(self) -> Dated:
        periods = node_periods(self.nodes, self.ties, INSTANT_KINDS)
        ties = []
        for tie in self.ties:
            source, target = self.nodes.get(tie.source), self.nodes.get(tie.target)
            if source is None or target is None:
                continue
            ties.append(
                _with_dates(tie, tie_period(tie, (source, target), periods, TIE_BOUNDING_KINDS))
            )
        return Dated(dated_nodes(self.nodes, periods), ties)


@dataclass(frozen=True)
class Subgraph:
    """Nodes in a stable order (kind, then id) and the ties among them, each with the dates
    it counts with (`periods`): its own, an instant's end at its start, an undated tie's from
    its initiative."""

    nodes: Sequence[Node]
    ties: Sequence[Tie]


async def take_snapshot(store: GraphStore) -> Snapshot:
    version = store.version
    nodes: dict[str, Node] = {}
    for kind in NodeKind:
        after: str | None = None
        while batch := await store.scan_nodes(kind, after, SCAN_BATCH):
            nodes.update((node.id, node) for node in batch)
            after = batch[-1].id
            await asyncio.sleep(0)  # the read model answers from memory: let others in
    ties: list[Tie] = []
    for type_ in TieType:
        after = None
        while tie_batch := await store.scan_ties(type_, after, SCAN_BATCH):
            ties += tie_batch
            after = tie_batch[-1].id
            await asyncio.sleep(0)
    return Snapshot(version, nodes, ties)


def select(snapshot: Snapshot, scope: Scope) -> Subgraph:
    """The scope's nodes and ties: a node counts when its period meets the scope's, a tie
    when its period does and both its ends count (seeds and initiatives too: one asked for
    outside the period is not in the answer)."""
    for wanted in (*scope.seeds, *scope.initiatives):
        if wanted not in snapshot.nodes:
            raise NotFoundError("Node", wanted)
    dated = snapshot.dated
    counting = {
        node.id
        for node in dated.nodes.values()
        if node.kind in scope.kinds and scope.active(node.start, node.end)
    }
    ties = _ties_in_scope(dated, scope, counting)
    if scope.seeds:
        chosen = _within(scope.seeds, scope.depth, ties)
    elif scope.initiatives:
        chosen = _around_initiatives(scope.initiatives, ties)
    else:
        chosen = _whole(dated, scope, ties)
    chosen &= counting
    nodes = sorted((dated.nodes[i] for i in chosen), key=lambda n: (n.kind.value, n.id))
    kept = [t for t in ties if t.source in chosen and t.target in chosen]
    return Subgraph(nodes, kept)


def _ties_in_scope(dated: Dated, scope: Scope, counting: set[str]) -> list[Tie]:
    return [
        tie
        for tie in dated.ties
        if tie.type in scope.types
        and tie.source in counting
        and tie.target in counting
        and scope.active(tie.start, tie.end)
    ]


def _with_dates(tie: Tie, period: Period) -> Tie:
    start, end = period
    if tie.start == start and tie.end == end:
        return tie
    # Built directly: dataclasses.replace costs three times as much, once per undated tie.
    return Tie(
        tie.type, tie.source, tie.target, tie.id, tie.role, start, end, tie.seat_type, tie.sources
    )


def _adjacency(ties: Sequence[Tie]) -> dict[str, set[str]]:
    adjacent: dict[str, set[str]] = defaultdict(set)
    for tie in ties:
        adjacent[tie.source].add(tie.target)
        adjacent[tie.target].add(tie.source)
    return adjacent


def _within(seeds: Sequence[str], depth: int, ties: Sequence[Tie]) -> set[str]:
    adjacent = _adjacency(ties)
    reached = set(seeds)
    frontier = deque((seed, 0) for seed in seeds)
    while frontier:
        node, distance = frontier.popleft()
        if distance == depth:
            continue
        for other in adjacent.get(node, ()):
            if other not in reached:
                reached.add(other)
                frontier.append((other, distance + 1))
    return reached


def _around_initiatives(initiatives: Sequence[str], ties: Sequence[Tie]) -> set[str]:
    """The initiatives, everything PART_OF them at any depth, and what touches any of those."""
    parts: dict[str, set[str]] = defaultdict(set)
    for tie in ties:
        if tie.type is TieType.PART_OF:
            parts[tie.target].add(tie.source)
    inside = set(initiatives)
    frontier = list(initiatives)
    while frontier:
        for part in parts.get(frontier.pop(), ()):
            if part not in inside:
                inside.add(part)
                frontier.append(part)
    adjacent = _adjacency(ties)
    return inside | {other for node in inside for other in adjacent.get(node, ())}


def _whole(dated: Dated, scope: Scope, ties: Sequence[Tie]) -> set[str]:
    """Every node without a period; with one, the nodes tied in it and those dated in it (a
    person or organisation with no tie in the period is not part of its network)."""
    if scope.period_from is None and scope.period_to is None:
        return {n.id for n in dated.nodes.values() if n.kind in scope.kinds}
    tied = {end for tie in ties for end in (tie.source, tie.target)}
    in_period = {
        n.id
        for n in dated.nodes.values()
        if n.kind in scope.kinds and (n.start or n.end) and scope.active(n.start, n.end)
    }
    return tied | in_period
