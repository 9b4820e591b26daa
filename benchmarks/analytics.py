"""Betweenness and community detection through Poikki against networkx on the same network.

Run: .venv/bin/python -m benchmarks.analytics [--people 50000 --projects 10000 --sources 64]

A synthetic graph is loaded into the embedded database, fetched back through the store,
projected onto people (Newman weights) and then timed twice in the same run: Poikki's analytics
(Brandes' betweenness compiled by numba, python-igraph's Leiden) and networkx on a networkx
copy of the same projection.
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

import igraph as ig
import networkx as nx

from graph.analytics.centrality import betweenness
from graph.analytics.communities import Algorithm, detect
from graph.analytics.measures import edge_ends, measure
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


async def projection(people: int, projects: int, seed: int) -> Any:
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


def compare(
    people: int, projects: int, sources: int, seed: int, *, every_measure: bool = False
) -> dict[str, Any]:
    """Times betweenness (from `sources` sampled sources) and communities through Poikki and
    through networkx on the same people projection; returns every figure."""
    print(f"{people} people, {projects} projects, {sources} sampled sources")
    network = asyncio.run(projection(people, projects, seed))
    graph = network.graph
    print(f"  projection: {graph.vcount()} people, {graph.ecount()} weighted ties")

    print("Poikki (python-igraph, numba)")
    # numba compiles its kernel on first use (once per install, then loads it): not timed
    betweenness(ig.Graph.Ring(4))
    # As `measures` computes it: the edges from the projection's arrays, not read out of igraph
    _, poikki_betweenness = _timed(
        "betweenness",
        lambda: betweenness(graph, sources=sources, seed=seed, ends=edge_ends(network, graph)),
    )
    partition, poikki_communities = _timed(
        "Leiden", lambda: detect(graph, Algorithm.LEIDEN, seed=seed)
    )
    print(f"  {len(set(partition.membership))} communities, modularity {partition.modularity:.4f}")
    if every_measure:
        sides = [f"group {v % 5}" for v in range(graph.vcount())]
        _timed(
            "every measure (sampled above 5,000 people)",
            lambda: measure(network, sides, samples=sources, seed=seed),
        )

    print("networkx")
    copy, _ = _timed("copy the projection into networkx", lambda: _networkx(graph))
    _, nx_betweenness = _timed(
        "betweenness",
        lambda: nx.betweenness_centrality(copy, k=sources, seed=seed),
    )
    found, nx_communities = _timed(
        "Louvain", lambda: nx.community.louvain_communities(copy, seed=seed)
    )
    nx_modularity = nx.community.modularity(copy, found)
    print(f"  {len(found)} communities, modularity {nx_modularity:.4f}")

    poikki = poikki_betweenness + poikki_communities
    networkx = nx_betweenness + nx_communities
    print("betweenness + communities")
    print(
        f"  Poikki {poikki:.2f} s, networkx {networkx:.2f} s: "
        f"Poikki is {networkx / poikki:.1f}x faster "
        f"(betweenness {nx_betweenness / poikki_betweenness:.1f}x, "
        f"communities {nx_communities / poikki_communities:.1f}x)"
    )
    return {
        "people": people,
        "projects": projects,
        "sampled_sources": sources,
        "seed": seed,
        "projected_people": graph.vcount(),
        "projected_ties": graph.ecount(),
        "poikki_betweenness_s": poikki_betweenness,
        "poikki_leiden_s": poikki_communities,
        "poikki_communities": len(set(partition.membership)),
        "poikki_modularity": partition.modularity,
        "networkx_betweenness_s": nx_betweenness,
        "networkx_louvain_s": nx_communities,
        "networkx_communities": len(found),
        "networkx_modularity": nx_modularity,
        "poikki_s": poikki,
        "networkx_s": networkx,
        "ratio": networkx / poikki,
        "betweenness_ratio": nx_betweenness / poikki_betweenness,
        "communities_ratio": nx_communities / poikki_communities,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=50_000)
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument("--sources", type=int, default=64, help="sampled betweenness sources")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    compare(args.people, args.projects, args.sources, args.seed, every_measure=True)


def _networkx(graph: Any) -> nx.Graph:
    copy = nx.Graph()
    copy.add_nodes_from(range(graph.vcount()))
    copy.add_weighted_edges_from(
        (u, v, w) for (u, v), w in zip(graph.get_edgelist(), graph.es["weight"], strict=True)
    )
    return copy


if __name__ == "__main__":
    main()
