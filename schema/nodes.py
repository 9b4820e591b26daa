"""The knowledge node types and their typed relationship fields.

The types refer to one another (a programme's steering group holds people whose memberships
hold organisations...), so they live in one module. Each wraps a domain `Node` (`record`);
relationship fields page through that node's ties with the edge properties on each edge.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any, Generic, TypeAlias, TypeVar, cast

import strawberry
from graphql.pyutils import gather_with_cancel
from strawberry.scalars import JSON

from graph import model
from graph.history import LogEntry
from graph.store import EdgeMatch, Hop
from resolvers import global_ids
from resolvers.context import Context
from resolvers.history import HistoryPage, history_page
from resolvers.pages import TiePage, first_tie_pages, tie_page
from resolvers.tallies import counted_tie_page
from schema.aggregates import TieAggregate
from schema.batched_fields import resolved_in_batches
from schema.connections import CursorAt, PageInfo, page_info
from schema.count_orders import TieOrder, tie_count
from schema.enums import EventType, NodeKind, OrgType, SeatType, Sector, TieType
from schema.filters import EDGE_FILTERS, EdgeFilter
from schema.identifiers import Identifier
from schema.info import Info
from schema.kind_fields import about
from schema.relations import hop_of
from schema.scalars import PartialDate, partial_date

# A relationship field's `filter`: which ties to list, by the tie and its far node (the far
# end's group: schema/filters.py). mypy sees the common base; strawberry the generated type.
if TYPE_CHECKING:
    ActorEdges: TypeAlias = EdgeFilter | None
    EntityEdges: TypeAlias = EdgeFilter | None
    EventEdges: TypeAlias = EdgeFilter | None
    GoalEdges: TypeAlias = EdgeFilter | None
    InitiativeEdges: TypeAlias = EdgeFilter | None
    OrganisationEdges: TypeAlias = EdgeFilter | None
    OutcomeEdges: TypeAlias = EdgeFilter | None
    PersonEdges: TypeAlias = EdgeFilter | None
    ProgrammeEdges: TypeAlias = EdgeFilter | None
    ProjectEdges: TypeAlias = EdgeFilter | None
else:
    _WHICH = strawberry.argument(
        description="Which ties to list: conditions on each tie and the node at its far end."
    )
    (
        ActorEdges,
        EntityEdges,
        EventEdges,
        GoalEdges,
        InitiativeEdges,
        OrganisationEdges,
        OutcomeEdges,
        PersonEdges,
        ProgrammeEdges,
        ProjectEdges,
    ) = (
        Annotated[EDGE_FILTERS[group] | None, _WHICH]
        for group in (
            "Actor",
            "Entity",
            "Event",
            "Goal",
            "Initiative",
            "Organisation",
            "Outcome",
            "Person",
            "Programme",
            "Project",
        )
    )


IDENTIFIERS_HELP = (
    "Its ids in other registers (Wikidata, ORCID, ROR, ISNI, Y-tunnus, URL), normalised; "
    "`nodeByIdentifier` finds it by any of them."
)


def identifiers_of(record: model.Node) -> list[Identifier]:
    return [Identifier(scheme=i.scheme, value=i.value) for i in record.identifiers]


async def sources_of(info: Info, ids: Sequence[str]) -> list[Source]:
    found = await info.context.nodes(NodeKind.SOURCE).load_many(list(ids))
    return [Source(record=node) for node in found if node is not None]


HistoryFirst = Annotated[
    int | None,
    strawberry.argument(description="How many entries (newest first); the default page size."),
]
HistoryAfter = Annotated[
    str | None,
    strawberry.argument(description="An entry's cursor: the entries written before it."),
]


@strawberry.type(
    description="One write to a node or tie, as the log recorded it (docs/history.md)."
)
class HistoryEntry:
    position: int = strawberry.field(
        description="The entry's place in the database's log: strictly increasing, the graph "
        "version after the write; `changes(since:)` resumes from it."
    )
    time: datetime = strawberry.field(description="When it was written (UTC).")
    actor: str = strawberry.field(
        description="Who wrote it: a token's name, `cli:<user>` from the command line, or `system`."
    )
    operation: str = strawberry.field(
        description="What the write was: createNode, updateNode, link, updateTie, unlink, "
        "import, bulkLoad, forgetPerson, mergeNodes..."
    )
    before: JSON | None = strawberry.field(
        description="The stored values before the write (fields as the import formats name "
        "them, sources as slugs); null when it did not exist."
    )
    after: JSON | None = strawberry.field(
        description="The stored values after the write; null when it was removed."
    )
    source_ids: strawberry.Private[tuple[str, ...]]

    @strawberry.field(description="The sources the write cited (the ones cited after it).")
    async def sources(self, info: Info) -> list[Annotated[Source, strawberry.lazy("schema.nodes")]]:
        from schema.nodes import sources_of

        return await sources_of(info, self.source_ids)


@strawberry.type(description="One entry of a history, with its cursor.")
class HistoryEdge:
    node: HistoryEntry = strawberry.field(description="The entry.")
    cursor: str = strawberry.field(description="Pass as `after` for the entries before it.")


@strawberry.type(description="A page of a node's or tie's history, newest first.")
class HistoryConnection:
    edges: list[HistoryEdge] = strawberry.field(description="The entries on this page.")
    page_info: PageInfo = strawberry.field(description="Whether older entries follow, and cursors.")


def _history_entry(found: LogEntry) -> HistoryEntry:
    return HistoryEntry(
        position=found.position,
        time=datetime.fromisoformat(found.time),
        actor=found.actor,
        operation=found.operation,
        before=cast(JSON | None, found.values_before()),
        after=cast(JSON | None, found.values_after()),
        source_ids=found.sources,
    )


def _history_connection(page: HistoryPage) -> HistoryConnection:
    return HistoryConnection(
        edges=[
            HistoryEdge(node=_history_entry(found), cursor=page.cursor_at(index))
            for index, found in enumerate(page.entries)
        ],
        page_info=page_info(page.cursor_at, len(page.entries), page.has_next, page.after_given),
    )


async def history_of(
    info: Info, subject_type: str, subject: str, first: int | None, after: str | None
) -> HistoryConnection:
    return _history_connection(
        await history_page(info.context, subject_type, subject, first, after)
    )


async def _ties(
    context: Context,
    parent: Entity,
    relation: str,
    first: int,
    after: str | None,
    filter_: EdgeFilter | None,
    order_by: TieOrder | None = None,
) -> TieConnection[Any]:
    """A page of the parent's ties along its relationship field `relation` (schema/relations.py)."""
    hop = hop_of(parent.record.kind, relation)
    where = None if filter_ is None else filter_.edge_match(hop)
    if order_by is None:
        page = await tie_page(context, hop, parent.record.id, first, after, where)
    else:
        count = tie_count(hop.others, order_by.count)
        page = await counted_tie_page(
            context, hop, parent.record.id, count, order_by.descending(), first, after, where
        )
    return _tie_connection(page, hop, parent.record.id, where, after)


