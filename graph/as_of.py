"""The knowledge as it was recorded at a log position: the current graph with every later log
entry undone, newest first (docs/history.md).

Undoing, not replaying, keeps what the log never saw: nodes stored before the log existed stand
as first recorded. A bulk load's entry undone empties its kind (a bulk load needs an empty
graph); an erased entry is not undone (the erased person stays erased in the past too).

A snapshot is loaded into an embedded database of its own, so it is read through the same store
paths as the live graph; a few are kept, by position.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path

from graph.backends.ladybug import LadybugStore
from graph.history import BULK_SUBJECT, ERASED, LogEntry, node_of, tie_of
from graph.model import Node, NodeKind, Tie, TieType
from graph.store import GraphStore

KEPT = 2
"""Snapshots kept (each holds a whole graph in a database folder)."""
BATCH = 5_000
_KINDS = {kind.value: kind for kind in NodeKind}
_TYPES = {type_.value: type_ for type_ in TieType}


async def graph_at(store: GraphStore, position: int) -> tuple[list[Node], list[Tie]]:
    """Every node and tie as recorded at `position` (the store's version: as it is now)."""
    nodes: dict[tuple[NodeKind, str], Node] = {}
    for kind in NodeKind:
        after: str | None = None
        while found := await store.scan_nodes(kind, after, BATCH):
            nodes.update(((kind, node.id), node) for node in found)
            after = found[-1].id
    ties: dict[tuple[TieType, str], Tie] = {}
    for type_ in TieType:
        after = None
        while batch := await store.scan_ties(type_, after, BATCH):
            ties.update(((type_, tie.id), tie) for tie in batch)
            after = batch[-1].id
    for entry in reversed(await _entries_after(store, position)):
        _undo(entry, nodes, ties)
    return list(nodes.values()), list(ties.values())


async def _entries_after(store: GraphStore, position: int) -> list[LogEntry]:
    entries: list[LogEntry] = []
    while found := await store.log_entries(entries[-1].position if entries else position, BATCH):
        entries += found
    return entries


def _undo(
    entry: LogEntry, nodes: dict[tuple[NodeKind, str], Node], ties: dict[tuple[TieType, str], Tie]
) -> None:
    if entry.subject == ERASED:
        return
    kind, type_ = _KINDS.get(entry.subject_type), _TYPES.get(entry.subject_type)
    before = entry.values_before()
    if kind is not None:
        if entry.subject == BULK_SUBJECT:
            for key in [key for key in nodes if key[0] is kind]:
                del nodes[key]
        elif before is None:
            nodes.pop((kind, entry.subject), None)
        else:
            nodes[(kind, entry.subject)] = node_of(kind, before)
    elif type_ is not None:
        if entry.subject == BULK_SUBJECT:
            for tie_key in [key for key in ties if key[0] is type_]:
                del ties[tie_key]
        elif before is None:
            ties.pop((type_, entry.subject), None)
        else:
            ties[(type_, entry.subject)] = tie_of(type_, before)


class Snapshots:
    """Stores over the graph as recorded at a position, made when first asked for."""

    def __init__(self, folder: Path | None = None) -> None:
        self._folder = folder
        self._kept: OrderedDict[tuple[int, int], tuple[LadybugStore, Path]] = OrderedDict()
        self._lock = asyncio.Lock()

    async def at(self, store: GraphStore, moment: str) -> GraphStore:
        """The store to read the knowledge as recorded at `moment` (ISO 8601 UTC) from: the
        live one when nothing was written since."""
        position = await store.position_at(moment)
        now = await store.sync_version()
        if position >= now:
            return store
        # Kept per version too: an erasure since rewrites the past (docs/history.md).
        key = (position, now)
        async with self._lock:
            kept = self._kept.get(key)
            if kept is not None:
                self._kept.move_to_end(key)
                return kept[0]
            nodes, ties = await graph_at(store, position)
            folder = Path(tempfile.mkdtemp(prefix=f"poikki-as-of-{position}-", dir=self._folder))
            snapshot = LadybugStore(folder / "graph.lbug")
            await snapshot.open()
            await snapshot.bulk_load(_sources_first(nodes), ties)
            self._kept[key] = (snapshot, folder)
            while len(self._kept) > KEPT:
                _, (old, old_folder) = self._kept.popitem(last=False)
                await old.close()
                shutil.rmtree(old_folder, ignore_errors=True)
            return snapshot

    async def close(self) -> None:
        async with self._lock:
            while self._kept:
                _, (old, folder) = self._kept.popitem()
                await old.close()
                shutil.rmtree(folder, ignore_errors=True)


def _sources_first(nodes: Sequence[Node]) -> list[Node]:
    return sorted(nodes, key=lambda node: node.kind is not NodeKind.SOURCE)
