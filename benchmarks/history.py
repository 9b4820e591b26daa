"""What the log costs: bulk import and a mutation's write with the log and without, and a
node's `history` read, on the benchmark's graph.

"Without" is the store with its log calls replaced by what they did before the log existed
(the writes' transaction and a version bump): a baseline that exists only here.
"""

from __future__ import annotations

import asyncio
import random
import shutil
import statistics
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from graph.backends.ladybug import LadybugStore
from graph.cypher import Statement
from graph.history import Attribution, LogEntry, Operation
from graph.model import Node, NodeKind, Tie

MUTATIONS = 200
HISTORY_READS = 200
EDITOR = Attribution("benchmark-editor", Operation.UPDATE_NODE)


class UnloggedStore(LadybugStore):
    """The embedded store as it wrote before the log: no entries, a version counted here."""

    async def _logged(self, statements: Sequence[Statement], rows: list[dict[str, Any]]) -> None:
        await self._transaction(statements)
        self.version += 1

    async def _log_bulk_load(
        self, by: Attribution, nodes: Sequence[Node], ties: Sequence[Tie], log: Sequence[LogEntry]
    ) -> None:
        self.version += 1


async def bulk_seconds(
    database: Path, nodes: Sequence[Node], ties: Sequence[Tie], *, logged: bool
) -> float:
    """A bulk load into a fresh database, with the log or without it, in seconds."""
    store = LadybugStore(database) if logged else UnloggedStore(database)
    await store.open()
    try:
        started = time.perf_counter()
        await store.bulk_load(nodes, ties)
        return time.perf_counter() - started
    finally:
        await store.close()


async def _measure(database: Path, people: Sequence[Node]) -> dict[str, Any]:
    """Rename people one write at a time (an updateNode's store write), alternately through a
    store with the log and one without over the same database (they share its handle), so
    neither gains from going second; then read the logged people's histories."""
    store, unlogged = LadybugStore(database), UnloggedStore(database)
    await store.open()
    await unlogged.open()
    took: dict[bool, list[float]] = {True: [], False: []}
    written = []
    try:
        for number, person in enumerate(people):
            logged = number % 2 == 1
            renamed = replace(person, name=f"{person.name} ({number})")
            started = time.perf_counter()
            await (store if logged else unlogged).upsert([renamed], [], EDITOR)
            took[logged].append((time.perf_counter() - started) * 1000)
            if logged:
                written.append(person.id)
        reads = []
        for person_id in random.Random(0).choices(written, k=HISTORY_READS):
            started = time.perf_counter()
            found = await store.history(NodeKind.PERSON.value, person_id, None, 20)
            reads.append((time.perf_counter() - started) * 1000)
            assert len(found) == 1, found
        log_entries = await store.sync_version()
    finally:
        await unlogged.close()
        await store.close()
    return {
        "mutation_p50_ms": statistics.median(took[True]),
        "mutation_unlogged_p50_ms": statistics.median(took[False]),
        "history_p50_ms": statistics.median(reads),
        "log_entries": log_entries,
        "mutations": len(people),
    }


def chosen_people(nodes: Sequence[Node]) -> list[Node]:
    """The people the mutations rename: every other one without the log."""
    people = [node for node in nodes if node.kind is NodeKind.PERSON]
    return random.Random(1).sample(people, min(MUTATIONS * 2, len(people)))


def writes_and_reads(database: Path, people: Sequence[Node]) -> dict[str, Any]:
    """Mutations without the log and with it, then `history` reads of the people written."""
    return asyncio.run(_measure(database, people))


BULK_ROUNDS = 2
"""Loads each way, alternating; the fastest of each counts (one load varies by ~15 % from run
to run on a shared machine, more than the log's own cost)."""


def bulk_baseline(folder: Path, nodes: Sequence[Node], ties: Sequence[Tie]) -> dict[str, Any]:
    """Bulk loads without the log and with it, alternating, each into a fresh folder (removed
    after), after the suite's own (first, colder) logged load: the fastest of each way."""
    taken: dict[bool, list[float]] = {False: [], True: []}
    for _ in range(BULK_ROUNDS):
        for logged in (False, True):
            database = folder / ("logged" if logged else "unlogged") / "poikki.lbug"
            database.parent.mkdir(parents=True)
            try:
                taken[logged].append(
                    asyncio.run(bulk_seconds(database, nodes, ties, logged=logged))
                )
            finally:
                shutil.rmtree(database.parent)
    folder.rmdir()
    seconds = {logged: min(found) for logged, found in taken.items()}
    return {
        "unlogged_seconds": seconds[False],
        "logged_seconds": seconds[True],
        "unlogged_ties_per_s": len(ties) / seconds[False],
        "logged_ties_per_s": len(ties) / seconds[True],
        "log_cost_pct": 100 * (seconds[True] - seconds[False]) / seconds[False],
    }
