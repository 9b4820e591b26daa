"""The executor that completes plain reads directly (schema/plain_reads.py) answers every query
byte for byte as graphql-core's own executor does: data, errors, nulls and their order.

Two servers hold the same graph, one with POIKKI_PLAIN_READS off; queries generated from the
schema by hypothesis-graphql (fragments, aliases, unions, arguments), by tests/planned_queries.py
(named and inline fragments on unions and interfaces, aliases, variables, @include/@skip, refused
pages and unknown ids) and hand-written ones (networks, nested pages) go to both over HTTP. Both
answer byte for byte alike and make as many round trips to the database.

CI runs POIKKI_PLAIN_READS_EXAMPLES (default 60) generated queries per graph; set it higher for a
longer run.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from typing import Any

import hypothesis_graphql
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import nodes
from starlette.testclient import TestClient

from benchmarks.foundation import FOUR_HOPS, THREE_LEVELS
from benchmarks.suite import NETWORK
from graph.backends.ladybug import LadybugStore
from graph.model import Node, NodeKind, Tie
from resolvers import global_ids
from schema.build import build_schema
from schema.turns import TURN
from seed.knowledge import seed_graph
from seed.synthetic import synthetic_graph
from server.app import create_app, served_store
from server.settings import Settings
from tests.databases import load_copy
from tests.planned_queries import planned_queries

EXAMPLES = int(os.environ.get("POIKKI_PLAIN_READS_EXAMPLES", "60"))
BUILT = build_schema()
SCHEMA = BUILT.as_str()
GRAPHS = {"demo": seed_graph(), "synthetic": synthetic_graph(300, 5, participation=3.0)}

Pair = tuple[TestClient, TestClient]


def _ids(graph: tuple[list[Node], list[Tie]]) -> list[str]:
    return [global_ids.encode(node.kind, node.id) for node in graph[0][:60]]


def _scalars(graph: tuple[list[Node], list[Tie]]) -> dict[str, Any]:
    return {
        "PartialDate": st.one_of(
            st.from_regex(r"\A(19|20)\d\d(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d))?)?\Z"),
            st.text(max_size=12),
        ).map(nodes.String),
        "ID": st.one_of(st.sampled_from(_ids(graph)), st.text(max_size=20)).map(nodes.String),
    }


@pytest.fixture(scope="module", params=list(GRAPHS))
def pair(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    graph = GRAPHS[request.param]
    opened = []
    for plain in (True, False):
        folder = tmp_path_factory.mktemp(f"{request.param}-{plain}")
        load_copy(Settings(data_dir=folder).database_path, *graph)
        settings_ = Settings(data_dir=folder, plain_reads=plain, result_cache_mb=0)
        http = TestClient(create_app(settings_), raise_server_exceptions=False)
        http.__enter__()
        opened.append(http)
    yield (opened[0], opened[1]), graph
    for http in opened:
        http.__exit__(None, None, None)


def _round_trips(http: TestClient) -> int:
    store = served_store(http.app)
    assert isinstance(store, LadybugStore)  # the pair serves embedded databases
    return store.round_trips.count


def same_answer(pair: Pair, query: str, variables: dict[str, Any] | None = None) -> str:
    body = {"query": query, "variables": variables or {}}
    trips = [_round_trips(http) for http in pair]
    planned, standard = (http.post("/graphql", json=body) for http in pair)
    assert planned.status_code == standard.status_code, query
    assert planned.content == standard.content, (query, variables)
    made = [_round_trips(http) - before for http, before in zip(pair, trips, strict=True)]
    assert made[0] == made[1], f"round trips {made} for {query}"
    return planned.text


def _programme(graph: tuple[list[Node], list[Tie]]) -> str:
    programme = next(node for node in graph[0] if node.kind is NodeKind.PROGRAMME)
    return global_ids.encode(programme.kind, programme.id)


def test_hand_written_queries_answer_alike(pair: Any) -> None:
    clients, graph = pair
    programme = _programme(graph)
    assert '"nodes":[{' in same_answer(
        clients, NETWORK, {"programme": programme, "from": None, "to": None}
    )
    assert "participants" in same_answer(clients, THREE_LEVELS)
    same_answer(clients, FOUR_HOPS)
    same_answer(
        clients,
        """query Q($with: Boolean!, $id: ID!) {
          a: node(id: $id) { id __typename ... on Entity { name description sourcesCount } }
          organisations(first: 50) { edges { cursor node {
            id name sector orgType municipality branch @include(if: $with)
            sector2: sector @skip(if: $with) } } }
          network(scope: {initiatives: [$id]}) { nodes { id kind label sector orgType start end
            sourcesCount weight } edges { id source target type role seatType start end weight
            sourcesCount } }
        }""",
        {"with": True, "id": programme},
    )
    # Whole networks: lists handed over in turns (more than schema.turns.TURN items), with
    # abstract types inside their items, and a network refused for its size.
    whole = same_answer(
        clients,
        """{ network(maxNodes: 3000, maxEdges: 6000) { nodeCount
          nodes { id label weight node { __typename ... on Person { name } id } }
          edges { source target weight type } } }""",
    )
    assert whole.count('"label"') > TURN or graph is GRAPHS["demo"]
    assert '"LIMIT_EXCEEDED"' in same_answer(
        clients, "{ network(maxNodes: 3) { nodeCount nodes { id } } }"
    )
    # Errors and the nulls they leave: a bad id, a list over its limit.
    errors = same_answer(
        clients,
        '{ node(id: "nonsense") { id } people(first: 100000) { edges { node { name } } } }',
    )
    assert '"errors"' in errors


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=True,
)
@given(data=st.data())
def test_generated_queries_answer_alike(pair: Any, data: st.DataObject) -> None:
    clients, graph = pair
    query = data.draw(hypothesis_graphql.queries(SCHEMA, custom_scalars=_scalars(graph)))
    same_answer(clients, query)


# A refused page at the root nulls the whole answer and graphql-core cancels the sibling
# fields' resolvers before they start, on both paths alike: their coroutines are never awaited.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=True,
)
@given(data=st.data())
def test_queries_with_fragments_variables_and_directives_answer_alike(
    pair: Any, data: st.DataObject
) -> None:
    clients, graph = pair
    ids = [*_ids(graph)[:20], _programme(graph)]
    query, variables = data.draw(planned_queries(BUILT._schema, ids))
    same_answer(clients, query, variables)
    gc.collect()  # the cancelled coroutines are reported here, under this test's filter
