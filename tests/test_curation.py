"""Curation over HTTP: mutations with their expected failures, provenance and claims, who may
write, erasure that leaves no trace, and the changes stream over graphql-transport-ws."""

from __future__ import annotations

import asyncio
import io
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from graph.backends.ladybug import LadybugStore
from graph.model import Node, NodeKind, Tie, TieType
from graph.tokens import Role, digest_of
from resolvers import global_ids
from seed.knowledge import seed_graph
from server.cli import app
from server.copy import copy_graph
from tests.conftest import GraphQLClient
from tests.curators import Curators, add_tokens, curators_of
from tests.databases import load_copy

SOURCE = global_ids.encode(NodeKind.SOURCE, "espoo-news-2017-03-02")
PROGRAMME = global_ids.encode(NodeKind.PROGRAMME, "espoon-kehitysohjelmat-2013-2017")
MAKELA = global_ids.encode(NodeKind.PERSON, "jukka-makela")

CREATE_NODE = """
mutation ($input: NodeInput!) {
  createNode(input: $input) {
    __typename
    ... on NodeSaved { created node { id name sources { title } } }
    ... on InvalidInput { message errors { field message } }
    ... on NotFound { message id }
  }
}
"""
CREATE_SOURCE = """
mutation ($input: SourceInput!) {
  createSource(input: $input) {
    __typename
    ... on NodeSaved { node { id ... on Source { title publisher date url language } } }
    ... on InvalidInput { errors { field message } }
  }
}
"""
UPDATE_NODE = """
mutation ($input: NodeChangesInput!) {
  updateNode(input: $input) {
    __typename
    ... on NodeSaved { changed contested node { name description sources { title }
      claims { field value sources { title } } } }
    ... on InvalidInput { errors { field message } }
    ... on NotFound { id }
  }
}
"""
LINK = """
mutation ($input: LinkInput!) {
  link(input: $input) {
    __typename
    ... on TieSaved { created tie { id type role seatType start end
      source { name } target { name } sources { title } } }
    ... on InvalidInput { errors { field message } }
    ... on NotFound { id }
  }
}
"""
UNLINK = """
mutation ($id: String!) {
  unlink(id: $id) { __typename ... on TieRemoved { tie { id type } } ... on NotFound { id } }
}
"""
FORGET = """
mutation ($id: ID!) {
  forgetPerson(id: $id) {
    __typename ... on PersonForgotten { personId removedTies { id type } } ... on NotFound { id }
  }
}
"""
SNAPSHOT = "{ network { nodeCount edgeCount } unsourced { nodeCount tieCount } }"


@pytest.fixture
def curators(make_client: Callable[..., GraphQLClient]) -> Curators:
    return curators_of(make_client(*seed_graph()))


def person(name: str, **fields: Any) -> dict[str, Any]:
    return {"kind": "PERSON", "name": name, "sources": [SOURCE], **fields}


def test_an_editor_creates_sources_nodes_and_ties(curators: Curators) -> None:
    editor = curators.editor
    source = editor.data(
        CREATE_SOURCE,
        {
            "input": {
                "title": "Kaupunginhallituksen pöytäkirja 12.6.2017",
                "publisher": "Espoon kaupunki",
                "date": "2017-06-12",
                "url": "https://espoo.example/kh-2017-06-12",
                "language": "fi",
            }
        },
    )["createSource"]
    assert source["__typename"] == "NodeSaved"
    assert source["node"]["publisher"] == "Espoon kaupunki"
    assert source["node"]["date"] == "2017-06-12"
    created = editor.data(CREATE_NODE, {"input": person("Aino Äijälä")})["createNode"]
    assert created["__typename"] == "NodeSaved"
    assert created["created"] is True
    aino = created["node"]["id"]
    assert global_ids.decode(aino) == (NodeKind.PERSON, "aino-aijala")
    tie = editor.data(
        LINK,
        {
            "input": {
                "type": "SITS_ON",
                "source": aino,
                "target": PROGRAMME,
                "role": "member",
                "seatType": "ELECTED_OFFICIAL",
                "start": "2014",
                "end": "2016-05",
                "sources": [source["node"]["id"], SOURCE],
            }
        },
    )["link"]
    assert tie["__typename"] == "TieSaved"
    assert tie["created"] is True
    assert tie["tie"]["source"]["name"] == "Aino Äijälä"
    assert len(tie["tie"]["sources"]) == 2
    again = editor.data(
        LINK,
        {
            "input": {
                "type": "SITS_ON",
                "source": aino,
                "target": PROGRAMME,
                "role": "chair",
                "sources": [SOURCE],
            }
        },
    )["link"]
    assert again["created"] is False
    assert again["tie"]["role"] == "chair"
    assert again["tie"]["start"] == "2014"  # fields left out are kept
    seats = editor.data(
        "query ($id: ID!) { node(id: $id) { ... on Person { steeringSeats { edges { role "
        "seatType node { name } } } } } }",
        {"id": aino},
    )["node"]["steeringSeats"]["edges"]
    assert seats == [
        {
            "role": "chair",
            "seatType": "ELECTED_OFFICIAL",
            "node": {"name": seats[0]["node"]["name"]},
        }
    ]
    removed = editor.data(UNLINK, {"id": tie["tie"]["id"]})["unlink"]
    assert removed == {
        "__typename": "TieRemoved",
        "tie": {"id": tie["tie"]["id"], "type": "SITS_ON"},
    }
    assert editor.data(UNLINK, {"id": tie["tie"]["id"]})["unlink"]["__typename"] == "NotFound"


