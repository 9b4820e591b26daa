from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar, TypeVarTuple, Unpack

import pytest
from starlette.testclient import TestClient

from graph.backends.ladybug import LadybugStore
from graph.model import Node, Tie
from graph.store import GraphStore
from seed.knowledge import seed_graph
from server.app import create_app, served_store
from server.settings import Settings, from_environment
from tests.backends import BACKENDS, open_backend
from tests.databases import load_copy

Result = TypeVar("Result")
Args = TypeVarTuple("Args")


class GraphQLClient:
    """Posts GraphQL documents over HTTP to the ASGI app, as any client would."""

    def __init__(self, http: TestClient, token: str | None = None) -> None:
        self.http = http
        self.token = token

    def with_token(self, token: str | None) -> GraphQLClient:
        """The same server, asked with a bearer token (or none)."""
        return GraphQLClient(self.http, token)

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    def post(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        response = self.http.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=self.headers
        )
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
    def store(self) -> GraphStore:
        """The store the app serves, whichever backend it is."""
        return served_store(self.http.app)

    @property
    def embedded_store(self) -> LadybugStore:
        """The store the app serves, for what only the embedded backend has."""
        store = self.store
        assert isinstance(store, LadybugStore), f"not the embedded backend: {store!r}"
        return store

    def run(self, work: Callable[[Unpack[Args]], Awaitable[Result]], *args: *Args) -> Result:
        """`work(*args)` awaited on the app's event loop, where its requests run."""
        portal = self.http.portal
        assert portal is not None, "the client is used outside its `with` block"
        return portal.call(work, *args)

    @property
    def round_trips(self) -> int:
        return self.embedded_store.round_trips.count


def _seeded_settings(backend: str, folder: Path) -> Settings:
    """Settings of a database holding the seed: a fresh embedded one, or Neo4j refilled."""

    async def refill(folder: Path) -> None:
        store = await open_backend(backend, folder)
        try:
            await store.bulk_load(*seed_graph())
        finally:
            await store.close()

    if backend == "embedded":
        load_copy(Settings(data_dir=folder).database_path, *seed_graph())
        return Settings(data_dir=folder)
    asyncio.run(refill(folder))
    return replace(from_environment(), data_dir=folder)


@pytest.fixture(scope="module", params=BACKENDS)
def client(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[GraphQLClient]:
    """The seed over GraphQL on each backend, read-only: tests that write make their own."""
    settings = _seeded_settings(request.param, tmp_path_factory.mktemp("seeded"))
    with TestClient(create_app(settings)) as http:
        yield GraphQLClient(http)


@pytest.fixture
def make_client(tmp_path: Path) -> Iterator[Callable[..., GraphQLClient]]:
    """A client over a fresh database holding the given graph, with optional settings."""
    opened: list[TestClient] = []

    def make(nodes: list[Node], ties: list[Tie], **settings: Any) -> GraphQLClient:
        data_dir = tmp_path / f"db{len(opened)}"
        load_copy(Settings(data_dir=data_dir).database_path, nodes, ties)
        http = TestClient(create_app(Settings(data_dir=data_dir, **settings)))
        http.__enter__()
        opened.append(http)
        return GraphQLClient(http)

    yield make
    for http in opened:
        http.__exit__(None, None, None)
