"""Every triangle of a simple undirected graph, listed by compiled code a chunk at a time.

Burt's constraint and effective size and the closed pairs of Gould–Fernandez brokerage are
sums over the triangles of a graph. A clique-heavy projection has many (62 million on the
benchmark's 50,000 people and 1.3 million ties), too many for Python and too many for numpy
arrays of candidate wedges; numba compiles the listing (and each measure's sum over a chunk)
to machine code that runs without the GIL.

Method: the "forward" algorithm (Schank and Wagner; Latapy). Each edge is directed from its
end of lower rank to its end of higher rank, ranked by (degree, vertex), so no vertex has more
than about √(2m) out-neighbours; a triangle is listed once, from its lowest-ranked vertex u, as
an out-neighbour v of u and an out-neighbour w of v that is also one of u. With u's
out-neighbours marked in an array, the cost is the sum over oriented edges u → v of the
out-degree of v.

References:
    T. Schank and D. Wagner (2005), "Finding, counting and listing all triangles in large
    graphs, an experimental study", WEA 2005, LNCS 3503, 606-609. doi:10.1007/11427186_54

    M. Latapy (2008), "Main-memory triangle computations for very large (sparse
    (power-law)) graphs", Theoretical Computer Science 407, 458-473.
    doi:10.1016/j.tcs.2008.07.017
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from graph.analytics.compiled import compiled

IntArray = npt.NDArray[np.int64]

CHUNK = 1 << 21
"""Candidate triangles (wedges examined) per chunk at most, unless one vertex has more: the
chunk's rows take 12 bytes each (24 above two billion ties)."""


@dataclass(frozen=True)
class Oriented:
    """The edges of a simple undirected graph, each directed from its lower- to its
    higher-ranked end and grouped by that tail: ``heads[starts[u]:starts[u + 1]]`` are u's
    out-neighbours. Position ``a`` is the input edge ``edges[a]``, from ``tails[a]`` to
    ``heads[a]``."""

    starts: IntArray
    tails: IntArray
    heads: IntArray
    edges: IntArray

    @property
    def vertices(self) -> int:
        return len(self.starts) - 1


def orient(n: int, first: IntArray, second: IntArray) -> Oriented:
    """The edges ``first[e]``–``second[e]`` of a simple undirected graph on ``n`` vertices (no
    loop, each pair at most once), oriented by (degree, vertex) rank."""
    first, second = first.astype(np.int64), second.astype(np.int64)
    degree = np.bincount(first, minlength=n) + np.bincount(second, minlength=n)
    rank = np.empty(n, dtype=np.int64)
    rank[np.argsort(degree, kind="stable")] = np.arange(n, dtype=np.int64)
    forward = rank[first] < rank[second]
    tails = np.where(forward, first, second)
    edges = np.argsort(tails, kind="stable").astype(np.int64)
    tails = tails[edges]
    heads = np.where(forward, second, first)[edges]
    starts = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(tails, minlength=n), out=starts[1:])
    return Oriented(starts, tails, heads, edges)


def triangles(graph: Oriented) -> Iterator[IntArray]:
    """Every triangle once, a chunk at a time: an array of rows ``(uv, uw, vw)``, the oriented
    positions of its three sides, so that its vertices are ``u = tails[uv]``, ``v =
    heads[uv]`` and ``w = heads[uw] = heads[vw]``. Each chunk is overwritten by the next."""
    n = graph.vertices
    if n == 0 or len(graph.heads) == 0:
        return
    out_degree = np.diff(graph.starts)
    wedges = np.bincount(graph.tails, out_degree[graph.heads], minlength=n).astype(np.int64)
    # u lists at most its wedges u → v → w, and at most one triangle per pair of its
    # out-neighbours
    bound = np.minimum(wedges, out_degree * (out_degree - 1) // 2)
    before = np.concatenate(([0], np.cumsum(bound)))
    ends = []
    first = 0
    while first < n:
        last = int(np.searchsorted(before, before[first] + CHUNK, side="right")) - 1
        last = min(max(last, first + 1), n)
        ends.append((first, last))
        first = last
    rows = max(int(before[last] - before[first]) for first, last in ends)
    # Half the memory traffic where positions fit (they do below two billion ties).
    out = np.empty((rows, 3), dtype=np.int32 if len(graph.heads) < 2**31 else np.int64)
    mark = np.full(n, -1, dtype=np.int64)
    for first, last in ends:
        listed = _list(graph.starts, graph.heads, first, last, mark, out)
        if listed:
            yield out[:listed]


@compiled
def _list(
    starts: IntArray, heads: IntArray, first: int, last: int, mark: IntArray, out: IntArray
) -> int:
    """Lists the triangles whose lowest-ranked vertex is in ``first..last-1`` into ``out``;
    ``mark`` is all -1 before and after."""
    rows = 0
    for u in range(first, last):
        for a in range(starts[u], starts[u + 1]):
            mark[heads[a]] = a
        for a in range(starts[u], starts[u + 1]):
            v = heads[a]
            for b in range(starts[v], starts[v + 1]):
                c = mark[heads[b]]
                if c >= 0:
                    out[rows, 0] = a
                    out[rows, 1] = c
                    out[rows, 2] = b
                    rows += 1
        for a in range(starts[u], starts[u + 1]):
            mark[heads[a]] = -1
    return rows
