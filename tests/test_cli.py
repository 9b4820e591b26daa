"""The `poikki` command as a user runs it: seed, stats, schema and serve in real processes."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

POIKKI = Path(sys.executable).parent / "poikki"


def _poikki(
    *args: str, timeout: float = 120, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"COLUMNS": "200", "NO_COLOR": "1"} | (env or {})
    return subprocess.run(
        [str(POIKKI), *args], capture_output=True, text=True, timeout=timeout, env=env
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_seed_twice_changes_nothing_the_second_time(tmp_path: Path) -> None:
    first = _poikki("seed", "--data-dir", str(tmp_path))
    assert first.returncode == 0, first.stderr
    stats_before = _poikki("stats", "--data-dir", str(tmp_path))
    second = _poikki("seed", "--data-dir", str(tmp_path))
    assert second.returncode == 0, second.stderr
    nodes_row = next(line for line in second.stdout.splitlines() if "nodes" in line)
    created, updated, _unchanged = (int(v) for v in nodes_row.split("│")[2:5])
    assert (created, updated) == (0, 0)
    assert _poikki("stats", "--data-dir", str(tmp_path)).stdout == stats_before.stdout
    assert "Programme" in stats_before.stdout
    assert "nodes without a source │ 0" in stats_before.stdout


def test_a_writer_is_told_when_another_process_holds_the_database(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import ladybug, sys, time; db = ladybug.Database(sys.argv[1]); "
            "print('holding', flush=True); time.sleep(60)",
            str(tmp_path / "poikki.lbug"),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "holding"
        started = time.monotonic()
        result = _poikki("seed", "--data-dir", str(tmp_path), timeout=30)
        assert time.monotonic() - started < 30
        assert result.returncode == 1
        assert "held by another process" in result.stderr
        assert "Traceback" not in result.stderr
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout:
            holder.stdout.close()


def test_bad_configuration_is_named() -> None:
    result = subprocess.run(
        [str(POIKKI), "stats"],
        capture_output=True,
        text=True,
        timeout=60,
        env=os.environ | {"POIKKI_MAX_FIRST": "lots"},
    )
    assert result.returncode == 2
    assert "POIKKI_MAX_FIRST must be a positive integer; got 'lots'" in result.stderr


def test_schema_command_prints_the_committed_schema() -> None:
    result = _poikki("schema")
    committed = (Path(__file__).parent.parent / "schema.graphql").read_text(encoding="utf-8")
    assert result.returncode == 0
    assert result.stdout == committed


def test_serve_loads_the_demo_into_an_empty_database_and_answers(tmp_path: Path) -> None:
    port = _free_port()
    server = subprocess.Popen(
        [str(POIKKI), "serve", "--port", str(port), "--data-dir", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, server.stdout.read() if server.stdout else ""
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("the server did not become healthy within 60 s")
            time.sleep(0.2)
        query = (
            "{ programmes(first: 20) { totalCount edges { node { id name sources { title } } } } }"
        )
        body = httpx.post(f"{base}/graphql", json={"query": query}, timeout=10).json()
        names = {edge["node"]["name"] for edge in body["data"]["programmes"]["edges"]}
        assert "Osallistuva Espoo" in names
        assert "Nuorten elinvoimaisuus" in names
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
        if server.stdout:
            server.stdout.close()
    assert server.returncode == 0
