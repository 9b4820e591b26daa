"""A Neo4j that cannot be reached gives a clear message and a failing /healthz, never a trace.

These run everywhere: they point Poikki at a port where nothing listens.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from server.app import create_app
from server.settings import Settings
from tests.conftest import GraphQLClient
from tests.live_server import refused_address, seed
from tests.test_cli import _poikki


@pytest.fixture
def nowhere() -> Iterator[str]:
    """A port held, bound and not listening, for the whole test: connections to it are refused,
    and no other process can start listening there meanwhile."""
    with refused_address() as held:
        yield f"bolt://127.0.0.1:{held.getsockname()[1]}"


def test_a_command_names_the_unreachable_server(nowhere: str) -> None:
    result = _poikki("stats", env={"POIKKI_NEO4J_URI": nowhere}, timeout=60)
    assert result.returncode == 1
    assert f"Neo4j at {nowhere} cannot be reached" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_the_server_starts_and_reports_unavailable(nowhere: str, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, neo4j_uri=nowhere, neo4j_password="secret")
    with TestClient(create_app(settings, seed_if_empty=True)) as http:
        health = http.get("/healthz")
        assert health.status_code == 503
        assert health.json()["status"] == "unavailable"
        assert "cannot be reached" in health.json()["reason"]
        client = GraphQLClient(http)
        assert client.error_codes("{ programmes { totalCount } }") == ["UNAVAILABLE"]


def test_a_malformed_uri_is_a_configuration_error() -> None:
    result = _poikki("stats", env={"POIKKI_NEO4J_URI": "http://localhost:7474"})
    assert result.returncode == 2
    assert "POIKKI_NEO4J_URI must start with one of neo4j://" in result.stderr


def test_copy_needs_a_neo4j_uri(tmp_path: Path) -> None:
    result = _poikki("copy", "--to", "neo4j", "--data-dir", str(tmp_path))
    assert result.returncode == 2
    assert "POIKKI_NEO4J_URI is not set" in result.stderr


def test_copy_to_an_unreachable_server_says_so(nowhere: str, tmp_path: Path) -> None:
    seed(tmp_path)
    result = _poikki(
        "copy", "--to", "neo4j", "--data-dir", str(tmp_path), env={"POIKKI_NEO4J_URI": nowhere}
    )
    assert result.returncode == 1
    assert "cannot be reached" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
