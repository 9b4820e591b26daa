"""When each node of an export is present: the union of its own dates and its ties' dates,
kept merged as they come so memory grows with the nodes, not with the ties."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from graph import dates

_BEFORE_ALL = ""
_AFTER_ALL = "~"  # sorts after every ISO date


@dataclass(frozen=True, slots=True)
class Interval:
    """Full ISO dates, read at their widest; None is open on that side."""

    start: str | None
    end: str | None


def interval(start: str | None, end: str | None) -> Interval | None:
    """The interval of reduced-precision dates; None when neither is known (always present)."""
    if start is None and end is None:
        return None
    return Interval(dates.first_day(start) if start else None, dates.last_day(end) if end else None)


class Spells:
    def __init__(self, nodes: int) -> None:
        self._spans: list[list[tuple[str, str]] | None] = [None] * nodes
        self._always = bytearray(nodes)
        self.dated = False
        """Whether any dated interval was added: the export is dynamic."""

    def add(self, node: int, when: Interval | None) -> None:
        """Add a tie's interval (None: the tie has no dates, so the node is always present)."""
        if when is None:
            self._always[node] = 1
            return
        self.dated = True
        if self._always[node]:
            return
        low = when.start or _BEFORE_ALL
        high = when.end or _AFTER_ALL
        spans = self._spans[node]
        if spans is None:
            self._spans[node] = [(low, high)]
            return
        at = bisect_left(spans, (low, high))
        first = at - 1 if at > 0 and spans[at - 1][1] >= low else at
        last = at
        while last < len(spans) and spans[last][0] <= high:
            last += 1
        if first < last:
            low = min(low, spans[first][0])
            high = max(high, spans[last - 1][1])
        spans[first:last] = [(low, high)]

    def add_own(self, node: int, when: Interval | None) -> None:
        """Add a node's own dates; a node without dates takes its presence from its ties."""
        if when is not None:
            self.add(node, when)

    def of(self, node: int) -> tuple[Interval, ...]:
        """The node's spells, earliest first; empty when it is always present."""
        spans = self._spans[node]
        if self._always[node] or spans is None:
            return ()
        if spans == [(_BEFORE_ALL, _AFTER_ALL)]:
            return ()
        return tuple(
            Interval(None if low == _BEFORE_ALL else low, None if high == _AFTER_ALL else high)
            for low, high in spans
        )
