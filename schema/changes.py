"""The `changes` subscription: what was created, updated or removed, as it happens."""

from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry

from graph.changes import ChangeAction
from resolvers.auth import ForbiddenError, revalidated
from schema.enums import described
from schema.info import Info

described(
    ChangeAction,
    "What happened to the nodes and ties named.",
    {
        "CREATED": "They were written for the first time.",
        "UPDATED": "They existed and at least one of their fields or sources changed.",
        "REMOVED": "They were deleted (unlinked, or erased with a person).",
    },
)


@strawberry.type(description="One write: the ids (slugs) of the nodes and ties it touched.")
class GraphChange:
    action: ChangeAction = strawberry.field(description="What the write did to them.")
    node_ids: list[str] = strawberry.field(
        description="The slugs (not global ids) of the nodes it touched."
    )
    tie_ids: list[str] = strawberry.field(description="The ids of the ties it touched.")


@strawberry.type(
    description="Live news over graphql-transport-ws at /graphql, from this server process."
)
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
