"""Root lists from the read model: one kind of node, filtered, sorted, a keyset page at a time.

The semantics are graph/cypher.py's `list_nodes` and `count_nodes`, condition by condition
(a missing value never equals anything; CONTAINS compares lower-cased text as LadybugDB's
`lower` does, which Arrow's `utf8_lower` matches; dates of reduced precision compare at their
precision), and the order is the database's: the sort value (empty when missing), then the id,
as code points.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from graph.model import NodeKind
from graph.store import Condition, Keyset, NodeQuery, Op, SortField


@dataclass(frozen=True)
class KindTable:
    """The nodes of one kind: their rows in the whole node table, and their own table."""

    rows: np.ndarray
    table: pa.Table


@dataclass(frozen=True)
class Ordering:
    """The nodes of one kind in ascending sort order (positions in the kind's table), with
    their keysets."""

    positions: np.ndarray
    keys: list[tuple[str, ...]]


def kind_table(nodes: pa.Table, kind: NodeKind) -> KindTable:
    rows = pc.indices_nonzero(pc.equal(nodes.column("_kind"), kind.value))
    return KindTable(rows.to_numpy(), nodes.take(rows))


def ordering(nodes: KindTable, field: SortField) -> Ordering:
    ids = nodes.table.column("id")
    if field is SortField.ID:
        columns = {"id": ids}
    else:
        columns = {"value": pc.coalesce(nodes.table.column(field.value), ""), "id": ids}
    table = pa.table(columns)
    order = pc.sort_indices(table, [(name, "ascending") for name in columns]).to_numpy()
    sorted_table = table.take(order)
    keys = list(zip(*(sorted_table.column(name).to_pylist() for name in columns), strict=True))
    return Ordering(order, keys)


def matching(nodes: pa.Table, conditions: Sequence[Condition]) -> np.ndarray:
    """Which rows of a node table meet every condition, as a boolean array."""
    result = np.ones(nodes.num_rows, dtype=bool)
    for condition in conditions:
        column = nodes.column(condition.prop)
        if condition.op is Op.INSTANT_FROM:
            column = pc.coalesce(column, nodes.column("start"))
        mask = pc.fill_null(_condition(column, condition), False)
        result &= mask.to_numpy(zero_copy_only=False)
    return result


def _condition(column: pa.ChunkedArray, condition: Condition) -> pa.ChunkedArray:
    value = condition.value
    match condition.op:
        case Op.EQUALS:
            return pc.equal(column, value)
        case Op.IN:
            return pc.is_in(column, value_set=pa.array(list(value), pa.string()))
        case Op.CONTAINS:
            lowered = pc.utf8_lower(pc.coalesce(column, ""))
            return pc.match_substring(lowered, str(value).lower())
        case Op.ACTIVE_FROM | Op.INSTANT_FROM:
            text = str(value)
            encoded = pc.dictionary_encode(column).combine_chunks()
            kept = [
                stored is None or text[: len(stored)] <= stored
                for stored in encoded.dictionary.to_pylist()
            ]
            at_or_after = pa.array(kept, pa.bool_()).take(encoded.indices)
            return pc.or_kleene(pc.is_null(column), at_or_after)
        case Op.ACTIVE_TO:
            return pc.or_kleene(pc.is_null(column), pc.less_equal(column, value))


def page(
    nodes: KindTable, order: Ordering, ranks: np.ndarray, query: NodeQuery
) -> tuple[list[int], list[Keyset], bool]:
    """The rows (in the whole node table) of one page, their keysets and whether there are
    more, in the query's order; `ranks` are the places in `order` of the nodes that match,
    ascending."""
    descending = query.order.descending
    if query.after is not None:
        cut = query.after.values
        if descending:
            ranks = ranks[ranks < bisect.bisect_left(order.keys, cut)]
        else:
            ranks = ranks[ranks >= bisect.bisect_right(order.keys, cut)]
    if descending:
        ranks = ranks[::-1]
    chosen = ranks[: query.limit + 1]
    more = len(chosen) > query.limit
    chosen = chosen[: query.limit]
    return (
        [int(nodes.rows[order.positions[rank]]) for rank in chosen],
        [Keyset(order.keys[rank]) for rank in chosen],
        more,
    )
