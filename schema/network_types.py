"""What the network questions answer: drawable networks, paths, measures and communities."""

from __future__ import annotations

from typing import Any, cast

import strawberry

from graph.analytics.boundaries import EI, BrokerageRoles
from graph.analytics.projection import Edge, Network, span
from graph.analytics.service import Drawn
from graph.errors import LimitExceededError
from graph.model import Node as NodeRecord
from graph.model import NodeKind, OrgType, SeatType, Sector, TieType
from resolvers import global_ids
from schema.info import Info
from schema.kind_fields import about
from schema.nodes import Entity, Source, as_graphql, sources_of
from schema.scalars import PartialDate, partial_date
from schema.turns import in_turns


@strawberry.type(description="A node ready for drawing, with the attributes tools colour by.")
class NetworkNode:
    record: strawberry.Private[NodeRecord]
    weight: float = strawberry.field(description="Its weighted degree in this network.")

    @strawberry.field(description="The node's global id (as `node(id)` takes).")
    def id(self) -> strawberry.ID:
        return strawberry.ID(global_ids.encode(self.record.kind, self.record.id))

    @strawberry.field(description="Its kind: what a tool might shape or colour it by.")
    def kind(self) -> NodeKind:
        return self.record.kind

    @strawberry.field(description="The name to draw.")
    def label(self) -> str:
        return self.record.name

    @strawberry.field(description=f"{about('sector')} Organisations only; null for others.")
    def sector(self) -> Sector | None:
        return self.record.sector

    @strawberry.field(description=f"{about('orgType')} Organisations only; null for others.")
    def org_type(self) -> OrgType | None:
        return self.record.org_type

    @strawberry.field(description=f"{about('branch')} Null where none is known.")
    def branch(self) -> str | None:
        return self.record.branch

    @strawberry.field(description=f"{about('municipality')} Null where none is known.")
    def municipality(self) -> str | None:
        return self.record.municipality

    @strawberry.field(
        description="When it starts, as it counts in periods: its own date, or, for an undated "
        "event or goal, its initiative's."
    )
    def start(self) -> PartialDate | None:
        return partial_date(self.record.start)

    @strawberry.field(
        description="When it ends, as it counts in periods: an event with only a start ends "
        "when it starts."
    )
    def end(self) -> PartialDate | None:
        return partial_date(self.record.end)

    @strawberry.field(description="How many sources state the node.")
    def sources_count(self) -> int:
        return len(self.record.sources)

    @strawberry.field(description="The node itself, with all its fields and ties.")
    def node(self) -> Entity:
        return as_graphql(self.record)


@strawberry.type(
    description="A tie ready for drawing, with the dates it counts with (its own, or, where it "
    "has none, where its ends' periods overlap). In a projection (PEOPLE or ORGANISATIONS) it "
    "joins two actors through the initiatives they share, has no type of its own, and lasts "
    "from the earliest start to the latest end of those initiatives."
)
class NetworkEdge:
    id: strawberry.ID = strawberry.field(
        description="The tie's id; in a projection, the two actors' slugs joined by `~`."
    )
    source: strawberry.ID = strawberry.field(
        description="The global id of the node it starts from (a projected tie has no "
        "direction: either end may be here)."
    )
    target: strawberry.ID = strawberry.field(description="The global id of the node it reaches.")
    weight: float = strawberry.field(
        description="1 for a tie of the graph; in a projection, as the weighting asked for."
    )
    type: TieType | None = strawberry.field(description="The tie's type; null in a projection.")
    role: str | None = strawberry.field(
        description="The role held through the tie, in the source's words; null when none or "
        "in a projection."
    )
    seat_type: SeatType | None = strawberry.field(
        description="On a steering-group seat: elected official or civil servant."
    )
    start: PartialDate | None = strawberry.field(
        description="When it counts from (its own date, or where none, as the type says)."
    )
    end: PartialDate | None = strawberry.field(description="When it counts to; null: open.")
    source_ids: strawberry.Private[tuple[str, ...]]
    shared_records: strawberry.Private[list[NodeRecord]]

    @strawberry.field(description="How many sources state the tie.")
    def sources_count(self) -> int:
        return len(self.source_ids)

    @strawberry.field(
        description="The sources that state the tie; in a projection, those of the shared "
        "initiatives."
    )
    async def sources(self, info: Info) -> list[Source]:
        return await sources_of(info, self.source_ids)

    @strawberry.field(description="In a projection: the programmes, projects and events shared.")
    def shared(self) -> list[Entity]:
        return [as_graphql(record) for record in self.shared_records]


