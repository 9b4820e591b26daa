"""Poikki's measures of real projections equal networkx's, on the seed and a synthetic graph."""

from __future__ import annotations

import asyncio
import random
from pathlib import Path

import networkx as nx
import numpy as np
import pytest

from graph.analytics.centrality import edge_array
from graph.analytics.groups import groups
from graph.analytics.measures import MeasuresResult, edge_ends, measure
from graph.analytics.projection import Mode, Network, Weighting, build
from graph.analytics.scope import Scope
from graph.analytics.subgraph import Snapshot, select, take_snapshot
from graph.backends.ladybug import LadybugStore
from graph.model import Boundary, Node, Tie
from seed.knowledge import seed_graph
from seed.synthetic import synthetic_graph
from tests.databases import load_copy

TOLERANCE = 1e-9


def _snapshot(folder: Path, nodes: list[Node], ties: list[Tie]) -> Snapshot:
    load_copy(folder / "graph.lbug", nodes, ties)

    async def run() -> Snapshot:
        store = LadybugStore(folder / "graph.lbug")
        await store.open()
        try:
            return await take_snapshot(store)
        finally:
            await store.close()

    return asyncio.run(run())


def _as_networkx(network: Network) -> nx.Graph:
    copy = nx.Graph()
    copy.add_nodes_from(range(len(network.nodes)))
    for edge in network.edges:
        if copy.has_edge(edge.source, edge.target):
            copy[edge.source][edge.target]["weight"] += edge.weight
        else:
            copy.add_edge(edge.source, edge.target, weight=edge.weight)
    return copy


def _close(ours: list[float | None], theirs: dict[int, float]) -> None:
    for vertex, value in enumerate(ours):
        _close_one(value, theirs[vertex], vertex)


def _close_one(value: float | None, expected: float, vertex: int) -> None:
    if value is None:
        assert expected != expected, vertex  # networkx gives nan where we give None
    else:
        assert value == pytest.approx(expected, abs=TOLERANCE), vertex


def _dominant_eigenvector(graph: nx.Graph) -> dict[int, float]:
    """networkx's eigenvector centrality of the component with the largest leading eigenvalue
    (networkx refuses disconnected graphs), 0 elsewhere: Poikki's documented convention."""
    parts = [graph.subgraph(c).copy() for c in nx.connected_components(graph) if len(c) > 1]
    if not parts:
        return dict.fromkeys(graph, len(graph) ** -0.5)
    leading = [max(np.linalg.eigvalsh(nx.to_numpy_array(p, weight="weight"))) for p in parts]
    best = int(np.argmax(leading))
    runner_up = sorted(leading)[-2] if len(leading) > 1 else float("-inf")
    assert leading[best] - runner_up > 1e-9, "components tie: not the case this test checks"
    values = dict.fromkeys(graph, 0.0)
    values.update(nx.eigenvector_centrality_numpy(parts[best], weight="weight"))
    return values


def _check_cohesion(result: MeasuresResult, theirs: nx.Graph) -> None:
    """Transitivity, clustering and k-cores as networkx computes them; Freeman's
    centralisations from his formulas over networkx's centralities."""
    assert result.transitivity == pytest.approx(nx.transitivity(theirs), abs=TOLERANCE)
    _close([r.computed["clustering"] for r in result.nodes], nx.clustering(theirs))
    assert [r.computed["core_number"] for r in result.nodes] == [
        nx.core_number(theirs)[v] for v in theirs
    ]
    n = theirs.number_of_nodes()
    if n < 3:
        return
    degree = [d for _, d in theirs.degree()]
    between = list(nx.betweenness_centrality(theirs).values())
    close = list(nx.closeness_centrality(theirs).values())
    expected = (
        sum(max(degree) - d for d in degree) / ((n - 1) * (n - 2)),
        sum(max(between) - b for b in between) / (n - 1),
        sum(max(close) - c for c in close) * (2 * n - 3) / ((n - 1) * (n - 2)),
    )
    found = result.centralisation
    assert (found.degree, found.betweenness, found.closeness) == pytest.approx(
        expected, abs=TOLERANCE
    )