async def _first_ties_of_many(
    context: Context,
    parents: Sequence[Entity],
    relation: str,
    first: int,
    filter_: EdgeFilter | None,
) -> list[TieConnection[Any]]:
    """`_ties` without `after` or `orderBy` for each parent, one batched load per hop."""
    by_hop: dict[Hop, list[int]] = {}
    for index, parent in enumerate(parents):
        by_hop.setdefault(hop_of(parent.record.kind, relation), []).append(index)
    connections: list[TieConnection[Any] | None] = [None] * len(parents)

    async def along(hop: Hop, indices: list[int]) -> None:
        where = None if filter_ is None else filter_.edge_match(hop)
        ids = [parents[index].record.id for index in indices]
        pages = await first_tie_pages(context, hop, ids, first, where)
        for index, parent_id, page in zip(indices, ids, pages, strict=True):
            connections[index] = _tie_connection(page, hop, parent_id, where, None)

    await gather_with_cancel(*(along(hop, indices) for hop, indices in by_hop.items()))
    return cast(list[TieConnection[Any]], connections)


Resolver = TypeVar("Resolver", bound=Callable[..., Any])


def _ties_in_batches(method: Resolver) -> Resolver:
    """Registers the batch form of a relationship field named as its relation."""
    relation = method.__name__

    async def many(
        context: Context, parents: Sequence[Entity], arguments: Mapping[str, Any]
    ) -> Sequence[TieConnection[Any]]:
        first, after, filter_ = arguments["first"], arguments["after"], arguments["filter"]
        if after is None and arguments["order_by"] is None:
            return await _first_ties_of_many(context, parents, relation, first, filter_)
        return await gather_with_cancel(
            *(
                _ties(context, parent, relation, first, after, filter_, arguments["order_by"])
                for parent in parents
            )
        )

    return resolved_in_batches(many)(method)


