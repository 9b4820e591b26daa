"""Filters evaluated by brute force: every node and tie of a graph in Python, the GraphQL
filter's JSON read as docs/filters.md states its meaning.

Independent of schema/filters.py and of both backends' evaluation: it shares only the table of
relationship fields (schema/relations.py, the spec every relationship field pages through).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import icu

from graph import dates
from graph.model import INSTANT_KINDS, KIND_SPECS, Node, NodeKind, Tie
from graph.store import Direction, Hop
from resolvers import global_ids
from schema.relations import RELATIONS

Filter = Mapping[str, Any]
OWN_FIELDS = {  # GraphQL name → Node attribute, for every kind's filtered fields
    f.name: f.attribute for spec in KIND_SPECS.values() for f in spec.fields
}


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


RELATION_NAMES = {  # GraphQL name → Python name
    camel(name): name for relations in RELATIONS.values() for name in relations
}


@dataclass
class Oracle:
    nodes: dict[str, Node]
    ties: list[Tie]
    _out: dict[str, list[Tie]] = field(default_factory=lambda: defaultdict(list))
    _in: dict[str, list[Tie]] = field(default_factory=lambda: defaultdict(list))

    def __post_init__(self) -> None:
        for tie in self.ties:
            self._out[tie.source].append(tie)
            self._in[tie.target].append(tie)

    def of_kind(self, kind: NodeKind) -> list[Node]:
        return [node for node in self.nodes.values() if node.kind is kind]

    def along(self, hop: Hop, node: Node) -> list[tuple[Tie, Node]]:
        """The node's ties along `hop` with their far nodes, in neighbour order."""
        outgoing = hop.direction is Direction.OUT
        found = []
        for tie in (self._out if outgoing else self._in)[node.id]:
            far = self.nodes[tie.target if outgoing else tie.source]
            if tie.type in hop.types and far.kind in hop.others:
                found.append((tie, far))
        return sorted(
            found,
            key=lambda pair: (bytes(FINNISH.getSortKey(pair[1].name)), pair[1].id, pair[0].id),
        )

    def meets(self, given: Filter, node: Node) -> bool:
        given = {key: value for key, value in given.items() if value is not None}
        return all(self._part(key, value, node) for key, value in given.items())

    def _part(self, key: str, value: Any, node: Node) -> bool:
        if key == "AND":
            return all(self.meets(part, node) for part in value)
        if key == "OR":
            return any(self.meets(part, node) for part in value)
        if key == "NOT":
            return not self.meets(value, node)
        if key == "ids":
            return (node.kind, node.id) in {global_ids.decode(i) for i in value}
        if key == "nameContains":
            return value.lower() in node.name.lower()
        if key == "activeFrom":
            end = node.end or (node.start if node.kind in INSTANT_KINDS else None)
            return end is None or dates.last_day(end) >= dates.first_day(value)
        if key == "activeTo":
            return node.start is None or dates.first_day(node.start) <= dates.last_day(value)
        if key in OWN_FIELDS:
            own = {f.name for f in KIND_SPECS[node.kind].fields}
            stored = getattr(node, OWN_FIELDS[key]) if key in own else None
            if stored is None:
                return False
            return stored.value in value if isinstance(value, list) else stored == value
        return self._relation(RELATION_NAMES[key], value, node)

    def _relation(self, name: str, given: Filter, node: Node) -> bool:
        hop = RELATIONS[node.kind].get(name)
        pairs = [] if hop is None else self.along(hop, node)
        for quantifier, edge in given.items():
            if edge is None:
                continue
            met = [self.edge_meets(edge, tie, far) for tie, far in pairs]
            holds = {
                "some": any(met),
                "none": not any(met),
                "all": all(met),
                "single": sum(met) == 1,
            }[quantifier]
            if not holds:
                return False
        return True

    def edge_meets(self, given: Filter, tie: Tie, far: Node) -> bool:
        for key, value in given.items():
            if value is None:
                continue
            if key == "node" and not self.meets(value, far):
                return False
            if key == "edge" and not tie_meets(value, tie):
                return False
            if key == "AND" and not all(self.edge_meets(p, tie, far) for p in value):
                return False
            if key == "OR" and not any(self.edge_meets(p, tie, far) for p in value):
                return False
            if key == "NOT" and self.edge_meets(value, tie, far):
                return False
        return True


def tie_meets(given: Filter, tie: Tie) -> bool:
    checks = {
        "role": lambda v: tie.role == v,
        "roleContains": lambda v: v.lower() in (tie.role or "").lower(),
        "seatType": lambda v: tie.seat_type is not None and tie.seat_type.value in v,
        "activeFrom": lambda v: tie.end is None or dates.last_day(tie.end) >= dates.first_day(v),
        "activeTo": lambda v: tie.start is None or dates.first_day(tie.start) <= dates.last_day(v),
    }
    return all(checks[key](value) for key, value in given.items() if value is not None)


FINNISH = icu.Collator.createInstance(icu.Locale("fi"))


def sort_key(node: Node, field: str) -> tuple[Any, ...]:
    """A root list's order: the sort value (empty when missing) then the id; names in Finnish
    order (ICU's `fi` collation), dates and ids as code points."""
    if field == "ID":
        return (node.id,)
    if field == "NAME":
        return (bytes(FINNISH.getSortKey(node.name)), node.id)
    value = {"START": node.start, "END": node.end}[field]
    return (value or "", node.id)


def ordered(nodes: Iterable[Node], field: str, descending: bool) -> list[Node]:
    return sorted(nodes, key=lambda node: sort_key(node, field), reverse=descending)
