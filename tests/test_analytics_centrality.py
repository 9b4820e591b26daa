"""Centrality and whole-network measures: hand-worked small graphs, then networkx to 1e-9."""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Callable, Sequence

import igraph as ig
import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from networkx.algorithms.centrality.betweenness import _rescale

from graph.analytics import triangles
from graph.analytics.centrality import (
    NodeMeasures,
    Sampling,
    betweenness,
    closeness,
    components,
    constraint,
    degree,
    density,
    effective_size,
    eigenvector,
    node_measures,
    nominal_assortativity,
    sample_sources,
    weighted_degree,
)

TOL = 1e-9


def close(actual: Sequence[float | None], expected: Sequence[float | None]) -> bool:
    """Equal to TOL, with None (ours) matching None or nan (networkx)."""
    assert len(actual) == len(expected)
    for a, e in zip(actual, expected, strict=True):
        if a is None or e is None or (isinstance(e, float) and math.isnan(e)):
            if not (a is None and (e is None or math.isnan(e))):
                return False
        elif abs(a - e) > TOL:
            return False
    return True


def as_list(values: dict[int, float], n: int) -> list[float]:
    return [values[v] for v in range(n)]


def to_networkx(graph: ig.Graph) -> nx.Graph:
    """The same simple graph in networkx, nodes 0..n-1, with the "weight" attribute if any."""
    converted = nx.Graph()
    converted.add_nodes_from(range(graph.vcount()))
    if "weight" in graph.es.attributes():
        converted.add_weighted_edges_from(
            (u, v, w) for (u, v), w in zip(graph.get_edgelist(), graph.es["weight"], strict=True)
        )
    else:
        converted.add_edges_from(graph.get_edgelist())
    return converted


def seeded(seed: int, build: Callable[[], ig.Graph]) -> ig.Graph:
    """Build a random igraph graph reproducibly (igraph draws from Python's random)."""
    ig.set_random_number_generator(random.Random(seed))
    try:
        graph: ig.Graph = build()
    finally:
        ig.set_random_number_generator(random)
    graph.simplify()
    return graph


def with_weights(graph: ig.Graph, seed: int) -> ig.Graph:
    rng = np.random.default_rng(seed)
    graph.es["weight"] = rng.uniform(0.1, 5.0, graph.ecount()).tolist()
    return graph


def graph_of(n: int, edges: list[tuple[int, int]], weights: list[float] | None = None) -> ig.Graph:
    graph = ig.Graph(n=n, edges=edges)
    if weights is not None:
        graph.es["weight"] = weights
    return graph


# --- hand-worked small graphs ---------------------------------------------------------------

# Path 0-1-2-3.
PATH = [(0, 1), (1, 2), (2, 3)]
# Star: centre 0, leaves 1..4.
STAR = [(0, 1), (0, 2), (0, 3), (0, 4)]
# Triangle 0-1-2 with pendant 3 hanging off 2.
PENDANT = [(0, 1), (1, 2), (2, 0), (2, 3)]
# Two components and an isolate: triangle 0-1-2, edge 3-4, vertex 5 alone.
SPLIT = [(0, 1), (1, 2), (2, 0), (3, 4)]


def test_path_of_four() -> None:
    graph = graph_of(4, PATH)
    measures = node_measures(graph)
    assert measures.degree == [1, 2, 2, 1]
    assert measures.weighted_degree == [1.0, 2.0, 2.0, 1.0]  # no weights: 1 per edge
    # 1 lies on the shortest paths of pairs {0,2} and {0,3}; 2 on {0,3} and {1,3}. Normalised by
    # the (n-1)(n-2)/2 = 3 pairs not involving the vertex: 2/3.
    assert close(measures.betweenness, [0.0, 2 / 3, 2 / 3, 0.0])
    # 0: distances 1+2+3 = 6 -> 3/6; 1: 1+1+2 = 4 -> 3/4.
    assert close(measures.closeness, [0.5, 0.75, 0.75, 0.5])
    # Leading eigenvalue of P4 is the golden ratio phi; eigenvector (1, phi, phi, 1)/norm.
    phi = (1 + math.sqrt(5)) / 2
    norm = math.sqrt(2 + 2 * phi**2)
    assert close(measures.eigenvector, [1 / norm, phi / norm, phi / norm, 1 / norm])
    # Endpoint: one contact, p = 1 -> 1. Inner: two contacts with p = 1/2 and no triangle:
    # (1/2)^2 + (1/2)^2 = 1/2.
    assert close(measures.constraint, [1.0, 0.5, 0.5, 1.0])
    # No triangles, so no redundancy: effective size = degree.
    assert close(measures.effective_size, [1.0, 2.0, 2.0, 1.0])
    assert measures.sampling is None
    assert density(graph) == pytest.approx(3 / 6)  # 3 of C(4,2) = 6 ties
    assert components(graph) == [[0, 1, 2, 3]]


