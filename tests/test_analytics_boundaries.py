"""E-I index and Gould–Fernandez brokerage: hand-worked examples and brute-force cross-checks.

Every expected number in the hand-worked tests is derived in the comments next to it, not by
running the code under test.
"""

from __future__ import annotations

import itertools
import random

import igraph
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.analytics import triangles
from graph.analytics.boundaries import EI, BrokerageRoles, brokerage, ei_index

# --------------------------------------------------------------------------------------------
# E-I index, by hand
# --------------------------------------------------------------------------------------------

# Vertices and groups: 0 A, 1 A, 2 B, 3 B, 4 C, 5 unknown, 6 D.
EI_GROUPS = ["A", "A", "B", "B", "C", None, "D"]
# Undirected edges, in igraph edge order:
EI_EDGES = [
    (0, 1),  # e0  A–A  internal
    (0, 2),  # e1  A–B  external
    (1, 2),  # e2  A–B  external
    (2, 3),  # e3  B–B  internal
    (3, 4),  # e4  B–C  external
    (4, 5),  # e5  C–?  left out (unknown end)
    (0, 1),  # e6  A–A  internal, a parallel edge: counts again
    (3, 3),  # e7  self-loop: ignored
    (1, 4),  # e8  A–C  external
    (5, 6),  # e9  ?–D  left out (unknown end)
]
EI_WEIGHTS = [1.0, 2.0, 0.5, 3.0, 1.5, 10.0, 2.0, 7.0, 0.5, 4.0]


def ei_graph() -> igraph.Graph:
    return igraph.Graph(n=7, edges=EI_EDGES, directed=False)


def test_ei_whole_network_by_hand():
    # E = e1, e2, e4, e8 = 4; I = e0, e6, e3 = 3; (4 − 3) / 7 = 1/7.
    assert ei_index(ei_graph(), EI_GROUPS).whole == EI(4, 3, pytest.approx(1 / 7))


def test_ei_per_group_by_hand():
    groups = ei_index(ei_graph(), EI_GROUPS).groups
    assert list(groups) == ["A", "B", "C", "D"]
    # A: internal e0, e6 = 2; exactly one end in A: e1, e2, e8 = 3 → (3 − 2) / 5 = 0.2.
    assert groups["A"] == EI(3, 2, pytest.approx(0.2))
    # B: internal e3 = 1; external e1, e2, e4 = 3 → 2 / 4 = 0.5.
    assert groups["B"] == EI(3, 1, pytest.approx(0.5))
    # C: internal none; external e4, e8 = 2 (e5 left out) → 2 / 2 = 1.
    assert groups["C"] == EI(2, 0, 1.0)
    # D: its only tie e9 touches the unknown vertex 5 → nothing counted → index None.
    assert groups["D"] == EI(0, 0, None)


def test_ei_per_vertex_by_hand():
    vertices = ei_index(ei_graph(), EI_GROUPS).vertices
    assert vertices == (
        # 0 (A): internal e0, e6 = 2; external e1 = 1 → (1 − 2) / 3.
        EI(1, 2, pytest.approx(-1 / 3)),
        # 1 (A): internal e0, e6 = 2; external e2, e8 = 2 → 0.
        EI(2, 2, 0.0),
        # 2 (B): external e1, e2 = 2; internal e3 = 1 → 1/3.
        EI(2, 1, pytest.approx(1 / 3)),
        # 3 (B): internal e3 = 1; external e4 = 1; self-loop e7 ignored → 0.
        EI(1, 1, 0.0),
        # 4 (C): external e4, e8 = 2; e5 left out → 1.
        EI(2, 0, 1.0),
        # 5: unknown group → None.
        None,
        # 6 (D): its only tie is left out → no counted tie → index None.
        EI(0, 0, None),
    )