def _tie_connection(
    page: TiePage, hop: Hop, parent_id: str, where: EdgeMatch | None, after: str | None
) -> TieConnection[Any]:
    cursor_at = page.cursor_at
    edges: list[TieEdge[Any]] = []
    for position, item in enumerate(page.items):
        far = item.node
        node = _new(_TYPE_OF_KIND[id(far.kind)])  # as_graphql(far), without its call
        node.record = far
        edge: TieEdge[Any] = _new(TieEdge)
        edge.node = node
        edge.tie = item.tie
        edge.position = position
        edge.cursor_at = cursor_at
        edges.append(edge)
    return TieConnection(
        edges=edges,
        page_info=page_info(page.cursor_at, len(page.items), page.has_next, after is not None),
        total_count=page.total,
        hop=hop,
        parent_id=parent_id,
        where=where,
    )


Target = TypeVar("Target")  # the node at the far end of a tie


@strawberry.type(description="A tie to the node, with the tie's own properties.")
class TieEdge(Generic[Target]):
    """Built for every tie of a page with its far node; the other fields are read from the tie
    when asked."""

    node: Target = strawberry.field(description="The node at the tie's far end.")
    tie: strawberry.Private[model.Tie]
    position: strawberry.Private[int]
    cursor_at: strawberry.Private[CursorAt]

    @strawberry.field(description="The tie's stable identifier.")
    def tie_id(self) -> str:
        return self.tie.id

    @strawberry.field(description="The tie's type, which says which way it goes.")
    def type(self) -> TieType:
        return self.tie.type

    @strawberry.field(
        description="The role held through the tie, in the source's words (chair, member, "
        "project manager, host...); null when the source names none."
    )
    def role(self) -> str | None:
        return self.tie.role

    @strawberry.field(
        description="When the tie began, at the precision the source gives; null when it "
        "does not say (network questions then use the initiative's dates)."
    )
    def start(self) -> PartialDate | None:
        return partial_date(self.tie.start)

    @strawberry.field(
        description="When the tie ended; null when it is open-ended or the source does not say."
    )
    def end(self) -> PartialDate | None:
        return partial_date(self.tie.end)

    @strawberry.field(description="On steering-group seats: elected official or civil servant.")
    def seat_type(self) -> SeatType | None:
        return self.tie.seat_type

    @strawberry.field(description="Pass as `after` to get the ties that follow this one.")
    def cursor(self) -> str:
        return self.cursor_at(self.position)

    @strawberry.field(description="The sources that state this tie.")
    async def sources(self, info: Info) -> list[Source]:
        return await sources_of(info, self.tie.sources)

    @strawberry.field(
        description="Every write to this tie, newest first: when, by whom, the values before "
        "and after, the sources cited (docs/history.md)."
    )
    async def history(
        self, info: Info, first: HistoryFirst = None, after: HistoryAfter = None
    ) -> HistoryConnection:
        return await history_of(info, self.tie.type.value, self.tie.id, first, after)


@strawberry.type(
    description="A page of a node's ties of some types, ordered by the far node's name (as "
    "code points), then its id, then the tie's id; or as its `orderBy` says."
)
class TieConnection(Generic[Target]):
    edges: list[TieEdge[Target]] = strawberry.field(description="The ties on this page.")
    page_info: PageInfo = strawberry.field(description="Whether more ties follow, and cursors.")
    total_count: int = strawberry.field(description="How many ties there are, over all pages.")
    hop: strawberry.Private[Hop]
    parent_id: strawberry.Private[str]
    where: strawberry.Private[EdgeMatch | None]

    @strawberry.field(
        description="Aggregates over every tie that matches (not only this page): count, the "
        "span of their dates, counts by a key of the tie or the far node. Computed when asked."
    )
    def aggregate(self) -> TieAggregate:
        return TieAggregate(hop=self.hop, parent_id=self.parent_id, where=self.where)


