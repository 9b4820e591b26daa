"""Persisted queries over real HTTP: Automatic Persisted Queries as Apollo Client speaks them,
the allow-list mode, `poikki persist`, and introspection for token holders only."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from seed.knowledge import seed_graph
from tests.conftest import GraphQLClient
from tests.curators import curators_of
from tests.test_cli import _poikki

JSON = "application/json"
GRAPHQL_RESPONSE = "application/graphql-response+json"
APOLLO_ACCEPT = "application/graphql-response+json,application/json;q=0.9"
"""What Apollo Client 3.8 and later send."""
WEBSOCKET = "graphql-transport-ws"
SOURCES = "query Sources { sources(first: 5) { totalCount } }"
CREATE_SOURCE = "mutation ($input: SourceInput!) { createSource(input: $input) { __typename } }"


def sha256(document: str) -> str:
    return hashlib.sha256(document.encode("utf-8")).hexdigest()


def persisted(document: str) -> dict[str, Any]:
    return {"persistedQuery": {"version": 1, "sha256Hash": sha256(document)}}


def get_hashed(
    client: GraphQLClient, document: str, accept: str = APOLLO_ACCEPT, **headers: str
) -> httpx.Response:
    """A GET naming the document by hash only, as Apollo Client's useGETForHashedQueries."""
    params = {"extensions": json.dumps(persisted(document)), "variables": "{}"}
    return client.http.get(
        "/graphql", params=params, headers={"accept": accept, **client.headers, **headers}
    )


def post(
    client: GraphQLClient, body: dict[str, Any], accept: str = APOLLO_ACCEPT
) -> httpx.Response:
    return client.http.post("/graphql", json=body, headers={"accept": accept, **client.headers})


def codes(response: httpx.Response) -> list[str]:
    return [error["extensions"]["code"] for error in response.json()["errors"]]


def test_a_client_follows_automatic_persisted_queries_as_apollo_client_does(
    make_client: Callable[..., GraphQLClient],
) -> None:
    curators = curators_of(make_client(*seed_graph()))
    client = curators.anonymous

    unknown = get_hashed(client, SOURCES)
    assert unknown.status_code == 404
    assert unknown.json() == {
        "errors": [
            {
                "message": "PersistedQueryNotFound",
                "extensions": {"code": "PERSISTED_QUERY_NOT_FOUND"},
            }
        ]
    }
    assert unknown.headers["cache-control"] == "no-store"  # no CDN may keep the refusal
    legacy = get_hashed(client, SOURCES, accept=JSON)
    assert (legacy.status_code, codes(legacy)) == (200, ["PERSISTED_QUERY_NOT_FOUND"])

    registered = post(client, {"query": SOURCES, "extensions": persisted(SOURCES)})
    assert registered.status_code == 200
    count = registered.json()["data"]["sources"]["totalCount"]

    hashed = get_hashed(client, SOURCES)
    assert hashed.status_code == 200
    assert hashed.headers["content-type"] == GRAPHQL_RESPONSE
    assert hashed.json() == {"data": {"sources": {"totalCount": count}}}
    etag = hashed.headers["etag"]
    assert hashed.headers["cache-control"] == "no-cache"
    assert {"Accept", "Authorization"} <= {
        name.strip() for name in hashed.headers["vary"].split(",")
    }

    revalidated = get_hashed(client, SOURCES, **{"if-none-match": etag})
    assert revalidated.status_code == 304
    assert revalidated.content == b""
    assert revalidated.headers["etag"] == etag

    created = curators.editor.data(CREATE_SOURCE, {"input": {"title": "Länsiväylä 3.3.2016"}})
    assert created == {"createSource": {"__typename": "NodeSaved"}}
    changed = get_hashed(client, SOURCES, **{"if-none-match": etag})
    assert changed.status_code == 200
    assert changed.json() == {"data": {"sources": {"totalCount": count + 1}}}
    assert changed.headers["etag"] != etag
    again = get_hashed(client, SOURCES, **{"if-none-match": changed.headers["etag"]})
    assert again.status_code == 304


