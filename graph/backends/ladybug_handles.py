"""One LadybugDB handle per database folder in a process, shared by every store over it.

A handle keeps the database's pages and transactions in memory: two handles over one folder
do not see each other's writes (measured on 0.22), so two stores in one process over one
folder share one handle, and their writes and the log's position are seen by both.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import ladybug


@dataclass
class _Held:
    database: ladybug.Database
    users: int


_held: dict[tuple[Path, bool], _Held] = {}
_lock = threading.Lock()


def acquire(path: Path, read_only: bool, make: Callable[[], ladybug.Database]) -> ladybug.Database:
    """The folder's handle, made by `make` if no store in this process holds it."""
    key = (path.resolve(), read_only)
    with _lock:
        held = _held.get(key)
        if held is None:
            held = _held[key] = _Held(make(), 0)
        held.users += 1
        return held.database


def release(path: Path, read_only: bool) -> None:
    """One store is done with the handle; the last one closes it."""
    key = (path.resolve(), read_only)
    with _lock:
        held = _held.get(key)
        if held is None:
            return
        held.users -= 1
        if held.users == 0:
            del _held[key]
            held.database.close()
