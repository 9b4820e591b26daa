"""Fields whose strawberry resolver the planned executor calls itself.

strawberry calls a resolver through a wrapper that converts the field's arguments into its
Python input types on every call: a root list's `filter` and `orderBy` are ~40 conversions a
request, a fifth of a page's own work. Where the wrapper would do nothing else around the
call (the field has a resolver, no field extensions, which is where permissions live, and no
exception handler), the planned executor (schema/planned_executor.py) calls the resolver as
the wrapper would: the source as `self`, `parent` or `root`, strawberry's `Info`, and the
converted arguments. An argument written without variables converts the same way in every
request running the operation, so its conversion is kept with the operation's plans; one that
names a variable is converted per request.

A conversion kept is shared by concurrent requests: resolvers read their arguments and never
change them. An input type that builds itself from the request (strawberry's `from_input`)
makes its field ineligible, as its value is the request's own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from graphql import (
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLResolveInfo,
    GraphQLSchema,
    get_named_type,
)
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.arguments import convert_arguments
from strawberry.types.field import StrawberryField


@dataclass(frozen=True)
class DirectField:
    """A field whose resolver is called with the arguments converted as strawberry would."""

    definition: StrawberryField
    resolve: Callable[..., Any]
    """The resolver's own function."""
    converter: GraphQLCoreConverter
    takes_self: bool
    source_names: tuple[str, ...]
    """The resolver's `parent` and `root` parameters: each is given the source."""
    info_name: str | None

    def convert(self, raw: dict[str, Any]) -> dict[str, Any]:
        """The arguments in `raw` (as graphql-core coerced them, by GraphQL name) as the
        resolver takes them (by Python name, input objects built)."""
        return convert_arguments(
            raw,
            self.definition.arguments,
            scalar_registry=self.converter.scalar_registry,
            config=self.converter.config,
        )

    def call(self, source: Any, info: GraphQLResolveInfo[Any], arguments: Mapping[str, Any]) -> Any:
        """What strawberry's wrapper gives for these converted arguments."""
        resolve = self.resolve
        kwargs = dict(arguments)
        for name in self.source_names:
            kwargs[name] = source
        if self.info_name is not None:
            kwargs[self.info_name] = self.converter.config.info_class(
                _raw_info=info, _field=self.definition
            )
        if self.takes_self:
            return resolve(source, **kwargs)
        return resolve(**kwargs)


def _builds_itself(graphql_type: GraphQLInputType, seen: set[str]) -> bool:
    named = get_named_type(graphql_type)
    if not isinstance(named, GraphQLInputObjectType) or named.name in seen:
        return False
    seen.add(named.name)
    definition = (named.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    if getattr(definition, "from_input", None) is not None:
        return True
    return any(_builds_itself(field.type, seen) for field in named.fields.values())


def _direct_field(field: GraphQLField, schema: GraphQLSchema) -> DirectField | None:
    definition = (field.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    if not isinstance(definition, StrawberryField) or definition.extensions:
        return None
    resolver = definition.base_resolver
    strawberry_schema = getattr(schema, "_strawberry_schema", None)
    if (
        resolver is None
        or not callable(resolver.wrapped_func)
        or field.resolve is None
        or strawberry_schema is None
    ):
        return None
    converter: GraphQLCoreConverter = strawberry_schema.schema_converter
    if converter.exception_handlers:
        return None
    seen: set[str] = set()
    if any(_builds_itself(argument.type, seen) for argument in field.args.values()):
        return None
    return DirectField(
        definition,
        resolver.wrapped_func,
        converter,
        takes_self=resolver.self_parameter is not None,
        source_names=tuple(
            parameter.name
            for parameter in (resolver.parent_parameter, resolver.root_parameter)
            if parameter is not None
        ),
        info_name=None if resolver.info_parameter is None else resolver.info_parameter.name,
    )


_DIRECT: dict[int, tuple[GraphQLField, DirectField | None]] = {}
"""Per GraphQL field (kept alive beside its id): how to call it directly, or None."""


def direct_field(field: GraphQLField, schema: GraphQLSchema) -> DirectField | None:
    known = _DIRECT.get(id(field))
    if known is None or known[0] is not field:
        known = (field, _direct_field(field, schema))
        _DIRECT[id(field)] = known
    return known[1]