@pytest.mark.parametrize("accept", [JSON, GRAPHQL_RESPONSE])
def test_a_hash_that_is_not_the_querys_is_refused_and_not_learnt(
    make_client: Callable[..., GraphQLClient], accept: str
) -> None:
    client = make_client(*seed_graph())
    wrong = {"query": SOURCES, "extensions": persisted("{ __typename }")}
    refused = post(client, wrong, accept)
    assert (refused.status_code, codes(refused)) == (400, ["BAD_INPUT"])
    assert "sha256Hash" in refused.json()["errors"][0]["message"]
    assert codes(get_hashed(client, "{ __typename }", accept)) == ["PERSISTED_QUERY_NOT_FOUND"]

    for extension in (
        {"persistedQuery": {"version": 2, "sha256Hash": sha256(SOURCES)}},
        {"persistedQuery": {"version": 1, "sha256Hash": "not-a-hash"}},
        {"persistedQuery": "yes"},
    ):
        malformed = post(client, {"query": SOURCES, "extensions": extension}, accept)
        assert (malformed.status_code, codes(malformed)) == (400, ["BAD_INPUT"])


def test_persisted_documents_meet_the_cost_limit_and_every_other_refusal(
    make_client: Callable[..., GraphQLClient], tmp_path: Path
) -> None:
    costly = "{ programmes(first: 100) { edges { node { projects(first: 100) { totalCount } } } } }"
    mutation = 'mutation { revokeToken(name: "nobody") }'
    listed = tmp_path / "persisted.json"
    listed.write_text(json.dumps({sha256(costly): costly, sha256(mutation): mutation}))
    client = make_client(*seed_graph(), max_cost=1000, persisted_queries_file=listed)

    by_hash = get_hashed(client, costly)
    assert (by_hash.status_code, codes(by_hash)) == (400, ["LIMIT_EXCEEDED"])
    assert "data" not in by_hash.json()
    by_hash_over_get = get_hashed(client, mutation)
    assert (by_hash_over_get.status_code, by_hash_over_get.headers["allow"]) == (405, "POST")
    forbidden = post(client, {"extensions": persisted(mutation)})
    assert (forbidden.status_code, codes(forbidden)) == (200, ["FORBIDDEN"])

    learnt_costly = (
        "{ people(first: 100) { edges { node { memberships(first: 100) { totalCount } } } } }"
    )
    refused = post(client, {"query": learnt_costly, "extensions": persisted(learnt_costly)})
    assert codes(refused) == ["LIMIT_EXCEEDED"]
    assert codes(get_hashed(client, learnt_costly)) == ["PERSISTED_QUERY_NOT_FOUND"]
    invalid = "{ nothingHere }"
    assert codes(post(client, {"query": invalid, "extensions": persisted(invalid)})) == [
        "BAD_INPUT"
    ]
    assert codes(get_hashed(client, invalid)) == ["PERSISTED_QUERY_NOT_FOUND"]


def test_the_allow_list_refuses_any_other_document_with_forbidden(
    make_client: Callable[..., GraphQLClient], tmp_path: Path
) -> None:
    operations = tmp_path / "sources.graphql"
    operations.write_text(SOURCES + "\n", encoding="utf-8")
    manifest = tmp_path / "persisted-query-manifest.json"
    written = _poikki("persist", str(operations), "--out", str(manifest))
    assert written.returncode == 0, written.stderr
    (entry,) = json.loads(manifest.read_text(encoding="utf-8"))["operations"]
    curators = curators_of(
        make_client(*seed_graph(), persisted_only=True, persisted_queries_file=manifest)
    )
    client = curators.anonymous

    assert get_hashed(client, entry["body"]).status_code == 200
    assert post(client, {"query": entry["body"]}).json()["data"]["sources"]["totalCount"] > 0

    unlisted = "{ programmes(first: 1) { totalCount } }"
    for accept, status in ((GRAPHQL_RESPONSE, 403), (JSON, 200)):
        refused = post(client, {"query": unlisted}, accept)
        assert (refused.status_code, codes(refused)) == (status, ["FORBIDDEN"])
        assert "persisted list" in refused.json()["errors"][0]["message"]
        by_hash = get_hashed(client, unlisted, accept)
        assert (by_hash.status_code, codes(by_hash)) == (status, ["FORBIDDEN"])
    registering = post(client, {"query": unlisted, "extensions": persisted(unlisted)})
    assert (registering.status_code, codes(registering)) == (403, ["FORBIDDEN"])
    assert codes(get_hashed(client, unlisted)) == ["FORBIDDEN"]
    for asker in (curators.anonymous, curators.admin):
        introspection = post(asker, {"query": "{ __schema { queryType { name } } }"})
        assert codes(introspection) == ["FORBIDDEN"]

    with client.http.websocket_connect("/graphql", subprotocols=[WEBSOCKET]) as socket:
        socket.send_json({"type": "connection_init"})
        assert socket.receive_json()["type"] == "connection_ack"
        for number, document in enumerate((unlisted, "subscription { changes { action } }")):
            socket.send_json(
                {"id": str(number), "type": "subscribe", "payload": {"query": document}}
            )
            answer = socket.receive_json()
            errors = answer["payload"] if answer["type"] == "error" else answer["payload"]["errors"]
            assert [error["extensions"]["code"] for error in errors] == ["FORBIDDEN"], answer


