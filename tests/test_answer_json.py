"""Answers are encoded to JSON bytes by orjson: the same JSON the standard library writes, in
UTF-8 without escapes, and every value encoded even where orjson refuses it."""

from __future__ import annotations

import json
from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

from schema.answer_json import answer_bytes
from seed.knowledge import seed_graph
from tests.conftest import GraphQLClient

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**64 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(JSON_VALUES)
def test_an_answer_reads_back_as_the_standard_library_reads_its_own(value: object) -> None:
    assert json.loads(answer_bytes(value)) == json.loads(json.dumps(value))


def test_keys_that_are_not_strings_are_written_as_the_standard_library_writes_them() -> None:
    value = {"data": {"tally": {1: "yksi", 2.5: [None], False: {"x": 3}, None: "ei"}}}
    assert answer_bytes(value) == json.dumps(value, separators=(",", ":")).encode()


def test_integers_beyond_64_bits_are_still_encoded() -> None:
    value = {"big": 2**70, "small": [1, -(2**65)]}
    assert json.loads(answer_bytes(value)) == value


def test_an_http_answer_is_utf8_without_escapes(
    make_client: Callable[..., GraphQLClient],
) -> None:
    client = make_client(*seed_graph())
    response = client.http.post(
        "/graphql",
        json={
            "query": '{ programmes(filter: {nameContains: "Kestävä"}, first: 1) '
            "{ edges { node { name } } } }"
        },
        headers=client.headers,
    )
    assert response.status_code == 200
    assert "Kestävä Espoo".encode() in response.content
    assert response.json()["data"]["programmes"]["edges"][0]["node"]["name"] == "Kestävä Espoo"


def test_a_cached_answer_is_served_byte_for_byte(
    make_client: Callable[..., GraphQLClient],
) -> None:
    client = make_client(*seed_graph(), result_cache_mb=8)
    query = {"query": "{ organisations(first: 50) { edges { node { name sector } } } }"}
    first, again = (
        client.http.post("/graphql", json=query, headers=client.headers) for _ in range(2)
    )
    assert first.status_code == again.status_code == 200
    assert again.content == first.content
    assert len(first.json()["data"]["organisations"]["edges"]) == 36
