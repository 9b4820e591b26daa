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


@strawberry.type(description="Where a page stands in its list.")
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    cursor: str
    node: T


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
    cursor: str
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


def page_info(cursors: list[str], has_next: bool, has_previous: bool) -> PageInfo:
    return PageInfo(
        has_next_page=has_next,
        has_previous_page=has_previous,
        start_cursor=cursors[0] if cursors else None,
        end_cursor=cursors[-1] if cursors else None,
    )