@pytest.mark.parametrize(
    ("mutation", "variables", "typename", "field"),
    [
        (CREATE_NODE, {"input": person("No Source", sources=[])}, "InvalidInput", "sources"),
        (
            CREATE_NODE,
            {"input": person("Ghost", sources=[global_ids.encode(NodeKind.SOURCE, "nope")])},
            "InvalidInput",
            "sources",
        ),
        (
            CREATE_NODE,
            {"input": {**person("Org Typed"), "orgType": "NGO"}},
            "InvalidInput",
            "orgType",
        ),
        (
            CREATE_NODE,
            {"input": {**person("Dated"), "kind": "PROJECT", "start": "2019", "end": "2018"}},
            "InvalidInput",
            "end",
        ),
        (CREATE_NODE, {"input": {**person("Slugged"), "id": "Not A Slug"}}, "InvalidInput", "id"),
        (CREATE_NODE, {"input": {**person("Jukka"), "id": "jukka-makela"}}, "InvalidInput", "id"),
        (
            CREATE_NODE,
            {"input": person("Cited by a person", sources=[MAKELA])},
            "InvalidInput",
            "sources",
        ),
        (
            LINK,
            {
                "input": {
                    "type": "SITS_ON",
                    "source": PROGRAMME,
                    "target": MAKELA,
                    "sources": [SOURCE],
                }
            },
            "InvalidInput",
            "source",
        ),
        (
            LINK,
            {
                "input": {
                    "type": "LEADS",
                    "source": MAKELA,
                    "target": global_ids.encode(NodeKind.PROJECT, "no-such-project"),
                    "sources": [SOURCE],
                }
            },
            "NotFound",
            None,
        ),
        (
            UPDATE_NODE,
            {
                "input": {
                    "id": global_ids.encode(NodeKind.PERSON, "nobody"),
                    "name": "X",
                    "sources": [SOURCE],
                }
            },
            "NotFound",
            None,
        ),
    ],
)
def test_expected_failures_come_back_in_the_result_and_write_nothing(
    curators: Curators, mutation: str, variables: dict[str, Any], typename: str, field: str | None
) -> None:
    before = curators.export()
    result = next(iter(curators.editor.data(mutation, variables).values()))
    assert result["__typename"] == typename, result
    if typename == "InvalidInput":
        assert field in {error["field"] for error in result["errors"]}
        assert all(error["message"] for error in result["errors"])
    if typename != "NodeSaved":
        assert curators.export() == before


