"""Filters and orderings of the root lists, and how they become store conditions."""

from __future__ import annotations

import strawberry

from graph import dates
from graph.analytics.subgraph import INSTANT_KINDS
from graph.model import NodeKind
from graph.store import Condition, Op, Order, SortField
from resolvers import global_ids
from schema.enums import (
    DatedOrderField,
    EntityOrderField,
    EventType,
    OrderDirection,
    OrgType,
    Sector,
)
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


@strawberry.input
class OrganisationFilter(EntityFilter):
    sector: list[Sector] | None = None
    org_type: list[OrgType] | None = None
    municipality: str | None = None
    branch: str | None = None

    def conditions(self, kind: NodeKind) -> list[Condition]:
        found = super().conditions(kind)
        if self.sector is not None:
            found.append(Condition("sector", Op.IN, tuple(s.value for s in self.sector)))
        if self.org_type is not None:
            found.append(Condition("orgType", Op.IN, tuple(t.value for t in self.org_type)))
        if self.municipality is not None:
            found.append(Condition("municipality", Op.EQUALS, self.municipality))
        if self.branch is not None:
            found.append(Condition("branch", Op.EQUALS, self.branch))
        return found


@strawberry.input
class EventFilter(DatedFilter):
    event_type: list[EventType] | None = None

    def conditions(self, kind: NodeKind) -> list[Condition]:
        found = super().conditions(kind)
        if self.event_type is not None:
            found.append(Condition("eventType", Op.IN, tuple(t.value for t in self.event_type)))
        return found


@strawberry.input
class SourceFilter(EntityFilter):
    publisher: str | None = None
    language: str | None = None

    def conditions(self, kind: NodeKind) -> list[Condition]:
        found = super().conditions(kind)
        if self.publisher is not None:
            found.append(Condition("publisher", Op.EQUALS, self.publisher))
        if self.language is not None:
            found.append(Condition("language", Op.EQUALS, self.language))
        return found


@strawberry.input(description="Sort order; ties in the sort key are broken by id.")
class EntityOrder:
    field: EntityOrderField = EntityOrderField.NAME
    direction: OrderDirection = OrderDirection.ASC

    def order(self) -> Order:
        return Order(SortField(self.field.value), self.direction is OrderDirection.DESC)


@strawberry.input(description="Sort order; ties in the sort key are broken by id.")
class DatedOrder:
    field: DatedOrderField = DatedOrderField.NAME
    direction: OrderDirection = OrderDirection.ASC

    def order(self) -> Order:
        return Order(SortField(self.field.value), self.direction is OrderDirection.DESC)