def test_ei_weighted_by_hand():
    result = ei_index(ei_graph(), EI_GROUPS, weights=EI_WEIGHTS)
    # Whole: E = w1 + w2 + w4 + w8 = 2 + 0.5 + 1.5 + 0.5 = 4.5;
    #        I = w0 + w6 + w3 = 1 + 2 + 3 = 6 → (4.5 − 6) / 10.5 = −1/7.
    assert result.whole == EI(4.5, 6, pytest.approx(-1 / 7))
    # A: I = w0 + w6 = 3; E = w1 + w2 + w8 = 3 → 0.
    assert result.groups["A"] == EI(3, 3, 0.0)
    # B: I = w3 = 3; E = w1 + w2 + w4 = 4 → 1/7.
    assert result.groups["B"] == EI(4, 3, pytest.approx(1 / 7))
    # C: E = w4 + w8 = 2 → 1.
    assert result.groups["C"] == EI(2, 0, 1.0)
    assert result.groups["D"] == EI(0, 0, None)
    assert result.vertices == (
        EI(2, 3, pytest.approx(-1 / 5)),  # 0: E = w1 = 2; I = w0 + w6 = 3
        EI(1, 3, pytest.approx(-1 / 2)),  # 1: E = w2 + w8 = 1; I = 3
        EI(2.5, 3, pytest.approx(-1 / 11)),  # 2: E = w1 + w2 = 2.5; I = w3 = 3
        EI(1.5, 3, pytest.approx(-1 / 3)),  # 3: E = w4 = 1.5; I = w3 = 3 (w7 loop ignored)
        EI(2, 0, 1.0),  # 4: E = w4 + w8 = 2 (w5 left out)
        None,
        EI(0, 0, None),
    )


def test_ei_directed_counts_each_arc_once():
    # 0 A, 1 A, 2 B; arcs 0→1, 1→0 (two internal ties), 0→2 (one external).
    graph = igraph.Graph(n=3, edges=[(0, 1), (1, 0), (0, 2)], directed=True)
    result = ei_index(graph, ["A", "A", "B"])
    assert result.whole == EI(1, 2, pytest.approx(-1 / 3))
    # Vertex 0 has both arcs with 1 (in and out) and the arc to 2.
    assert result.vertices[0] == EI(1, 2, pytest.approx(-1 / 3))
    assert result.vertices[1] == EI(0, 2, -1.0)
    assert result.vertices[2] == EI(1, 0, 1.0)


def test_ei_all_internal_is_minus_one():
    graph = igraph.Graph(n=4, edges=[(0, 1), (2, 3)])
    assert ei_index(graph, ["A", "A", "B", "B"]).whole == EI(0, 2, -1.0)


def test_ei_all_external_is_plus_one():
    graph = igraph.Graph(n=4, edges=[(0, 1), (1, 2), (2, 3)])
    assert ei_index(graph, ["A", "B", "A", "C"]).whole == EI(3, 0, 1.0)


def test_ei_no_countable_ties_is_none():
    # Every tie is a self-loop or touches the unknown vertex 2.
    graph = igraph.Graph(n=3, edges=[(0, 0), (0, 2), (1, 2)])
    result = ei_index(graph, ["A", "B", None])
    assert result.whole == EI(0, 0, None)
    assert result.groups == {"A": EI(0, 0, None), "B": EI(0, 0, None)}
    assert result.vertices == (EI(0, 0, None), EI(0, 0, None), None)


def test_ei_rejects_bad_input():
    graph = igraph.Graph(n=2, edges=[(0, 1)])
    with pytest.raises(ValueError, match="groups"):
        ei_index(graph, ["A"])
    with pytest.raises(ValueError, match="weights"):
        ei_index(graph, ["A", "B"], weights=[1.0, 2.0])
    with pytest.raises(ValueError, match="weights"):
        ei_index(graph, ["A", "B"], weights=[-1.0])


# --------------------------------------------------------------------------------------------
# Brokerage, by hand
# --------------------------------------------------------------------------------------------


def roles(
    coordinator: int = 0,
    itinerant: int = 0,
    representative: int = 0,
    gatekeeper: int = 0,
    liaison: int = 0,
) -> BrokerageRoles:
    return BrokerageRoles(coordinator, itinerant, representative, gatekeeper, liaison)


