"""The knowledge node types and their typed relationship fields.

The types refer to one another (a programme's steering group holds people whose memberships
hold organisations...), so they live in one module. Each wraps a domain `Node` (`record`);
relationship fields page through that node's ties with the edge properties on each edge.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any

import strawberry

from graph import model
from graph.model import NodeKind as K
from graph.model import TieType as T
from graph.store import Direction, Hop
from resolvers import global_ids
from resolvers.pages import tie_page
from schema.connections import TieConnection, TieEdge, page_info
from schema.enums import EventType, NodeKind, OrgType, Sector
from schema.info import Info
from schema.scalars import PartialDate, partial_date

OUT, IN = Direction.OUT, Direction.IN
ACTORS = (K.PERSON, K.ORGANISATION)
INITIATIVES = (K.PROGRAMME, K.PROJECT)
PARTICIPATION = (T.LEADS, T.PARTICIPATES_IN, T.PARTNER_IN)
MEMBERSHIP = (T.EMPLOYED_BY, T.MEMBER_OF)


def _hop(parent: K, types: tuple[T, ...], direction: Direction, *others: K) -> Hop:
    return Hop(parent, types, direction, others)


async def sources_of(info: strawberry.Info, ids: Sequence[str]) -> list[Source]:
    found = await info.context.nodes(K.SOURCE).load_many(list(ids))
    return [Source(record=node) for node in found if node is not None]


async def _ties(info: Info, parent: Entity, hop: Hop, first: int, after: str | None) -> Any:
    page = await tie_page(info.context, hop, parent.record.id, first, after)
    edges = [
        TieEdge(
            position=position,
            cursor_at=page.cursor_at,
            node=as_graphql(item.node),
            tie_id=item.tie.id,
            type=item.tie.type,
            role=item.tie.role,
            start=partial_date(item.tie.start),
            end=partial_date(item.tie.end),
            seat_type=item.tie.seat_type,
            source_ids=item.tie.sources,
        )
        for position, item in enumerate(page.items)
    ]
    return TieConnection(
        edges=edges,
        page_info=page_info(page.cursor_at, len(page.items), page.has_next, after is not None),
        total_count=page.total,
    )


@strawberry.type(description="A value that some sources give for a field, with those sources.")
class Claim:
    field: str
    value: str
    source_ids: strawberry.Private[tuple[str, ...]]

    @strawberry.field
    async def sources(self, info: Info) -> list[Source]:
        return await sources_of(info, self.source_ids)


@strawberry.interface(description="An object with a global id (Relay).")
class Node:
    record: strawberry.Private[model.Node]

    @strawberry.field(description="The global id: opaque, stable, accepted by `node(id)`.")
    def id(self) -> strawberry.ID:
        return strawberry.ID(global_ids.encode(self.record.kind, self.record.id))


@strawberry.interface(description="A node of the knowledge graph, with the sources that state it.")
class Entity(Node):
    @strawberry.field(description="The stable identifier chosen at import.")
    def slug(self) -> str:
        return self.record.id

    @strawberry.field
    def kind(self) -> NodeKind:
        return self.record.kind

    @strawberry.field
    def name(self) -> str:
        return self.record.name

    @strawberry.field
    def description(self) -> str | None:
        return self.record.description

    @strawberry.field(description="The sources that state this node.")
    async def sources(self, info: Info) -> list[Source]:
        return await sources_of(info, self.record.sources)

    @strawberry.field(description="True when no source states this node.")
    def unsourced(self) -> bool:
        return not self.record.sources

    @strawberry.field(description="Values that sources disagree on, each with its sources.")
    def claims(self) -> list[Claim]:
        return [
            Claim(field=c.field, value=c.value, source_ids=c.sources) for c in self.record.claims
        ]


@strawberry.interface(description="A node with a period: programmes, projects, outcomes, events.")
class Dated(Entity):
    @strawberry.field
    def start(self) -> PartialDate | None:
        return partial_date(self.record.start)

    @strawberry.field
    def end(self) -> PartialDate | None:
        return partial_date(self.record.end)


Page = Annotated[int, strawberry.argument(description="How many to return (at most 100).")]
After = Annotated[str | None, strawberry.argument(description="A cursor from an earlier page.")]


@strawberry.type(description="A person in a public role.")
class Person(Entity):
    @strawberry.field(description="Organisations the person works for or belongs to, over time.")
    async def memberships(
        self, info: Info, first: Page = 20, after: After = None
    ) -> TieConnection[Organisation]:
        hop = _hop(K.PERSON, MEMBERSHIP, OUT, K.ORGANISATION)
        return await _ties(info, self, hop, first, after)  # type: ignore[no-any-return]

    @strawberry.field(description="Seats on programme steering groups, with the seat type.")
    async def steering_seats(
        self, info: Info, first: Page = 20, after: After = None
    ) -> TieConnection[Programme]:
        hop = _hop(K.PERSON, (T.SITS_ON,), OUT, K.PROGRAMME)
        return await _ties(info, self, hop, first, after)  # type: ignore[no-any-return]

    @strawberry.field(description="Programmes and projects the person leads or takes part in.")
    async def initiatives(
        self, info: Info, first: Page = 20, after: After = None
    ) -> TieConnection[Initiative]:
        hop = _hop(K.PERSON, PARTICIPATION, OUT, *INITIATIVES)
        return await _ties(info, self, hop, first, after)  # type: ignore[no-any-return]

    @strawberry.field(description="Events the person took part in.")
    async def events(
        self, info: Info, first: Page = 20, after: After = None
    ) -> TieConnection[Event]:
        hop = _hop(K.PERSON, (T.TOOK_PART_IN,), OUT, K.EVENT)
        return await _ties(info, self, hop, first, after)  # type: ignore[no-any-return]


@strawberry.type(description="An organisation: a municipality, a city branch, a company, an NGO...")
class Organisation(Entity):
    @strawberry.field
    def org_type(self) -> OrgType | None:
        return self.record.org_type

    @strawberry.field
    def sector(self) -> Sector | None:
        return self.record.sector

    @strawberry.field(description="The administrative branch, for a city's own units.")
    def branch(self) -> str | None:
        return self.record.branch

    @strawberry.field
    def municipality(self) -> str | None:
        return self.record.municipality

    @strawberry.field(description="People and organisations that work for or belong to it.")
    async def members(
        self, info: Info, first: Page = 20, after: After = None
    ) -> TieConnection[Actor]:
        hop = _hop(K.ORGANISATION, MEMBERSHIP, IN, *ACTORS)
        return await _ties(info, self, hop, first, after)  # type: ignore[no-any-return]

    @strawberry.field(description="Organisations this one belongs to or is a unit of.")
    async def parents(
        self, info: Info, first: Page = 20, after: After = None
    ) -> TieConnection[Organisation]:
        hop = _hop(K.ORGANISATION, (T.SUBUNIT_OF, T.MEMBER_OF), OUT, K.ORGANISATION)
        return await _ties(info, self, hop, first, after)  # type: ignore[no-any-return]

    @strawberry.field(description="Units inside this organisation.")
    async def units(
        self, info: Info, first: Page = 20, after: After = None
    ) -> TieConnection[Organisation]:
        hop = _hop(K.ORGANISATION, (T.SUBUNIT_OF,), IN, K.ORGANISATION)
        return await _ties(info, self, hop, first, after)  # type: ignore[no-any-return]

    @strawberry.field(description="Programmes and projects it leads, partners in or takes part in.")
    async def initiatives(
        self, info: Info, first: Page = 20, after: After = None
    ) -> TieConnection[Initiative]:
        hop = _hop(K.ORGANISATION, PARTICIPATION, OUT, *INITIATIVES)
        return await _ties(info, self, hop, first, after)  # type: ignore[no-any-return]

    @strawberry.field(description="Outcomes the organisation adopted.")
    async def adopted(
        self, info: Info, first: Page = 20, after: After = None
    ) -> TieConnection[Outcome]:
        hop = _hop(K.ORGANISATION, (T.ADOPTED,), OUT, K.OUTCOME)
        return await _ties(info, self, hop, first, after)  # type: ignore[no-any-return]

    @strawberry.field(description="Events the organisation took part in.")
    async def events(
        self, info: Info, first: Page = 20, after: After = None
    ) -> TieConnection[Event]:
        hop = _hop(K.ORGANISATION, (T.TOOK_PART_IN,), OUT, K.EVENT)
        return await _ties(info, self, hop, first, after)  # type: ignore[no-any-return]


@strawberry.interface(
    description="A programme or a project: something people and organisations do."
)
class Initiative(Dated):
    @strawberry.field(description="Everyone who leads, partners in or takes part in it.")
    async def participants(
        self, info: Info, first: Page = 20, after: After = None
    ) -> TieConnection[Actor]:
        hop = _hop(self.record.kind, PARTICIPATION, IN, *ACTORS)
        return await _ties(info, self, hop, first, after)  # type: ignore[no-any-return]

    @strawberry.field(description="Those who lead it: managers, owners, directors.")
    async def leaders(
        self, info: Info, first: Page = 20, after: After = None
    ) -> TieConnection[Actor]:
        hop = _hop(self.record.kind, (T.LEADS,), IN, *ACTORS)
        return await _ties(info, self, hop, first, after)  # type: ignore[no-any-return]

    @strawberry.field(description="Partner organisations: hosts, funders, coordinators, partners.")
    async def partners(
        self, info: Info, first: Page = 20, after: After = None
    ) -> TieConnection[Organisation]:
        hop = _hop(self.record.kind, (T.PARTNER_IN,), IN, K.ORGANISATION)
        return await _ties(info, self, hop, first, after)  # type: ignore[no-any-return]

    @strawberry.field(description="Programmes it is part of.")
    async def programmes(
        self, info: Info, first: Page = 20, after: After = None
    ) -> TieConnection[Programme]:
        hop = _hop(self.record.kind, (T.PART_OF,), OUT, K.PROGRAMME)
        return await _ties(info, self, hop, first, after)  # type: ignore[no-any-return]

    @strawberry.field(description="Outcomes it produced.")
    async def outcomes(
        self, info: Info, first: Page = 20, after: After = None
    ) -> TieConnection[Outcome]:
        hop = _hop(self.record.kind, (T.PRODUCED,), OUT, K.OUTCOME)
        return await _ties(info, self, hop, first, after)  # type: ignore[no-any-return]

    @strawberry.field
    async def goals(self, info: Info, first: Page = 20, after: After = None) -> TieConnection[Goal]:
        hop = _hop(self.record.kind, (T.HAS_GOAL,), OUT, K.GOAL)
        return await _ties(info, self, hop, first, after)  # type: ignore[no-any-return]

    @strawberry.field
    async def events(
        self, info: Info, first: Page = 20, after: After = None
    ) -> TieConnection[Event]:
        hop = _hop(self.record.kind, (T.HAS_EVENT,), OUT, K.EVENT)
        return await _ties(info, self, hop, first, after)  # type: ignore[no-any-return]

    @strawberry.field(description="What carried it on.")
    async def continued_by(
        self, info: Info, first: Page = 20, after: After = None
    ) -> TieConnection[Initiative]:
        hop = _hop(self.record.kind, (T.CONTINUED_BY,), OUT, *INITIATIVES)
        return await _ties(info, self, hop, first, after)  # type: ignore[no-any-return]

    @strawberry.field(description="What it carries on.")
    async def continues(
        self, info: Info, first: Page = 20, after: After = None
    ) -> TieConnection[Initiative]:
        hop = _hop(self.record.kind, (T.CONTINUED_BY,), IN, *INITIATIVES)
        return await _ties(info, self, hop, first, after)  # type: ignore[no-any-return]

    @strawberry.field(description="Related programmes and projects, either way.")
    async def related(
        self, info: Info, first: Page = 20, after: After = None
    ) -> TieConnection[Initiative]:
        hop = _hop(self.record.kind, (T.RELATED_TO,), OUT, *INITIATIVES)
        return await _ties(info, self, hop, first, after)  # type: ignore[no-any-return]


@strawberry.type(description="A development programme, such as one of Espoo's or KunTeko 2020.")
class Programme(Initiative):
    @strawberry.field(description="The steering group: each seat's role and seat type on the edge.")
    async def steering_group(
        self, info: Info, first: Page = 20, after: After = None
    ) -> TieConnection[Person]:
        hop = _hop(K.PROGRAMME, (T.SITS_ON,), IN, K.PERSON)
        return await _ties(info, self, hop, first, after)  # type: ignore[no-any-return]

    @strawberry.field(description="Projects in this programme.")
    async def projects(
        self, info: Info, first: Page = 20, after: After = None
    ) -> TieConnection[Project]:
        hop = _hop(K.PROGRAMME, (T.PART_OF,), IN, K.PROJECT)
        return await _ties(info, self, hop, first, after)  # type: ignore[no-any-return]

    @strawberry.field(description="Programmes inside this one.")
    async def subprogrammes(
        self, info: Info, first: Page = 20, after: After = None
    ) -> TieConnection[Programme]:
        hop = _hop(K.PROGRAMME, (T.PART_OF,), IN, K.PROGRAMME)
        return await _ties(info, self, hop, first, after)  # type: ignore[no-any-return]


@strawberry.type(description="A project, pilot or service within a programme.")
class Project(Initiative):
    pass


@strawberry.type(description="Something that came of the work: a service, a model, a commitment.")
class Outcome(Dated):
    @strawberry.field(description="Programmes and projects that produced it.")
    async def produced_by(
        self, info: Info, first: Page = 20, after: After = None
    ) -> TieConnection[Initiative]:
        hop = _hop(K.OUTCOME, (T.PRODUCED,), IN, *INITIATIVES)
        return await _ties(info, self, hop, first, after)  # type: ignore[no-any-return]

    @strawberry.field(description="Organisations, programmes and projects that adopted it.")
    async def adopted_by(
        self, info: Info, first: Page = 20, after: After = None
    ) -> TieConnection[Entity]:
        hop = _hop(K.OUTCOME, (T.ADOPTED,), IN, K.ORGANISATION, *INITIATIVES)
        return await _ties(info, self, hop, first, after)  # type: ignore[no-any-return]


@strawberry.type(description="A goal a programme or project set itself.")
class Goal(Entity):
    @strawberry.field(description="The programmes and projects that set it.")
    async def set_by(
        self, info: Info, first: Page = 20, after: After = None
    ) -> TieConnection[Initiative]:
        hop = _hop(K.GOAL, (T.HAS_GOAL,), IN, *INITIATIVES)
        return await _ties(info, self, hop, first, after)  # type: ignore[no-any-return]


@strawberry.type(description="An event: a decision, a meeting, a visit, a training...")
class Event(Dated):
    @strawberry.field
    def event_type(self) -> EventType | None:
        return self.record.event_type

    @strawberry.field(description="People and organisations that took part.")
    async def participants(
        self, info: Info, first: Page = 20, after: After = None
    ) -> TieConnection[Actor]:
        hop = _hop(K.EVENT, (T.TOOK_PART_IN,), IN, *ACTORS)
        return await _ties(info, self, hop, first, after)  # type: ignore[no-any-return]

    @strawberry.field(description="The programmes and projects it belongs to.")
    async def initiatives(
        self, info: Info, first: Page = 20, after: After = None
    ) -> TieConnection[Initiative]:
        hop = _hop(K.EVENT, (T.HAS_EVENT,), IN, *INITIATIVES)
        return await _ties(info, self, hop, first, after)  # type: ignore[no-any-return]


@strawberry.type(description="A development story, such as those on the Tekojen tori marketplace.")
class Story(Dated):
    @strawberry.field(description="What the story tells of.")
    async def tells_of(
        self, info: Info, first: Page = 20, after: After = None
    ) -> TieConnection[Entity]:
        hop = _hop(K.STORY, (T.TELLS_OF,), OUT, K.ORGANISATION, *INITIATIVES, K.OUTCOME)
        return await _ties(info, self, hop, first, after)  # type: ignore[no-any-return]


@strawberry.type(description="Where facts come from: a document, a page, a decision.")
class Source(Entity):
    @strawberry.field
    def title(self) -> str:
        return self.record.name

    @strawberry.field
    def publisher(self) -> str | None:
        return self.record.publisher

    @strawberry.field(description="When it was published.")
    def date(self) -> PartialDate | None:
        return partial_date(self.record.start)

    @strawberry.field(description="The address it was read from (a citation, not fetched).")
    def url(self) -> str | None:
        return self.record.url

    @strawberry.field
    def language(self) -> str | None:
        return self.record.language


Actor = Annotated[Person | Organisation, strawberry.union("Actor")]

_TYPES: dict[K, type[Entity]] = {
    K.PERSON: Person,
    K.ORGANISATION: Organisation,
    K.PROGRAMME: Programme,
    K.PROJECT: Project,
    K.OUTCOME: Outcome,
    K.SOURCE: Source,
    K.GOAL: Goal,
    K.EVENT: Event,
    K.STORY: Story,
}
ALL_TYPES = tuple(_TYPES.values())


def as_graphql(record: model.Node) -> Any:
    return _TYPES[record.kind](record=record)
