"""Cohesion, position and ego networks over GraphQL, against networkx on Zachary's karate club
(imported from tests/fixtures/karate.jsonl with `poikki import`) and against hand computations
on small graphs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import networkx as nx
import numpy as np
import pytest
from scipy.optimize import least_squares
from starlette.testclient import TestClient
from typer.testing import CliRunner

from graph.model import Node, NodeKind, Sector, Tie, TieType
from resolvers import global_ids
from server.app import create_app
from server.cli import app
from server.settings import Settings
from tests.conftest import GraphQLClient
from tests.karate import CLUBS, FIXTURE, karate_jsonl, member

TOLERANCE = 1e-9
KARATE = nx.karate_club_graph()
N = KARATE.number_of_nodes()

MEASURES = """
{ measures(mode: PEOPLE, weighting: SHARED, boundary: ORGANISATION) {
  nodeCount edgeCount density transitivity
  centralisation { degree betweenness closeness }
  corePeriphery { correlation sweeps converged }
  nodes(first: 100, orderBy: {field: CORE_NUMBER}) { edges { node {
    node { id } degree betweenness closeness clustering coreNumber coreness
  } } }
} }
"""
EGO = """
query ($id: ID!, $scope: ScopeInput, $mode: Mode!, $boundary: Boundary!) {
  ego(id: $id, scope: $scope, mode: $mode, weighting: SHARED, boundary: $boundary) {
    group size groups { group alters share } unknownGroup heterogeneity iqv
    ei { external internal index } density effectiveSize constraint
    alters(first: 100) { totalCount edges { node { group weight ties node { id } } } }
    ties(first: 100) { totalCount edges { node {
      source target weight type sources { title } shared { ... on Project { name } }
    } } }
  }
}
"""


@pytest.fixture(scope="module")
def karate(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphQLClient]:
    """A server over a database that holds only the karate club, imported with the CLI."""
    data_dir = tmp_path_factory.mktemp("karate") / "db"
    done = CliRunner().invoke(app, ["import", str(FIXTURE), "--data-dir", str(data_dir)])
    assert done.exit_code == 0, done.output
    with TestClient(create_app(Settings(data_dir=data_dir))) as http:
        yield GraphQLClient(http)


def _vertex(global_id: str) -> int:
    _, slug = global_ids.decode(global_id)
    return int(slug.removeprefix("karate-")) - 1


def _by_vertex(measures: dict[str, Any]) -> dict[int, dict[str, Any]]:
    rows = [edge["node"] for edge in measures["nodes"]["edges"]]
    return {_vertex(row["node"]["id"]): row for row in rows}


def _minres(adjacency: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """The continuous core–periphery scores by a general least-squares solver (scipy's
    trust-region reflective method), not by Poikki's coordinate descent: the c >= 0 that
    minimises the sum over pairs i < j of (a_ij - c_i c_j)², scaled to norm 1."""
    upper = np.triu_indices(len(adjacency), 1)

    def residuals(c: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        return np.asarray(adjacency[upper] - np.outer(c, c)[upper])

    start = np.full(len(adjacency), 0.5)
    found = least_squares(residuals, start, bounds=(0, np.inf), xtol=1e-15, ftol=1e-15)
    scores = np.asarray(found.x)
    return scores / np.linalg.norm(scores)


def test_the_karate_fixture_is_built_from_networkx() -> None:
    assert FIXTURE.read_text(encoding="utf-8") == karate_jsonl()


def test_the_karate_club_imported_is_zacharys_graph(karate: GraphQLClient) -> None:
    drawn = karate.data(
        "{ collaboration(mode: PEOPLE, weighting: SHARED) { nodeCount "
        "edges { source target weight } } }"
    )["collaboration"]
    assert drawn["nodeCount"] == N
    ours = {
        frozenset((_vertex(e["source"]), _vertex(e["target"]))): e["weight"] for e in drawn["edges"]
    }
    theirs = {frozenset((u, v)): float(w) for u, v, w in KARATE.edges(data="weight")}
    assert ours == theirs  # 78 ties with Zachary's weights (the contexts of interaction)


def test_karate_cohesion_equals_networkx(karate: GraphQLClient) -> None:
    found = karate.data(MEASURES)["measures"]
    rows = _by_vertex(found)
    assert (found["nodeCount"], found["edgeCount"]) == (34, 78)
    assert found["density"] == pytest.approx(nx.density(KARATE), abs=TOLERANCE)
    assert found["transitivity"] == pytest.approx(nx.transitivity(KARATE), abs=TOLERANCE)
    assert found["transitivity"] == pytest.approx(0.2556818181818182, abs=TOLERANCE)  # 45/176
    clustering = nx.clustering(KARATE)  # unweighted, as documented
    cores = nx.core_number(KARATE)
    for v in KARATE:
        assert rows[v]["clustering"] == pytest.approx(clustering[v], abs=TOLERANCE), v
        assert rows[v]["coreNumber"] == cores[v], v
    assert max(cores.values()) == 4
    # The 4-core: members 1, 2, 3, 4, 8, 9, 14, 31, 33 and 34 (12 in the 3-core's shell).
    four = [v + 1 for v in KARATE if rows[v]["coreNumber"] == 4]
    assert sorted(four) == [1, 2, 3, 4, 8, 9, 14, 31, 33, 34]


def test_karate_centralisation_equals_freemans_formulas(karate: GraphQLClient) -> None:
    found = karate.data(MEASURES)["measures"]["centralisation"]
    n = N
    # Freeman (1978/79): the differences to the most central node over the star's sum.
    degree = dict(KARATE.degree())
    top = max(degree.values())
    assert found["degree"] == pytest.approx(
        sum(top - d for d in degree.values()) / ((n - 1) * (n - 2)), abs=TOLERANCE
    )
    between = nx.betweenness_centrality(KARATE)  # normalised by (n-1)(n-2)/2
    top_b = max(between.values())
    assert found["betweenness"] == pytest.approx(
        sum(top_b - b for b in between.values()) / (n - 1), abs=TOLERANCE
    )
    close = nx.closeness_centrality(KARATE)  # (n-1)/Σd on a connected graph
    top_c = max(close.values())
    assert found["closeness"] == pytest.approx(
        sum(top_c - c for c in close.values()) * (2 * n - 3) / ((n - 1) * (n - 2)),
        abs=TOLERANCE,
    )
    assert found == pytest.approx(
        {"degree": 0.3996212121, "betweenness": 0.4055571953, "closeness": 0.2981948912}, abs=1e-9
    )


def test_karate_core_periphery_equals_a_least_squares_fit(karate: GraphQLClient) -> None:
    found = karate.data(MEASURES)["measures"]
    rows = _by_vertex(found)
    adjacency = nx.to_numpy_array(KARATE, nodelist=range(N), weight="weight")
    expected = _minres(adjacency)
    ours = np.array([rows[v]["coreness"] for v in range(N)])
    assert ours == pytest.approx(expected, abs=1e-6)
    upper = np.triu_indices(N, 1)
    pattern = np.outer(ours, ours)[upper]
    correlation = float(np.corrcoef(adjacency[upper], pattern)[0, 1])
    fit = found["corePeriphery"]
    assert fit["correlation"] == pytest.approx(correlation, abs=TOLERANCE)
    assert fit["converged"]
    assert 0 < fit["sweeps"] <= 1_000
    # The two leaders' factions' centres are the core: members 3, 34, 1, 33 score highest.
    assert [int(i) + 1 for i in np.argsort(-ours)[:4]] == [3, 34, 1, 33]


def test_karate_ego_networks_equal_networkx(karate: GraphQLClient) -> None:
    club = {v: CLUBS[side] for v, side in KARATE.nodes(data="club")}
    for v in KARATE:
        ego = karate.data(
            EGO,
            {
                "id": global_ids.encode(NodeKind.PERSON, member(v)),
                "mode": "PEOPLE",
                "boundary": "ORGANISATION",
            },
        )["ego"]
        alters = list(KARATE[v])
        assert (
            ego["size"] == len(alters) == ego["alters"]["totalCount"] == ego["ties"]["totalCount"]
        )
        effective = nx.effective_size(KARATE, nodes=[v], weight="weight")[v]
        assert ego["effectiveSize"] == pytest.approx(effective, abs=TOLERANCE), v
        constraint = nx.constraint(KARATE, nodes=[v], weight="weight")[v]
        assert ego["constraint"] == pytest.approx(constraint, abs=TOLERANCE), v
        among = nx.density(KARATE.subgraph(alters)) if len(alters) > 1 else None
        assert ego["density"] == pytest.approx(among, abs=TOLERANCE), v
        same = sum(1 for a in alters if club[a] == club[v])
        external = len(alters) - same
        assert ego["ei"] == {
            "external": external,
            "internal": same,
            "index": pytest.approx((external - same) / len(alters), abs=TOLERANCE),
        }
        shares = [same / len(alters), external / len(alters)]
        blau = 1 - sum(p * p for p in shares)
        assert ego["heterogeneity"] == pytest.approx(blau, abs=TOLERANCE), v
        assert ego["iqv"] == pytest.approx(blau / (1 - 1 / 2), abs=TOLERANCE), v  # K = 2 clubs
        assert ego["group"] == club[v]
        weights = {
            _vertex(a["node"]["node"]["id"]): a["node"]["weight"] for a in ego["alters"]["edges"]
        }
        assert weights == {a: float(KARATE[v][a]["weight"]) for a in alters}
    # Mr. Hi (member 1): 16 alters, 15 of his own club.
    hi = karate.data(
        EGO,
        {
            "id": global_ids.encode(NodeKind.PERSON, member(0)),
            "mode": "PEOPLE",
            "boundary": "ORGANISATION",
        },
    )["ego"]
    assert hi["groups"] == [
        {"group": CLUBS["Mr. Hi"], "alters": 15, "share": 15 / 16},
        {"group": CLUBS["Officer"], "alters": 1, "share": 1 / 16},
    ]


# --- hand-made graphs -----------------------------------------------------------------------

S = "the-source"


def _source() -> Node:
    return Node(NodeKind.SOURCE, S, "A source")


def _person(ident: str) -> Node:
    return Node(NodeKind.PERSON, ident, ident.title(), sources=(S,))


def _project(ident: str) -> Node:
    return Node(NodeKind.PROJECT, ident, f"Project {ident}", sources=(S,))


def _joins(person: str, project: str) -> Tie:
    return Tie(TieType.PARTICIPATES_IN, person, project, f"{person}-{project}", sources=(S,))


def _pairs(pairs: dict[tuple[str, str], int]) -> tuple[list[Node], list[Tie]]:
    """People tied by as many two-person projects as each pair's number."""
    people = sorted({p for pair in pairs for p in pair})
    nodes, ties = [_source(), *map(_person, people)], []
    for (a, b), count in pairs.items():
        for k in range(count):
            nodes.append(_project(f"{a}-{b}-{k}"))
            ties += [_joins(a, f"{a}-{b}-{k}"), _joins(b, f"{a}-{b}-{k}")]
    return nodes, ties


