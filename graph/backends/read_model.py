"""A column-wise copy of the embedded graph in memory, for the reads users wait on.

Why it exists: LadybugDB finds a node by key in ~7 µs and reads a neighbour's property at
random in ~1.5 µs, so "the first 10 participants of each of 100 projects", sorted by name,
must read every participant's name (hundreds of thousands on a large graph) and takes hundreds
of milliseconds; scanning the whole graph column-wise into Arrow takes ~2 s for a million ties,
after which such a page is a slice of a sorted array. A copy answers for exactly one store
version (see read_model_keeper.py); the order it gives is the database's: by neighbour name (its
Finnish collation key), id and tie id, compared as code points, as graph/cypher.py orders them.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import cast

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from graph.aggregates import Group, Grouping, Part, Summary, count_key
from graph.backends import read_model_lists as lists
from graph.backends import read_model_search as search
from graph.backends import read_model_tally as tallies
from graph.backends.kept_arrays import KeptArrays
from graph.backends.read_model_matches import MatchIndex
from graph.columns import TIE_BATCH, TIE_COLUMNS, node_columns, node_from_row, tie_from_row
from graph.model import Node, NodeKind, Tie, TieType
from graph.store import (
    Condition,
    Direction,
    EdgeMatch,
    Hop,
    Keyset,
    Match,
    Neighbour,
    NeighbourPage,
    NodeQuery,
    Order,
    Page,
    SearchHit,
    SearchPage,
    SearchQuery,
    SortField,
    TieCount,
)

KIND, TYPE, SOURCE, TARGET, SOURCE_KIND, TARGET_KIND = (
    "_kind",
    "_type",
    "_source",
    "_target",
    "_sourceKind",
    "_targetKind",
)


BUILT_NEIGHBOURS = 200_000
"""At most this many neighbours are kept built per hop (~100 MB at worst)."""


@dataclass(frozen=True)
class Keys:
    """The model's columns a neighbour's keyset is made of (shared by every hop, not copied)."""

    names: pa.Array
    """Each node's Finnish collation key ("" where it has no name)."""
    node_ids: pa.Array
    tie_ids: pa.Array


@dataclass(frozen=True)
class HopOrder:
    """The ties along one hop, sorted by parent, then neighbour name (its Finnish collation
    key), id and tie id: the rows of the nodes and ties in that order."""

    spans: dict[str, tuple[int, int]]
    """Parent id → its positions [start, end)."""
    keys: Keys
    node_rows: np.ndarray
    tie_rows: np.ndarray
    built: dict[int, Neighbour] = field(default_factory=dict, compare=False, repr=False)
    """Neighbours already built, by position (they are immutable, as the model is): a page
    asked for again costs no conversion. Emptied when it reaches BUILT_NEIGHBOURS."""

    def span(self, parent_id: str) -> tuple[int, int]:
        return self.spans.get(parent_id, (0, 0))

    def names(self, positions: np.ndarray) -> list[str]:
        found: list[str] = self.keys.names.take(pa.array(self.node_rows[positions])).to_pylist()
        return found

    def other(self, position: int) -> str:
        return str(self.keys.node_ids[int(self.node_rows[position])].as_py())

    def tie_id(self, position: int) -> str:
        return str(self.keys.tie_ids[int(self.tie_rows[position])].as_py())

    def start_after(self, parent_id: str, keyset: Keyset) -> int:
        start, end = self.span(parent_id)
        node_rows = pa.array(self.node_rows[start:end])
        keys = list(
            zip(
                self.keys.names.take(node_rows).to_pylist(),
                self.keys.node_ids.take(node_rows).to_pylist(),
                self.keys.tie_ids.take(pa.array(self.tie_rows[start:end])).to_pylist(),
                strict=True,
            )
        )
        return start + bisect.bisect_right(keys, keyset.values)


@dataclass(frozen=True)
class IdOrder:
    """The rows of one type of tie, which the model keeps together in id order: how a whole
    graph's ties are scanned."""

    start: int
    ids: pa.Array

    def after(self, after_id: str | None, limit: int) -> tuple[int, int]:
        """The rows [first, last) of the next `limit` ties after `after_id`."""
        skip = 0 if after_id is None else bisect.bisect_right(_Texts(self.ids), after_id)
        first = self.start + skip
        return first, min(self.start + len(self.ids), first + limit)


