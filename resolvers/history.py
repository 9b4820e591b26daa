"""A node's or tie's page of the log, newest first, with position cursors."""

from __future__ import annotations

from dataclasses import dataclass

from graph.errors import BadInputError
from graph.history import LogEntry
from graph.store import Keyset
from resolvers import cursors
from resolvers.context import Context
from resolvers.pages import checked_first

TAG = "history"


@dataclass(frozen=True)
class HistoryPage:
    entries: list[LogEntry]
    has_next: bool
    after_given: bool

    def cursor_at(self, index: int) -> str:
        return cursors.encode(TAG, Keyset((str(self.entries[index].position),)))


async def history_page(
    context: Context, subject_type: str, subject: str, first: int | None, after: str | None
) -> HistoryPage:
    size = checked_first(context, first)
    before = None if after is None else _position(after)
    found = await context.store.history(subject_type, subject, before, size + 1)
    return HistoryPage(found[:size], len(found) > size, after is not None)


def _position(cursor: str) -> int:
    values = cursors.decode(TAG, cursor).values
    if len(values) != 1 or not values[0].isdigit():
        raise BadInputError(f"Cursor '{cursor[:40]}' is not a history cursor.", "after")
    return int(values[0])
