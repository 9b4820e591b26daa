"""An ego network over GraphQL: the alters by boundary group, heterogeneity, E-I, density,
Burt's effective size and constraint, and the ego's ties with their sources."""

from __future__ import annotations

import strawberry

from graph.analytics.ego import Alter, Ego
from graph.model import Boundary
from resolvers.pages import ranked
from schema.info import Info
from schema.network_measures import RankedConnection, ranked_connection
from schema.network_types import EIIndex, NetworkEdge, edge_type, ei_type
from schema.nodes import Entity, as_graphql


@strawberry.type(description="A node tied to the ego.")
class EgoAlter:
    record: strawberry.Private[Alter]

    @strawberry.field
    def node(self) -> Entity:
        return as_graphql(self.record.node)

    @strawberry.field(description="Its side of the boundary; null where the knowledge is silent.")
    def group(self) -> str | None:
        return self.record.group

    @strawberry.field(description="The summed weight of its ties with the ego.")
    def weight(self) -> float:
        return self.record.weight

    @strawberry.field(description="How many ties join it to the ego (several only in NETWORK).")
    def ties(self) -> int:
        return self.record.ties


@strawberry.type(description="How many alters are on one side of the boundary.")
class AlterGroup:
    group: str
    alters: int
    share: float = strawberry.field(description="Of the alters whose group is known.")


@strawberry.type(
    description="One node's ego network: the node, its neighbours (alters) and the ties among "
    "them, against a boundary. Parallel ties count once, of their summed weight."
)
class EgoNetwork:
    boundary: Boundary
    result: strawberry.Private[Ego]

    @strawberry.field(description="The ego.")
    def node(self) -> Entity:
        return as_graphql(self.result.node)

    @strawberry.field(description="The ego's side of the boundary.")
    def group(self) -> str | None:
        return self.result.group

    @strawberry.field(description="How many alters it has (its degree).")
    def size(self) -> int:
        return len(self.result.alters)

    @strawberry.field(description="Alters per known group, the largest first.")
    def groups(self) -> list[AlterGroup]:
        known = sum(g.alters for g in self.result.composition)
        return [
            AlterGroup(group=g.group, alters=g.alters, share=g.alters / known)
            for g in self.result.composition
        ]

    @strawberry.field(description="Alters whose group the knowledge does not say.")
    def unknown_group(self) -> int:
        return self.result.unknown

    @strawberry.field(
        description="Blau's heterogeneity 1 − Σ pₖ² of the alters' known groups; null when "
        "none is known."
    )
    def heterogeneity(self) -> float | None:
        return self.result.heterogeneity

    @strawberry.field(
        description="The index of qualitative variation: heterogeneity / (1 − 1/K), K the "
        "groups among the network's nodes; null when K < 2 or no alter's group is known."
    )
    def iqv(self) -> float | None:
        return self.result.iqv

    @strawberry.field(
        description="The ego's E-I index (E − I)/(E + I) over its alters of known group; null "
        "when the ego's group is unknown."
    )
    def ei(self) -> EIIndex | None:
        found = self.result.ei
        return None if found is None else ei_type(found)

    @strawberry.field(
        description="Ties among the alters over their pairs, k(k − 1)/2 (unweighted); null "
        "below two alters."
    )
    def density(self) -> float | None:
        return self.result.density

    @strawberry.field(
        description="Burt's effective size (weighted, proportional tie strengths); null for "
        "an isolate."
    )
    def effective_size(self) -> float | None:
        return self.result.effective_size

    @strawberry.field(
        description="Burt's constraint (weighted, proportional tie strengths); null for an isolate."
    )
    def constraint(self) -> float | None:
        return self.result.constraint

    @strawberry.field(description="The alters, strongest tie first (ties broken by id).")
    def alters(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> RankedConnection[EgoAlter]:
        page = ranked(
            info.context,
            self.result.alters,
            lambda a: a.weight,
            lambda a: a.node.id,
            True,
            "ego:alters",
            first,
            after,
        )
        return ranked_connection(page, lambda alter: EgoAlter(record=alter))

    @strawberry.field(
        description="The ego's own ties, heaviest first (ties broken by id), with their "
        "sources; in a projection, the initiatives shared."
    )
    def ties(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> RankedConnection[NetworkEdge]:
        network = self.result.ties
        edges = [edge_type(network, edge) for edge in network.iter_edges()]
        page = ranked(
            info.context,
            edges,
            lambda e: e.weight,
            lambda e: str(e.id),
            True,
            "ego:ties",
            first,
            after,
        )
        return ranked_connection(page, lambda edge: edge)