class _Texts:
    """An Arrow string array as bisect searches it (by length and index), without copying it."""

    def __init__(self, values: pa.Array) -> None:
        self.values = values

    def __len__(self) -> int:
        return len(self.values)

    def __getitem__(self, index: int) -> str:
        return str(self.values[index].as_py())


KINDS = {kind.value: kind for kind in NodeKind}
TYPES = {type_.value: type_ for type_ in TieType}
KEPT_SELECTIONS = 128
"""Lists' selections kept per model: which nodes a filter keeps, their ranks in an order."""


@dataclass
class ReadModel:
    """Nodes are built from their columns once and kept (they are immutable, and the model
    answers for one version only): ~600 bytes each once every node has been read."""

    version: int
    nodes: pa.Table
    """Every node: `_kind` and the union of every kind's columns."""
    ties: pa.Table
    """Every tie: `_type`, `_source`, `_target`, `_sourceKind`, `_targetKind` and its columns."""
    node_rows: dict[str, int]
    hops: dict[Hop, HopOrder] = field(default_factory=dict)
    built: list[Node | None] = field(default_factory=list)
    kinds: dict[NodeKind, lists.KindTable] = field(default_factory=dict)
    orderings: dict[tuple[NodeKind, SortField], lists.Ordering] = field(default_factory=dict)
    by_id: dict[TieType, IdOrder] = field(default_factory=dict)
    _matches: MatchIndex | None = None
    listed: dict[str, dict[str, int]] = field(default_factory=dict)
    """List column (identifiers, mergedFrom) → each value in it → the row that lists it."""
    by_name: search.NameOrder | None = None
    tally: tallies.Tally | None = None
    selections: KeptArrays = field(default_factory=lambda: KeptArrays(KEPT_SELECTIONS))

    @classmethod
    def of(cls, version: int, nodes: pa.Table, ties: pa.Table) -> ReadModel:
        rows = {node_id: row for row, node_id in enumerate(nodes.column("id").to_pylist())}
        return cls(version, nodes, ties, rows, built=[None] * nodes.num_rows)

    def find(self, ids: Sequence[str], kind: NodeKind | None = None) -> list[Node | None]:
        rows = [self.node_rows.get(node_id) for node_id in ids]
        found = self._nodes([row for row in rows if row is not None])
        by_id = {node.id: node for node in found if kind is None or node.kind is kind}
        return [by_id.get(node_id) for node_id in ids]

    def listing(self, column: str, values: Sequence[str]) -> dict[str, Node]:
        """The node whose list `column` holds each value (identifiers and mergedFrom are
        unique across nodes), from an index built the first time it is asked for."""
        index = self.listed.get(column)
        if index is None:
            index = {}
            if column in self.nodes.column_names:
                lists = self.nodes.column(column).combine_chunks()
                lengths = pc.fill_null(pc.list_value_length(lists), 0).to_numpy()
                for row in np.flatnonzero(lengths):
                    for value in lists[int(row)].as_py():
                        index[value] = int(row)
            self.listed[column] = index
        rows = {value: index[value] for value in values if value in index}
        nodes = self._nodes(list(rows.values()))
        return dict(zip(rows, nodes, strict=True))

    def list_nodes(self, query: NodeQuery) -> Page:
        of_kind, kept = self.selected(query)
        if query.order.count is not None:
            ordering = self.tallied().ordering(query.kind, of_kind, query.order.count)
        else:
            key = (query.kind, query.order.field)
            if key not in self.orderings:
                self.orderings[key] = lists.ordering(of_kind, query.order.field)
            ordering = self.orderings[key]
        selected = (query.kind, query.conditions, query.match, query.order.field, query.order.count)
        ranks = self.selections.recall(
            ("ranks", *selected), lambda: np.flatnonzero(kept[ordering.positions])
        )
        rows, keysets, more = lists.page(of_kind, ordering, ranks, query)
        return Page(self._nodes(rows), keysets, more)

    def selected(self, query: NodeQuery) -> tuple[lists.KindTable, np.ndarray]:
        """The nodes of the query's kind, and which of them it selects (its order and page
        aside): what lists and aggregates of the query share."""
        return self._kind(query.kind), self._kept(query.kind, query.conditions, query.match)

    def count_nodes(
        self, kind: NodeKind, conditions: Sequence[Condition], match: Match | None = None
    ) -> int:
        return int(self._kept(kind, conditions, match).sum())

    def _kept(
        self, kind: NodeKind, conditions: Sequence[Condition], match: Match | None
    ) -> np.ndarray:
        """Which nodes of the kind (in its table's order) meet the conditions and the match."""
        of_kind = self._kind(kind)

        def evaluated() -> np.ndarray:
            kept = lists.matching(of_kind.table, conditions)
            if match is not None:
                kept &= self.matches().nodes(match, kind)[of_kind.rows]
            return kept

        return self.selections.recall(("kept", kind, tuple(conditions), match), evaluated)

    def matches(self) -> MatchIndex:
        """What filter trees are evaluated with, made on first use."""
        if self._matches is None:
            self._matches = MatchIndex(self.nodes, self.ties, self._kind)
        return self._matches

    def search(self, query: SearchQuery) -> SearchPage:
        """Runs in a worker thread (read_model_search.py)."""
        if self.by_name is None:
            self.by_name = search.name_order(self.nodes)
        found = search.find(self.nodes, self.by_name, query)
        hits = [
            SearchHit(node, tier, keyset)
            for node, tier, keyset in zip(
                self._nodes(found.rows), found.tiers, found.keysets, strict=True
            )
        ]
        return SearchPage(hits, found.has_more)

    def count_search(self, text: str, kinds: Sequence[NodeKind]) -> int:
        needle = SearchQuery(text, tuple(kinds)).needle
        return int(search.matching(self.nodes, tuple(kinds), needle).sum())

    def _kind(self, kind: NodeKind) -> lists.KindTable:
        if kind not in self.kinds:
            self.kinds[kind] = lists.kind_table(self.nodes, kind)
        return self.kinds[kind]

    def first_neighbours(
        self,
        order: HopOrder,
        hop: Hop,
        parent_ids: Sequence[str],
        limit: int,
        where: EdgeMatch | None = None,
    ) -> dict[str, NeighbourPage]:
        chosen = self._positions(order, parent_ids, None, where)
        items = self._neighbours(order, {pid: found[:limit] for pid, found in chosen.items()})
        return {pid: NeighbourPage(items[pid], len(found)) for pid, found in chosen.items()}

    def neighbours_after(
        self,
        order: HopOrder,
        hop: Hop,
        parent_ids: Sequence[str],
        after: Keyset | None,
        where: EdgeMatch | None = None,
    ) -> dict[str, list[Neighbour]]:
        return self._neighbours(order, self._positions(order, parent_ids, after, where))

    def _positions(
        self,
        order: HopOrder,
        parent_ids: Sequence[str],
        after: Keyset | None,
        where: EdgeMatch | None,
    ) -> dict[str, np.ndarray]:
        """Each parent's positions in the hop's order: after `after`, meeting `where`."""
        chosen = {}
        for pid in parent_ids:
            start, end = order.span(pid)
            start = start if after is None else order.start_after(pid, after)
            chosen[pid] = np.arange(start, end)
        if where is None or not chosen:
            return chosen
        every = np.concatenate(list(chosen.values()))
        met = self.matches().edges(where, order.tie_rows[every], order.node_rows[every])
        cuts = np.cumsum([len(found) for found in chosen.values()])[:-1]
        return {
            pid: found[kept]
            for (pid, found), kept in zip(chosen.items(), np.split(met, cuts), strict=True)
        }

    def _neighbours(
        self, order: HopOrder, chosen: dict[str, np.ndarray]
    ) -> dict[str, list[Neighbour]]:
        built = order.built
        wanted = {pid: found.tolist() for pid, found in chosen.items()}
        missing = sorted({p for found in wanted.values() for p in found if p not in built})
        fresh = self._built_neighbours(order, missing)
        if len(built) + len(fresh) > BUILT_NEIGHBOURS:
            built.clear()
        if len(fresh) <= BUILT_NEIGHBOURS:
            built.update(fresh)
        return {
            pid: [built[p] if p in built else fresh[p] for p in found]
            for pid, found in wanted.items()
        }

    def _built_neighbours(self, order: HopOrder, positions: list[int]) -> dict[int, Neighbour]:
        if not positions:
            return {}
        rows = np.array(positions, dtype=np.int64)
        nodes = self._nodes(order.node_rows[rows])
        ties = self.ties.take(order.tie_rows[rows]).to_pylist()
        name_keys = order.names(rows)
        fresh = {}
        for position, node, row, key in zip(positions, nodes, ties, name_keys, strict=True):
            tie = tie_from_row(TYPES[row[TYPE]], row[SOURCE], row[TARGET], row)
            fresh[position] = Neighbour(tie, node, Keyset((key, node.id, tie.id)))
        return fresh

    def scan_nodes(self, kind: NodeKind, after_id: str | None, limit: int) -> list[Node]:
        after = None if after_id is None else Keyset((after_id,))
        return list(self.list_nodes(NodeQuery(kind, (), Order(SortField.ID), limit, after)).nodes)

    def scan_ties(self, type_: TieType, after_id: str | None, limit: int) -> list[Tie]:
        first, last = self.by_id[type_].after(after_id, limit)
        taken = self.ties.slice(first, last - first).to_pylist()
        return [tie_from_row(type_, row[SOURCE], row[TARGET], row) for row in taken]

    def scan_tie_columns(self, type_: TieType, after_id: str | None, limit: int) -> pa.Table:
        """The ties as TIE_BATCH columns: slices of the model's own (nothing is copied)."""
        first, last = self.by_id[type_].after(after_id, limit)
        names = [SOURCE, TARGET, *TIE_COLUMNS]
        table = self.ties.select(names).slice(first, last - first)
        return table.rename_columns(TIE_BATCH.names).cast(TIE_BATCH)

    def _nodes(self, rows: Sequence[int] | np.ndarray) -> list[Node]:
        built = self.built
        missing = sorted({int(row) for row in rows if built[row] is None})
        if missing:
            taken = self.nodes.take(pa.array(missing, pa.int64())).to_pylist()
            for row, values in zip(missing, taken, strict=True):
                built[row] = node_from_row(KINDS[values[KIND]], values)
        # Every row asked for was built just above, so none of them is None any more.
        return cast(list[Node], [built[row] for row in rows])

    def tallied(self) -> tallies.Tally:
        if self.tally is None:
            self.tally = tallies.Tally(self.nodes, self.ties)
        return self.tally

    def summarise_nodes(self, query: NodeQuery) -> Summary:
        of_kind, kept = self.selected(query)
        table = of_kind.table.select(["start", "end"]).filter(kept)
        labels = np.zeros(table.num_rows, dtype=np.int64)
        found = tallies.summaries(labels, 1, table.column("start"), table.column("end"))
        return found[0]

    def group_nodes(self, query: NodeQuery, grouping: Grouping) -> list[Group]:
        of_kind, kept = self.selected(query)
        rows = np.flatnonzero(kept)
        keys = tallies.key_column(of_kind.table, rows, grouping)
        return tallies.grouped(np.zeros(len(rows), dtype=np.int64), 1, keys)[0]

    def summarise_neighbours(
        self, order: HopOrder, parent_ids: Sequence[str], where: EdgeMatch | None = None
    ) -> dict[str, Summary]:
        positions, labels = self._labelled(order, parent_ids, where)
        tie_rows = pa.array(order.tie_rows[positions], pa.int64())
        starts = self.ties.column("start").take(tie_rows)
        ends = self.ties.column("end").take(tie_rows)
        found = tallies.summaries(labels, len(parent_ids), starts, ends)
        return dict(zip(parent_ids, found, strict=True))

    def group_neighbours(
        self,
        order: HopOrder,
        parent_ids: Sequence[str],
        grouping: Grouping,
        where: EdgeMatch | None = None,
    ) -> dict[str, list[Group]]:
        positions, labels = self._labelled(order, parent_ids, where)
        if grouping.part is Part.NODE:
            keys = tallies.key_column(self.nodes, order.node_rows[positions], grouping)
        else:
            keys = tallies.key_column(self.ties, order.tie_rows[positions], grouping)
        found = tallies.grouped(labels, len(parent_ids), keys)
        return dict(zip(parent_ids, found, strict=True))

    def _labelled(
        self, order: HopOrder, parent_ids: Sequence[str], where: EdgeMatch | None
    ) -> tuple[np.ndarray, np.ndarray]:
        """The positions in `order` of each parent's ties that meet `where`, and which parent
        (by index) each is."""
        chosen = self._positions(order, parent_ids, None, where)
        found = [chosen[pid] for pid in parent_ids]
        lengths = np.array([len(positions) for positions in found], dtype=np.int64)
        positions = np.concatenate(found) if found else np.array([], dtype=np.int64)
        return positions.astype(np.int64), np.repeat(np.arange(len(found)), lengths)

    def counted_neighbours(
        self,
        order: HopOrder,
        parent_ids: Sequence[str],
        count: TieCount,
        descending: bool,
        after: Keyset | None,
        limit: int,
        where: EdgeMatch | None = None,
    ) -> dict[str, NeighbourPage]:
        tally = self.tallied()
        counts, ranks = tally.of(count), tally.node_ranks()
        result = {}
        for pid, kept in self._positions(order, parent_ids, None, where).items():
            rows = order.node_rows[kept]
            ascending = kept[tallies.counted_order(counts[rows], ranks[rows])]

            def key(rank: int, ascending: np.ndarray = ascending) -> tuple[str, ...]:
                position = int(ascending[rank])
                node_row = int(order.node_rows[position])
                return (
                    count_key(int(counts[node_row])),
                    order.other(position),
                    order.tie_id(position),
                )

            page = tallies.page_of(len(ascending), key, descending, after, limit)
            picked = ascending[list(page)] if page else np.array([], dtype=np.int64)
            keysets = [Keyset(key(rank)) for rank in page]
            result[pid] = NeighbourPage(self._neighbours_at(order, picked, keysets), len(kept))
        return result

    def _neighbours_at(
        self, order: HopOrder, positions: np.ndarray, keysets: Sequence[Keyset]
    ) -> list[Neighbour]:
        nodes = self._nodes(order.node_rows[positions])
        rows = self.ties.take(pa.array(order.tie_rows[positions], pa.int64())).to_pylist()
        return [
            Neighbour(tie_from_row(TYPES[row[TYPE]], row[SOURCE], row[TARGET], row), node, keyset)
            for node, row, keyset in zip(nodes, rows, keysets, strict=True)
        ]

    def hop_order(self, hop: Hop) -> HopOrder:
        """Sort the ties along `hop` (runs in a worker thread: Arrow's kernels release the GIL)."""
        ties = self.ties
        outgoing = hop.direction is Direction.OUT
        parent_end, other_end = (SOURCE, TARGET) if outgoing else (TARGET, SOURCE)
        parent_kind, other_kind = (
            (SOURCE_KIND, TARGET_KIND) if outgoing else (TARGET_KIND, SOURCE_KIND)
        )
        mask = pc.and_(
            pc.and_(
                pc.is_in(ties.column(TYPE), value_set=pa.array([t.value for t in hop.types])),
                pc.equal(ties.column(parent_kind), hop.parent.value),
            ),
            pc.is_in(ties.column(other_kind), value_set=pa.array([k.value for k in hop.others])),
        )
        tie_rows = pc.indices_nonzero(mask)
        others = ties.column(other_end).take(tie_rows)
        node_rows = pc.index_in(others, value_set=self.nodes.column("id"))
        names = pc.coalesce(self.nodes.column("nameKey").take(node_rows), "")
        table = pa.table(
            {
                "parent": ties.column(parent_end).take(tie_rows),
                "name": names,
                "other": others,
                "tie": ties.column("id").take(tie_rows),
                "tie_row": tie_rows,
                "node_row": node_rows,
            }
        )
        table = table.take(
            pc.sort_indices(table, [(c, "ascending") for c in ("parent", "name", "other", "tie")])
        ).combine_chunks()
        return HopOrder(
            spans=_spans(_array(table, "parent")),
            keys=self.keys,
            node_rows=table.column("node_row").to_numpy().astype(np.int64),
            tie_rows=table.column("tie_row").to_numpy().astype(np.int64),
        )

    @cached_property
    def keys(self) -> Keys:
        return Keys(
            names=pc.coalesce(_array(self.nodes, "nameKey"), ""),
            node_ids=_array(self.nodes, "id"),
            tie_ids=_array(self.ties, "id"),
        )


