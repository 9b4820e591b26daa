"""Copying the whole graph from one store to another, batched, checked by counts at the end."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TypeVar

from graph.errors import BadInputError, PoikkiError
from graph.model import GraphStats, Node, NodeKind, Tie, TieType
from graph.store import GraphStore

Advance = Callable[[int], None]
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
    nodes, ties = await read_all(source, batch, on_read)
    await target.bulk_load(nodes, ties, on_write)
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