def test_the_list_may_be_a_json_object_of_hash_to_document(
    make_client: Callable[..., GraphQLClient], tmp_path: Path
) -> None:
    listed = tmp_path / "persisted.json"
    listed.write_text(json.dumps({sha256(SOURCES): SOURCES}), encoding="utf-8")
    client = make_client(*seed_graph(), persisted_queries_file=listed)
    known = get_hashed(client, SOURCES)
    assert known.status_code == 200
    assert known.json()["data"]["sources"]["totalCount"] > 0


def test_poikki_persist_extends_the_list_and_refuses_a_document_that_cannot_run(
    tmp_path: Path,
) -> None:
    manifest = tmp_path / "manifest.json"
    first = tmp_path / "sources.graphql"
    first.write_text(SOURCES, encoding="utf-8")
    second = tmp_path / "people.graphql"
    second.write_text(
        "fragment Named on Person { name }\n"
        "query People { people(first: 3) { edges { node { ...Named } } } }\n"
        "query Person($id: ID!) { node(id: $id) { ... on Person { ...Named } } }\n",
        encoding="utf-8",
    )
    assert _poikki("persist", str(first), "--out", str(manifest)).returncode == 0
    extended = _poikki("persist", str(second), str(first), "--out", str(manifest))
    assert extended.returncode == 0, extended.stderr
    assert "3 operation(s), 2 new" in extended.stdout

    written = json.loads(manifest.read_text(encoding="utf-8"))
    assert (written["format"], written["version"]) == ("apollo-persisted-query-manifest", 1)
    by_name = {operation["name"]: operation for operation in written["operations"]}
    assert sorted(by_name) == ["People", "Person", "Sources"]
    for operation in written["operations"]:
        assert operation["id"] == sha256(operation["body"])
        assert operation["type"] == "query"
    assert "fragment Named on Person" in by_name["Person"]["body"]

    broken = tmp_path / "broken.graphql"
    broken.write_text("{ nothingHere }", encoding="utf-8")
    refused = _poikki("persist", str(broken), "--out", str(manifest))
    assert refused.returncode == 1
    assert "nothingHere" in refused.stderr
    assert json.loads(manifest.read_text(encoding="utf-8")) == written


def test_serve_refuses_persisted_only_without_a_list(tmp_path: Path) -> None:
    served = _poikki(
        "serve", "--data-dir", str(tmp_path / "data"), env={"POIKKI_PERSISTED_ONLY": "true"}
    )
    assert served.returncode == 2
    assert "POIKKI_PERSISTED_QUERIES_FILE" in served.stderr


@pytest.mark.parametrize(
    "introspection", ["{ __schema { queryType { name } } }", '{ __type(name: "Person") { name } }']
)
def test_introspection_off_refuses_anonymous_askers_and_lets_token_holders_in(
    make_client: Callable[..., GraphQLClient], introspection: str
) -> None:
    curators = curators_of(make_client(*seed_graph(), anonymous_introspection=False))
    for accept, status in ((GRAPHQL_RESPONSE, 403), (JSON, 200)):
        refused = post(curators.anonymous, {"query": introspection}, accept)
        assert (refused.status_code, codes(refused)) == (status, ["FORBIDDEN"])
    assert curators.anonymous.data("{ __typename }") == {"__typename": "Query"}
    for asker in (curators.reader, curators.editor, curators.admin):
        assert asker.data(introspection)

    default = make_client(*seed_graph())
    assert default.data(introspection)