CORE_PERIPHERY = """
{ measures(mode: PEOPLE, weighting: SHARED) {
  corePeriphery { correlation converged }
  centralisation { degree betweenness closeness }
  nodes(first: 10, orderBy: {field: CORENESS}) { edges { node { node { ... on Person { name } }
    coreness } } }
} }
"""


def _scores(found: dict[str, Any]) -> dict[str, float]:
    return {e["node"]["node"]["name"]: e["node"]["coreness"] for e in found["nodes"]["edges"]}


def test_a_pattern_that_fits_exactly_gives_its_scores_and_a_correlation_of_one(
    make_client: Callable[..., GraphQLClient],
) -> None:
    # Ties of weight 6, 3 and 2 among a, b, c are exactly c_a c_b, c_a c_c and c_b c_c for
    # c = (3, 2, 1): 3·2 = 6, 3·1 = 3, 2·1 = 2. The residuals are then all 0, the least
    # possible, so MINRES must find c, scaled to norm 1: (3, 2, 1)/√14. The pattern equals the
    # ties, so their correlation is 1.
    client = make_client(*_pairs({("a", "b"): 6, ("a", "c"): 3, ("b", "c"): 2}))
    found = client.data(CORE_PERIPHERY)["measures"]
    root = 14**0.5
    assert _scores(found) == pytest.approx({"A": 3 / root, "B": 2 / root, "C": 1 / root})
    assert found["corePeriphery"] == {"correlation": pytest.approx(1.0), "converged": True}