GRAPHS = {
    "seed": lambda: seed_graph(),
    "synthetic": lambda: synthetic_graph(400, 11, projects=120),
}


@pytest.mark.parametrize("graph_name", list(GRAPHS))
@pytest.mark.parametrize("mode", [Mode.PEOPLE, Mode.ORGANISATIONS, Mode.NETWORK])
def test_the_measures_read_the_edges_igraph_holds(
    graph_name: str, mode: Mode, tmp_path: Path
) -> None:
    """`measure` takes the edges from the network's arrays instead of reading them back out
    of igraph: they must be igraph's, pair for pair and in order."""
    snapshot = _snapshot(tmp_path, *GRAPHS[graph_name]())
    network = build(select(snapshot, Scope()), mode, Weighting.NEWMAN)
    assert np.array_equal(edge_ends(network, network.graph), edge_array(network.graph))
    assert len(network.graph.get_edgelist()) > 0


@pytest.mark.parametrize("graph_name", list(GRAPHS))
@pytest.mark.parametrize("mode", [Mode.PEOPLE, Mode.ORGANISATIONS, Mode.NETWORK])
def test_measures_equal_networkx(graph_name: str, mode: Mode, tmp_path: Path) -> None:
    snapshot = _snapshot(tmp_path, *GRAPHS[graph_name]())
    scope = Scope()
    subgraph = select(snapshot, scope)
    network = build(subgraph, mode, Weighting.NEWMAN)
    sides = groups(network.nodes, Boundary.SECTOR, snapshot, subgraph, scope)
    result = measure(network, sides)
    theirs = _as_networkx(network)
    assert result.edges == theirs.number_of_edges()
    assert result.density == pytest.approx(nx.density(theirs), abs=TOLERANCE)
    _close([r.betweenness for r in result.nodes], nx.betweenness_centrality(theirs))
    _close([r.closeness for r in result.nodes], nx.closeness_centrality(theirs))
    # networkx's constraint and effective size cost O(d³) calls per vertex in pure Python
    # (minutes for this projection): check 12 vertices of degree up to 40 drawn at random.
    # tests/test_analytics_centrality.py checks every vertex of other graphs.
    modest = [v for v in theirs if theirs.degree(v) <= 40]
    checked = random.Random(5).sample(modest, min(12, len(modest)))
    constraint = nx.constraint(theirs, nodes=checked, weight="weight")
    # nodes= takes networkx's vertex-by-vertex path: its default weighted path divides by the
    # wrong vertex's largest weight (networkx pull request #8906).
    effective = nx.effective_size(theirs, nodes=checked, weight="weight")
    for v in checked:
        _close_one(result.nodes[v].constraint, constraint[v], v)
        _close_one(result.nodes[v].effective_size, effective[v], v)
    _close([r.weighted_degree for r in result.nodes], dict(theirs.degree(weight="weight")))
    _check_cohesion(result, theirs)
    _close([r.eigenvector for r in result.nodes], _dominant_eigenvector(theirs))
    known = [v for v, side in enumerate(sides) if side is not None]
    labelled = theirs.subgraph(known).copy()
    nx.set_node_attributes(labelled, {v: sides[v] for v in known}, "side")
    if labelled.number_of_edges():
        # one side only (the seed's people with a known sector all work for the city): networkx
        # divides 0 by 0 and gives nan, where Poikki gives None
        with np.errstate(invalid="ignore", divide="ignore"):
            expected = nx.attribute_assortativity_coefficient(labelled, "side")
        if expected == expected:
            assert result.assortativity == pytest.approx(expected, abs=TOLERANCE)
        else:
            assert result.assortativity is None