def test_star() -> None:
    graph = graph_of(5, STAR)
    measures = node_measures(graph)
    assert measures.degree == [4, 1, 1, 1, 1]
    # Every one of the C(4,2) = 6 leaf pairs goes through the centre; 6/6 = 1.
    assert close(measures.betweenness, [1.0, 0.0, 0.0, 0.0, 0.0])
    # Centre: 4 at distance 1 -> 4/4; leaf: 1 + 2+2+2 = 7 -> 4/7.
    assert close(measures.closeness, [1.0] + [4 / 7] * 4)
    # lambda = sqrt(4) = 2; centre x = 2y, x^2 + 4y^2 = 1 -> x = 1/sqrt(2), y = 1/(2 sqrt(2)).
    assert close(measures.eigenvector, [1 / math.sqrt(2)] + [1 / (2 * math.sqrt(2))] * 4)
    # Centre: four contacts at p = 1/4, none tied to another: 4 * (1/4)^2 = 1/4.
    # Leaf: one contact at p = 1: 1.
    assert close(measures.constraint, [0.25, 1.0, 1.0, 1.0, 1.0])
    # Centre: 4 contacts, no ties among them -> 4 - 2*0/4 = 4; leaf: 1.
    assert close(measures.effective_size, [4.0, 1.0, 1.0, 1.0, 1.0])
    assert density(graph) == pytest.approx(4 / 10)


def test_triangle_with_pendant() -> None:
    graph = graph_of(4, PENDANT)
    measures = node_measures(graph)
    assert measures.degree == [2, 2, 3, 1]
    # Only 2 brokers: pairs {0,3} and {1,3}; 2/3.
    assert close(measures.betweenness, [0.0, 0.0, 2 / 3, 0.0])
    # 0: 1+1+2 = 4 -> 3/4; 2: 1+1+1 -> 1; 3: 1+2+2 = 5 -> 3/5.
    assert close(measures.closeness, [0.75, 0.75, 1.0, 0.6])
    # 0: contacts 1, 2 at p = 1/2. Towards 1: 1/2 + p02 p21 = 1/2 + 1/2*1/3 = 2/3 -> 4/9.
    #    Towards 2: 1/2 + p01 p12 = 1/2 + 1/2*1/2 = 3/4 -> 9/16. Sum 145/144.
    # 2: contacts 0, 1, 3 at p = 1/3. Towards 0: 1/3 + p21 p10 = 1/3 + 1/6 = 1/2 -> 1/4, same
    #    towards 1; towards 3: (1/3)^2 = 1/9. Sum 11/18.
    assert close(measures.constraint, [145 / 144, 145 / 144, 11 / 18, 1.0])
    # Borgatti: n - 2t/n. 0: 2 contacts, 1 tie between them -> 2 - 2/2 = 1.
    # 2: 3 contacts, 1 tie (0-1) -> 3 - 2/3 = 7/3. 3: 1.
    assert close(measures.effective_size, [1.0, 1.0, 7 / 3, 1.0])
    assert density(graph) == pytest.approx(4 / 6)


def test_two_components_and_an_isolate() -> None:
    graph = graph_of(6, SPLIT)
    measures = node_measures(graph)
    assert measures.degree == [2, 2, 2, 1, 1, 0]
    assert close(measures.betweenness, [0.0] * 6)  # nobody lies between anybody
    # Wasserman-Faust: (r-1)/d * (r-1)/(n-1). Triangle: 2/2 * 2/5 = 0.4; edge: 1/1 * 1/5 = 0.2;
    # isolate: 0.
    assert close(measures.closeness, [0.4, 0.4, 0.4, 0.2, 0.2, 0.0])
    # The triangle's leading eigenvalue 2 beats the edge's 1: all weight on the triangle.
    assert close(measures.eigenvector, [1 / math.sqrt(3)] * 3 + [0.0, 0.0, 0.0])
    # Triangle vertex: two contacts at 1/2, each (1/2 + 1/2*1/2)^2 = 9/16 -> 9/8.
    assert close(measures.constraint, [9 / 8, 9 / 8, 9 / 8, 1.0, 1.0, None])
    # Triangle vertex: 2 - 2*1/2 = 1; edge end: 1; isolate undefined.
    assert close(measures.effective_size, [1.0, 1.0, 1.0, 1.0, 1.0, None])
    assert density(graph) == pytest.approx(4 / 15)
    assert components(graph) == [[0, 1, 2], [3, 4], [5]]


