"""A real `poikki serve` process over loopback, for the tests that kill, restart or load it:
a port the server binds itself, editor tokens from the CLI, waiting for /healthz, and GraphQL
over httpx."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO, Any

import httpx
from typer.testing import CliRunner

from seed.knowledge import seed_graph
from server.cli import app as cli
from tests.databases import load_copy

POIKKI = Path(sys.executable).parent / "poikki"
CLI_TIMEOUT = 120.0
HEALTH_TIMEOUT = 180.0
"""Generous: a first start loads the demo, and a busy two-core machine may be several times
slower than an idle one. The wait ends as soon as the server is healthy."""
LISTENING = re.compile(rb"Uvicorn running on http://127\.0\.0\.1:(\d+) ")
"""uvicorn's line once it listens; with `--port 0` it names the port the kernel gave it."""


def refused_address() -> socket.socket:
    """A loopback socket bound to a port and not listening: connecting to it is refused, and
    while the socket is open no other process can take the port. Close it after the test."""
    held = socket.socket()
    held.bind(("127.0.0.1", 0))
    return held


def poikki(*args: str, timeout: float = CLI_TIMEOUT) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.run(
        [str(POIKKI), *args], capture_output=True, text=True, timeout=timeout, env=env
    )


def seed(data_dir: Path) -> None:
    """The demo in a new database in `data_dir` (copied from this process's first load of it)."""
    load_copy(data_dir / "poikki.lbug", *seed_graph())


def new_token(data_dir: Path, role: str, name: str) -> str:
    """A new token, made by `poikki token create` as a curator would make one. The command runs
    in this process, through typer's runner: a new Python process would cost seconds of
    imports. The secret is stdout's last line."""
    done = CliRunner().invoke(
        cli, ["token", "create", "--role", role, "--name", name, "--data-dir", str(data_dir)]
    )
    assert done.exit_code == 0, done.output
    secret = done.stdout.strip().splitlines()[-1]
    assert secret.startswith("poikki_"), done.stdout
    return secret


def editor_token(data_dir: Path, name: str) -> str:
    return new_token(data_dir, "editor", name)


class Server:
    """`poikki serve` on a loopback port it binds itself (`--port 0`: no other process can
    take the port between choosing and binding it); `stop()` or `kill()` it, always in a
    finally. `port` and `base` are known once the server listens (`wait_healthy()`)."""

    def __init__(
        self, data_dir: Path, *, env: dict[str, str] | None = None, python_module: bool = False
    ) -> None:
        """`python_module`: run `python -m server` rather than the `poikki` script."""
        self.data_dir = data_dir
        self._port: int | None = None
        # The log goes to a file, not a pipe: a full pipe would block the server. It is read
        # with pread, so reading never moves the offset the server writes at.
        self._log: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 - closed in _reap
        self.started = time.monotonic()
        command = [sys.executable, "-m", "server"] if python_module else [str(POIKKI)]
        self.process = subprocess.Popen(
            [*command, "serve", "--port", "0", "--data-dir", str(data_dir)],
            stdout=self._log,
            stderr=subprocess.STDOUT,
            env=os.environ | {"NO_COLOR": "1"} | (env or {}),
        )
        self.log_text = ""

    @property
    def pid(self) -> int:
        return self.process.pid

    @property
    def port(self) -> int:
        """The port the server listens on, from its log (waits until it listens)."""
        if self._port is None:
            self._port = self._wait_listening(HEALTH_TIMEOUT)
        return self._port

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _wait_listening(self, timeout: float) -> int:
        deadline = time.monotonic() + timeout
        while True:
            # Read the log before looking at the exit status: a server that listened and then
            # exited still wrote its line first.
            found = LISTENING.search(self._log_bytes())
            if found:
                return int(found.group(1))
            if self.process.poll() is not None:
                raise AssertionError(
                    f"poikki serve exited with {self.process.returncode}:\n" + self.read_log()
                )
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"poikki serve did not listen within {timeout} s:\n" + self.read_log()
                )
            time.sleep(0.05)

    def wait_logged(self, message: str, timeout: float = HEALTH_TIMEOUT) -> None:
        """Wait until the server has logged a line with this message (each log record is
        flushed as it is written)."""
        wanted = json.dumps(message).encode()
        deadline = time.monotonic() + timeout
        while wanted not in self._log_bytes():
            if self.process.poll() is not None and wanted not in self._log_bytes():
                raise AssertionError(
                    f"poikki serve exited without logging {message!r}:\n" + self.read_log()
                )
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"poikki serve did not log {message!r} within {timeout} s:\n" + self.read_log()
                )
            time.sleep(0.05)

    def wait_healthy(self, timeout: float = HEALTH_TIMEOUT) -> float:
        """Seconds from the process start until /healthz answered 200."""
        deadline = time.monotonic() + timeout
        if self._port is None:
            self._port = self._wait_listening(timeout)
        while True:
            if self.process.poll() is not None:
                raise AssertionError(
                    f"poikki serve exited with {self.process.returncode}:\n" + self.read_log()
                )
            try:
                if httpx.get(f"{self.base}/healthz", timeout=30).status_code == 200:
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

    def _log_bytes(self) -> bytes:
        """What the server has written so far (pread: the shared file offset stays put)."""
        chunks = []
        offset = 0
        while chunk := os.pread(self._log.fileno(), 1 << 20, offset):
            chunks.append(chunk)
            offset += len(chunk)
        return b"".join(chunks)

    def read_log(self) -> str:
        if not self._log.closed:
            self.log_text = self._log_bytes().decode(errors="replace")
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