def _array(table: pa.Table, column: str) -> pa.Array:
    chunked = table.column(column)
    return chunked.chunk(0) if chunked.num_chunks else pa.array([], chunked.type)


def _spans(parents: pa.Array) -> dict[str, tuple[int, int]]:
    if len(parents) == 0:
        return {}
    runs = pc.run_end_encode(parents)
    ends = runs.run_ends.to_pylist()
    starts = [0, *ends[:-1]]
    return dict(zip(runs.values.to_pylist(), zip(starts, ends, strict=True), strict=True))


READ_CHUNK_ROWS = 65_536
"""About how many rows one statement of the build reads. The embedded database materialises a
statement's whole result in its buffer pool and keeps the pages for later statements, so one
statement over a million ties would leave the server some 270 MB larger for good; statements
over slices of the table reuse the same few pages."""


def node_count_statement(kind: NodeKind) -> str:
    """How many nodes of a kind, and the end of their rows (deleted nodes leave gaps)."""
    return f"MATCH (n:{kind.value}) RETURN count(*), coalesce(max(offset(id(n))) + 1, 0)"


def tie_count_statement(type_: TieType) -> str:
    return f"MATCH ()-[r:{type_.value}]->() RETURN count(*)"


def node_statement(kind: NodeKind, rows: range | None = None) -> str:
    """The nodes of a kind; with `rows`, those whose row in their table (the database's
    internal offset) is in that range."""
    columns = ", ".join(f"n.`{c}` AS `{c}`" for c in node_columns(kind))
    return f"MATCH (n:{kind.value}){_offsets('n', rows)} RETURN '{kind.value}' AS {KIND}, {columns}"