def test_weighted_by_hand() -> None:
    # Triangle with w01 = 1, w02 = 2, w12 = 3.
    graph = graph_of(3, [(0, 1), (0, 2), (1, 2)], [1.0, 2.0, 3.0])
    measures = node_measures(graph)
    assert measures.degree == [2, 2, 2]
    assert close(measures.weighted_degree, [3.0, 4.0, 5.0])
    # Effective size of 1: p10 = 1/4, p12 = 3/4; m02 = w02/max_0 = 2/2 = 1,
    # m20 = w02/max_2 = 2/3. (1 - p12 m02) + (1 - p10 m20) = 1/4 + 5/6 = 13/12.
    # Of 0: p01 = 1/3, p02 = 2/3, m12 = 3/3, m21 = 3/3 -> (1 - 2/3) + (1 - 1/3) = 1.
    assert close(measures.effective_size[:2], [1.0, 13 / 12])
    # Unweighted it is Borgatti's 2 - 2*1/2 = 1 for every vertex.
    assert close(effective_size(graph, weighted=False), [1.0, 1.0, 1.0])
    # Path 0-1-2 with weights 1 and 3: constraint of 1 = (1/4)^2 + (3/4)^2 = 10/16.
    path = graph_of(3, [(0, 1), (1, 2)], [1.0, 3.0])
    assert close(constraint(path), [1.0, 10 / 16, 1.0])
    assert close(constraint(path, weighted=False), [1.0, 0.5, 1.0])


def test_components_order() -> None:
    # Sizes 2, 3, 2, 1: largest first, equal sizes by smallest vertex.
    graph = graph_of(8, [(6, 1), (2, 3), (3, 7), (4, 5)])
    assert components(graph) == [[2, 3, 7], [1, 6], [4, 5], [0]]
    assert components(ig.Graph()) == []


def test_density_edge_cases() -> None:
    assert density(ig.Graph()) == 0.0
    assert density(ig.Graph(n=1)) == 0.0
    assert density(ig.Graph(n=5)) == 0.0
    assert density(ig.Graph.Full(6)) == 1.0


def test_assortativity_by_hand() -> None:
    path = graph_of(4, PATH)
    # Groups A A B B: edge ends (A,A), (A,B), (B,B), each edge counted both ways ->
    # e_AA = e_BB = 2/6, e_AB = e_BA = 1/6; trace 2/3, a = (1/2, 1/2), sum a^2 = 1/2;
    # r = (2/3 - 1/2) / (1 - 1/2) = 1/3.
    assert nominal_assortativity(path, ["A", "A", "B", "B"]) == pytest.approx(1 / 3)
    # Star with centre A and leaves B: e_AB = e_BA = 1/2; r = (0 - 1/2) / (1/2) = -1.
    assert nominal_assortativity(graph_of(5, STAR), ["A", "B", "B", "B", "B"]) == pytest.approx(
        -1.0
    )
    # A vertex of unknown group drops out with its edges: 4 ties 0 and 3 together, ignored.
    with_unknown = graph_of(5, [*PATH, (4, 0), (4, 3)])
    assert nominal_assortativity(with_unknown, ["A", "A", "B", "B", None]) == pytest.approx(1 / 3)
    # Undefined: a single group (0/0), or no edge between vertices of known group.
    assert nominal_assortativity(path, ["A", "A", "A", "A"]) is None
    assert nominal_assortativity(path, ["A", None, "B", None]) is None
    assert nominal_assortativity(ig.Graph(n=3), ["A", "B", "A"]) is None
    with pytest.raises(ValueError, match="groups"):
        nominal_assortativity(path, ["A"])


