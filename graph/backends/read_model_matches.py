"""Filter trees (`Match`, `EdgeMatch`) over the read model, a whole kind at a time.

A node condition is one boolean per node of the graph (true only on nodes of its kind), so a
tree is evaluated bottom-up with numpy: a relation looks at every tie along its hop once (which
tie, which parent, which far node, as arrays of rows) and marks the parents whose ties meet its
edge condition: SOME, NONE, ALL (a node with no such ties meets it) or a SINGLE one. A page of
a root list is then a cut of the kind's sorted order, as without a filter, so its cursors hold.

The semantics are those of the Cypher graph/cypher_matches.py writes: conditions as in
read_model_lists.matching (a missing value never equals anything), two-valued throughout.
Results are kept per model (the model answers for one store version), so paging through a
filtered list and counting it evaluate the tree once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from graph.backends import read_model_lists as lists
from graph.backends.kept_arrays import KeptArrays
from graph.model import NodeKind, TieType
from graph.store import Condition, Direction, EdgeMatch, Hop, Match, Quantifier, Related

KEPT_RESULTS = 64
"""Masks kept per model (each one boolean per node, or per tie of a hop)."""


@dataclass(frozen=True)
class HopEdges:
    """Every tie along one hop, as rows: of the tie, of its parent end, of its far end."""

    ties: np.ndarray
    parents: np.ndarray
    others: np.ndarray


class MatchIndex:
    def __init__(
        self,
        nodes: pa.Table,
        ties: pa.Table,
        kind_table: Callable[[NodeKind], lists.KindTable],
    ) -> None:
        self.size = nodes.num_rows
        self._ties = ties
        self._kind_table = kind_table
        self._node_kinds = _codes(nodes.column("_kind"), [k.value for k in NodeKind])
        self._tie_types = _codes(ties.column("_type"), [t.value for t in TieType])
        ids = nodes.column("id")
        self._sources = _rows(ties.column("_source"), ids)
        self._targets = _rows(ties.column("_target"), ids)
        self._kept = KeptArrays(KEPT_RESULTS)
        self._edges: dict[Hop, HopEdges] = {}

    def nodes(self, match: Match, kind: NodeKind) -> np.ndarray:
        """Which nodes (rows of the model's node table) are of `kind` and meet `match`."""
        key = ("nodes", match, kind)
        found = self._kept.get(key)
        if found is not None:
            return found
        mask = self._kind(kind).copy()
        if match.conditions:
            table = self._kind_table(kind)
            kept = lists.matching(table.table, match.conditions)
            mask[table.rows[~kept]] = False
        for related in match.related:
            mask &= self._related(related)
        for part in match.all_of:
            mask &= self.nodes(part, kind)
        if match.any_of is not None:
            mask &= self._any([self.nodes(part, kind) for part in match.any_of])
        if match.negated is not None:
            mask &= ~self.nodes(match.negated, kind)
        return self._kept.keep(key, mask)

    def edges(self, edge: EdgeMatch, ties: np.ndarray, others: np.ndarray) -> np.ndarray:
        """Which of these ties (rows of the model's tie table), each with the row of its far
        node, meet `edge`."""
        mask = np.ones(len(ties), dtype=bool)
        if edge.tie:
            mask &= self._tie_conditions(edge.tie, ties)
        if edge.node is not None:
            far = self._any([self.nodes(match, kind) for kind, match in edge.node])
            mask &= far[others]
        for part in edge.all_of:
            mask &= self.edges(part, ties, others)
        if edge.any_of is not None:
            found = [self.edges(part, ties, others) for part in edge.any_of]
            mask &= np.logical_or.reduce(found) if found else np.zeros(len(ties), dtype=bool)
        if edge.negated is not None:
            mask &= ~self.edges(edge.negated, ties, others)
        return mask

    def _related(self, related: Related) -> np.ndarray:
        key = ("related", related)
        found = self._kept.get(key)
        if found is not None:
            return found
        hop = self.hop_edges(related.hop)
        met = self.edges(related.edge, hop.ties, hop.others)
        match related.quantifier:
            case Quantifier.SOME:
                mask = np.zeros(self.size, dtype=bool)
                mask[hop.parents[met]] = True
            case Quantifier.NONE:
                mask = self._kind(related.hop.parent).copy()
                mask[hop.parents[met]] = False
            case Quantifier.ALL:
                mask = self._kind(related.hop.parent).copy()
                mask[hop.parents[~met]] = False
            case Quantifier.SINGLE:
                mask = np.bincount(hop.parents[met], minlength=self.size) == 1
        return self._kept.keep(key, mask)

    def hop_edges(self, hop: Hop) -> HopEdges:
        found = self._edges.get(hop)
        if found is None:
            outgoing = hop.direction is Direction.OUT
            parents, others = (
                (self._sources, self._targets) if outgoing else (self._targets, self._sources)
            )
            types = [list(TieType).index(t) for t in hop.types]
            kinds = [list(NodeKind).index(k) for k in hop.others]
            chosen = np.flatnonzero(
                (parents >= 0)
                & (others >= 0)
                & np.isin(self._tie_types, types)
                & (self._node_kinds[parents] == list(NodeKind).index(hop.parent))
                & np.isin(self._node_kinds[others], kinds)
            )
            found = self._edges[hop] = HopEdges(chosen, parents[chosen], others[chosen])
        return found

    def _kind(self, kind: NodeKind) -> np.ndarray:
        key = ("kind", kind)
        found = self._kept.get(key)
        if found is None:
            found = self._kept.keep(key, self._node_kinds == list(NodeKind).index(kind))
        return found

    def _tie_conditions(self, conditions: Sequence[Condition], ties: np.ndarray) -> np.ndarray:
        columns = sorted({c.prop for c in conditions})
        taken = self._ties.select(columns).take(pa.array(ties, pa.int64()))
        return lists.matching(taken, conditions)

    def _any(self, masks: Sequence[np.ndarray]) -> np.ndarray:
        return np.logical_or.reduce(masks) if masks else np.zeros(self.size, dtype=bool)


def _codes(column: pa.ChunkedArray, values: list[str]) -> np.ndarray:
    """Each row's position in `values`, as small integers."""
    found = pc.index_in(column, value_set=pa.array(values, pa.string()))
    return np.asarray(pc.fill_null(found, -1).to_numpy(zero_copy_only=False), dtype=np.int16)


def _rows(ids: pa.ChunkedArray, node_ids: pa.ChunkedArray) -> np.ndarray:
    """Each tie end's row in the node table (-1 where it has none)."""
    found = pc.index_in(ids, value_set=node_ids.combine_chunks())
    return np.asarray(pc.fill_null(found, -1).to_numpy(zero_copy_only=False), dtype=np.int64)
