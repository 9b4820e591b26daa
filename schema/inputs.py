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


@strawberry.input(description="Sort order; ties in the sort key are broken by id.")
class EntityOrder(_SortOrder):
    field: EntityOrderField = EntityOrderField.NAME
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Sort order; ties in the sort key are broken by id.")
class DatedOrder(_SortOrder):
    field: DatedOrderField = DatedOrderField.NAME
    direction: OrderDirection = OrderDirection.ASC
