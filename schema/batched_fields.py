"""Fields that can be resolved for many objects at once.

A connection field of every project on a page (`participants(first: 10)` of 100 projects) is
resolved by graphql-core once per project: a resolve-info object, strawberry's resolver
wrapper and argument conversion, a coroutine and a DataLoader future each. A field registered
here with `resolved_in_batches` also has a function that resolves it for a whole list of
objects with the same arguments in one call; the planned executor (schema/planned_executor.py)
uses it where it completes a list a level at a time, and calls the field's own resolver
everywhere else.

The batch function must give, object for object, what the field's resolver gives. Where it
cannot (a bad argument, a value it does not expect) it raises, and the executor completes the
list the standard way, so errors are the resolver's own.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from graphql import GraphQLField, GraphQLList, GraphQLNonNull, GraphQLSchema
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.arguments import convert_arguments
from strawberry.types.field import StrawberryField

from schema.plain_reads import Composite, ObjectRead

ResolveMany = Callable[[Any, Sequence[Any], Mapping[str, Any]], Awaitable[Sequence[Any]]]
"""(the request's context, the objects, the field's arguments as the resolver takes them)
-> the field's value for each object, in order."""

Method = TypeVar("Method", bound=Callable[..., Any])

_MANY: dict[Callable[..., Any], ResolveMany] = {}


def resolved_in_batches(many: ResolveMany) -> Callable[[Method], Method]:
    """Registers `many` as the batch form of the decorated resolver (put it under
    `@strawberry.field`)."""

    def register(method: Method) -> Method:
        _MANY[method] = many
        return method

    return register


def _unread(_source: Any) -> Any:
    raise TypeError("a batched field is resolved, not read")


@dataclass(frozen=True)
class BatchedField:
    field: GraphQLField
    many: ResolveMany
    definition: StrawberryField
    defaults: Mapping[str, Any]
    """The resolver's own defaults, for arguments the query leaves out."""
    value: ObjectRead
    """The field's type, as an object field's (its value is completed as a read one's is)."""

    def resolve(
        self, schema: GraphQLSchema, context: Any, sources: Sequence[Any], raw: dict[str, Any]
    ) -> Awaitable[Sequence[Any]]:
        """`raw`: the arguments as graphql-core coerced them."""
        strawberry_schema = getattr(schema, "_strawberry_schema")  # noqa: B009 (set by strawberry)
        converter = strawberry_schema.schema_converter
        arguments = convert_arguments(
            raw,
            self.definition.arguments,
            scalar_registry=converter.scalar_registry,
            config=strawberry_schema.config,
        )
        return self.many(context, sources, {**self.defaults, **arguments})


def _batched_field(field: GraphQLField) -> BatchedField | None:
    definition = (field.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    if not isinstance(definition, StrawberryField) or definition.extensions:
        return None
    resolver = definition.base_resolver
    method = None if resolver is None else resolver.wrapped_func
    many = _MANY.get(method) if callable(method) else None
    if resolver is None or many is None:
        return None
    nullable = not isinstance(field.type, GraphQLNonNull)
    value_type = field.type.of_type if isinstance(field.type, GraphQLNonNull) else field.type
    if isinstance(value_type, GraphQLList) or not isinstance(value_type, Composite):
        return None
    defaults = {
        name: parameter.default
        for name, parameter in resolver.signature.parameters.items()
        if parameter.default is not inspect.Parameter.empty
    }
    value = ObjectRead(_unread, field.type, nullable, None, value_type)
    return BatchedField(field, many, definition, defaults, value)


_BATCHED: dict[int, tuple[GraphQLField, BatchedField | None]] = {}
"""Per GraphQL field (kept alive beside its id): its batch form, or None."""


def batched_field(field: GraphQLField) -> BatchedField | None:
    known = _BATCHED.get(id(field))
    if known is None:
        known = (field, _batched_field(field))
        _BATCHED[id(field)] = known
    return known[1]
