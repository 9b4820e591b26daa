"""The compiled triangle listing against brute force over every vertex triple."""

from __future__ import annotations

import itertools
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.analytics import triangles
from graph.analytics.triangles import orient


@st.composite
def simple_graphs(draw: st.DrawFn) -> tuple[int, list[tuple[int, int]]]:
    n = draw(st.integers(0, 14))
    pairs = list(itertools.combinations(range(n), 2))
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True) if pairs else st.just([]))
    # Either end first: the listing must not depend on how an edge was given.
    flips = draw(st.lists(st.booleans(), min_size=len(chosen), max_size=len(chosen)))
    return n, [(b, a) if flip else (a, b) for (a, b), flip in zip(chosen, flips, strict=True)]


def brute_force(n: int, edges: list[tuple[int, int]]) -> set[frozenset[int]]:
    tied = {frozenset(edge) for edge in edges}
    return {
        frozenset(triple)
        for triple in itertools.combinations(range(n), 3)
        if all(frozenset(pair) in tied for pair in itertools.combinations(triple, 2))
    }


@settings(max_examples=300, deadline=None, derandomize=True)
@given(graph=simple_graphs(), chunk=st.integers(1, 40))
def test_every_triangle_is_listed_once_with_its_sides(
    graph: tuple[int, list[tuple[int, int]]], chunk: int
) -> None:
    n, edges = graph
    ends = np.array(edges, dtype=np.int64).reshape(-1, 2)
    oriented = orient(n, ends[:, 0], ends[:, 1])
    assert sorted(oriented.edges.tolist()) == list(range(len(edges)))
    for a, e in enumerate(oriented.edges.tolist()):
        assert {int(oriented.tails[a]), int(oriented.heads[a])} == set(edges[e])
    listed: list[frozenset[int]] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(triangles, "CHUNK", chunk)
        for rows in triangles.triangles(oriented):
            for uv, uw, vw in rows.tolist():
                u, v, w = oriented.tails[uv], oriented.heads[uv], oriented.heads[uw]
                assert (oriented.tails[uw], oriented.tails[vw], oriented.heads[vw]) == (u, v, w)
                listed.append(frozenset((int(u), int(v), int(w))))
    assert len(listed) == len(set(listed))
    assert set(listed) == brute_force(n, edges)


def test_a_vertex_with_more_wedges_than_a_chunk_is_listed_whole() -> None:
    # A clique of 12: its lowest vertex alone has 55 wedges, far above a chunk of 4.
    edges = list(itertools.combinations(range(12), 2))
    ends = np.array(edges, dtype=np.int64)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(triangles, "CHUNK", 4)
        listed = sum(len(rows) for rows in triangles.triangles(orient(12, ends[:, 0], ends[:, 1])))
    assert listed == 220  # 12 choose 3


def test_the_serving_process_does_not_import_numba() -> None:
    # A hundred megabytes the server would carry for the compiled code that only the forked
    # children computing measures run (graph/analytics/compiled.py).
    imports = "import sys, server.app, graph.analytics.measures; print('numba' in sys.modules)"
    found = subprocess.run(
        [sys.executable, "-c", imports], capture_output=True, text=True, check=True
    )
    assert found.stdout.strip() == "False"
