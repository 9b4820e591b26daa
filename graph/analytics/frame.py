"""The whole graph as columns, fetched once per store version for every network question.

Nodes are kept as objects (a graph has ten times fewer nodes than ties), in the order of
their kind and id, each with the period it counts with. Ties are columns: numpy arrays of their
type, ends (node rows), and the first and last day they count (the period rules of
`periods.py`, worked out for all ties at once), and Arrow arrays of what only a drawn tie needs
(id, role, seat type, sources, its own dates). No Python object is made per tie until a tie is
drawn (`TieView`): a million ties take tens of megabytes, not hundreds.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property
from typing import Any, overload

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from graph import dates
from graph.analytics.periods import OPEN, PART_FIRST, WHOLE_FIRST, Period, node_periods
from graph.model import (
    INSTANT_KINDS,
    TIE_BOUNDING_KINDS,
    Node,
    NodeKind,
    SeatType,
    Tie,
    TieType,
)
from graph.store import GraphStore

SCAN_BATCH = 1_000
"""Nodes per batch: small enough that one batch answered from the read model's memory (Python
objects built without a pause) holds the event loop for tens of milliseconds, not hundreds."""
TIE_BATCH_ROWS = 50_000
"""Ties per batch: the read model answers with slices of its columns (nothing is built), a
database with one round trip per batch."""
OPEN_START = np.iinfo(np.int32).min
OPEN_END = np.iinfo(np.int32).max
KINDS = list(NodeKind)
TYPES = list(TieType)
SEATS = list(SeatType)
_EPOCH = date(1970, 1, 1).toordinal()

OWN, SOURCE_END, TARGET_END, NO_DATE = 0, 1, 2, 3
"""Where a tie's start or end comes from: its own, its source's or its target's period."""


def kind_codes(kinds: Sequence[NodeKind] | frozenset[NodeKind]) -> np.ndarray:
    return np.array(sorted(KINDS.index(kind) for kind in kinds), dtype=np.int8)


def type_codes(types: Sequence[TieType] | frozenset[TieType]) -> np.ndarray:
    return np.array(sorted(TYPES.index(type_) for type_ in types), dtype=np.int8)


def day_numbers(texts: pa.Array | pa.ChunkedArray, *, last: bool) -> np.ndarray:
    """Days since 1970 of each reduced-precision date's first (or `last`) day; open where
    there is none."""
    words = pc.unique(texts).drop_null()
    days = np.array(
        [_day(word, last) for word in words.to_pylist()] + [OPEN_END if last else OPEN_START],
        dtype=np.int64,
    )
    positions = pc.fill_null(pc.index_in(texts, value_set=words), len(words))
    return np.asarray(days[positions.to_numpy(zero_copy_only=False)], dtype=np.int32)


def _day(text: str, last: bool) -> int:
    full = dates.last_day(text) if last else dates.first_day(text)
    return date.fromisoformat(full).toordinal() - _EPOCH


def period_days(period: Period) -> tuple[int, int]:
    start, end = period
    first = OPEN_START if start is None else _day(start, last=False)
    final = OPEN_END if end is None else _day(end, last=True)
    return first, final


@dataclass(frozen=True)
class TieColumns:
    type: np.ndarray
    source: np.ndarray
    """The source's node row."""
    target: np.ndarray
    start: np.ndarray
    """The first day the tie counts (OPEN_START when open)."""
    end: np.ndarray
    start_from: np.ndarray
    """Where its start comes from: OWN, SOURCE_END, TARGET_END or NO_DATE."""
    end_from: np.ndarray
    ids: pa.Array
    roles: pa.Array
    seats: np.ndarray
    """SeatType index, or -1."""
    sources: pa.Array
    own_starts: pa.Array
    own_ends: pa.Array

    def __len__(self) -> int:
        return len(self.type)


