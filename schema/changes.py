"""The `changes` subscription: what was created, updated or removed, as it happens."""

from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry

from graph.changes import ChangeAction
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
        description="Every write from now on (in this server process), so a view can refresh."
    )
    async def changes(self, info: Info) -> AsyncGenerator[GraphChange, None]:
        async for change in info.context.feed.listen():
            yield GraphChange(
                action=change.action, node_ids=list(change.nodes), tie_ids=list(change.ties)
            )
