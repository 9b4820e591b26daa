"""`history` on every node and tie: the log's entries about it, newest first."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, cast

import strawberry
from strawberry.scalars import JSON

from graph.history import LogEntry
from resolvers.history import HistoryPage, history_page
from schema.connections import PageInfo, page_info
from schema.info import Info

if TYPE_CHECKING:
    from schema.nodes import Source

First = Annotated[
    int | None,
    strawberry.argument(description="How many entries (newest first); the default page size."),
]
After = Annotated[
    str | None,
    strawberry.argument(description="An entry's cursor: the entries written before it."),
]


@strawberry.type(
    description="One write to a node or tie, as the log recorded it (docs/history.md)."
)
class HistoryEntry:
    position: int = strawberry.field(
        description="The entry's place in the database's log: strictly increasing, the graph "
        "version after the write; `changes(since:)` resumes from it."
    )
    time: datetime = strawberry.field(description="When it was written (UTC).")
    actor: str = strawberry.field(
        description="Who wrote it: a token's name, `cli:<user>` from the command line, or `system`."
    )
    operation: str = strawberry.field(
        description="What the write was: createNode, updateNode, link, updateTie, unlink, "
        "import, bulkLoad, forgetPerson, mergeNodes..."
    )
    before: JSON | None = strawberry.field(
        description="The stored values before the write (fields as the import formats name "
        "them, sources as slugs); null when it did not exist."
    )
    after: JSON | None = strawberry.field(
        description="The stored values after the write; null when it was removed."
    )
    source_ids: strawberry.Private[tuple[str, ...]]

    @strawberry.field(description="The sources the write cited (the ones cited after it).")
    async def sources(self, info: Info) -> list[Annotated[Source, strawberry.lazy("schema.nodes")]]:
        from schema.nodes import sources_of

        return await sources_of(info, self.source_ids)


@strawberry.type(description="One entry of a history, with its cursor.")
class HistoryEdge:
    node: HistoryEntry = strawberry.field(description="The entry.")
    cursor: str = strawberry.field(description="Pass as `after` for the entries before it.")


@strawberry.type(description="A page of a node's or tie's history, newest first.")
class HistoryConnection:
    edges: list[HistoryEdge] = strawberry.field(description="The entries on this page.")
    page_info: PageInfo = strawberry.field(description="Whether older entries follow, and cursors.")


def entry(found: LogEntry) -> HistoryEntry:
    return HistoryEntry(
        position=found.position,
        time=datetime.fromisoformat(found.time),
        actor=found.actor,
        operation=found.operation,
        before=cast(JSON | None, found.values_before()),
        after=cast(JSON | None, found.values_after()),
        source_ids=found.sources,
    )


def connection(page: HistoryPage) -> HistoryConnection:
    return HistoryConnection(
        edges=[
            HistoryEdge(node=entry(found), cursor=page.cursor_at(index))
            for index, found in enumerate(page.entries)
        ],
        page_info=page_info(page.cursor_at, len(page.entries), page.has_next, page.after_given),
    )


async def history_of(
    info: Info, subject_type: str, subject: str, first: int | None, after: str | None
) -> HistoryConnection:
    return connection(await history_page(info.context, subject_type, subject, first, after))
