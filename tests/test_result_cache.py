"""A repeated query is answered from the result cache until the graph changes."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import Node, NodeKind
from seed.knowledge import seed_graph
from tests.conftest import GraphQLClient

QUERY = "{ people(first: 100) { totalCount edges { node { name } } } }"


def test_a_repeated_query_skips_the_database_until_a_write(
    make_client: Callable[..., GraphQLClient],
) -> None:
    client = make_client(*seed_graph())
    first = client.data(QUERY)
    before = client.round_trips
    assert client.data(QUERY) == first
    assert client.round_trips == before
    newcomer = Node(
        NodeKind.PERSON, "aaron-aalto", "Aaron Aalto", sources=("espoo-news-2017-03-02",)
    )
    client.run(client.store.upsert, [newcomer], [])
    after = client.data(QUERY)
    assert client.round_trips > before
    assert after["people"]["totalCount"] == first["people"]["totalCount"] + 1
    assert after["people"]["edges"][0]["node"]["name"] == "Aaron Aalto"


def test_answers_with_errors_and_other_variables_are_not_reused(
    make_client: Callable[..., GraphQLClient],
) -> None:
    client = make_client(*seed_graph())
    query = "query ($n: Int!) { people(first: $n) { edges { node { name } } } }"
    two = client.data(query, {"n": 2})["people"]["edges"]
    three = client.data(query, {"n": 3})["people"]["edges"]
    assert (len(two), len(three)) == (2, 3)
    assert client.error_codes(query, {"n": 1000}) == ["LIMIT_EXCEEDED"]
    assert client.error_codes(query, {"n": 1000}) == ["LIMIT_EXCEEDED"]


def test_the_cache_can_be_turned_off(make_client: Callable[..., GraphQLClient]) -> None:
    client = make_client(*seed_graph(), result_cache_mb=0)
    client.data(QUERY)
    before = client.round_trips
    client.data(QUERY)
    assert client.round_trips > before