def test_a_correction_replaces_and_a_contradiction_keeps_both_with_their_sources(
    curators: Curators,
) -> None:
    editor = curators.editor
    other = editor.data(CREATE_SOURCE, {"input": {"title": "Länsiväylä 3.3.2016"}})
    other_source = other["createSource"]["node"]["id"]
    created = editor.data(CREATE_NODE, {"input": person("Ville Virtanen", description="Teacher")})
    ville = created["createNode"]["node"]["id"]

    corrected = editor.data(
        UPDATE_NODE, {"input": {"id": ville, "description": "Head teacher", "sources": [SOURCE]}}
    )["updateNode"]
    assert corrected["changed"] is True
    assert corrected["contested"] == []
    assert corrected["node"]["description"] == "Head teacher"
    assert corrected["node"]["claims"] == []

    contradicted = editor.data(
        UPDATE_NODE,
        {"input": {"id": ville, "description": "Principal", "sources": [other_source]}},
    )["updateNode"]
    assert contradicted["contested"] == ["description"]
    node = contradicted["node"]
    assert node["description"] == "Head teacher"
    claims = {(c["field"], c["value"]): {s["title"] for s in c["sources"]} for c in node["claims"]}
    assert claims[("description", "Principal")] == {"Länsiväylä 3.3.2016"}
    assert len(claims[("description", "Head teacher")]) == 1
    assert {s["title"] for s in node["sources"]} >= {"Länsiväylä 3.3.2016"}

    third = editor.data(CREATE_SOURCE, {"input": {"title": "Opettaja-lehti 2/2018"}})
    preferred = editor.data(
        UPDATE_NODE,
        {
            "input": {
                "id": ville,
                "name": "Ville K. Virtanen",
                "sources": [third["createSource"]["node"]["id"]],
                "preferNew": True,
            }
        },
    )["updateNode"]
    assert preferred["node"]["name"] == "Ville K. Virtanen"
    names = {c["value"] for c in preferred["node"]["claims"] if c["field"] == "name"}
    assert names == {"Ville Virtanen", "Ville K. Virtanen"}


def test_the_unsourced_query_lists_facts_without_a_source(
    make_client: Callable[..., GraphQLClient],
) -> None:
    nodes, ties = seed_graph()
    bare = Node(NodeKind.PERSON, "bare-person", "Bare Person")
    employer = next(n for n in nodes if n.kind is NodeKind.ORGANISATION)
    bare_tie = Tie(TieType.EMPLOYED_BY, "bare-person", employer.id, "bare-tie")
    client = make_client([*nodes, bare], [*ties, bare_tie])
    found = client.data(
        "{ unsourced { nodeCount tieCount nodes { id name unsourced } ties { id type } } }"
    )["unsourced"]
    assert found["nodeCount"] == 1
    assert found["tieCount"] == 1
    assert found["nodes"] == [
        {
            "id": global_ids.encode(NodeKind.PERSON, "bare-person"),
            "name": "Bare Person",
            "unsourced": True,
        }
    ]
    assert found["ties"] == [{"id": "bare-tie", "type": "EMPLOYED_BY"}]


def test_who_may_write(curators: Curators) -> None:
    before = curators.export()
    create = {"input": person("Unwanted Writer")}
    for client in (curators.anonymous, curators.reader):
        assert client.error_codes(CREATE_NODE, create) == ["FORBIDDEN"]
    wrong = curators.anonymous.with_token("poikki_not-a-token")
    response = wrong.http.post("/graphql", json={"query": "{ __typename }"}, headers=wrong.headers)
    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert curators.editor.error_codes(FORGET, {"id": MAKELA}) == ["FORBIDDEN"]
    assert curators.editor.error_codes(
        'mutation { createToken(name: "x", role: ADMIN) { secret } }'
    ) == ["FORBIDDEN"]
    assert curators.export() == before
    made = curators.admin.data('mutation { createToken(name: "ci", role: EDITOR) { secret role } }')
    secret = made["createToken"]["secret"]
    assert made["createToken"]["role"] == "EDITOR"
    ci = curators.anonymous.with_token(secret)
    assert ci.data(CREATE_NODE, create)["createNode"]["__typename"] == "NodeSaved"
    assert curators.admin.data('mutation { revokeToken(name: "ci") }')["revokeToken"] is True
    assert (
        ci.http.post("/graphql", json={"query": "{ __typename }"}, headers=ci.headers).status_code
        == 401
    )
    listed = curators.admin.data("{ tokens { name role } }")["tokens"]
    assert {t["name"] for t in listed} == {"test-reader", "test-editor", "test-admin"}


def test_reads_can_be_closed_to_the_public(make_client: Callable[..., GraphQLClient]) -> None:
    client = make_client(*seed_graph(), public_read=False)
    secrets = add_tokens(client)
    response = client.http.post("/graphql", json={"query": "{ people { totalCount } }"})
    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert client.http.get("/export/gexf").status_code == 401
    reader = client.with_token(secrets[Role.READER])
    assert reader.data("{ people { totalCount } }")["people"]["totalCount"] > 0
    assert reader.http.get("/export/gexf", headers=reader.headers).status_code == 200


