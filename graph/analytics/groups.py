"""Which side of a boundary each node of a network is on.

Boundaries are derived, not stored: a person is in the sector, branch, municipality and
(top-level) organisation of the organisation that employs them (or that they are a member of)
during the scope's period, and holds the seat type of their steering-group seats in the scope.
An organisation is in its own sector, branch and municipality, and in the organisation at the
top of its SUBUNIT_OF chain. Where the knowledge does not say, the group is None.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from graph.analytics.scope import Scope
from graph.analytics.subgraph import Snapshot, Subgraph
from graph.model import Boundary, Node, NodeKind, SeatType, TieType

_EMPLOYMENT = (TieType.EMPLOYED_BY, TieType.MEMBER_OF)


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
    employers = _employers(snapshot, scope)
    parents = {t.source: t.target for t in snapshot.ties if t.type is TieType.SUBUNIT_OF}
    found: list[str | None] = []
    for node in nodes:
        if node.kind is NodeKind.PERSON:
            employer_id = employers.get(node.id)
            organisation = snapshot.nodes.get(employer_id) if employer_id else None
        elif node.kind is NodeKind.ORGANISATION:
            organisation = node
        else:
            organisation = None
        found.append(None if organisation is None else _side(organisation, boundary, parents))
    return found


def _side(organisation: Node, boundary: Boundary, parents: dict[str, str]) -> str | None:
    match boundary:
        case Boundary.SECTOR:
            return organisation.sector.value if organisation.sector else None
        case Boundary.BRANCH:
            return organisation.branch
        case Boundary.MUNICIPALITY:
            return organisation.municipality
        case Boundary.ORGANISATION:
            top, seen = organisation.id, {organisation.id}
            while top in parents and parents[top] not in seen:
                top = parents[top]
                seen.add(top)
            return top
        case Boundary.SEAT_TYPE:
            return None


def _employers(snapshot: Snapshot, scope: Scope) -> dict[str, str]:
    """Each person's employer in the period: the first by id when several qualify."""
    options: dict[str, list[str]] = defaultdict(list)
    for tie in snapshot.ties:
        if tie.type in _EMPLOYMENT and scope.active(tie.start, tie.end):
            options[tie.source].append(tie.target)
    return {person: min(ids) for person, ids in options.items()}


def _seat_types(subgraph: Subgraph) -> dict[str, str]:
    """The seat type a person holds most often in the scope (ties: elected official first)."""
    held: dict[str, Counter[SeatType]] = defaultdict(Counter)
    for tie in subgraph.ties:
        if tie.type is TieType.SITS_ON and tie.seat_type is not None:
            held[tie.source][tie.seat_type] += 1
    order = list(SeatType)
    return {
        person: min(counts, key=lambda s: (-counts[s], order.index(s))).value
        for person, counts in held.items()
    }
