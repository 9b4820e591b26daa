"""Borgatti and Everett's continuous core–periphery model, fitted by minimum residuals."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import sparse

from graph.analytics.centrality import WEIGHT, edge_array
from graph.analytics.compiled import compiled

TOLERANCE = 1e-10
"""A sweep that moves no score by more than this share of the largest score ends the fit."""
MAX_SWEEPS = 1_000
"""The most sweeps: a fit still moving then is reported as not converged."""
_CONSTANT = 1e-12


@dataclass(frozen=True)
class CorePeriphery:
    """Each node's coreness and how well the core–periphery pattern fits the network."""

    coreness: list[float]
    """Per vertex, non-negative, Euclidean norm 1 (all 0.0 when the network has no tie)."""
    correlation: float | None
    """Pearson's r between the ties and the pattern c_i c_j over all pairs; None when either
    is constant (no tie, or every pair tied alike)."""
    sweeps: int
    converged: bool


def core_periphery(
    graph: Any,
    *,
    weighted: bool = True,
    tolerance: float = TOLERANCE,
    max_sweeps: int = MAX_SWEEPS,
    ends: Any = None,
) -> CorePeriphery:
    """Borgatti–Everett continuous coreness of every node, and the fit's correlation.

    The continuous model gives each node a coreness ``c_i >= 0`` such that the tie between
    ``i`` and ``j`` is expected to be strong when ``c_i c_j`` is large: two core nodes are
    tied, a core and a peripheral node less, two peripheral nodes hardly. The scores minimise
    the residuals off the diagonal (Comrey's MINRES, as Boyd et al. fit the model):

    .. math:: f(c) = \\sum_{i<j} \\left(a_{ij} - c_i c_j\\right)^2

    with ``a_ij`` the tie's weight (``weighted``; 1 for a tie otherwise, 0 for no tie). The
    fit's quality is Borgatti and Everett's: the Pearson correlation between ``a_ij`` and the
    ideal pattern ``c_i c_j`` over all pairs ``i < j``.

    Algorithm: cyclic coordinate descent. The scores start at ``c_i = s_i / sqrt(sum_j s_j)``
    (``s_i`` the node's weighted degree, so ``c_i c_j`` starts at the configuration model's
    expected tie); then each sweep visits the nodes in vertex order and sets

    .. math:: c_i \\leftarrow \\frac{\\sum_{j \\ne i} a_{ij} c_j}{\\sum_{j \\ne i} c_j^2}

    the exact minimiser of ``f`` in ``c_i`` with the other scores fixed, so ``f`` never
    increases and the scores converge to a stationary point of ``f``. (Updating every score
    at once from the previous sweep's, the Jacobi form of the same equation, oscillates on
    Zachary's karate club and is not used.) Convergence rule: the fit ends after the first
    sweep in which no score moved by more than ``tolerance`` times the largest score, or
    after ``max_sweeps`` sweeps (``converged`` is then False). An isolate's score is 0.
    Nothing is random: the start and the order are fixed, so the same graph always gives the
    same scores. The scores are reported scaled to Euclidean norm 1 (the correlation does
    not depend on the scale). On a star the infimum of ``f`` is approached only as the
    leaves' scores shrink towards 0, so the fit does not converge there. ``ends``, when
    given, is ``edge_array(graph)`` (read once by a caller that needs it often).

    References
    ----------
    .. [1] Borgatti, S. P. and Everett, M. G. (1999). Models of core/periphery structures.
       *Social Networks* 21(4), 375-395. doi:10.1016/S0378-8733(99)00019-2
    .. [2] Boyd, J. P., Fitzgerald, W. J., Mahutga, M. C. and Smith, D. A. (2010). Computing
       continuous core/periphery structures for social relations data with MINRES/SVD.
       *Social Networks* 32(2), 125-137. doi:10.1016/j.socnet.2009.09.003
    """
    n = graph.vcount()
    edges = edge_array(graph) if ends is None else ends
    if WEIGHT in graph.es.attributes() and weighted:
        weights = np.asarray(graph.es[WEIGHT], dtype=np.float64)
    else:
        weights = np.ones(len(edges))
    if len(edges) == 0:
        return CorePeriphery([0.0] * n, None, 0, True)
    rows = np.concatenate((edges[:, 0], edges[:, 1]))
    cols = np.concatenate((edges[:, 1], edges[:, 0]))
    adjacency = sparse.csr_array((np.concatenate((weights, weights)), (rows, cols)), (n, n))
    scores, sweeps, converged = _minres(adjacency, tolerance, max_sweeps)
    return CorePeriphery(
        coreness=(scores / np.linalg.norm(scores)).tolist(),
        correlation=_pattern_correlation(n, edges, weights, scores),
        sweeps=sweeps,
        converged=converged,
    )


def _minres(adjacency: Any, tolerance: float, max_sweeps: int) -> tuple[Any, int, bool]:
    strength = np.asarray(adjacency.sum(axis=1)).ravel()
    scores = strength / np.sqrt(strength.sum())
    indptr = adjacency.indptr.astype(np.int64)
    columns = adjacency.indices.astype(np.int64)
    values = adjacency.data.astype(np.float64)
    sweeps, converged = _sweep(indptr, columns, values, scores, tolerance, max_sweeps)
    return scores, int(sweeps), bool(converged)


@compiled
def _sweep(
    indptr: Any, columns: Any, values: Any, scores: Any, tolerance: float, max_sweeps: int
) -> tuple[int, bool]:
    """Gauss–Seidel sweeps over the vertices in order, updating ``scores`` in place; each
    vertex's update uses the scores already updated in this sweep, so it runs compiled."""
    for sweep in range(1, max_sweeps + 1):
        squares = 0.0  # afresh each sweep: no drift from the updates
        for v in range(scores.shape[0]):
            squares += scores[v] * scores[v]
        moved = 0.0
        for v in range(scores.shape[0]):
            lo, hi = indptr[v], indptr[v + 1]
            if lo == hi:
                continue
            old = scores[v]
            rest = squares - old * old
            if rest <= 0.0:
                continue
            reached = 0.0
            for at in range(lo, hi):
                reached += values[at] * scores[columns[at]]
            new = reached / rest
            scores[v] = new
            squares = rest + new * new
            moved = max(moved, abs(new - old))
        if moved <= tolerance * scores.max():
            return sweep, True
    return max_sweeps, False


def _pattern_correlation(n: int, edges: Any, weights: Any, scores: Any) -> float | None:
    """Pearson's r of a_ij and c_i c_j over the n(n-1)/2 pairs, from sums over the ties and
    the scores alone (no n-by-n matrix): the pairs without a tie contribute a = 0."""
    pairs = n * (n - 1) / 2
    tie_sum = float(weights.sum())
    tie_squares = float(weights @ weights)
    total, squares = float(scores.sum()), float(scores @ scores)
    pattern_sum = (total * total - squares) / 2
    pattern_squares = (squares * squares - float((scores**2) @ (scores**2))) / 2
    cross = float(weights @ (scores[edges[:, 0]] * scores[edges[:, 1]]))
    tie_mean, pattern_mean = tie_sum / pairs, pattern_sum / pairs
    covariance = cross / pairs - tie_mean * pattern_mean
    tie_variance = tie_squares / pairs - tie_mean**2
    pattern_variance = pattern_squares / pairs - pattern_mean**2
    # Equal values (a complete or a regular graph) leave rounding noise, not a variance.
    if tie_variance <= _CONSTANT * tie_mean**2 or pattern_variance <= _CONSTANT * pattern_mean**2:
        return None
    return covariance / float(np.sqrt(tie_variance * pattern_variance))