# --- eigenvector on disconnected graphs (networkx refuses them) -----------------------------


def test_eigenvector_networkx_refuses_disconnected() -> None:
    with pytest.raises(nx.AmbiguousSolution):
        nx.eigenvector_centrality_numpy(to_networkx(graph_of(6, SPLIT)))


def test_eigenvector_tied_components_share_equally() -> None:
    # Two identical triangles: both have leading eigenvalue 2; each gets its Perron vector
    # (1/sqrt 3 each) times 1/sqrt 2.
    graph = graph_of(7, [(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3)])
    assert close(eigenvector(graph), [1 / math.sqrt(6)] * 6 + [0.0])
    # Two equal single edges plus an isolate.
    assert close(eigenvector(graph_of(5, [(0, 1), (2, 3)])), [0.5, 0.5, 0.5, 0.5, 0.0])


def test_eigenvector_degenerate_graphs() -> None:
    assert eigenvector(ig.Graph()) == []
    assert eigenvector(ig.Graph(n=1)) == [1.0]
    assert close(eigenvector(ig.Graph(n=4)), [0.5, 0.5, 0.5, 0.5])  # no edges: all tied


def test_eigenvector_dominant_component_matches_networkx() -> None:
    # A 4-clique (lambda 3) beside a path of 36 (lambda < 2), an edge 40-41 (lambda 1) and an
    # isolate 42.
    clique = [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)]
    edges = [*clique, *[(i, i + 1) for i in range(4, 39)], (40, 41)]
    graph = graph_of(43, edges)
    values = eigenvector(graph)
    on_clique = nx.eigenvector_centrality_numpy(to_networkx(graph).subgraph(range(4)))
    assert close(values, [on_clique[v] for v in range(4)] + [0.0] * 39)
    # Weights can change which component dominates: the edge at weight 10 (lambda 10) wins.
    graph.es["weight"] = [1.0] * (len(edges) - 1) + [10.0]
    expected = [0.0] * 43
    expected[40] = expected[41] = 1 / math.sqrt(2)
    assert close(eigenvector(graph), expected)
    assert close(eigenvector(graph, weighted=False), values)


# --- against networkx on random graphs ------------------------------------------------------


def _er_weighted() -> ig.Graph:
    return with_weights(seeded(1, lambda: ig.Graph.Erdos_Renyi(n=200, m=700)), 11)


def _ba_weighted() -> ig.Graph:
    return with_weights(seeded(2, lambda: ig.Graph.Barabasi(300, 4)), 12)


def _dense_weighted() -> ig.Graph:
    return with_weights(seeded(3, lambda: ig.Graph.Erdos_Renyi(n=60, p=0.3)), 13)


def _sparse_disconnected() -> ig.Graph:
    # Far below the giant-component threshold's comfort zone: many components and isolates.
    graph = with_weights(seeded(4, lambda: ig.Graph.Erdos_Renyi(n=250, m=180)), 14)
    graph.add_vertices(5)  # guaranteed isolates
    return graph


def _ba_unweighted() -> ig.Graph:
    return seeded(5, lambda: ig.Graph.Barabasi(250, 3))


def _large() -> ig.Graph:
    return with_weights(seeded(6, lambda: ig.Graph.Barabasi(2000, 2)), 16)


CASES: dict[str, Callable[[], ig.Graph]] = {
    "er-weighted": _er_weighted,
    "ba-weighted": _ba_weighted,
    "dense-weighted": _dense_weighted,
    "disconnected-isolates": _sparse_disconnected,
    "ba-unweighted": _ba_unweighted,
    "ba-2000": _large,
}


@pytest.fixture(scope="module", params=list(CASES))
def pair(request: pytest.FixtureRequest) -> tuple[ig.Graph, nx.Graph]:
    graph = CASES[request.param]()
    return graph, to_networkx(graph)


def _largest_eigen_component(graph: ig.Graph, weighted: bool) -> list[int]:
    """The component with the largest leading eigenvalue, asserting it is unique."""
    spectra = []
    for members in components(graph):
        sub = graph.induced_subgraph(members)
        edges = sub.get_edgelist()
        use = weighted and "weight" in sub.es.attributes()
        weights = sub.es["weight"] if use else [1.0] * len(edges)
        matrix = np.zeros((len(members), len(members)))
        for (u, v), w in zip(edges, weights, strict=True):
            matrix[u, v] = matrix[v, u] = w
        spectra.append((float(np.linalg.eigvalsh(matrix)[-1]), members))
    spectra.sort(key=lambda item: -item[0])
    assert len(spectra) == 1 or spectra[0][0] - spectra[1][0] > 1e-6
    return spectra[0][1]


