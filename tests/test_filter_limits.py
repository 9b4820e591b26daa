"""Filter trees too deep or too large are refused before any read, and the rest cost what
they cost: docs/filters.md and docs/limits.md."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from schema.filters import MAX_FILTER_DEPTH, MAX_FILTER_PARTS, RELATION_COST
from seed.knowledge import seed_graph
from seed.synthetic import synthetic_graph
from tests.conftest import GraphQLClient

PROGRAMMES = "query ($f: ProgrammeFilter) { programmes(filter: $f) { totalCount } }"


def _deep(depth: int) -> dict[str, Any]:
    """A programme filter nesting `depth` relation filters: projects, then their programmes..."""
    filter_: dict[str, Any] = {"nameContains": "e"}
    for level in reversed(range(depth)):
        relation = "projects" if level % 2 == 0 else "programmes"
        filter_ = {relation: {"some": {"node": filter_}}}
    return filter_


def _refusal(client: GraphQLClient, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    before = client.round_trips
    body = client.post(query, variables)
    assert client.round_trips == before, "refused after reading the database"
    assert "data" not in body or body["data"] is None
    [error] = body["errors"]
    assert error["extensions"]["code"] == "LIMIT_EXCEEDED"
    extensions: dict[str, Any] = error["extensions"]
    return extensions


def test_a_filter_deeper_than_the_limit_is_refused_before_any_read(client: GraphQLClient) -> None:
    assert "errors" not in client.post(PROGRAMMES, {"f": _deep(MAX_FILTER_DEPTH)})
    refused = _refusal(client, PROGRAMMES, {"f": _deep(MAX_FILTER_DEPTH + 1)})
    assert refused["filterDepth"] == MAX_FILTER_DEPTH + 1
    assert refused["maxFilterDepth"] == MAX_FILTER_DEPTH


def test_a_deep_filter_written_in_the_query_is_refused_too(client: GraphQLClient) -> None:
    literal = '{ nameContains: "e" }'
    for level in reversed(range(MAX_FILTER_DEPTH + 3)):
        relation = "projects" if level % 2 == 0 else "programmes"
        literal = f"{{ {relation}: {{ some: {{ node: {literal} }} }} }}"
    query = f"{{ programmes(filter: {literal}) {{ totalCount }} }}"
    assert _refusal(client, query, {})["filterDepth"] == MAX_FILTER_DEPTH + 3


def test_a_nested_relationship_fields_filter_is_bounded_as_well(client: GraphQLClient) -> None:
    query = (
        "query ($f: ProjectEdgeFilter) { programmes { edges { node { "
        "projects(filter: $f) { totalCount } } } } }"
    )
    edge = {"node": _deep(MAX_FILTER_DEPTH + 1)["projects"]["some"]["node"]}
    deeper = {"node": {"programmes": {"some": edge}}}
    assert _refusal(client, query, {"f": deeper})["filterDepth"] == MAX_FILTER_DEPTH + 1


def test_a_wide_filter_is_refused_by_its_parts(client: GraphQLClient) -> None:
    wide = {"OR": [{"nameContains": str(i)} for i in range(MAX_FILTER_PARTS)]}
    refused = _refusal(client, PROGRAMMES, {"f": wide})
    assert refused["filterParts"] == 1 + 2 * MAX_FILTER_PARTS
    assert refused["maxFilterParts"] == MAX_FILTER_PARTS
    narrower = {"OR": [{"nameContains": str(i)} for i in range(MAX_FILTER_PARTS // 2 - 1)]}
    assert "errors" not in client.post(PROGRAMMES, {"f": narrower})


def test_a_long_list_of_values_is_one_part(client: GraphQLClient) -> None:
    sectors = {"participants": {"some": {"node": {"sector": ["PUBLIC"] * 500}}}}
    assert client.data(PROGRAMMES, {"f": sectors})["programmes"]["totalCount"] > 0


def test_relation_filters_count_in_the_cost(
    make_client: Callable[..., GraphQLClient],
) -> None:
    limited = make_client(*seed_graph(), max_cost=3 * RELATION_COST)
    two = {"AND": [_deep(1), _deep(1)]}
    four = {"AND": [_deep(2), _deep(2)]}
    answer = limited.post(PROGRAMMES, {"f": two})
    assert "errors" not in answer
    refused = _refusal(limited, PROGRAMMES, {"f": four})
    assert refused["cost"] > 3 * RELATION_COST


def test_the_largest_filter_allowed_is_answered_quickly_on_a_larger_graph(
    make_client: Callable[..., GraphQLClient],
) -> None:
    """Every relation filter a filter may hold, each over the busiest hop (participants),
    four deep: evaluated in the read model in well under a second."""
    client = make_client(*synthetic_graph(3_000, seed=2))
    client.run(client.embedded_store.read_model.settled)  # type: ignore[union-attr]
    leaf: dict[str, Any] = {"node": {"nameContains": "1"}}
    for relation, quantifier in [
        ("initiatives", "single"),
        ("participants", "none"),
        ("initiatives", "all"),
        ("participants", "some"),
    ]:
        leaf = {"node": {relation: {quantifier: leaf}}}
    many = {"OR": [leaf["node"]] * 5}
    query = (
        "query ($f: ProjectFilter) { projects(filter: $f, first: 20) "
        "{ totalCount edges { node { name } } } }"
    )
    started = time.perf_counter()
    client.data(query, {"f": many})
    assert time.perf_counter() - started < 2.0
