"""Relay connections: pages of a list, with the cursors a client asks for."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

import strawberry

from graph.store import NodeQuery
from schema.aggregates import NodeAggregate

T = TypeVar("T")


CursorAt = Callable[[int], str]
"""The cursor of a page's i-th row. Cursors are encoded only when a client asks for them."""


@strawberry.type(description="Where a page stands in its list.")
class PageInfo:
    has_next_page: bool = strawberry.field(
        description="Whether more follow this page: pass `endCursor` as `after` to get them."
    )
    has_previous_page: bool = strawberry.field(
        description="Whether this page was asked for after a cursor (paging is forward only)."
    )
    cursor_at: strawberry.Private[CursorAt]
    size: strawberry.Private[int]

    @strawberry.field(description="The first row's cursor; null on an empty page.")
    def start_cursor(self) -> str | None:
        return self.cursor_at(0) if self.size else None

    @strawberry.field(
        description="The last row's cursor, to pass as `after` for the next page; null on an "
        "empty page."
    )
    def end_cursor(self) -> str | None:
        return self.cursor_at(self.size - 1) if self.size else None


@strawberry.type(description="One node of a page, with its cursor.")
class Edge(Generic[T]):
    node: T = strawberry.field(description="The node at this place in the order.")
    position: strawberry.Private[int]
    cursor_at: strawberry.Private[CursorAt]

    @strawberry.field(
        description="Opaque; pass as `after` for the nodes that follow this one in the same "
        "order. Stays valid across writes: the next page starts strictly after this node's "
        "place in the order."
    )
    def cursor(self) -> str:
        return self.cursor_at(self.position)


@strawberry.type(
    description="A page of a root list, in the order asked for, with the cursors to page on."
)
class Connection(Generic[T]):
    edges: list[Edge[T]] = strawberry.field(description="The nodes on this page, in order.")
    page_info: PageInfo = strawberry.field(description="Whether more follow, and cursors.")
    count: strawberry.Private[Callable[[], Awaitable[int]]]
    selected: strawberry.Private[NodeQuery]
    """What the list selects, its order and page aside: what `aggregate` is over."""

    @strawberry.field(description="How many nodes match, over all pages. Counted when asked.")
    async def total_count(self) -> int:
        return await self.count()

    @strawberry.field(
        description="Aggregates over every node that matches (not only this page): count, "
        "the span of their dates, counts by a key. Computed when asked."
    )
    def aggregate(self) -> NodeAggregate:
        return NodeAggregate(query=self.selected)


def page_info(cursor_at: CursorAt, size: int, has_next: bool, has_previous: bool) -> PageInfo:
    return PageInfo(
        has_next_page=has_next,
        has_previous_page=has_previous,
        cursor_at=cursor_at,
        size=size,
    )
