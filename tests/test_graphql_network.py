"""Network questions over GraphQL on the seed knowledge."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from graph import dates
from graph.model import Node, NodeKind, Tie, TieType
from resolvers import global_ids
from seed.knowledge import seed_graph
from tests.conftest import GraphQLClient

TERM_2013 = global_ids.encode(NodeKind.PROGRAMME, "espoon-kehitysohjelmat-2013-2017")
MAKELA = global_ids.encode(NodeKind.PERSON, "jukka-makela")
JUNKKARI = global_ids.encode(NodeKind.PERSON, "jaana-junkkari")
JAANU = global_ids.encode(NodeKind.PERSON, "anna-mari-jaanu")

BROKERS = """
query ($scope: ScopeInput) {
  measures(scope: $scope, boundary: SEAT_TYPE, mode: PEOPLE) {
    nodeCount ei { external internal index }
    groups { group size ei { index } }
    nodes(first: 3, orderBy: {field: BROKERAGE}) { totalCount edges { cursor node {
      group degree betweenness
      brokerage { coordinator itinerant representative gatekeeper liaison total }
      node { __typename name sources { title } ... on Person { steeringSeats { edges {
        seatType role sources { title } node { name } } } } }
    } } }
  }
}
"""


def test_the_whole_network_is_every_node_and_tie_but_the_sources(client: GraphQLClient) -> None:
    nodes, ties = seed_graph()
    data = client.data(
        "{ network { nodeCount edgeCount nodes { id kind label sourcesCount } "
        "edges { source target type sourcesCount } } }"
    )["network"]
    assert data["nodeCount"] == sum(1 for n in nodes if n.kind is not NodeKind.SOURCE)
    assert data["edgeCount"] == len(ties)
    assert all(node["sourcesCount"] > 0 for node in data["nodes"])
    assert all(edge["sourcesCount"] > 0 for edge in data["edges"])
    ids = {node["id"] for node in data["nodes"]}
    assert all(edge["source"] in ids and edge["target"] in ids for edge in data["edges"])


def test_a_seeded_scope_reaches_its_neighbours(client: GraphQLClient) -> None:
    data = client.data(
        "query ($seed: ID!) { network(scope: {seeds: [$seed], depth: 1}) { nodes { label } } }",
        {"seed": MAKELA},
    )["network"]
    nodes, ties = seed_graph()
    name = {node.id: node.name for node in nodes}
    makela = global_ids.decode(MAKELA)[1]
    neighbours = {
        t.target if t.source == makela else t.source for t in ties if makela in (t.source, t.target)
    }
    assert {node["label"] for node in data["nodes"]} == {name[makela]} | {
        name[other] for other in neighbours
    }
    assert {"Espoon kaupunki", "Kestävä kehitys", "Osallistuva Espoo"} <= {
        node["label"] for node in data["nodes"]
    }


def test_newman_weights_of_the_2013_2017_collaboration(client: GraphQLClient) -> None:
    data = client.data(
        "query ($p: ID!) { collaboration(scope: {initiatives: [$p]}, mode: PEOPLE) "
        "{ nodes { label } edges { source target weight shared { name } sources { title } } } }",
        {"p": TERM_2013},
    )["collaboration"]
    # Every shared initiative here has three people (chair, owner, manager): 1/(3 − 1); the
    # 2014 report adds 1/(2 − 1) to its two people, Nuorten elinvoimaisuus's chair and manager.
    weights = {
        frozenset((e["source"], e["target"])): (e["weight"], {s["name"] for s in e["shared"]})
        for e in data["edges"]
    }
    hellstrom, pakka = (
        global_ids.encode(NodeKind.PERSON, p) for p in ("martti-hellstrom", "viula-pakka")
    )
    assert weights.pop(frozenset((hellstrom, pakka))) == (
        1.5,
        {"Nuorten elinvoimaisuus", "Valtuusto merkitsi kehitysohjelmien raportit tiedoksi"},
    )
    assert {weight for weight, _ in weights.values()} == {0.5}
    assert len(data["edges"]) == 12
    elo = global_ids.encode(NodeKind.PERSON, "simon-elo")
    [shared] = [e for e in data["edges"] if {e["source"], e["target"]} == {MAKELA, elo}]
    assert shared["shared"] == [{"name": "Osallistuva Espoo"}]
    assert shared["sources"]


def test_the_broker_between_elected_officials_and_civil_servants(client: GraphQLClient) -> None:
    scope = {"initiatives": [TERM_2013]}
    first = client.data(BROKERS, {"scope": scope})["measures"]
    again = client.data(BROKERS, {"scope": scope})["measures"]
    assert first == again
    top = first["nodes"]["edges"][0]["node"]
    # Jukka Mäkelä (civil servant) owns Kestävä kehitys and Osallistuva Espoo, whose chairs
    # Sirpa Hertell and Simon Elo (elected) are not otherwise tied: he brokers between them
    # both ways, an itinerant role; no one else in these programmes brokers at all.
    assert top["node"]["name"] == "Jukka Mäkelä"
    assert top["group"] == "CIVIL_SERVANT"
    assert top["brokerage"] == {
        "coordinator": 0,
        "itinerant": 2,
        "representative": 0,
        "gatekeeper": 0,
        "liaison": 0,
        "total": 2,
    }
    assert all(e["node"]["brokerage"]["total"] == 0 for e in first["nodes"]["edges"][1:])
    seats = top["node"]["steeringSeats"]["edges"]
    assert {s["node"]["name"] for s in seats} == {"Kestävä kehitys", "Osallistuva Espoo"}
    assert all(s["sources"] and s["seatType"] == "CIVIL_SERVANT" for s in seats)
    assert top["node"]["sources"]
    assert {g["group"] for g in first["groups"]} == {"ELECTED_OFFICIAL", "CIVIL_SERVANT"}


def test_measures_page_by_keyset(client: GraphQLClient) -> None:
    query = """
    query ($after: String) { measures(mode: PEOPLE) { nodes(first: 4, after: $after,
      orderBy: {field: DEGREE}) { totalCount pageInfo { hasNextPage endCursor }
      edges { node { degree node { id } } } } } }
    """
    seen: list[tuple[int, str]] = []
    after = None
    while True:
        page = client.data(query, {"after": after})["measures"]["nodes"]
        seen += [(e["node"]["degree"], e["node"]["node"]["id"]) for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == page["totalCount"] == len({ident for _, ident in seen})
    assert [d for d, _ in seen] == sorted((d for d, _ in seen), reverse=True)


def test_a_council_term_scopes_the_collaboration(client: GraphQLClient) -> None:
    data = client.data(
        "{ collaboration(scope: {term: TERM_2021_2025}, mode: PEOPLE) "
        "{ nodes { id label } edges { source target } } }"
    )["collaboration"]
    label = {n["id"]: n["label"] for n in data["nodes"]}
    collaborating = {label[e[end]] for e in data["edges"] for end in ("source", "target")}
    assert {"Meri Löyttyniemi", "Markku Markkula", "Joel Vanhanen"} <= collaborating
    # Simon Elo chaired a 2013–2017 steering group; his council seat is undated (so he is in
    # every term's network), but he shares no 2021–2025 initiative with anyone.
    assert "Simon Elo" in label.values()
    assert "Simon Elo" not in collaborating


def test_communities_are_stable_and_cover_everyone(client: GraphQLClient) -> None:
    query = """
    { communities(mode: PEOPLE, algorithm: LEIDEN, seed: 3, boundary: SEAT_TYPE) {
      modularity count communities(first: 100) { totalCount edges { node {
        index size ei { index } members(first: 100) { label } } } } } }
    """
    first = client.data(query)["communities"]
    assert first == client.data(query)["communities"]
    sizes = [e["node"]["size"] for e in first["communities"]["edges"]]
    assert sizes == sorted(sizes, reverse=True)
    people = sum(1 for n in seed_graph()[0] if n.kind is NodeKind.PERSON)
    assert sum(sizes) == people
    assert 0 < first["modularity"] <= 1
    louvain = client.data(query.replace("LEIDEN", "LOUVAIN"))["communities"]
    assert louvain["count"] >= 1


def test_a_path_carries_its_ties_and_sources(client: GraphQLClient) -> None:
    data = client.data(
        "query ($a: ID!, $b: ID!) { path(from: $a, to: $b) { length nodes { label } "
        "edges { type source target sources { title } } } }",
        {"a": JUNKKARI, "b": JAANU},
    )["path"]
    assert data["nodes"][0]["label"] == "Jaana Junkkari"
    assert data["nodes"][-1]["label"] == "Anna-Mari Jaanu"
    assert data["length"] == len(data["edges"]) == len(data["nodes"]) - 1
    assert all(edge["sources"] for edge in data["edges"])
    outside = client.error_codes(
        "query ($a: ID!, $b: ID!) { path(from: $a, to: $b, scope: {seeds: [$a], depth: 1}) "
        "{ length } }",
        {"a": JUNKKARI, "b": JAANU},
    )
    assert outside == ["NOT_FOUND"]


def test_bad_scopes_are_named(client: GraphQLClient) -> None:
    query = "query ($scope: ScopeInput) { network(scope: $scope) { nodeCount } }"
    unknown = global_ids.encode(NodeKind.PERSON, "nobody")
    expected = [
        ({"seeds": [MAKELA], "initiatives": [TERM_2013]}, "BAD_INPUT"),
        ({"seeds": [MAKELA], "depth": 99}, "BAD_INPUT"),
        ({"seeds": [unknown]}, "NOT_FOUND"),
        ({"initiatives": [MAKELA]}, "BAD_INPUT"),
        ({"from": "2020", "to": "2019"}, "BAD_INPUT"),
        ({"term": "TERM_2013_2017", "from": "2014"}, "BAD_INPUT"),
    ]
    for scope, code in expected:
        assert client.error_codes(query, {"scope": scope}) == [code], scope


def test_a_write_invalidates_the_cached_network(
    make_client: Callable[..., GraphQLClient],
) -> None:
    nodes, ties = seed_graph()
    client = make_client(nodes, ties)
    query = "{ collaboration(mode: PEOPLE) { edgeCount } }"
    before = client.data(query)["collaboration"]["edgeCount"]
    joins = Tie(
        TieType.PARTICIPATES_IN,
        "anna-mari-jaanu",
        "meidan-puisto",
        "test-join",
        sources=("espoo-meidan-puisto",),
    )
    client.run(client.store.upsert, [], [joins])
    assert client.data(query)["collaboration"]["edgeCount"] == before + 1


def test_a_projected_tie_lasts_as_long_as_the_initiatives_it_stands_for(
    client: GraphQLClient,
) -> None:
    edges = client.data(
        "{ collaboration(mode: PEOPLE) { edges { start end "
        "shared { ... on Dated { start end } } } } }"
    )["collaboration"]["edges"]
    assert edges
    for edge in edges:
        starts = [s["start"] for s in edge["shared"]]
        ends = [s["end"] for s in edge["shared"]]
        wanted_start = None if None in starts else min(starts, key=dates.first_day)
        wanted_end = None if None in ends else max(ends, key=dates.last_day)
        assert (edge["start"], edge["end"]) == (wanted_start, wanted_end), edge
    assert any(edge["start"] and edge["end"] for edge in edges)


@pytest.mark.parametrize("weighting", ["SHARED", "NEWMAN", "JACCARD"])
def test_a_projection_with_one_actor_has_no_edges(
    make_client: Callable[..., GraphQLClient], weighting: str
) -> None:
    """One organisation partnering in one project: a projection of one actor and no ties
    (scipy indexes a matrix with no points as a 1×0 matrix, which once broke NEWMAN)."""
    source = Node(NodeKind.SOURCE, "s", "A source")
    graph = [
        source,
        Node(NodeKind.ORGANISATION, "o", "The only partner", sources=("s",)),
        Node(NodeKind.PROJECT, "p", "A project", sources=("s",)),
    ]
    client = make_client(graph, [Tie(TieType.PARTNER_IN, "o", "p", "t", sources=("s",))])
    drawn = client.data(
        f"{{ collaboration(mode: ORGANISATIONS, weighting: {weighting}) "
        "{ nodes { label weight } edges { id } } }"
    )["collaboration"]
    assert drawn == {"nodes": [{"label": "The only partner", "weight": 0.0}], "edges": []}
    measured = client.data(
        f"{{ measures(mode: ORGANISATIONS, weighting: {weighting}) {{ density }} }}"
    )["measures"]
    assert measured == {"density": 0.0}
    exported = client.http.get(f"/export/graphml?mode=ORGANISATIONS&weighting={weighting}")
    assert exported.status_code == 200
    assert "The only partner" in exported.text