def test_forgetting_a_person_leaves_no_trace(curators: Curators) -> None:
    admin = curators.admin
    name = "Jukka Mäkelä"
    assert admin.data('{ search(text: "Mäkelä") { name } }')["search"]
    admin.data("{ measures(boundary: SEAT_TYPE) { nodeCount } }")  # fill the analytics cache
    forgotten = admin.data(FORGET, {"id": MAKELA})["forgetPerson"]
    assert forgotten["__typename"] == "PersonForgotten"
    assert forgotten["removedTies"], "he sat on steering groups"

    assert admin.data('{ search(text: "Mäkelä") { name } }')["search"] == []
    assert admin.error_codes("query ($id: ID!) { node(id: $id) { id } }", {"id": MAKELA}) == [
        "NOT_FOUND"
    ]
    network = admin.data("{ network { nodes { id label } edges { source target } } }")["network"]
    assert MAKELA not in {n["id"] for n in network["nodes"]}
    assert name not in {n["label"] for n in network["nodes"]}
    assert all(MAKELA not in (e["source"], e["target"]) for e in network["edges"])
    measured = admin.data(
        "{ measures(boundary: SEAT_TYPE) { nodes(first: 100) { edges { node { node { id } } } } } }"
    )["measures"]["nodes"]["edges"]
    assert MAKELA not in {m["node"]["node"]["id"] for m in measured}
    for export_format in ("graphml", "gexf", "cytoscape", "graphology", "d3", "csv", "kumu"):
        for mode in ("NETWORK", "PEOPLE"):
            body = admin.http.get(f"/export/{export_format}", params={"mode": mode}).content
            for trace in (MAKELA.encode(), name.encode(), b"jukka-makela", "Mäkelä".encode()):
                assert trace not in body, (export_format, mode, trace)
            if export_format in ("csv", "kumu"):
                with zipfile.ZipFile(io.BytesIO(body)) as archive:
                    text = "".join(archive.read(n).decode() for n in archive.namelist())
                assert "Mäkelä" not in text
                assert "jukka-makela" not in text
    assert admin.data(FORGET, {"id": MAKELA})["forgetPerson"]["__typename"] == "NotFound"


def _wait_listening(http: Any, listeners: int, timeout: float = 120.0) -> None:
    """Wait until the server's change feed has this many listeners: a subscription counts once
    its resolver is listening, so nothing written after this can pass it by."""
    feed = http.app_state["feed"]
    deadline = time.monotonic() + timeout
    while feed.listeners < listeners:
        assert time.monotonic() < deadline, f"no subscription listened within {timeout} s"
        time.sleep(0.01)


def test_the_changes_stream_tells_a_subscriber_what_was_written(curators: Curators) -> None:
    http = curators.editor.http
    listening = http.app_state["feed"].listeners
    with http.websocket_connect("/graphql", subprotocols=["graphql-transport-ws"]) as socket:
        socket.send_json({"type": "connection_init", "payload": {}})
        assert socket.receive_json()["type"] == "connection_ack"
        socket.send_json(
            {
                "id": "1",
                "type": "subscribe",
                "payload": {"query": "subscription { changes { action nodeIds tieIds } }"},
            }
        )
        _wait_listening(http, listening + 1)  # the server handles `subscribe` in its own time
        created = curators.editor.data(CREATE_NODE, {"input": person("Streamed Person")})
        assert created["createNode"]["__typename"] == "NodeSaved"
        message = socket.receive_json()
        assert message["type"] == "next", message
        assert message["payload"]["data"]["changes"] == {
            "action": "CREATED",
            "nodeIds": ["streamed-person"],
            "tieIds": [],
        }
        curators.admin.data(FORGET, {"id": MAKELA})
        removed = socket.receive_json()["payload"]["data"]["changes"]
        # An erasure names nothing of the person, in the news as in the log.
        assert removed == {"action": "REMOVED", "nodeIds": [], "tieIds": []}
        socket.send_json({"id": "1", "type": "complete"})


def test_a_websocket_with_a_wrong_token_is_refused(curators: Curators) -> None:
    http = curators.anonymous.http
    with http.websocket_connect("/graphql", subprotocols=["graphql-transport-ws"]) as socket:
        socket.send_json(
            {"type": "connection_init", "payload": {"Authorization": "Bearer poikki_wrong"}}
        )
        message = socket.receive()
        assert message["type"] == "websocket.close"
        assert message["code"] == 4403


