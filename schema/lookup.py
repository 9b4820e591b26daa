"""Looking nodes up by global id (Relay) and by text."""

from __future__ import annotations

import asyncio

import strawberry

from graph.errors import BadInputError, NotFoundError
from resolvers import global_ids
from resolvers.pages import checked_first
from schema.enums import NodeKind
from schema.info import Info
from schema.nodes import Entity, Node, as_graphql


@strawberry.type
class LookupQuery:
    @strawberry.field(description="The node with this global id; NOT_FOUND if there is none.")
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:
        kind, slug = global_ids.decode(str(id))
        record = await info.context.nodes(kind).load(slug)
        if record is None:
            raise NotFoundError(kind.value, str(id))
        return as_graphql(record)

    @strawberry.field(description="Nodes by global id, in the order asked; null where unknown.")
    async def nodes(self, info: Info, ids: list[strawberry.ID]) -> list[Node | None]:
        checked_first(info.context, len(ids))
        decoded = [global_ids.decode(str(i)) for i in ids]
        found = await asyncio.gather(
            *(info.context.nodes(kind).load(slug) for kind, slug in decoded)
        )
        return [None if record is None else as_graphql(record) for record in found]

    @strawberry.field(description="Nodes whose name or description contains the text.")
    async def search(
        self, info: Info, text: str, kinds: list[NodeKind] | None = None, first: int = 20
    ) -> list[Entity]:
        limit = checked_first(info.context, first)
        needle = text.strip()
        if not needle or len(needle) > info.context.limits.max_search_text:
            raise BadInputError(
                f"`text` must have 1 to {info.context.limits.max_search_text} characters.", "text"
            )
        wanted = list(kinds) if kinds else list(NodeKind)
        found = await info.context.store.search(needle, wanted, limit)
        return [as_graphql(record) for record in found]