@dataclass(frozen=True)
class Snapshot:
    """The graph of one store version: `nodes` (with the periods they count with) in the order
    of their kind and id, and the ties as columns in the order of their type and id."""

    version: int
    nodes: Sequence[Node]
    ties: TieColumns
    kinds: np.ndarray
    """Each node's kind, as its index in KINDS."""
    days: tuple[np.ndarray, np.ndarray]
    """Each node's first and last day (open where its period is)."""

    @property
    def size(self) -> int:
        return len(self.nodes) + len(self.ties)

    @cached_property
    def index(self) -> Mapping[str, int]:
        return {node.id: row for row, node in enumerate(self.nodes)}

    @cached_property
    def dated(self) -> np.ndarray:
        """Which nodes have a period of their own (or one they take)."""
        first, final = self.days
        return np.asarray((first != OPEN_START) | (final != OPEN_END), dtype=bool)

    def node(self, ident: str) -> Node | None:
        row = self.index.get(ident)
        return None if row is None else self.nodes[row]

    def tie(self, row: int) -> Tie:
        """One tie as the analytics count it: its dates are the ones it counts with."""
        ties = self.ties
        source, target = self.nodes[ties.source[row]], self.nodes[ties.target[row]]
        seat = int(ties.seats[row])
        return Tie(
            TYPES[ties.type[row]],
            source.id,
            target.id,
            ties.ids[row].as_py(),
            ties.roles[row].as_py(),
            self._date(row, ties.start_from[row], ties.own_starts, 0),
            self._date(row, ties.end_from[row], ties.own_ends, 1),
            None if seat < 0 else SEATS[seat],
            tuple(ties.sources[row].as_py() or ()),
        )

    def ties_at(self, rows: np.ndarray) -> list[Tie]:
        """`tie(row)` of many rows, their columns read in bulk."""
        ties = self.ties
        taken = pa.array(rows, pa.int64())
        starts = self._dates_at(rows, ties.start_from, ties.own_starts.take(taken), 0)
        ends = self._dates_at(rows, ties.end_from, ties.own_ends.take(taken), 1)
        nodes = self.nodes
        return [
            Tie(
                TYPES[type_],
                nodes[source].id,
                nodes[target].id,
                ident,
                role,
                start,
                end,
                None if seat < 0 else SEATS[seat],
                tuple(cited or ()),
            )
            for type_, source, target, ident, role, start, end, seat, cited in zip(
                ties.type[rows].tolist(),
                ties.source[rows].tolist(),
                ties.target[rows].tolist(),
                ties.ids.take(taken).to_pylist(),
                ties.roles.take(taken).to_pylist(),
                starts,
                ends,
                ties.seats[rows].tolist(),
                ties.sources.take(taken).to_pylist(),
                strict=True,
            )
        ]

    def _dates_at(
        self, rows: np.ndarray, where: np.ndarray, own: pa.Array, side: int
    ) -> list[str | None]:
        found: list[str | None] = own.to_pylist()
        for i, (place, row) in enumerate(zip(where[rows].tolist(), rows.tolist(), strict=True)):
            if place == OWN:
                continue
            if place == NO_DATE:
                found[i] = None
                continue
            end = self.ties.source[row] if place == SOURCE_END else self.ties.target[row]
            node = self.nodes[int(end)]
            found[i] = node.start if side == 0 else node.end
        return found

    def reference(self, thing: object) -> tuple[str, Any] | None:
        """For a child's answer (graph.analytics.isolation.Shared): this snapshot's nodes and
        views of its ties travel as their rows, not as copies."""
        if isinstance(thing, Node):
            row = self.index.get(thing.id)
            if row is not None and self.nodes[row] is thing:
                return ("node", row)
        elif isinstance(thing, TieView) and thing.snapshot is self:
            return ("ties", thing.rows)
        return None

    def dereference(self, reference: tuple[str, Any]) -> object:
        what, rows = reference
        if what == "node":
            return self.nodes[rows]
        if what == "ties":
            return TieView(self, rows)
        raise ValueError(f"No such reference to a snapshot: {what}")

    def stored_tie(self, row: int) -> Tie:
        """One tie as it is stored: only its own dates."""
        tie = self.tie(row)
        own_start: str | None = self.ties.own_starts[row].as_py()
        own_end: str | None = self.ties.own_ends[row].as_py()
        return replace(tie, start=own_start, end=own_end)

    def _date(self, row: int, where: int, own: pa.Array, side: int) -> str | None:
        if where == OWN:
            text: str | None = own[row].as_py()
            return text
        if where == NO_DATE:
            return None
        end = self.ties.source[row] if where == SOURCE_END else self.ties.target[row]
        node = self.nodes[int(end)]
        return node.start if side == 0 else node.end


_VIEW_BATCH = 10_000


