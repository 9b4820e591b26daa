"""The demo knowledge over GraphQL: the queries the README and the foundation issue promise."""

from __future__ import annotations

from tests.conftest import GraphQLClient

TERM_2013_2017 = {
    "Elinvoimaa ikääntyville",
    "Kestävä kehitys",
    "Kilpailukyky, innovatiivisuus ja yrittäjyys",
    "Nuorten elinvoimaisuus",
    "Osallistuva Espoo",
}

PROGRAMMES = """
{ programmes(first: 20) { totalCount edges { node { id name sources { title } } } } }
"""

PROGRAMMES_IN_DEPTH = """
query ($from: PartialDate!, $to: PartialDate!) {
  programmes(first: 50, filter: {activeFrom: $from, activeTo: $to}) {
    edges { node {
      name start end
      steeringGroup { edges { seatType role sources { title } node { name } } }
      projects { edges { node { name sources { title }
        outcomes { edges { node { name sources { title } } } } } } }
      outcomes { edges { node { name sources { url } } } }
    } }
  }
}
"""

THREE_LEVELS = """
{ programmes(first: 10) { edges { node { name projects(first: 10) { edges { node { name
  participants(first: 10) { edges { node { __typename } } } } } } } } } }
"""


def test_programmes_answer_with_names_and_sources(client: GraphQLClient) -> None:
    data = client.data(PROGRAMMES)["programmes"]
    names = {edge["node"]["name"] for edge in data["edges"]}
    assert names >= TERM_2013_2017
    assert data["totalCount"] >= len(names)
    for edge in data["edges"]:
        assert edge["node"]["sources"], f"{edge['node']['name']} has no source"
        assert all(source["title"] for source in edge["node"]["sources"])


def test_the_2013_2017_programmes_have_steering_groups_projects_and_outcomes(
    client: GraphQLClient,
) -> None:
    data = client.data(PROGRAMMES_IN_DEPTH, {"from": "2014", "to": "2016"})
    programmes = {edge["node"]["name"]: edge["node"] for edge in data["programmes"]["edges"]}
    assert set(programmes) >= TERM_2013_2017
    seat_types = set()
    # No source names the steering group of Kilpailukyky, innovatiivisuus ja yrittäjyys.
    for name in TERM_2013_2017 - {"Kilpailukyky, innovatiivisuus ja yrittäjyys"}:
        seats = programmes[name]["steeringGroup"]["edges"]
        assert seats, f"{name} has no steering group"
        for seat in seats:
            assert seat["sources"], f"a seat on {name} has no source"
            seat_types.add(seat["seatType"])
    assert seat_types == {"ELECTED_OFFICIAL", "CIVIL_SERVANT"}
    youth = programmes["Nuorten elinvoimaisuus"]
    projects = {edge["node"]["name"]: edge["node"] for edge in youth["projects"]["edges"]}
    ohjaamo = next(p for name, p in projects.items() if "Ohjaamo" in name)
    assert ohjaamo["sources"]
    assert any("Ohjaamo" in e["node"]["name"] for e in ohjaamo["outcomes"]["edges"])


def test_three_level_query_reaches_participants_of_both_kinds(client: GraphQLClient) -> None:
    data = client.data(THREE_LEVELS)
    typenames = {
        participant["node"]["__typename"]
        for programme in data["programmes"]["edges"]
        for project in programme["node"]["projects"]["edges"]
        for participant in project["node"]["participants"]["edges"]
    }
    projects = [p for e in data["programmes"]["edges"] for p in e["node"]["projects"]["edges"]]
    assert projects
    assert typenames
    assert typenames <= {"Person", "Organisation"}
    kunteko = client.data(
        '{ programmes(filter: {nameContains: "KunTeko"}) { edges { node { name projects '
        "{ edges { node { participants { edges { role node { __typename } } } } } } } } } }"
    )["programmes"]["edges"][0]["node"]
    kinds = {
        edge["node"]["__typename"]
        for project in kunteko["projects"]["edges"]
        for edge in project["node"]["participants"]["edges"]
    }
    assert kinds == {"Person", "Organisation"}