def test_degrees_match_networkx(pair: tuple[ig.Graph, nx.Graph]) -> None:
    graph, reference = pair
    n = graph.vcount()
    assert degree(graph) == as_list(dict(reference.degree()), n)
    assert close(weighted_degree(graph), as_list(dict(reference.degree(weight="weight")), n))


def test_betweenness_matches_networkx(pair: tuple[ig.Graph, nx.Graph]) -> None:
    graph, reference = pair
    values, sampling = betweenness(graph)
    assert sampling is None
    expected = nx.betweenness_centrality(reference, normalized=True)
    assert close(values, as_list(expected, graph.vcount()))


def test_closeness_matches_networkx(pair: tuple[ig.Graph, nx.Graph]) -> None:
    graph, reference = pair
    assert close(closeness(graph), as_list(nx.closeness_centrality(reference), graph.vcount()))


@pytest.mark.parametrize("weighted", [True, False])
def test_eigenvector_matches_networkx(pair: tuple[ig.Graph, nx.Graph], weighted: bool) -> None:
    graph, reference = pair
    weight = "weight" if weighted else None
    values = eigenvector(graph, weighted=weighted)
    if nx.is_connected(reference):
        expected = as_list(nx.eigenvector_centrality_numpy(reference, weight=weight), len(values))
    else:
        # networkx refuses; the documented convention is networkx on the dominant component.
        members = _largest_eigen_component(graph, weighted)
        on_it = nx.eigenvector_centrality_numpy(reference.subgraph(members), weight=weight)
        expected = [on_it.get(v, 0.0) for v in range(len(values))]
    assert close(values, expected)
    assert min(values) >= 0.0
    assert math.isclose(float(np.linalg.norm(values)), 1.0, abs_tol=TOL)


@pytest.mark.parametrize("weighted", [True, False])
def test_constraint_matches_networkx(pair: tuple[ig.Graph, nx.Graph], weighted: bool) -> None:
    graph, reference = pair
    weight = "weight" if weighted else None
    expected = as_list(nx.constraint(reference, weight=weight), graph.vcount())
    assert close(constraint(graph, weighted=weighted), expected)


def _networkx_effective_size_fixed(reference: nx.Graph, weight: str | None) -> list[float]:
    """networkx 3.6's all-nodes (matrix) effective size, with the fix of networkx PR #8906.

    That path divides each mutual weight by the *column* maximum (``max(axis=1).toarray()`` is
    1-D and broadcasts the wrong way) where Burt's m_vw, the docstring and networkx's own
    per-node path use the *row* maximum; unweighted graphs are unaffected. Same formula here,
    dense, with the row maximum.
    """
    adjacency = nx.to_numpy_array(reference, nodelist=range(len(reference)), weight=weight)
    mutual = adjacency + adjacency.T
    isolated = mutual.sum(axis=1) == 0
    by_sum = mutual / np.where(isolated, 1.0, mutual.sum(axis=1))[:, np.newaxis]
    by_max = mutual / np.where(isolated, 1.0, mutual.max(axis=1))[:, np.newaxis]
    redundancy = 1 - by_sum @ by_max.T
    sizes = np.where(by_sum > 0, redundancy, 0.0).sum(axis=1)
    sizes[isolated] = np.nan
    return [float(x) for x in sizes]


@pytest.mark.parametrize("weighted", [True, False])
def test_effective_size_matches_networkx(pair: tuple[ig.Graph, nx.Graph], weighted: bool) -> None:
    graph, reference = pair
    weight = "weight" if weighted else None
    values = effective_size(graph, weighted=weighted)
    if graph.vcount() <= 300:
        # networkx's per-node path: Borgatti's shortcut unweighted, Burt's redundancy weighted.
        by_node = nx.effective_size(reference, nodes=list(reference), weight=weight)
        assert close(values, as_list(by_node, graph.vcount()))
    if not weighted:
        # networkx's all-nodes path (sparse matrices) is right for unweighted graphs ...
        assert close(values, as_list(nx.effective_size(reference), graph.vcount()))
    # ... and for weighted ones once its broadcasting bug is fixed.
    assert close(values, _networkx_effective_size_fixed(reference, weight))


