"""Brandes' compiled betweenness against igraph's own, exact and from sampled sources, to 1e-12."""

from __future__ import annotations

import itertools

import igraph as ig
import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.analytics import brandes
from graph.analytics.brandes import adjacency, dependencies
from graph.analytics.centrality import betweenness, edge_array, sample_sources

RELATIVE = 1e-12


def from_networkx(graph: nx.Graph) -> ig.Graph:
    """The same simple graph in igraph; networkx's nodes must be 0..n-1."""
    assert sorted(graph) == list(range(len(graph)))
    return ig.Graph(n=len(graph), edges=list(graph.edges()))


def _components_and_isolates() -> nx.Graph:
    parts = [
        nx.karate_club_graph(),
        nx.empty_graph(3),
        nx.path_graph(6),
        nx.complete_graph(5),
        nx.cycle_graph(8),
        nx.barbell_graph(4, 2),
        nx.empty_graph(1),
    ]
    graph = nx.disjoint_union_all(parts)
    # number the vertices at random, so that components interleave
    order = np.random.default_rng(5).permutation(len(graph)).tolist()
    return nx.relabel_nodes(graph, dict(enumerate(order)))


GRAPHS = {
    "components and isolates": _components_and_isolates,
    "path": lambda: nx.path_graph(30),
    "star": lambda: nx.star_graph(25),
    "grid (many shortest paths)": lambda: nx.convert_node_labels_to_integers(
        nx.grid_2d_graph(12, 9)
    ),
    "random": lambda: nx.gnm_random_graph(400, 1600, seed=3),
    "random, sparse": lambda: nx.gnm_random_graph(500, 350, seed=4),
    "clustered": lambda: nx.powerlaw_cluster_graph(600, 5, 0.6, seed=6),
}


@pytest.fixture(params=list(GRAPHS))
def graph(request: pytest.FixtureRequest) -> ig.Graph:
    return from_networkx(GRAPHS[request.param]())


@pytest.fixture(params=[1, 2], ids=["1 thread", "2 threads"])
def threads(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(brandes, "SPLIT_FROM", 0)  # split even these small graphs
    count: int = request.param
    return count


def test_every_vertex_a_source_gives_twice_igraphs_betweenness(
    graph: ig.Graph, threads: int
) -> None:
    n = graph.vcount()
    ordered = dependencies(n, edge_array(graph), np.arange(n), threads=threads)
    expected = 2 * np.asarray(graph.betweenness(directed=False))
    np.testing.assert_allclose(ordered, expected, rtol=RELATIVE, atol=0)


@pytest.mark.parametrize("k", [1, 2, 9])
def test_sampled_sources_give_twice_igraphs_subset_betweenness(
    graph: ig.Graph, threads: int, k: int
) -> None:
    n = graph.vcount()
    chosen = sample_sources(n, k, 11)
    ordered = dependencies(n, edge_array(graph), chosen, threads=threads)
    subset = graph.betweenness(directed=False, sources=chosen.tolist(), targets=None)
    np.testing.assert_allclose(ordered, 2 * np.asarray(subset), rtol=RELATIVE, atol=0)


def test_betweenness_is_igraphs_normalised(graph: ig.Graph) -> None:
    n = graph.vcount()
    exact, none = betweenness(graph)
    assert none is None
    raw = np.asarray(graph.betweenness(directed=False))
    np.testing.assert_allclose(exact, raw * 2 / ((n - 1) * (n - 2)), rtol=RELATIVE, atol=0)
    sampled, sampling = betweenness(graph, sources=7, seed=2)
    assert sampling is not None
    chosen = list(sampling.vertices)
    subset = np.asarray(graph.betweenness(directed=False, sources=chosen, targets=None))
    counted = np.full(n, 7.0)
    counted[chosen] = 6.0  # a source's own search adds nothing to it
    expected = 2 * subset / (counted * (n - 2))
    np.testing.assert_allclose(sampled, expected, rtol=RELATIVE, atol=0)


@st.composite
def small_graphs_and_sources(draw: st.DrawFn) -> tuple[ig.Graph, list[int]]:
    n = draw(st.integers(1, 12))
    pairs = list(itertools.combinations(range(n), 2))
    edges = draw(st.lists(st.sampled_from(pairs), unique=True) if pairs else st.just([]))
    sources = draw(st.lists(st.integers(0, n - 1), unique=True, min_size=1))
    return ig.Graph(n=n, edges=edges), sorted(sources)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(case=small_graphs_and_sources(), threads=st.integers(1, 3))
def test_any_small_graph_and_sources_agree_with_igraph(
    case: tuple[ig.Graph, list[int]], threads: int
) -> None:
    graph, sources = case
    n = graph.vcount()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(brandes, "SPLIT_FROM", 0)
        ordered = dependencies(n, edge_array(graph), np.array(sources), threads=threads)
    subset = graph.betweenness(directed=False, sources=sources, targets=None)
    np.testing.assert_allclose(ordered, 2 * np.asarray(subset), rtol=RELATIVE, atol=0)


def test_threads_split_the_sources_of_a_large_graph() -> None:
    # Large enough to split by default (work above SPLIT_FROM); the threads' sums are added
    # in a fixed order, so the result is the same on every run.
    graph = from_networkx(nx.barabasi_albert_graph(3000, 4, seed=8))
    n, ends = graph.vcount(), edge_array(graph)
    chosen = sample_sources(n, 64, 1)
    assert len(chosen) * (n + 2 * len(ends)) >= brandes.SPLIT_FROM
    alone = dependencies(n, ends, chosen, threads=1)
    split = dependencies(n, ends, chosen, threads=2)
    subset = graph.betweenness(directed=False, sources=chosen.tolist(), targets=None)
    np.testing.assert_allclose(split, 2 * np.asarray(subset), rtol=RELATIVE, atol=0)
    np.testing.assert_allclose(split, alone, rtol=RELATIVE, atol=0)
    assert dependencies(n, ends, chosen, threads=2).tolist() == split.tolist()


def test_adjacency_rows_are_the_neighbours(graph: ig.Graph) -> None:
    starts, neighbours = adjacency(graph.vcount(), edge_array(graph))
    rows = [sorted(neighbours[starts[v] : starts[v + 1]].tolist()) for v in range(graph.vcount())]
    assert rows == [sorted(row) for row in graph.get_adjlist()]


def test_graphs_without_ties_or_sources() -> None:
    assert dependencies(4, np.empty((0, 2), dtype=np.int64), np.arange(4)).tolist() == [0.0] * 4
    path = edge_array(ig.Graph(n=3, edges=[(0, 1), (1, 2)]))
    assert dependencies(3, path, np.empty(0, dtype=np.int64)).tolist() == [0.0] * 3
    assert dependencies(3, path, np.arange(3)).tolist() == [0.0, 2.0, 0.0]
