"""The part of a snapshot a scope selects, worked out on the snapshot's columns.

A node counts when its period meets the scope's and its kind is asked for; a tie when its
period does, its type is asked for and both its ends count. Of those, seeds take what is
within `depth` ties of them; initiatives take themselves, everything PART_OF them at any depth
and what touches any of those; neither takes the whole graph (with a period: the nodes tied in
it and those dated in it).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
import scipy.sparse as sp

from graph.analytics.frame import (
    TYPES,
    Snapshot,
    TieView,
    kind_codes,
    period_days,
    take_snapshot,
    type_codes,
)
from graph.analytics.scope import Scope
from graph.errors import NotFoundError
from graph.model import Node, TieType

__all__ = ["Snapshot", "Subgraph", "select", "take_snapshot"]

PART_OF = TYPES.index(TieType.PART_OF)


@dataclass(frozen=True)
class Subgraph:
    """Nodes in a stable order (kind, then id) and the ties among them (by type and id), each
    with the dates it counts with: rows of the snapshot."""

    snapshot: Snapshot
    node_rows: np.ndarray
    """Sorted: the snapshot keeps its nodes in the order of kind and id."""
    tie_rows: np.ndarray

    @cached_property
    def nodes(self) -> list[Node]:
        return [self.snapshot.nodes[row] for row in self.node_rows.tolist()]

    @property
    def ties(self) -> TieView:
        return TieView(self.snapshot, self.tie_rows)

    def positions(self, node_rows: np.ndarray) -> np.ndarray:
        """Where snapshot node rows are among this subgraph's nodes."""
        return np.searchsorted(self.node_rows, node_rows).astype(np.int32)

    def __reduce__(self) -> tuple[Any, ...]:
        raise TypeError("A subgraph stays in the process of its snapshot")


def select(snapshot: Snapshot, scope: Scope) -> Subgraph:
    for wanted in (*scope.seeds, *scope.initiatives):
        if wanted not in snapshot.index:
            raise NotFoundError("Node", wanted)
    first, final = snapshot.days
    low, high = period_days((scope.period_from, scope.period_to))
    counting = np.isin(snapshot.kinds, kind_codes(scope.kinds))
    counting &= (first <= high) & (final >= low)
    ties = snapshot.ties
    in_scope = np.isin(ties.type, type_codes(scope.types))
    in_scope &= counting[ties.source] & counting[ties.target]
    in_scope &= (ties.start <= high) & (ties.end >= low)
    rows = np.flatnonzero(in_scope)
    if scope.seeds:
        chosen = _within(snapshot, [snapshot.index[s] for s in scope.seeds], scope.depth, rows)
    elif scope.initiatives:
        chosen = _around(snapshot, [snapshot.index[i] for i in scope.initiatives], rows)
    else:
        chosen = _whole(snapshot, scope, counting, rows)
    chosen &= counting
    kept = rows[chosen[ties.source[rows]] & chosen[ties.target[rows]]]
    return Subgraph(snapshot, np.flatnonzero(chosen).astype(np.int64), kept)


def _adjacency(snapshot: Snapshot, rows: np.ndarray) -> sp.csr_matrix:
    n = len(snapshot.nodes)
    source, target = snapshot.ties.source[rows], snapshot.ties.target[rows]
    both = np.concatenate((source, target)), np.concatenate((target, source))
    return sp.csr_matrix((np.ones(2 * len(rows), dtype=np.int32), both), shape=(n, n))


def _reach(matrix: sp.csr_matrix, start: np.ndarray, steps: int | None) -> np.ndarray:
    """The nodes reached from `start` along `matrix` in at most `steps` steps (None: any)."""
    reached = np.zeros(matrix.shape[0], dtype=bool)
    reached[start] = True
    frontier = reached.copy()
    step = 0
    while frontier.any() and (steps is None or step < steps):
        touched = matrix @ frontier.astype(np.int32)
        frontier = (touched > 0) & ~reached
        reached |= frontier
        step += 1
    return reached


def _within(snapshot: Snapshot, seeds: list[int], depth: int, rows: np.ndarray) -> np.ndarray:
    return _reach(_adjacency(snapshot, rows), np.array(seeds, dtype=np.int64), depth)


def _around(snapshot: Snapshot, initiatives: list[int], rows: np.ndarray) -> np.ndarray:
    """The initiatives, everything PART_OF them at any depth, and what touches any of those."""
    n = len(snapshot.nodes)
    ties = snapshot.ties
    parts = rows[ties.type[rows] == PART_OF]
    # Row part, column whole: a step from the wholes reaches their parts.
    contains = sp.csr_matrix(
        (np.ones(len(parts), dtype=np.int32), (ties.source[parts], ties.target[parts])),
        shape=(n, n),
    )
    inside = _reach(contains, np.array(initiatives, dtype=np.int64), None)
    touched = _adjacency(snapshot, rows) @ inside.astype(np.int32)
    return np.asarray(inside | (touched > 0), dtype=bool)


def _whole(snapshot: Snapshot, scope: Scope, counting: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Every node without a period; with one, the nodes tied in it and those dated in it (a
    person or organisation with no tie in the period is not part of its network)."""
    if scope.period_from is None and scope.period_to is None:
        return counting.copy()
    chosen = np.zeros(len(snapshot.nodes), dtype=bool)
    chosen[snapshot.ties.source[rows]] = True
    chosen[snapshot.ties.target[rows]] = True
    return np.asarray(chosen | (counting & snapshot.dated), dtype=bool)
