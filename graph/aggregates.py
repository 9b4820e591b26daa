"""Aggregates over a list: how many, the earliest and latest dates, and counts by a key.

What the stores compute (`GraphStore.summarise_nodes`, `group_nodes`, `summarise_neighbours`,
`group_neighbours`) and the rules every backend shares: how dates compare (graph/dates.py's
padding), which node fields can group a list (the fields root lists filter on), how groups are
ordered, and how a count is written in a keyset.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from graph import dates
from graph.model import KIND_SPECS

KIND = "_kind"
"""The pseudo-property a node's kind is grouped by."""
TYPE = "_type"
"""The pseudo-property a tie's type is grouped by."""


class Part(StrEnum):
    NODE = "node"
    """The listed node: a root list's, or the one at the far end of each tie."""
    TIE = "tie"
    """The tie itself (along a hop)."""


@dataclass(frozen=True)
class Grouping:
    """Count by the value of one property of the listed nodes or ties; a missing value is a
    group of its own (key None)."""

    part: Part
    prop: str
    """A stored column (graph/columns.py), KIND or TYPE."""
    year: bool = False
    """Group by the year of a date property (its first four characters) instead."""


GROUPING_FIELDS: tuple[str, ...] = tuple(
    dict.fromkeys(name for spec in KIND_SPECS.values() for name in spec.filters)
)
"""The node fields a list can be grouped by: those root lists filter on, every kind's, in
the kinds' order (sector, orgType, municipality, branch, publisher, language, eventType)."""


@dataclass(frozen=True)
class DateSpan:
    """The earliest and the latest of some dates, each as stored (at its precision)."""

    min: str | None = None
    max: str | None = None

    @classmethod
    def of_padded(cls, earliest: str | None, latest: str | None) -> DateSpan:
        """From the least EARLY_PAD-padded and the greatest LATE_PAD-padded date."""
        return cls(
            None if earliest is None else dates.unpadded(earliest, dates.EARLY_PAD),
            None if latest is None else dates.unpadded(latest, dates.LATE_PAD),
        )


@dataclass(frozen=True)
class Summary:
    """How many nodes or ties a list holds, and the span of their `start` and `end` values."""

    count: int = 0
    start: DateSpan = DateSpan()
    end: DateSpan = DateSpan()


@dataclass(frozen=True)
class Group:
    key: str | None
    count: int


def ordered_groups(counts: Iterable[tuple[str | None, int]]) -> list[Group]:
    """Groups by count, largest first; equal counts by key (code points), the missing key
    last. Counts of one key are added up; empty groups are left out."""
    totals: dict[str | None, int] = {}
    for key, count in counts:
        totals[key] = totals.get(key, 0) + int(count)
    kept = [Group(key, count) for key, count in totals.items() if count > 0]
    return sorted(kept, key=lambda g: (-g.count, g.key is None, g.key or ""))


COUNT_DIGITS = 12


def count_key(count: int) -> str:
    """A count as a keyset value: zero-padded, so keysets compare as the counts do."""
    return str(count).zfill(COUNT_DIGITS)


def count_of_key(text: str) -> int:
    """The count a keyset value holds; ValueError when it holds none."""
    if len(text) != COUNT_DIGITS or not text.isascii() or not text.isdigit():
        raise ValueError(f"not a count: {text!r}")
    return int(text)
