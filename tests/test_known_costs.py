"""A query's cost is counted once per document and per value of the variables the count
reads: a list paged with a new `after` is not counted again, and every cost served is the one
a fresh count gives."""

from __future__ import annotations

from typing import Any

from graphql import parse
from hypothesis import given, settings
from hypothesis import strategies as st

from schema.build import build_schema
from schema.cost import KnownCosts, operation_cost

SCHEMA = build_schema()._schema
PAGED = parse(
    """query Paged($after: String, $n: Int, $inner: Int) {
      organisations(first: $n, after: $after) { edges { node { name
        members(first: $inner) { edges { node { name } } } } } } }"""
)
LITERAL = parse(
    """query Literal($after: String) {
      organisations(filter: {sector: [PUBLIC]}, first: 20, after: $after) {
        edges { node { name } } } }"""
)
VALUES = st.one_of(
    st.none(), st.integers(-3, 300), st.floats(allow_nan=False), st.booleans(), st.text(max_size=3)
)


@settings(max_examples=300)
@given(
    calls=st.lists(
        st.dictionaries(st.sampled_from(["after", "n", "inner", "other"]), VALUES, max_size=4),
        min_size=1,
        max_size=12,
    )
)
def test_every_known_cost_is_the_cost_a_fresh_count_gives(calls: list[dict[str, Any]]) -> None:
    known = KnownCosts()
    for variables in calls:
        for document in (PAGED, LITERAL):
            assert known.cost(SCHEMA, document, None, variables) == operation_cost(
                SCHEMA, document, None, variables
            )


def test_a_new_after_is_not_counted_again() -> None:
    known = KnownCosts()
    first = known.cost(SCHEMA, LITERAL, None, {"after": None})
    held = known.held(LITERAL)
    assert len(held) == 1
    for after in ("a", "b", "c"):
        assert known.cost(SCHEMA, LITERAL, None, {"after": after}) == first
    assert known.held(LITERAL) == held
    # `first: $n` is read by the count: each value is counted and kept apart
    small = known.cost(SCHEMA, PAGED, None, {"n": 2, "inner": 3})
    large = known.cost(SCHEMA, PAGED, None, {"n": 200, "inner": 3})
    assert small < large
    assert known.cost(SCHEMA, PAGED, None, {"n": 2, "inner": 3, "after": "x"}) == small
    assert len(known.held(PAGED)) == 2
