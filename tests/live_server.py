"""A real `poikki serve` process over loopback, for the tests that kill, restart or load it:
free ports, editor tokens from the CLI, waiting for /healthz, and GraphQL over httpx."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO, Any

import httpx

POIKKI = Path(sys.executable).parent / "poikki"
CLI_TIMEOUT = 120.0
HEALTH_TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def poikki(*args: str, timeout: float = CLI_TIMEOUT) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.run(
        [str(POIKKI), *args], capture_output=True, text=True, timeout=timeout, env=env
    )


def seed(data_dir: Path) -> None:
    done = poikki("seed", "--data-dir", str(data_dir))
    assert done.returncode == 0, done.stderr


def editor_token(data_dir: Path, name: str) -> str:
    """A new editor token, made with the CLI as a curator would (the secret is stdout's last
    line)."""
    done = poikki(
        "token", "create", "--role", "editor", "--name", name, "--data-dir", str(data_dir)
    )
    assert done.returncode == 0, done.stderr
    secret = done.stdout.strip().splitlines()[-1]
    assert secret.startswith("poikki_"), done.stdout
    return secret


class Server:
    """`poikki serve` on a free loopback port; `stop()` or `kill()` it, always in a finally."""

    def __init__(self, data_dir: Path, *, env: dict[str, str] | None = None) -> None:
        self.data_dir = data_dir
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        # The log goes to a file, not a pipe: a full pipe would block the server.
        self._log: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 - closed in _reap
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            [str(POIKKI), "serve", "--port", str(self.port), "--data-dir", str(data_dir)],
            stdout=self._log,
            stderr=subprocess.STDOUT,
            env=os.environ | {"NO_COLOR": "1"} | (env or {}),
        )
        self.log_text = ""

    @property
    def pid(self) -> int:
        return self.process.pid

    def wait_healthy(self, timeout: float = HEALTH_TIMEOUT) -> float:
        """Seconds from the process start until /healthz answered 200."""
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                raise AssertionError(
                    f"poikki serve exited with {self.process.returncode}:\n" + self.read_log()
                )
            try:
                if httpx.get(f"{self.base}/healthz", timeout=2).status_code == 200:
                    return time.monotonic() - self.started
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"poikki serve was not healthy within {timeout} s:\n" + self.read_log()
                )
            time.sleep(0.05)

    def cpu_seconds(self) -> float:
        """User and system CPU time the server process has used so far (Linux /proc)."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def read_log(self) -> str:
        if not self._log.closed:
            self._log.flush()
            self._log.seek(0)
            self.log_text = self._log.read().decode(errors="replace")
        return self.log_text

    def kill(self) -> None:
        """SIGKILL: no shutdown, no checkpoint, as a power cut would leave the files."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self._reap(10)

    def stop(self) -> int | None:
        """SIGINT and wait (a clean shutdown); SIGKILL if it does not stop in time."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self._reap(10)
        return self.process.returncode

    def _reap(self, timeout: float) -> None:
        self.process.wait(timeout=timeout)
        self.read_log()
        self._log.close()


class GraphQL:
    """GraphQL over HTTP with one httpx client, a bearer token and a timeout on every call."""

    def __init__(self, base: str, token: str | None = None, timeout: float = 30.0) -> None:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        self.http = httpx.Client(base_url=base, headers=headers, timeout=timeout)

    def post(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        response = self.http.post("/graphql", json={"query": query, "variables": variables or {}})
        assert response.status_code == 200, (response.status_code, response.text[:2000])
        body: dict[str, Any] = response.json()
        return body

    def data(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        body = self.post(query, variables)
        assert not body.get("errors"), body["errors"]
        data: dict[str, Any] = body["data"]
        return data

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> GraphQL:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