def test_a_core_of_two_with_two_peripheral_nodes_fits_the_hand_solution(
    make_client: Callable[..., GraphQLClient],
) -> None:
    # a–b tied, and u and v each tied to both a and b; u–v not tied. By symmetry c_a = c_b = x
    # and c_u = c_v = y. MINRES' stationary equations (c_i = Σ_j a_ij c_j / Σ_{j≠i} c_j²):
    #   at a:  x (x² + 2y²) = x + 2y
    #   at u:  y (2x²) + y·y² = 2x, i.e. y (2x² + y²) = 2x
    # With r = y/x the second gives x² = 2 / (r (2 + r²)); put into the first, x² (1 + 2r²) =
    # 1 + 2r becomes 2 (1 + 2r²) = (1 + 2r) r (2 + r²), i.e. 2r⁴ + r³ + 2r − 2 = 0, whose one
    # root in (0, 1) is r ≈ 0.6616. Scaled to norm 1: x = 1/√(2 + 2r²), y = r x.
    client = make_client(
        *_pairs({("a", "b"): 1, ("a", "u"): 1, ("a", "v"): 1, ("b", "u"): 1, ("b", "v"): 1})
    )
    found = client.data(CORE_PERIPHERY)["measures"]
    [r] = [z.real for z in np.roots([2, 1, 0, 2, -2]) if abs(z.imag) < 1e-12 and 0 < z.real < 1]
    x = 1 / (2 + 2 * r * r) ** 0.5
    assert _scores(found) == pytest.approx({"A": x, "B": x, "U": r * x, "V": r * x}, abs=1e-8)
    # Correlation over the 6 pairs: ties (1, 1, 1, 1, 1, 0) against the pattern (x², xy, xy,
    # xy, xy, y²) for ab, au, av, bu, bv, uv; in units of x²: (1, r, r, r, r, r²).
    pattern = np.array([1, r, r, r, r, r * r])
    ties = np.array([1, 1, 1, 1, 1, 0])
    assert found["corePeriphery"]["correlation"] == pytest.approx(
        float(np.corrcoef(ties, pattern)[0, 1]), abs=1e-8
    )
    # Degrees 3, 3, 2, 2 (n = 4): degree centralisation (0 + 0 + 1 + 1)/(3·2) = 1/3. Betweenness:
    # a and b each lie on half the shortest paths between u and v: ½ / ((n-1)(n-2)/2) = 1/6;
    # (0 + 0 + 1/6 + 1/6)/(n - 1) = 1/9. Closeness: a, b reach all at distance 1 (1); u, v at
    # 1, 1, 2 (3/4): (0 + 0 + ¼ + ¼)·(2n − 3)/((n − 1)(n − 2)) = ½ · 5/6 = 5/12.
    assert found["centralisation"] == pytest.approx(
        {"degree": 1 / 3, "betweenness": 1 / 9, "closeness": 5 / 12}
    )


