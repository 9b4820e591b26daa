"""The dates each node and tie counts with in a period (docs/network-science.md, "Time").

A period is a (start, end) pair of reduced-precision dates, None on an open side, read at its
widest: "2015" is any day of 2015, "2015-06" any day of June 2015.

- A point in time ends when it starts: a node of an instant kind (an event, a story) with
  only a start is that day, month or year, at the start's own precision.
- An undated node that belongs to initiatives (an event or a goal of a programme or project, a
  project or programme part of another) takes the span of the periods of what it belongs to.
- A tie missing a start or an end takes it from where the periods of its two ends overlap
  (for an actor's tie to a programme or project, the initiative's dates; for a programme's tie
  to its event, the event's day); when the two never overlap (a programme continued by the
  next one), from the span of both.

Only the kinds whose dates bound their ties (initiatives, instants, goals) give ties dates:
a person's or organisation's dates, if any, say when they existed, not when their ties held.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import replace

from graph import dates
from graph.model import Node, NodeKind, Tie, TieType

Period = tuple[str | None, str | None]
OPEN: Period = (None, None)

WHOLE_FIRST = frozenset({TieType.HAS_EVENT, TieType.HAS_GOAL})
"""Ties from an initiative to a node that belongs to it."""
PART_FIRST = frozenset({TieType.PART_OF})
"""Ties from a part to the initiative it belongs to."""


def earliest_first(text: str | None) -> str:
    """A sort key for starts: an open start ("") before every date."""
    return dates.first_day(text) if text else ""


def latest_last(text: str | None) -> str:
    """A sort key for ends: an open end ("~") after every date."""
    return dates.last_day(text) if text else "~"


def meets(period: Period, start: str | None, end: str | None) -> bool:
    """Whether `period` and the period from `start` to `end` share at least one day."""
    low, high = period
    if high and start and dates.first_day(start) > dates.last_day(high):
        return False
    return not (low and end and dates.last_day(end) < dates.first_day(low))


def span(periods: Iterable[Period]) -> Period:
    """From the earliest start to the latest end; open on a side where any of them is open."""
    found = list(periods)
    if not found:
        return OPEN
    starts = [start for start, _ in found]
    ends = [end for _, end in found]
    start = None if None in starts else min(starts, key=earliest_first)
    end = None if None in ends else max(ends, key=latest_last)
    return start, end


def overlap(one: Period, other: Period) -> Period | None:
    """The days both periods share (None when there are none), each side at its own precision."""
    start = max((one[0], other[0]), key=earliest_first)
    end = min((one[1], other[1]), key=latest_last)
    if start and end and dates.first_day(start) > dates.last_day(end):
        return None
    return start, end


def node_periods(
    nodes: Mapping[str, Node], ties: Sequence[Tie], instants: Collection[NodeKind]
) -> dict[str, Period]:
    """Each node's period: its own dates (an instant ending at its start), or, when it has
    none, the span of the periods of the initiatives it belongs to."""
    wholes: dict[str, list[str]] = defaultdict(list)
    for tie in ties:
        if tie.type in WHOLE_FIRST:
            wholes[tie.target].append(tie.source)
        elif tie.type in PART_FIRST:
            wholes[tie.source].append(tie.target)
    found: dict[str, Period] = {}

    def period(node_id: str, seen: frozenset[str]) -> Period:
        if node_id in found:
            return found[node_id]
        node = nodes.get(node_id)
        if node is None:
            return OPEN
        own = _own(node, instants)
        if own != OPEN or not wholes.get(node_id):
            result = own
        else:
            above = [w for w in wholes[node_id] if w not in seen]
            result = span(period(w, seen | {node_id}) for w in above) if above else OPEN
        found[node_id] = result
        return result

    for node_id in nodes:
        period(node_id, frozenset())
    return found


def _own(node: Node, instants: Collection[NodeKind]) -> Period:
    if node.kind in instants:
        return (node.start or node.end, node.end or node.start)
    return node.start, node.end


def tie_period(
    tie: Tie, ends: tuple[Node, Node], periods: Mapping[str, Period], bounding: Collection[NodeKind]
) -> Period:
    """The tie's own dates, a missing side taken from its bounding ends' periods."""
    if tie.start and tie.end:
        return tie.start, tie.end
    bounds = [periods.get(end.id, OPEN) for end in ends if end.kind in bounding]
    if not bounds:
        return tie.start, tie.end
    held: Period | None = bounds[0]
    for other in bounds[1:]:
        held = None if held is None else overlap(held, other)
    start, end = span(bounds) if held is None else held
    return tie.start or start, tie.end or end


def dated_nodes(nodes: Mapping[str, Node], periods: Mapping[str, Period]) -> dict[str, Node]:
    """The nodes with the dates they count with."""
    return {
        node_id: _with_period(node, periods.get(node_id, OPEN)) for node_id, node in nodes.items()
    }


def _with_period(node: Node, period: Period) -> Node:
    if (node.start, node.end) == period:
        return node
    return replace(node, start=period[0], end=period[1])
