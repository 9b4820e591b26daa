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

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from graph.analytics.periods import earliest_first, latest_last
from graph.analytics.scope import Scope
from graph.analytics.subgraph import Snapshot, Subgraph
from graph.model import Boundary, Node, NodeKind, SeatType, Tie, TieType

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
    ties = [t for t in snapshot.dated.ties if scope.active(t.start, t.end)]
    employers = _employers(ties, scope)
    parents = _held(
        ((t.source, t) for t in ties if t.type is TieType.SUBUNIT_OF),
        scope,
    )
    found: list[str | None] = []
    for node in nodes:
        if node.kind is NodeKind.PERSON:
            employer_id = employers.get(node.id)
            organisation = snapshot.nodes.get(employer_id) if employer_id else None
        elif node.kind is NodeKind.ORGANISATION:
            organisation = snapshot.nodes.get(node.id)
        else:
            organisation = None
        chain = [] if organisation is None else _chain(organisation, parents, snapshot.nodes)
        found.append(_side(chain, boundary))
    return found


def _chain(organisation: Node, parents: Mapping[str, str], nodes: Mapping[str, Node]) -> list[Node]:
    """The organisation and those above it along SUBUNIT_OF, nearest first."""
    chain, seen = [organisation], {organisation.id}
    while (above := parents.get(chain[-1].id)) and above not in seen and above in nodes:
        chain.append(nodes[above])
        seen.add(above)
    return chain


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


def _employers(ties: Sequence[Tie], scope: Scope) -> dict[str, str]:
    """Each person's organisation in the period: by employment, else by membership."""
    found: dict[str, str] = {}
    for tie_type in reversed(SIDE_TIES):
        found |= _held(((t.source, t) for t in ties if t.type is tie_type), scope)
    return found


def _held(options: Iterable[tuple[str, Tie]], scope: Scope) -> dict[str, str]:
    """For each holder, the tie's other end it holds at the period's end (open-ended when
    the period has none), then the one it started last, then ended last, then the first by
    tie id."""
    by_holder: dict[str, list[Tie]] = defaultdict(list)
    for holder, tie in options:
        by_holder[holder].append(tie)
    until = latest_last(scope.period_to)

    def rank(tie: Tie) -> tuple[bool, str, str]:
        return latest_last(tie.end) >= until, earliest_first(tie.start), latest_last(tie.end)

    return {
        holder: max(sorted(ties, key=lambda t: t.id), key=rank).target
        for holder, ties in by_holder.items()
    }


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