@strawberry.type(description="A value that some sources give for a field, with those sources.")
class Claim:
    field: str = strawberry.field(description="The field the value is for, as GraphQL names it.")
    value: str | None = strawberry.field(
        description="The value these sources give, as text; null: they say the field has no "
        "value (an update cleared it)."
    )
    source_ids: strawberry.Private[tuple[str, ...]]

    @strawberry.field(description="The sources that give this value.")
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

    @strawberry.field(description="Which kind of node it is (its type's name in capitals).")
    def kind(self) -> NodeKind:
        return self.record.kind

    @strawberry.field(
        description="Its name as the sources give it, in Finnish where they are Finnish; a "
        "source's title. `NAME` orders by it in Finnish order."
    )
    def name(self) -> str:
        return self.record.name

    @strawberry.field(
        description="What it is, in a few sentences from its sources; null when none is kept. "
        "May span lines."
    )
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

    @strawberry.field(
        description="Every write to this node, newest first: when, by whom, the values before "
        "and after, the sources cited (docs/history.md)."
    )
    async def history(
        self, info: Info, first: HistoryFirst = None, after: HistoryAfter = None
    ) -> HistoryConnection:
        return await history_of(info, self.record.kind.value, self.record.id, first, after)

    @strawberry.field(
        description="Global ids of the nodes merged into this one (`mergeNodes`): `node` "
        "answers this node for each of them."
    )
    def merged_from(self) -> list[strawberry.ID]:
        kind = self.record.kind
        return [strawberry.ID(global_ids.encode(kind, i)) for i in self.record.merged_from]


@strawberry.interface(description="A node with a period: programmes, projects, outcomes, events.")
class Dated(Entity):
    @strawberry.field(
        description="When it began, at the precision its sources give (`2013`, `2013-06`, "
        "`2013-06-10`); null when they do not say."
    )
    def start(self) -> PartialDate | None:
        return partial_date(self.record.start)

    @strawberry.field(
        description="When it ended or ends; null when open-ended or not known. An event or "
        "story with only a start ends when it starts, at that precision."
    )
    def end(self) -> PartialDate | None:
        return partial_date(self.record.end)


Page = Annotated[int, strawberry.argument(description="How many to return (at most 100).")]
After = Annotated[
    str | None,
    strawberry.argument(
        description="The cursor of the last tie seen (`endCursor`): the ties after it."
    ),
]
Sorted = Annotated[
    TieOrder | None,
    strawberry.argument(
        description="Sort by a count of the far nodes' ties; by name, id and tie id if not given."
    ),
]


@strawberry.type(description="A person in a public role.")
class Person(Entity):
    @strawberry.field(description=IDENTIFIERS_HELP)
    def identifiers(self) -> list[Identifier]:
        return identifiers_of(self.record)

    @strawberry.field(description="Organisations the person works for or belongs to, over time.")
    @_ties_in_batches
    async def memberships(
        self,
        info: Info,
        first: Page = 20,
        after: After = None,
        filter: OrganisationEdges = None,
        order_by: Sorted = None,
    ) -> TieConnection[Organisation]:
        return await _ties(info.context, self, "memberships", first, after, filter, order_by)

    @strawberry.field(description="Seats on programme steering groups, with the seat type.")
    @_ties_in_batches
    async def steering_seats(
        self,
        info: Info,
        first: Page = 20,
        after: After = None,
        filter: ProgrammeEdges = None,
        order_by: Sorted = None,
    ) -> TieConnection[Programme]:
        return await _ties(info.context, self, "steering_seats", first, after, filter, order_by)

    @strawberry.field(description="Programmes and projects the person leads or takes part in.")
    @_ties_in_batches
    async def initiatives(
        self,
        info: Info,
        first: Page = 20,
        after: After = None,
        filter: InitiativeEdges = None,
        order_by: Sorted = None,
    ) -> TieConnection[Initiative]:
        return await _ties(info.context, self, "initiatives", first, after, filter, order_by)

    @strawberry.field(description="Events the person took part in.")
    @_ties_in_batches
    async def events(
        self,
        info: Info,
        first: Page = 20,
        after: After = None,
        filter: EventEdges = None,
        order_by: Sorted = None,
    ) -> TieConnection[Event]:
        return await _ties(info.context, self, "events", first, after, filter, order_by)