def _ego_graph() -> tuple[list[Node], list[Tie]]:
    """The ego (city, PUBLIC) with b (city), c (a firm, PRIVATE), d (an NGO, THIRD_SECTOR)
    and e (no employer); f (a university, ACADEMIC) is tied to b and c but not to the ego.
    Projects: P has ego, b, c, d; Q has b, c, f; R has ego, c; S has ego, e."""
    organisations = [
        Node(NodeKind.ORGANISATION, "city", "City", sector=Sector.PUBLIC, sources=(S,)),
        Node(NodeKind.ORGANISATION, "firm", "Firm", sector=Sector.PRIVATE, sources=(S,)),
        Node(NodeKind.ORGANISATION, "ngo", "NGO", sector=Sector.THIRD_SECTOR, sources=(S,)),
        Node(NodeKind.ORGANISATION, "uni", "University", sector=Sector.ACADEMIC, sources=(S,)),
    ]
    employers = {"ego": "city", "b": "city", "c": "firm", "d": "ngo", "f": "uni"}
    projects = {"p": "ego b c d", "q": "b c f", "r": "ego c", "s": "ego e"}
    nodes = [_source(), *organisations, *map(_person, ["ego", "b", "c", "d", "e", "f"])]
    nodes += [_project(p) for p in projects]
    ties = [
        Tie(TieType.EMPLOYED_BY, who, org, f"{who}-works", sources=(S,))
        for who, org in employers.items()
    ]
    ties += [_joins(who, p) for p, people in projects.items() for who in people.split()]
    return nodes, ties


