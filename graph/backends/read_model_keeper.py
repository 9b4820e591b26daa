"""Keeps the read model at the store's version: built in the background, never served stale.

A model answers only while its version is the store's. A write makes it stale at once, so the
next reads go to the database; the store says so (`stale`), and a rebuild starts after a quiet
pause (as long as the last build took, at most 5 s), so a burst of writes costs one rebuild,
not one each. A build that overlaps
a write is thrown away and started again: the store bumps its version inside its write lock,
after the commit, so "no write was under way at the end and the version is unchanged" means
the build read one committed state.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import time
from collections.abc import Awaitable, Callable, Iterable
from typing import Any, TypeVar

from graph.backends.read_model import HopOrder, ReadModel
from graph.memory import release_freed_memory
from graph.store import Hop

logger = logging.getLogger("poikki.store")

Load = Callable[[int], Awaitable[ReadModel]]
Result = TypeVar("Result")
MAX_QUIET_SECONDS = 5.0
RETRY_SECONDS = 30.0


def _freeze_for_as_long_as_it_serves() -> None:
    """A model serves until the next write: frozen, the cycle collector does not walk its
    containers (a list per node, ~190,000 entries on the large graph) in every full
    collection, which took 4-7 ms each and came every ~15 nested queries. Refcounting still
    frees it when the next model replaces it. No collection first: what is garbage in cycles
    at this moment stays (little: the server's requests leave none, see
    schema/planned_executor.py `_release`). docs/executor.md, "The cycle collector"."""
    gc.freeze()


class ReadModelKeeper:
    def __init__(self, version: Callable[[], int], writes: asyncio.Lock, load: Load) -> None:
        self._version = version
        self._writes = writes
        self._load = load
        self._model: ReadModel | None = None
        self._wanted: set[Hop] = set()
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._job: asyncio.Future[Any] | None = None
        self.builds = 0
        self.last_build_seconds = 0.0

    def start(self) -> None:
        self._task = asyncio.create_task(self._work(), name="poikki-read-model")
        self._wake.set()

    async def close(self) -> None:
        """Stop, after the step under way: a worker thread cannot be stopped, and the database
        must not close under it."""
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
        if self._job is not None:
            await asyncio.gather(self._job, return_exceptions=True)
        self._model = None

    async def _step(self, work: Awaitable[Result]) -> Result:
        """Run one step of work that close() waits for even when the worker is cancelled."""
        self._job = job = asyncio.ensure_future(work)
        return await asyncio.shield(job)

    def stale(self) -> None:
        """The store has written: rebuild (after the quiet pause) without waiting for a read."""
        self._wake.set()

    def current(self) -> ReadModel | None:
        """The model, if it is at the store's version; otherwise None and a rebuild is due."""
        model = self._model
        if model is not None and model.version == self._version():
            return model
        self._wake.set()
        return None

    def hop(self, hop: Hop) -> tuple[ReadModel, HopOrder] | None:
        """The current model and its order along `hop`, or None (then built in the background)."""
        self._wanted.add(hop)
        model = self.current()
        if model is None:
            return None
        order = model.hops.get(hop)
        if order is None:
            self._wake.set()
            return None
        return model, order

    def status(self) -> dict[str, Any]:
        """For /readyz: whether the model is current and has every order asked for."""
        model = self._model
        current = model is not None and model.version == self._version()
        return {
            "current": current,
            "settled": current and model is not None and self._wanted <= model.hops.keys(),
            "builds": self.builds,
            "lastBuildSeconds": round(self.last_build_seconds, 3),
            "nodes": model.nodes.num_rows if model else 0,
            "ties": model.ties.num_rows if model else 0,
            "orders": len(model.hops) if model else 0,
        }

    async def settled(self, hops: Iterable[Hop] = (), timeout: float = 60.0) -> None:
        """Wait until the model is current and ordered along `hops` (for tests and benchmarks)."""
        wanted = set(hops)
        self._wanted |= wanted
        deadline = time.monotonic() + timeout
        while True:
            model = self.current()
            if model is not None and wanted <= model.hops.keys():
                return
            if time.monotonic() > deadline:
                raise TimeoutError(f"The read model did not settle within {timeout} s.")
            self._wake.set()
            await asyncio.sleep(0.01)

    async def _work(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            try:
                await self._catch_up()
            except Exception:
                logger.exception(
                    "The in-memory read model could not be built; reads go to the database "
                    "(retrying in %s s).",
                    RETRY_SECONDS,
                )
                await asyncio.sleep(RETRY_SECONDS)

    async def _catch_up(self) -> None:
        model = self._model
        if model is None or model.version != self._version():
            if model is not None:
                await asyncio.sleep(min(MAX_QUIET_SECONDS, self.last_build_seconds))
            async with self._writes:
                version = self._version()
            started = time.perf_counter()
            candidate = await self._step(self._load(version))
            if self._version() != version or self._writes.locked():
                self._wake.set()
                return
            self._model = model = candidate
            self.builds += 1
            self.last_build_seconds = time.perf_counter() - started
            _freeze_for_as_long_as_it_serves()
            await asyncio.to_thread(release_freed_memory)
        for hop in sorted(self._wanted - model.hops.keys(), key=repr):
            model.hops[hop] = await self._step(asyncio.to_thread(model.hop_order, hop))
