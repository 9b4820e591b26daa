"""The `poikki` command as a user runs it: seed, stats, schema and serve in real processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx

from tests.live_server import Server

POIKKI = Path(sys.executable).parent / "poikki"


def _poikki(
    *args: str, timeout: float = 120, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"COLUMNS": "200", "NO_COLOR": "1"} | (env or {})
    return subprocess.run(
        [str(POIKKI), *args], capture_output=True, text=True, timeout=timeout, env=env
    )


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
    assert "ties without a source  │ 0" in stats_before.stdout


def test_a_writer_is_told_when_another_process_holds_the_database(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            # Holds the database until the test closes its stdin, however long seeding takes.
            "import ladybug, sys; db = ladybug.Database(sys.argv[1]); "
            "print('holding', flush=True); sys.stdin.read()",
            str(tmp_path / "poikki.lbug"),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "holding"
        # A seed that waited for the database would wait until the holder is told to let go,
        # which happens only after this returns: it would time out instead of saying so.
        result = _poikki("seed", "--data-dir", str(tmp_path), timeout=300)
        assert holder.poll() is None, "the holder let go before the seed was refused"
        assert result.returncode == 1
        assert "held by another process" in result.stderr
        assert "Traceback" not in result.stderr
    finally:
        holder.kill()
        holder.wait()
        for pipe in (holder.stdin, holder.stdout):
            if pipe:
                pipe.close()


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


def test_copy_names_a_backend_it_does_not_know_and_refuses_to_copy_onto_itself(
    tmp_path: Path,
) -> None:
    unknown = _poikki("copy", "--from", "sqlite", "--to", "embedded", "--data-dir", str(tmp_path))
    assert unknown.returncode == 2
    assert "'sqlite' is not one of 'neo4j', 'embedded'" in unknown.stderr
    itself = _poikki("copy", "--from", "embedded", "--to", "embedded", "--data-dir", str(tmp_path))
    assert itself.returncode == 2
    assert "--from and --to are both embedded" in itself.stderr
    assert not any(tmp_path.iterdir()), "nothing is opened or written"


def test_schema_command_prints_the_committed_schema() -> None:
    result = _poikki("schema")
    committed = (Path(__file__).parent.parent / "schema.graphql").read_text(encoding="utf-8")
    assert result.returncode == 0
    assert result.stdout == committed


def test_serve_loads_the_demo_into_an_empty_database_and_answers(tmp_path: Path) -> None:
    server = Server(tmp_path)  # binds a port of its own and says which in its log
    try:
        server.wait_healthy()
        query = (
            "{ programmes(first: 20) { totalCount edges { node { id name sources { title } } } } }"
        )
        body = httpx.post(f"{server.base}/graphql", json={"query": query}, timeout=120).json()
        names = {edge["node"]["name"] for edge in body["data"]["programmes"]["edges"]}
        assert "Osallistuva Espoo" in names
        assert "Nuorten elinvoimaisuus" in names
    finally:
        returncode = server.stop()  # SIGINT: a clean shutdown
    assert returncode == 0, server.log_text
