"""The child process a heavy network question runs in: its answer and its errors come back,
and whatever happens to it (no memory, a crash, a cancelled request) the caller survives with
a coded error."""

from __future__ import annotations

import asyncio
import gc
import os
import signal
import time
from pathlib import Path

import pytest

from graph.analytics.isolation import ComputationFailedError, run_isolated
from graph.analytics.projection import Mode, Weighting
from graph.analytics.scope import Scope
from graph.analytics.service import Analytics
from graph.backends.ladybug import LadybugStore
from graph.errors import BadInputError, LimitExceededError, NotFoundError
from graph.model import Boundary
from seed.knowledge import seed_graph


def _in_child_pid() -> int:
    return os.getpid()


async def test_the_answer_comes_back_from_a_child() -> None:
    assert await run_isolated(lambda: sum(range(1000))) == 499_500
    assert await run_isolated(_in_child_pid) != os.getpid()


async def test_the_child_computes_at_a_lower_priority_than_the_server() -> None:
    server_niceness = os.nice(0)
    assert await run_isolated(lambda: os.nice(0)) >= min(server_niceness + 10, 19)
    assert os.nice(0) == server_niceness


async def test_our_errors_come_back_whole() -> None:
    def missing() -> None:
        raise NotFoundError("Node in the scope", "nobody")

    with pytest.raises(NotFoundError) as found:
        await run_isolated(missing)
    assert (found.value.what, found.value.ident) == ("Node in the scope", "nobody")

    def bad() -> None:
        raise BadInputError("no such thing", "scope")

    with pytest.raises(BadInputError) as refused:
        await run_isolated(bad)
    assert refused.value.field == "scope"


async def test_a_child_out_of_memory_is_limit_exceeded() -> None:
    def greedy() -> bytearray:
        return bytearray(1 << 46)  # 64 TiB: past any machine's memory and the child's limit

    with pytest.raises(LimitExceededError, match="more memory"):
        await run_isolated(greedy)


async def test_a_child_past_its_memory_limit_is_killed_and_answered() -> None:
    """The server watches what the child makes its own and kills it past the limit: a
    computation that keeps allocating never reaches the machine's end."""

    def grows() -> int:
        kept = []
        for _ in range(80):  # 4 GB over 4 s at the least, should the watch fail
            kept.append(b"x" * (50 << 20))
            time.sleep(0.05)
        return len(kept)

    with pytest.raises(LimitExceededError, match="more than 200 MB"):
        await run_isolated(grows, memory_limit=200 << 20)


@pytest.mark.parametrize(
    ("sig", "error"),
    [(signal.SIGKILL, LimitExceededError), (signal.SIGSEGV, ComputationFailedError)],
)
async def test_a_child_that_dies_is_answered_with_a_coded_error(
    sig: signal.Signals, error: type[Exception]
) -> None:
    """SIGKILL is what the kernel's out-of-memory killer sends; SIGSEGV a crash in C."""

    def dies() -> None:
        os.kill(os.getpid(), sig)

    with pytest.raises(error):
        await run_isolated(dies)


async def test_a_cancelled_question_kills_its_child(tmp_path: Path) -> None:
    marker = tmp_path / "child.pid"

    def long() -> None:
        marker.write_text(str(os.getpid()))
        time.sleep(600)

    task = asyncio.ensure_future(run_isolated(long))
    deadline = time.monotonic() + 60
    while not marker.exists() or not marker.read_text():
        assert time.monotonic() < deadline, "the child never started"
        await asyncio.sleep(0.01)
    child = int(marker.read_text())
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    while _alive(child):
        assert time.monotonic() < deadline, "the child was not killed"
        await asyncio.sleep(0.01)


def _alive(pid: int) -> bool:
    """True while the process exists and is not a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


async def test_a_cached_answer_from_a_child_is_not_walked_by_the_cycle_collector(
    tmp_path: Path,
) -> None:
    """An answer lives in the cache until the next write: it is frozen with the snapshot, so
    a full collection does not walk its objects (32 cached answers of a large graph made each
    one a pause of the event loop)."""
    store = LadybugStore(tmp_path / "seed.lbug")
    await store.open()
    try:
        await store.bulk_load(*seed_graph())
        analytics = Analytics(store, isolate_above=0)
        answer = await analytics.measures(
            Scope(), Mode.PEOPLE, Weighting.NEWMAN, Boundary.SECTOR, seed=1
        )
        assert answer.nodes, "the seed's people projection has nodes"
        walked = {id(thing) for thing in gc.get_objects()}
        assert not any(id(node) in walked for node in answer.nodes)
        again = await analytics.measures(
            Scope(), Mode.PEOPLE, Weighting.NEWMAN, Boundary.SECTOR, seed=1
        )
        assert again is answer  # from the cache
    finally:
        gc.unfreeze()
        await store.close()
