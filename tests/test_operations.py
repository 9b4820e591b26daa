"""Running it in production: request ids and structured logs, readiness, CORS, store timeouts,
and a graceful shutdown that finishes the requests in flight."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from seed.knowledge import seed_graph
from seed.synthetic import synthetic_graph
from tests.conftest import GraphQLClient


def test_every_response_carries_a_request_id(client: GraphQLClient) -> None:
    made = client.http.post("/graphql", json={"query": "{ __typename }"})
    assert len(made.headers["x-request-id"]) == 32
    given = client.http.get("/healthz", headers={"X-Request-ID": "trace-42.a"})
    assert given.headers["x-request-id"] == "trace-42.a"
    hostile = client.http.get("/healthz", headers={"X-Request-ID": "no spaces\nor newlines"})
    assert hostile.headers["x-request-id"] != "no spaces\nor newlines"


def test_readiness_and_liveness(client: GraphQLClient) -> None:
    ready = client.http.get("/readyz").json()
    assert ready["status"] == "ready"
    if "readModel" in ready:  # the embedded backend reports its read model
        store = client.http.app.state.store  # type: ignore[attr-defined]
        client.http.portal.call(store.read_model.settled)  # type: ignore[union-attr]
        model = client.http.get("/readyz").json()["readModel"]
        assert model["current"]
        assert model["settled"]
        assert model["builds"] >= 1
        stats = client.http.portal.call(store.stats)  # type: ignore[union-attr]
        assert model["nodes"] == sum(stats.nodes.values()) > 0
        assert model["ties"] == sum(stats.ties.values()) > 0
    assert client.http.get("/healthz").json() == {"status": "ok"}


def test_cors_is_off_unless_origins_are_configured(
    make_client: Callable[..., GraphQLClient],
) -> None:
    preflight = {
        "Origin": "https://viz.example",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type",
    }
    closed = make_client(*seed_graph())
    response = closed.http.options("/graphql", headers=preflight)
    assert "access-control-allow-origin" not in response.headers
    opened = make_client(*seed_graph(), cors_origins=("https://viz.example",))
    allowed = opened.http.options("/graphql", headers=preflight)
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == "https://viz.example"
    assert "authorization" in allowed.headers["access-control-allow-headers"].lower()
    other = opened.http.options("/graphql", headers={**preflight, "Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers
    simple = opened.http.post(
        "/graphql", json={"query": "{ __typename }"}, headers={"Origin": "https://viz.example"}
    )
    assert simple.headers["access-control-allow-origin"] == "https://viz.example"


def test_a_read_that_runs_too_long_is_stopped_with_unavailable(
    make_client: Callable[..., GraphQLClient],
) -> None:
    client = make_client(*synthetic_graph(3_000, seed=3), store_timeout=0.001)
    body = client.post('{ search(text: "a", first: 50) { name } }')
    assert [e["extensions"]["code"] for e in body["errors"]] == ["UNAVAILABLE"]
    assert "did not answer within" in body["errors"][0]["message"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_until_up(url: str, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, "the server exited while starting"
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise AssertionError("the server did not start")


def test_sigterm_finishes_requests_in_flight_and_logs_them_as_json(tmp_path: Path) -> None:
    data_dir = tmp_path / "db"
    poikki = [sys.executable, "-m", "server"]
    seeded = subprocess.run(
        [*poikki, "seed", "--synthetic", "--people", "2500", "--data-dir", str(data_dir)],
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert seeded.returncode == 0, seeded.stderr
    port = _free_port()
    log = (tmp_path / "server.log").open("wb")
    server = subprocess.Popen(
        [*poikki, "serve", "--port", str(port), "--data-dir", str(data_dir)],
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "POIKKI_SHUTDOWN_GRACE_SECONDS": "60"},
    )
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_until_up(f"{base}/healthz", server)
        answer: dict[str, Any] = {}

        def slow_request() -> None:
            query = "{ measures(mode: PEOPLE, boundary: BRANCH) { nodeCount density } }"
            response = httpx.post(
                f"{base}/graphql",
                json={"query": query},
                headers={"X-Request-ID": "slow-one"},
                timeout=120,
            )
            answer["status"] = response.status_code
            answer["body"] = response.json()

        worker = threading.Thread(target=slow_request)
        worker.start()
        time.sleep(1.0)  # the measures take seconds on 2,500 people
        assert worker.is_alive(), "the request finished before the shutdown began"
        server.send_signal(signal.SIGTERM)
        worker.join(timeout=120)
        assert answer["status"] == 200
        assert answer["body"]["data"]["measures"]["nodeCount"] > 2_000
        # uvicorn shuts down gracefully, then re-raises the signal so the exit status says how
        # the process was asked to stop.
        assert server.wait(timeout=60) in (0, -signal.SIGTERM)
    finally:
        if server.poll() is None:
            server.kill()
        log.close()
    lines = [
        json.loads(line)
        for line in (tmp_path / "server.log").read_text().splitlines()
        if line.startswith("{")
    ]
    slow = [line for line in lines if line.get("request_id") == "slow-one"]
    assert slow, lines[-5:]
    assert slow[-1]["logger"] == "poikki.access"
    assert slow[-1]["path"] == "/graphql"
    assert slow[-1]["status"] == 200
    assert slow[-1]["duration_ms"] > 500
    messages = [line["message"] for line in lines]
    finished = next(i for i, m in enumerate(messages) if m.startswith("Finished server process"))
    assert finished > lines.index(slow[-1])