def test_the_cli_makes_tokens_storing_only_their_digest_and_forgets_people(
    tmp_path: Path, make_client: Callable[..., GraphQLClient]
) -> None:
    data_dir = tmp_path / "db"
    load_copy(data_dir / "poikki.lbug", *seed_graph())
    runner = CliRunner()
    made = runner.invoke(
        app, ["token", "create", "--role", "editor", "--name", "ci", "--data-dir", str(data_dir)]
    )
    assert made.exit_code == 0, made.output
    secret = made.stdout.strip().splitlines()[-1]
    assert secret.startswith("poikki_")
    assert len(secret) > 40
    stored = b"".join(p.read_bytes() for p in data_dir.rglob("*") if p.is_file())
    assert secret.encode() not in stored
    assert digest_of(secret).encode() in stored
    twice = runner.invoke(
        app, ["token", "create", "--role", "admin", "--name", "ci", "--data-dir", str(data_dir)]
    )
    assert twice.exit_code == 1
    assert "exists already" in twice.output
    listed = runner.invoke(app, ["token", "list", "--data-dir", str(data_dir)])
    assert "ci" in listed.output
    assert "editor" in listed.output
    assert secret not in listed.output

    logged = "Jukka Mäkelä-Lokissa"  # a value of the person's that only the log would keep
    _rename_in_the_log(data_dir / "poikki.lbug", "jukka-makela", logged)
    assert logged.encode() in b"".join(p.read_bytes() for p in data_dir.rglob("*") if p.is_file())
    forgot = runner.invoke(app, ["forget", "jukka-makela", "--data-dir", str(data_dir)])
    assert forgot.exit_code == 0, forgot.output
    # LadybugDB leaves deleted values in free pages of its file (the person's original name
    # stayed there before the log existed too): what the store reads holds nothing of the
    # person, and a copy into a new folder (docs/history.md, "Erasure") holds no byte of it.
    copied = _copied(data_dir / "poikki.lbug", tmp_path / "copy" / "poikki.lbug")
    assert "jukka-makela" not in copied.log
    assert "Lokissa" not in copied.log
    stored = b"".join(p.read_bytes() for p in copied.folder.rglob("*") if p.is_file())
    assert logged.encode() not in stored
    assert "Jukka Mäkelä".encode() not in stored
    assert b"jukka-makela" not in stored
    assert b"forgetPerson" in stored  # the erasure itself is kept
    assert "Forgot jukka-makela" in forgot.output
    again = runner.invoke(app, ["forget", MAKELA, "--data-dir", str(data_dir)])
    assert again.exit_code == 1
    assert "does not exist" in again.output
    revoked = runner.invoke(app, ["token", "revoke", "ci", "--data-dir", str(data_dir)])
    assert revoked.exit_code == 0
    assert runner.invoke(app, ["token", "revoke", "ci", "--data-dir", str(data_dir)]).exit_code == 1


@dataclass(frozen=True)
class _Copied:
    folder: Path
    log: str
    """Every log entry, as text."""


def _copied(source_path: Path, target_path: Path) -> _Copied:
    async def copy() -> str:
        source, target = LadybugStore(source_path), LadybugStore(target_path)
        await source.open()
        await target.open()
        try:
            await copy_graph(source, target)
            return repr(await target.log_entries(0, 100_000))
        finally:
            await target.close()
            await source.close()

    return _Copied(target_path.parent, asyncio.run(copy()))


def _rename_in_the_log(path: Path, person: str, name: str) -> None:
    async def rename() -> None:
        store = LadybugStore(path)
        await store.open()
        try:
            found = (await store.get_nodes(NodeKind.PERSON, [person]))[0]
            assert found is not None
            await store.upsert([replace(found, name=name)], [])
            (entry,) = await store.history("Person", person, None, 5)
            assert (entry.values_after() or {})["name"] == name
        finally:
            await store.close()

    asyncio.run(rename())


def test_forgetting_something_that_is_not_a_person_is_invalid_input(curators: Curators) -> None:
    before = curators.export()
    result = curators.admin.data(
        FORGET.replace(
            "... on NotFound { id }",
            "... on NotFound { id } ... on InvalidInput { errors { field message } }",
        ),
        {"id": PROGRAMME},
    )["forgetPerson"]
    assert result["__typename"] == "InvalidInput"
    assert result["errors"][0]["field"] == "id"
    assert curators.export() == before
