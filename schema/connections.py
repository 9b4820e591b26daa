"""Relay connections: root lists of nodes, and a node's ties with their properties on the edges."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Annotated, Generic, TypeVar

import strawberry

from schema.enums import SeatType, TieType
from schema.scalars import PartialDate

if TYPE_CHECKING:
    from schema.nodes import Source

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

    @strawberry.field(description="How many nodes match, over all pages. Counted when asked.")
    async def total_count(self) -> int:
        return await self.count()


@strawberry.type(description="A tie to the node, with the tie's own properties.")
class TieEdge(Generic[T]):
    node: T
    tie_id: str = strawberry.field(description="The tie's stable identifier.")
    type: TieType
    role: str | None
    start: PartialDate | None
    end: PartialDate | None
    seat_type: SeatType | None = strawberry.field(
        description="On steering-group seats: elected official or civil servant."
    )
    source_ids: strawberry.Private[tuple[str, ...]]
    position: strawberry.Private[int]
    cursor_at: strawberry.Private[CursorAt]

    @strawberry.field
    def cursor(self) -> str:
        return self.cursor_at(self.position)

    @strawberry.field(description="The sources that state this tie.")
    async def sources(
        self, info: strawberry.Info
    ) -> list[Annotated[Source, strawberry.lazy("schema.nodes")]]:
        from schema.nodes import sources_of

        return await sources_of(info, self.source_ids)


@strawberry.type
class TieConnection(Generic[T]):
    edges: list[TieEdge[T]]
    page_info: PageInfo
    total_count: int = strawberry.field(description="How many ties there are, over all pages.")


def page_info(cursor_at: CursorAt, size: int, has_next: bool, has_previous: bool) -> PageInfo:
    return PageInfo(
        has_next_page=has_next,
        has_previous_page=has_previous,
        cursor_at=cursor_at,
        size=size,
    )
