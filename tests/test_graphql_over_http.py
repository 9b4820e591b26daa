"""GraphQL over HTTP conformance: graphql-http's server audits against `poikki serve`.

The audits come from the npm package `graphql-http` (the GraphQL over HTTP spec's reference
implementation), run by tools/graphql-http-audit/audit.mjs against a real server process on
a fresh database. Every audit has to pass, the SHOULDs and MAYs as well as the MUSTs: 61 of 61
with graphql-http 1.23 (13 MUST, 23 SHOULD, 25 MAY).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.live_server import Server

AUDIT_DIR = Path(__file__).resolve().parent.parent / "tools" / "graphql-http-audit"
AUDITS = {"MUST": 13, "SHOULD": 23, "MAY": 25}


@pytest.fixture
def server_url(tmp_path: Path) -> Iterator[str]:
    """`poikki serve` on a loopback port it binds itself and an empty data dir, healthy (the
    wait is bounded generously and ends as soon as /healthz answers); stopped after."""
    server = Server(tmp_path / "data")
    try:
        server.wait_healthy()
        yield f"{server.base}/graphql"
    finally:
        server.stop()


def _audit(url: str) -> list[dict[str, Any]]:
    node = shutil.which("node")
    assert node is not None, "node is not on PATH: the audits need Node.js 20 or newer"
    assert (AUDIT_DIR / "node_modules" / "graphql-http").is_dir(), (
        "tools/graphql-http-audit/node_modules is missing: run `scripts/install test` "
        "(it runs `npm ci --prefix tools/graphql-http-audit`)."
    )
    ran = subprocess.run(
        [node, str(AUDIT_DIR / "audit.mjs"), url],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert ran.returncode == 0, ran.stderr
    results: list[dict[str, Any]] = json.loads(ran.stdout)
    return results


def _line(result: dict[str, Any]) -> str:
    line = f"{result['id']} [{result['status']}] {result['name']}: {result['reason']}"
    response = result.get("response")
    if response:
        line += f" (HTTP {response['status']}, {response['contentType']}, {response['body']!r})"
    return line


def test_the_server_passes_all_61_audits_of_graphql_over_http(server_url: str) -> None:
    results = _audit(server_url)
    assert results, "graphql-http ran no audits"
    levels = {result["name"].split(" ", 1)[0] for result in results}
    assert levels <= {"MUST", "SHOULD", "MAY"}, levels

    not_passed = [result for result in results if result["status"] != "ok"]
    counts = {
        level: (
            sum(1 for r in results if r["name"].startswith(level + " ") and r["status"] == "ok"),
            sum(1 for r in results if r["name"].startswith(level + " ")),
        )
        for level in ("MUST", "SHOULD", "MAY")
    }
    print(
        f"graphql-http: {len(results)} audits; "
        + ", ".join(f"{level} {ok}/{total} ok" for level, (ok, total) in counts.items())
    )
    assert not not_passed, "audits that did not pass:\n" + "\n".join(
        _line(result) for result in not_passed
    )
    assert {level: total for level, (_, total) in counts.items()} == AUDITS
