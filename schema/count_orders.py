"""Sorting a list by how many ties each node has along one of its relationship fields: the
`Relationship` enum (one value per relationship field, schema/relations.py) and `TieOrder`,
the order a relationship field's own list takes.

A node counts the ties its own relationship field of that name lists (its `totalCount`); a
list whose nodes' kinds all lack the field is refused, and in a list of several kinds (an
`Actor`'s people and organisations) a node whose kind lacks it counts 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import TYPE_CHECKING, TypeAlias, cast

import strawberry

from graph.errors import BadInputError
from graph.model import NodeKind
from graph.store import TieCount
from schema.enums import OrderDirection
from schema.relations import RELATIONS

NAMES: tuple[str, ...] = tuple(dict.fromkeys(name for kind in NodeKind for name in RELATIONS[kind]))
"""Every relationship field's (Python) name, in the order the kinds declare them."""


def _camel(name: str) -> str:
    first, *rest = name.split("_")
    return first + "".join(part.title() for part in rest)


def _kinds_with(name: str) -> tuple[NodeKind, ...]:
    return tuple(kind for kind in NodeKind if name in RELATIONS[kind])


def _relationship_enum() -> type[Enum]:
    members = {
        name.upper(): strawberry.enum_value(
            name,
            description=f"The `{_camel(name)}` of "
            + ", ".join(kind.value for kind in _kinds_with(name))
            + ".",
        )
        for name in NAMES
    }
    made = cast(type[Enum], Enum("Relationship", members))
    strawberry.enum(
        made,
        description="A relationship field, by which a list can be sorted: how many ties each "
        "node's field of that name lists (its `totalCount`).",
    )
    return made


# The enum is made from the relations; mypy sees an Enum, strawberry the generated one.
if TYPE_CHECKING:
    Relationship: TypeAlias = Enum
else:
    Relationship = _relationship_enum()


def tie_count(kinds: Sequence[NodeKind], relationship: Enum) -> TieCount:
    """The count `relationship` names, for a list of nodes of `kinds`."""
    name = str(relationship.value)
    hops = tuple(RELATIONS[kind][name] for kind in kinds if name in RELATIONS[kind])
    if not hops:
        having = sorted(
            other.upper() for other in NAMES if any(other in RELATIONS[k] for k in kinds)
        )
        raise BadInputError(
            f"{'/'.join(kind.value for kind in kinds)} nodes have no `{_camel(name)}`; "
            f"they can be sorted by the count of: {', '.join(having) or 'nothing'}.",
            "orderBy",
        )
    return TieCount(name, hops)


@strawberry.input(
    description="Sort a relationship field's ties by how many ties each far node has along "
    "`count`, then by node id and tie id (all in `direction`)."
)
class TieOrder:
    count: Relationship = strawberry.field(
        description="The far nodes' relationship field whose ties are counted (its "
        "`totalCount`); a far node of a kind without it counts 0."
    )
    direction: OrderDirection = strawberry.field(
        default=OrderDirection.ASC,
        description="Ascending (the default) or descending; the ids break ties the same way.",
    )

    def descending(self) -> bool:
        return self.direction is OrderDirection.DESC
