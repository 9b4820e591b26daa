"""How much memory a full-graph export adds to the process, at two sizes, against networkx.

Run: .venv/bin/python -m benchmarks.exports [--people 8600 86000]

For each size a synthetic graph is loaded into an embedded database. Each measurement runs in
a fresh process, so that memory freed by one cannot hide the next: the process opens the
store, answers the same scope once (as a server that has drawn the network holds it: the
snapshot and the network), then streams the export to a file while a thread samples its
resident memory every millisecond. "Adds" is the peak during the export minus the resident
memory just before it. "Cold" runs the export with nothing fetched yet, so it includes
fetching the graph from the store. The baseline is networkx in the same run: the same network
copied into a networkx graph and written with nx.write_graphml / nx.write_gexf, which build
the whole document in memory. The knowledge formats (jsonld, popolo) read the scope's stored
nodes and ties rather than the network: warm, the process holds the snapshot they come from.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from graph.analytics.projection import Mode, Weighting
from graph.analytics.scope import Scope
from graph.analytics.service import Analytics
from graph.backends.ladybug import LadybugStore
from graph.exports.formats import WRITERS, ExportFormat, LinkedWriter
from graph.exports.view import ExportGraph
from seed.synthetic import synthetic_graph
from server.export_request import ExportRequest, export_graph, linked_graph

PAGE = os.sysconf("SC_PAGE_SIZE")
MB = 1024 * 1024
NETWORKX_WRITERS = {"networkx-graphml": nx.write_graphml, "networkx-gexf": nx.write_gexf}
ROOT = Path(__file__).resolve().parents[1]


def resident() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * PAGE


class PeakSampler:
    def __init__(self) -> None:
        self.peak = resident()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.001):
            self.peak = max(self.peak, resident())

    def __enter__(self) -> PeakSampler:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, resident())


def as_networkx(graph: ExportGraph) -> Any:
    copy = nx.MultiDiGraph() if graph.directed else nx.Graph()
    for node in graph.nodes():
        copy.add_node(node.key, **node.attributes)
    for edge in graph.edges():
        copy.add_edge(edge.source, edge.target, key=edge.key, **edge.attributes)
    return copy


async def measure_one(database: Path, writer: str, cold: bool, out: Path) -> dict[str, Any]:
    store = LadybugStore(database, read_only=True)
    await store.open()
    analytics = Analytics(store)
    request = ExportRequest(scope=Scope(), mode=Mode.NETWORK, weighting=Weighting.SHARED)
    chosen = None if writer in NETWORKX_WRITERS else WRITERS[ExportFormat(writer)]
    if not cold:
        if isinstance(chosen, LinkedWriter):  # what a server holds: the snapshot
            await analytics.stored(request.scope)
        else:
            await analytics.network(request.scope, request.mode, request.weighting)
    gc.collect()
    before = resident()
    started = time.perf_counter()
    chunks: Iterator[bytes] | None
    with PeakSampler() as sampler:
        if isinstance(chosen, LinkedWriter):
            linked = await linked_graph(analytics, request, ExportFormat(writer))
            chunks, counts = chosen.write(linked), (linked.node_count, linked.tie_count)
        else:
            graph = await export_graph(analytics, request)
            counts = (graph.node_count, graph.edge_count)
            if chosen is None:
                NETWORKX_WRITERS[writer](as_networkx(graph), out)
            chunks = None if chosen is None else chosen.write(graph)
        if chunks is not None:
            with out.open("wb") as file:
                for chunk in chunks:
                    file.write(chunk)
    seconds = time.perf_counter() - started
    await store.close()
    return {
        "writer": writer,
        "cold": cold,
        "nodes": counts[0],
        "edges": counts[1],
        "before_mb": before / MB,
        "added_mb": (sampler.peak - before) / MB,
        "seconds": seconds,
        "file_mb": out.stat().st_size / MB,
    }


def run_child(database: Path, writer: str, cold: bool, folder: Path) -> dict[str, Any]:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.exports",
            "--child",
            str(database),
            writer,
            "cold" if cold else "warm",
            str(folder / f"out-{writer}"),
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    found: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def measure_writers(
    database: Path, writers: list[str], folder: Path, cold: bool = True
) -> dict[str, Any]:
    """Each writer's warm (and cold) figures, each in a fresh process; prints them as it goes."""
    print(f"  {'writer':<18}{'adds MB':>9}{'cold MB':>9}{'file MB':>9}{'seconds':>9}")
    size_results: dict[str, Any] = {}
    for writer in writers:
        warm = run_child(database, writer, False, folder)
        size_results[writer] = {"warm": warm}
        cold_mb = "-"
        if cold:
            size_results[writer]["cold"] = run_child(database, writer, True, folder)
            cold_mb = f"{size_results[writer]['cold']['added_mb']:.1f}"
        print(
            f"  {writer:<18}{warm['added_mb']:9.1f}{cold_mb:>9}"
            f"{warm['file_mb']:9.1f}{warm['seconds']:9.2f}",
            flush=True,
        )
    for ours, theirs in (("graphml", "networkx-graphml"), ("gexf", "networkx-gexf")):
        if ours in size_results and theirs in size_results:
            ratio = size_results[theirs]["warm"]["added_mb"] / max(
                size_results[ours]["warm"]["added_mb"], 0.1
            )
            print(f"  {ours}: networkx adds {ratio:.1f}× the memory Poikki's writer adds")
    poikki = [size_results[w]["warm"]["added_mb"] for w in writers if w not in NETWORKX_WRITERS]
    if poikki:
        print(f"  largest addition by a Poikki export: {max(poikki):.1f} MB (target: under 50 MB)")
    return size_results


async def load(database: Path, people: int) -> tuple[int, int]:
    nodes, ties = synthetic_graph(people, seed=11)
    store = LadybugStore(database)
    await store.open()
    await store.bulk_load(nodes, ties)
    await store.close()
    return len(nodes), len(ties)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, nargs="+", default=[8_600, 86_000])
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        database, writer, when, out = args.child
        result = asyncio.run(measure_one(Path(database), writer, when == "cold", Path(out)))
        print(json.dumps(result))
        return

    writers = [f.value for f in ExportFormat] + list(NETWORKX_WRITERS)
    results = []
    for people in args.people:
        with tempfile.TemporaryDirectory() as name:
            folder = Path(name)
            database = folder / "bench.lbug"
            nodes, ties = asyncio.run(load(database, people))
            print(f"\n{nodes:,} nodes and {ties:,} ties ({people:,} synthetic people)")
            size_results = measure_writers(database, writers, folder)
            results.append({"people": people, "nodes": nodes, "ties": ties, **size_results})
    Path("benchmarks/exports.json").write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
