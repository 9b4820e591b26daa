"""An executor that completes plain reads without graphql-core's per-field machinery.

A "plain read" is a field whose value is an attribute of its object, or what a synchronous
method of the object taking nothing but `self` returns, with a scalar or enum type, no
arguments and no field extensions. Most of a large answer is such fields (a network's
thousands of nodes and edges, a page's names and dates), and graphql-core spends on each a
path, a resolve-info object, the resolver wrapper and the completion dispatch: about ten
microseconds a field. Here such a field is read and coerced directly.

Anything unusual goes the standard way, so answers, errors and nulls are exactly those of the
standard executor: a field that is not a plain read, a value that is None or does not coerce,
a read that raises, and every deferred selection. The read is then simply done again by
graphql-core (a plain read has no side effects).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLLeafType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    Undefined,
)
from graphql.execution.collect_fields import GroupedFieldSet
from graphql.pyutils import Path, gather_with_cancel
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.field import StrawberryField

Read = Callable[[Any], Any]


@dataclass(frozen=True)
class PlainRead:
    read: Read
    type: GraphQLLeafType
    nullable: bool


def _plain_read(field: GraphQLField) -> PlainRead | None:
    if field.args:
        return None
    nullable = not isinstance(field.type, GraphQLNonNull)
    value_type = field.type.of_type if isinstance(field.type, GraphQLNonNull) else field.type
    if not isinstance(value_type, GraphQLScalarType | GraphQLEnumType):
        return None
    definition = (field.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    if not isinstance(definition, StrawberryField) or definition.extensions:
        return None
    resolve = field.resolve
    if resolve is not None and getattr(resolve, "_is_default", False):
        if definition.default_resolver is getattr:
            return PlainRead(attrgetter(definition.python_name), value_type, nullable)
        return PlainRead(lambda source: resolve(source, None), value_type, nullable)
    resolver = definition.base_resolver
    if resolver is None or resolver.is_async or resolver.arguments:
        return None
    if [parameter.name for parameter in resolver.signature.parameters.values()] != ["self"]:
        return None
    method = resolver.wrapped_func
    if not callable(method):
        return None
    return PlainRead(method, value_type, nullable)


_READS: dict[int, tuple[GraphQLField, PlainRead | None]] = {}
"""Per GraphQL field (kept alive beside its id): how to read it plainly, or None."""


def plain_read(field: GraphQLField) -> PlainRead | None:
    known = _READS.get(id(field))
    if known is None:
        known = (field, _plain_read(field))
        _READS[id(field)] = known
    return known[1]


Plan = tuple[tuple[str, PlainRead | None], ...]


class PlainReadsExecutor(StrawberryGraphQLCoreExecutionContext):
    """graphql-core's executor, with plain reads done directly (see the module's text)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._plans: dict[int, tuple[GroupedFieldSet, Plan | None]] = {}

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        grouped_field_set: GroupedFieldSet,
        position_context: Any,
    ) -> Any:
        plan = None
        middleware = self.middleware_manager
        if position_context is None and (middleware is None or not middleware.middlewares):
            plan = self._plan(parent_type, grouped_field_set)
        if plan is None:
            return super().execute_fields(
                parent_type, source_value, path, grouped_field_set, position_context
            )
        results: dict[str, Any] = {}
        awaitable_fields: list[str] = []
        is_awaitable = self.is_awaitable
        try:
            for response_name, read in plan:
                if read is not None:
                    value = _read_plainly(read, source_value)
                    if value is not Undefined:
                        results[response_name] = value
                        continue
                result = self.execute_field(
                    parent_type,
                    source_value,
                    grouped_field_set[response_name],
                    Path(path, response_name, parent_type.name),
                    position_context,
                )
                if result is not Undefined:
                    results[response_name] = result
                    if is_awaitable(result):
                        awaitable_fields.append(response_name)
        except Exception:
            if awaitable_fields:
                self.settle_in_background([results[name] for name in awaitable_fields])
            raise
        if not awaitable_fields:
            return results
        # Some fields were not plain reads and are still resolving: let graphql-core gather
        # them as it gathers its own (settling the others if one fails).
        return self._gather(results, awaitable_fields)

    async def _gather(self, results: dict[str, Any], awaitable_fields: list[str]) -> Any:
        awaited = await gather_with_cancel(*(results[name] for name in awaitable_fields))
        results.update(zip(awaitable_fields, awaited, strict=True))
        return results

    def _plan(
        self, parent_type: GraphQLObjectType, grouped_field_set: GroupedFieldSet
    ) -> Plan | None:
        known = self._plans.get(id(grouped_field_set))
        if known is not None:
            return known[1]
        steps: list[tuple[str, PlainRead | None]] = []
        for response_name, details in grouped_field_set.items():
            field = self.schema.get_field(parent_type, details[0].node.name.value)
            read = None
            if field is not None and not details[0].node.arguments:
                read = plain_read(field)
            steps.append((response_name, read))
        plan = tuple(steps) if any(read for _, read in steps) else None
        self._plans[id(grouped_field_set)] = (grouped_field_set, plan)
        return plan


def _read_plainly(read: PlainRead, source: Any) -> Any:
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
