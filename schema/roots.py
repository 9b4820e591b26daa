"""Root connections: every kind of node as a filtered, sorted, keyset-paginated list.

One list per kind, named by its spec (`KIND_SPECS[kind].plural`), with the filter its spec
gives and the order its dates allow.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

import strawberry
from strawberry.types.field import StrawberryField

from graph.model import KIND_SPECS, NodeKind
from graph.store import NodeQuery
from resolvers.pages import root_page
from schema.connections import Connection, Edge, page_info
from schema.filters import KIND_FILTERS, NodeFilter, root_conditions
from schema.info import Info
from schema.inputs import DatedOrder, EntityOrder
from schema.nodes import TYPES, as_graphql

LIST_HELP: Mapping[NodeKind, str] = {
    NodeKind.PERSON: "People in public roles.",
    NodeKind.SOURCE: "Sources; START orders them by publication date.",
}


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
    ) -> Connection[Any]:
        return await _root(info, kind, filter, order_by, first, after)

    # strawberry reads the arguments' and the result's GraphQL types from the annotations,
    # which differ by kind.
    order = DatedOrder if KIND_SPECS[kind].dated else EntityOrder
    resolve.__annotations__ = {
        "info": Info,
        "filter": KIND_FILTERS[kind] | None,
        "order_by": order | None,
        "first": int,
        "after": str | None,
        "return": cast(Any, Connection)[TYPES[kind]],
    }
    field: StrawberryField = strawberry.field(resolver=resolve, description=LIST_HELP.get(kind))
    return field


class ListsQuery:
    """A root list for every kind of node."""


for _kind in NodeKind:
    setattr(ListsQuery, KIND_SPECS[_kind].plural, _root_list(_kind))
strawberry.type(ListsQuery)
