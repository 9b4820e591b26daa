"""A column of leaf values coerced at once (schema/leaf_columns.py) is what graphql-core's
coercion of each value gives, for every built-in scalar and strawberry enum; a column it does
not take at once (a null, a value of another type, one out of range) is left to be coerced a
value at a time."""

from __future__ import annotations

import math
from enum import Enum
from typing import Any

import strawberry
from graphql import (
    GraphQLBoolean,
    GraphQLEnumType,
    GraphQLFloat,
    GraphQLID,
    GraphQLInt,
    GraphQLLeafType,
    GraphQLString,
)
from hypothesis import given
from hypothesis import strategies as st

from schema.leaf_columns import column_coercion


class Colour(Enum):
    RED = "red"
    GREEN = "green"
    BLUE = "blue"


class Shade(Enum):
    RED = "red"


@strawberry.type
class Query:
    colour: Colour = Colour.RED


def _strawberry_enum() -> GraphQLEnumType:
    enum_type = strawberry.Schema(Query, types=[strawberry.enum(Colour)])._schema.get_type("Colour")
    assert isinstance(enum_type, GraphQLEnumType)
    return enum_type


COLOUR = _strawberry_enum()
VALUES = st.one_of(
    st.text(max_size=5),
    st.integers(min_value=-(2**40), max_value=2**40),
    st.booleans(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.none(),
    st.sampled_from([*Colour, Shade.RED]),
)
TYPES: list[GraphQLLeafType] = [
    GraphQLString,
    GraphQLID,
    GraphQLInt,
    GraphQLFloat,
    GraphQLBoolean,
    COLOUR,
]


def _one_at_a_time(leaf_type: GraphQLLeafType, values: list[Any]) -> list[Any] | None:
    try:
        return [leaf_type.coerce_output_value(value) for value in values]
    except Exception:
        return None


@given(st.sampled_from(TYPES), st.lists(VALUES, max_size=6))
def test_a_column_taken_at_once_is_coerced_as_each_value_is(
    leaf_type: GraphQLLeafType, values: list[Any]
) -> None:
    column = column_coercion(leaf_type)
    assert column is not None
    taken = column(list(values))
    if taken is not None:
        assert None not in values, "a null is the caller's to decide"
        expected = _one_at_a_time(leaf_type, values)
        assert expected is not None
        assert taken == expected
        assert [type(value) for value in taken] == [type(value) for value in expected]


@given(
    st.one_of(
        st.tuples(st.just(GraphQLString), st.lists(st.text(max_size=5))),
        st.tuples(st.just(GraphQLID), st.lists(st.text(max_size=5))),
        st.tuples(
            st.just(GraphQLInt), st.lists(st.integers(min_value=-(2**31), max_value=2**31 - 1))
        ),
        st.tuples(
            st.just(GraphQLFloat), st.lists(st.floats(allow_nan=False, allow_infinity=False))
        ),
        st.tuples(st.just(GraphQLBoolean), st.lists(st.booleans())),
        st.tuples(st.just(COLOUR), st.lists(st.sampled_from(list(Colour)))),
    )
)
def test_a_column_of_the_type_s_own_values_is_taken_at_once(
    typed: tuple[GraphQLLeafType, list[Any]],
) -> None:
    leaf_type, values = typed
    column = column_coercion(leaf_type)
    assert column is not None
    assert column(list(values)) == _one_at_a_time(leaf_type, values)


def test_columns_a_value_at_a_time_stays_the_way_for() -> None:
    string_column = column_coercion(GraphQLString)
    int_column = column_coercion(GraphQLInt)
    float_column = column_coercion(GraphQLFloat)
    colour_column = column_coercion(COLOUR)
    assert string_column is not None
    assert int_column is not None
    assert float_column is not None
    assert colour_column is not None
    assert string_column(["a", None]) is None
    assert string_column(["a", 1]) is None, "graphql-core writes 1 as '1': one at a time"
    assert int_column([1, 2**31]) is None, "out of range: graphql-core's error"
    assert int_column([1, True]) is None
    assert float_column([1.0, math.inf]) is None
    assert colour_column([Colour.RED, Shade.RED]) is None
    assert colour_column([Colour.RED, Colour.BLUE, Colour.RED]) == ["RED", "BLUE", "RED"]
    plain_enum = GraphQLEnumType("Plain", {"A": 1})
    assert column_coercion(plain_enum) is None, "graphql-core's own enums: one at a time"