def test_contradicting_names_are_both_kept_with_their_sources(client: GraphQLClient) -> None:
    data = client.data(
        '{ programmes(first: 50, filter: {nameContains: "Hyvinvoi"}) { edges { node { name '
        "claims { field value sources { title date } } } } } }"
    )
    claims = {
        claim["value"]: claim["sources"]
        for edge in data["programmes"]["edges"]
        for claim in edge["node"]["claims"]
        if claim["field"] == "name"
    }
    assert {"Hyvinvointi ja terveys", "Hyvinvoiva Espoo"} <= set(claims)
    assert claims["Hyvinvointi ja terveys"] != claims["Hyvinvoiva Espoo"]


def test_node_lookup_round_trips_the_global_id(client: GraphQLClient) -> None:
    first = client.data("{ people(first: 1) { edges { node { id slug name } } } }")
    person = first["people"]["edges"][0]["node"]
    found = client.data(
        "query ($id: ID!) { node(id: $id) { __typename id ... on Person { slug name } } }",
        {"id": person["id"]},
    )["node"]
    assert found == {"__typename": "Person", **person}
    listed = client.data(
        "query ($ids: [ID!]!) { nodes(ids: $ids) { id } }", {"ids": [person["id"], person["id"]]}
    )
    assert listed["nodes"] == [{"id": person["id"]}, {"id": person["id"]}]


def test_a_persons_memberships_and_seats_carry_edge_properties(client: GraphQLClient) -> None:
    data = client.data(
        '{ people(first: 5, filter: {nameContains: "Junkkari"}) { edges { node { name '
        "memberships { totalCount edges { role start end type node { name branch sector } } } "
        "initiatives { edges { role type node { __typename ... on Project { name } } } } } } } }"
    )
    person = data["people"]["edges"][0]["node"]
    membership = person["memberships"]["edges"][0]
    assert membership["type"] == "EMPLOYED_BY"
    assert membership["role"]
    assert membership["node"]["sector"] == "PUBLIC"
    assert any(e["node"].get("name") == "Meidän puisto" for e in person["initiatives"]["edges"])


def test_search_finds_across_kinds(client: GraphQLClient) -> None:
    hits = client.data('{ search(text: "ohjaamo") { __typename name } }')["search"]
    assert {"Project", "Outcome"} <= {hit["__typename"] for hit in hits}
    only = client.data('{ search(text: "ohjaamo", kinds: [OUTCOME]) { __typename } }')["search"]
    assert only
    assert {hit["__typename"] for hit in only} == {"Outcome"}


def test_organisations_filter_by_sector_and_type(client: GraphQLClient) -> None:
    data = client.data(
        "{ organisations(first: 100, filter: {sector: [THIRD_SECTOR]}) "
        "{ totalCount edges { node { name sector } } } }"
    )["organisations"]
    assert data["totalCount"] == len(data["edges"]) > 0
    assert {edge["node"]["sector"] for edge in data["edges"]} == {"THIRD_SECTOR"}
    municipalities = client.data(
        "{ organisations(filter: {orgType: [MUNICIPALITY]}) { edges { node { name } } } }"
    )["organisations"]["edges"]
    assert {"Espoon kaupunki", "Helsingin kaupunki"} <= {e["node"]["name"] for e in municipalities}


def test_period_filter_separates_council_terms(client: GraphQLClient) -> None:
    query = (
        "query ($from: PartialDate, $to: PartialDate) { programmes(first: 100, "
        "filter: {activeFrom: $from, activeTo: $to}) { edges { node { name start end } } } }"
    )
    early = client.data(query, {"from": "2014-01-01", "to": "2015-12-31"})["programmes"]["edges"]
    late = client.data(query, {"from": "2022", "to": "2023"})["programmes"]["edges"]
    assert {e["node"]["name"] for e in early} >= TERM_2013_2017
    assert not TERM_2013_2017 & {e["node"]["name"] for e in late}
    for edge in late:
        assert edge["node"]["end"] is None or edge["node"]["end"] >= "2022"