class TieView(Sequence[Tie]):
    """Some ties of a snapshot, made into objects only when read. Pickled (to leave a child
    process) as the list of its ties, never with the snapshot."""

    def __init__(self, snapshot: Snapshot, rows: np.ndarray) -> None:
        self.snapshot = snapshot
        self.rows = rows

    def __len__(self) -> int:
        return len(self.rows)

    @overload
    def __getitem__(self, index: int) -> Tie: ...

    @overload
    def __getitem__(self, index: slice) -> list[Tie]: ...

    def __getitem__(self, index: int | slice) -> Tie | list[Tie]:
        if isinstance(index, slice):
            return self.snapshot.ties_at(np.asarray(self.rows[index], dtype=np.int64))
        return self.snapshot.tie(int(self.rows[index]))

    def __iter__(self) -> Iterator[Tie]:
        for first in range(0, len(self.rows), _VIEW_BATCH):
            yield from self[first : first + _VIEW_BATCH]

    def __reduce__(self) -> tuple[Any, ...]:
        return (list, (list(self),))


async def take_snapshot(store: GraphStore) -> Snapshot:
    """Every node and tie of the store through the GraphStore protocol (so every backend
    answers alike), a batch at a time; the ties as columns, never as objects."""
    version = store.version
    stored: list[Node] = []
    for kind in NodeKind:
        after: str | None = None
        while batch := await store.scan_nodes(kind, after, SCAN_BATCH):
            stored += batch
            after = batch[-1].id
            await asyncio.sleep(0)  # the read model answers from memory: let others in
    builder = _TieBuilder()
    for type_ in TieType:
        after = None
        while columns := (await store.scan_tie_columns(type_, after, TIE_BATCH_ROWS)).table:
            builder.add(type_, columns)
            after = columns.column("id")[-1].as_py()
            await asyncio.sleep(0)
    return await asyncio.to_thread(builder.snapshot, version, stored)


class _TieBuilder:
    def __init__(self) -> None:
        self.chunks: list[dict[str, pa.Array]] = []
        self.belonging: list[Tie] = []
        """The ties an undated node takes its period through (few)."""

    def add(self, type_: TieType, table: pa.Table) -> None:
        seats = pc.index_in(table.column("seatType"), value_set=pa.array([s.value for s in SEATS]))
        self.chunks.append(
            {
                "type": pa.array(np.full(table.num_rows, TYPES.index(type_), dtype=np.int8)),
                "source": table.column("source"),
                "target": table.column("target"),
                "id": table.column("id"),
                "role": table.column("role"),
                "start": table.column("start"),
                "end": table.column("end"),
                "seat": pc.fill_null(seats, -1).cast(pa.int8()),
                "sources": table.column("sources"),
            }
        )
        if type_ in WHOLE_FIRST or type_ in PART_FIRST:
            ends = zip(
                table.column("source").to_pylist(),
                table.column("target").to_pylist(),
                table.column("id").to_pylist(),
                strict=True,
            )
            self.belonging += [Tie(type_, source, target, ident) for source, target, ident in ends]

    def column(self, name: str, kind: pa.DataType) -> pa.ChunkedArray:
        """One column of every batch, without copying them (a slice of the read model's
        columns stays one)."""
        chunks = [
            piece
            for chunk in self.chunks
            for piece in (
                chunk[name].chunks if isinstance(chunk[name], pa.ChunkedArray) else [chunk[name]]
            )
        ]
        return pa.chunked_array(chunks, kind)

    def snapshot(self, version: int, stored: list[Node]) -> Snapshot:
        by_id = {node.id: node for node in stored}
        periods = node_periods(by_id, self.belonging, INSTANT_KINDS)
        nodes = sorted(
            (_dated(node, periods.get(node.id, OPEN)) for node in stored),
            key=lambda node: (node.kind.value, node.id),
        )
        ids = pa.array([node.id for node in nodes], pa.string())
        source = pc.index_in(self.column("source", pa.string()), value_set=ids)
        target = pc.index_in(self.column("target", pa.string()), value_set=ids)
        known = pc.and_(pc.is_valid(source), pc.is_valid(target))  # both ends are nodes
        if not pc.all(known).as_py():
            source, target = source.filter(known), target.filter(known)
        else:
            known = None

        def column(name: str, kind: pa.DataType) -> pa.Array:
            found = self.column(name, kind)
            return found if known is None else found.filter(known)

        kinds = np.array([KINDS.index(node.kind) for node in nodes], dtype=np.int8)
        found = [period_days((node.start, node.end)) for node in nodes]
        first = np.array([day for day, _ in found], dtype=np.int32).reshape(-1)
        final = np.array([day for _, day in found], dtype=np.int32).reshape(-1)
        ends = (
            source.to_numpy(zero_copy_only=False).astype(np.int32),
            target.to_numpy(zero_copy_only=False).astype(np.int32),
        )
        own_starts, own_ends = column("start", pa.string()), column("end", pa.string())
        start, start_from, end, end_from = _tie_periods(
            ends,
            (day_numbers(own_starts, last=False), day_numbers(own_ends, last=True)),
            (pc.is_valid(own_starts).to_numpy(zero_copy_only=False),
             pc.is_valid(own_ends).to_numpy(zero_copy_only=False)),
            np.isin(kinds, kind_codes(TIE_BOUNDING_KINDS)),
            (first, final),
            (np.array([n.start is not None for n in nodes], dtype=bool).reshape(-1),
             np.array([n.end is not None for n in nodes], dtype=bool).reshape(-1)),
        )  # fmt: skip
        columns = TieColumns(
            type=column("type", pa.int8()).to_numpy(zero_copy_only=False),
            source=ends[0],
            target=ends[1],
            start=start,
            end=end,
            start_from=start_from,
            end_from=end_from,
            ids=column("id", pa.string()),
            roles=column("role", pa.string()),
            seats=column("seat", pa.int8()).to_numpy(zero_copy_only=False),
            sources=column("sources", pa.list_(pa.string())),
            own_starts=own_starts,
            own_ends=own_ends,
        )
        return Snapshot(version, nodes, columns, kinds, (first, final))


