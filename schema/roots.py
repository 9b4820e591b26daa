"""Root connections: every kind of node as a filtered, sorted, keyset-paginated list.

One list per kind, named by its spec (`KIND_SPECS[kind].plural`), with the filter its spec
gives and the order its dates allow.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Annotated, Any, cast

import strawberry
from strawberry.types.field import StrawberryField

from graph.model import KIND_SPECS, NodeKind
from graph.store import NodeQuery
from resolvers.pages import root_page
from schema.as_of import AsOf
from schema.connections import Connection, Edge, page_info
from schema.filters import KIND_FILTERS, NodeFilter, root_conditions
from schema.info import Info
from schema.inputs import DatedOrder, EntityOrder
from schema.nodes import TYPES, as_graphql

LIST_HELP: Mapping[NodeKind, str] = {
    NodeKind.PERSON: "People in public roles.",
    NodeKind.ORGANISATION: "Organisations: municipalities, city branches, companies, NGOs...",
    NodeKind.PROGRAMME: "Development programmes.",
    NodeKind.PROJECT: "Projects, pilots and services.",
    NodeKind.OUTCOME: "Outcomes: services, models, commitments that came of the work.",
    NodeKind.SOURCE: "Sources; START orders them by publication date.",
    NodeKind.GOAL: "Goals programmes and projects set themselves.",
    NodeKind.EVENT: "Events: decisions, meetings, visits, trainings...",
    NodeKind.STORY: "Development stories.",
}
PAGED = " A page at a time, filtered and sorted (by default by name, in Finnish order)."
FILTER_HELP = "Only the nodes that meet every condition given."
ORDER_HELP = "The order; ties are broken by id, so pages are stable."
FIRST_HELP = "How many to return (at most 100)."
AFTER_HELP = "The cursor of the last node seen (`endCursor`): the page after it."


async def _root(
    info: Info,
    kind: NodeKind,
    filter_: NodeFilter | None,
    order_by: EntityOrder | DatedOrder | None,
    first: int,
    after: str | None,
) -> Connection[Any]:
    conditions, match = root_conditions(filter_.match(kind)) if filter_ else ((), None)
    order = (order_by or EntityOrder()).order(kind)
    page = await root_page(info.context, kind, conditions, order, first, after, match)
    return Connection(
        edges=[
            Edge(node=as_graphql(node), position=position, cursor_at=page.cursor_at)
            for position, node in enumerate(page.nodes)
        ],
        page_info=page_info(page.cursor_at, len(page.nodes), page.has_next, after is not None),
        count=page.count,
        selected=NodeQuery(kind, tuple(conditions), match=match),
    )


def _root_list(kind: NodeKind) -> StrawberryField:
    async def resolve(
        self: Any,
        info: Info,
        filter: NodeFilter | None = None,
        order_by: EntityOrder | DatedOrder | None = None,
        first: int = 20,
        after: str | None = None,
        as_of: datetime | None = None,
    ) -> Connection[Any]:
        # `as_of` has pointed the request's store at that moment already (schema/as_of.py).
        return await _root(info, kind, filter, order_by, first, after)

    # strawberry reads the arguments' and the result's GraphQL types from the annotations,
    # which differ by kind.
    order = DatedOrder if KIND_SPECS[kind].dated else EntityOrder
    resolve.__annotations__ = {
        "info": Info,
        "filter": Annotated[KIND_FILTERS[kind] | None, strawberry.argument(FILTER_HELP)],
        "order_by": Annotated[order | None, strawberry.argument(ORDER_HELP)],
        "first": Annotated[int, strawberry.argument(FIRST_HELP)],
        "after": Annotated[str | None, strawberry.argument(AFTER_HELP)],
        "as_of": AsOf,
        "return": cast(Any, Connection)[TYPES[kind]],
    }
    field: StrawberryField = strawberry.field(resolver=resolve, description=LIST_HELP[kind] + PAGED)
    return field


class ListsQuery:
    """A root list for every kind of node."""


for _kind in NodeKind:
    setattr(ListsQuery, KIND_SPECS[_kind].plural, _root_list(_kind))
strawberry.type(ListsQuery)
