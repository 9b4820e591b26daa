"""Orderings of the root lists (their filters: schema/filters.py)."""

from __future__ import annotations

from enum import Enum

import strawberry

from graph.store import Order, SortField
from schema.enums import DatedOrderField, EntityOrderField, OrderDirection


class _SortOrder:
    """The store's Order from a sort field and a direction (the inputs below declare both)."""

    field: Enum
    direction: OrderDirection

    def order(self) -> Order:
        return Order(SortField(self.field.value), self.direction is OrderDirection.DESC)


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


@strawberry.input(description="Sort order; ties in the sort key are broken by id.")
class DatedOrder(_SortOrder):
    field: DatedOrderField = strawberry.field(default=DatedOrderField.NAME, description=FIELD_HELP)
    direction: OrderDirection = strawberry.field(
        default=OrderDirection.ASC, description=DIRECTION_HELP
    )
