"""The knowledge model: node kinds, tie types and the values that cross the store boundary."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class NodeKind(StrEnum):
    PERSON = "Person"
    ORGANISATION = "Organisation"
    PROGRAMME = "Programme"
    PROJECT = "Project"
    OUTCOME = "Outcome"
    SOURCE = "Source"
    GOAL = "Goal"
    EVENT = "Event"
    STORY = "Story"


class TieType(StrEnum):
    MEMBER_OF = "MEMBER_OF"
    EMPLOYED_BY = "EMPLOYED_BY"
    SITS_ON = "SITS_ON"
    LEADS = "LEADS"
    PARTICIPATES_IN = "PARTICIPATES_IN"
    PARTNER_IN = "PARTNER_IN"
    PART_OF = "PART_OF"
    PRODUCED = "PRODUCED"
    ADOPTED = "ADOPTED"
    SUBUNIT_OF = "SUBUNIT_OF"
    CONTINUED_BY = "CONTINUED_BY"
    RELATED_TO = "RELATED_TO"
    HAS_GOAL = "HAS_GOAL"
    HAS_EVENT = "HAS_EVENT"
    TOOK_PART_IN = "TOOK_PART_IN"
    TELLS_OF = "TELLS_OF"


class Sector(StrEnum):
    PUBLIC = "PUBLIC"
    PRIVATE = "PRIVATE"
    THIRD_SECTOR = "THIRD_SECTOR"
    ACADEMIC = "ACADEMIC"
    RESIDENTS = "RESIDENTS"


class OrgType(StrEnum):
    MUNICIPALITY = "MUNICIPALITY"
    CITY_BRANCH = "CITY_BRANCH"
    ELECTED_BODY = "ELECTED_BODY"
    JOINT_AUTHORITY = "JOINT_AUTHORITY"
    STATE_AGENCY = "STATE_AGENCY"
    FUND = "FUND"
    LABOUR_MARKET = "LABOUR_MARKET"
    COMPANY = "COMPANY"
    NGO = "NGO"
    SCHOOL = "SCHOOL"
    RESEARCH = "RESEARCH"
    RESIDENT_GROUP = "RESIDENT_GROUP"


class SeatType(StrEnum):
    ELECTED_OFFICIAL = "ELECTED_OFFICIAL"
    CIVIL_SERVANT = "CIVIL_SERVANT"


class EventType(StrEnum):
    DECISION = "DECISION"
    MEETING = "MEETING"
    REPORT = "REPORT"
    VISIT = "VISIT"
    TRAINING = "TRAINING"
    SPARRING = "SPARRING"
    WORKSHOP = "WORKSHOP"
    LAUNCH = "LAUNCH"
    COMMITMENT = "COMMITMENT"


class Boundary(StrEnum):
    """Dimensions along which a tie can cross a boundary; derived from its ends, never stored."""

    SECTOR = "SECTOR"
    BRANCH = "BRANCH"
    ORGANISATION = "ORGANISATION"
    MUNICIPALITY = "MUNICIPALITY"
    SEAT_TYPE = "SEAT_TYPE"


@dataclass(frozen=True)
class Claim:
    """A value one set of sources gives for a field, kept beside values other sources give."""

    field: str
    value: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Node:
    """A node of any kind. Fields that a kind does not use stay None.

    Dates are ISO 8601 strings of reduced precision where the source is vague
    ("2013", "2013-06", "2013-06-10").
    """

    kind: NodeKind
    id: str
    name: str
    sources: tuple[str, ...] = ()
    description: str | None = None
    start: str | None = None
    end: str | None = None
    org_type: OrgType | None = None
    sector: Sector | None = None
    branch: str | None = None
    municipality: str | None = None
    event_type: EventType | None = None
    publisher: str | None = None
    url: str | None = None
    language: str | None = None
    claims: tuple[Claim, ...] = ()


@dataclass(frozen=True, slots=True)
class Tie:
    """A relationship. `source` and `target` are node ids; `sources` cites Source node ids."""

    type: TieType
    source: str
    target: str
    id: str
    role: str | None = None
    start: str | None = None
    end: str | None = None
    seat_type: SeatType | None = None
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class TieSpec:
    """Which node kinds a tie type may join."""

    sources: frozenset[NodeKind]
    targets: frozenset[NodeKind]


def _spec(sources: set[NodeKind], targets: set[NodeKind]) -> TieSpec:
    return TieSpec(frozenset(sources), frozenset(targets))


_P, _O = NodeKind.PERSON, NodeKind.ORGANISATION
_PG, _PJ = NodeKind.PROGRAMME, NodeKind.PROJECT

TIE_SPECS: Mapping[TieType, TieSpec] = {
    TieType.MEMBER_OF: _spec({_P, _O}, {_O}),
    TieType.EMPLOYED_BY: _spec({_P}, {_O}),
    TieType.SITS_ON: _spec({_P}, {_PG}),
    TieType.LEADS: _spec({_P, _O}, {_PG, _PJ}),
    TieType.PARTICIPATES_IN: _spec({_P, _O}, {_PG, _PJ}),
    TieType.PARTNER_IN: _spec({_O}, {_PG, _PJ}),
    TieType.PART_OF: _spec({_PG, _PJ}, {_PG}),
    TieType.PRODUCED: _spec({_PG, _PJ}, {NodeKind.OUTCOME}),
    TieType.ADOPTED: _spec({_O, _PG, _PJ}, {NodeKind.OUTCOME}),
    TieType.SUBUNIT_OF: _spec({_O}, {_O}),
    TieType.CONTINUED_BY: _spec({_PG, _PJ, NodeKind.OUTCOME}, {_PG, _PJ, NodeKind.OUTCOME}),
    TieType.RELATED_TO: _spec({_PJ, _PG}, {_PJ, _PG}),
    TieType.HAS_GOAL: _spec({_PG, _PJ}, {NodeKind.GOAL}),
    TieType.HAS_EVENT: _spec({_PG, _PJ}, {NodeKind.EVENT}),
    TieType.TOOK_PART_IN: _spec({_P, _O}, {NodeKind.EVENT}),
    TieType.TELLS_OF: _spec({NodeKind.STORY}, {_O, _PG, _PJ, NodeKind.OUTCOME}),
}


@dataclass(frozen=True)
class GraphStats:
    nodes: Mapping[NodeKind, int] = field(default_factory=dict)
    ties: Mapping[TieType, int] = field(default_factory=dict)
    unsourced_nodes: int = 0
    unsourced_ties: int = 0