def tie_statement(type_: TieType, rows: range | None = None) -> str:
    """The ties of a type; with `rows`, those whose source node's row in its table is in that
    range."""
    columns = ", ".join(f"r.`{c}` AS `{c}`" for c in TIE_COLUMNS)
    return (
        f"MATCH (a)-[r:{type_.value}]->(b){_offsets('a', rows)} RETURN '{type_.value}' AS "
        f"{TYPE}, a.id AS {SOURCE}, b.id AS {TARGET}, label(a) AS {SOURCE_KIND}, "
        f"label(b) AS {TARGET_KIND}, {columns}"
    )


def slices(count: int, rows: int) -> list[range | None]:
    """Ranges of table rows that split `count` results into statements of about
    READ_CHUNK_ROWS each, over tables whose rows end before `rows` (one statement, unsliced,
    when they fit in one)."""
    pieces = -(-count // READ_CHUNK_ROWS)
    if pieces <= 1:
        return [None]
    step = -(-rows // pieces)
    return [range(start, start + step) for start in range(0, rows, step)]


def _offsets(variable: str, rows: range | None) -> str:
    if rows is None:
        return ""
    return f" WHERE offset(id({variable})) >= {rows.start} AND offset(id({variable})) < {rows.stop}"


def assemble(version: int, nodes: Sequence[pa.Table], ties: Sequence[pa.Table]) -> ReadModel:
    """One model from the per-kind node tables and the tie tables, one per TieType in its
    order; each type's ties are kept together in id order, so a scan is a slice."""
    in_order = [table.take(pc.sort_indices(table, [("id", "ascending")])) for table in ties]
    model = ReadModel.of(
        version,
        pa.concat_tables(nodes, promote_options="default").combine_chunks(),
        pa.concat_tables(in_order, promote_options="default").combine_chunks(),
    )
    start = 0
    ids = (
        model.ties.column("id").combine_chunks()
        if model.ties.num_rows
        else pa.array([], pa.string())
    )
    for type_, table in zip(TieType, in_order, strict=True):
        model.by_id[type_] = IdOrder(start, ids.slice(start, table.num_rows))
        start += table.num_rows
    return model