def _dated(node: Node, period: Period) -> Node:
    if (node.start, node.end) == period:
        return node
    return replace(node, start=period[0], end=period[1])


def _tie_periods(
    ends: tuple[np.ndarray, np.ndarray],
    own: tuple[np.ndarray, np.ndarray],
    has_own: tuple[np.ndarray, np.ndarray],
    bounding: np.ndarray,
    node_days: tuple[np.ndarray, np.ndarray],
    node_dated: tuple[np.ndarray, np.ndarray],
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """`periods.tie_period` for every tie at once: a missing side of a tie's own dates from
    where its bounding ends' periods overlap, or, when they never do, from their span; with
    one bounding end, from its period. Returns the days and where each side came from."""
    source, target = ends
    first, final = node_days
    source_bounds, target_bounds = bounding[source], bounding[target]
    s_first, s_final = first[source], final[source]
    t_first, t_final = first[target], final[target]
    both = source_bounds & target_bounds
    # Where both ends bound: the later start and the earlier end (the source's when equal),
    # or, when those do not meet, the earlier start and the later end.
    later_start_is_source = s_first >= t_first
    earlier_end_is_source = s_final <= t_final
    meet_first = np.where(later_start_is_source, s_first, t_first)
    meet_final = np.where(earlier_end_is_source, s_final, t_final)
    meet = meet_first <= meet_final
    start_is_source = np.where(meet, later_start_is_source, s_first <= t_first)
    end_is_source = np.where(meet, earlier_end_is_source, s_final >= t_final)
    start_is_source = np.where(both, start_is_source, source_bounds)
    end_is_source = np.where(both, end_is_source, source_bounds)
    any_bounds = source_bounds | target_bounds

    def side(
        own_days: np.ndarray,
        has: np.ndarray,
        from_source: np.ndarray,
        days: np.ndarray,
        dated: np.ndarray,
        open_day: int,
    ) -> tuple[np.ndarray, np.ndarray]:
        chosen = np.where(from_source, source, target)
        taken = days[chosen]
        taken_dated = dated[chosen]
        where = np.where(from_source, SOURCE_END, TARGET_END).astype(np.int8)
        where = np.where(taken_dated, where, NO_DATE).astype(np.int8)
        where = np.where(any_bounds, where, NO_DATE).astype(np.int8)
        where = np.where(has, OWN, where).astype(np.int8)
        value = np.where(where == OWN, own_days, np.where(where == NO_DATE, open_day, taken))
        return value.astype(np.int32), where

    start, start_from = side(own[0], has_own[0], start_is_source, first, node_dated[0], OPEN_START)
    end, end_from = side(own[1], has_own[1], end_is_source, final, node_dated[1], OPEN_END)
    # A tie with both its own dates keeps them; with one, only the other side is taken.
    return start, start_from, end, end_from