@strawberry.type(description="An organisation: a municipality, a city branch, a company, an NGO...")
class Organisation(Entity):
    @strawberry.field(description=IDENTIFIERS_HELP)
    def identifiers(self) -> list[Identifier]:
        return identifiers_of(self.record)

    @strawberry.field(description=about("orgType"))
    def org_type(self) -> OrgType | None:
        return self.record.org_type

    @strawberry.field(description=about("sector"))
    def sector(self) -> Sector | None:
        return self.record.sector

    @strawberry.field(description=about("branch"))
    def branch(self) -> str | None:
        return self.record.branch

    @strawberry.field(description=about("municipality"))
    def municipality(self) -> str | None:
        return self.record.municipality

    @strawberry.field(description="People and organisations that work for or belong to it.")
    @_ties_in_batches
    async def members(
        self,
        info: Info,
        first: Page = 20,
        after: After = None,
        filter: ActorEdges = None,
        order_by: Sorted = None,
    ) -> TieConnection[Actor]:
        return await _ties(info.context, self, "members", first, after, filter, order_by)

    @strawberry.field(description="Organisations this one belongs to or is a unit of.")
    @_ties_in_batches
    async def parents(
        self,
        info: Info,
        first: Page = 20,
        after: After = None,
        filter: OrganisationEdges = None,
        order_by: Sorted = None,
    ) -> TieConnection[Organisation]:
        return await _ties(info.context, self, "parents", first, after, filter, order_by)

    @strawberry.field(description="Units inside this organisation.")
    @_ties_in_batches
    async def units(
        self,
        info: Info,
        first: Page = 20,
        after: After = None,
        filter: OrganisationEdges = None,
        order_by: Sorted = None,
    ) -> TieConnection[Organisation]:
        return await _ties(info.context, self, "units", first, after, filter, order_by)

    @strawberry.field(description="Programmes and projects it leads, partners in or takes part in.")
    @_ties_in_batches
    async def initiatives(
        self,
        info: Info,
        first: Page = 20,
        after: After = None,
        filter: InitiativeEdges = None,
        order_by: Sorted = None,
    ) -> TieConnection[Initiative]:
        return await _ties(info.context, self, "initiatives", first, after, filter, order_by)

    @strawberry.field(description="Outcomes the organisation adopted.")
    @_ties_in_batches
    async def adopted(
        self,
        info: Info,
        first: Page = 20,
        after: After = None,
        filter: OutcomeEdges = None,
        order_by: Sorted = None,
    ) -> TieConnection[Outcome]:
        return await _ties(info.context, self, "adopted", first, after, filter, order_by)

    @strawberry.field(description="Events the organisation took part in.")
    @_ties_in_batches
    async def events(
        self,
        info: Info,
        first: Page = 20,
        after: After = None,
        filter: EventEdges = None,
        order_by: Sorted = None,
    ) -> TieConnection[Event]:
        return await _ties(info.context, self, "events", first, after, filter, order_by)


