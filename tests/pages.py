"""What the browser tests of the served pages (the explorer, GraphiQL) share: Debian's
chromium, and the check that the committed bundles (built by tools/<name> into
server/static/<name>/) are what their sources and locked packages build."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

TOOLS = Path(__file__).parent.parent / "tools"


def chromium() -> str:
    """Debian's chromium (installed by `scripts/install test`): the binary, not the wrapper."""
    for candidate in (
        os.environ.get("POIKKI_CHROMIUM"),
        "/usr/lib/chromium/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    pytest.fail(
        "Chromium is missing: `scripts/install test` installs Debian's chromium package "
        "(or set POIKKI_CHROMIUM to a Chromium binary)."
    )


def assert_committed_bundle_is_fresh(name: str) -> None:
    tool = TOOLS / name
    node = shutil.which("node")
    assert node is not None, f"node is not on PATH: rebuilding tools/{name} needs Node.js 20"
    assert (tool / "node_modules" / "esbuild").is_dir(), (
        f"tools/{name}/node_modules is missing: run `scripts/install test` "
        f"(it runs `npm ci --prefix tools/{name}`)."
    )
    done = subprocess.run(
        [node, str(tool / "build.mjs"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
