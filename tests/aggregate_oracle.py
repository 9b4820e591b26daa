"""Brute force over a whole graph read through the store: what aggregates, groups and lists
sorted by a count of ties must answer, computed in plain Python, one node and tie at a time,
from the rules as docs/aggregates.md states them (not from the code that answers them).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from graph import dates
from graph.model import KIND_SPECS, Node, NodeKind, Tie, TieType
from graph.store import Direction, GraphStore, Hop

BATCH = 1000


@dataclass
class Graph:
    nodes: dict[str, Node]
    ties: list[Tie]
    out: dict[str, list[Tie]] = field(default_factory=dict)
    into: dict[str, list[Tie]] = field(default_factory=dict)

    @classmethod
    async def read(cls, store: GraphStore) -> Graph:
        nodes: dict[str, Node] = {}
        for kind in NodeKind:
            after: str | None = None
            while batch := await store.scan_nodes(kind, after, BATCH):
                nodes.update((node.id, node) for node in batch)
                after = batch[-1].id
        ties: list[Tie] = []
        for type_ in TieType:
            after = None
            while found := await store.scan_ties(type_, after, BATCH):
                ties += found
                after = found[-1].id
        graph = cls(nodes, ties)
        for tie in ties:
            graph.out.setdefault(tie.source, []).append(tie)
            graph.into.setdefault(tie.target, []).append(tie)
        return graph

    def of_kind(self, kind: NodeKind) -> list[Node]:
        return [node for node in self.nodes.values() if node.kind is kind]

    def along(self, hop: Hop, parent_id: str) -> list[tuple[Tie, Node]]:
        """The parent's ties along the hop, each with the node at its far end."""
        outgoing = hop.direction is Direction.OUT
        found = []
        for tie in (self.out if outgoing else self.into).get(parent_id, []):
            other = self.nodes[tie.target if outgoing else tie.source]
            if tie.type in hop.types and other.kind in hop.others:
                found.append((tie, other))
        return found


# --- dates and keys ------------------------------------------------------------------------


def earliest(values: Iterable[str | None]) -> str | None:
    """The date whose first day is earliest; of those reaching the same day, the coarser."""
    present = [v for v in values if v is not None]
    return min(present, key=lambda v: (dates.first_day(v), len(v))) if present else None


def latest(values: Iterable[str | None]) -> str | None:
    """The date whose last day is latest; of those reaching the same day, the coarser."""
    present = [v for v in values if v is not None]
    return max(present, key=lambda v: (dates.last_day(v), -len(v))) if present else None


def span(values: Sequence[str | None]) -> dict[str, str | None]:
    return {"min": earliest(values), "max": latest(values)}


def shown(value: Any) -> str | None:
    """A value as the API shows it: an enum by its name, anything else as text."""
    if value is None:
        return None
    return value.value if isinstance(value, StrEnum) else str(value)


def node_key(node: Node, key: str) -> str | None:
    """A node's value for a `NodeGroupKey` (or a `TieGroupKey` naming a node's field)."""
    if key == "KIND":
        return node.kind.value
    if key in ("START_YEAR", "NODE_START_YEAR"):
        return None if node.start is None else node.start[:4]
    for spec in KIND_SPECS.values():
        for f in spec.fields:
            if _upper_snake(f.name) == key:
                return shown(getattr(node, f.attribute))
    raise KeyError(key)


def tie_key(tie: Tie, other: Node, key: str) -> str | None:
    match key:
        case "TIE_TYPE":
            return tie.type.value
        case "ROLE":
            return tie.role
        case "SEAT_TYPE":
            return shown(tie.seat_type)
        case "START_YEAR":
            return None if tie.start is None else tie.start[:4]
    return node_key(other, key)


def _upper_snake(name: str) -> str:
    return "".join(f"_{c}" if c.isupper() else c for c in name).upper()


def groups(keys: Iterable[str | None]) -> list[dict[str, Any]]:
    """Largest first, then by key, the missing key last."""
    counted = Counter(keys)
    ordered = sorted(counted.items(), key=lambda kv: (-kv[1], kv[0] is None, kv[0] or ""))
    return [{"key": key, "count": count} for key, count in ordered]


# --- filters -------------------------------------------------------------------------------

Test = Callable[[Node], bool]


def active_from(node: Node, value: str, instant: bool) -> bool:
    """Ends on or after the first day of `value`, the end compared at its precision; an
    instant without an end ends when it starts."""
    end = node.end if node.end is not None or not instant else node.start
    if end is None:
        return True
    return dates.first_day(value)[: len(end)] <= end


def active_to(start: str | None, value: str) -> bool:
    return start is None or start <= dates.last_day(value)


def tie_active_from(tie: Tie, value: str) -> bool:
    return tie.end is None or dates.first_day(value)[: len(tie.end)] <= tie.end


# --- sorted by a count of ties -------------------------------------------------------------


def by_count(
    items: Sequence[Any],
    count: Callable[[Any], int],
    ids: Callable[[Any], tuple[str, ...]],
    descending: bool,
) -> list[Any]:
    """Sorted by count, then by the ids, all ascending or all descending."""
    return sorted(items, key=lambda item: (count(item), *ids(item)), reverse=descending)
