"""Per-node and whole-network measures of an undirected igraph graph, in networkx's conventions.

The input is an undirected, simple ``igraph.Graph`` (vertices ``0..n-1``, no loops, no multi-edges)
with an optional edge attribute ``"weight"``: a finite float > 0 meaning tie *strength*. Weights
are therefore never used as distances: betweenness and closeness count hops.

Every measure reproduces a named networkx function to 1e-9 (``tests/test_analytics_centrality.py``
proves it), but runs in igraph's C core, in vectorised numpy/scipy or in code compiled by numba,
never in Python loops over edges or vertex pairs. Values networkx reports as ``nan`` (undefined)
are ``None`` here.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy import sparse
from scipy.sparse.linalg import eigsh

from graph.analytics.brandes import dependencies
from graph.analytics.compiled import compiled
from graph.analytics.triangles import orient, triangles

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

WEIGHT = "weight"

_TIE_TOLERANCE = 1e-9  # relative: components whose leading eigenvalues agree this well are tied
_DENSE_EIGEN_LIMIT = 256  # components up to this size get a dense eigensolver, larger ones ARPACK


@dataclass(frozen=True)
class Sampling:
    """How betweenness and closeness were estimated: from ``sources`` source vertices drawn
    with ``seed``."""

    sources: int
    seed: int
    vertices: tuple[int, ...]  # the sampled source vertices, ascending


@dataclass(frozen=True)
class NodeMeasures:
    """Per-vertex measures; every list is indexed by vertex id."""

    degree: list[int]
    weighted_degree: list[float]
    betweenness: list[float]
    closeness: list[float]
    eigenvector: list[float]
    constraint: list[float | None]  # None for isolates (networkx gives nan)
    effective_size: list[float | None]  # None for isolates (networkx gives nan)
    sampling: Sampling | None  # None when betweenness is exact


# --- whole-network measures -----------------------------------------------------------------


def density(graph: Any) -> float:
    """Share of possible ties present: ``nx.density(G)`` = 2m / (n(n-1)); 0.0 when n <= 1."""
    _check(graph)
    n, m = int(graph.vcount()), int(graph.ecount())
    if m == 0 or n <= 1:
        return 0.0
    return 2.0 * m / (n * (n - 1))


def components(graph: Any) -> list[list[int]]:
    """Connected components as ascending vertex lists, largest first, ties by smallest vertex.

    The sets equal ``nx.connected_components(G)``; networkx leaves the order unspecified, so this
    fixes it. An isolated vertex is a component of its own.
    """
    _check(graph)
    if graph.vcount() == 0:
        return []
    membership = _membership(graph)
    sizes = np.bincount(membership)
    grouped = np.argsort(membership, kind="stable")  # ascending vertices within each component
    starts = np.cumsum(sizes) - sizes
    smallest = grouped[starts]
    order = np.lexsort((smallest, -sizes))
    groups = np.split(grouped, np.cumsum(sizes)[:-1])
    return [groups[c].tolist() for c in order]


def nominal_assortativity(
    graph: Any, groups: Sequence[str | None], *, ends: IntArray | None = None
) -> float | None:
    """Newman's assortativity of a categorical vertex attribute.

    Reproduces ``nx.attribute_assortativity_coefficient(G, attr)``: with ``e`` the symmetric
    mixing matrix (each edge counted in both directions, normalised to sum 1) and ``a`` its row
    sums, ``r = (trace(e) - sum(a**2)) / (1 - sum(a**2))``. Vertices whose group is ``None`` are
    left out together with their edges, i.e. the coefficient of the subgraph induced by vertices
    of known group. ``None`` when undefined: that subgraph has no edges, or all of its edge
    endpoints share one group (0/0; networkx gives nan). ``ends``, when given, is
    ``edge_array(graph)`` (read once by a caller that needs it often).
    """
    _check(graph)
    n = graph.vcount()
    if len(groups) != n:
        raise ValueError(f"groups has {len(groups)} entries for {n} vertices")
    known = np.fromiter((group is not None for group in groups), dtype=bool, count=n)
    codes = np.full(n, -1, dtype=np.int64)
    if known.any():
        labels = np.array([group for group in groups if group is not None], dtype=str)
        _, inverse = np.unique(labels, return_inverse=True)
        codes[known] = inverse.reshape(-1)
    src, dst = _edge_arrays(graph, ends)
    cu, cv = codes[src], codes[dst]
    kept = (cu >= 0) & (cv >= 0)
    cu, cv = cu[kept], cv[kept]
    if cu.size == 0:
        return None
    same = float(np.count_nonzero(cu == cv)) / cu.size  # trace(e)
    a = np.bincount(np.concatenate((cu, cv))) / (2.0 * cu.size)  # row sums of e
    expected = float(a @ a)
    if expected >= 1.0:
        return None
    return (same - expected) / (1.0 - expected)


# --- per-node measures ----------------------------------------------------------------------


def node_measures(
    graph: Any,
    *,
    weighted: bool = True,
    betweenness_sources: int | None = None,
    seed: int = 0,
    ends: IntArray | None = None,
) -> NodeMeasures:
    """All per-node measures at once; see the function of each measure for its convention.

    ``weighted`` selects whether eigenvector, constraint and effective size use the ``"weight"``
    attribute (when the graph has one). ``weighted_degree`` always uses it; betweenness and
    closeness never do (a weight is a strength, not a distance). ``betweenness_sources`` and
    ``seed`` are as in :func:`betweenness`. ``ends``, when given, is ``edge_array(graph)``
    (read once by a caller that needs it often).
    """
    _check(graph)
    edges = edge_array(graph) if ends is None else ends
    src, dst = _edge_arrays(graph, edges)
    weights = _weight_array(graph)
    used = weights if weighted else None
    membership = _membership(graph)
    between, sampling = betweenness(graph, sources=betweenness_sources, seed=seed, ends=edges)
    if sampling is None:
        close = _closeness(graph, membership)
    else:
        close = sampled_closeness(graph, np.asarray(sampling.vertices, dtype=np.int64))
    holes = _structural_holes(graph.vcount(), src, dst, used)
    return NodeMeasures(
        degree=_degrees(graph),
        weighted_degree=_floats(_strengths(graph, weights)),
        betweenness=between,
        closeness=close,
        eigenvector=_floats(_eigenvector(graph.vcount(), src, dst, used, membership)),
        constraint=holes[0],
        effective_size=holes[1],
        sampling=sampling,
    )


def degree(graph: Any) -> list[int]:
    """Number of neighbours: ``dict(G.degree())`` (a simple graph: neighbours = incident edges)."""
    _check(graph)
    return _degrees(graph)


def weighted_degree(graph: Any) -> list[float]:
    """Sum of incident weights: ``dict(G.degree(weight="weight"))``; 1 per edge when unweighted."""
    _check(graph)
    return _floats(_strengths(graph, _weight_array(graph)))


def betweenness(
    graph: Any, *, sources: int | None = None, seed: int = 0, ends: IntArray | None = None
) -> tuple[list[float], Sampling | None]:
    """Shortest-path betweenness over hops, normalised as ``nx.betweenness_centrality(G)``.

    Both cases sum pair dependencies by Brandes' algorithm, in compiled code on up to two
    threads (:mod:`graph.analytics.brandes`), from each source to every vertex: a pair of
    vertices counts once from each of its ends that is a source (the "ordered" sum).

    Exact (``sources`` is None or >= n): every vertex a source; the result is
    ``nx.betweenness_centrality(G, normalized=True)``, i.e. the pair-dependency sum over
    unordered pairs (half the ordered one, what igraph's ``Graph.betweenness`` reports) times
    2 / ((n-1)(n-2)).

    Sampled (2 <= ``sources`` < n): ``k = sources`` distinct vertices drawn by
    ``numpy.random.default_rng(seed).choice(n, k, replace=False)``; the ordered sum from those
    sources to every vertex is twice ``nx.betweenness_centrality_subset(G, S, V,
    normalized=False)`` (which halves it on undirected graphs) and twice igraph's subset
    betweenness, and is rescaled as networkx rescales its own ``k``-sampled estimate
    (``betweenness_centrality(G, k=...)``, ``endpoints=False``): times 1 / ((k-1)(n-2)) for a
    sampled vertex (its own source contributes nothing to it) and 1 / (k(n-2)) for any other
    vertex. Only the draw of the sources differs from networkx, whose ``seed`` drives Python's
    ``random.sample``. ``k`` below 2 is refused: networkx's estimate is 0/0 (nan) at the single
    source. ``ends``, when given, is ``edge_array(graph)`` (read once by a caller that needs it
    often).
    """
    _check(graph)
    n = graph.vcount()
    if sources is not None and sources < 2:
        raise ValueError("betweenness_sources must be at least 2 (one source leaves 0/0)")
    edges = edge_array(graph) if ends is None else ends
    if sources is None or sources >= n:
        ordered = dependencies(n, edges, np.arange(n, dtype=np.int64))
        if n >= 3:
            ordered /= (n - 1) * (n - 2)
        return _floats(ordered), None
    chosen = sample_sources(n, sources, seed)
    ordered = dependencies(n, edges, chosen)
    scale = np.full(n, 1.0 / (sources * (n - 2)))
    scale[chosen] = 1.0 / ((sources - 1) * (n - 2))
    sampling = Sampling(sources=sources, seed=seed, vertices=tuple(chosen.tolist()))
    return _floats(ordered * scale), sampling


def sample_sources(n: int, k: int, seed: int) -> IntArray:
    """The ``k`` betweenness sources drawn from ``n`` vertices with ``seed``, ascending.

    ``numpy.random.default_rng(seed).choice(n, k, replace=False)``: a uniform sample without
    replacement, as networkx's ``random.sample(list(G), k)``, but from numpy's generator.
    """
    rng = np.random.default_rng(seed)
    return np.sort(rng.choice(n, size=k, replace=False)).astype(np.int64)


def closeness(graph: Any) -> list[float]:
    """Hop-count closeness as ``nx.closeness_centrality(G)`` (``wf_improved=True``).

    For a vertex reaching ``r`` vertices (itself included) at total distance ``d``:
    ``(r-1)/d * (r-1)/(n-1)``, the Wasserman-Faust scaling for disconnected graphs; 0.0 for an
    isolate and for n <= 1. igraph's normalised closeness is only ``(r-1)/d`` (nan for
    isolates), so the factor ``(r-1)/(n-1)`` is applied here.
    """
    _check(graph)
    return _closeness(graph, _membership(graph))


def sampled_closeness(graph: Any, sources: IntArray) -> list[float]:
    """Closeness estimated from the hop distances to a sample of source vertices.

    Exact closeness takes a breadth-first search from every vertex (about ten minutes on 50,000
    vertices and 500,000 edges); this takes one per source. A vertex's mean distance to the
    other vertices of its component is estimated by its mean distance to the sampled sources
    in that component (Eppstein and Wang's estimator), then scaled as :func:`closeness` does:
    ``(r-1)/(n-1) / mean``. Vertices of components that hold no sampled source (other than
    themselves) get their exact closeness, which costs little since such components are small.
    """
    _check(graph)
    n = graph.vcount()
    if n <= 1:
        return [0.0] * n
    membership = _membership(graph)
    reached = np.bincount(membership)[membership]
    distances = np.asarray(graph.distances(source=sources.tolist()), dtype=np.float64)
    counted = np.isfinite(distances) & (distances > 0)
    counts = counted.sum(axis=0)
    totals = np.where(counted, distances, 0.0).sum(axis=0)
    result = np.zeros(n, dtype=np.float64)
    estimated = counts > 0
    result[estimated] = (reached[estimated] - 1) / (n - 1) * counts[estimated] / totals[estimated]
    exact = np.flatnonzero(~estimated & (reached > 1))
    if exact.size:
        raw = np.asarray(graph.closeness(exact.tolist(), mode="all", normalized=True))
        result[exact] = raw * (reached[exact] - 1) / (n - 1)
    return _floats(result)


def eigenvector(graph: Any, *, weighted: bool = True) -> list[float]:
    """Leading eigenvector of the adjacency matrix, Euclidean norm 1, non-negative.

    On a connected graph this is ``nx.eigenvector_centrality_numpy(G, weight="weight" if
    weighted else None)``. networkx raises ``AmbiguousSolution`` on a disconnected graph (and
    ``NetworkXPointlessConcept`` on the null graph); here instead:

    * the leading eigenvalue of the whole matrix is the largest of the components' leading
      eigenvalues; only components attaining it get non-zero values, every other vertex
      (isolates included, whenever there is an edge) gets 0.0. When one component attains it,
      its values equal networkx's on that component as a graph of its own;
    * when several components attain it (relative tolerance 1e-9, e.g. two identical
      triangles) the eigenvector is not unique; each of the ``t`` tied components gets its own
      normalised Perron vector times ``1/sqrt(t)``, so symmetric vertices get equal values;
    * a graph without edges is the extreme case: every vertex gets ``1/sqrt(n)``.
    """
    _check(graph)
    src, dst = _edge_arrays(graph)
    weights = _weight_array(graph) if weighted else None
    n = graph.vcount()
    return _floats(_eigenvector(n, src, dst, weights, _membership(graph)))


def constraint(graph: Any, *, weighted: bool = True) -> list[float | None]:
    """Burt's constraint: ``nx.constraint(G, weight="weight" if weighted else None)``.

    ``c(u) = sum over neighbours w of (p_uw + sum_v p_uv p_vw)**2`` with ``p_uw = a_uw /
    sum_x a_ux`` (unweighted: ``a = 1``); the inner sums run over the triangles at ``u``, listed
    by compiled code (:mod:`graph.analytics.triangles`). igraph's ``Graph.constraint`` computes
    the same on a simple undirected graph, but twenty times slower on the benchmark's
    clique-heavy projection. Isolates (nan in networkx) are None.
    """
    _check(graph)
    src, dst = _edge_arrays(graph)
    weights = _weight_array(graph) if weighted else None
    return _structural_holes(graph.vcount(), src, dst, weights)[0]


def effective_size(graph: Any, *, weighted: bool = True) -> list[float | None]:
    """Burt's effective size: ``nx.effective_size(G, nodes=list(G), weight=...)``.

    ``weight="weight" if weighted else None``. General formula, as networkx's per-node path:
    ``e(u) = sum over neighbours v of (1 - sum over neighbours w of p_uw m_vw)`` with
    ``p_uw = a_uw / sum_x a_ux`` and ``m_vw = a_vw / max_x a_vx``. Since ``m_vw`` vanishes unless
    ``v`` and ``w`` are adjacent, the inner sums run over the triangles at ``u``, which are
    listed by compiled code. Unweighted, this is Borgatti's shortcut ``deg(u) - 2 t(u) / deg(u)``
    (``t`` = ties among the neighbours), and networkx's default path (``nodes=None``) agrees.
    Weighted, that default path of networkx 3.6 divides by ``max_x a_wx`` instead of
    ``max_x a_vx`` (a broadcasting bug, networkx PR #8906), so it is not followed. Isolates (nan
    in networkx) are None.
    """
    _check(graph)
    src, dst = _edge_arrays(graph)
    weights = _weight_array(graph) if weighted else None
    return _structural_holes(graph.vcount(), src, dst, weights)[1]


# --- implementation -------------------------------------------------------------------------


def _check(graph: Any) -> None:
    if graph.is_directed():
        raise ValueError("centrality measures need an undirected graph")
    if not graph.is_simple():
        raise ValueError(
            "centrality measures need a simple graph: no loops, no multi-edges "
            '(e.g. graph.simplify(combine_edges={"weight": "sum"}))'
        )


def edge_array(graph: Any) -> IntArray:
    """The edge list as an (m, 2) int64 array, in igraph's edge order."""
    pairs = graph.get_edgelist()
    flat = itertools.chain.from_iterable(pairs)  # far faster than numpy reading the tuples
    return np.fromiter(flat, dtype=np.int64, count=2 * len(pairs)).reshape(-1, 2)


def _edge_arrays(graph: Any, ends: IntArray | None = None) -> tuple[IntArray, IntArray]:
    edges = edge_array(graph) if ends is None else ends
    return edges[:, 0].copy(), edges[:, 1].copy()


def _weight_array(graph: Any) -> FloatArray | None:
    """The ``"weight"`` attribute as floats, or None when the graph has none."""
    if WEIGHT not in graph.es.attributes():
        return None
    weights = np.asarray(graph.es[WEIGHT], dtype=np.float64)
    if not bool(np.all(np.isfinite(weights) & (weights > 0))):
        raise ValueError('edge attribute "weight" must be a finite number > 0 on every edge')
    return weights


def _membership(graph: Any) -> IntArray:
    return np.asarray(graph.connected_components().membership, dtype=np.int64)


def _degrees(graph: Any) -> list[int]:
    return [int(d) for d in graph.degree()]


def _strengths(graph: Any, weights: FloatArray | None) -> FloatArray:
    if weights is None:
        return np.asarray(graph.degree(), dtype=np.float64)
    return np.asarray(graph.strength(weights=weights.tolist()), dtype=np.float64)


def _floats(values: FloatArray) -> list[float]:
    out: list[float] = values.tolist()
    return out


def _undefined_for_isolates(values: FloatArray, degrees: npt.NDArray[Any]) -> list[float | None]:
    out: list[float | None] = list(_floats(values))
    for vertex in np.flatnonzero(degrees == 0).tolist():
        out[vertex] = None
    return out


def _closeness(graph: Any, membership: IntArray) -> list[float]:
    n = graph.vcount()
    if n <= 1:
        return [0.0] * n
    reached = np.bincount(membership)[membership]  # size of each vertex's component
    raw = np.asarray(graph.closeness(mode="all", normalized=True), dtype=np.float64)
    safe = np.where(reached > 1, raw, 0.0)  # igraph: nan for isolates
    return _floats(safe * (reached - 1) / (n - 1))


def _adjacency(n: int, src: IntArray, dst: IntArray, weights: FloatArray) -> Any:
    rows = np.concatenate((src, dst))
    cols = np.concatenate((dst, src))
    return sparse.csr_array((np.concatenate((weights, weights)), (rows, cols)), shape=(n, n))


def _eigenvector(
    n: int, src: IntArray, dst: IntArray, weights: FloatArray | None, membership: IntArray
) -> FloatArray:
    result = np.zeros(n)
    if n == 0:
        return result
    if src.size == 0:
        result[:] = 1.0 / np.sqrt(n)
        return result
    w = np.ones(src.size) if weights is None else weights
    strength = np.bincount(src, w, minlength=n) + np.bincount(dst, w, minlength=n)
    sizes = np.bincount(membership)
    # Bounds on each component's leading eigenvalue: max row sum above, Rayleigh quotient of the
    # all-ones vector (mean strength) below. Only components that can reach the best are solved.
    upper = np.zeros(sizes.size)
    np.maximum.at(upper, membership, strength)
    floor = float((np.bincount(membership, strength) / sizes).max())
    grouped = np.argsort(membership, kind="stable")
    starts = np.cumsum(sizes) - sizes
    adjacency = _adjacency(n, src, dst, w)

    best = -np.inf
    solved: list[tuple[float, IntArray, FloatArray]] = []
    for c in np.argsort(-upper, kind="stable").tolist():
        if upper[c] < _tied_below(max(best, floor)):
            break
        vertices = grouped[starts[c] : starts[c] + sizes[c]]
        value, vector = _perron(adjacency[vertices][:, vertices])
        solved.append((value, vertices, vector))
        best = max(best, value)
    winners = [(v, x) for value, v, x in solved if value >= _tied_below(best)]
    for vertices, vector in winners:
        result[vertices] = vector / np.sqrt(len(winners))
    return result


def _tied_below(value: float) -> float:
    return value - _TIE_TOLERANCE * max(1.0, abs(value))


def _perron(matrix: Any) -> tuple[float, FloatArray]:
    """Leading eigenpair of a connected component's symmetric adjacency, vector >= 0, norm 1."""
    size = matrix.shape[0]
    if size <= _DENSE_EIGEN_LIMIT:
        values, vectors = np.linalg.eigh(matrix.toarray())
        value, vector = float(values[-1]), vectors[:, -1]
    else:
        # A positive start vector cannot be orthogonal to the (positive) Perron vector, and it
        # makes ARPACK deterministic.
        values, vectors = eigsh(matrix, k=1, which="LA", tol=0, v0=np.ones(size))
        value, vector = float(values[0]), vectors[:, 0]
    vector = np.abs(np.asarray(vector, dtype=np.float64))
    return value, vector / np.linalg.norm(vector)


def _structural_holes(
    n: int, src: IntArray, dst: IntArray, weights: FloatArray | None
) -> tuple[list[float | None], list[float | None]]:
    """Burt's constraint and effective size of every vertex, from one pass over the triangles.

    With ``a`` the symmetric tie strengths, ``s`` their row sums and ``h`` their row maxima,
    ``p_uw = a_uw / s_u`` and ``m_vw = a_vw / h_v``. Constraint: ``(p_uw + sum_v p_uv
    p_vw)`` is ``(a_uw + y_uw) / s_u`` with ``y_uw = sum_v a_uv a_vw / s_v`` over the common
    neighbours v, symmetric, so one number per tie. Effective size: the redundancy ``sum_w
    p_uw sum_v m_vw`` over tied neighbours v, w of u is ``z_u / s_u`` with ``z_u`` summed over
    the triangles at u."""
    w = np.ones(src.size) if weights is None else weights
    degrees = np.bincount(src, minlength=n) + np.bincount(dst, minlength=n)
    strength = np.zeros(n)
    np.add.at(strength, src, w)
    np.add.at(strength, dst, w)
    heaviest = np.zeros(n)
    np.maximum.at(heaviest, src, w)
    np.maximum.at(heaviest, dst, w)
    graph = orient(n, src, dst)
    oriented = w[graph.edges]
    through = np.zeros(len(oriented))
    redundancy = np.zeros(n)
    inverse_strength, inverse_heaviest = _inverse(strength), _inverse(heaviest)
    for chunk in triangles(graph):
        _burt_sums(chunk, graph.tails, graph.heads, oriented, inverse_strength, inverse_heaviest,
              through, redundancy)  # fmt: skip
    direct = (oriented + through) ** 2
    squares = np.bincount(graph.tails, direct, minlength=n)
    squares += np.bincount(graph.heads, direct, minlength=n)
    constraint = squares * inverse_strength**2
    effective = degrees - redundancy * inverse_strength
    return (
        _undefined_for_isolates(constraint, degrees),
        _undefined_for_isolates(effective, degrees),
    )


@compiled
def _burt_sums(
    chunk: IntArray,
    tails: IntArray,
    heads: IntArray,
    weights: FloatArray,
    inverse_strength: FloatArray,
    inverse_heaviest: FloatArray,
    through: FloatArray,
    redundancy: FloatArray,
) -> None:
    """Adds each listed triangle's terms of ``y`` (per oriented tie) and ``z`` (per vertex)."""
    for row in range(chunk.shape[0]):
        uv, uw, vw = chunk[row, 0], chunk[row, 1], chunk[row, 2]
        u, v, w = tails[uv], heads[uv], heads[uw]
        a_uv, a_uw, a_vw = weights[uv], weights[uw], weights[vw]
        through[uv] += a_uw * a_vw * inverse_strength[w]
        through[uw] += a_uv * a_vw * inverse_strength[v]
        through[vw] += a_uv * a_uw * inverse_strength[u]
        redundancy[u] += a_vw * (a_uw * inverse_heaviest[v] + a_uv * inverse_heaviest[w])
        redundancy[v] += a_uw * (a_vw * inverse_heaviest[u] + a_uv * inverse_heaviest[w])
        redundancy[w] += a_uv * (a_vw * inverse_heaviest[u] + a_uw * inverse_heaviest[v])


def _inverse(values: FloatArray) -> FloatArray:
    return np.divide(1.0, values, out=np.zeros_like(values), where=values > 0)
