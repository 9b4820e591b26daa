"""Search over HTTP: pages of ranked hits with cursors, matching without case or diacritics.

Every page is checked against a brute-force search written here: every node read through the
store, its name and description folded, the match and its tier decided by plain string tests,
and the hits sorted by tier, then by ICU's own Finnish comparison of names, then by id.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import icu
import pytest

from graph.model import Node, NodeKind, OrgType, Sector
from graph.text_match import fold
from seed.actors import organisation
from tests.conftest import GraphQLClient

PAGE = """
query ($text: String!, $kinds: [NodeKind!], $first: Int!, $after: String) {
  searchResults(text: $text, kinds: $kinds, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor score match node { slug kind name } }
  }
}
"""
FINNISH = icu.Collator.createInstance(icu.Locale("fi"))
TIERS = {5: "WHOLE_NAME", 4: "NAME_PREFIX", 3: "NAME_WORD", 2: "INSIDE_NAME", 1: "DESCRIPTION"}
SCORES = {"WHOLE_NAME": 1.0, "NAME_PREFIX": 0.8, "NAME_WORD": 0.6, "INSIDE_NAME": 0.4}
SCORES["DESCRIPTION"] = 0.2


def _everything(client: GraphQLClient) -> list[Node]:
    async def scan() -> list[Node]:
        return [
            node
            for kind in NodeKind
            for node in await client.store.scan_nodes(kind, None, 1_000_000)
        ]

    return client.run(scan)


def _expected(nodes: list[Node], text: str, kinds: set[NodeKind]) -> list[tuple[str, str]]:
    """(slug, tier name) of every hit in rank order, decided here without the store."""
    needle = fold(text)
    hits = []
    for node in nodes:
        name, description = fold(node.name), fold(node.description or "")
        if node.kind not in kinds:
            continue
        if name == needle:
            tier = 5
        elif name.startswith(needle):
            tier = 4
        elif " " + needle in name:
            tier = 3
        elif needle in name:
            tier = 2
        elif needle in description:
            tier = 1
        else:
            continue
        hits.append((-tier, FINNISH.getSortKey(node.name), node.id))
    return [(node_id, TIERS[-tier]) for tier, _, node_id in sorted(hits)]


def _walk(
    client: GraphQLClient, text: str, size: int, kinds: list[str] | None = None
) -> tuple[list[dict[str, Any]], int]:
    seen: list[dict[str, Any]] = []
    after = None
    while True:
        variables = {"text": text, "kinds": kinds, "first": size, "after": after}
        page = client.data(PAGE, variables)["searchResults"]
        seen += page["edges"]
        assert page["pageInfo"]["hasPreviousPage"] is (after is not None)
        if not page["pageInfo"]["hasNextPage"]:
            return seen, page["totalCount"]
        after = page["pageInfo"]["endCursor"]
        assert after == page["edges"][-1]["cursor"]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("espoo", None),
        ("KESTAVA", None),
        ("kestävä espoo", None),
        ("Mäkelä", ["PERSON", "ORGANISATION"]),
        ("ohjaamo", ["PROJECT", "OUTCOME", "ORGANISATION"]),
        ("yrityskyla", None),
        ("a", ["PROGRAMME"]),
    ],
)
def test_small_pages_walk_every_hit_in_rank_order(
    client: GraphQLClient, text: str, kinds: list[str] | None
) -> None:
    wanted = {NodeKind[k] for k in kinds} if kinds else set(NodeKind)
    expected = _expected(_everything(client), text, wanted)
    seen, total = _walk(client, text, 3, kinds)
    assert [(edge["node"]["slug"], edge["match"]) for edge in seen] == expected
    assert total == len(expected) > 0
    scores = [edge["score"] for edge in seen]
    assert scores == sorted(scores, reverse=True)
    assert all(edge["score"] == SCORES[edge["match"]] for edge in seen)
    assert {edge["node"]["kind"] for edge in seen} <= {k.name for k in wanted}


def test_matching_ignores_diacritics_and_case_both_ways(
    make_client: Callable[..., GraphQLClient],
) -> None:
    s = ("src",)
    nodes = [
        Node(NodeKind.SOURCE, "src", "Lähde", sources=s),
        organisation(
            "malmo", "Malmö stad", *s, sector=Sector.PUBLIC, org_type=OrgType.MUNICIPALITY
        ),
        organisation("malmo-ab", "Malmo AB", *s, sector=Sector.PRIVATE, org_type=OrgType.COMPANY),
        Node(NodeKind.OUTCOME, "decision", "Päätös", sources=s),
        Node(NodeKind.OUTCOME, "plain", "Paatos", sources=s, description="ilman pisteitä"),
    ]
    client = make_client(nodes, [])

    def found(text: str) -> list[str]:
        return [edge["node"]["slug"] for edge in _walk(client, text, 10)[0]]

    assert found("paatos") == found("PÄÄTÖS") == found("päätös") == ["plain", "decision"]
    assert found("Malmo") == found("malmö") == found("MALMÖ") == ["malmo-ab", "malmo"]
    assert found("pisteita") == ["plain"]


def test_kinds_narrow_the_hits(client: GraphQLClient) -> None:
    everything, total = _walk(client, "espoo", 100)
    projects, project_total = _walk(client, "espoo", 100, ["PROJECT"])
    assert [e for e in everything if e["node"]["kind"] == "PROJECT"] == projects
    assert 0 < project_total < total


def test_the_deprecated_search_is_the_first_page_of_search_results(client: GraphQLClient) -> None:
    old = client.data('{ search(text: "kestava", first: 7) { slug kind name } }')["search"]
    new = client.data(PAGE, {"text": "kestava", "first": 7})["searchResults"]["edges"]
    assert old == [edge["node"] for edge in new] != []
    [field] = [
        f
        for f in client.data(
            '{ __type(name: "Query") { fields(includeDeprecated: true) '
            "{ name isDeprecated deprecationReason } } }"
        )["__type"]["fields"]
        if f["name"] == "search"
    ]
    assert field["isDeprecated"]
    assert "searchResults" in field["deprecationReason"]


@pytest.mark.parametrize(
    ("variables", "field"),
    [
        ({"text": "   "}, "text"),
        ({"text": "\u0301\u0308"}, "text"),  # only combining accents: nothing to look for
        ({"text": "x" * 201}, "text"),
        ({"text": "espoo", "first": 101}, None),
        ({"text": "espoo", "after": "not-a-cursor"}, "after"),
        ({"text": "espoo", "after": "WyJQcm9qZWN0Om5hbWVLZXk6YXNjIiwiYSIsImIiXQ"}, "after"),
    ],
)
def test_bad_input_is_refused_with_a_code(
    client: GraphQLClient, variables: dict[str, Any], field: str | None
) -> None:
    body = client.post(PAGE, {"first": 5} | variables)
    [error] = body["errors"]
    assert error["extensions"]["code"] in {"BAD_INPUT", "LIMIT_EXCEEDED"}
    assert error["extensions"].get("field") == field