def test_an_ego_network_composition_equals_the_hand_computation(
    make_client: Callable[..., GraphQLClient],
) -> None:
    client = make_client(*_ego_graph())
    ego = client.data(
        EGO,
        {
            "id": global_ids.encode(NodeKind.PERSON, "ego"),
            "mode": "PEOPLE",
            "boundary": "SECTOR",
        },
    )["ego"]
    # Shared projects (SHARED weights): ego–b 1 (P), ego–c 2 (P, R), ego–d 1 (P), ego–e 1 (S);
    # among the alters b–c 2 (P, Q), b–d 1, c–d 1; and b–f 1, c–f 1 (Q).
    assert ego["group"] == "PUBLIC"
    assert ego["size"] == 4
    # One alter in each of three sectors, e's unknown: Blau 1 − 3·(1/3)² = 2/3. The people of
    # the network are in K = 4 sectors (f's university is ACADEMIC): IQV (2/3)/(1 − 1/4) = 8/9.
    assert ego["groups"] == [
        {"group": "PRIVATE", "alters": 1, "share": pytest.approx(1 / 3)},
        {"group": "PUBLIC", "alters": 1, "share": pytest.approx(1 / 3)},
        {"group": "THIRD_SECTOR", "alters": 1, "share": pytest.approx(1 / 3)},
    ]
    assert ego["unknownGroup"] == 1
    assert ego["heterogeneity"] == pytest.approx(2 / 3)
    assert ego["iqv"] == pytest.approx(8 / 9)
    # E-I over the alters of known sector: b internal; c, d external: (2 − 1)/(2 + 1) = 1/3.
    assert ego["ei"] == {"external": 2.0, "internal": 1.0, "index": pytest.approx(1 / 3)}
    # Among the 4 alters, 3 of the 6 pairs are tied (b–c, b–d, c–d): 1/2.
    assert ego["density"] == pytest.approx(0.5)
    # Constraint, p_ij = a_ij / Σ_x a_ix; strengths: ego 5, b 5, c 6, d 3, e 1.
    #   b: 1/5 + p(ego,c) p(c,b) + p(ego,d) p(d,b) = 1/5 + 2/5·2/6 + 1/5·1/3 = 2/5
    #   c: 2/5 + 1/5·2/5 + 1/5·1/3 = 41/75;  d: 1/5 + 1/5·1/5 + 2/5·1/6 = 23/75;  e: 1/5
    #   c(ego) = (2/5)² + (41/75)² + (23/75)² + (1/5)² = 3335/5625
    assert ego["constraint"] == pytest.approx(3335 / 5625)
    # Effective size: Σ_v (1 − Σ_w p(ego,w) a_vw / max_x a_vx):
    #   b (max 2): 1 − (2/5·2/2 + 1/5·1/2) = 1/2;  c (max 2): 1 − (1/5·2/2 + 1/5·1/2) = 7/10
    #   d (max 1): 1 − (1/5 + 2/5) = 2/5;  e: 1.  Total 2.6.
    assert ego["effectiveSize"] == pytest.approx(2.6)
    alters = [
        (a["node"]["node"]["id"], a["node"]["group"], a["node"]["weight"])
        for a in ego["alters"]["edges"]
    ]
    person = {name: global_ids.encode(NodeKind.PERSON, name) for name in "bcde"}
    assert alters == [
        (person["c"], "PRIVATE", 2.0),
        (person["b"], "PUBLIC", 1.0),
        (person["d"], "THIRD_SECTOR", 1.0),
        (person["e"], None, 1.0),
    ]
    [strongest, *_] = [t["node"] for t in ego["ties"]["edges"]]
    assert strongest["weight"] == 2.0
    assert {p["name"] for p in strongest["shared"]} == {"Project p", "Project r"}
    assert strongest["sources"] == [{"title": "A source"}]
    # The same graph as networkx sees it gives the same constraint and effective size.
    graph = nx.Graph()
    graph.add_weighted_edges_from(
        [
            ("ego", "b", 1),
            ("ego", "c", 2),
            ("ego", "d", 1),
            ("ego", "e", 1),
            ("b", "c", 2),
            ("b", "d", 1),
            ("c", "d", 1),
            ("b", "f", 1),
            ("c", "f", 1),
        ]
    )
    assert ego["constraint"] == pytest.approx(nx.constraint(graph, ["ego"], "weight")["ego"])
    effective = nx.effective_size(graph, ["ego"], "weight")["ego"]
    assert ego["effectiveSize"] == pytest.approx(effective)


