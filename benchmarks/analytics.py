"""Betweenness and community detection through Poikki against networkx on the same network.

Run: .venv/bin/python -m benchmarks.analytics [--people 50000 --projects 10000 --sources 64]

A synthetic graph is loaded into the embedded database, fetched back through the store,
projected onto people (Newman weights) and then timed twice in the same run: Poikki's analytics
(python-igraph's C core) and networkx on a networkx copy of the same projection.
Betweenness is estimated from the same number of sampled sources on both sides (exact
betweenness on 50,000 people is out of reach for networkx); networkx has no Leiden, so its
Louvain is the counterpart.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import networkx as nx

from graph.analytics.centrality import betweenness
from graph.analytics.communities import Algorithm, detect
from graph.analytics.measures import measure
from graph.analytics.projection import Mode, Weighting, build
from graph.analytics.scope import Scope
from graph.analytics.subgraph import select, take_snapshot
from graph.backends.ladybug import LadybugStore
from seed.synthetic import synthetic_graph

T = TypeVar("T")


def _timed(label: str, work: Callable[[], T]) -> tuple[T, float]:
    started = time.perf_counter()
    result = work()
    elapsed = time.perf_counter() - started
    print(f"  {label:<44}{elapsed:10.2f} s", flush=True)
    return result, elapsed


async def _projection(people: int, projects: int, seed: int) -> Any:
    nodes, ties = _timed("generate", lambda: synthetic_graph(people, seed, projects=projects))[0]
    with tempfile.TemporaryDirectory() as folder:
        store = LadybugStore(Path(folder) / "bench.lbug")
        await store.open()
        started = time.perf_counter()
        await store.bulk_load(nodes, ties)
        snapshot = await take_snapshot(store)
        print(
            f"  {'bulk load and snapshot through the store':<44}"
            f"{time.perf_counter() - started:10.2f} s"
        )
        await store.close()
    subgraph = _timed("select the scope", lambda: select(snapshot, Scope()))[0]
    return _timed("project onto people", lambda: build(subgraph, Mode.PEOPLE, Weighting.NEWMAN))[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=50_000)
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument("--sources", type=int, default=64, help="sampled betweenness sources")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(f"{args.people} people, {args.projects} projects, {args.sources} sampled sources")
    network = asyncio.run(_projection(args.people, args.projects, args.seed))
    graph = network.graph
    print(f"  projection: {graph.vcount()} people, {graph.ecount()} weighted ties")

    print("Poikki (python-igraph)")
    _, poikki_betweenness = _timed(
        "betweenness", lambda: betweenness(graph, sources=args.sources, seed=args.seed)
    )
    partition, poikki_communities = _timed(
        "Leiden", lambda: detect(graph, Algorithm.LEIDEN, seed=args.seed)
    )
    print(f"  {len(set(partition.membership))} communities, modularity {partition.modularity:.4f}")
    sides = [f"group {v % 5}" for v in range(graph.vcount())]
    _timed(
        "every measure (sampled above 5,000 people)",
        lambda: measure(network, sides, samples=args.sources, seed=args.seed),
    )

    print("networkx")
    copy, _ = _timed("copy the projection into networkx", lambda: _networkx(graph))
    _, nx_betweenness = _timed(
        "betweenness",
        lambda: nx.betweenness_centrality(copy, k=args.sources, seed=args.seed),
    )
    found, nx_communities = _timed(
        "Louvain", lambda: nx.community.louvain_communities(copy, seed=args.seed)
    )
    print(f"  {len(found)} communities, modularity {nx.community.modularity(copy, found):.4f}")

    poikki = poikki_betweenness + poikki_communities
    networkx = nx_betweenness + nx_communities
    print("betweenness + communities")
    print(
        f"  Poikki {poikki:.2f} s, networkx {networkx:.2f} s: "
        f"Poikki is {networkx / poikki:.1f}x faster "
        f"(betweenness {nx_betweenness / poikki_betweenness:.1f}x, "
        f"communities {nx_communities / poikki_communities:.1f}x)"
    )


def _networkx(graph: Any) -> nx.Graph:
    copy = nx.Graph()
    copy.add_nodes_from(range(graph.vcount()))
    copy.add_weighted_edges_from(
        (u, v, w) for (u, v), w in zip(graph.get_edgelist(), graph.es["weight"], strict=True)
    )
    return copy


if __name__ == "__main__":
    main()
