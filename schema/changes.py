"""The `changes` subscription: what was created, updated or removed, as it happens."""

from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry

from graph.changes import ChangeAction
from resolvers.auth import ForbiddenError, revalidated
from schema.info import Info

strawberry.enum(ChangeAction, description="What happened to the nodes and ties named.")


@strawberry.type(description="One write: the ids (slugs) of the nodes and ties it touched.")
class GraphChange:
    action: ChangeAction
    node_ids: list[str]
    tie_ids: list[str]


@strawberry.type
class Subscription:
    @strawberry.subscription(
        description="Every write from now on (in this server process), so a view can refresh. "
        "Ends when the subscriber's token is revoked."
    )
    async def changes(self, info: Info) -> AsyncGenerator[GraphChange, None]:
        context = info.context
        async for change in context.feed.listen():
            context.viewer = await revalidated(context.store, context.viewer)
            if context.viewer.bad_token:
                raise ForbiddenError("The bearer token is no longer valid.")
            yield GraphChange(
                action=change.action, node_ids=list(change.nodes), tie_ids=list(change.ties)
            )
