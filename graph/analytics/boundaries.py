"""Ties across group boundaries: the Krackhardt–Stern E-I index and Gould–Fernandez brokerage.

Neither measure is implemented by igraph or networkx. Both take a graph and one group label per
vertex (``groups[v]``; ``None`` means the vertex's group is unknown) and are computed with numpy
array operations (and, for brokerage's closed triangles, code compiled by numba), so their cost
grows with the number of edges and triangles, never with a Python loop over ties or 2-paths.

References:
    D. Krackhardt and R. N. Stern (1988), "Informal networks and organizational crises:
    an experimental simulation", Social Psychology Quarterly 51(2), 123-140.

    R. V. Gould and R. M. Fernandez (1989), "Structures of mediation: a formal approach to
    brokerage in transaction networks", Sociological Methodology 19, 89-126.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import igraph
import numpy as np
import numpy.typing as npt
from scipy import sparse

from graph.analytics.centrality import edge_array
from graph.analytics.compiled import compiled
from graph.analytics.triangles import orient, triangles

__all__ = ["EI", "BrokerageRoles", "EIResult", "brokerage", "ei_index"]

_IntArray = npt.NDArray[np.int64]
_FloatArray = npt.NDArray[np.float64]
_BoolArray = npt.NDArray[np.bool_]


# --------------------------------------------------------------------------------------------
# Shared helpers
# --------------------------------------------------------------------------------------------


def _group_codes(graph: Any, groups: Sequence[str | None]) -> tuple[_IntArray, list[str]]:
    """Integer code per vertex (−1 for unknown) and the sorted group names the codes index."""
    if len(groups) != graph.vcount():
        raise ValueError(
            f"groups has {len(groups)} entries but the graph has {graph.vcount()} vertices"
        )
    names = sorted({g for g in groups if g is not None})
    index = {name: i for i, name in enumerate(names)}
    codes = np.fromiter(
        (-1 if g is None else index[g] for g in groups), dtype=np.int64, count=len(groups)
    )
    return codes, names


# --------------------------------------------------------------------------------------------
# E-I index
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EI:
    """External and internal tie counts (or weight sums) and the index (E − I) / (E + I).

    ``index`` is ``None`` when E + I = 0 (nothing counted). The index runs from −1 (every tie
    internal) to +1 (every tie external).
    """

    external: float
    internal: float
    index: float | None


@dataclass(frozen=True, slots=True)
class EIResult:
    """E-I index for the whole network, for each group and for each vertex.

    ``groups`` maps every group name that labels at least one vertex (sorted by name) to its
    :class:`EI`. ``vertices[v]`` is vertex v's :class:`EI`, or ``None`` when v's group is
    unknown.
    """

    whole: EI
    groups: dict[str, EI]
    vertices: tuple[EI | None, ...]


def _ei(external: float, internal: float) -> EI:
    total = external + internal
    index = None if total == 0 else (external - internal) / total
    return EI(float(external), float(internal), index)


def ei_index(
    graph: igraph.Graph,
    groups: Sequence[str | None],
    weights: Sequence[float] | None = None,
    *,
    ends: _IntArray | None = None,
) -> EIResult:
    """Krackhardt–Stern E-I index: (E − I) / (E + I).

    E counts ties between vertices of different groups (external), I ties between vertices of
    the same group (internal).

    Conventions:

    * A tie with an endpoint of unknown group (``groups[v] is None``) is left out everywhere.
    * Self-loops are ignored. Multi-edges count once each (parallel ties are separate ties).
    * In a directed graph each arc counts once; a→b and b→a are two ties.
    * Whole network: E and I over all counted ties.
    * Group G: E = ties with exactly one end in G, I = ties with both ends in G.
    * Vertex v: E = v's counted ties to other groups, I = to its own group. In a directed graph
      both in- and out-arcs of v count. An unknown-group vertex gets ``None`` instead of an
      :class:`EI`.
    * ``index`` is ``None`` whenever E + I = 0 (e.g. a vertex with no counted tie).
    * ``weights`` (one non-negative number per edge, in igraph edge order) makes E and I sums of
      tie weights instead of tie counts. Without weights E and I are counts (as floats).
    * ``ends``, when given, is ``edge_array(graph)`` (read once by a caller that needs it often).

    Raises ``ValueError`` when ``groups`` or ``weights`` has the wrong length, or a weight is
    negative or not finite.
    """
    codes, names = _group_codes(graph, groups)
    n, k = len(codes), len(names)
    edges = edge_array(graph) if ends is None else ends
    if weights is None:
        w: _FloatArray = np.ones(len(edges), dtype=np.float64)
    else:
        if len(weights) != len(edges):
            raise ValueError(
                f"weights has {len(weights)} entries but the graph has {len(edges)} edges"
            )
        w = np.asarray(weights, dtype=np.float64).reshape(-1)
        if not np.all(np.isfinite(w)) or np.any(w < 0):
            raise ValueError("weights must be finite and non-negative")

    src, dst = edges[:, 0], edges[:, 1]
    keep = (src != dst) & (codes[src] >= 0) & (codes[dst] >= 0)
    src, dst, w = src[keep], dst[keep], w[keep]
    gs, gd = codes[src], codes[dst]
    ext = gs != gd
    inn = ~ext

    whole = _ei(float(w[ext].sum()), float(w[inn].sum()))

    g_int = np.bincount(gs[inn], weights=w[inn], minlength=k)
    g_ext = np.bincount(gs[ext], weights=w[ext], minlength=k) + np.bincount(
        gd[ext], weights=w[ext], minlength=k
    )
    by_group = {name: _ei(g_ext[i], g_int[i]) for i, name in enumerate(names)}

    v_int = np.bincount(src[inn], weights=w[inn], minlength=n) + np.bincount(
        dst[inn], weights=w[inn], minlength=n
    )
    v_ext = np.bincount(src[ext], weights=w[ext], minlength=n) + np.bincount(
        dst[ext], weights=w[ext], minlength=n
    )
    by_vertex = tuple(
        None if code < 0 else _ei(e, i)
        for code, e, i in zip(codes.tolist(), v_ext.tolist(), v_int.tolist(), strict=True)
    )
    return EIResult(whole=whole, groups=by_group, vertices=by_vertex)


# --------------------------------------------------------------------------------------------
# Gould–Fernandez brokerage
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BrokerageRoles:
    """How many times one vertex brokers in each Gould–Fernandez role.

    With the broker b on the 2-path a → b → c:

    * ``coordinator``: a, b and c are all in one group;
    * ``itinerant`` (consultant): a and c share a group, b is in another;
    * ``representative``: a and b share a group, c is in another;
    * ``gatekeeper``: b and c share a group, a is in another;
    * ``liaison``: a, b and c are in three different groups.
    """

    coordinator: int
    itinerant: int
    representative: int
    gatekeeper: int
    liaison: int

    @property
    def total(self) -> int:
        """All brokered ordered pairs, whatever the role."""
        return (
            self.coordinator + self.itinerant + self.representative + self.gatekeeper + self.liaison
        )


# Column order of the role count matrix.
_COORDINATOR, _ITINERANT, _REPRESENTATIVE, _GATEKEEPER, _LIAISON = range(5)
_ROLE_BY_SAMENESS = np.array(
    [_LIAISON, _ITINERANT, _GATEKEEPER, -1, _REPRESENTATIVE, -1, -1, _COORDINATOR]
)
"""The role of broker b on the 2-path a → b → c at ``4 (a ~ b) + 2 (b ~ c) + (a ~ c)``, where
x ~ y when x and y are in one group (-1: impossible, two of them make the third)."""


def _sorted_unique(values: _IntArray) -> _IntArray:
    """The distinct values, sorted (plain sort, cheaper than ``np.unique`` on large arrays)."""
    values = np.sort(values)
    if len(values) == 0:
        return values
    first = np.empty(len(values), dtype=np.bool_)
    first[0] = True
    np.not_equal(values[1:], values[:-1], out=first[1:])
    return values[first]


def _contains(sorted_keys: _IntArray, queries: _IntArray) -> _IntArray:
    """Position of each query in a sorted array of unique keys, or −1 where it is absent."""
    if len(sorted_keys) == 0:
        return np.full(len(queries), -1, dtype=np.int64)
    pos = np.searchsorted(sorted_keys, queries)
    pos[pos == len(sorted_keys)] = 0
    found: _IntArray = np.where(sorted_keys[pos] == queries, pos, -1).astype(np.int64)
    return found


def _closed_role_counts(
    n: int, src: _IntArray, dst: _IntArray, reciprocal: _BoolArray, codes: _IntArray
) -> _IntArray:
    """Per broker b and role, the 2-paths a → b → c (a ≠ c) closed by an arc a → c.

    ``src``/``dst`` are the simple arcs and ``reciprocal`` marks arcs whose reverse exists.
    Such a, b, c span a triangle of the underlying undirected graph; each triangle is checked
    in all six orders using which directions each of its three edges carries.
    """
    # Undirected skeleton: each pair once, with the directions it carries.
    one_way = (src < dst) | ~reciprocal
    src, dst, reciprocal = src[one_way], dst[one_way], reciprocal[one_way]
    graph = orient(n, src, dst)
    src, dst, reciprocal = src[graph.edges], dst[graph.edges], reciprocal[graph.edges]
    along = (graph.tails == src) | reciprocal  # the arc tail → head exists
    against = (graph.tails == dst) | reciprocal  # the arc head → tail exists
    arcs = along.astype(np.int64) | (against.astype(np.int64) << 1)
    every = bool(np.all(reciprocal))  # then compiled without reading arcs
    counts = np.zeros((n, 5), dtype=np.int64)
    for chunk in triangles(graph):
        _closed_pairs(chunk, graph.tails, graph.heads, None if every else arcs, codes, counts)
    return counts


@compiled
def _closed_pairs(
    chunk: _IntArray,
    tails: _IntArray,
    heads: _IntArray,
    arcs: _IntArray | None,
    codes: _IntArray,
    counts: _IntArray,
) -> None:
    """Adds the closed 2-paths of each listed triangle to its broker's role counts; ``arcs``
    tells per oriented edge whether it carries tail → head (1) and head → tail (2), and is
    None when every edge carries both."""
    for row in range(chunk.shape[0]):
        uv, uw, vw = chunk[row, 0], chunk[row, 1], chunk[row, 2]
        u, v, w = tails[uv], heads[uv], heads[uw]
        f_uv = 3 if arcs is None else arcs[uv]
        f_uw = 3 if arcs is None else arcs[uw]
        f_vw = 3 if arcs is None else arcs[vw]
        u_v, v_u = f_uv & 1, f_uv >> 1
        u_w, w_u = f_uw & 1, f_uw >> 1
        v_w, w_v = f_vw & 1, f_vw >> 1
        uv_same = 1 if codes[u] == codes[v] else 0
        uw_same = 1 if codes[u] == codes[w] else 0
        vw_same = 1 if codes[v] == codes[w] else 0
        if v_u and u_w and v_w:  # v → u → w
            counts[u, _ROLE_BY_SAMENESS[4 * uv_same + 2 * uw_same + vw_same]] += 1
        if w_u and u_v and w_v:  # w → u → v
            counts[u, _ROLE_BY_SAMENESS[4 * uw_same + 2 * uv_same + vw_same]] += 1
        if u_v and v_w and u_w:  # u → v → w
            counts[v, _ROLE_BY_SAMENESS[4 * uv_same + 2 * vw_same + uw_same]] += 1
        if w_v and v_u and w_u:  # w → v → u
            counts[v, _ROLE_BY_SAMENESS[4 * vw_same + 2 * uv_same + uw_same]] += 1
        if u_w and w_v and u_v:  # u → w → v
            counts[w, _ROLE_BY_SAMENESS[4 * uw_same + 2 * vw_same + uv_same]] += 1
        if v_w and w_u and v_u:  # v → w → u
            counts[w, _ROLE_BY_SAMENESS[4 * vw_same + 2 * uw_same + uv_same]] += 1


def brokerage(
    graph: igraph.Graph, groups: Sequence[str | None], *, ends: _IntArray | None = None
) -> list[BrokerageRoles]:
    """Gould–Fernandez brokerage role counts for every vertex.

    Vertex b brokers for the ordered pair (a, c) when a → b and b → c, a ≠ c, and there is no
    arc a → c (the standard definition, as in statnet's ``sna::brokerage``). Each brokered
    ordered pair adds one to exactly one of b's five roles (see :class:`BrokerageRoles`).

    Conventions:

    * The simple adjacency is used: self-loops are dropped and parallel arcs count once.
    * An undirected graph is treated as directed with both arcs for every edge, so every
      brokered unordered pair {a, c} is counted twice, once as (a, c) and once as (c, a).
      Representative and gatekeeper counts then mirror each other (a path a–b–c that is
      representative one way is gatekeeper the other way), and the other roles come in pairs.
    * 2-paths with an endpoint or broker of unknown group (``None``) are not counted; an
      unknown-group vertex gets all-zero counts. Arcs touching unknown vertices are dropped
      first, which is exact: whether a → c closes a 2-path depends on a and c alone.

    Method (no loop over 2-paths): all ordered pairs in(b) × out(b) are split by role from
    per-(broker, group) neighbour histograms (numpy); pairs with a = c (reciprocated ties)
    are subtracted, and so are closed pairs (arc a → c present), which span a triangle of the
    underlying undirected graph: each triangle is listed once and its closed 2-paths counted
    by compiled code (:mod:`graph.analytics.triangles`). Cost is O(m log m) plus O(m √m) in
    the worst case for the triangles.

    ``ends``, when given, is ``edge_array(graph)`` (read once by a caller that needs it often).
    Returns one :class:`BrokerageRoles` per vertex, in vertex order. Raises ``ValueError`` when
    ``groups`` has the wrong length.
    """
    codes, _ = _group_codes(graph, groups)
    n = len(codes)
    k = int(codes.max()) + 1 if n else 0
    edges = edge_array(graph) if ends is None else ends
    if not graph.is_directed():
        edges = np.concatenate([edges, edges[:, ::-1]])
    src, dst = edges[:, 0], edges[:, 1]
    keep = (src != dst) & (codes[src] >= 0) & (codes[dst] >= 0)
    keys = _sorted_unique(src[keep] * n + dst[keep])  # the simple arcs among known vertices
    src, dst = keys // n, keys % n
    gs, gd = codes[src], codes[dst]
    same = gs == gd

    # Every ordered pair (a, c) with a ∈ in(b), c ∈ out(b), including a = c and closed pairs.
    indeg = np.bincount(dst, minlength=n)
    outdeg = np.bincount(src, minlength=n)
    in_same = np.bincount(dst[same], minlength=n)  # in-neighbours of b in b's group
    out_same = np.bincount(src[same], minlength=n)  # out-neighbours of b in b's group
    # Σ_g in_g(b) · out_g(b), the pairs whose ends share a group, from sparse (broker × group)
    # histograms of in- and out-neighbours (a dense one would be n × k).
    ones = np.ones(len(keys))
    by_in = sparse.csr_array((ones, (dst, gs)), shape=(n, max(k, 1)))
    by_out = sparse.csr_array((ones, (src, gd)), shape=(n, max(k, 1)))
    same_pairs = np.rint(by_in.multiply(by_out).sum(axis=1)).astype(np.int64)

    counts = np.empty((n, 5), dtype=np.int64)
    counts[:, _COORDINATOR] = in_same * out_same
    counts[:, _ITINERANT] = same_pairs - in_same * out_same
    counts[:, _REPRESENTATIVE] = in_same * (outdeg - out_same)
    counts[:, _GATEKEEPER] = (indeg - in_same) * out_same
    counts[:, _LIAISON] = (
        indeg * outdeg - same_pairs - counts[:, _REPRESENTATIVE] - counts[:, _GATEKEEPER]
    )

    # Minus the pairs with a = c: b → a and a → b, a coordinator or itinerant pair.
    if graph.is_directed():
        reciprocal = _contains(keys, dst * n + src) >= 0
    else:
        reciprocal = np.ones(len(keys), dtype=np.bool_)
    b_rec, a_same = src[reciprocal], same[reciprocal]
    counts[:, _COORDINATOR] -= np.bincount(b_rec[a_same], minlength=n)
    counts[:, _ITINERANT] -= np.bincount(b_rec[~a_same], minlength=n)

    # Minus the closed pairs.
    counts -= _closed_role_counts(n, src, dst, reciprocal, codes)

    return [BrokerageRoles(*row) for row in counts.tolist()]
