"""Large networks get estimated betweenness and closeness, said so, and close to exact."""

from __future__ import annotations

import random

import igraph as ig
import numpy as np
import pytest

from graph.analytics.centrality import closeness, node_measures, sampled_closeness
from graph.analytics.measures import measure
from graph.analytics.projection import Network
from graph.model import Node, NodeKind


def test_sampling_every_vertex_gives_exact_closeness() -> None:
    graph = ig.Graph.Barabasi(300, 2)
    graph.add_vertices(3)
    graph.add_edges([(300, 301)])
    everyone = np.arange(graph.vcount(), dtype=np.int64)
    assert sampled_closeness(graph, everyone) == pytest.approx(closeness(graph), abs=1e-12)


def test_components_without_a_sampled_source_are_exact() -> None:
    graph = ig.Graph.Barabasi(200, 2)
    graph.add_vertices(4)
    graph.add_edges([(200, 201), (201, 202)])  # a path of three, apart from the rest
    estimate = sampled_closeness(graph, np.arange(0, 200, 10, dtype=np.int64))
    exact = closeness(graph)
    assert estimate[200:] == pytest.approx(exact[200:], abs=1e-12)
    assert estimate[203] == 0.0


def test_measures_above_the_threshold_are_sampled_and_close() -> None:
    # igraph draws from Python's global random unless told otherwise: the graph, and whether
    # the top ten agree, would depend on the tests run before this one in the process.
    ig.set_random_number_generator(random.Random(0))
    try:
        graph = ig.Graph.Barabasi(2000, 3)
    finally:
        ig.set_random_number_generator(random)
    nodes = [Node(NodeKind.PERSON, f"p{v}", f"P{v}") for v in range(graph.vcount())]
    graph.es["weight"] = [1.0] * graph.ecount()
    network = Network(nodes, ends=np.array(graph.get_edgelist()), weights=np.ones(graph.ecount()))
    sides: list[str | None] = [None] * graph.vcount()
    sampled = measure(network, sides, samples=200, seed=5, exact_up_to=1000)
    assert sampled.sampling is not None
    assert (sampled.sampling.sources, sampled.sampling.seed) == (200, 5)
    exact = node_measures(graph.copy())
    estimated = np.array([r.closeness for r in sampled.nodes])
    relative = np.abs(estimated - np.array(exact.closeness)) / np.array(exact.closeness)
    assert float(relative.max()) < 0.1
    top_exact = set(np.argsort(exact.betweenness)[-10:].tolist())
    top_sampled = set(np.argsort([r.betweenness for r in sampled.nodes])[-10:].tolist())
    assert len(top_exact & top_sampled) >= 7
    again = measure(network, sides, samples=200, seed=5, exact_up_to=1000)
    assert [r.betweenness for r in again.nodes] == [r.betweenness for r in sampled.nodes]
    assert measure(network, sides, exact_up_to=5000).sampling is None
