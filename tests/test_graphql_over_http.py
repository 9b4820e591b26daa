"""GraphQL over HTTP conformance: graphql-http's server audits against `poikki serve`.

The audits come from the npm package `graphql-http` (the GraphQL over HTTP spec's reference
implementation), run by tools/graphql-http-audit/audit.mjs against a real server process on
a fresh database. Every MUST has to pass; SHOULDs and MAYs that do not are printed.
"""

from __future__ import annotations

import json
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

POIKKI = Path(sys.executable).parent / "poikki"
AUDIT_DIR = Path(__file__).resolve().parent.parent / "tools" / "graphql-http-audit"
HEALTHY_WITHIN = 30.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _tail(log: Path, lines: int = 30) -> str:
    text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    return "\n".join(text.splitlines()[-lines:])


@pytest.fixture
def server_url(tmp_path: Path) -> Iterator[str]:
    """`poikki serve` on a free loopback port and an empty data dir, healthy; stopped after."""
    port = _free_port()
    log = tmp_path / "server.log"
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen(
            [
                str(POIKKI),
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--data-dir",
                str(tmp_path / "data"),
            ],
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + HEALTHY_WITHIN
        while True:
            if server.poll() is not None:
                pytest.fail(f"the server exited with {server.returncode}:\n{_tail(log)}")
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(
                    f"the server was not healthy within {HEALTHY_WITHIN:.0f} s:\n{_tail(log)}"
                )
            time.sleep(0.2)
        yield f"{base}/graphql"
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


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
        timeout=60,
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


def test_the_server_passes_every_must_of_graphql_over_http(server_url: str) -> None:
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
    recommendations = [r for r in not_passed if not r["name"].startswith("MUST ")]
    if recommendations:
        print("SHOULD/MAY audits that did not pass:")
        for result in recommendations:
            print("  " + _line(result))

    failed_musts = [r for r in not_passed if r["name"].startswith("MUST ")]
    assert not failed_musts, "MUST audits that failed:\n" + "\n".join(
        _line(result) for result in failed_musts
    )