def test_an_ego_in_the_network_mode_has_its_ties_with_their_types_and_sources(
    make_client: Callable[..., GraphQLClient],
) -> None:
    client = make_client(*_ego_graph())
    ego = client.data(
        EGO,
        {"id": global_ids.encode(NodeKind.PERSON, "ego"), "mode": "NETWORK", "boundary": "SECTOR"},
    )["ego"]
    # The person's own ties: employed by the city, and in projects P, R and S.
    assert sorted(t["node"]["type"] for t in ego["ties"]["edges"]) == [
        "EMPLOYED_BY",
        *["PARTICIPATES_IN"] * 3,
    ]
    assert all(t["node"]["sources"] == [{"title": "A source"}] for t in ego["ties"]["edges"])
    # Its alters are the city (PUBLIC, as the ego: internal) and three projects (no sector).
    assert ego["size"] == 4
    assert ego["unknownGroup"] == 3
    assert ego["ei"] == {"external": 0.0, "internal": 1.0, "index": -1.0}
    assert ego["density"] == 0.0  # the city and the projects are not tied to each other


def test_an_unknown_or_misplaced_ego_is_refused_with_a_code(
    make_client: Callable[..., GraphQLClient],
) -> None:
    client = make_client(*_ego_graph())

    def codes(ident: str, mode: str = "PEOPLE", scope: dict[str, Any] | None = None) -> list[str]:
        variables = {"id": ident, "mode": mode, "boundary": "SECTOR", "scope": scope}
        return client.error_codes(EGO, variables)

    assert codes(global_ids.encode(NodeKind.PERSON, "nobody")) == ["NOT_FOUND"]
    assert codes(global_ids.encode(NodeKind.PERSON, "city")) == ["NOT_FOUND"]  # not a person
    assert codes(global_ids.encode(NodeKind.ORGANISATION, "city")) == ["BAD_INPUT"]
    assert codes(global_ids.encode(NodeKind.PERSON, "ego"), "ORGANISATIONS") == ["BAD_INPUT"]
    assert codes("not an id") == ["BAD_INPUT"]
    outside = {"seeds": [global_ids.encode(NodeKind.PERSON, "f")], "depth": 1}
    assert codes(global_ids.encode(NodeKind.PERSON, "ego"), scope=outside) == ["NOT_FOUND"]
    firm = global_ids.encode(NodeKind.ORGANISATION, "firm")
    assert client.data(
        "query ($id: ID!) { ego(id: $id, mode: ORGANISATIONS) { size } }", {"id": firm}
    ) == {"ego": {"size": 0}}  # organisations take part in no project here: an isolate


def test_the_cost_limit_counts_an_ego_network_as_a_computed_question(
    make_client: Callable[..., GraphQLClient],
) -> None:
    # Whole graph: 20,000 for the computation; groups 20; alters 100 with 3 sources each
    # (300); ties 10, each with 3 sources and 10 shared initiatives (130). 20,560 in all.
    query = """
    query ($id: ID!, $scope: ScopeInput) { ego(id: $id, scope: $scope) {
      groups { group } alters(first: 100) { edges { node { node { sources { title } } } } }
      ties(first: 10) { edges { node { sources { title } shared { id } } } } } }
    """
    ego = global_ids.encode(NodeKind.PERSON, "ego")
    strict = make_client(*_ego_graph(), max_cost=20_559)
    body = strict.post(query, {"id": ego})
    assert [e["extensions"]["code"] for e in body["errors"]] == ["LIMIT_EXCEEDED"]
    assert body["errors"][0]["extensions"]["cost"] == 20_560
    # A scope of one seed at depth 2 weighs 2,000 instead of the whole graph's 20,000.
    assert strict.data(query, {"id": ego, "scope": {"seeds": [ego], "depth": 2}})["ego"]
