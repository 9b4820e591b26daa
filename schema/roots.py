"""Root connections: every kind of node as a filtered, sorted, keyset-paginated list."""

from __future__ import annotations

from typing import Any

import strawberry

from resolvers.pages import root_page
from schema.connections import Connection, Edge, page_info
from schema.enums import NodeKind
from schema.info import Info
from schema.inputs import (
    DatedFilter,
    DatedOrder,
    EntityFilter,
    EntityOrder,
    EventFilter,
    OrganisationFilter,
    SourceFilter,
)
from schema.nodes import (
    Event,
    Goal,
    Organisation,
    Outcome,
    Person,
    Programme,
    Project,
    Source,
    Story,
    as_graphql,
)

Filter = EntityFilter | None
Ordering = EntityOrder | DatedOrder | None


async def _root(
    info: Info, kind: NodeKind, filter_: Filter, order_by: Ordering, first: int, after: str | None
) -> Connection[Any]:
    conditions = filter_.conditions(kind) if filter_ else []
    order = (order_by or EntityOrder()).order()
    page = await root_page(info.context, kind, conditions, order, first, after)
    return Connection(
        edges=[
            Edge(node=as_graphql(node), position=position, cursor_at=page.cursor_at)
            for position, node in enumerate(page.nodes)
        ],
        page_info=page_info(page.cursor_at, len(page.nodes), page.has_next, after is not None),
        count=page.count,
    )


@strawberry.type
class ListsQuery:
    @strawberry.field(description="People in public roles.")
    async def people(
        self,
        info: Info,
        filter: EntityFilter | None = None,
        order_by: EntityOrder | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> Connection[Person]:
        return await _root(info, NodeKind.PERSON, filter, order_by, first, after)

    @strawberry.field
    async def organisations(
        self,
        info: Info,
        filter: OrganisationFilter | None = None,
        order_by: EntityOrder | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> Connection[Organisation]:
        return await _root(info, NodeKind.ORGANISATION, filter, order_by, first, after)

    @strawberry.field
    async def programmes(
        self,
        info: Info,
        filter: DatedFilter | None = None,
        order_by: DatedOrder | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> Connection[Programme]:
        return await _root(info, NodeKind.PROGRAMME, filter, order_by, first, after)

    @strawberry.field
    async def projects(
        self,
        info: Info,
        filter: DatedFilter | None = None,
        order_by: DatedOrder | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> Connection[Project]:
        return await _root(info, NodeKind.PROJECT, filter, order_by, first, after)

    @strawberry.field
    async def outcomes(
        self,
        info: Info,
        filter: DatedFilter | None = None,
        order_by: DatedOrder | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> Connection[Outcome]:
        return await _root(info, NodeKind.OUTCOME, filter, order_by, first, after)

    @strawberry.field(description="Sources; START orders them by publication date.")
    async def sources(
        self,
        info: Info,
        filter: SourceFilter | None = None,
        order_by: DatedOrder | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> Connection[Source]:
        return await _root(info, NodeKind.SOURCE, filter, order_by, first, after)

    @strawberry.field
    async def goals(
        self,
        info: Info,
        filter: EntityFilter | None = None,
        order_by: EntityOrder | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> Connection[Goal]:
        return await _root(info, NodeKind.GOAL, filter, order_by, first, after)

    @strawberry.field
    async def events(
        self,
        info: Info,
        filter: EventFilter | None = None,
        order_by: DatedOrder | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> Connection[Event]:
        return await _root(info, NodeKind.EVENT, filter, order_by, first, after)

    @strawberry.field
    async def stories(
        self,
        info: Info,
        filter: DatedFilter | None = None,
        order_by: DatedOrder | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> Connection[Story]:
        return await _root(info, NodeKind.STORY, filter, order_by, first, after)
