"""Keyset pages of root lists, of a node's ties and of computed rankings, with the API's limits
on `first`."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from graph.errors import BadInputError, LimitExceededError
from graph.model import Node, NodeKind
from graph.store import (
    Condition,
    EdgeMatch,
    Hop,
    Keyset,
    Match,
    Neighbour,
    NeighbourPage,
    NodeQuery,
    Order,
)
from resolvers import cursors
from resolvers.context import Context

Item = TypeVar("Item")


@dataclass(frozen=True)
class NodePage:
    nodes: Sequence[Node]
    keysets: Sequence[Keyset]
    tag: str
    has_next: bool
    count: Callable[[], Awaitable[int]]

    def cursor_at(self, position: int) -> str:
        return cursors.encode(self.tag, self.keysets[position])


@dataclass(frozen=True)
class TiePage:
    items: Sequence[Neighbour]
    tag: str
    has_next: bool
    total: int

    def cursor_at(self, position: int) -> str:
        return cursors.encode(self.tag, self.items[position].keyset)


def checked_first(context: Context, first: int | None) -> int:
    limits = context.limits
    if first is None:
        return limits.default_first
    if first < 0:
        raise BadInputError(f"`first` must not be negative; got {first}.", "first")
    if first > limits.max_first:
        raise LimitExceededError(f"`first` may be at most {limits.max_first}; got {first}.")
    return first


async def root_page(
    context: Context,
    kind: NodeKind,
    conditions: Sequence[Condition],
    order: Order,
    first: int | None,
    after: str | None,
    match: Match | None = None,
) -> NodePage:
    """`match`: the filter beyond `conditions`. The cursor is the sort key of the last row,
    so paging through a filtered list gives each match once, in order."""
    limit = checked_first(context, first)
    sorted_by = order.field.value if order.count is None else f"count:{order.count.name}"
    tag = f"{kind.value}:{sorted_by}:{'desc' if order.descending else 'asc'}"
    if after is None:
        keyset = None
    elif order.count is None:
        keyset = cursors.decode(tag, after)
    else:
        keyset = cursors.decode_counted(tag, after, 2)
    store = context.store
    query = NodeQuery(kind, tuple(conditions), order, limit, keyset, match)
    page = await store.list_nodes(query)

    async def count() -> int:
        return await store.count_nodes(kind, conditions, match)

    return NodePage(
        nodes=page.nodes,
        keysets=page.keysets,
        tag=tag,
        has_next=page.has_more,
        count=count,
    )


async def tie_page(
    context: Context,
    hop: Hop,
    parent_id: str,
    first: int | None,
    after: str | None,
    where: EdgeMatch | None = None,
) -> TiePage:
    """`where`: which ties (and far nodes) to list; cursors hold under it, as for root lists."""
    limit = checked_first(context, first)
    if after is None:
        page = await context.first_neighbours(hop, limit, where).load(parent_id)
        return _first_tie_page(_tie_tag(hop), page, limit)
    tag = _tie_tag(hop)
    everything = await context.neighbours(hop, where).load(parent_id)
    start = 0 if after is None else _position_after(everything, cursors.decode(tag, after))
    items = everything[start : start + limit]
    return TiePage(
        items=items,
        tag=tag,
        has_next=start + limit < len(everything),
        total=len(everything),
    )


async def first_tie_pages(
    context: Context,
    hop: Hop,
    parent_ids: Sequence[str],
    first: int | None,
    where: EdgeMatch | None = None,
) -> list[TiePage]:
    """The first page of each parent's ties, as `tie_page` without `after` gives it."""
    limit = checked_first(context, first)
    loader = context.first_neighbours(hop, limit, where)
    waiting = [loader.load(parent_id) for parent_id in parent_ids]
    # As load_many, without gather's callback and wake-up per parent: the futures of one
    # batch are resolved together, so awaiting them in turn suspends about once a batch.
    pages = [await page for page in waiting]
    tag = _tie_tag(hop)
    return [_first_tie_page(tag, page, limit) for page in pages]


def _first_tie_page(tag: str, page: NeighbourPage, limit: int) -> TiePage:
    return TiePage(
        items=list(page.items[:limit]),
        tag=tag,
        has_next=page.total > limit,
        total=page.total,
    )


def _tie_tag(hop: Hop) -> str:
    return "tie:" + "|".join(t.value for t in hop.types)


def _position_after(items: Sequence[Neighbour], keyset: Keyset) -> int:
    for index, item in enumerate(items):
        if item.keyset.values > keyset.values:
            return index
    return len(items)


@dataclass(frozen=True)
class Ranked(Generic[Item]):
    """A page of computed rows, each with its cursor."""

    rows: list[tuple[str, Item]]
    has_next: bool
    has_previous: bool
    total: int


def ranked(
    context: Context,
    items: Sequence[Item],
    value: Callable[[Item], float | None],
    ident: Callable[[Item], str],
    descending: bool,
    tag: str,
    first: int | None,
    after: str | None,
) -> Ranked[Item]:
    """Keyset pages over computed values: nulls last, ties broken by id."""
    limit = checked_first(context, first)

    def key(item: Item) -> tuple[int, float, str]:
        found = value(item)
        if found is None:
            return (1, 0.0, ident(item))
        return (0, -float(found) if descending else float(found), ident(item))

    ordered = sorted(items, key=key)
    start = 0
    if after is not None:
        keyset = cursors.decode(tag, after).values
        try:
            missing, number, last_id = keyset
            mark = (int(missing), float.fromhex(number), last_id)
        except ValueError as error:
            raise BadInputError(f"Cursor '{after}' is malformed.", "after") from error
        start = next((i for i, item in enumerate(ordered) if key(item) > mark), len(ordered))
    chosen = ordered[start : start + limit]
    page = [
        (cursors.encode(tag, Keyset((str(k[0]), k[1].hex(), k[2]))), item)
        for item in chosen
        for k in [key(item)]
    ]
    return Ranked(page, start + limit < len(ordered), start > 0, len(ordered))