@strawberry.type(description="A network ready for drawing.")
class NetworkGraph:
    drawn: strawberry.Private[Drawn]

    @strawberry.field(description="Its nodes; LIMIT_EXCEEDED when there are more than `maxNodes`.")
    def nodes(self) -> list[NetworkNode]:
        network = self._network()
        strength = network.strength()
        drawn = (
            NetworkNode(record=node, weight=float(weight))
            for node, weight in zip(network.nodes, strength, strict=True)
        )
        # graphql-core completes an async iterable item by item: the loop gets turns.
        return cast(list[NetworkNode], in_turns(drawn))

    @strawberry.field(description="Its edges; LIMIT_EXCEEDED when there are more than `maxEdges`.")
    def edges(self) -> list[NetworkEdge]:
        network = self._network()
        drawn = (edge_type(network, edge) for edge in network.iter_edges())
        return cast(list[NetworkEdge], in_turns(drawn))

    @strawberry.field(description="How many nodes it has, however many are drawn.")
    def node_count(self) -> int:
        return self.drawn.node_count

    @strawberry.field(description="How many edges it has, however many are drawn.")
    def edge_count(self) -> int:
        return self.drawn.edge_count

    def _network(self) -> Network:
        if self.drawn.network is None:
            raise LimitExceededError(self.drawn.refusal)
        return self.drawn.network


@strawberry.type(description="A shortest path and the ties along it.")
class PathResult:
    nodes: list[NetworkNode] = strawberry.field(
        description="The nodes along it, from `from` to `to`."
    )
    edges: list[NetworkEdge] = strawberry.field(
        description="The ties along it, in order: one fewer than the nodes."
    )

    @strawberry.field(description="How many ties long it is.")
    def length(self) -> int:
        return len(self.edges)


@strawberry.type(name="EIIndex", description="Krackhardt–Stern E-I index: (E − I)/(E + I).")
class EIIndex:
    external: float = strawberry.field(
        description="E: the ties across the boundary (their weights summed where weighted)."
    )
    internal: float = strawberry.field(
        description="I: the ties within one side (their weights summed where weighted)."
    )
    index: float | None = strawberry.field(
        description="(E − I)/(E + I), from −1 (all within) to +1 (all across); null when there "
        "are no ties to count."
    )


@strawberry.type(
    description="Gould–Fernandez brokerage: for how many ordered pairs (a, c) the node b "
    "stands on an open two-step path a–b–c, by the groups of a, b and c."
)
class Brokerage:
    coordinator: int = strawberry.field(description="a, b and c in one group.")
    itinerant: int = strawberry.field(description="a and c in one group, b in another.")
    representative: int = strawberry.field(description="a and b in one group, c in another.")
    gatekeeper: int = strawberry.field(description="b and c in one group, a in another.")
    liaison: int = strawberry.field(description="a, b and c in three groups.")
    total: int = strawberry.field(description="All five roles together.")


def ei_type(ei: EI) -> EIIndex:
    return EIIndex(external=ei.external, internal=ei.internal, index=ei.index)


def brokerage_type(roles: BrokerageRoles) -> Brokerage:
    return Brokerage(
        coordinator=roles.coordinator,
        itinerant=roles.itinerant,
        representative=roles.representative,
        gatekeeper=roles.gatekeeper,
        liaison=roles.liaison,
        total=roles.total,
    )


def edge_type(network: Network, edge: Edge) -> NetworkEdge:
    source, target = network.nodes[edge.source], network.nodes[edge.target]
    ends: dict[str, Any] = {
        "source": strawberry.ID(global_ids.encode(source.kind, source.id)),
        "target": strawberry.ID(global_ids.encode(target.kind, target.id)),
        "weight": edge.weight,
    }
    tie = edge.tie
    if tie is None:
        shared = network.shared(edge)
        start, end = span(shared)
        return NetworkEdge(
            id=strawberry.ID(f"{source.id}~{target.id}"),
            type=None,
            role=None,
            seat_type=None,
            start=partial_date(start),
            end=partial_date(end),
            source_ids=tuple(sorted({s for node in shared for s in node.sources})),
            shared_records=shared,
            **ends,
        )
    if tie.source != source.id:
        ends["source"], ends["target"] = ends["target"], ends["source"]
    return NetworkEdge(
        id=strawberry.ID(tie.id),
        type=tie.type,
        role=tie.role,
        seat_type=tie.seat_type,
        start=partial_date(tie.start),
        end=partial_date(tie.end),
        source_ids=tie.sources,
        shared_records=[],
        **ends,
    )
