"""The `changes` subscription: what was created, updated or removed, read from the log, by this
server process or any other writing to the same database; resumable from a log position."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import TYPE_CHECKING, Annotated

import strawberry

from graph.changes import Change, ChangeAction, Interest, changes_of
from graph.errors import BadInputError
from resolvers.auth import ForbiddenError, revalidated
from schema.enums import NodeKind, TieType, described
from schema.info import Info

if TYPE_CHECKING:
    from schema.curation_results import StoredTie
    from schema.nodes import Entity

described(
    ChangeAction,
    "What happened to the nodes and ties named.",
    {
        "CREATED": "They were written for the first time.",
        "UPDATED": "They existed and at least one of their fields or sources changed.",
        "REMOVED": "They were deleted (unlinked, or erased with a person: then none is named).",
    },
)

Since = Annotated[
    int | None,
    strawberry.argument(
        description="A log position (a change's or a history entry's `position`): the changes "
        "written after it, then every new one. Null: from now on."
    ),
]
Kinds = Annotated[
    list[NodeKind] | None,
    strawberry.argument(description="Only changes to nodes of these kinds (and `types`)."),
]
Types = Annotated[
    list[TieType] | None,
    strawberry.argument(description="Only changes to ties of these types (and `kinds`)."),
]


@strawberry.type(
    description="One write's nodes and ties that met the same fate, named so a client cache "
    "can find them: nodes by global id with their __typename, ties by id and type."
)
class GraphChange:
    action: ChangeAction = strawberry.field(description="What the write did to them.")
    position: int = strawberry.field(
        description="The log position of this change: pass as `since` to resume after it."
    )
    actor: str = strawberry.field(
        description="Who wrote it: a token's name, `cli:<user>`, or `system`."
    )
    operation: str = strawberry.field(
        description="The write: createNode, updateNode, link, unlink, import, forgetPerson..."
    )
    record: strawberry.Private[Change]

    @strawberry.field(
        description="The nodes it touched, as they are after the write (removed ones as they "
        "were before), with global ids accepted by `node(id)`."
    )
    def nodes(self) -> list[Annotated[Entity, strawberry.lazy("schema.nodes")]]:
        from schema.nodes import as_graphql

        return [as_graphql(node) for node in self.record.nodes]

    @strawberry.field(description="The ties it touched, after the write (removed: before).")
    def ties(self) -> list[Annotated[StoredTie, strawberry.lazy("schema.curation_results")]]:
        from schema.curation_results import stored_tie

        return [stored_tie(tie) for tie in self.record.ties]

    @strawberry.field(
        description="The slugs (not global ids) of the nodes it touched; `nodes` has their "
        "global ids."
    )
    def node_ids(self) -> list[str]:
        return [node.id for node in self.record.nodes]

    @strawberry.field(description="The ids of the ties it touched.")
    def tie_ids(self) -> list[str]:
        return [tie.id for tie in self.record.ties]


@strawberry.type(
    description="Live news over graphql-transport-ws at /graphql, from the database's log."
)
class Subscription:
    @strawberry.subscription(
        description="Every write from `since` on, by any process writing to this database, so "
        "a view can refresh. Ends when the subscriber's token is revoked."
    )
    async def changes(
        self, info: Info, since: Since = None, kinds: Kinds = None, types: Types = None
    ) -> AsyncGenerator[GraphChange, None]:
        context = info.context
        if since is not None and since < 0:
            raise BadInputError(f"`since` is a log position, 0 or more; got {since}.", "since")
        interest = Interest(
            None if kinds is None else frozenset(kinds), None if types is None else frozenset(types)
        )
        after = since if since is not None else await context.store.sync_version()
        async for entries in context.feed.listen(context.store, after):
            context.viewer = await revalidated(context.store, context.viewer)
            if context.viewer.bad_token:
                raise ForbiddenError("The bearer token is no longer valid.")
            for change in changes_of(entries, interest):
                yield GraphChange(
                    action=change.action,
                    position=change.position,
                    actor=change.actor,
                    operation=change.operation,
                    record=change,
                )
