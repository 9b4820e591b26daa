"""Aggregates and counts of ties from the read model's columns, without an object per row.

The semantics are graph/cypher_aggregates.py's: dates compared by the day they reach
(graph/dates.py's padding), a missing key a group of its own, a count along a hop counting
the ties of its types to nodes of its kinds; orders compare text as code points, as the
database does.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from graph import dates
from graph.aggregates import (
    KIND,
    TYPE,
    DateSpan,
    Group,
    Grouping,
    Summary,
    count_key,
    ordered_groups,
)
from graph.backends.read_model_lists import KindTable, Ordering
from graph.model import NodeKind, TieType
from graph.store import Direction, Keyset, TieCount

KIND_CODES = {kind.value: code for code, kind in enumerate(NodeKind)}
TYPE_CODES = {type_.value: code for code, type_ in enumerate(TieType)}


@dataclass
class Tally:
    """Every tie's type and ends as integers, and the counts and orders made of them: built
    once per read model, each part when first asked for."""

    nodes: pa.Table
    ties: pa.Table
    _node_kinds: np.ndarray | None = None
    _tie_types: np.ndarray | None = None
    _ends: tuple[np.ndarray, np.ndarray] | None = None
    _node_ranks: np.ndarray | None = None
    counts: dict[TieCount, np.ndarray] = field(default_factory=dict)
    orderings: dict[tuple[NodeKind, TieCount], Ordering] = field(default_factory=dict)

    def node_kinds(self) -> np.ndarray:
        if self._node_kinds is None:
            self._node_kinds = _codes(self.nodes.column("_kind"), KIND_CODES)
        return self._node_kinds

    def tie_types(self) -> np.ndarray:
        if self._tie_types is None:
            self._tie_types = _codes(self.ties.column("_type"), TYPE_CODES)
        return self._tie_types

    def ends(self) -> tuple[np.ndarray, np.ndarray]:
        """The node row of each tie's source and target."""
        if self._ends is None:
            ids = self.nodes.column("id")
            self._ends = (
                _rows(pc.index_in(self.ties.column("_source"), value_set=ids)),
                _rows(pc.index_in(self.ties.column("_target"), value_set=ids)),
            )
        return self._ends

    def node_ranks(self) -> np.ndarray:
        """Each node's rank (by node row) in the order of ids."""
        if self._node_ranks is None:
            ranks = np.empty(self.nodes.num_rows, dtype=np.int64)
            ranks[pc.sort_indices(self.nodes.column("id")).to_numpy()] = np.arange(len(ranks))
            self._node_ranks = ranks
        return self._node_ranks

    def of(self, count: TieCount) -> np.ndarray:
        """Each node's count (by node row)."""
        if count not in self.counts:
            kinds = self.node_kinds()
            types = self.tie_types()
            sources, targets = self.ends()
            total = np.zeros(self.nodes.num_rows, dtype=np.int64)
            for hop in count.hops:
                parents, others = (
                    (sources, targets)
                    if hop.direction is Direction.OUT
                    else (
                        targets,
                        sources,
                    )
                )
                mask = (
                    np.isin(types, [TYPE_CODES[t.value] for t in hop.types])
                    & (kinds[parents] == KIND_CODES[hop.parent.value])
                    & np.isin(kinds[others], [KIND_CODES[k.value] for k in hop.others])
                )
                total += np.bincount(parents[mask], minlength=self.nodes.num_rows)
            self.counts[count] = total
        return self.counts[count]

    def ordering(self, kind: NodeKind, nodes: KindTable, count: TieCount) -> Ordering:
        """The nodes of a kind in ascending order of their count, then id."""
        key = (kind, count)
        if key not in self.orderings:
            counts = self.of(count)[nodes.rows]
            ids = nodes.table.column("id")
            id_rank = np.empty(len(counts), dtype=np.int64)
            id_rank[pc.sort_indices(ids).to_numpy()] = np.arange(len(counts))
            positions = np.lexsort((id_rank, counts))
            keys: list[tuple[str, ...]] = list(
                zip(
                    [count_key(int(c)) for c in counts[positions]],
                    ids.take(pa.array(positions)).to_pylist(),
                    strict=True,
                )
            )
            self.orderings[key] = Ordering(positions, keys)
        return self.orderings[key]


def _codes(column: pa.ChunkedArray, codes: dict[str, int]) -> np.ndarray:
    encoded = pc.dictionary_encode(column).combine_chunks()
    mapping = np.array([codes[value] for value in encoded.dictionary.to_pylist()], dtype=np.int16)
    indices = encoded.indices.to_numpy(zero_copy_only=False)
    return mapping[indices] if len(mapping) else np.zeros(len(indices), dtype=np.int16)


