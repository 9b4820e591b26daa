from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from graph.backends.ladybug import LadybugStore
from graph.model import Node, Tie
from seed.knowledge import seed_graph
from server.app import create_app
from server.settings import Settings


class GraphQLClient:
    """Posts GraphQL documents over HTTP to the ASGI app, as any client would."""

    def __init__(self, http: TestClient) -> None:
        self.http = http

    def post(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        response = self.http.post("/graphql", json={"query": query, "variables": variables or {}})
        assert response.headers["content-type"].startswith("application/json")
        body: dict[str, Any] = response.json()
        return body

    def data(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        body = self.post(query, variables)
        assert "errors" not in body, body["errors"]
        data: dict[str, Any] = body["data"]
        return data

    def error_codes(self, query: str, variables: dict[str, Any] | None = None) -> list[str]:
        body = self.post(query, variables)
        assert body.get("errors"), f"expected errors, got {body}"
        return [error["extensions"]["code"] for error in body["errors"]]

    @property
    def round_trips(self) -> int:
        store: LadybugStore = self.http.app.state.store  # type: ignore[attr-defined]
        return store.round_trips.count


def load_into(path: Path, nodes: list[Node], ties: list[Tie]) -> None:
    async def run() -> None:
        store = LadybugStore(path)
        await store.open()
        try:
            await store.bulk_load(nodes, ties)
        finally:
            await store.close()

    asyncio.run(run())


@pytest.fixture(scope="session")
def seed_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("seeded")
    nodes, ties = seed_graph()
    load_into(Settings(data_dir=data_dir).database_path, nodes, ties)
    return data_dir


@pytest.fixture(scope="session")
def client(seed_dir: Path) -> Iterator[GraphQLClient]:
    """A read-only use of the seeded database: tests that write make their own."""
    with TestClient(create_app(Settings(data_dir=seed_dir))) as http:
        yield GraphQLClient(http)


@pytest.fixture
def make_client(tmp_path: Path) -> Iterator[Callable[..., GraphQLClient]]:
    """A client over a fresh database holding the given graph, with optional settings."""
    opened: list[TestClient] = []

    def make(nodes: list[Node], ties: list[Tie], **settings: Any) -> GraphQLClient:
        data_dir = tmp_path / f"db{len(opened)}"
        load_into(Settings(data_dir=data_dir).database_path, nodes, ties)
        http = TestClient(create_app(Settings(data_dir=data_dir, **settings)))
        http.__enter__()
        opened.append(http)
        return GraphQLClient(http)

    yield make
    for http in opened:
        http.__exit__(None, None, None)
