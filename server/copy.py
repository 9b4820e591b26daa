"""Copying the whole graph and its log from one store to another, batched, checked by counts
at the end."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TypeVar

from graph.errors import BadInputError, PoikkiError
from graph.history import Attribution, LogEntry, Operation
from graph.model import GraphStats, Node, NodeKind, Tie, TieType
from graph.store import GraphStore

Advance = Callable[[int], None]
COPY = Attribution("copy", Operation.BULK_LOAD)
"""Who a copy of a graph without a log is logged as."""
Item = TypeVar("Item", Node, Tie)


class CopyMismatchError(PoikkiError):
    """The target's counts differ from the source's after a copy."""


@dataclass(frozen=True)
class CopyReport:
    nodes: int
    ties: int
    stats: GraphStats


async def total_items(store: GraphStore) -> int:
    stats = await store.stats()
    return sum(stats.nodes.values()) + sum(stats.ties.values())


async def read_all(
    source: GraphStore, batch: int, advance: Advance
) -> tuple[list[Node], list[Tie]]:
    nodes: list[Node] = []
    for kind in NodeKind:
        nodes += await _scan(partial(source.scan_nodes, kind, limit=batch), advance)
    ties: list[Tie] = []
    for type_ in TieType:
        ties += await _scan(partial(source.scan_ties, type_, limit=batch), advance)
    return nodes, ties


async def read_log(source: GraphStore, batch: int) -> list[LogEntry]:
    """The source's whole log, oldest first: a copy keeps the history and its positions."""
    entries: list[LogEntry] = []
    while found := await source.log_entries(entries[-1].position if entries else 0, batch):
        entries += found
    return entries


async def copy_graph(
    source: GraphStore,
    target: GraphStore,
    *,
    batch: int = 5_000,
    on_read: Advance = lambda _: None,
    on_write: Advance = lambda _: None,
) -> CopyReport:
    """Copy everything into an empty target; a failed copy leaves the target empty."""
    if await total_items(target):
        raise BadInputError(
            "The target database is not empty; copy only into an empty one (clear it first)."
        )
    before = await source.stats()
    log = await read_log(source, batch)
    if log and await target.sync_version():
        raise BadInputError(
            "The target database has a history of its own; copy only into a new database."
        )
    nodes, ties = await read_all(source, batch, on_read)
    await target.bulk_load(nodes, ties, on_write, COPY, log)
    after = await target.stats()
    if after != before:
        raise CopyMismatchError(
            f"After the copy the counts differ: source {before}, target {after}."
        )
    return CopyReport(nodes=len(nodes), ties=len(ties), stats=after)


async def _scan(
    fetch: Callable[[str | None], Awaitable[Sequence[Item]]], advance: Advance
) -> list[Item]:
    found: list[Item] = []
    after: str | None = None
    while batch := await fetch(after):
        found += batch
        advance(len(batch))
        after = batch[-1].id
    return found