@strawberry.interface(
    description="A programme or a project: something people and organisations do."
)
class Initiative(Dated):
    @strawberry.field(description="Everyone who leads, partners in or takes part in it.")
    @_ties_in_batches
    async def participants(
        self,
        info: Info,
        first: Page = 20,
        after: After = None,
        filter: ActorEdges = None,
        order_by: Sorted = None,
    ) -> TieConnection[Actor]:
        return await _ties(info.context, self, "participants", first, after, filter, order_by)

    @strawberry.field(description="Those who lead it: managers, owners, directors.")
    @_ties_in_batches
    async def leaders(
        self,
        info: Info,
        first: Page = 20,
        after: After = None,
        filter: ActorEdges = None,
        order_by: Sorted = None,
    ) -> TieConnection[Actor]:
        return await _ties(info.context, self, "leaders", first, after, filter, order_by)

    @strawberry.field(description="Partner organisations: hosts, funders, coordinators, partners.")
    @_ties_in_batches
    async def partners(
        self,
        info: Info,
        first: Page = 20,
        after: After = None,
        filter: OrganisationEdges = None,
        order_by: Sorted = None,
    ) -> TieConnection[Organisation]:
        return await _ties(info.context, self, "partners", first, after, filter, order_by)

    @strawberry.field(description="Programmes it is part of.")
    @_ties_in_batches
    async def programmes(
        self,
        info: Info,
        first: Page = 20,
        after: After = None,
        filter: ProgrammeEdges = None,
        order_by: Sorted = None,
    ) -> TieConnection[Programme]:
        return await _ties(info.context, self, "programmes", first, after, filter, order_by)

    @strawberry.field(description="Outcomes it produced.")
    @_ties_in_batches
    async def outcomes(
        self,
        info: Info,
        first: Page = 20,
        after: After = None,
        filter: OutcomeEdges = None,
        order_by: Sorted = None,
    ) -> TieConnection[Outcome]:
        return await _ties(info.context, self, "outcomes", first, after, filter, order_by)

    @strawberry.field(description="Goals it set itself.")
    @_ties_in_batches
    async def goals(
        self,
        info: Info,
        first: Page = 20,
        after: After = None,
        filter: GoalEdges = None,
        order_by: Sorted = None,
    ) -> TieConnection[Goal]:
        return await _ties(info.context, self, "goals", first, after, filter, order_by)

    @strawberry.field(description="Events that belong to it: decisions, meetings, visits...")
    @_ties_in_batches
    async def events(
        self,
        info: Info,
        first: Page = 20,
        after: After = None,
        filter: EventEdges = None,
        order_by: Sorted = None,
    ) -> TieConnection[Event]:
        return await _ties(info.context, self, "events", first, after, filter, order_by)

    @strawberry.field(description="What carried it on.")
    @_ties_in_batches
    async def continued_by(
        self,
        info: Info,
        first: Page = 20,
        after: After = None,
        filter: InitiativeEdges = None,
        order_by: Sorted = None,
    ) -> TieConnection[Initiative]:
        return await _ties(info.context, self, "continued_by", first, after, filter, order_by)

    @strawberry.field(description="What it carries on.")
    @_ties_in_batches
    async def continues(
        self,
        info: Info,
        first: Page = 20,
        after: After = None,
        filter: InitiativeEdges = None,
        order_by: Sorted = None,
    ) -> TieConnection[Initiative]:
        return await _ties(info.context, self, "continues", first, after, filter, order_by)

    @strawberry.field(description="Related programmes and projects, either way.")
    @_ties_in_batches
    async def related(
        self,
        info: Info,
        first: Page = 20,
        after: After = None,
        filter: InitiativeEdges = None,
        order_by: Sorted = None,
    ) -> TieConnection[Initiative]:
        return await _ties(info.context, self, "related", first, after, filter, order_by)


@strawberry.type(description="A development programme, such as one of Espoo's or KunTeko 2020.")
class Programme(Initiative):
    @strawberry.field(description="The steering group: each seat's role and seat type on the edge.")
    @_ties_in_batches
    async def steering_group(
        self,
        info: Info,
        first: Page = 20,
        after: After = None,
        filter: PersonEdges = None,
        order_by: Sorted = None,
    ) -> TieConnection[Person]:
        return await _ties(info.context, self, "steering_group", first, after, filter, order_by)

    @strawberry.field(description="Projects in this programme.")
    @_ties_in_batches
    async def projects(
        self,
        info: Info,
        first: Page = 20,
        after: After = None,
        filter: ProjectEdges = None,
        order_by: Sorted = None,
    ) -> TieConnection[Project]:
        return await _ties(info.context, self, "projects", first, after, filter, order_by)

    @strawberry.field(description="Programmes inside this one.")
    @_ties_in_batches
    async def subprogrammes(
        self,
        info: Info,
        first: Page = 20,
        after: After = None,
        filter: ProgrammeEdges = None,
        order_by: Sorted = None,
    ) -> TieConnection[Programme]:
        return await _ties(info.context, self, "subprogrammes", first, after, filter, order_by)


@strawberry.type(description="A project, pilot or service within a programme.")
class Project(Initiative):
    pass


