"""Heavy network computations in a child process forked for the purpose.

igraph's C core holds the GIL for seconds at a time (closeness on a few thousand vertices,
building a graph of millions of edges), and a projection of a few very large initiatives can
need more memory than the machine has. In a forked child neither reaches the serving process:
its event loop keeps answering, a child that runs out of memory or crashes is answered with a
coded error, and a child whose request was cancelled (its time budget ran out, its client went
away) is killed. The child inherits the parent's snapshot and caches without copying them
(copy-on-write) and sends back only its result, pickled.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import faulthandler
import io
import os
import pickle
import signal
import warnings
from collections.abc import Callable, Hashable
from typing import Any, Protocol, TypeVar, cast

from graph.errors import LimitExceededError, PoikkiError

T = TypeVar("T")

_NICENESS = 10
"""How much lower than the server the child computes: on a machine with as many busy processes
as cores, the scheduler then gives the server (and its clients) the CPU first, so quick answers
stay quick while a heavy one computes."""
_MEMORY_SHARE = 0.75
"""Of the memory available when the child starts, how much it may make its own."""
_WATCH_SECONDS = 0.2
_PR_SET_PDEATHSIG = 1


class Shared(Protocol):
    """Objects the child and the server both hold (the child is a fork): the child's answer
    names them by a reference instead of copying them, and the server takes its own."""

    def reference(self, thing: object) -> Hashable | None:
        """A reference to `thing` if it is shared, else None."""

    def dereference(self, reference: Any) -> object:
        """The shared object a reference names."""


class ComputationFailedError(PoikkiError):
    """The child computing an answer crashed (not for lack of memory)."""


def can_isolate() -> bool:
    return hasattr(os, "fork")


async def run_isolated(
    compute: Callable[[], T], memory_limit: int | None = None, shared: Shared | None = None
) -> T:
    """`compute()` in a forked child; its result, or the exception it raised, here. The child
    is killed when the memory it has of its own passes `memory_limit` bytes (by default a
    share of what was available when it started): LimitExceededError. What `shared` can
    reference travels as its reference."""
    limit = _default_memory_limit() if memory_limit is None else memory_limit
    read_end, write_end = os.pipe()
    with warnings.catch_warnings():
        # Python 3.12+ warns of forking a process with threads: the child only computes and
        # exits, touching none of the locks other threads may hold (logging's are re-made).
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:  # pragma: no cover - the child; covered by the tests through its answers
        os.close(read_end)
        _child(compute, write_end, shared)
    os.close(write_end)
    reading = asyncio.ensure_future(asyncio.to_thread(_read_all, read_end))
    overran = False
    try:
        while not reading.done():
            await asyncio.wait({reading}, timeout=_WATCH_SECONDS)
            # Reading the child's page counts walks its page tables (about 12 ms for a
            # gigabyte): in a thread, so the event loop keeps serving meanwhile.
            if not reading.done() and await asyncio.to_thread(_own_memory, pid) > limit:
                overran = True
                _kill(pid)  # the reading thread then meets the end of the pipe
        payload = reading.result()
    except BaseException:
        _kill(pid)
        asyncio.get_running_loop().run_in_executor(None, _reap, pid)
        raise
    status = await asyncio.to_thread(_reap, pid)
    if overran:
        raise LimitExceededError(
            f"The computation needed more than {limit // 2**20:,} MB and was stopped. Narrow "
            "the scope."
        )
    # Unpickling a large answer takes a tenth of a second or more: in a thread, so the event
    # loop gets the GIL back every switch interval instead of waiting for the whole answer.
    return cast(T, await asyncio.to_thread(_outcome, payload, status, shared))


def _child(
    compute: Callable[[], T], write_end: int, shared: Shared | None
) -> None:  # pragma: no cover
    code = 1
    try:
        faulthandler.disable()  # a crash is reported by the parent, from the exit status
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        _be_first_to_go()
        os.nice(_NICENESS)
        try:
            outcome: tuple[str, object] = ("ok", compute())
        except MemoryError:
            outcome = ("memory", None)
        except BaseException as error:
            outcome = ("error", _portable(error))
        try:
            data = _pickled(outcome, shared)
        except MemoryError:
            data = pickle.dumps(("memory", None))
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(data)
        code = 0
    finally:
        os._exit(code)


def _be_first_to_go() -> None:  # pragma: no cover
    """If the machine runs out of memory anyway, the kernel kills the child, not the server;
    and the child ends with the server (it holds a copy of the server's listening socket)."""
    try:
        with open("/proc/self/oom_score_adj", "w") as adj:
            adj.write("1000")
    except OSError:
        pass
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def _default_memory_limit() -> int:
    try:
        return int(_proc_fields("/proc/meminfo")["MemAvailable"] * _MEMORY_SHARE)
    except (OSError, KeyError):
        return 2**62  # not Linux: the up-front budgets still apply


def _own_memory(pid: int) -> int:
    """What the child has written since the fork (copies of the parent's pages and its own
    allocations); the pages it still shares with the parent are not its own. The whole
    address space is no measure: the embedded database reserves terabytes it never uses."""
    try:
        fields = _proc_fields(f"/proc/{pid}/smaps_rollup")
    except OSError:
        return 0
    return fields.get("Private_Dirty", 0) + fields.get("Private_Clean", 0)


def _proc_fields(path: str) -> dict[str, int]:
    """The `Name: N kB` lines of a /proc file, in bytes."""
    found = {}
    with open(path) as lines:
        for line in lines:
            name, _, rest = line.partition(":")
            parts = rest.split()
            if len(parts) == 2 and parts[1] == "kB" and parts[0].isdigit():
                found[name] = int(parts[0]) * 1024
    return found


def _portable(error: BaseException) -> BaseException:
    """The error itself if it survives pickling, else one that carries its message."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        if isinstance(error, PoikkiError):
            return ComputationFailedError(str(error))
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error


def _read_all(fd: int) -> bytes:
    chunks = []
    try:
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
    finally:
        os.close(fd)
    return b"".join(chunks)


def _reap(pid: int) -> int:
    _, status = os.waitpid(pid, 0)
    return status


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)


def _pickled(outcome: object, shared: Shared | None) -> bytes:  # pragma: no cover
    if shared is None:
        return pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    buffer = io.BytesIO()
    _ReferencingPickler(buffer, shared).dump(outcome)
    return buffer.getvalue()


def _unpickled(payload: bytes, shared: Shared | None) -> Any:
    if shared is None:
        return pickle.loads(payload)
    return _DereferencingUnpickler(io.BytesIO(payload), shared).load()


class _ReferencingPickler(pickle.Pickler):
    def __init__(self, file: io.BytesIO, shared: Shared) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.shared = shared

    def persistent_id(self, obj: Any) -> Any:
        return self.shared.reference(obj)


class _DereferencingUnpickler(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, shared: Shared) -> None:
        super().__init__(file)
        self.shared = shared

    def persistent_load(self, pid: Any) -> Any:
        return self.shared.dereference(pid)


def _outcome(payload: bytes, status: int, shared: Shared | None = None) -> object:
    if not payload:
        if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
            raise LimitExceededError(
                "The computation was stopped: it needed more memory than the machine has. "
                "Narrow the scope."
            )
        raise ComputationFailedError(
            f"The computation failed (its process ended with status {status}). Try again, or "
            "narrow the scope."
        )
    kind, value = _unpickled(payload, shared)
    if kind == "memory":
        raise LimitExceededError(
            "The computation needed more memory than is free on the server. Narrow the scope."
        )
    if kind == "error":
        assert isinstance(value, BaseException)
        raise value
    return value
