"""Orderings of the root lists (their filters: schema/filters.py)."""

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry

from graph.model import NodeKind
from graph.store import Order, SortField
from schema.count_orders import Relationship, tie_count
from schema.enums import DatedOrderField, EntityOrderField, OrderDirection


def _by_count() -> Any:
    return strawberry.field(
        default=None,
        description="Sort by how many ties each node's relationship field of this name lists "
        "(its `totalCount`) instead of by `field`; ties in the count are broken by id.",
    )


class _SortOrder:
    """The store's Order from a sort field or a count, and a direction (the inputs below
    declare them)."""

    field: Enum
    direction: OrderDirection
    count: Relationship | None

    def order(self, kind: NodeKind) -> Order:
        descending = self.direction is OrderDirection.DESC
        counted = None if self.count is None else tie_count((kind,), self.count)
        return Order(SortField(self.field.value), descending, counted)


FIELD_HELP = "What to sort by (by default the name, in Finnish order)."
DIRECTION_HELP = "Ascending (the default) or descending; ties are broken by id the same way."


@strawberry.input(description="Sort order; ties in the sort key are broken by id.")
class EntityOrder(_SortOrder):
    field: EntityOrderField = strawberry.field(
        default=EntityOrderField.NAME, description=FIELD_HELP
    )
    direction: OrderDirection = strawberry.field(
        default=OrderDirection.ASC, description=DIRECTION_HELP
    )
    count: Relationship | None = _by_count()


@strawberry.input(description="Sort order; ties in the sort key are broken by id.")
class DatedOrder(_SortOrder):
    field: DatedOrderField = strawberry.field(default=DatedOrderField.NAME, description=FIELD_HELP)
    direction: OrderDirection = strawberry.field(
        default=OrderDirection.ASC, description=DIRECTION_HELP
    )
    count: Relationship | None = _by_count()
