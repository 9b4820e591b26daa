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
    has_next_page: bool
    has_previous_page: bool
    cursor_at: strawberry.Private[CursorAt]
    size: strawberry.Private[int]

    @strawberry.field
    def start_cursor(self) -> str | None:
        return self.cursor_at(0) if self.size else None

    @strawberry.field
    def end_cursor(self) -> str | None:
        return self.cursor_at(self.size - 1) if self.size else None


@strawberry.type
class Edge(Generic[T]):
    node: T
    position: strawberry.Private[int]
    cursor_at: strawberry.Private[CursorAt]

    @strawberry.field
    def cursor(self) -> str:
        return self.cursor_at(self.position)


@strawberry.type
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
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
