"""The log over GraphQL and the CLI: a node's history with actor, values and sources, kept
across a restart and a copy of the database (docs/history.md)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient
from typer.testing import CliRunner

from graph.backends.ladybug import LadybugStore
from graph.model import NodeKind
from resolvers import global_ids
from seed.knowledge import seed_graph
from server.app import create_app
from server.cli import app
from server.copy import copy_graph
from server.settings import Settings
from tests.conftest import GraphQLClient
from tests.curators import Curators, curators_of
from tests.databases import load_copy

NEWS = global_ids.encode(NodeKind.SOURCE, "espoo-news-2017-03-02")
HISTORY = """
query ($id: ID!, $first: Int, $after: String) {
  node(id: $id) {
    ... on Entity {
      name
      history(first: $first, after: $after) {
        edges { cursor node { position time actor operation before after sources { id } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
}
"""
AS_OF = """
query ($id: ID!, $at: DateTime!) {
  node(id: $id, asOf: $at) { ... on Entity { name sources { id } } }
}
"""
LIST_AS_OF = """
query ($at: DateTime!) {
  people(first: 100, asOf: $at) { totalCount edges { node { id name } } }
  network(scope: {asOf: $at}) { nodeCount }
}
"""
CREATE = """
mutation ($input: NodeInput!) {
  createNode(input: $input) { __typename ... on NodeSaved { node { id } } }
}
"""
UPDATE = """
mutation ($input: NodeChangesInput!) {
  updateNode(input: $input) { __typename ... on NodeSaved { changed node { name } } }
}
"""
CREATE_SOURCE = """
mutation ($input: SourceInput!) {
  createSource(input: $input) { __typename ... on NodeSaved { node { id } } }
}
"""


class Served:
    """A server over one database folder that can be stopped and started again."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.http: TestClient | None = None

    def start(self) -> GraphQLClient:
        self.http = TestClient(create_app(Settings(data_dir=self.data_dir)))
        self.http.__enter__()
        return GraphQLClient(self.http)

    def stop(self) -> None:
        if self.http is not None:
            self.http.__exit__(None, None, None)
            self.http = None


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    data_dir = tmp_path / "db"
    load_copy(Settings(data_dir=data_dir).database_path, *seed_graph())
    server = Served(data_dir)
    yield server
    server.stop()


def _write_three_versions(curators: Curators) -> tuple[str, str]:
    """Create a person, correct the name citing the same source, then replace it from a new
    source with preferNew; the person's global id and the new source's."""
    editor = curators.editor
    made = editor.data(
        CREATE, {"input": {"kind": "PERSON", "name": "Liisa Loki", "sources": [NEWS]}}
    )
    person = made["createNode"]["node"]["id"]
    fixed = editor.data(UPDATE, {"input": {"id": person, "name": "Liisa Lokki", "sources": [NEWS]}})
    assert fixed["updateNode"]["changed"] is True
    report = editor.data(
        CREATE_SOURCE, {"input": {"title": "Lokin uutiset 2026", "id": "lokin-uutiset"}}
    )
    source = report["createSource"]["node"]["id"]
    renamed = editor.data(
        UPDATE,
        {"input": {"id": person, "name": "Liisa Lokkinen", "sources": [source], "preferNew": True}},
    )
    assert renamed["updateNode"]["node"]["name"] == "Liisa Lokkinen"
    return person, source


def _history(client: GraphQLClient, person: str, **page: Any) -> list[dict[str, Any]]:
    found = client.data(HISTORY, {"id": person, **page})["node"]["history"]
    return [edge["node"] for edge in found["edges"]]


def _check_three(entries: list[dict[str, Any]], source: str) -> None:
    assert [e["operation"] for e in entries] == ["updateNode", "updateNode", "createNode"]
    assert {e["actor"] for e in entries} == {"test-editor"}
    positions = [e["position"] for e in entries]
    assert positions == sorted(positions, reverse=True)
    assert [e["after"]["name"] for e in entries] == ["Liisa Lokkinen", "Liisa Lokki", "Liisa Loki"]
    assert [e["before"] and e["before"]["name"] for e in entries] == [
        "Liisa Lokki",
        "Liisa Loki",
        None,
    ]
    assert [[s["id"] for s in e["sources"]] for e in entries] == [
        [NEWS, source],
        [NEWS],
        [NEWS],
    ]
    times = [e["time"] for e in entries]
    assert times == sorted(times, reverse=True)
    assert all(t.endswith("+00:00") for t in times)


def _check_as_of(client: GraphQLClient, person: str, entries: list[dict[str, Any]]) -> None:
    """`node(asOf:)` at each entry's moment gives that entry's values; before the first the
    person did not exist; the lists and networks read at a moment agree."""
    for found in entries:
        node = client.data(AS_OF, {"id": person, "at": found["time"]})["node"]
        assert node["name"] == found["after"]["name"]
        assert [s["id"] for s in node["sources"]] == [s["id"] for s in found["sources"]]
    created = datetime.fromisoformat(entries[-1]["time"])
    earlier = (created - timedelta(microseconds=1)).isoformat()
    assert client.error_codes(AS_OF, {"id": person, "at": earlier}) == ["NOT_FOUND"]
    now = client.data(LIST_AS_OF, {"at": datetime.now(UTC).isoformat()})
    then = client.data(LIST_AS_OF, {"at": earlier})
    assert now["people"]["totalCount"] == then["people"]["totalCount"] + 1
    assert person not in {e["node"]["id"] for e in then["people"]["edges"]}
    assert now["network"]["nodeCount"] >= then["network"]["nodeCount"] + 1
    middle = client.data(LIST_AS_OF, {"at": entries[1]["time"]})["people"]["edges"]
    assert {"id": person, "name": "Liisa Lokki"} in [e["node"] for e in middle]


def test_history_lists_each_write_with_actor_values_and_sources_across_restart_and_copy(
    served: Served, tmp_path: Path
) -> None:
    curators = curators_of(served.start())
    person, source = _write_three_versions(curators)
    entries = _history(curators.anonymous, person)
    _check_three(entries, source)
    _check_as_of(curators.anonymous, person, entries)

    first = curators.anonymous.data(HISTORY, {"id": person, "first": 2})["node"]["history"]
    assert first["pageInfo"]["hasNextPage"] is True
    rest = _history(curators.anonymous, person, first=2, after=first["pageInfo"]["endCursor"])
    assert [e["position"] for e in rest] == [entries[2]["position"]]

    served.stop()
    restarted = served.start()
    _check_three(_history(restarted, person), source)
    _check_as_of(restarted, person, entries)
    served.stop()

    copied = tmp_path / "copy"

    async def copy() -> None:
        source_store = LadybugStore(Settings(data_dir=served.data_dir).database_path)
        target_store = LadybugStore(Settings(data_dir=copied).database_path)
        await source_store.open()
        await target_store.open()
        try:
            await copy_graph(source_store, target_store)
            assert target_store.version == source_store.version
        finally:
            await target_store.close()
            await source_store.close()

    asyncio.run(copy())
    served_copy = Served(copied)
    try:
        copy_client = served_copy.start()
        _check_three(_history(copy_client, person), source)
        _check_as_of(copy_client, person, entries)
    finally:
        served_copy.stop()

    shown = CliRunner().invoke(app, ["history", person, "--data-dir", str(served.data_dir)])
    assert shown.exit_code == 0, shown.output
    assert shown.output.count("test-editor") == 3
    assert "Liisa Lokkinen" in shown.output
    by_slug = CliRunner().invoke(app, ["history", "liisa-loki", "--data-dir", str(copied)])
    assert by_slug.exit_code == 0, by_slug.output
    assert by_slug.output.count("updateNode") == 2
    unknown = CliRunner().invoke(app, ["history", "nobody-here", "--data-dir", str(copied)])
    assert unknown.exit_code == 1
    assert "No node or tie" in unknown.output


def test_a_bad_history_cursor_or_page_size_is_a_coded_error(served: Served) -> None:
    client = served.start()
    person = global_ids.encode(NodeKind.PERSON, "jukka-makela")
    assert client.error_codes(HISTORY, {"id": person, "after": "not-a-cursor"}) == ["BAD_INPUT"]
    assert client.error_codes(HISTORY, {"id": person, "first": 1000}) == ["LIMIT_EXCEEDED"]


FORGET = """
mutation ($id: ID!) { forgetPerson(id: $id) { __typename } }
"""


def test_an_erased_person_is_gone_from_the_past_too(served: Served) -> None:
    curators = curators_of(served.start())
    person, _ = _write_three_versions(curators)
    entries = _history(curators.anonymous, person)
    assert curators.anonymous.data(AS_OF, {"id": person, "at": entries[1]["time"]})["node"]
    forgot = curators.admin.data(FORGET, {"id": person})["forgetPerson"]
    assert forgot["__typename"] == "PersonForgotten"
    for found in entries:
        codes = curators.anonymous.error_codes(AS_OF, {"id": person, "at": found["time"]})
        assert codes == ["NOT_FOUND"]
    listed = curators.anonymous.data(LIST_AS_OF, {"at": entries[0]["time"]})["people"]
    assert person not in {e["node"]["id"] for e in listed["edges"]}
    assert "Liisa" not in str(listed)


def test_the_command_line_writes_as_cli_and_its_user(served: Served) -> None:
    made = CliRunner().invoke(
        app,
        ["token", "create", "--role", "editor", "--name", "ci", "--data-dir", str(served.data_dir)],
    )
    assert made.exit_code == 0, made.output

    async def last_entry() -> Any:
        store = LadybugStore(Settings(data_dir=served.data_dir).database_path, read_only=True)
        await store.open()
        try:
            return (await store.history("Token", "ci", None, 1))[0]
        finally:
            await store.close()

    entry = asyncio.run(last_entry())
    assert entry.actor.startswith("cli:")
    assert len(entry.actor) > len("cli:")
    assert entry.operation == "createToken"
