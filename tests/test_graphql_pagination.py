"""Keyset cursors over HTTP: pages partition the list, in any order, and bad cursors are refused."""

from __future__ import annotations

from typing import Any

import pytest

from graph.collation import name_key
from tests.conftest import GraphQLClient

PAGE = """
query ($first: Int!, $after: String, $order: DatedOrder) {
  projects(first: $first, after: $after, orderBy: $order) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { slug name start } }
  }
}
"""


def _walk(client: GraphQLClient, size: int, order: dict[str, str]) -> list[dict[str, Any]]:
    seen: list[dict[str, Any]] = []
    after = None
    while True:
        page = client.data(PAGE, {"first": size, "after": after, "order": order})["projects"]
        seen += [edge["node"] for edge in page["edges"]]
        assert page["pageInfo"]["hasPreviousPage"] is (after is not None)
        if page["edges"]:
            assert page["pageInfo"]["endCursor"] == page["edges"][-1]["cursor"]
        if not page["pageInfo"]["hasNextPage"]:
            return seen
        after = page["pageInfo"]["endCursor"]


@pytest.mark.parametrize(
    "order",
    [
        {"field": "NAME", "direction": "ASC"},
        {"field": "NAME", "direction": "DESC"},
        {"field": "START", "direction": "ASC"},
        {"field": "START", "direction": "DESC"},
        {"field": "ID", "direction": "DESC"},
    ],
)
def test_small_pages_walk_the_whole_list_in_order(
    client: GraphQLClient, order: dict[str, str]
) -> None:
    whole = client.data(PAGE, {"first": 100, "order": order})["projects"]
    everything = [edge["node"] for edge in whole["edges"]]
    assert whole["totalCount"] == len(everything) > 4
    assert _walk(client, 3, order) == everything
    key = {"NAME": "name", "START": "start", "ID": "slug"}[order["field"]]
    values = [node[key] or "" for node in everything]
    in_finnish = name_key if key == "name" else None  # names sort in Finnish order
    assert values == sorted(values, key=in_finnish, reverse=order["direction"] == "DESC")


def test_nested_connections_page_with_cursors(client: GraphQLClient) -> None:
    query = """
    query ($after: String) { programmes(first: 100) { edges { node { name
      participants(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor }
        edges { tieId } } } } } }
    """
    programmes = client.data(query)["programmes"]["edges"]
    busiest = max(programmes, key=lambda e: e["node"]["participants"]["totalCount"])
    total = busiest["node"]["participants"]["totalCount"]
    assert total > 2
    collected: list[str] = []
    after = None
    while True:
        found = client.data(query, {"after": after})["programmes"]["edges"]
        node = next(e["node"] for e in found if e["node"]["name"] == busiest["node"]["name"])
        collected += [edge["tieId"] for edge in node["participants"]["edges"]]
        if not node["participants"]["pageInfo"]["hasNextPage"]:
            break
        after = node["participants"]["pageInfo"]["endCursor"]
    assert len(collected) == len(set(collected)) == total


def test_a_cursor_only_fits_its_own_order(client: GraphQLClient) -> None:
    page = client.data(PAGE, {"first": 1, "order": {"field": "NAME", "direction": "ASC"}})
    cursor = page["projects"]["pageInfo"]["endCursor"]
    codes = client.error_codes(
        PAGE, {"first": 1, "after": cursor, "order": {"field": "START", "direction": "ASC"}}
    )
    assert codes == ["BAD_INPUT"]


@pytest.mark.parametrize("cursor", ["not-a-cursor", "!!!", "WyJ4Il0", ""])
def test_malformed_cursor_is_bad_input(client: GraphQLClient, cursor: str) -> None:
    assert client.error_codes(PAGE, {"first": 2, "after": cursor}) == ["BAD_INPUT"]


def test_first_is_capped(client: GraphQLClient) -> None:
    assert client.error_codes("{ people(first: 1000) { edges { cursor } } }") == ["LIMIT_EXCEEDED"]
    nested = "{ programmes(first: 1) { edges { node { projects(first: 101) { totalCount } } } } }"
    assert client.error_codes(nested) == ["LIMIT_EXCEEDED"]
    assert client.error_codes("{ people(first: -1) { edges { cursor } } }") == ["BAD_INPUT"]


def test_total_count_is_only_counted_when_asked(client: GraphQLClient) -> None:
    before = client.round_trips
    client.data("{ people(first: 5) { edges { cursor } } }")
    without = client.round_trips - before
    before = client.round_trips
    client.data("{ people(first: 5) { totalCount edges { cursor } } }")
    assert client.round_trips - before == without + 1
