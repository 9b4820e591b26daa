"""A revoked token reaches open websockets: a socket opened before `revokeToken` runs no more
operations, its `changes` subscription delivers nothing more, and it is closed with 4403.
Against a real `poikki serve` with a real websocket client; and in-process with the token
deleted straight from the store, as `poikki token revoke` from another process does on a
backend that allows it (Neo4j), where no in-process signal is sent."""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from starlette.testclient import WebSocketTestSession
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect
from websockets.typing import Subprotocol

from graph.model import NodeKind
from resolvers import global_ids
from tests.conftest import GraphQLClient
from tests.curators import Curators, curators_of
from tests.live_server import GraphQL, Server, new_token, seed

WAIT = 30.0
"""Seconds any one message may take; a test that waits longer fails."""
PROTOCOL = "graphql-transport-ws"
SOURCE = global_ids.encode(NodeKind.SOURCE, "espoo-news-2017-03-02")
CREATE = """
mutation ($name: String!) {
  createNode(input: {kind: PERSON, name: $name, sources: [$source]}) { __typename }
}
""".replace("[$source]", json.dumps([SOURCE]))
CHANGES = "subscription { changes { action nodeIds } }"
FOUND = "query ($text: String!) { search(text: $text) { name } }"


def _subscribe(operation_id: str, query: str, variables: dict[str, Any] | None = None) -> str:
    payload = {"query": query, "variables": variables or {}}
    return json.dumps({"id": operation_id, "type": "subscribe", "payload": payload})


def _init(token: str) -> str:
    return json.dumps({"type": "connection_init", "payload": {"Authorization": f"Bearer {token}"}})


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, dict[str, str]]]:
    data_dir = tmp_path_factory.mktemp("revocation") / "data"
    seed(data_dir)
    roles = {"admin": "admin", "watcher": "reader", "writer": "editor"}
    tokens = {name: new_token(data_dir, role, name) for name, role in roles.items()}
    server = Server(data_dir)
    try:
        server.wait_healthy()
        yield server, tokens
    finally:
        server.stop()


@contextmanager
def _open(server: Server, token: str) -> Iterator[ClientConnection]:
    url = server.base.replace("http://", "ws://") + "/graphql"
    with connect(url, subprotocols=[Subprotocol(PROTOCOL)], open_timeout=WAIT) as socket:
        socket.send(_init(token))
        assert json.loads(socket.recv(timeout=WAIT))["type"] == "connection_ack"
        yield socket


def _until_closed(socket: ClientConnection) -> tuple[list[dict[str, Any]], int | None]:
    """Every message until the server closes the socket, and the close code."""
    messages = []
    try:
        while True:
            messages.append(json.loads(socket.recv(timeout=WAIT)))
    except ConnectionClosed as closed:
        return messages, closed.rcvd.code if closed.rcvd else None


def _delivered(messages: list[dict[str, Any]]) -> list[Any]:
    return [
        m["payload"]["data"] for m in messages if m["type"] == "next" and m["payload"].get("data")
    ]


def test_changes_stop_reaching_a_revoked_token_and_its_socket_closes(
    live: tuple[Server, dict[str, str]],
) -> None:
    server, tokens = live
    with GraphQL(server.base, tokens["admin"]) as admin, _open(server, tokens["watcher"]) as socket:
        socket.send(_subscribe("1", CHANGES))
        _write_until_heard(admin, socket)
        assert admin.data('mutation { revokeToken(name: "watcher") }') == {"revokeToken": True}
        admin.data(CREATE, {"name": "After Revocation"})
        messages, code = _until_closed(socket)
    heard = [data["changes"]["nodeIds"] for data in _delivered(messages)]
    assert ["after-revocation"] not in heard, messages
    assert code == 4403, messages


def _write_until_heard(admin: GraphQL, socket: ClientConnection) -> None:
    """Writes until the subscription tells of one: the server registers a subscriber some
    time after its subscribe message, and says nothing when it has."""
    deadline = time.monotonic() + WAIT
    for attempt in itertools.count():
        admin.data(CREATE, {"name": f"Before Revocation {attempt}"})
        try:
            heard = json.loads(socket.recv(timeout=0.5))
        except TimeoutError:
            assert time.monotonic() < deadline, "the subscription told of no write"
            continue
        assert heard["type"] == "next", heard
        assert heard["payload"]["data"]["changes"]["nodeIds"][0].startswith("before-revocation")
        return


