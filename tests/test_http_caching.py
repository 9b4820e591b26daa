"""What HTTP caches need of GET queries, over real HTTP: an ETag that changes with the graph and
with everything else the answer depends on, Cache-Control, Vary, and 304 on revalidation."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx

from schema.writes import WriteCount
from seed.knowledge import seed_graph
from server.http_cache import EntityTags
from tests.conftest import GraphQLClient
from tests.curators import curators_of

JSON = "application/json"
GRAPHQL_RESPONSE = "application/graphql-response+json"
PEOPLE = "query People($first: Int!) { people(first: $first) { edges { node { name } } } }"


def get(
    client: GraphQLClient,
    query: str,
    variables: dict[str, Any] | None = None,
    accept: str = JSON,
    **headers: str,
) -> httpx.Response:
    params = {"query": query, "variables": json.dumps(variables or {})}
    return client.http.get(
        "/graphql", params=params, headers={"accept": accept, **client.headers, **headers}
    )


def test_an_etag_names_the_document_variables_media_type_and_role(
    make_client: Callable[..., GraphQLClient],
) -> None:
    curators = curators_of(make_client(*seed_graph()))
    anonymous = curators.anonymous
    first = get(anonymous, PEOPLE, {"first": 2})
    assert first.status_code == 200
    etag = first.headers["etag"]
    assert get(anonymous, PEOPLE, {"first": 2}).headers["etag"] == etag  # stable
    others = {
        "variables": get(anonymous, PEOPLE, {"first": 3}),
        "media type": get(anonymous, PEOPLE, {"first": 2}, accept=GRAPHQL_RESPONSE),
        "role": get(curators.reader, PEOPLE, {"first": 2}),
        "document": get(anonymous, PEOPLE.replace("name", "name id"), {"first": 2}),
    }
    for what, response in others.items():
        assert response.status_code == 200, what
        assert response.headers["etag"] != etag, what
    # The reader holds the anonymous answer's tag: the reader's own answer is sent, not a 304.
    asked = get(curators.reader, PEOPLE, {"first": 2}, **{"if-none-match": etag})
    assert asked.status_code == 200
    assert asked.json() == first.json()
    assert get(anonymous, PEOPLE, {"first": 2}, **{"if-none-match": etag}).status_code == 304
    listed = f'"nothing", W/{etag}'
    assert get(anonymous, PEOPLE, {"first": 2}, **{"if-none-match": listed}).status_code == 304


def test_every_write_changes_the_etag_token_writes_included(
    make_client: Callable[..., GraphQLClient],
) -> None:
    curators = curators_of(make_client(*seed_graph()))
    admin = curators.admin
    listing = "{ tokens { name } }"
    before = get(admin, listing)
    assert before.status_code == 200
    etag = before.headers["etag"]
    admin.data('mutation { createToken(name: "ci", role: EDITOR) { secret } }')
    after = get(admin, listing, **{"if-none-match": etag})
    assert after.status_code == 200
    assert "ci" in {token["name"] for token in after.json()["data"]["tokens"]}
    assert after.headers["etag"] != etag

    people = get(admin, PEOPLE, {"first": 2})
    refused = curators.reader.error_codes('mutation { revokeToken(name: "ci") }')
    assert refused == ["FORBIDDEN"]  # a reader's mutation writes nothing: the tag stands
    assert get(admin, PEOPLE, {"first": 2}).headers["etag"] == people.headers["etag"]


def test_answers_with_errors_are_kept_by_no_cache(
    make_client: Callable[..., GraphQLClient],
) -> None:
    client = make_client(*seed_graph())
    for query in ("{ nothingHere }", '{ node(id: "not an id") { id } }'):
        answered = get(client, query)
        assert answered.json()["errors"], answered.json()
        assert "etag" not in answered.headers
        assert answered.headers["cache-control"] == "no-store"
    posted = client.http.post("/graphql", json={"query": PEOPLE, "variables": {"first": 1}})
    assert "etag" not in posted.headers


def test_cache_control_is_a_setting(make_client: Callable[..., GraphQLClient]) -> None:
    client = make_client(*seed_graph(), cache_control="public, max-age=60")
    answered = get(client, PEOPLE, {"first": 1})
    assert answered.headers["cache-control"] == "public, max-age=60"
    revalidated = get(client, PEOPLE, {"first": 1}, **{"if-none-match": answered.headers["etag"]})
    assert revalidated.status_code == 304
    assert revalidated.headers["cache-control"] == "public, max-age=60"


def test_where_other_processes_write_the_etag_also_digests_the_answer() -> None:
    """Neo4j may be written by other processes, which the store's version does not count: the
    tag is then known only once the query has run, and it follows the answer's bytes."""
    tags = EntityTags(cache_control="no-cache", sole_writer=False, writes=WriteCount())
    key = "a" * 64
    assert tags.before_running(key) is None
    assert tags.of_answer(key, b'{"data":1}') == tags.of_answer(key, b'{"data":1}')
    assert tags.of_answer(key, b'{"data":1}') != tags.of_answer(key, b'{"data":2}')
    sole = EntityTags(cache_control="no-cache", sole_writer=True, writes=WriteCount())
    assert sole.before_running(key) == sole.of_answer(key, b"anything")
