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


class Scheme(StrEnum):
    """Where an identifier comes from (graph/identifiers.py checks and normalises each)."""

    WIKIDATA = "WIKIDATA"
    ROR = "ROR"
    ORCID = "ORCID"
    ISNI = "ISNI"
    YTUNNUS = "YTUNNUS"
    URL = "URL"


@dataclass(frozen=True, order=True)
class Identifier:
    """A node's id in another register, normalised (a Wikidata entity as its bare Q-id)."""

    scheme: Scheme
    value: str

    @property
    def key(self) -> str:
        """How it is stored and looked up: `SCHEME:value`, unique across nodes."""
        return f"{self.scheme.value}:{self.value}"

    @classmethod
    def from_key(cls, key: str) -> Identifier:
        scheme, _, value = key.partition(":")
        return cls(Scheme(scheme), value)


@dataclass(frozen=True)
class Claim:
    """A value one set of sources gives for a field, kept beside values other sources give;
    None: those sources say the field has no value (an update cleared it)."""

    field: str
    value: str | None
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
    identifiers: tuple[Identifier, ...] = ()
    """Only kinds whose spec is `identified` (people and organisations) have any."""
    merged_from: tuple[str, ...] = ()
    """Ids of nodes merged into this one; looking one of them up answers this node."""


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


class Role(StrEnum):
    """How nodes of a kind take part in the network science."""

    ACTOR = "actor"
    """People and organisations: the projections link them."""
    INITIATIVE = "initiative"
    """Programmes and projects: actors who take part in the same one are linked, and a tie
    inside one without dates of its own counts with the initiative's."""
    OCCASION = "occasion"
    """Events: actors who took part in the same one are linked."""


class Timing(StrEnum):
    """What a kind's `start` and `end` mean."""

    UNDATED = "undated"
    """No period of its own (people, organisations, goals): their ties carry the dates."""
    PERIOD = "period"
    """Active from `start` to `end`; filtered by period, sorted by start and end."""
    INSTANT = "instant"
    """A point in time, or a short span: as PERIOD, but with only a start it ends when it
    starts, at the date's precision (an event of "2015-06" is that month)."""
    PUBLISHED = "published"
    """A source's publication date (`start`, given as `date`); sorted by it, no period."""


@dataclass(frozen=True)
class Field:
    """A property a kind adds to those every node has (id, name, description, start, end,
    sources, claims)."""

    name: str
    """As GraphQL, the import formats and the stores name it."""
    attribute: str
    """The `Node` attribute that holds it."""
    choices: type[StrEnum] | None = None
    """The enum its values come from; None for free text."""
    token: bool = False
    """Text read trimmed, as one token: an address, a language code."""
    about: str = ""
    """What it holds, for people: the API's description of it, the import formats' docs."""


@dataclass(frozen=True)
class KindSpec:
    """Everything about a node kind that is not GraphQL: its fields, dates and part in the
    network science. Storage columns, import fields, the CSV bundle, the Cypher indexes, the
    analytics' roles and the root lists are all derived from these."""

    plural: str
    """The name of its root list."""
    timing: Timing = Timing.UNDATED
    role: Role | None = None
    fields: tuple[Field, ...] = ()
    filters: tuple[str, ...] = ()
    """The fields its root list filters on, in the filter's order: a field with choices
    matches any of those given, a text field equals the one given."""
    bounds_ties: bool = False
    """Its dates (its own, or those it takes from what it belongs to) bound an undated tie it
    is in: an actor's seat on a programme, a programme's event."""
    identified: bool = False
    """It carries identifiers in other registers (Wikidata, ORCID, ...) and imports match
    stored nodes by them."""
    spelled: Mapping[str, str] = field(default_factory=dict)
    """Common fields that imports and GraphQL name otherwise for this kind (a source's
    `title` and `date`)."""

    @property
    def dated(self) -> bool:
        return self.timing is not Timing.UNDATED

    @property
    def spans(self) -> bool:
        """Whether it is active over a span that periods select (not a publication date)."""
        return self.timing in (Timing.PERIOD, Timing.INSTANT)


_ORGANISATION_FIELDS = (
    Field("orgType", "org_type", OrgType, about="What kind of organisation it is."),
    Field(
        "sector",
        "sector",
        Sector,
        about="Its sector: public, private, third sector, academic or residents.",
    ),
    Field(
        "branch",
        "branch",
        about="The city's administrative branch a city's own unit belongs to, as the city "
        "names it (e.g. Sivistystoimi).",
    ),
    Field("municipality", "municipality", about="The municipality it is in or belongs to."),
)
_SOURCE_FIELDS = (
    Field("publisher", "publisher", about="Who published it: an organisation or a newspaper."),
    Field(
        "url", "url", token=True, about="The address it was read from (a citation, not fetched)."
    ),
    Field(
        "language",
        "language",
        token=True,
        about="Its language as a BCP 47 code: fi, sv, en.",
    ),
)

KIND_SPECS: Mapping[NodeKind, KindSpec] = {
    NodeKind.PERSON: KindSpec("people", role=Role.ACTOR, identified=True),
    NodeKind.ORGANISATION: KindSpec(
        "organisations",
        role=Role.ACTOR,
        identified=True,
        fields=_ORGANISATION_FIELDS,
        filters=("sector", "orgType", "municipality", "branch"),
    ),
    NodeKind.PROGRAMME: KindSpec("programmes", Timing.PERIOD, Role.INITIATIVE, bounds_ties=True),
    NodeKind.PROJECT: KindSpec("projects", Timing.PERIOD, Role.INITIATIVE, bounds_ties=True),
    NodeKind.OUTCOME: KindSpec("outcomes", Timing.PERIOD),
    NodeKind.SOURCE: KindSpec(
        "sources",
        Timing.PUBLISHED,
        fields=_SOURCE_FIELDS,
        filters=("publisher", "language"),
        spelled={"name": "title", "start": "date"},
    ),
    NodeKind.GOAL: KindSpec("goals", bounds_ties=True),
    NodeKind.EVENT: KindSpec(
        "events",
        Timing.INSTANT,
        Role.OCCASION,
        fields=(Field("eventType", "event_type", EventType, about="What kind of event it is."),),
        filters=("eventType",),
        bounds_ties=True,
    ),
    NodeKind.STORY: KindSpec("stories", Timing.INSTANT, bounds_ties=True),
}


def kinds_in(*roles: Role) -> tuple[NodeKind, ...]:
    """The kinds that play any of `roles`, in NodeKind's order."""
    return tuple(kind for kind, spec in KIND_SPECS.items() if spec.role in roles)


ACTOR_KINDS = kinds_in(Role.ACTOR)
INITIATIVE_KINDS = kinds_in(Role.INITIATIVE)
AFFILIATION_KINDS = kinds_in(Role.INITIATIVE, Role.OCCASION)
"""What the projections link actors through: taking part in the same one."""
INSTANT_KINDS = frozenset(k for k, spec in KIND_SPECS.items() if spec.timing is Timing.INSTANT)
IDENTIFIED_KINDS = tuple(kind for kind, spec in KIND_SPECS.items() if spec.identified)
TIE_BOUNDING_KINDS = tuple(kind for kind, spec in KIND_SPECS.items() if spec.bounds_ties)


@dataclass(frozen=True)
class GraphStats:
    nodes: Mapping[NodeKind, int] = field(default_factory=dict)
    ties: Mapping[TieType, int] = field(default_factory=dict)
    unsourced_nodes: int = 0
    unsourced_ties: int = 0
