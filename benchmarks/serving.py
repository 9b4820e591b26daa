"""A real `poikki serve` over loopback and a concurrent client that measures what users feel.

The server runs as its own process (uvicorn, log level warning) on a free loopback port; the
client is an aiohttp session in this process (benchmarks/client.py). A workload is a GraphQL
query with variables drawn at random for every request. Each measurement is a phase: a
warm-up whose requests are thrown away, then requests for a fixed time (and at least a minimum
count) from `concurrency` workers, each sending its next request as soon as its previous
answer has been read. Latency is from sending the request to having read the whole response;
requests/s is the number of answers over the phase's wall time. Any answer with GraphQL
errors or a non-200 status counts as an error, and the figures of a phase with errors are
reported with its first error.
"""

from __future__ import annotations

import asyncio
import math
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import httpx

from benchmarks.client import Client, Variables

VariablesFor = Callable[[random.Random], Variables]
Prepare = Callable[["Workload", Client], Awaitable[dict[str, Any]]]

HEALTH_TIMEOUT = 180.0
STOP_TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _poikki() -> list[str]:
    script = Path(sys.executable).parent / "poikki"
    return [str(script)] if script.exists() else [sys.executable, "-m", "server"]


class Server:
    """`poikki serve --data-dir D` on a free loopback port, as a context manager.

    Only the POIKKI_* variables in `env` reach it, with POIKKI_LOG_LEVEL=warning (an inherited
    POIKKI_NEO4J_URI would otherwise point it at Neo4j). The log goes to a file, not a pipe,
    so it can never block.
    """

    def __init__(self, data_dir: Path, env: Mapping[str, str] | None = None) -> None:
        self.data_dir = data_dir
        self.env = dict(env or {})
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.start_seconds = 0.0
        self._log: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 - closed in stop()
        self._process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Server:
        inherited = {k: v for k, v in os.environ.items() if not k.startswith("POIKKI_")}
        env = inherited | {"POIKKI_LOG_LEVEL": "warning", "NO_COLOR": "1"} | self.env
        data_dir = ("--data-dir", str(self.data_dir))
        started = time.perf_counter()
        self._process = subprocess.Popen(
            [*_poikki(), "serve", "--host", "127.0.0.1", "--port", str(self.port), *data_dir],
            stdout=self._log,
            stderr=subprocess.STDOUT,
            env=env,
        )
        try:
            self._wait_healthy()
        except BaseException:
            self.stop()
            raise
        self.start_seconds = time.perf_counter() - started
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()

    def _wait_healthy(self) -> None:
        assert self._process is not None
        deadline = time.monotonic() + HEALTH_TIMEOUT
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(
                    f"poikki serve exited with {self._process.returncode}:\n{self.log()}"
                )
            try:
                if httpx.get(f"{self.base}/healthz", timeout=5).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"poikki serve did not answer /healthz in {HEALTH_TIMEOUT} s")

    def resident_mb(self) -> float | None:
        """The server's resident memory now (Linux), or None where /proc is not there."""
        if self._process is None:
            return None
        try:
            status = Path(f"/proc/{self._process.pid}/status").read_text()
        except OSError:
            return None
        line = next((row for row in status.splitlines() if row.startswith("VmRSS:")), None)
        return int(line.split()[1]) / 1024 if line else None

    def log(self) -> str:
        self._log.seek(0)
        return self._log.read().decode(errors="replace")[-4000:]

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self._log.close()


def no_variables(_rng: random.Random) -> Variables:
    return {}


@dataclass
class Workload:
    """A GraphQL query (POSTed to /graphql), or with `get` a plain GET of that path answered
    with `status`: no GraphQL at all."""

    key: str
    label: str
    query: str
    variables: VariablesFor = no_variables
    get: str | None = None
    status: int = 200
    prepare: Prepare | None = None
    """Runs once before the phases (sequentially): e.g. collects cursors, or times first
    answers; what it returns is kept with the workload's figures."""
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class Phase:
    concurrency: int
    requests: int
    errors: int
    seconds: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    mean_ms: float
    requests_per_second: float
    first_error: str | None = None

    def as_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (share in 0..1) of values."""
    ordered = sorted(values)
    return ordered[min(len(ordered), max(1, math.ceil(share * len(ordered)))) - 1]


async def phase(
    client: Client,
    workload: Workload,
    *,
    concurrency: int,
    seconds: float,
    min_requests: int,
    rng: random.Random,
) -> Phase:
    latencies: list[float] = []
    errors: list[str] = []
    deadline = time.perf_counter() + seconds

    async def worker() -> None:
        while time.perf_counter() < deadline or len(latencies) + len(errors) < min_requests:
            if workload.get is not None:
                elapsed, error = await client.get(workload.get, workload.status)
            else:
                elapsed, _, error = await client.post(workload.query, workload.variables(rng))
            if error is None:
                latencies.append(elapsed)
            else:
                errors.append(error)

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    wall = time.perf_counter() - started
    timings = latencies or [float("nan")]
    return Phase(
        concurrency=concurrency,
        requests=len(latencies),
        errors=len(errors),
        seconds=wall,
        p50_ms=statistics.median(timings),
        p95_ms=percentile(timings, 0.95),
        p99_ms=percentile(timings, 0.99),
        mean_ms=statistics.fmean(timings),
        requests_per_second=len(latencies) / wall,
        first_error=errors[0] if errors else None,
    )


@dataclass(frozen=True)
class Load:
    """How hard and how long each workload is driven."""

    concurrency: int = 8
    seconds: float = 6.0
    warmup_seconds: float = 1.0
    min_requests: int = 20
    seed: int = 1


async def read_model_settled(client: Client, timeout: float = 600.0) -> None:
    """Wait until the server's read model (if it keeps one) is current and has built every
    order the warm-up asked for: the phases measure the steady state, not the build."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = (await client.get_json("/readyz")).get("readModel")
        if status is None or status["settled"]:
            return
        await asyncio.sleep(0.05)
    raise RuntimeError(f"the read model did not settle in {timeout} s")


