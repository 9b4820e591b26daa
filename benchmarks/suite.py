"""The whole benchmark: graphs at ~10k and ~100k nodes, bulk import, a real server under a
concurrent client, the naive resolution beside the batched one, analytics against networkx and
export memory, in one run. `python -m benchmarks` runs it (see benchmarks/__main__.py)."""

from __future__ import annotations

import asyncio
import gc
import os
import platform
import shutil
import statistics
import subprocess
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import httpx

from benchmarks import analytics, executor_floor, exports, history, serving
from benchmarks.client import Client
from benchmarks.foundation import BASELINE, THREE_LEVELS
from benchmarks.serving import Load, Server, Workload, measure
from graph.backends.ladybug import LadybugStore
from graph.model import Node, NodeKind, Tie
from resolvers.global_ids import encode
from seed.synthetic import synthetic_graph

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Size:
    name: str
    people: int
    participation: float
    seed: int = 11


SIZES = {
    # ~10k nodes and ~97k ties; ~100k nodes and ~1.0M ties (people take part in ~4.5x the
    # projects of the generator's default shape).
    "small": Size("small", 8_600, 4.5),
    "large": Size("large", 86_000, 4.5),
}


@dataclass(frozen=True)
class ServerConfig:
    key: str
    label: str
    env: Mapping[str, str]
    workloads: tuple[str, ...]


# The same data is served three ways, one server at a time (the embedded database is
# single-process): as shipped; with the result cache off, so that every answer is resolved
# (a repeated query is otherwise a cache hit); and the naive way: one database call per
# parent, no read model, no cache.
SERVERS = (
    ServerConfig(
        "default",
        "as shipped (batched loads, read model, result cache)",
        {},
        ("http", "floor", "node", "list", "nested", "network"),
    ),
    ServerConfig(
        "uncached",
        "POIKKI_RESULT_CACHE_MB=0 (every answer resolved: batched loads, read model)",
        {"POIKKI_RESULT_CACHE_MB": "0"},
        ("floor", "node", "list", "nested", "related", "aggregate", "counted"),
    ),
    ServerConfig(
        "naive",
        "POIKKI_BATCH_LOADS=false POIKKI_READ_MODEL=false POIKKI_RESULT_CACHE_MB=0"
        " (one database call per parent)",
        {
            "POIKKI_BATCH_LOADS": "false",
            "POIKKI_READ_MODEL": "false",
            "POIKKI_RESULT_CACHE_MB": "0",
        },
        ("nested",),
    ),
)
PARTS = (*(c.key for c in SERVERS), "exports", "analytics", "history")


@dataclass(frozen=True)
class Plan:
    sizes: Sequence[Size]
    load: Load
    export_writers: Mapping[str, Sequence[str]]
    """By size name."""
    export_cold: bool
    analytics_people: int
    analytics_projects: int
    analytics_sources: int
    analytics_seed: int = 7
    network_programmes: int = 3
    """How many programmes (d) asks about: the first answer of each is timed, and the first
    of all fetches the snapshot of the whole graph."""
    skip: frozenset[str] = field(default_factory=frozenset)
    """Parts not to run: servers by key, 'exports', 'analytics'."""


# --- the queries ------------------------------------------------------------------------------

NODE = """
query Node($id: ID!) { node(id: $id) { id __typename
  ... on Entity { name description }
  ... on Organisation { sector orgType municipality } } }
"""
ROOT_LIST = """
query PublicOrganisations($after: String) {
  organisations(filter: {sector: [PUBLIC]}, orderBy: {field: NAME}, first: 20, after: $after) {
    edges { cursor node { id name sector orgType municipality branch } }
    pageInfo { hasNextPage endCursor } } }
"""
RELATED_LIST = """
query ProjectsWithThirdSectorParticipants($after: String) {
  projects(filter: {participants: {some: {node: {sector: [THIRD_SECTOR]}}}},
           orderBy: {field: NAME}, first: 20, after: $after) {
    edges { cursor node { id name start end } }
    pageInfo { hasNextPage endCursor } } }
"""
AGGREGATE = """
query OrganisationsBySector { organisations {
  aggregate { count bySector: groupBy(key: SECTOR) { key count } } } }
"""
COUNTED = """
query ProgrammesByParticipants { programmes(orderBy: {count: PARTICIPANTS, direction: DESC},
  first: 20) { edges { cursor node { id name } } } }
"""
NETWORK = """
query Network($programme: ID!, $from: PartialDate, $to: PartialDate) {
  network(scope: {initiatives: [$programme], from: $from, to: $to},
          maxNodes: 20000, maxEdges: 30000) {
    nodeCount edgeCount
    nodes { id kind label sector }
    edges { source target type weight } } }
"""


