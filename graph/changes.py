"""What changed in the graph, told to whoever listens (the GraphQL `changes` subscription), so
a visualiser can refresh. In-process: writers in other processes are not heard."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from enum import StrEnum

BACKLOG = 1_000


class ChangeAction(StrEnum):
    CREATED = "CREATED"
    UPDATED = "UPDATED"
    REMOVED = "REMOVED"


@dataclass(frozen=True)
class Change:
    action: ChangeAction
    nodes: tuple[str, ...] = ()
    """Node ids (slugs)."""
    ties: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.nodes or self.ties)


class ChangeFeed:
    def __init__(self) -> None:
        self._listeners: set[asyncio.Queue[Change]] = set()

    @property
    def listeners(self) -> int:
        return len(self._listeners)

    def publish(self, *changes: Change) -> None:
        for change in changes:
            if not change:
                continue
            for queue in self._listeners:
                if queue.full():  # a listener that stopped reading loses its oldest news
                    queue.get_nowait()
                queue.put_nowait(change)

    async def listen(self) -> AsyncIterator[Change]:
        queue: asyncio.Queue[Change] = asyncio.Queue(BACKLOG)
        self._listeners.add(queue)
        try:
            while True:
                yield await queue.get()
        finally:
            self._listeners.discard(queue)
