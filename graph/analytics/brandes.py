"""Shortest-path dependencies over hops by Brandes' algorithm, compiled, on up to two threads.

Betweenness is a sum of dependencies: with ``sigma_st`` the number of shortest s–t paths and
``sigma_st(v)`` the number of them through ``v``, the dependency of a source ``s`` on ``v`` is
``delta_s(v) = sum over targets t of sigma_st(v) / sigma_st``. One breadth-first search from
``s`` counts the paths (``sigma``), orders the vertices by distance and lists the arcs from
each vertex to its neighbours one hop farther; walking that order backwards, ``delta_s(v) =
sigma_sv * sum over w one hop farther of (1 + delta_s(w)) / sigma_sw``, over the listed arcs
only (on the benchmark's clique-heavy projection, four ties in five join vertices at the same
distance). That takes O(n + m) per source. numba compiles it to machine code that runs without
the GIL, so the sources are split between threads, each adding into its own array.

Reference:
    U. Brandes (2001), "A faster algorithm for betweenness centrality", Journal of
    Mathematical Sociology 25(2), 163-177. doi:10.1080/0022250X.2001.9990249
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import numpy.typing as npt

from graph.analytics.compiled import compiled

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
VertexArray = npt.NDArray[np.int32]

THREADS = min(2, os.cpu_count() or 1)
"""Threads that share the sources by default: two, the machine's cores permitting."""

SPLIT_FROM = 300_000
"""Work (sources times vertices and ties) below which the calling thread does it all: about two
milliseconds, below which starting a thread costs about what it saves (measured)."""


def dependencies(
    n: int, ends: IntArray, sources: IntArray, *, threads: int = THREADS
) -> FloatArray:
    """Every vertex's dependency sum ``sum over sources s other than v of delta_s(v)``.

    ``ends`` are the ``(m, 2)`` ties of a simple undirected graph on vertices ``0..n-1``
    (``centrality.edge_array``); paths count hops. This sums ``sigma_st(v) / sigma_st`` over the
    ordered pairs (s, t) of a source s and any vertex t; igraph's ``Graph.betweenness(directed=
    False)`` (every vertex a source) and ``Graph.betweenness(directed=False, sources=...,
    targets=None)`` report half of it. The ``sources`` (distinct vertices) are split round-robin
    between up to ``threads`` threads, the calling thread one of them (alone below
    ``SPLIT_FROM``); their sums are added in a fixed order, so runs on as many threads give the
    same floats.
    """
    out = np.zeros(n, dtype=np.float64)
    if len(sources) == 0 or len(ends) == 0:
        return out
    starts, neighbours = adjacency(n, ends)
    searched = sources.astype(np.int32)
    work = len(searched) * (n + 2 * len(ends))
    parts = max(1, min(threads, len(searched))) if work >= SPLIT_FROM else 1
    if parts == 1:
        _accumulate(starts, neighbours, searched, out)
        return out
    # Round-robin, since the cost of a search varies with the size of the source's component
    # and component sizes may follow vertex numbers; contiguous, as numba compiles strided
    # arrays separately.
    shares = [np.ascontiguousarray(searched[part::parts]) for part in range(parts)]
    # Resolve the compiled kernel here, once, rather than in two threads at the same time.
    _accumulate(starts, neighbours, shares[0][:0], out)
    outs = [out] + [np.zeros(n, dtype=np.float64) for _ in range(parts - 1)]
    with ThreadPoolExecutor(max_workers=parts - 1) as pool:
        others = [
            pool.submit(_accumulate, starts, neighbours, shares[part], outs[part])
            for part in range(1, parts)
        ]
        _accumulate(starts, neighbours, shares[0], out)
        for other in others:
            other.result()
    for part_out in outs[1:]:
        out += part_out
    return out


def adjacency(n: int, ends: IntArray) -> tuple[IntArray, VertexArray]:
    """The ties as compressed rows: ``neighbours[starts[v]:starts[v + 1]]`` are ``v``'s
    neighbours, in the order of ``ends``. Vertices are int32: half the memory traffic of int64
    in the searches, and networks are capped far below 2**31 vertices."""
    if n >= 2**31:
        raise ValueError(f"{n} vertices: Brandes' kernel numbers vertices in 32 bits")
    ends = np.ascontiguousarray(ends, dtype=np.int64)
    degree = np.bincount(ends.reshape(-1), minlength=n)
    starts = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(degree, out=starts[1:])
    neighbours = np.empty(2 * len(ends), dtype=np.int32)
    _fill(ends, starts, neighbours)
    return starts, neighbours


@compiled
def _fill(ends: IntArray, starts: IntArray, neighbours: VertexArray) -> None:
    """Places each tie ``u``–``v`` in ``u``'s row and in ``v``'s (a counting sort)."""
    free = starts[:-1].copy()
    for e in range(ends.shape[0]):
        u, v = ends[e, 0], ends[e, 1]
        neighbours[free[u]] = v
        free[u] += 1
        neighbours[free[v]] = u
        free[v] += 1


@compiled
def _accumulate(
    starts: IntArray, neighbours: VertexArray, sources: VertexArray, out: FloatArray
) -> None:
    """Adds ``delta_s(v)`` to ``out[v]`` for every source ``s`` and vertex ``v`` other than
    ``s``. Between sources only the vertices the last search reached are reset."""
    n = len(starts) - 1
    distance = np.full(n, -1, dtype=np.int32)
    paths = np.zeros(n, dtype=np.float64)
    # (1 + delta_s(w)) / sigma_sw, the share that w passes to each vertex one hop nearer s
    share = np.zeros(n, dtype=np.float64)
    order = np.empty(n, dtype=np.int32)
    # the arcs v -> w one hop farther, of order[i]'s at arcs[first[i]:first[i + 1]]; a tie is
    # one arc at most (its ends' distances differ by one), or none
    arcs = np.empty(len(neighbours) // 2, dtype=np.int32)
    first = np.empty(n + 1, dtype=np.int64)
    for s in sources:
        distance[s] = 0
        paths[s] = 1.0
        order[0] = s
        head, reached, listed = 0, 1, 0
        while head < reached:
            v = order[head]
            first[head] = listed
            head += 1
            farther = distance[v] + 1
            for a in range(starts[v], starts[v + 1]):
                w = neighbours[a]
                if distance[w] < 0:
                    distance[w] = farther
                    order[reached] = w
                    reached += 1
                if distance[w] == farther:
                    paths[w] += paths[v]
                    arcs[listed] = w
                    listed += 1
        first[reached] = listed
        for i in range(reached - 1, 0, -1):  # farthest first; order[0] is s
            total = 0.0
            for b in range(first[i], first[i + 1]):
                total += share[arcs[b]]
            v = order[i]
            delta = paths[v] * total
            out[v] += delta
            share[v] = (1.0 + delta) / paths[v]
        for i in range(reached):
            v = order[i]
            distance[v] = -1
            paths[v] = 0.0
