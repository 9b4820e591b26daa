"""Which side of a boundary each node of a network is on, in the scope's period.

Boundaries are derived, not stored (docs/network-science.md, "Boundary groups"):

- A person is on the side of the organisation that employs them in the period; only when no
  employment is known there, of the organisation they are a member of. When several qualify,
  the one held at the period's end (open-ended, when the period has no end), then the one
  that started last; with no period at all, the current one.
- An organisation is on its own side. For ORGANISATION, that is the organisation at the top
  of its SUBUNIT_OF chain in the period; for SECTOR, BRANCH and MUNICIPALITY, its own value,
  or, where it has none, that of the nearest organisation above it that has one.
- A person's seat type is the one of most of their steering-group seats in the scope and
  period (elected official when as many of each).

Ties count with the dates they count with (`periods`); where the knowledge does not say, the
group is None.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from graph.analytics.frame import OPEN_END, SEATS, TYPES, Snapshot, period_days
from graph.analytics.scope import Scope
from graph.analytics.subgraph import Subgraph
from graph.model import Boundary, Node, NodeKind, TieType

SIDE_TIES = (TieType.EMPLOYED_BY, TieType.MEMBER_OF)
"""A person's side: employment first, membership where no employment is known."""


def groups(
    nodes: Sequence[Node],
    boundary: Boundary,
    snapshot: Snapshot,
    subgraph: Subgraph,
    scope: Scope,
) -> list[str | None]:
    if boundary is Boundary.SEAT_TYPE:
        seats = _seat_types(subgraph)
        return [seats.get(node.id) for node in nodes]
    held = _Held(snapshot, scope)
    employers: dict[int, int] = {}
    for tie_type in reversed(SIDE_TIES):
        employers |= held.of(tie_type)
    parents = held.of(TieType.SUBUNIT_OF)
    found: list[str | None] = []
    for node in nodes:
        row = snapshot.index[node.id]
        if node.kind is NodeKind.PERSON:
            organisation = employers.get(row)
        elif node.kind is NodeKind.ORGANISATION:
            organisation = row
        else:
            organisation = None
        chain = [] if organisation is None else _chain(organisation, parents, snapshot.nodes)
        found.append(_side(chain, boundary))
    return found


def _chain(organisation: int, parents: Mapping[int, int], nodes: Sequence[Node]) -> list[Node]:
    """The organisation and those above it along SUBUNIT_OF, nearest first."""
    rows, seen = [organisation], {organisation}
    while (above := parents.get(rows[-1])) is not None and above not in seen:
        rows.append(above)
        seen.add(above)
    return [nodes[row] for row in rows]


def _side(chain: Sequence[Node], boundary: Boundary) -> str | None:
    for organisation in chain:
        match boundary:
            case Boundary.SECTOR:
                value = organisation.sector.value if organisation.sector else None
            case Boundary.BRANCH:
                value = organisation.branch
            case Boundary.MUNICIPALITY:
                value = organisation.municipality
            case Boundary.ORGANISATION:
                value = chain[-1].id
            case Boundary.SEAT_TYPE:
                value = None
        if value is not None:
            return value
    return None


class _Held:
    """For each holder (a tie's source), the other end of the tie of a type it holds at the
    period's end (open-ended when the period has none), then the one it started last, then
    ended last, then the first by tie id; only ties active in the period count."""

    def __init__(self, snapshot: Snapshot, scope: Scope) -> None:
        self.snapshot = snapshot
        low, high = period_days((scope.period_from, scope.period_to))
        ties = snapshot.ties
        self.active = (ties.start <= high) & (ties.end >= low)
        self.until = high if scope.period_to is not None else OPEN_END

    def of(self, tie_type: TieType) -> dict[int, int]:
        ties = self.snapshot.ties
        rows = np.flatnonzero(self.active & (ties.type == TYPES.index(tie_type)))
        holders = ties.source[rows]
        start = ties.start[rows].astype(np.int64)
        end = ties.end[rows].astype(np.int64)
        held = (end >= self.until).astype(np.int64)
        # Rows of one type are in id order: the smallest row is the first id.
        order = np.lexsort((rows, -end, -start, -held, holders))
        holders = holders[order]
        first = np.flatnonzero(np.r_[True, holders[1:] != holders[:-1]]) if len(order) else order
        chosen = rows[order][first]
        return dict(zip(holders[first].tolist(), ties.target[chosen].tolist(), strict=True))


def _seat_types(subgraph: Subgraph) -> dict[str, str]:
    """The seat type a person holds most often in the scope (ties: elected official first)."""
    snapshot = subgraph.snapshot
    ties = snapshot.ties
    rows = subgraph.tie_rows
    rows = rows[(ties.type[rows] == TYPES.index(TieType.SITS_ON)) & (ties.seats[rows] >= 0)]
    counts: dict[int, list[int]] = {}
    for person, seat in zip(ties.source[rows].tolist(), ties.seats[rows].tolist(), strict=True):
        counts.setdefault(person, [0] * len(SEATS))[seat] += 1
    return {
        snapshot.nodes[person].id: SEATS[min(range(len(SEATS)), key=lambda s: (-held[s], s))].value
        for person, held in counts.items()
    }