# Vertices and groups: 0 X, 1 X, 2 X, 3 Y, 4 Y, 5 Z, 6 unknown.
DIRECTED_ARCS = [
    (0, 1),
    (1, 2),
    (1, 3),
    (3, 4),
    (4, 3),  # reciprocates 3→4: the pairs (4, 4) at 3 and (3, 3) at 4 have a = c, not counted
    (4, 5),
    (5, 2),
    (3, 2),  # with 1→3 and 1→2: the triad 1→3→2 is closed, so 3 does not broker (1, 2)
    (3, 0),
    (2, 6),
    (6, 0),
    (0, 1),  # parallel arc: ignored
    (5, 5),  # self-loop: ignored
]
DIRECTED_GROUPS = ["X", "X", "X", "Y", "Y", "Z", None]


def test_brokerage_directed_by_hand():
    graph = igraph.Graph(n=7, edges=DIRECTED_ARCS, directed=True)
    # Known in- and out-neighbours per broker b, every pair (a, c) checked:
    # b=0 (X): in {3 Y} (6 unknown), out {1 X}.
    #     (3, 1): no 3→1; a Y, b X, c X → gatekeeper.
    # b=1 (X): in {0 X}, out {2 X, 3 Y}.
    #     (0, 2): no 0→2; X X X → coordinator.   (0, 3): no 0→3; X X Y → representative.
    # b=2 (X): in {1, 5, 3}, out {} (6 unknown) → nothing.
    # b=3 (Y): in {1 X, 4 Y}, out {4 Y, 2 X, 0 X}.
    #     (1, 4): no 1→4; X Y Y → gatekeeper.     (1, 2): 1→2 exists → closed, not counted.
    #     (1, 0): no 1→0; X Y X → itinerant.      (4, 4): a = c, not counted.
    #     (4, 2): no 4→2; Y Y X → representative. (4, 0): no 4→0; Y Y X → representative.
    # b=4 (Y): in {3 Y}, out {5 Z, 3 Y}.
    #     (3, 5): no 3→5; Y Y Z → representative. (3, 3): a = c, not counted.
    # b=5 (Z): in {4 Y} (self-loop dropped), out {2 X}.
    #     (4, 2): no 4→2; Y Z X → liaison.
    # b=6: unknown group → nothing.
    assert brokerage(graph, DIRECTED_GROUPS) == [
        roles(gatekeeper=1),
        roles(coordinator=1, representative=1),
        roles(),
        roles(itinerant=1, representative=2, gatekeeper=1),
        roles(representative=1),
        roles(liaison=1),
        roles(),
    ]
    assert [r.total for r in brokerage(graph, DIRECTED_GROUPS)] == [1, 2, 0, 4, 1, 1, 0]


def test_brokerage_skips_unknown_groups():
    graph = igraph.Graph(n=7, edges=DIRECTED_ARCS, directed=True)
    # The same graph with vertex 6 known as X adds the 2-paths through 6:
    # b=0: in {3 Y, 6 X}, out {1 X}: (6, 1): no 6→1; X X X → coordinator (gatekeeper as before).
    # b=2: in {1 X, 5 Z, 3 Y}, out {6 X}: no 1→6, 5→6, 3→6;
    #     (1, 6) X X X → coordinator, (5, 6) Z X X and (3, 6) Y X X → gatekeeper ×2.
    # b=6: in {2 X}, out {0 X}: (2, 0): no 2→0; X X X → coordinator.
    known = [*DIRECTED_GROUPS[:6], "X"]
    result = brokerage(graph, known)
    assert result[0] == roles(coordinator=1, gatekeeper=1)
    assert result[2] == roles(coordinator=1, gatekeeper=2)
    assert result[6] == roles(coordinator=1)
    assert result[1::2] == brokerage(graph, DIRECTED_GROUPS)[1::2]
    # With 6 unknown again, none of those 2-paths is counted (previous test).
    assert result[2] != brokerage(graph, DIRECTED_GROUPS)[2]


