"""The `changes` subscription reads the log: it resumes from a position, filters by kinds and
types, tells of ties, names nodes by global ids that `node(id)` accepts, and streams writes made
through another store over the same database (as another process would write)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

from graph.backends.ladybug import LadybugStore
from graph.history import Attribution, Operation
from graph.model import Node, NodeKind
from resolvers import global_ids
from seed.knowledge import seed_graph
from server.settings import Settings
from tests.conftest import GraphQLClient
from tests.curators import curators_of

NEWS = global_ids.encode(NodeKind.SOURCE, "espoo-news-2017-03-02")
CREATE = """
mutation ($input: NodeInput!) {
  createNode(input: $input) { __typename ... on NodeSaved { node { id
    history(first: 1) { edges { node { position } } } } } }
}
"""
LINK = """
mutation ($input: LinkInput!) {
  link(input: $input) { __typename ... on TieSaved { tie { id } } }
}
"""
SUBSCRIBE = """
subscription ($since: Int, $kinds: [NodeKind!], $types: [TieType!]) {
  changes(since: $since, kinds: $kinds, types: $types) {
    action position actor operation nodeIds
    nodes { __typename id name }
    ties { id type source { id } target { id } }
  }
}
"""
NODE = "query ($id: ID!) { node(id: $id) { __typename id ... on Entity { name } } }"


def _subscribed(socket: Any, operation_id: str, variables: dict[str, Any]) -> None:
    socket.send_json(
        {
            "id": operation_id,
            "type": "subscribe",
            "payload": {"query": SUBSCRIBE, "variables": variables},
        }
    )


def _next(socket: Any) -> dict[str, Any]:
    message = socket.receive_json()
    assert message["type"] == "next", message
    changes: dict[str, Any] = message["payload"]["data"]["changes"]
    return changes


def test_changes_resume_filter_name_global_ids_and_come_from_other_stores(
    make_client: Callable[..., GraphQLClient], tmp_path: Path
) -> None:
    curators = curators_of(make_client(*seed_graph()))
    editor = curators.editor
    made = editor.data(
        CREATE, {"input": {"kind": "PERSON", "name": "Vilja Virta", "sources": [NEWS]}}
    )["createNode"]["node"]
    person, created_at = made["id"], made["history"]["edges"][0]["node"]["position"]
    project = next(n for n in seed_graph()[0] if n.kind is NodeKind.PROJECT)
    project_id = global_ids.encode(NodeKind.PROJECT, project.id)
    link = {"type": "PARTICIPATES_IN", "source": person, "target": project_id, "sources": [NEWS]}
    tie_id = editor.data(LINK, {"input": link})["link"]["tie"]["id"]

    with curators.anonymous.http.websocket_connect(
        "/graphql", subprotocols=["graphql-transport-ws"]
    ) as socket:
        socket.send_json({"type": "connection_init", "payload": {}})
        assert socket.receive_json()["type"] == "connection_ack"
        _subscribed(socket, "ties", {"since": created_at, "types": ["PARTICIPATES_IN"]})
        linked = _next(socket)
        assert linked["action"] == "CREATED"
        assert (linked["actor"], linked["operation"]) == ("test-editor", "link")
        assert linked["position"] > created_at
        assert linked["nodes"] == []
        assert linked["ties"] == [
            {
                "id": tie_id,
                "type": "PARTICIPATES_IN",
                "source": {"id": person},
                "target": {"id": project_id},
            }
        ]
        socket.send_json({"id": "ties", "type": "complete"})

        _subscribed(socket, "people", {"since": created_at - 1, "kinds": ["PERSON"]})
        created = _next(socket)
        assert (created["action"], created["position"]) == ("CREATED", created_at)
        assert created["nodes"] == [{"__typename": "Person", "id": person, "name": "Vilja Virta"}]
        found = curators.anonymous.data(NODE, {"id": created["nodes"][0]["id"]})["node"]
        assert found == {"__typename": "Person", "id": person, "name": "Vilja Virta"}

        # Written through a store object of its own: no one in the server wakes the
        # subscription; it reads the log when the version moves on.
        elsewhere = Node(NodeKind.PERSON, "muualta-kirjattu", "Muualta Kirjattu", sources=())

        async def write() -> None:
            store = LadybugStore(Settings(data_dir=tmp_path / "db0").database_path)
            await store.open()
            try:
                await store.upsert([elsewhere], [], Attribution("cli:other", Operation.IMPORT))
            finally:
                await store.close()

        asyncio.run(write())
        streamed = _next(socket)
        assert (streamed["action"], streamed["actor"]) == ("CREATED", "cli:other")
        assert streamed["nodeIds"] == ["muualta-kirjattu"]
        assert streamed["nodes"][0]["id"] == global_ids.encode(NodeKind.PERSON, elsewhere.id)
        socket.send_json({"id": "people", "type": "complete"})


def test_a_negative_since_is_bad_input(make_client: Callable[..., GraphQLClient]) -> None:
    client = make_client(*seed_graph())
    with client.http.websocket_connect("/graphql", subprotocols=["graphql-transport-ws"]) as ws:
        ws.send_json({"type": "connection_init", "payload": {}})
        assert ws.receive_json()["type"] == "connection_ack"
        _subscribed(ws, "1", {"since": -1})
        message = ws.receive_json()
        assert message["type"] == "next", message
        assert message["payload"]["errors"][0]["extensions"]["code"] == "BAD_INPUT"