def test_a_socket_opened_before_revocation_runs_no_more_operations(
    live: tuple[Server, dict[str, str]],
) -> None:
    server, tokens = live
    with GraphQL(server.base, tokens["admin"]) as admin, _open(server, tokens["writer"]) as socket:
        socket.send(_subscribe("1", CREATE, {"name": "Written Before"}))
        answer = json.loads(socket.recv(timeout=WAIT))
        assert answer["payload"]["data"]["createNode"]["__typename"] == "NodeSaved", answer

        assert admin.data('mutation { revokeToken(name: "writer") }') == {"revokeToken": True}
        socket.send(_subscribe("2", CREATE, {"name": "Written After"}))
        messages, code = _until_closed(socket)
        assert _delivered(messages) == [], messages
        assert code == 4403, messages
        assert admin.data(FOUND, {"text": "Written After"})["search"] == []
        assert admin.data(FOUND, {"text": "Written Before"})["search"] == [
            {"name": "Written Before"}
        ]


def _session_until_closed(socket: WebSocketTestSession) -> tuple[list[dict[str, Any]], int]:
    """Messages until the close (and its code), or until the first one carrying data: that
    one is a failure already, and no close may follow it."""
    messages: list[dict[str, Any]] = []
    while not _delivered(messages):
        message = socket.receive()
        if message["type"] == "websocket.close":
            return messages, int(message["code"])
        messages.append(json.loads(message["text"]))
    return messages, 0


@pytest.fixture
def curators(make_client: Any) -> Curators:
    from seed.knowledge import seed_graph

    return curators_of(make_client(*seed_graph()))


def _wait_for_a_listener(curators: Curators) -> None:
    feed = curators.reader.http.app_state["feed"]
    deadline = time.monotonic() + WAIT
    while feed.listeners == 0:
        assert time.monotonic() < deadline, "the subscription never started listening"
        time.sleep(0.01)


@contextmanager
def _session(client: GraphQLClient) -> Iterator[WebSocketTestSession]:
    """A graphql-transport-ws session opened with the client's token, as a client opens one."""
    with client.http.websocket_connect("/graphql", subprotocols=[PROTOCOL]) as socket:
        socket.send_text(_init(client.token or ""))
        assert socket.receive_json()["type"] == "connection_ack"
        yield socket


def _revoke_in_the_store(curators: Curators, name: str) -> None:
    """As another process writing to the same store would: no change event, no cache news."""
    anonymous = curators.anonymous
    assert anonymous.run(anonymous.store.revoke_token, name)


def test_a_token_revoked_outside_this_process_is_refused_at_the_next_operation(
    curators: Curators,
) -> None:
    with _session(curators.editor) as socket:
        socket.send_text(_subscribe("1", "{ __typename }"))
        assert socket.receive_json()["payload"] == {"data": {"__typename": "Query"}}
        assert socket.receive_json()["type"] == "complete"

        _revoke_in_the_store(curators, "test-editor")
        socket.send_text(_subscribe("2", CREATE, {"name": "Never Written"}))
        messages, code = _session_until_closed(socket)
    assert _delivered(messages) == [], messages
    assert code == 4403
    assert curators.admin.data(FOUND, {"text": "Never Written"})["search"] == []


def test_a_running_subscription_ends_when_its_token_is_revoked_outside_this_process(
    curators: Curators,
) -> None:
    with _session(curators.reader) as socket:
        socket.send_text(_subscribe("1", CHANGES))
        _wait_for_a_listener(curators)
        curators.editor.data(CREATE, {"name": "Heard Once"})
        assert socket.receive_json()["payload"]["data"]["changes"]["nodeIds"] == ["heard-once"]

        _revoke_in_the_store(curators, "test-reader")
        curators.editor.data(CREATE, {"name": "Not Heard"})
        messages, code = _session_until_closed(socket)
    assert _delivered(messages) == [], messages
    assert code == 4403