def test_brokerage_closed_triad_is_not_counted():
    # 0→1→2 with all three in X: 1 coordinates (0, 2)...
    open_path = igraph.Graph(n=3, edges=[(0, 1), (1, 2)], directed=True)
    assert brokerage(open_path, ["X"] * 3)[1] == roles(coordinator=1)
    # ...but not once 0→2 closes the triad,
    closed = igraph.Graph(n=3, edges=[(0, 1), (1, 2), (0, 2)], directed=True)
    assert brokerage(closed, ["X"] * 3) == [roles(), roles(), roles()]
    # while 2→0 does not close it: in the 3-cycle every vertex brokers once.
    cycle = igraph.Graph(n=3, edges=[(0, 1), (1, 2), (2, 0)], directed=True)
    assert brokerage(cycle, ["X"] * 3) == [roles(coordinator=1)] * 3


def test_brokerage_undirected_by_hand():
    # Vertices and groups: 0 X, 1 X, 2 Y, 3 Y, 4 Z, 5 unknown, 6 X, 7 Y.
    groups = ["X", "X", "Y", "Y", "Z", None, "X", "Y"]
    edges = [(0, 1), (0, 1), (1, 2), (2, 3), (3, 4), (1, 3), (4, 5), (0, 6), (4, 7)]
    graph = igraph.Graph(n=8, edges=edges, directed=False)
    # Known neighbours: 0 {1, 6}, 1 {0, 2, 3}, 2 {1, 3}, 3 {1, 2, 4}, 4 {3, 7}, 6 {0}, 7 {4}.
    # Each ordered pair (a, c) of distinct, non-adjacent neighbours of b counts:
    # b=0 (X): (1, 6), (6, 1): X X X → coordinator ×2.
    # b=1 (X): (0, 2), (0, 3): X X Y → representative ×2; (2, 0), (3, 0): Y X X → gatekeeper ×2;
    #          (2, 3), (3, 2): 2–3 adjacent → closed.
    # b=2 (Y): (1, 3), (3, 1): adjacent → nothing.
    # b=3 (Y): (2, 4): Y Y Z → representative; (4, 2): Z Y Y → gatekeeper;
    #          (1, 4), (4, 1): X Y Z → liaison ×2; (1, 2), (2, 1): adjacent → closed.
    # b=4 (Z): (3, 7), (7, 3): Y Z Y → itinerant ×2 (5 is unknown).
    # b=5 unknown; 6 and 7 have one neighbour each → nothing.
    result = brokerage(graph, groups)
    assert result == [
        roles(coordinator=2),
        roles(representative=2, gatekeeper=2),
        roles(),
        roles(representative=1, gatekeeper=1, liaison=2),
        roles(itinerant=2),
        roles(),
        roles(),
        roles(),
    ]
    # Undirected: a path a–b–c is representative one way and gatekeeper the other.
    assert all(r.representative == r.gatekeeper for r in result)


def test_brokerage_rejects_bad_groups():
    with pytest.raises(ValueError, match="groups"):
        brokerage(igraph.Graph(n=2, edges=[(0, 1)]), ["X"])


def test_brokerage_empty_and_unknown_only():
    assert brokerage(igraph.Graph(n=0, directed=True), []) == []
    graph = igraph.Graph(n=3, edges=[(0, 1), (1, 2)], directed=True)
    assert brokerage(graph, [None, None, None]) == [roles()] * 3


# --------------------------------------------------------------------------------------------
# Brute-force cross-checks on random graphs
# --------------------------------------------------------------------------------------------


def brute_brokerage(graph: igraph.Graph, groups: list[str | None]) -> list[BrokerageRoles]:
    arcs = set()
    for s, t in graph.get_edgelist():
        if s != t:
            arcs.add((s, t))
            if not graph.is_directed():
                arcs.add((t, s))
    counts = [[0] * 5 for _ in range(graph.vcount())]
    for a, b, c in itertools.permutations(range(graph.vcount()), 3):
        if None in (groups[a], groups[b], groups[c]):
            continue
        if (a, b) not in arcs or (b, c) not in arcs or (a, c) in arcs:
            continue
        ga, gb, gc = groups[a], groups[b], groups[c]
        if ga == gb == gc:
            role = 0  # coordinator
        elif ga == gc:
            role = 1  # itinerant
        elif ga == gb:
            role = 2  # representative
        elif gb == gc:
            role = 3  # gatekeeper
        else:
            role = 4  # liaison
        counts[b][role] += 1
    return [BrokerageRoles(*row) for row in counts]


