"""Malformed GraphQL-over-HTTP requests, sent as a hostile client would: every one is refused
with a JSON body whose errors carry `extensions.code`, with a 4xx status, in the media type
asked for; never a 500, never plain text. Also the shape of refusals for tokens, and the
admin's token list after token writes (served from the result cache before)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from graph.tokens import Role
from seed.knowledge import seed_graph
from tests.conftest import GraphQLClient
from tests.curators import add_tokens, curators_of

JSON = "application/json"
GRAPHQL_RESPONSE = "application/graphql-response+json"
ACCEPTS = (JSON, GRAPHQL_RESPONSE)
TYPENAME = b'{"query": "{ __typename }"}'
DEEP = "[" * 5000 + "]" * 5000


def _body(query: str, **more: Any) -> bytes:
    return json.dumps({"query": query, **more}).encode()


MALFORMED: dict[str, tuple[bytes, dict[str, str], int, str]] = {
    # name: (body, headers, status, code)
    "null body": (b"null", {}, 400, "BAD_INPUT"),
    "string body": (b'"{ __typename }"', {}, 400, "BAD_INPUT"),
    "number body": (b"42", {}, 400, "BAD_INPUT"),
    "boolean body": (b"true", {}, 400, "BAD_INPUT"),
    "batch array": (b'[{"query": "{ __typename }"}]', {}, 400, "BAD_INPUT"),
    "empty array": (b"[]", {}, 400, "BAD_INPUT"),
    "not JSON": (b'{"query": ', {}, 400, "BAD_INPUT"),
    "empty body": (b"", {}, 400, "BAD_INPUT"),
    "not UTF-8": (b'{"query": "\xff"}', {}, 400, "BAD_INPUT"),
    "gzip body": (gzip.compress(TYPENAME), {"content-encoding": "gzip"}, 415, "BAD_INPUT"),
    "deflate body": (TYPENAME, {"content-encoding": "deflate"}, 415, "BAD_INPUT"),
    "text/plain": (TYPENAME, {"content-type": "text/plain"}, 415, "BAD_INPUT"),
    "form body": (
        b"query=x",
        {"content-type": "application/x-www-form-urlencoded"},
        415,
        "BAD_INPUT",
    ),
    "json-ish type": (TYPENAME, {"content-type": "application/jsonx"}, 415, "BAD_INPUT"),
    "latin-1 charset": (
        TYPENAME,
        {"content-type": "application/json; charset=latin-1"},
        415,
        "BAD_INPUT",
    ),
    "no content type": (TYPENAME, {"content-type": ""}, 415, "BAD_INPUT"),
    "garbled content type": (TYPENAME, {"content-type": ";;;=="}, 415, "BAD_INPUT"),
    "deep variables": (
        f'{{"query": "{{ __typename }}", "variables": {{"v": {DEEP}}}}}'.encode(),
        {},
        400,
        "BAD_INPUT",
    ),
    "deep extensions": (
        f'{{"query": "{{ __typename }}", "extensions": {{"e": {DEEP}}}}}'.encode(),
        {},
        400,
        "BAD_INPUT",
    ),
    "deep objects": (
        (
            '{"query": "{ __typename }", "variables": ' + '{"a":' * 3000 + "1" + "}" * 3000 + "}"
        ).encode(),
        {},
        400,
        "BAD_INPUT",
    ),
    "lone surrogate in the query": (
        b'{"query": "{ search(text: \\"\\ud800\\") { id } }"}',
        {},
        400,
        "BAD_INPUT",
    ),
    "lone surrogate in a variable": (
        b'{"query": "query ($t: String!) { search(text: $t) { id } }", '
        b'"variables": {"t": "a\\udfff"}}',
        {},
        400,
        "BAD_INPUT",
    ),
    "lone surrogate in a key": (
        b'{"query": "{ __typename }", "variables": {"\\ud800": 1}}',
        {},
        400,
        "BAD_INPUT",
    ),
    "query not a string": (b'{"query": 1}', {}, 400, "BAD_INPUT"),
    "variables not an object": (
        b'{"query": "{ __typename }", "variables": "x"}',
        {},
        400,
        "BAD_INPUT",
    ),
    "operationName not a string": (
        b'{"query": "{ __typename }", "operationName": 3}',
        {},
        400,
        "BAD_INPUT",
    ),
    "no query": (b"{}", {}, 400, "BAD_INPUT"),
    "empty query": (b'{"query": ""}', {}, 400, "BAD_INPUT"),
    "unknown operationName": (
        _body("query A { __typename }", operationName="B"),
        {},
        400,
        "BAD_INPUT",
    ),
    "two operations without operationName": (
        _body("query A { __typename } query B { __typename }"),
        {},
        400,
        "BAD_INPUT",
    ),
    "anonymous and named operations": (
        _body('{ __typename } mutation M { revokeToken(name: "x") }'),
        {},
        400,
        "BAD_INPUT",
    ),
    "subscription over POST": (_body("subscription { changes { action } }"), {}, 400, "BAD_INPUT"),
    "query nested too deep": (
        _body("{" + "a {" * 2000 + "b" + "}" * 2001),
        {},
        400,
        "LIMIT_EXCEEDED",
    ),
    "list nested too deep": (
        _body("{ nodes(ids: " + "[" * 2000 + '"x"' + "]" * 2000 + ") { id } }"),
        {},
        400,
        "LIMIT_EXCEEDED",
    ),
}


def _refused(response: httpx.Response, status: int, code: str, accept: str) -> None:
    assert response.status_code == status, (response.status_code, response.text[:500])
    assert response.headers["content-type"].split(";")[0] == accept, response.headers
    body = response.json()
    assert set(body) == {"errors"}, body
    [error] = body["errors"]
    assert error["message"], body
    assert error["extensions"]["code"] == code, body
    assert "Traceback" not in response.text


@pytest.mark.parametrize("accept", ACCEPTS)
@pytest.mark.parametrize("name", list(MALFORMED))
def test_a_malformed_post_is_refused_with_a_coded_json_error(
    client: GraphQLClient, name: str, accept: str
) -> None:
    content, headers, status, code = MALFORMED[name]
    sent = {"content-type": JSON, "accept": accept, **headers}
    response = client.http.post("/graphql", content=content, headers=sent)
    _refused(response, status, code, accept)


@pytest.mark.parametrize("accept", ACCEPTS)
def test_a_mutation_over_get_is_405_with_allow_post(client: GraphQLClient, accept: str) -> None:
    query = 'mutation { revokeToken(name: "nobody") }'
    response = client.http.get("/graphql", params={"query": query}, headers={"accept": accept})
    _refused(response, 405, "BAD_INPUT", accept)
    assert response.headers["allow"] == "POST"


@pytest.mark.parametrize(
    ("params", "status", "code"),
    [
        ({"query": "subscription { changes { action } }"}, 400, "BAD_INPUT"),
        ({"query": "{ __typename }", "variables": DEEP}, 400, "BAD_INPUT"),
        ({"query": "{ __typename }", "variables": '{"t": "\\ud800"}'}, 400, "BAD_INPUT"),
        ({"query": "{ __typename }", "variables": "{"}, 400, "BAD_INPUT"),
        ({"query": "{ __typename }", "extensions": "[1"}, 400, "BAD_INPUT"),
        ({"query": "query A { __typename } query B { __typename }"}, 400, "BAD_INPUT"),
        ({"query": ""}, 400, "BAD_INPUT"),
    ],
)
def test_a_malformed_get_is_refused_with_a_coded_json_error(
    client: GraphQLClient, params: dict[str, str], status: int, code: str
) -> None:
    response = client.http.get("/graphql", params=params, headers={"accept": JSON})
    _refused(response, status, code, JSON)


@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE", "OPTIONS"])
def test_other_methods_are_405_with_allow(client: GraphQLClient, method: str) -> None:
    response = client.http.request(method, "/graphql", content=TYPENAME, headers={"accept": JSON})
    _refused(response, 405, "BAD_INPUT", JSON)
    assert response.headers["allow"] == "GET, POST"


def test_operation_name_picks_one_of_several(client: GraphQLClient) -> None:
    document = "query A { a: __typename } query B { b: __typename }"
    body = {"query": document, "operationName": "B"}
    response = client.http.post("/graphql", json=body)
    assert response.status_code == 200
    assert response.json() == {"data": {"b": "Query"}}


def test_graphql_response_json_gets_400_and_no_data_for_a_request_error(
    client: GraphQLClient,
) -> None:
    headers = {"accept": GRAPHQL_RESPONSE}
    for query in ("{ people { ", "{ spaceships { id } }"):
        response = client.http.post("/graphql", json={"query": query}, headers=headers)
        _refused(response, 400, "BAD_INPUT", GRAPHQL_RESPONSE)
    coerced = client.http.post(
        "/graphql",
        json={
            "query": "query ($n: Int!) { people(first: $n) { totalCount } }",
            "variables": {"n": "x"},
        },
        headers=headers,
    )
    _refused(coerced, 400, "BAD_INPUT", GRAPHQL_RESPONSE)
    answered = client.http.post("/graphql", json={"query": "{ __typename }"}, headers=headers)
    assert answered.status_code == 200
    assert answered.headers["content-type"] == GRAPHQL_RESPONSE
    assert answered.json() == {"data": {"__typename": "Query"}}
    legacy = client.http.post("/graphql", json={"query": "{ people { "}, headers={"accept": JSON})
    assert legacy.status_code == 200  # application/json keeps the spec's 200 for request errors
    assert legacy.json()["errors"][0]["extensions"]["code"] == "BAD_INPUT"


def test_refusals_for_tokens_have_one_shape(make_client: Callable[..., GraphQLClient]) -> None:
    """Not let in (a token unknown, revoked or malformed; no token when reads are private):
    401 with WWW-Authenticate and a coded GraphQL error. Let in, but the role is too small:
    200 with the field's FORBIDDEN error."""
    public = curators_of(make_client(*seed_graph()))
    for authorization in ("Bearer poikki_not-a-token", "Bearer ", "Basic dXNlcg==", "poikki_x"):
        for accept in ACCEPTS:
            response = public.anonymous.http.post(
                "/graphql",
                json={"query": "{ __typename }"},
                headers={"authorization": authorization, "accept": accept},
            )
            _refused(response, 401, "FORBIDDEN", accept)
            assert response.headers["www-authenticate"].startswith("Bearer")
    mutation = 'mutation { revokeToken(name: "test-editor") }'
    for asker in (public.anonymous, public.reader, public.editor):
        response = asker.http.post("/graphql", json={"query": mutation}, headers=asker.headers)
        assert response.status_code == 200
        assert [e["extensions"]["code"] for e in response.json()["errors"]] == ["FORBIDDEN"]

    private = make_client(*seed_graph(), public_read=False)
    secrets = add_tokens(private)
    for accept in ACCEPTS:
        response = private.http.post(
            "/graphql", json={"query": "{ __typename }"}, headers={"accept": accept}
        )
        _refused(response, 401, "FORBIDDEN", accept)
    export = private.http.get("/export/gexf")
    _refused(export, 401, "FORBIDDEN", JSON)
    reader = private.with_token(secrets[Role.READER])
    assert reader.data("{ __typename }") == {"__typename": "Query"}


