"""An explicit null in an update clears an optional field; a field left out stays as it is;
a required field cannot be cleared. Over HTTP, with the provenance of every clearing kept."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from graph.model import Node, NodeKind, OrgType, Sector, Tie, TieType
from resolvers import global_ids
from seed.actors import organisation
from tests.conftest import GraphQLClient
from tests.curators import Curators, curators_of

OLD, NEW = "old-source", "new-source"
UPDATE_NODE = """
mutation ($input: NodeChangesInput!) {
  updateNode(input: $input) {
    __typename
    ... on NodeSaved { changed contested node { name description sources { slug }
      claims { field value sources { slug } }
      ... on Programme { start end }
      ... on Organisation { municipality sector }
      ... on Source { url publisher } } }
    ... on InvalidInput { errors { field message } }
  }
}
"""
UPDATE_TIE = """
mutation ($input: TieChangesInput!) {
  updateTie(input: $input) {
    __typename
    ... on TieSaved { tie { id role start end seatType sources { slug } } }
    ... on InvalidInput { errors { field message } }
  }
}
"""
READ = """
query ($id: ID!) { node(id: $id) { ... on Programme { name description start end
  claims { field value } } } }
"""


def gid(kind: NodeKind, slug: str) -> str:
    return global_ids.encode(kind, slug)


@pytest.fixture
def curators(make_client: Callable[..., GraphQLClient]) -> Curators:
    cited = (OLD,)
    nodes = [
        Node(NodeKind.SOURCE, OLD, "Vanha lähde", sources=cited, url="https://old.example"),
        Node(NodeKind.SOURCE, NEW, "Uusi lähde", sources=(NEW,), publisher="Espoo"),
        Node(
            NodeKind.PROGRAMME,
            "ohjelma",
            "Ohjelma",
            sources=cited,
            description="Kuvaus",
            start="2013",
            end="2017",
        ),
        Node(NodeKind.PERSON, "aino", "Aino", sources=cited),
        organisation(
            "espoo",
            "Espoo",
            *cited,
            sector=Sector.PUBLIC,
            org_type=OrgType.MUNICIPALITY,
            municipality="Espoo",
        ),
    ]
    seat = Tie(
        TieType.SITS_ON, "aino", "ohjelma", "seat", role="chair", start="2014", end="2016",
        sources=cited,
    )  # fmt: skip
    return curators_of(make_client(nodes, [seat]))


def update(curators: Curators, node: str, kind: NodeKind, **fields: Any) -> dict[str, Any]:
    sources = fields.pop("sources", [gid(NodeKind.SOURCE, OLD)])
    variables = {"input": {"id": gid(kind, node), "sources": sources, **fields}}
    result: dict[str, Any] = curators.editor.data(UPDATE_NODE, variables)["updateNode"]
    return result


def test_null_clears_and_left_out_keeps(curators: Curators) -> None:
    saved = update(curators, "ohjelma", NodeKind.PROGRAMME, description=None, end=None)
    assert saved["__typename"] == "NodeSaved"
    assert saved["changed"] is True
    node = saved["node"]
    assert (node["description"], node["end"]) == (None, None)
    assert (node["name"], node["start"]) == ("Ohjelma", "2013")  # left out: kept
    assert node["claims"] == []  # a correction by the sources it cites already
    read = curators.anonymous.data(READ, {"id": gid(NodeKind.PROGRAMME, "ohjelma")})["node"]
    assert (read["description"], read["end"], read["start"]) == (None, None, "2013")
    again = update(curators, "ohjelma", NodeKind.PROGRAMME, description=None)
    assert again["changed"] is False


def test_null_clears_a_kind_s_own_fields(curators: Curators) -> None:
    organisation = update(curators, "espoo", NodeKind.ORGANISATION, municipality=None)
    assert organisation["node"]["municipality"] is None
    assert organisation["node"]["sector"] == "PUBLIC"
    source = update(curators, OLD, NodeKind.SOURCE, url=None)
    assert source["node"]["url"] is None


def test_a_clearing_by_new_sources_is_kept_as_a_claim(curators: Curators) -> None:
    both = [gid(NodeKind.SOURCE, OLD), gid(NodeKind.SOURCE, NEW)]
    contested = update(curators, "ohjelma", NodeKind.PROGRAMME, description=None, sources=both)
    assert contested["contested"] == ["description"]
    node = contested["node"]
    assert node["description"] == "Kuvaus"  # the stored value stays: the sources disagree
    assert node["claims"] == [
        {"field": "description", "value": "Kuvaus", "sources": [{"slug": OLD}]},
        {"field": "description", "value": None, "sources": [{"slug": NEW}]},
    ]
    assert {s["slug"] for s in node["sources"]} == {OLD, NEW}


def test_a_clearing_preferred_is_made_and_both_claims_kept(curators: Curators) -> None:
    new = [gid(NodeKind.SOURCE, NEW)]
    saved = update(curators, "ohjelma", NodeKind.PROGRAMME, end=None, sources=new, preferNew=True)
    node = saved["node"]
    assert node["end"] is None
    assert node["claims"] == [
        {"field": "end", "value": "2017", "sources": [{"slug": OLD}]},
        {"field": "end", "value": None, "sources": [{"slug": NEW}]},
    ]


@pytest.mark.parametrize("kind", [NodeKind.PROGRAMME, NodeKind.SOURCE])
def test_a_required_field_cannot_be_cleared(curators: Curators, kind: NodeKind) -> None:
    slug = "ohjelma" if kind is NodeKind.PROGRAMME else OLD
    variables = {
        "input": {"id": gid(kind, slug), "sources": [gid(NodeKind.SOURCE, OLD)], "name": None}
    }
    body = curators.editor.post(UPDATE_NODE, variables)
    [error] = body["errors"]
    assert error["extensions"] == {"code": "BAD_INPUT", "field": "name"}
    assert "name" in error["message"]
    assert body["data"] is None
    unchanged = curators.anonymous.data(READ, {"id": gid(NodeKind.PROGRAMME, "ohjelma")})
    assert unchanged["node"]["name"] == "Ohjelma"


def test_null_clears_a_ties_fields(curators: Curators) -> None:
    variables = {
        "input": {"id": "seat", "sources": [gid(NodeKind.SOURCE, OLD)], "role": None, "end": None}
    }
    tie = curators.editor.data(UPDATE_TIE, variables)["updateTie"]["tie"]
    assert (tie["role"], tie["end"], tie["start"]) == (None, None, "2014")
    seats = (
        "query ($id: ID!) { node(id: $id) { ... on Person { steeringSeats { edges "
        "{ role start end } } } } }"
    )
    found = curators.anonymous.data(seats, {"id": gid(NodeKind.PERSON, "aino")})
    seat = found["node"]["steeringSeats"]["edges"]
    assert seat == [{"role": None, "start": "2014", "end": None}]


def test_an_unknown_field_cleared_is_refused(curators: Curators) -> None:
    refused = update(curators, "aino", NodeKind.PERSON, url=None)
    assert refused["__typename"] == "InvalidInput"
    assert refused["errors"] == [{"field": "url", "message": "A Person has no url."}]