def brute_ei(graph: igraph.Graph, groups: list[str | None], weights: list[float]):
    whole = [0.0, 0.0]  # [external, internal]
    by_group = {g: [0.0, 0.0] for g in groups if g is not None}
    by_vertex = [[0.0, 0.0] for _ in groups]
    for (s, t), w in zip(graph.get_edgelist(), weights, strict=True):
        if s == t or groups[s] is None or groups[t] is None:
            continue
        internal = int(groups[s] == groups[t])
        whole[internal] += w
        by_vertex[s][internal] += w
        by_vertex[t][internal] += w
        by_group[groups[s]][internal] += w
        if not internal:
            by_group[groups[t]][0] += w
    return whole, by_group, by_vertex


def random_case(seed: int, n: int, m: int, directed: bool):
    # Uniform random endpoints, so self-loops and parallel edges turn up too. (Seeded Python
    # RNG rather than igraph's global one, which other tests may rely on.)
    rng = random.Random(seed)
    edges = [(rng.randrange(n), rng.randrange(n)) for _ in range(m)]
    graph = igraph.Graph(n=n, edges=edges, directed=directed)
    groups = [rng.choice(["a", "b", "c", "d", None]) for _ in range(n)]
    return rng, graph, groups


CASES = [
    (seed, n, m, directed)
    for seed, (n, m) in enumerate([(25, 80), (30, 150), (12, 60), (40, 120)])
    for directed in (True, False)
]


@pytest.mark.parametrize(("seed", "n", "m", "directed"), CASES)
def test_brokerage_matches_brute_force(seed, n, m, directed):
    _, graph, groups = random_case(seed, n, m, directed)
    assert brokerage(graph, groups) == brute_brokerage(graph, groups)


@pytest.mark.parametrize(("seed", "n", "m", "directed"), CASES)
def test_ei_matches_brute_force(seed, n, m, directed):
    rng, graph, groups = random_case(seed, n, m, directed)
    for weights in (None, [rng.uniform(0, 3) for _ in range(graph.ecount())]):
        result = ei_index(graph, groups, weights=weights)
        whole, by_group, by_vertex = brute_ei(graph, groups, weights or [1.0] * graph.ecount())

        def check(got: EI | None, expected: list[float]) -> None:
            assert got is not None
            assert (got.external, got.internal) == pytest.approx(tuple(expected))
            total = expected[0] + expected[1]
            if total == 0:
                assert got.index is None
            else:
                assert got.index == pytest.approx((expected[0] - expected[1]) / total)

        check(result.whole, whole)
        assert result.groups.keys() == by_group.keys()
        for name, expected in by_group.items():
            check(result.groups[name], expected)
        for v, expected in enumerate(by_vertex):
            if groups[v] is None:
                assert result.vertices[v] is None
            else:
                check(result.vertices[v], expected)


def test_brokerage_matches_brute_force_in_small_chunks(monkeypatch):
    # Triangle listing in chunks of at most 3 wedges exercises the chunk boundaries.
    monkeypatch.setattr(triangles, "CHUNK", 3)
    for directed in (True, False):
        _, graph, groups = random_case(7, 15, 70, directed)
        assert brokerage(graph, groups) == brute_brokerage(graph, groups)


@st.composite
def grouped_graphs(draw: st.DrawFn) -> tuple[igraph.Graph, list[str | None]]:
    # Loops and parallel ties included: brokerage must see through them.
    n = draw(st.integers(1, 12))
    vertex = st.integers(0, n - 1)
    edges = draw(st.lists(st.tuples(vertex, vertex), max_size=3 * n * n // 4))
    graph = igraph.Graph(n=n, edges=edges, directed=draw(st.booleans()))
    groups = draw(st.lists(st.sampled_from(["a", "b", "c", None]), min_size=n, max_size=n))
    return graph, groups


@settings(max_examples=300, deadline=None, derandomize=True)
@given(case=grouped_graphs(), chunk=st.integers(1, 50))
def test_brokerage_matches_brute_force_on_generated_graphs(case, chunk):
    graph, groups = case
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(triangles, "CHUNK", chunk)
        assert brokerage(graph, groups) == brute_brokerage(graph, groups)
