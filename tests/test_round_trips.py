"""Store round trips are bounded by the query's depth, not by the size of its result."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from benchmarks.foundation import FOUR_HOPS  # programmes, projects, participants, theirs: 4 hops
from seed.synthetic import synthetic_graph
from tests.conftest import GraphQLClient


def _measure(client: GraphQLClient) -> tuple[int, int]:
    before = client.round_trips
    data = client.data(FOUR_HOPS)
    return client.round_trips - before, _count_objects(data)


def _count_objects(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + sum(_count_objects(v) for v in value.values())
    if isinstance(value, list):
        return sum(_count_objects(v) for v in value)
    return 0


def test_round_trips_do_not_grow_with_the_result(
    client: GraphQLClient, make_client: Callable[..., GraphQLClient]
) -> None:
    seed_trips, seed_objects = _measure(client)
    nodes, ties = synthetic_graph(people=3000, seed=7)
    large = make_client(nodes, ties)
    large_trips, large_objects = _measure(large)
    print(
        f"round trips: seed {seed_trips} ({seed_objects} objects), "
        f"synthetic {large_trips} ({large_objects} objects)"
    )
    assert large_objects > 3 * seed_objects
    assert seed_trips == large_trips == 4


def test_without_batching_every_parent_costs_a_round_trip(
    make_client: Callable[..., GraphQLClient],
) -> None:
    """The naive baseline the benchmark compares against: same answer, one call per parent."""
    graph = synthetic_graph(300, seed=5)
    batched = make_client(*graph)
    naive = make_client(*graph, batch_loads=False)
    batched_trips, batched_objects = _measure(batched)
    naive_trips, naive_objects = _measure(naive)
    assert batched.data(FOUR_HOPS) == naive.data(FOUR_HOPS)
    assert naive_objects == batched_objects
    assert batched_trips == 4
    assert naive_trips > 10 * batched_trips
