"""A document's text is lexed, parsed and validated once, and its tree reused; a document
refused for its size is refused with its code every time."""

from __future__ import annotations

from collections.abc import Callable

from schema.document_cache import _parsed
from seed.knowledge import seed_graph
from server.document_shape import check_document
from tests.conftest import GraphQLClient

QUERY = "{ programmes(first: 2) { edges { node { name } } } }"


def test_a_document_asked_for_again_is_not_parsed_or_lexed_again(
    make_client: Callable[..., GraphQLClient],
) -> None:
    client = make_client(*seed_graph())
    first = client.data(QUERY)
    parsed, lexed = _parsed.cache_info(), check_document.cache_info()
    assert client.data(QUERY) == first
    assert _parsed.cache_info().hits == parsed.hits + 1
    assert _parsed.cache_info().misses == parsed.misses
    assert check_document.cache_info().hits == lexed.hits + 1


def test_a_document_over_the_token_limit_is_refused_every_time(
    make_client: Callable[..., GraphQLClient],
) -> None:
    client = make_client(*seed_graph())
    bomb = "{ " + " ".join(f"a{i}: people {{ totalCount }}" for i in range(500)) + " }"
    for _ in range(2):
        body = client.post(bomb)
        assert [e["extensions"]["code"] for e in body["errors"]] == ["LIMIT_EXCEEDED"]