def _rows(found: pa.ChunkedArray | pa.Array) -> np.ndarray:
    return np.asarray(pc.fill_null(found, -1).to_numpy(zero_copy_only=False), dtype=np.int64)


def padded(column: pa.ChunkedArray | pa.Array, pad: str) -> pa.ChunkedArray | pa.Array:
    """graph.dates.padded, column-wise."""
    length = pc.utf8_length(column)
    return pc.if_else(
        pc.equal(length, 4),
        pc.binary_join_element_wise(column, pad + pad, ""),
        pc.if_else(pc.equal(length, 7), pc.binary_join_element_wise(column, pad, ""), column),
    )


def summaries(labels: np.ndarray, size: int, starts: pa.Array, ends: pa.Array) -> list[Summary]:
    """One summary per label 0..size-1 of rows labelled `labels`, with these start and end
    dates."""
    if size == 1:  # Arrow's hash aggregation costs milliseconds to start: one group needs none
        return [
            Summary(
                len(labels),
                DateSpan.of_padded(_least(starts, dates.EARLY_PAD), _most(starts, dates.LATE_PAD)),
                DateSpan.of_padded(_least(ends, dates.EARLY_PAD), _most(ends, dates.LATE_PAD)),
            )
        ]
    table = pa.table(
        {
            "label": labels,
            "start_early": padded(starts, dates.EARLY_PAD),
            "start_late": padded(starts, dates.LATE_PAD),
            "end_early": padded(ends, dates.EARLY_PAD),
            "end_late": padded(ends, dates.LATE_PAD),
        }
    )
    aggregated = table.group_by("label").aggregate(
        [
            ([], "count_all"),
            ("start_early", "min"),
            ("start_late", "max"),
            ("end_early", "min"),
            ("end_late", "max"),
        ]
    )
    found = [Summary()] * size
    for row in aggregated.to_pylist():
        found[row["label"]] = Summary(
            row["count_all"],
            DateSpan.of_padded(row["start_early_min"], row["start_late_max"]),
            DateSpan.of_padded(row["end_early_min"], row["end_late_max"]),
        )
    return found


def _least(column: pa.ChunkedArray | pa.Array, pad: str) -> str | None:
    found: str | None = pc.min(padded(pc.unique(column), pad)).as_py()
    return found


def _most(column: pa.ChunkedArray | pa.Array, pad: str) -> str | None:
    found: str | None = pc.max(padded(pc.unique(column), pad)).as_py()
    return found


def grouped(labels: np.ndarray, size: int, keys: pa.Array) -> list[list[Group]]:
    """Per label 0..size-1, its rows counted by key."""
    table = pa.table({"label": labels, "key": keys})
    counted = table.group_by(["label", "key"]).aggregate([([], "count_all")])
    by_label: list[list[tuple[str | None, int]]] = [[] for _ in range(size)]
    for row in counted.to_pylist():
        by_label[row["label"]].append((row["key"], row["count_all"]))
    return [ordered_groups(counts) for counts in by_label]


def key_column(table: pa.Table, rows: np.ndarray, grouping: Grouping) -> pa.Array:
    """The grouping's key for these rows of a node or tie table (`_kind`, `_type` or a
    column; the year of a date column); nulls where the table has no such column."""
    name = {KIND: "_kind", TYPE: "_type"}.get(grouping.prop, grouping.prop)
    if name not in table.column_names:
        return pa.nulls(len(rows), pa.string())
    values = table.column(name).take(pa.array(rows, pa.int64())).combine_chunks()
    if grouping.year:
        values = pc.utf8_slice_codeunits(values, 0, 4)
    return values.cast(pa.string())


def counted_order(counts: np.ndarray, node_ranks: np.ndarray) -> np.ndarray:
    """The ascending order (count, node id, tie id) of one parent's span in its hop order,
    given each row's count and its node's rank: the span holds a node's ties to the parent
    together and in tie id order, so its own positions break the last ties."""
    return np.lexsort((np.arange(len(counts)), node_ranks, counts))


def page_of(
    size: int,
    key: Callable[[int], tuple[str, ...]],
    descending: bool,
    after: Keyset | None,
    limit: int,
) -> Sequence[int]:
    """Which of `size` rows, in ascending order with keys `key(rank)`, make the page after
    `after` (all in reverse when descending); only the keys bisect visits are made."""
    ranks: Sequence[int] = range(size)
    if after is not None:
        if descending:
            ranks = range(bisect.bisect_left(ranks, after.values, key=key))
        else:
            ranks = range(bisect.bisect_right(ranks, after.values, key=key), size)
    if descending:
        ranks = ranks[::-1]
    return ranks[:limit]
