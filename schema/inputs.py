"""Filters and orderings of the root lists, and how they become store conditions."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from types import GenericAlias
from typing import Any

import strawberry

from graph import dates
from graph.model import INSTANT_KINDS, KIND_SPECS, Field, NodeKind
from graph.store import Condition, Op, Order, SortField
from resolvers import global_ids
from schema.enums import DatedOrderField, EntityOrderField, OrderDirection
from schema.scalars import PartialDate


@strawberry.input(description="Conditions every returned node meets (all of them).")
class EntityFilter:
    ids: list[strawberry.ID] | None = strawberry.field(default=None, description="Global ids.")
    name_contains: str | None = strawberry.field(
        default=None, description="Case-insensitive substring of the name."
    )

    def conditions(self, kind: NodeKind) -> list[Condition]:
        found: list[Condition] = []
        if self.ids is not None:
            slugs = tuple(global_ids.decode_as(kind, str(i)) for i in self.ids)
            found.append(Condition("id", Op.IN, slugs))
        if self.name_contains:
            found.append(Condition("name", Op.CONTAINS, self.name_contains))
        return found


@strawberry.input(
    description="Also: active at some time in a period, by the node's own dates (open ends "
    "allowed; an event or story with only a start ends when it starts, at its precision)."
)
class DatedFilter(EntityFilter):
    active_from: PartialDate | None = None
    active_to: PartialDate | None = None

    def conditions(self, kind: NodeKind) -> list[Condition]:
        found = super().conditions(kind)
        if self.active_from:
            op = Op.INSTANT_FROM if kind in INSTANT_KINDS else Op.ACTIVE_FROM
            found.append(Condition("end", op, dates.first_day(self.active_from)))
        if self.active_to:
            found.append(Condition("start", Op.ACTIVE_TO, dates.last_day(self.active_to)))
        return found


def _kind_filter(kind: NodeKind) -> type[EntityFilter]:
    """The root list's filter for `kind`: by period if it has one, and by the fields its spec
    names (`OrganisationFilter`, `EventFilter`...)."""
    spec = KIND_SPECS[kind]
    base = DatedFilter if spec.spans else EntityFilter
    if not spec.filters:
        return base
    by_name = {f.name: f for f in spec.fields}
    fields = [by_name[name] for name in spec.filters]

    def conditions(self: EntityFilter, kind: NodeKind) -> list[Condition]:
        found = base.conditions(self, kind)
        for field in fields:
            value = getattr(self, field.attribute)
            if value is None:
                continue
            if field.choices is None:
                found.append(Condition(field.name, Op.EQUALS, value))
            else:
                found.append(Condition(field.name, Op.IN, tuple(v.value for v in value)))
        return found

    namespace: dict[str, Any] = {
        "__annotations__": {f.attribute: _filter_type(f) for f in fields},
        **{f.attribute: None for f in fields},
        "conditions": conditions,
        "__module__": __name__,
    }
    return strawberry.input(type(f"{kind.value}Filter", (base,), namespace))


def _filter_type(field: Field) -> object:
    """Text equals one value; a field with choices takes a list of them."""
    return str | None if field.choices is None else GenericAlias(list, field.choices) | None


KIND_FILTERS: Mapping[NodeKind, type[EntityFilter]] = {
    kind: _kind_filter(kind) for kind in NodeKind
}


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
