"""Every relationship field of the node types, as the hop it pages through.

The node types' relationship fields (schema/nodes.py) read their hop here, and the filters
derive from the same table a relation filter per field (schema/filters.py), so a field and its
filter cannot disagree. A relation is declared once for every kind that has it: a programme's
and a project's participants are the same relation from two kinds.
"""

from __future__ import annotations

from collections.abc import Mapping

from graph.model import ACTOR_KINDS, INITIATIVE_KINDS, NodeKind, TieType
from graph.store import Direction, Hop

OUT, IN = Direction.OUT, Direction.IN
PERSON, ORGANISATION = NodeKind.PERSON, NodeKind.ORGANISATION
PROGRAMME, PROJECT, OUTCOME = NodeKind.PROGRAMME, NodeKind.PROJECT, NodeKind.OUTCOME
GOAL, EVENT, STORY = NodeKind.GOAL, NodeKind.EVENT, NodeKind.STORY
PARTICIPATION = (TieType.LEADS, TieType.PARTICIPATES_IN, TieType.PARTNER_IN)
MEMBERSHIP = (TieType.EMPLOYED_BY, TieType.MEMBER_OF)

Declared = tuple[str, tuple[NodeKind, ...], tuple[TieType, ...], Direction, tuple[NodeKind, ...]]

_DECLARED: tuple[Declared, ...] = (
    # (field, the kinds that have it, tie types, direction, the kinds at the far end)
    ("memberships", (PERSON,), MEMBERSHIP, OUT, (ORGANISATION,)),
    ("steering_seats", (PERSON,), (TieType.SITS_ON,), OUT, (PROGRAMME,)),
    ("initiatives", ACTOR_KINDS, PARTICIPATION, OUT, INITIATIVE_KINDS),
    ("events", ACTOR_KINDS, (TieType.TOOK_PART_IN,), OUT, (EVENT,)),
    ("members", (ORGANISATION,), MEMBERSHIP, IN, ACTOR_KINDS),
    ("parents", (ORGANISATION,), (TieType.SUBUNIT_OF, TieType.MEMBER_OF), OUT, (ORGANISATION,)),
    ("units", (ORGANISATION,), (TieType.SUBUNIT_OF,), IN, (ORGANISATION,)),
    ("adopted", (ORGANISATION,), (TieType.ADOPTED,), OUT, (OUTCOME,)),
    ("participants", INITIATIVE_KINDS, PARTICIPATION, IN, ACTOR_KINDS),
    ("leaders", INITIATIVE_KINDS, (TieType.LEADS,), IN, ACTOR_KINDS),
    ("partners", INITIATIVE_KINDS, (TieType.PARTNER_IN,), IN, (ORGANISATION,)),
    ("programmes", INITIATIVE_KINDS, (TieType.PART_OF,), OUT, (PROGRAMME,)),
    ("outcomes", INITIATIVE_KINDS, (TieType.PRODUCED,), OUT, (OUTCOME,)),
    ("goals", INITIATIVE_KINDS, (TieType.HAS_GOAL,), OUT, (GOAL,)),
    ("events", INITIATIVE_KINDS, (TieType.HAS_EVENT,), OUT, (EVENT,)),
    ("continued_by", INITIATIVE_KINDS, (TieType.CONTINUED_BY,), OUT, INITIATIVE_KINDS),
    ("continues", INITIATIVE_KINDS, (TieType.CONTINUED_BY,), IN, INITIATIVE_KINDS),
    ("related", INITIATIVE_KINDS, (TieType.RELATED_TO,), OUT, INITIATIVE_KINDS),
    ("steering_group", (PROGRAMME,), (TieType.SITS_ON,), IN, (PERSON,)),
    ("projects", (PROGRAMME,), (TieType.PART_OF,), IN, (PROJECT,)),
    ("subprogrammes", (PROGRAMME,), (TieType.PART_OF,), IN, (PROGRAMME,)),
    ("produced_by", (OUTCOME,), (TieType.PRODUCED,), IN, INITIATIVE_KINDS),
    ("adopted_by", (OUTCOME,), (TieType.ADOPTED,), IN, (ORGANISATION, *INITIATIVE_KINDS)),
    ("set_by", (GOAL,), (TieType.HAS_GOAL,), IN, INITIATIVE_KINDS),
    ("participants", (EVENT,), (TieType.TOOK_PART_IN,), IN, ACTOR_KINDS),
    ("initiatives", (EVENT,), (TieType.HAS_EVENT,), IN, INITIATIVE_KINDS),
    ("tells_of", (STORY,), (TieType.TELLS_OF,), OUT, (ORGANISATION, *INITIATIVE_KINDS, OUTCOME)),
)


def _relations() -> dict[NodeKind, dict[str, Hop]]:
    found: dict[NodeKind, dict[str, Hop]] = {kind: {} for kind in NodeKind}
    for name, parents, types, direction, others in _DECLARED:
        for parent in parents:
            if name in found[parent]:
                raise ValueError(f"{parent.value} has two relations named {name}")
            found[parent][name] = Hop(parent, types, direction, others)
    return found


RELATIONS: Mapping[NodeKind, Mapping[str, Hop]] = _relations()
"""Each kind's relationship fields (by their Python name) and the hop each pages through."""


def hop_of(kind: NodeKind, name: str) -> Hop:
    return RELATIONS[kind][name]
