"""The whole graph fetched once per store version, and the part of it a scope selects."""

from __future__ import annotations

import asyncio
from collections import defaultdict, deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from graph.analytics.scope import Scope
from graph.errors import NotFoundError
from graph.model import AFFILIATION_KINDS, Node, NodeKind, Tie, TieType
from graph.store import GraphStore

SCAN_BATCH = 1_000
"""Small enough that one batch answered from the read model's memory (Python objects built
without a pause) holds the event loop for tens of milliseconds, not hundreds."""
_DATED_ENDS = AFFILIATION_KINDS


@dataclass(frozen=True)
class Snapshot:
    version: int
    nodes: Mapping[str, Node]
    ties: Sequence[Tie]

    @property
    def size(self) -> int:
        return len(self.nodes) + len(self.ties)


@dataclass(frozen=True)
class Subgraph:
    """Nodes in a stable order (kind, then id) and the ties among them, with the dates each
    tie counts with (its own, or its programme's or project's)."""

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
    for wanted in (*scope.seeds, *scope.initiatives):
        if wanted not in snapshot.nodes:
            raise NotFoundError("Node", wanted)
    ties = _ties_in_scope(snapshot, scope)
    if scope.seeds:
        chosen = _within(scope.seeds, scope.depth, ties)
    elif scope.initiatives:
        chosen = _around_initiatives(scope.initiatives, ties)
    else:
        chosen = _whole(snapshot, scope, ties)
    nodes = sorted((snapshot.nodes[i] for i in chosen), key=lambda n: (n.kind.value, n.id))
    kept = [t for t in ties if t.source in chosen and t.target in chosen]
    return Subgraph(nodes, kept)


def _ties_in_scope(snapshot: Snapshot, scope: Scope) -> list[Tie]:
    nodes = snapshot.nodes
    found = []
    for tie in snapshot.ties:
        source, target = nodes.get(tie.source), nodes.get(tie.target)
        if tie.type not in scope.types or source is None or target is None:
            continue
        if source.kind not in scope.kinds or target.kind not in scope.kinds:
            continue
        dated = _with_dates(tie, source, target)
        if scope.active(dated.start, dated.end):
            found.append(dated)
    return found


def _with_dates(tie: Tie, source: Node, target: Node) -> Tie:
    if tie.start and tie.end:
        return tie
    initiative = next((n for n in (target, source) if n.kind in _DATED_ENDS), None)
    if initiative is None:
        return tie
    return replace(tie, start=tie.start or initiative.start, end=tie.end or initiative.end)


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


def _whole(snapshot: Snapshot, scope: Scope, ties: Sequence[Tie]) -> set[str]:
    if scope.period_from is None and scope.period_to is None:
        return {n.id for n in snapshot.nodes.values() if n.kind in scope.kinds}
    tied = {end for tie in ties for end in (tie.source, tie.target)}
    dated = {
        n.id
        for n in snapshot.nodes.values()
        if n.kind in scope.kinds and (n.start or n.end) and scope.active(n.start, n.end)
    }
    return tied | dated
