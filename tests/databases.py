"""Embedded databases bulk-loaded once per test process and copied for each test that asks.

A bulk load of the demo takes seconds; copying the closed database's files takes milliseconds
and gives the same database, so every test still opens a fresh database of its own.
"""

from __future__ import annotations

import atexit
import hashlib
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from graph.model import Node, Tie
from seed.loader import load_into

_TEMPLATE = "template.lbug"
_loaded: dict[str, Path] = {}
_folder: list[Path] = []


def load_copy(path: Path, nodes: Sequence[Node], ties: Sequence[Tie]) -> None:
    """What `load_into(path, nodes, ties)` makes, copied from this process's first bulk load of
    the same graph. Call it outside any event loop (the first load runs one)."""
    key = hashlib.sha256(repr((list(nodes), list(ties))).encode()).hexdigest()
    made = _loaded.get(key)
    if made is None:
        made = _templates() / key
        load_into(made / _TEMPLATE, nodes, ties)
        _loaded[key] = made
    path.parent.mkdir(parents=True, exist_ok=True)
    # The database file and whatever the engine keeps beside it under the same name.
    for file in made.iterdir():
        shutil.copyfile(file, path.parent / file.name.replace(_TEMPLATE, path.name, 1))


def _templates() -> Path:
    if not _folder:
        _folder.append(Path(tempfile.mkdtemp(prefix="poikki-test-databases-")))
        atexit.register(shutil.rmtree, _folder[0], ignore_errors=True)
    return _folder[0]