def test_the_admins_token_list_follows_token_writes(
    make_client: Callable[..., GraphQLClient],
) -> None:
    """The result cache is on (the embedded default); token writes do not move the graph's
    version, yet the list must never be served from before them."""
    admin = curators_of(make_client(*seed_graph())).admin
    listing = "{ tokens { name role } }"

    def names() -> set[str]:
        return {token["name"] for token in admin.data(listing)["tokens"]}

    assert names() == {"test-reader", "test-editor", "test-admin"}
    assert names() == {"test-reader", "test-editor", "test-admin"}  # now from the cache
    admin.data('mutation { createToken(name: "ci", role: EDITOR) { secret } }')
    assert names() == {"test-reader", "test-editor", "test-admin", "ci"}
    assert admin.data('mutation { revokeToken(name: "ci") }') == {"revokeToken": True}
    assert names() == {"test-reader", "test-editor", "test-admin"}


def test_a_lone_surrogate_is_refused_naming_where_it_is(client: GraphQLClient) -> None:
    body = (
        '{"query": "query ($s: String!) { search(text: $s) { id } }", '
        '"variables": {"s": "Espoo \\ud800"}}'
    )
    response = client.http.post(
        "/graphql", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "BAD_INPUT"
    assert "`variables.s`" in error["message"]
