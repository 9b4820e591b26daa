"""The limits of the cohesion measures and of the core–periphery fit, on graphs small enough
to know by heart."""

from __future__ import annotations

import igraph as ig
import pytest

from graph.analytics.cohesion import (
    centralisation,
    clustering,
    core_number,
    transitivity,
    transitivity_of,
)
from graph.analytics.core_periphery import core_periphery


def _measured(graph: ig.Graph) -> tuple[float | None, float | None, float | None]:
    degrees = graph.degree()
    n = graph.vcount()
    scale = 2 / ((n - 1) * (n - 2)) if n > 2 else 1.0
    between = [b * scale for b in graph.betweenness()]
    close = [(n - 1) / sum(d) for d in graph.distances()]  # connected graphs only
    found = centralisation(degrees, between, close)
    return found.degree, found.betweenness, found.closeness


def test_a_star_is_as_centralised_as_a_network_can_be() -> None:
    assert _measured(ig.Graph.Star(7)) == pytest.approx((1.0, 1.0, 1.0))


def test_a_cycle_and_a_complete_graph_are_not_centralised_at_all() -> None:
    assert _measured(ig.Graph.Ring(6)) == pytest.approx((0.0, 0.0, 0.0))
    assert _measured(ig.Graph.Full(5)) == pytest.approx((0.0, 0.0, 0.0))


def test_centralisation_is_undefined_below_three_nodes() -> None:
    found = centralisation([1, 1], [0.0, 0.0], [1.0, 1.0])
    assert (found.degree, found.betweenness, found.closeness) == (None, None, None)


def test_a_graph_without_triples_has_no_transitivity_and_no_clustering() -> None:
    graph = ig.Graph(n=4, edges=[(0, 1), (2, 3)])
    assert transitivity(graph) == 0.0
    assert clustering(graph) == [0.0] * 4
    assert core_number(graph) == [1, 1, 1, 1]
    assert core_number(ig.Graph(n=2)) == [0, 0]


def test_a_network_without_ties_has_no_core() -> None:
    fit = core_periphery(ig.Graph(n=3))
    assert fit.coreness == [0.0, 0.0, 0.0]
    assert (fit.correlation, fit.sweeps, fit.converged) == (None, 0, True)


def test_an_isolate_is_on_the_periphery_and_the_fit_is_deterministic() -> None:
    graph = ig.Graph(n=5, edges=[(0, 1), (0, 2), (1, 2), (2, 3)])
    fit = core_periphery(graph)
    assert fit.converged
    assert fit.coreness[4] == 0.0
    assert fit.coreness[2] == max(fit.coreness)
    assert core_periphery(graph) == fit


def test_a_star_does_not_converge_and_says_so() -> None:
    # The residuals of a star only vanish as its leaves' scores shrink towards 0.
    fit = core_periphery(ig.Graph.Star(5), max_sweeps=50)
    assert (fit.sweeps, fit.converged) == (50, False)
    assert fit.coreness[0] == max(fit.coreness)


def test_a_regular_graph_has_no_core_periphery_correlation() -> None:
    fit = core_periphery(ig.Graph.Ring(6))
    assert fit.converged
    assert fit.correlation is None
    assert fit.coreness == pytest.approx([6**-0.5] * 6)


@pytest.mark.parametrize(
    "graph",
    [
        ig.Graph.Famous("Zachary"),
        ig.Graph.Full(6),
        ig.Graph.Star(5),
        ig.Graph(n=4, edges=[(0, 1), (2, 3)]),
        ig.Graph(n=1),
        ig.Graph.Famous("Krackhardt_Kite"),
        ig.Graph.Famous("Petersen"),
    ],
)
def test_transitivity_from_clustering_and_degrees_is_transitivity(graph: ig.Graph) -> None:
    assert transitivity_of(clustering(graph), graph.degree()) == pytest.approx(
        transitivity(graph), abs=1e-15
    )