def test_triangle_chunks_do_not_change_the_result(monkeypatch: pytest.MonkeyPatch) -> None:
    # Triangles are listed in chunks; tiny chunks must give the same sizes and constraints.
    graph = _dense_weighted()
    whole, constrained = effective_size(graph), constraint(graph)
    monkeypatch.setattr(triangles, "CHUNK", 5)
    assert effective_size(graph) == pytest.approx(whole, abs=1e-12)
    assert constraint(graph) == pytest.approx(constrained, abs=1e-12)
    reference = to_networkx(graph)
    assert close(effective_size(graph, weighted=False), as_list(nx.effective_size(reference), 60))


@st.composite
def weighted_graphs(draw: st.DrawFn) -> ig.Graph:
    n = draw(st.integers(1, 14))
    pairs = list(itertools.combinations(range(n), 2))
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True) if pairs else st.just([]))
    weight = st.floats(0.1, 5.0, allow_nan=False)
    weights = draw(st.lists(weight, min_size=len(chosen), max_size=len(chosen)))
    return graph_of(n, chosen, weights)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(graph=weighted_graphs(), weighted=st.booleans(), chunk=st.integers(1, 30))
def test_burt_measures_match_networkx_on_generated_graphs(
    graph: ig.Graph, weighted: bool, chunk: int
) -> None:
    reference = to_networkx(graph)
    weight = "weight" if weighted else None
    n = graph.vcount()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(triangles, "CHUNK", chunk)
        assert close(
            constraint(graph, weighted=weighted),
            as_list(nx.constraint(reference, weight=weight), n),
        )
        assert close(
            effective_size(graph, weighted=weighted),
            as_list(nx.effective_size(reference, nodes=list(reference), weight=weight), n),
        )


def test_effective_size_follows_networkx_per_node_path_when_weighted() -> None:
    # Weighted triangle plus pendant, worked by hand as in test_weighted_by_hand: the networkx
    # per-node path and Burt's formula agree with us; networkx 3.6's nodes=None path does not.
    graph = graph_of(4, [(0, 1), (0, 2), (1, 2), (2, 3)], [1.0, 2.0, 3.0, 4.0])
    reference = to_networkx(graph)
    by_node = nx.effective_size(reference, nodes=[0, 1, 2, 3], weight="weight")
    assert close(effective_size(graph), as_list(by_node, 4))
    # 1: p10 = 1/4, p12 = 3/4; m02 = 2/2, m20 = 2/max(2, 3, 4) = 1/2 -> 1/4 + (1 - 1/8) = 9/8.
    assert close(effective_size(graph)[1:2], [9 / 8])


def test_assortativity_matches_networkx(pair: tuple[ig.Graph, nx.Graph]) -> None:
    graph, reference = pair
    rng = np.random.default_rng(graph.vcount())
    drawn = rng.choice(["kunta", "valtio", "yritys", "yhdistys", ""], size=graph.vcount())
    groups: list[str | None] = [None if g == "" else str(g) for g in drawn]
    known = [v for v in range(graph.vcount()) if groups[v] is not None]
    induced = reference.subgraph(known).copy()
    nx.set_node_attributes(induced, {v: groups[v] for v in known}, "group")
    expected = nx.attribute_assortativity_coefficient(induced, "group")
    actual = nominal_assortativity(graph, groups)
    assert actual is not None
    assert abs(actual - expected) <= TOL
    # Every vertex known: the whole graph.
    everyone = [str(g) if g else "kunta" for g in drawn]
    whole = reference.copy()
    nx.set_node_attributes(whole, dict(enumerate(everyone)), "group")
    full = nominal_assortativity(graph, everyone)
    assert full is not None
    assert abs(full - nx.attribute_assortativity_coefficient(whole, "group")) <= TOL


def test_density_and_components_match_networkx(pair: tuple[ig.Graph, nx.Graph]) -> None:
    graph, reference = pair
    assert abs(density(graph) - nx.density(reference)) <= TOL
    ours = components(graph)
    assert sorted(map(sorted, nx.connected_components(reference))) == sorted(ours)
    sizes = [len(c) for c in ours]
    assert sizes == sorted(sizes, reverse=True)


