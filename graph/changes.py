"""What changed in the graph, read from the log (graph/history.py), told to whoever listens
(the GraphQL `changes` subscription) so a view can refresh: writes by this process and by any
other over the same database, resumable from a log position.

Listeners read the log after their position when the version moves on; writers in this
process wake them at once, writers elsewhere are seen within a poll (POLL_SECONDS).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Collection, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import groupby

from graph.history import BULK_SUBJECT, ERASED, LogEntry, node_of, tie_of
from graph.model import Node, NodeKind, Tie, TieType
from graph.store import GraphStore

POLL_SECONDS = 0.2
"""How often a listener looks for writes by other processes (the version is read at most every
100 ms, shared by every listener of a store)."""
BATCH = 500
"""Log entries read at a time."""
_KINDS = {kind.value: kind for kind in NodeKind}
_TYPES = {type_.value: type_ for type_ in TieType}


class ChangeAction(StrEnum):
    CREATED = "CREATED"
    UPDATED = "UPDATED"
    REMOVED = "REMOVED"


@dataclass(frozen=True)
class Change:
    """One write's nodes and ties that met the same fate, as the log has them: after the write,
    or, when removed, before it. An erasure names none."""

    action: ChangeAction
    position: int
    """The log position of the write's last entry here: pass as `since` to resume after it."""
    actor: str
    operation: str
    nodes: tuple[Node, ...] = ()
    ties: tuple[Tie, ...] = ()


@dataclass(frozen=True)
class Interest:
    """Which entries a listener wants: of these node kinds and tie types (None: all of
    either; given only one, only that one)."""

    kinds: Collection[NodeKind] | None = None
    types: Collection[TieType] | None = None

    def wants(self, entry: LogEntry) -> bool:
        kind, type_ = _KINDS.get(entry.subject_type), _TYPES.get(entry.subject_type)
        if kind is None and type_ is None:
            return False  # tokens are not part of the graph
        if self.kinds is None and self.types is None:
            return True
        return (kind is not None and kind in (self.kinds or ())) or (
            type_ is not None and type_ in (self.types or ())
        )


def changes_of(entries: Sequence[LogEntry], interest: Interest = Interest()) -> list[Change]:
    """The entries a listener wants, one Change per write and action (a write's entries share
    their time, actor and operation)."""
    found: list[Change] = []
    wanted = [entry for entry in entries if interest.wants(entry)]
    for (_, actor, operation), group in groupby(
        wanted, key=lambda e: (e.time, e.actor, e.operation)
    ):
        written = list(group)
        for action in ChangeAction:
            mine = [entry for entry in written if _action(entry) is action]
            if mine:
                nodes = tuple(n for n in map(_node, mine) if n is not None)
                ties = tuple(t for t in map(_tie, mine) if t is not None)
                found.append(Change(action, mine[-1].position, actor, operation, nodes, ties))
    return found


def _action(entry: LogEntry) -> ChangeAction:
    if entry.subject == ERASED or entry.after is None:
        return ChangeAction.REMOVED
    return ChangeAction.CREATED if entry.before is None else ChangeAction.UPDATED


def _values(entry: LogEntry) -> dict[str, object] | None:
    if entry.subject in (ERASED, BULK_SUBJECT):
        return None
    return entry.values_after() or entry.values_before()


def _node(entry: LogEntry) -> Node | None:
    kind, values = _KINDS.get(entry.subject_type), _values(entry)
    return None if kind is None or values is None else node_of(kind, values)


def _tie(entry: LogEntry) -> Tie | None:
    type_, values = _TYPES.get(entry.subject_type), _values(entry)
    return None if type_ is None or values is None else tie_of(type_, values)


class ChangeFeed:
    def __init__(self) -> None:
        self._listeners: set[asyncio.Event] = set()

    @property
    def listeners(self) -> int:
        return len(self._listeners)

    def publish(self) -> None:
        """This process wrote: listeners read the log now rather than at their next poll."""
        for wake in self._listeners:
            wake.set()

    async def listen(self, store: GraphStore, after: int) -> AsyncIterator[list[LogEntry]]:
        """The log's entries after `after`, a batch at a time, as they are written."""
        wake = asyncio.Event()
        self._listeners.add(wake)
        try:
            while True:
                if await store.sync_version() > after or wake.is_set():
                    wake.clear()
                    while entries := await store.log_entries(after, BATCH):
                        after = entries[-1].position
                        yield entries
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(wake.wait(), POLL_SECONDS)
        finally:
            self._listeners.discard(wake)
