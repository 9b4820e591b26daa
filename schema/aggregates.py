"""`aggregate` on every list: how many, the span of their dates, and counts by a key.

A root list's aggregate (`NodeAggregate`) is over the nodes its filter selects; a
relationship field's (`TieAggregate`) over the ties its filter selects, with the tie's own
dates and keys and the far node's. Both ignore `first`, `after` and `orderBy`.

- Dates keep the precision they are stored at; `min` is the date whose first day is earliest,
  `max` the one whose last day is latest, and of two that reach the same day the coarser wins
  ("2013" before "2013-01-01", after "2013-12-31"). Missing dates are left out; none: null.
- A group's key is the value as the API shows it (an enum's name, a kind, a year); nodes or
  ties without a value make one group whose key is null, counted as any other. A key the
  listed kinds do not have puts everything in that null group.
- `START_YEAR` is a date's first four digits whatever its precision: "2013", "2013-06" and
  "2013-06-10" all fall in "2013".
- Groups come largest first, then by key (code points), the null key last; `first` cuts them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Annotated, TypeAlias, cast

import strawberry

from graph import aggregates
from graph.aggregates import GROUPING_FIELDS, KIND, TYPE, Grouping, Part
from graph.store import EdgeMatch, Hop, NodeQuery
from resolvers.pages import checked_first
from schema.info import Info
from schema.scalars import PartialDate, partial_date

NODE_KEYS: Mapping[str, tuple[Grouping, str]] = {
    "KIND": (Grouping(Part.NODE, KIND), "The node's kind."),
    "START_YEAR": (Grouping(Part.NODE, "start", year=True), "The year the node starts."),
    **{
        re.sub(r"(?<!^)(?=[A-Z])", "_", name).upper(): (
            Grouping(Part.NODE, name),
            f"The node's `{name}`.",
        )
        for name in GROUPING_FIELDS
    },
}
"""The keys a root list's nodes group by: the fields root lists filter on (graph.aggregates)."""

TIE_KEYS: Mapping[str, tuple[Grouping, str]] = {
    "TIE_TYPE": (Grouping(Part.TIE, TYPE), "The tie's type."),
    "ROLE": (Grouping(Part.TIE, "role"), "The tie's role."),
    "SEAT_TYPE": (Grouping(Part.TIE, "seatType"), "The tie's seat type (steering groups)."),
    "START_YEAR": (Grouping(Part.TIE, "start", year=True), "The year the tie starts."),
    "NODE_START_YEAR": (
        Grouping(Part.NODE, "start", year=True),
        "The year the node at the far end starts.",
    ),
    **{
        key: (grouping, description.replace("The node's", "The far node's"))
        for key, (grouping, description) in NODE_KEYS.items()
        if key != "START_YEAR"
    },
}
"""The keys a relationship field's ties group by: the tie's own, and its far node's."""


def _key_enum(name: str, keys: Mapping[str, tuple[Grouping, str]], description: str) -> type[Enum]:
    members = {key: strawberry.enum_value(key, description=help) for key, (_, help) in keys.items()}
    made = cast(type[Enum], Enum(name, members))
    strawberry.enum(made, description=description)
    return made


# The enums are made from the kind specs; mypy sees an Enum, strawberry the generated one.
if TYPE_CHECKING:
    NodeGroupKey: TypeAlias = Enum
    TieGroupKey: TypeAlias = Enum
else:
    NodeGroupKey = _key_enum(
        "NodeGroupKey", NODE_KEYS, "What a root list's nodes can be counted by."
    )
    TieGroupKey = _key_enum(
        "TieGroupKey",
        TIE_KEYS,
        "What a relationship field's ties can be counted by: the tie's own properties, or "
        "those of the node at its far end.",
    )

_KEY = strawberry.argument(description="What to count by.")
GroupsFirst = Annotated[
    int, strawberry.argument(description="How many groups to return, largest first (at most 100).")
]


@strawberry.type(
    description="The earliest and the latest of some dates, each at the precision it is "
    "stored with; null when none has a date."
)
class DateSpan:
    min: PartialDate | None = strawberry.field(
        description="The date whose first day is earliest (of equal ones, the coarser)."
    )
    max: PartialDate | None = strawberry.field(
        description="The date whose last day is latest (of equal ones, the coarser)."
    )


def _span(span: aggregates.DateSpan) -> DateSpan:
    return DateSpan(min=partial_date(span.min), max=partial_date(span.max))


@strawberry.type(description="How many nodes or ties share a key; `key` null for those with none.")
class Group:
    key: str | None = strawberry.field(
        description="The value: an enum's name, a kind, a year or text; null when missing."
    )
    count: int = strawberry.field(description="How many have it.")


def _groups(found: Sequence[aggregates.Group], limit: int) -> list[Group]:
    return [Group(key=group.key, count=group.count) for group in found[:limit]]


@strawberry.type(
    description="Aggregates over every node the list's filter selects (not only this page)."
)
class NodeAggregate:
    query: strawberry.Private[NodeQuery]

    async def _summary(self, info: Info) -> aggregates.Summary:
        return await info.context.tallies().node_summaries().load(self.query)

    @strawberry.field(description="How many nodes.")
    async def count(self, info: Info) -> int:
        return (await self._summary(info)).count

    @strawberry.field(description="The earliest and latest `start` of the nodes.")
    async def start(self, info: Info) -> DateSpan:
        return _span((await self._summary(info)).start)

    @strawberry.field(description="The earliest and latest `end` of the nodes.")
    async def end(self, info: Info) -> DateSpan:
        return _span((await self._summary(info)).end)

    @strawberry.field(description="The nodes counted by a key, largest group first.")
    async def group_by(
        self, info: Info, key: Annotated[NodeGroupKey, _KEY], first: GroupsFirst = 20
    ) -> list[Group]:
        limit = checked_first(info.context, first)
        grouping = NODE_KEYS[key.name][0]
        return _groups(await info.context.tallies().node_groups(grouping).load(self.query), limit)


@strawberry.type(
    description="Aggregates over every tie the field's filter selects (not only this page): "
    "the ties' own dates, and keys of the tie or of the node at its far end."
)
class TieAggregate:
    hop: strawberry.Private[Hop]
    parent_id: strawberry.Private[str]
    where: strawberry.Private[EdgeMatch | None]

    async def _summary(self, info: Info) -> aggregates.Summary:
        return await info.context.tallies().summaries(self.hop, self.where).load(self.parent_id)

    @strawberry.field(description="How many ties (a node tied twice counts twice).")
    async def count(self, info: Info) -> int:
        return (await self._summary(info)).count

    @strawberry.field(description="The earliest and latest `start` of the ties.")
    async def start(self, info: Info) -> DateSpan:
        return _span((await self._summary(info)).start)

    @strawberry.field(description="The earliest and latest `end` of the ties.")
    async def end(self, info: Info) -> DateSpan:
        return _span((await self._summary(info)).end)

    @strawberry.field(description="The ties counted by a key, largest group first.")
    async def group_by(
        self, info: Info, key: Annotated[TieGroupKey, _KEY], first: GroupsFirst = 20
    ) -> list[Group]:
        limit = checked_first(info.context, first)
        loader = info.context.tallies().groups(self.hop, self.where, TIE_KEYS[key.name][0])
        return _groups(await loader.load(self.parent_id), limit)
