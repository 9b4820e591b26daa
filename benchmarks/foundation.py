"""Latency and store round trips of the foundation queries, on the seed and on a synthetic graph.

Run: .venv/bin/python -m benchmarks.foundation [--repeat 200]

Every query goes through the whole stack (ASGI app, GraphQL, DataLoaders, LadybugDB on disk),
with the result cache off so that every answer is resolved.
The baseline is `{ __typename }` through the same stack, measured in the same run, so the
ratios show what the store and resolvers add over the HTTP and GraphQL overhead.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from starlette.testclient import TestClient

from graph.backends.ladybug import LadybugStore
from graph.model import Node, Tie
from seed.knowledge import seed_graph
from seed.loader import load_into
from seed.synthetic import synthetic_graph
from server.app import create_app, served_store
from server.settings import Settings

BASELINE = "{ __typename }"
THREE_LEVELS = """
{ programmes(first: 10) { edges { node { name projects(first: 10) { edges { node { name
  participants(first: 10) { edges { node { __typename } } } } } } } } } }
"""
FOUR_HOPS = """
{ programmes(first: 10, orderBy: {field: NAME, direction: DESC}) { edges { node { name
  projects(first: 10) { edges { node { name
    participants(first: 10) { edges { role node {
      __typename
      ... on Person { name memberships(first: 5) { edges { node { name sector } } } }
      ... on Organisation { name sector }
    } } } } } } } } } }
"""


def _time(http: TestClient, query: str, repeat: int) -> list[float]:
    for _ in range(10):
        http.post("/graphql", json={"query": query})
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = http.post("/graphql", json={"query": query})
        timings.append((time.perf_counter() - started) * 1000)
        body = response.json()
        if "errors" in body:
            raise SystemExit(f"query failed: {body['errors']}")
    return timings


def _round_trips(http: TestClient, query: str) -> int:
    store = served_store(http.app)
    assert isinstance(store, LadybugStore)  # _report serves an embedded database
    before = store.round_trips.count
    http.post("/graphql", json={"query": query})
    return store.round_trips.count - before


def _report(label: str, nodes: list[Node], ties: list[Tie], repeat: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        # The result cache off: a repeated query would otherwise be answered without running
        # its resolvers, and this script measures the resolution and its round trips.
        settings = Settings(data_dir=Path(folder), result_cache_mb=0)
        load_into(settings.database_path, nodes, ties)
        with TestClient(create_app(settings)) as http:
            base = statistics.median(_time(http, BASELINE, repeat))
            print(f"\n{label}: {len(nodes)} nodes, {len(ties)} ties")
            print(f"  {'query':<14}{'p50 ms':>9}{'p95 ms':>9}{'x baseline':>12}{'trips':>7}")
            print(f"  {'baseline':<14}{base:9.2f}{'':>9}{1:12.1f}{0:7d}")
            for name, query in (("three levels", THREE_LEVELS), ("four hops", FOUR_HOPS)):
                timings = sorted(_time(http, query, repeat))
                p50 = statistics.median(timings)
                p95 = timings[int(len(timings) * 0.95) - 1]
                trips = _round_trips(http, query)
                print(f"  {name:<14}{p50:9.2f}{p95:9.2f}{p50 / base:12.1f}{trips:7d}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--people", type=int, default=3000)
    args = parser.parse_args()
    _report("seed", *seed_graph(), args.repeat)
    _report(
        f"synthetic ({args.people} people)",
        *synthetic_graph(people=args.people, seed=7),
        args.repeat,
    )


if __name__ == "__main__":
    main()
