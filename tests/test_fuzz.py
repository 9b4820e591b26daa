"""Queries and mutations generated from our own schema by hypothesis-graphql, sent over HTTP as
an admin (so mutations run as far as they can): never a 500, never a stack trace, and every
error with an `extensions.code` a client can act on.

CI runs POIKKI_FUZZ_EXAMPLES (default 150) of each; set it higher for a longer run.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import hypothesis_graphql
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import nodes

from resolvers import global_ids
from schema.build import build_schema
from seed.knowledge import seed_graph
from tests.conftest import GraphQLClient
from tests.curators import curators_of

EXAMPLES = int(os.environ.get("POIKKI_FUZZ_EXAMPLES", "150"))
SCHEMA = build_schema().as_str()
NODES, _ = seed_graph()
IDS = [global_ids.encode(node.kind, node.id) for node in NODES[:40]]
EXPECTED_CODES = {"BAD_INPUT", "NOT_FOUND", "LIMIT_EXCEEDED", "FORBIDDEN"}
SCALARS = {
    "PartialDate": st.one_of(
        st.from_regex(r"\A(19|20)\d\d(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d))?)?\Z"),
        st.text(max_size=12),
    ).map(nodes.String),
    "ID": st.one_of(st.sampled_from(IDS), st.text(max_size=20)).map(nodes.String),
}


@pytest.fixture(scope="module")
def admin(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphQLClient]:
    from starlette.testclient import TestClient

    from server.app import create_app
    from server.settings import Settings
    from tests.databases import load_copy

    data_dir = tmp_path_factory.mktemp("fuzz")
    load_copy(Settings(data_dir=data_dir).database_path, *seed_graph())
    with TestClient(create_app(Settings(data_dir=data_dir)), raise_server_exceptions=False) as http:
        yield curators_of(GraphQLClient(http)).admin


def check(client: GraphQLClient, query: str) -> None:
    response = client.http.post("/graphql", json={"query": query}, headers=client.headers)
    assert response.status_code < 500, (query, response.text)
    assert "Traceback" not in response.text, query
    body: dict[str, Any] = response.json()
    for error in body.get("errors") or []:
        code = (error.get("extensions") or {}).get("code")
        assert code in EXPECTED_CODES, (query, error)


def fuzz(strategy: Any) -> Callable[[GraphQLClient], None]:
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        derandomize=True,
    )
    @given(query=strategy)
    def run(admin: GraphQLClient, query: str) -> None:
        check(admin, query)

    return run


test_generated_queries_never_fail_unexpectedly = fuzz(
    hypothesis_graphql.queries(SCHEMA, custom_scalars=SCALARS)
)
test_generated_mutations_never_fail_unexpectedly = fuzz(
    hypothesis_graphql.mutations(SCHEMA, custom_scalars=SCALARS)
)