@strawberry.type(description="Something that came of the work: a service, a model, a commitment.")
class Outcome(Dated):
    @strawberry.field(description="Programmes and projects that produced it.")
    @_ties_in_batches
    async def produced_by(
        self,
        info: Info,
        first: Page = 20,
        after: After = None,
        filter: InitiativeEdges = None,
        order_by: Sorted = None,
    ) -> TieConnection[Initiative]:
        return await _ties(info.context, self, "produced_by", first, after, filter, order_by)

    @strawberry.field(description="Organisations, programmes and projects that adopted it.")
    @_ties_in_batches
    async def adopted_by(
        self,
        info: Info,
        first: Page = 20,
        after: After = None,
        filter: EntityEdges = None,
        order_by: Sorted = None,
    ) -> TieConnection[Entity]:
        return await _ties(info.context, self, "adopted_by", first, after, filter, order_by)


@strawberry.type(description="A goal a programme or project set itself.")
class Goal(Entity):
    @strawberry.field(description="The programmes and projects that set it.")
    @_ties_in_batches
    async def set_by(
        self,
        info: Info,
        first: Page = 20,
        after: After = None,
        filter: InitiativeEdges = None,
        order_by: Sorted = None,
    ) -> TieConnection[Initiative]:
        return await _ties(info.context, self, "set_by", first, after, filter, order_by)


@strawberry.type(description="An event: a decision, a meeting, a visit, a training...")
class Event(Dated):
    @strawberry.field(description=about("eventType"))
    def event_type(self) -> EventType | None:
        return self.record.event_type

    @strawberry.field(description="People and organisations that took part.")
    @_ties_in_batches
    async def participants(
        self,
        info: Info,
        first: Page = 20,
        after: After = None,
        filter: ActorEdges = None,
        order_by: Sorted = None,
    ) -> TieConnection[Actor]:
        return await _ties(info.context, self, "participants", first, after, filter, order_by)

    @strawberry.field(description="The programmes and projects it belongs to.")
    @_ties_in_batches
    async def initiatives(
        self,
        info: Info,
        first: Page = 20,
        after: After = None,
        filter: InitiativeEdges = None,
        order_by: Sorted = None,
    ) -> TieConnection[Initiative]:
        return await _ties(info.context, self, "initiatives", first, after, filter, order_by)


@strawberry.type(description="A development story, such as those on the Tekojen tori marketplace.")
class Story(Dated):
    @strawberry.field(description="What the story tells of.")
    @_ties_in_batches
    async def tells_of(
        self,
        info: Info,
        first: Page = 20,
        after: After = None,
        filter: EntityEdges = None,
        order_by: Sorted = None,
    ) -> TieConnection[Entity]:
        return await _ties(info.context, self, "tells_of", first, after, filter, order_by)


@strawberry.type(description="Where facts come from: a document, a page, a decision.")
class Source(Entity):
    @strawberry.field(description="Its title as published (the same as `name`).")
    def title(self) -> str:
        return self.record.name

    @strawberry.field(description=about("publisher"))
    def publisher(self) -> str | None:
        return self.record.publisher

    @strawberry.field(description="When it was published.")
    def date(self) -> PartialDate | None:
        return partial_date(self.record.start)

    @strawberry.field(description=about("url"))
    def url(self) -> str | None:
        return self.record.url

    @strawberry.field(description=about("language"))
    def language(self) -> str | None:
        return self.record.language


Actor = Annotated[
    Person | Organisation,
    strawberry.union(
        "Actor", description="A person or an organisation: who takes part, leads and belongs."
    ),
]

TYPES: dict[NodeKind, type[Entity]] = {
    NodeKind.PERSON: Person,
    NodeKind.ORGANISATION: Organisation,
    NodeKind.PROGRAMME: Programme,
    NodeKind.PROJECT: Project,
    NodeKind.OUTCOME: Outcome,
    NodeKind.SOURCE: Source,
    NodeKind.GOAL: Goal,
    NodeKind.EVENT: Event,
    NodeKind.STORY: Story,
}
ALL_TYPES = tuple(TYPES.values())


_TYPE_OF_KIND = {id(kind): graphql_type for kind, graphql_type in TYPES.items()}
"""TYPES by the kind's identity (its members are singletons): an Enum's hash is computed in
Python, and this is looked up for every edge of every page."""


_new = object.__new__
"""A type's dataclass __init__ only assigns its fields; for the objects made per edge of every
page they are assigned here without its frame (tests/test_node_objects.py holds that the
result equals what __init__ makes)."""


def as_graphql(record: model.Node) -> Entity:
    entity: Entity = _new(_TYPE_OF_KIND[id(record.kind)])
    entity.record = record
    return entity