def test_node_measures_assembles_the_measures(pair: tuple[ig.Graph, nx.Graph]) -> None:
    graph, _ = pair
    measures = node_measures(graph, weighted=False)
    assert isinstance(measures, NodeMeasures)
    assert measures.eigenvector == eigenvector(graph, weighted=False)
    assert measures.constraint == constraint(graph, weighted=False)
    assert measures.effective_size == effective_size(graph, weighted=False)
    assert measures.weighted_degree == weighted_degree(graph)  # always the weight attribute
    assert measures.closeness == closeness(graph)


# --- sampled betweenness --------------------------------------------------------------------


def _networkx_sampled(subset: dict[int, float], sources: list[int]) -> list[float]:
    """networkx's k-sample estimate for given sources, from its subset betweenness.

    ``betweenness_centrality_subset(normalized=False)`` halves the ordered-pair sum on
    undirected graphs; ``betweenness_centrality(k=...)`` then rescales the ordered sum by
    1/((k-1)(n-2)) for sampled vertices and 1/(k(n-2)) for the others.
    """
    n, k = len(subset), len(sources)
    chosen = set(sources)
    return [2 * subset[v] / (((k - 1) if v in chosen else k) * (n - 2)) for v in range(n)]


@pytest.mark.parametrize("case", ["er-weighted", "disconnected-isolates", "ba-2000"])
@pytest.mark.parametrize("k", [2, 7, 40])
def test_sampled_betweenness_matches_networkx_subset(case: str, k: int) -> None:
    graph = CASES[case]()
    reference = to_networkx(graph)
    values, sampling = betweenness(graph, sources=k, seed=42)
    drawn = sample_sources(graph.vcount(), k, 42).tolist()
    assert sampling == Sampling(sources=k, seed=42, vertices=tuple(drawn))
    assert len(set(drawn)) == k
    subset = nx.betweenness_centrality_subset(reference, drawn, list(reference), normalized=False)
    assert close(values, _networkx_sampled(subset, drawn))
    # The same rescaling through networkx's own (private) helper.
    rescaled = _rescale(
        {v: 2 * b for v, b in subset.items()},
        len(reference),
        normalized=True,
        directed=False,
        endpoints=False,
        sampled_nodes=drawn,
    )
    assert close(values, as_list(rescaled, graph.vcount()))


def test_sampled_betweenness_is_reproducible() -> None:
    graph = _ba_weighted()
    first = node_measures(graph, betweenness_sources=25, seed=7)
    again = node_measures(graph, betweenness_sources=25, seed=7)
    other = node_measures(graph, betweenness_sources=25, seed=8)
    assert first.betweenness == again.betweenness
    assert first.sampling == again.sampling
    assert first.sampling is not None
    assert other.sampling is not None
    assert first.sampling.vertices != other.sampling.vertices
    assert first.betweenness != other.betweenness


def test_enough_sources_is_exact() -> None:
    graph = _er_weighted()
    exact, none = betweenness(graph)
    assert none is None
    for k in (graph.vcount(), graph.vcount() + 10):
        values, sampling = betweenness(graph, sources=k, seed=3)
        assert sampling is None
        assert values == exact
    assert node_measures(graph, betweenness_sources=graph.vcount()).sampling is None


def test_too_few_sources_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 2"):
        betweenness(_er_weighted(), sources=1)


# --- input contract -------------------------------------------------------------------------


def test_refuses_directed_and_non_simple_graphs() -> None:
    with pytest.raises(ValueError, match="undirected"):
        node_measures(ig.Graph(n=3, edges=[(0, 1)], directed=True))
    with pytest.raises(ValueError, match="simple"):
        node_measures(ig.Graph(n=3, edges=[(0, 1), (0, 1)]))
    with pytest.raises(ValueError, match="simple"):
        density(ig.Graph(n=3, edges=[(1, 1)]))


@pytest.mark.parametrize("bad", [0.0, -1.0, math.inf, math.nan])
def test_refuses_non_positive_weights(bad: float) -> None:
    graph = graph_of(3, [(0, 1), (1, 2)], [1.0, bad])
    with pytest.raises(ValueError, match="weight"):
        node_measures(graph)


def test_empty_graph() -> None:
    measures = node_measures(ig.Graph())
    assert measures == NodeMeasures([], [], [], [], [], [], [], None)