def workloads(nodes: Sequence[Node], network_programmes: int = 3) -> list[Workload]:
    """The floors (HTTP alone, then GraphQL), (a) node lookup, (b) root list, (c) nested 3
    levels, (d) network of a programme over a period, (f) a root list filtered on related
    nodes."""
    looked_up = (NodeKind.PERSON, NodeKind.ORGANISATION, NodeKind.PROJECT, NodeKind.PROGRAMME)
    ids = [encode(n.kind, n.id) for n in nodes if n.kind in looked_up]
    programmes = sorted(
        (n for n in nodes if n.kind is NodeKind.PROGRAMME), key=lambda n: int(n.id.split("-")[-1])
    )
    # Programmes spread over the three council terms; each over the two middle years of its own.
    step = max(1, len(programmes) // network_programmes)
    scopes = [
        {
            "programme": encode(NodeKind.PROGRAMME, p.id),
            "from": str(int(p.start or "2013") + 1),
            "to": str(int(p.start or "2013") + 2),
        }
        for p in programmes[::step][:network_programmes]
    ]
    cursors: list[str | None] = [None]
    related_cursors: list[str | None] = [None]
    return [
        Workload(
            "http",
            "HTTP floor: GET of an unknown path (404, no GraphQL)",
            "",
            get="/benchmark-http-floor",
            status=404,
        ),
        Workload("floor", "GraphQL floor: { __typename }", BASELINE),
        Workload("node", "(a) node(id)", NODE, lambda rng: {"id": rng.choice(ids)}),
        Workload(
            "list",
            "(b) organisations by sector, by name, first 20",
            ROOT_LIST,
            lambda rng: {"after": rng.choice(cursors)},
            prepare=_walk_pages(cursors, "organisations"),
        ),
        Workload(
            "related",
            "(f) projects with a third-sector participant (some), by name, first 20",
            RELATED_LIST,
            lambda rng: {"after": rng.choice(related_cursors)},
            prepare=_walk_pages(related_cursors, "projects"),
        ),
        Workload("nested", "(c) nested 3 levels", THREE_LEVELS),
        Workload("aggregate", "(g) organisations' aggregate grouped by sector", AGGREGATE),
        Workload("counted", "(h) programmes by participant count, first 20", COUNTED),
        Workload(
            "network",
            "(d) network of a programme over 2 years",
            NETWORK,
            lambda rng: rng.choice(scopes),
            prepare=_first_networks(scopes),
        ),
    ]


def _walk_pages(cursors: list[str | None], root: str) -> Callable[[Workload, Client], Any]:
    """Pages through the root list `root` once, keeping every cursor for the phases."""

    async def prepare(workload: Workload, client: Client) -> dict[str, Any]:
        timings = []
        after: str | None = None
        del cursors[1:]
        while True:
            elapsed, data, error = await client.post(workload.query, {"after": after})
            if data is None:
                raise RuntimeError(f"{workload.label}: {error}")
            timings.append(elapsed)
            info = data[root]["pageInfo"]
            if not info["hasNextPage"]:
                break
            after = info["endCursor"]
            cursors.append(after)
        return {"pages": len(cursors), "walk_p50_ms": statistics.median(timings)}

    return prepare


def _first_networks(scopes: list[dict[str, str]]) -> Callable[[Workload, Client], Any]:
    """Times each scope's first answer: the first also fetches the snapshot of the whole graph,
    the others select and build their network; later answers come from the server's cache."""

    async def prepare(workload: Workload, client: Client) -> dict[str, Any]:
        timings, sizes = [], []
        for scope in scopes:
            elapsed, data, error = await client.post(workload.query, scope)
            if data is None:
                raise RuntimeError(f"{workload.label}: {error}")
            timings.append(elapsed)
            sizes.append((data["network"]["nodeCount"], data["network"]["edgeCount"]))
        return {
            "scopes": scopes,
            "first_answer_ms": timings[0],
            "uncached_p50_ms": statistics.median(timings[1:] or timings),
            "nodes_p50": statistics.median(n for n, _ in sizes),
            "edges_p50": statistics.median(e for _, e in sizes),
            "nodes_max": max(n for n, _ in sizes),
        }

    return prepare


# --- one size ---------------------------------------------------------------------------------


async def bulk_load(database: Path, nodes: Sequence[Node], ties: Sequence[Tie]) -> dict[str, Any]:
    """LadybugStore.bulk_load into a fresh database; the node phase ends with the last node
    group's progress call, the tie phase is the rest."""
    store = LadybugStore(database)
    await store.open()
    done = 0
    nodes_done_at = 0.0

    def progress(count: int) -> None:
        nonlocal done, nodes_done_at
        done += count
        if done == len(nodes):
            nodes_done_at = time.perf_counter()

    started = time.perf_counter()
    await store.bulk_load(nodes, ties, progress)
    seconds = time.perf_counter() - started
    closing = time.perf_counter()
    await store.close()
    close_seconds = time.perf_counter() - closing
    tie_seconds = started + seconds - nodes_done_at
    return {
        "seconds": seconds,
        "node_phase_s": nodes_done_at - started,
        "tie_phase_s": tie_seconds,
        "close_s": close_seconds,
        "ties_per_s": len(ties) / seconds,
        "nodes_per_s": len(nodes) / seconds,
        "tie_phase_ties_per_s": len(ties) / tie_seconds,
    }


def _gigabytes(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1024**3


def run_size(size: Size, plan: Plan, folder: Path) -> dict[str, Any]:
    print(f"\n== {size.name}: {size.people:,} people, participation {size.participation:g}")
    started = time.perf_counter()
    nodes, ties = synthetic_graph(size.people, size.seed, participation=size.participation)
    generated = time.perf_counter() - started
    result: dict[str, Any] = {
        "size": asdict(size),
        "nodes": len(nodes),
        "ties": len(ties),
        "nodes_by_kind": dict(Counter(n.kind.value for n in nodes)),
        "ties_by_type": dict(Counter(t.type.value for t in ties)),
        "generate_s": generated,
    }
    print(f"  generated {len(nodes):,} nodes and {len(ties):,} ties in {generated:.1f} s")
    data_dir = folder / size.name
    data_dir.mkdir()
    database = data_dir / "poikki.lbug"
    result["bulk_load"] = asyncio.run(bulk_load(database, nodes, ties))
    result["database_gb"] = _gigabytes(data_dir)
    load = result["bulk_load"]
    print(
        f"  bulk load: {load['seconds']:.1f} s, {load['ties_per_s']:,.0f} ties/s,"
        f" {load['nodes_per_s']:,.0f} nodes/s (close {load['close_s']:.1f} s)"
    )
    if "history" not in plan.skip:
        baseline = history.bulk_baseline(folder / f"{size.name}-log-cost", nodes, ties)
        result["bulk_load"]["without_log"] = baseline
        print(
            f"  bulk loads without the log and with it (fastest of {history.BULK_ROUNDS} each, "
            "alternating): "
            f"{baseline['unlogged_seconds']:.1f} s / {baseline['logged_seconds']:.1f} s; "
            f"the log costs {baseline['log_cost_pct']:.1f} %"
        )
    people = history.chosen_people(nodes)
    work = workloads(nodes, plan.network_programmes)
    # The client shares the machine with the server: drop the graph so that collecting a
    # million objects' garbage never stalls it in the middle of a phase.
    del nodes, ties
    gc.collect()
    gc.freeze()

    chosen = {w.key: w for w in work}
    result["servers"] = {}
    for config in SERVERS:
        if config.key in plan.skip:
            continue
        print(f"  poikki serve, {config.label}")
        with Server(data_dir, config.env) as server:
            figures = asyncio.run(
                measure(server.base, [chosen[k] for k in config.workloads], plan.load)
            )
            beside = None
            if config.key == "default":
                print("    (e) node(id) and /healthz while one client loops every measure", end="")
                beside = asyncio.run(serving.beside_heavy(server.base, chosen["node"], plan.load))
                print(
                    f"  [node p99 {beside['node']['p99_ms']:.1f} ms, /healthz p99"
                    f" {beside['healthz']['p99_ms']:.1f} ms; {beside['heavy_answers']} heavy"
                    " answers]",
                    flush=True,
                )
            result["servers"][config.key] = {
                "label": config.label,
                "env": dict(config.env),
                "start_s": server.start_seconds,
                "queries": figures,
                "beside_heavy": beside,
                "resident_mb": server.resident_mb(),
                "read_model": httpx.get(f"{server.base}/readyz").json().get("readModel"),
            }
    gc.unfreeze()
    if "history" not in plan.skip:
        logged = history.writes_and_reads(database, people)
        result["history"] = logged
        print(
            f"  mutation p50 {logged['mutation_p50_ms']:.2f} ms with the log, "
            f"{logged['mutation_unlogged_p50_ms']:.2f} ms without; "
            f"history p50 {logged['history_p50_ms']:.2f} ms"
        )
    writers = list(plan.export_writers.get(size.name, ()))
    if "exports" not in plan.skip and writers:
        print("  export memory (each writer in a fresh process; warm, then cold)")
        result["exports"] = exports.measure_writers(
            database, writers, folder, cold=plan.export_cold
        )
    shutil.rmtree(data_dir)
    return result


# --- the machine ------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    def cpu_model() -> str:
        try:
            for line in Path("/proc/cpuinfo").read_text().splitlines():
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
        except OSError:
            pass
        return platform.processor() or "unknown"

    def memory_gib() -> float | None:
        try:
            for line in Path("/proc/meminfo").read_text().splitlines():
                if line.startswith("MemTotal:"):
                    return int(line.split()[1]) / 1024**2
        except OSError:
            pass
        return None

    def git(*args: str) -> str:
        try:
            done = subprocess.run(["git", *args], capture_output=True, text=True, cwd=ROOT)
            return done.stdout.rstrip()
        except OSError:
            return ""

    def version(package: str) -> str:
        try:
            return metadata.version(package)
        except metadata.PackageNotFoundError:
            return "not installed"

    changed = git("status", "--porcelain", "--untracked-files=no")
    return {
        "cpu": cpu_model(),
        "cpus": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "memory_gib": memory_gib(),
        "os": platform.platform(),
        "python": platform.python_version(),
        "ladybug": version("ladybug"),
        "strawberry-graphql": version("strawberry-graphql"),
        "uvicorn": version("uvicorn"),
        "python-igraph": version("python-igraph"),
        "networkx": version("networkx"),
        "aiohttp": version("aiohttp"),
        "commit": git("rev-parse", "--short", "HEAD"),
        "uncommitted_changes": [line[3:] for line in changed.splitlines()],
        "load_average_at_start": os.getloadavg(),
    }


# --- the run ----------------------------------------------------------------------------------


def run(plan: Plan) -> dict[str, Any]:
    started = time.perf_counter()
    results: dict[str, Any] = {
        "started": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
        "machine": machine(),
        "plan": {
            "sizes": [asdict(s) for s in plan.sizes],
            "load": asdict(plan.load),
            "export_writers": {k: list(v) for k, v in plan.export_writers.items()},
            "network_programmes": plan.network_programmes,
            "analytics": {
                "people": plan.analytics_people,
                "projects": plan.analytics_projects,
                "sampled_sources": plan.analytics_sources,
            },
            "skipped": sorted(plan.skip),
        },
        "sizes": {},
    }
    busy = os.getloadavg()[0]
    if busy > 0.5:
        print(
            f"Note: the load average is {busy:.1f} before the run starts: other processes use"
            " the CPUs, and every figure will be slower than on a quiet machine."
        )
    results["executor_floor"] = executor_floor.measure()
    with tempfile.TemporaryDirectory(prefix="poikki-bench-") as name:
        for size in plan.sizes:
            results["sizes"][size.name] = run_size(size, plan, Path(name))
    if "analytics" not in plan.skip:
        print("\n== analytics: betweenness + communities, Poikki against networkx")
        results["analytics"] = analytics.compare(
            plan.analytics_people,
            plan.analytics_projects,
            plan.analytics_sources,
            plan.analytics_seed,
        )
    results["machine"]["load_average_at_end"] = os.getloadavg()
    results["duration_s"] = time.perf_counter() - started
    return results
