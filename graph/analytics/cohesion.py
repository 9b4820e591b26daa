"""Cohesion and position of an undirected simple igraph graph: transitivity, local clustering,
k-core numbers and Freeman's centralisation.

The input is as in :mod:`graph.analytics.centrality`: an undirected, simple ``igraph.Graph``
whose ``"weight"`` attribute (if any) is a tie strength. None of these measures uses it: they
are about which ties exist, as Freeman, Watts–Strogatz and Seidman defined them. Each function
equals a networkx computation on the same graph (``tests/test_analytics_cohesion.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np


@dataclass(frozen=True)
class Centralisation:
    """Freeman's centralisation of a network by three centralities; each is None when the
    network has fewer than three nodes (the star's maximum is then 0)."""

    degree: float | None
    betweenness: float | None
    closeness: float | None


def transitivity(graph: Any) -> float:
    """Global transitivity: the share of connected triples that are closed.

    .. math:: T = \\frac{3 \\times \\text{triangles}}{\\text{connected triples}}

    where a connected triple is a path of two ties centred on a node (a node of degree ``d``
    centres ``d(d-1)/2`` of them). Unweighted. 0.0 when there is no connected triple, as
    ``nx.transitivity(G)`` gives (the ratio is then 0/0).

    References
    ----------
    .. [1] Wasserman, S. and Faust, K. (1994). *Social Network Analysis: Methods and
       Applications*, 243-247. Cambridge University Press. doi:10.1017/CBO9780511815478
    .. [2] Newman, M. E. J. (2003). The structure and function of complex networks. *SIAM
       Review* 45(2), 167-256. doi:10.1137/S003614450342480
    """
    value = float(graph.transitivity_undirected(mode="zero"))
    return value if value == value else 0.0


def transitivity_of(clustering: Sequence[float], degrees: Sequence[int]) -> float:
    """:func:`transitivity` from the local clustering and the degrees of the same graph,
    without counting its triangles again: a node of degree ``d`` and clustering ``c`` closes
    ``t = c d(d-1)/2`` of its triples (a whole number, so rounded off exactly), and ``3 x
    triangles`` is the sum of ``t`` over the nodes."""
    pairs = np.asarray(degrees, dtype=np.float64)
    pairs = pairs * (pairs - 1) / 2
    triples = float(pairs.sum())
    if triples == 0:
        return 0.0
    closed = np.rint(np.asarray(clustering, dtype=np.float64) * pairs)
    return float(closed.sum()) / triples


def clustering(graph: Any) -> list[float]:
    """Local clustering coefficient of every node: the share of pairs of its neighbours that
    are tied to each other.

    .. math:: C(v) = \\frac{2\\,t(v)}{d(v)\\,(d(v)-1)}

    with ``t(v)`` the ties among the ``d(v)`` neighbours of ``v``. Unweighted (the topological
    coefficient of Watts and Strogatz; the weighted variants of Barrat et al. and Onnela et al.
    are not used). 0.0 for a node of degree below 2, as ``nx.clustering(G)`` gives.

    References
    ----------
    .. [1] Watts, D. J. and Strogatz, S. H. (1998). Collective dynamics of 'small-world'
       networks. *Nature* 393, 440-442. doi:10.1038/30918
    """
    return [float(c) for c in graph.transitivity_local_undirected(mode="zero")]


def core_number(graph: Any) -> list[int]:
    """k-core number (coreness) of every node: the largest ``k`` such that the node belongs to
    the ``k``-core, the largest subgraph in which every node has at least ``k`` neighbours.

    Unweighted; an isolate is 0. Computed by Batagelj and Zaveršnik's O(m) peeling (igraph's
    ``Graph.coreness``), equal to ``nx.core_number(G)``.

    References
    ----------
    .. [1] Seidman, S. B. (1983). Network structure and minimum degree. *Social Networks* 5(3),
       269-287. doi:10.1016/0378-8733(83)90028-X
    .. [2] Batagelj, V. and Zaveršnik, M. (2003). An O(m) algorithm for cores decomposition of
       networks. arXiv:cs/0310049
    """
    return [int(k) for k in graph.coreness(mode="all")]


def degree_centralisation(degrees: Sequence[int]) -> float | None:
    """Freeman's degree centralisation: how far the network is from a star, by degree.

    .. math:: C_D = \\frac{\\sum_i \\left(d^* - d_i\\right)}{(n-1)(n-2)}

    with ``d_i`` the (unweighted) degree of node ``i``, ``d*`` the largest and ``n`` the
    number of nodes. The denominator is the sum's maximum over all graphs of ``n`` nodes,
    reached by the star, so ``C_D`` is 1 for a star and 0 when every degree is equal. In the
    raw degrees this is Freeman's ``sum (C_D(p*) - C_D(p_i)) / (n^2-3n+2)``. None for
    ``n < 3``.

    References
    ----------
    .. [1] Freeman, L. C. (1978). Centrality in social networks: conceptual clarification.
       *Social Networks* 1(3), 215-239. doi:10.1016/0378-8733(78)90021-7
    """
    n = len(degrees)
    if n < 3:
        return None
    top = max(degrees)
    return sum(top - d for d in degrees) / ((n - 1) * (n - 2))


def betweenness_centralisation(betweenness: Sequence[float]) -> float | None:
    """Freeman's betweenness centralisation, from normalised betweenness.

    .. math:: C_B = \\frac{\\sum_i \\left(b^* - b_i\\right)}{n-1}

    with ``b_i`` the betweenness of node ``i`` normalised as ``nx.betweenness_centrality``
    does (divided by ``(n-1)(n-2)/2``, the pairs that can pass through a node) and ``b*`` the
    largest. In raw betweenness this is Freeman's ``sum (B* - B_i) / ((n-1)^2 (n-2)/2)``: the
    denominator is the star's sum, the largest possible. 1 for a star, 0 for a cycle or a
    complete graph. Hop counts, unweighted; above 5,000 nodes the betweenness is estimated
    from sampled sources and so is this. None for ``n < 3``.

    References
    ----------
    .. [1] Freeman, L. C. (1977). A set of measures of centrality based on betweenness.
       *Sociometry* 40(1), 35-41. doi:10.2307/3033543
    .. [2] Freeman, L. C. (1978). Centrality in social networks: conceptual clarification.
       *Social Networks* 1(3), 215-239. doi:10.1016/0378-8733(78)90021-7
    """
    n = len(betweenness)
    if n < 3:
        return None
    top = max(betweenness)
    return sum(top - b for b in betweenness) / (n - 1)


def closeness_centralisation(closeness: Sequence[float]) -> float | None:
    """Freeman's closeness centralisation, from normalised closeness.

    .. math:: C_C = \\frac{\\sum_i \\left(c^* - c_i\\right)}{(n-1)(n-2)/(2n-3)}

    with ``c_i = (n-1) / sum_j d(i, j)`` the normalised closeness of node ``i`` and ``c*`` the
    largest. The denominator is the star's sum, the largest possible: its centre has closeness
    1 and each of its ``n-1`` leaves ``(n-1)/(2n-3)``; this is Freeman's equation 12, ``sum
    (C'* - C'_i) / ((n^2-3n+2)/(2n-3))``.
    Hop counts, unweighted. A disconnected network uses the closeness Poikki reports there,
    ``nx.closeness_centrality``'s Wasserman–Faust correction ``(r-1)/(n-1) * (r-1)/sum_j
    d(i, j)`` over the ``r`` nodes ``i`` reaches (Freeman's closeness is undefined there);
    the star is connected, so the maximum is unchanged. None for ``n < 3``.

    References
    ----------
    .. [1] Freeman, L. C. (1978). Centrality in social networks: conceptual clarification.
       *Social Networks* 1(3), 215-239. doi:10.1016/0378-8733(78)90021-7
    .. [2] Wasserman, S. and Faust, K. (1994). *Social Network Analysis: Methods and
       Applications*, 200-201. Cambridge University Press. doi:10.1017/CBO9780511815478
    """
    n = len(closeness)
    if n < 3:
        return None
    top = max(closeness)
    return sum(top - c for c in closeness) * (2 * n - 3) / ((n - 1) * (n - 2))


def centralisation(
    degrees: Sequence[int], betweenness: Sequence[float], closeness: Sequence[float]
) -> Centralisation:
    """The three centralisations from the per-node values the measures report."""
    return Centralisation(
        degree=degree_centralisation(degrees),
        betweenness=betweenness_centralisation(betweenness),
        closeness=closeness_centralisation(closeness),
    )
