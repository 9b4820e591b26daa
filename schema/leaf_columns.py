"""A leaf field's values for a whole column of objects, coerced as graphql-core coerces each.

A page's names, ids and sectors are read for all of its objects together
(schema/planned_executor.py `_fill_objects`). graphql-core coerces each value by itself: a
string scalar checks it has a string, strawberry's enum types scan their values for the
member's. Where every value of the column already has the scalar's own Python type, each
coerces to itself, so the column is checked once; an enum member's name is looked up once
per member and remembered. A column holding anything else (a null, an int for a string, a
value the type refuses) is coerced a value at a time by the caller, as before.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from graphql import (
    GRAPHQL_MAX_INT,
    GRAPHQL_MIN_INT,
    GraphQLBoolean,
    GraphQLEnumType,
    GraphQLFloat,
    GraphQLID,
    GraphQLInt,
    GraphQLLeafType,
    GraphQLString,
)

Column = Callable[[list[Any]], list[Any] | None]
"""The column's coerced values, or None: coerce it a value at a time."""


def _strings(values: list[Any]) -> list[Any] | None:
    return values if all(type(value) is str for value in values) else None


def _booleans(values: list[Any]) -> list[Any] | None:
    return values if all(type(value) is bool for value in values) else None


def _ints(values: list[Any]) -> list[Any] | None:
    if all(type(value) is int and GRAPHQL_MIN_INT <= value <= GRAPHQL_MAX_INT for value in values):
        return values
    return None


def _floats(values: list[Any]) -> list[Any] | None:
    if all(type(value) is float and math.isfinite(value) for value in values):
        return values
    return None


class _EnumNames:
    """The names of a strawberry enum's members, learnt from the type's own coercion."""

    def __init__(self, enum_type: GraphQLEnumType, members: type) -> None:
        self.enum_type = enum_type
        self.members = members
        self.names: dict[Any, str] = {}

    def __call__(self, values: list[Any]) -> list[Any] | None:
        members = self.members
        if not all(type(value) is members for value in values):
            return None
        names = self.names
        try:
            return [names[value] if value in names else self._learn(value) for value in values]
        except Exception:
            return None

    def _learn(self, member: Any) -> str:
        name: str = self.enum_type.coerce_output_value(member)
        self.names[member] = name
        return name


_BUILT_IN: tuple[tuple[GraphQLLeafType, Column], ...] = (
    (GraphQLString, _strings),
    (GraphQLID, _strings),
    (GraphQLBoolean, _booleans),
    (GraphQLInt, _ints),
    (GraphQLFloat, _floats),
)


def column_coercion(leaf_type: GraphQLLeafType) -> Column | None:
    """How to coerce a column of the type's values at once; None: a value at a time."""
    for built_in, column in _BUILT_IN:
        if leaf_type is built_in:
            return column
    members = getattr(leaf_type, "wrapped_cls", None)
    if isinstance(leaf_type, GraphQLEnumType) and isinstance(members, type):
        return _EnumNames(leaf_type, members)
    return None
