"""Which fields are plain reads, and how to read them.

A "plain read" is a field whose value is an attribute of its object, or what a synchronous
method of the object taking nothing but `self` returns, with no arguments and no field
extensions. Most of a large answer is such fields (a network's thousands of nodes and edges, a
page's names and dates, a connection's edges and each edge's node), and graphql-core spends on
each a path, a resolve-info object, the resolver wrapper and the completion dispatch. The
planned executor (schema/planned_executor.py) reads them directly.

A plain read has no side effects, so where its value is unusual the field is simply read again
by graphql-core.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLLeafType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
    GraphQLUnionType,
    Undefined,
)
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.field import StrawberryField

from schema.leaf_columns import Column, column_coercion

Read = Callable[[Any], Any]
Composite = GraphQLObjectType | GraphQLInterfaceType | GraphQLUnionType


@dataclass(frozen=True)
class LeafRead:
    """A scalar or enum field read plainly."""

    read: Read
    type: GraphQLLeafType
    nullable: bool
    column: Column | None
    """How a column of its values is coerced at once (schema/leaf_columns.py)."""


@dataclass(frozen=True)
class ObjectRead:
    """An object, interface or union field (or a list of them) read plainly."""

    read: Read
    type: GraphQLOutputType
    """The field's type, as graphql-core sees it (for its errors)."""
    nullable: bool
    item_type: GraphQLOutputType | None
    """For a list: the type of its items; None for one object."""
    named: Composite


def _reader(field: GraphQLField) -> Read | None:
    if field.args:
        return None
    definition = (field.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    if not isinstance(definition, StrawberryField) or definition.extensions:
        return None
    resolve = field.resolve
    if resolve is not None and getattr(resolve, "_is_default", False):
        if definition.default_resolver is getattr:
            return attrgetter(definition.python_name)
        return lambda source: resolve(source, None)
    resolver = definition.base_resolver
    if resolver is None or resolver.is_async or resolver.arguments:
        return None
    if [parameter.name for parameter in resolver.signature.parameters.values()] != ["self"]:
        return None
    method = resolver.wrapped_func
    return method if callable(method) else None


def _plain_read(field: GraphQLField) -> LeafRead | ObjectRead | None:
    read = _reader(field)
    if read is None:
        return None
    nullable = not isinstance(field.type, GraphQLNonNull)
    value_type = field.type.of_type if isinstance(field.type, GraphQLNonNull) else field.type
    if isinstance(value_type, GraphQLScalarType | GraphQLEnumType):
        return LeafRead(read, value_type, nullable, column_coercion(value_type))
    if isinstance(value_type, Composite):
        return ObjectRead(read, field.type, nullable, None, value_type)
    if isinstance(value_type, GraphQLList):
        item_type = value_type.of_type
        named = item_type.of_type if isinstance(item_type, GraphQLNonNull) else item_type
        if isinstance(named, Composite):
            return ObjectRead(read, field.type, nullable, item_type, named)
    return None


_READS: dict[int, tuple[GraphQLField, LeafRead | ObjectRead | None]] = {}
"""Per GraphQL field (kept alive beside its id): how to read it plainly, or None."""


def plain_read(field: GraphQLField) -> LeafRead | ObjectRead | None:
    known = _READS.get(id(field))
    if known is None:
        known = (field, _plain_read(field))
        _READS[id(field)] = known
    return known[1]


def read_leaf(read: LeafRead, source: Any) -> Any:
    """The field's completed value, or Undefined where the standard path must decide."""
    try:
        value = read.read(source)
        if value is None:
            return None if read.nullable else Undefined
        coerced = read.type.coerce_output_value(value)
    except Exception:
        return Undefined
    if coerced is None:
        return Undefined
    return coerced


def read_leaves(read: LeafRead, sources: Sequence[Any]) -> list[Any] | None:
    """The field's completed values for every source, or None where they are to be taken one
    at a time (read_leaf): a read that raises, a null, a value of another type."""
    column = read.column
    if column is None:
        return None
    try:
        values = list(map(read.read, sources))
    except Exception:
        return None
    return column(values)
