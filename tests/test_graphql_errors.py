"""Bad input over HTTP gets a GraphQL error with a stable `extensions.code`, never a trace."""

from __future__ import annotations

import base64

from tests.conftest import GraphQLClient


def _global_id(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def test_unknown_id_is_not_found(client: GraphQLClient) -> None:
    body = client.post(
        "query ($id: ID!) { node(id: $id) { id } }", {"id": _global_id("Person:nobody-here")}
    )
    assert body["data"] == {"node": None}
    [error] = body["errors"]
    assert error["extensions"]["code"] == "NOT_FOUND"
    assert "does not exist" in error["message"]
    assert error["path"] == ["node"]


def test_malformed_and_foreign_ids_are_bad_input(client: GraphQLClient) -> None:
    query = "query ($id: ID!) { node(id: $id) { id } }"
    for bad in ["%%%", _global_id("Spaceship:x"), _global_id("Person:"), ""]:
        assert client.error_codes(query, {"id": bad}) == ["BAD_INPUT"], bad
    filtered = "query ($ids: [ID!]) { people(filter: {ids: $ids}) { edges { cursor } } }"
    assert client.error_codes(filtered, {"ids": [_global_id("Organisation:x")]}) == ["BAD_INPUT"]


def test_too_deep_query_is_refused_before_execution(client: GraphQLClient) -> None:
    nested = (
        "participants { edges { node { ... on Person { "
        "initiatives { edges { node { %s } } } } } } }"
    )
    body = "name"
    for _ in range(4):
        body = nested % body
    query = f"{{ projects {{ edges {{ node {{ {body} }} }} }} }}"
    before = client.round_trips
    assert client.error_codes(query) == ["LIMIT_EXCEEDED"]
    assert client.round_trips == before


def test_alias_and_token_bombs_are_refused(client: GraphQLClient) -> None:
    aliases = " ".join(f"a{i}: people(first: 1) {{ totalCount }}" for i in range(40))
    assert client.error_codes(f"{{ {aliases} }}") == ["LIMIT_EXCEEDED"]
    tokens = "{ people { edges { node { " + "name " * 3000 + "} } } }"
    assert client.error_codes(tokens) == ["LIMIT_EXCEEDED"]


def test_syntax_and_validation_errors_are_bad_input(client: GraphQLClient) -> None:
    assert client.error_codes("{ people { ") == ["BAD_INPUT"]
    assert client.error_codes("{ spaceships { id } }") == ["BAD_INPUT"]
    assert client.error_codes('{ programmes(filter: {activeFrom: "2013-13"}) { totalCount } }') == [
        "BAD_INPUT"
    ]
    assert client.error_codes('{ search(text: "   ") { id } }') == ["BAD_INPUT"]


def test_errors_never_carry_a_stack_trace(client: GraphQLClient) -> None:
    body = client.post('{ node(id: "x") { id } }')
    text = str(body)
    assert "Traceback" not in text
    assert 'File "' not in text
    assert all("code" in error["extensions"] for error in body["errors"])


def test_health(client: GraphQLClient) -> None:
    response = client.http.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_graphiql_is_served_to_browsers(client: GraphQLClient) -> None:
    response = client.http.get("/graphql", headers={"accept": "text/html"})
    assert response.status_code == 200
    assert "graphiql" in response.text.lower()