async def measure(base: str, workloads: list[Workload], load: Load) -> dict[str, Any]:
    """Per workload: what `prepare` returned, then a phase with one client (the latency a lone
    user sees) and a phase with `load.concurrency` clients (latency under load, requests/s)."""
    results: dict[str, Any] = {}
    async with Client(base, timeout=300, connections=load.concurrency) as client:
        for workload in workloads:
            print(f"    {workload.label}", end="", flush=True)
            rng = random.Random(f"{load.seed}-{workload.key}")
            prepared = await workload.prepare(workload, client) if workload.prepare else {}
            figures: dict[str, Any] = {"label": workload.label, **prepared}
            for concurrency in (1, load.concurrency):
                await phase(
                    client,
                    workload,
                    concurrency=concurrency,
                    seconds=load.warmup_seconds,
                    min_requests=concurrency,
                    rng=rng,
                )
                await read_model_settled(client)
                measured = await phase(
                    client,
                    workload,
                    concurrency=concurrency,
                    seconds=load.seconds,
                    min_requests=load.min_requests,
                    rng=rng,
                )
                figures["alone" if concurrency == 1 else "loaded"] = measured.as_json()
                print(
                    f"  [{concurrency}: p50 {measured.p50_ms:.1f} ms,"
                    f" {measured.requests_per_second:.0f}/s"
                    + (f", {measured.errors} errors" if measured.errors else "")
                    + "]",
                    end="",
                    flush=True,
                )
                if measured.first_error:
                    print(f"\n      first error: {measured.first_error}", end="")
            print(flush=True)
            results[workload.key] = figures
    return results


HEAVY = """query Heavy($seed: Int!) { measures(mode: ORGANISATIONS, seed: $seed) {
  density transitivity nodes(first: 100, orderBy: {field: BETWEENNESS}) { edges { node {
    degree betweenness closeness constraint effectiveSize brokerage { total } } } } } }"""
"""The heaviest accepted question of the (e) phase: every measure of the whole graph's
projection onto organisations, with a new seed each time so that no cache answers it."""


async def beside_heavy(base: str, lookup: Workload, load: Load) -> dict[str, Any]:
    """(e): while one client asks HEAVY again and again, a second client's node lookups and a
    third's /healthz are timed, each alone, for `load.seconds` (at least 50 requests each)."""
    async with (
        Client(base, timeout=600) as heavy_client,
        Client(base, timeout=60) as lookups,
        Client(base, timeout=60) as health,
    ):
        stop = asyncio.Event()
        heavy: list[tuple[float, str | None]] = []

        async def loop_heavy() -> None:
            while not stop.is_set():
                elapsed, _, error = await heavy_client.post(HEAVY, {"seed": len(heavy)})
                heavy.append((elapsed, error))

        looping = asyncio.create_task(loop_heavy())
        await asyncio.sleep(1.0)  # the first heavy question is under way
        rng = random.Random(f"{load.seed}-beside")
        healthz = Workload("healthz", "/healthz", "", get="/healthz", status=200)
        try:
            node_phase, health_phase = await asyncio.gather(
                phase(
                    lookups, lookup, concurrency=1, seconds=load.seconds, min_requests=50, rng=rng
                ),
                phase(
                    health, healthz, concurrency=1, seconds=load.seconds, min_requests=50, rng=rng
                ),
            )
        finally:
            stop.set()
            await looping
    return {
        "node": node_phase.as_json(),
        "healthz": health_phase.as_json(),
        "heavy_answers": sum(1 for _, error in heavy if error is None),
        "heavy_errors": [error for _, error in heavy if error is not None][:3],
        "heavy_p50_ms": statistics.median([e for e, _ in heavy]) if heavy else None,
    }
