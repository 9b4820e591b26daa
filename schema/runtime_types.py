"""The object type a value completes as, remembered per Python class.

graphql-core asks strawberry, for every value of an abstract field, which object type it is
(a union's `resolve_type` walks the type map; an interface's tries `isinstance`), and for
every value of an object type that implements an interface whether it really is one
(`is_type_of`). For a value of a plain strawberry type neither answer depends on more than the
value's class, so it is asked once per class and remembered. (An object type without
`is_type_of` takes any value, as in graphql-core.) Values cast with
`strawberry.cast`, generic types, and types with their own `is_type_of` or `resolve_type` are
never remembered: their fields go the standard way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from graphql import (
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLResolveInfo,
    GraphQLSchema,
    GraphQLUnionType,
)
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.base import StrawberryObjectDefinition
from strawberry.types.cast import TYPE_CAST_ATTRIBUTE
from strawberry.types.union import StrawberryUnion

Composite = GraphQLObjectType | GraphQLInterfaceType | GraphQLUnionType

_UNKNOWN = object()
_KNOWN: dict[tuple[Composite, type], Any] = {}
"""Per (field's named type, value's class): the object type, or _UNKNOWN."""


def _definition(graphql_type: Composite) -> Any:
    return (graphql_type.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)


def _is_own_type(value: Any, object_type: GraphQLObjectType) -> bool:
    """True when strawberry's own checks make `value` complete as `object_type` by its class."""
    definition = getattr(type(value), "__strawberry_definition__", None)
    if definition is not _definition(object_type):
        return False
    if not isinstance(definition, StrawberryObjectDefinition) or definition.is_graphql_generic:
        return False
    if object_type.is_type_of is None:
        return True
    # strawberry's generated check (an isinstance over the class and its interfaces) ignores
    # the resolve info; a type's own is_type_of is not trusted to.
    is_type_of: Any = object_type.is_type_of
    return definition.is_type_of is None and is_type_of(value, None) is True


def _resolved(
    value: Any,
    named: Composite,
    schema: GraphQLSchema,
    info: Callable[[], GraphQLResolveInfo[Any]],
    type_resolver: Any,
) -> GraphQLObjectType | None:
    if isinstance(named, GraphQLObjectType):
        # Without is_type_of graphql-core completes any value as the field's type (a
        # generic strawberry type's values are instances of the generic class).
        if named.is_type_of is None or _is_own_type(value, named):
            return named
        return None
    definition = _definition(named)
    if isinstance(named, GraphQLUnionType):
        if not isinstance(definition, StrawberryUnion):
            return None
    elif not isinstance(definition, StrawberryObjectDefinition) or definition.resolve_type:
        return None
    resolve_type = named.resolve_type or type_resolver
    try:
        name = resolve_type(value, info(), named)
    except Exception:
        return None
    if not isinstance(name, str):
        return None
    runtime = schema.get_type(name)
    if not isinstance(runtime, GraphQLObjectType) or not schema.is_sub_type(named, runtime):
        return None
    return runtime if _is_own_type(value, runtime) else None


class NotLearnt:
    """The class of a value not yet met in a field of this type."""


NOT_LEARNT = NotLearnt()


def runtime_type(value: Any, named: Composite) -> GraphQLObjectType | NotLearnt | None:
    """The object type `value` completes as in a field of type `named`, NOT_LEARNT (call
    `learn_runtime_type`), or None: ask graphql-core."""
    if getattr(value, TYPE_CAST_ATTRIBUTE, None) is not None:
        return None
    known = _KNOWN.get((named, type(value)))
    if known is None:
        return NOT_LEARNT
    return known if isinstance(known, GraphQLObjectType) else None


def learn_runtime_type(
    value: Any,
    named: Composite,
    schema: GraphQLSchema,
    info: Callable[[], GraphQLResolveInfo[Any]],
    type_resolver: Any,
) -> GraphQLObjectType | None:
    """What `runtime_type` will say for values of this class, asking strawberry once; `info`
    builds the resolve info (a union's resolver reads it)."""
    known = _resolved(value, named, schema, info, type_resolver)
    _KNOWN[(named, type(value))] = known or _UNKNOWN
    return known


def by_runtime_type(
    values: Sequence[Any], named: Composite
) -> tuple[dict[GraphQLObjectType, list[int]], list[int]]:
    """The positions of the values that complete as each object type (`runtime_type`, asked
    once per class), and of those `runtime_type` cannot tell (cast, or not learnt yet)."""
    grouped: dict[GraphQLObjectType, list[int]] = {}
    untold: list[int] = []
    of_class: dict[type, list[int] | None] = {}
    for position, value in enumerate(values):
        if getattr(value, TYPE_CAST_ATTRIBUTE, None) is not None:
            untold.append(position)
            continue
        cls = type(value)
        try:
            positions = of_class[cls]
        except KeyError:
            known = runtime_type(value, named)
            positions = of_class[cls] = (
                grouped.setdefault(known, []) if isinstance(known, GraphQLObjectType) else None
            )
        if positions is None:
            untold.append(position)
        else:
            positions.append(position)
    return grouped, untold
