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

ENTITY_FILTER = "Conditions every returned node meets (all of them)."
DATED_FILTER = (
    f"{ENTITY_FILTER} Also: active at some time in a period, by the node's own dates (open "
    "ends allowed; an event or story with only a start ends when it starts, at its precision)."
)


@strawberry.input(description=ENTITY_FILTER)
class EntityFilter:
    ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Only the nodes with these global ids (of the list's kind)."
    )
    name_contains: str | None = strawberry.field(
        default=None,
        description="Only nodes whose name contains this text, ignoring case (accents count: "
        "use `searchResults` to ignore them).",
    )

    def conditions(self, kind: NodeKind) -> list[Condition]:
        found: list[Condition] = []
        if self.ids is not None:
            slugs = tuple(global_ids.decode_as(kind, str(i)) for i in self.ids)
            found.append(Condition("id", Op.IN, slugs))
        if self.name_contains:
            found.append(Condition("name", Op.CONTAINS, self.name_contains))
        return found


@strawberry.input(description=DATED_FILTER)
class DatedFilter(EntityFilter):
    active_from: PartialDate | None = strawberry.field(
        default=None,
        description="Only nodes that have not ended before this date (at its first day; an "
        "end of reduced precision, `2017`, lasts to its last day).",
    )
    active_to: PartialDate | None = strawberry.field(
        default=None, description="Only nodes that began by this date (at its last day)."
    )

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
    named = ", ".join(f"`{name}`" for name in spec.filters)
    description = (
        f"{DATED_FILTER if spec.spans else ENTITY_FILTER} Also by {named}: a field with "
        "choices matches any of those given, a text field equals the one given."
    )
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
        **{
            f.attribute: strawberry.field(default=None, description=_filter_help(f)) for f in fields
        },
        "conditions": conditions,
        "__module__": __name__,
    }
    filter_type = type(f"{kind.value}Filter", (base,), namespace)
    return strawberry.input(filter_type, description=description)


def _filter_help(field: Field) -> str:
    if field.choices is None:
        return f"Only those whose {field.name} is exactly this. {field.about}"
    return f"Only those whose {field.name} is any of these. {field.about}"


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
