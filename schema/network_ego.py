"""An ego network over GraphQL: the alters by boundary group, heterogeneity, E-I, density,
Burt's effective size and constraint, and the ego's ties with their sources."""

from __future__ import annotations

import strawberry

from graph.analytics.ego import Alter, Ego
from graph.model import Boundary
from resolvers.pages import ranked
from schema.info import Info
from schema.network_measures import AfterRow, First, RankedConnection, ranked_connection
from schema.network_types import EIIndex, NetworkEdge, edge_type, ei_type
from schema.nodes import Entity, as_graphql


@strawberry.type(description="A node tied to the ego.")
class EgoAlter:
    node: Entity = strawberry.field(description="The alter.")
    group: str | None = strawberry.field(
        description="Its side of the boundary; null where the knowledge is silent."
    )
    weight: float = strawberry.field(description="The summed weight of its ties with the ego.")
    ties: int = strawberry.field(
        description="How many ties join it to the ego (several only in NETWORK)."
    )


@strawberry.type(description="How many alters are on one side of the boundary.")
class AlterGroup:
    group: str = strawberry.field(description="The side's name (a sector, a municipality...).")
    alters: int = strawberry.field(description="How many alters are on it.")
    share: float = strawberry.field(description="Of the alters whose group is known.")


@strawberry.type(
    description="One node's ego network: the node, its neighbours (alters) and the ties among "
    "them, against a boundary. Parallel ties count once, of their summed weight."
)
class EgoNetwork:
    boundary: Boundary = strawberry.field(description="The boundary the groups are counted by.")
    node: Entity = strawberry.field(description="The ego.")
    group: str | None = strawberry.field(description="The ego's side of the boundary.")
    size: int = strawberry.field(description="How many alters it has (its degree).")
    groups: list[AlterGroup] = strawberry.field(
        description="Alters per known group, the largest first."
    )
    unknown_group: int = strawberry.field(
        description="Alters whose group the knowledge does not say."
    )
    heterogeneity: float | None = strawberry.field(
        description="Blau's heterogeneity 1 − Σ pₖ² of the alters' known groups; null when "
        "none is known."
    )
    iqv: float | None = strawberry.field(
        description="The index of qualitative variation: heterogeneity / (1 − 1/K), K the "
        "groups among the network's nodes; null when K < 2 or no alter's group is known."
    )
    ei: EIIndex | None = strawberry.field(
        description="The ego's E-I index (E − I)/(E + I) over its alters of known group; null "
        "when the ego's group is unknown."
    )
    density: float | None = strawberry.field(
        description="Ties among the alters over their pairs, k(k − 1)/2 (unweighted); null "
        "below two alters."
    )
    effective_size: float | None = strawberry.field(
        description="Burt's effective size (weighted, proportional tie strengths); null for "
        "an isolate."
    )
    constraint: float | None = strawberry.field(
        description="Burt's constraint (weighted, proportional tie strengths); null for an isolate."
    )
    result: strawberry.Private[Ego]

    @strawberry.field(description="The alters, strongest tie first (ties broken by id).")
    def alters(
        self, info: Info, first: First = None, after: AfterRow = None
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
        return ranked_connection(page, _alter)

    @strawberry.field(
        description="The ego's own ties, heaviest first (ties broken by id), with their "
        "sources; in a projection, the initiatives shared."
    )
    def ties(
        self, info: Info, first: First = None, after: AfterRow = None
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


def ego_type(ego: Ego, boundary: Boundary) -> EgoNetwork:
    known = sum(g.alters for g in ego.composition)
    return EgoNetwork(
        boundary=boundary,
        node=as_graphql(ego.node),
        group=ego.group,
        size=len(ego.alters),
        groups=[
            AlterGroup(group=g.group, alters=g.alters, share=g.alters / known)
            for g in ego.composition
        ],
        unknown_group=ego.unknown,
        heterogeneity=ego.heterogeneity,
        iqv=ego.iqv,
        ei=None if ego.ei is None else ei_type(ego.ei),
        density=ego.density,
        effective_size=ego.effective_size,
        constraint=ego.constraint,
        result=ego,
    )


def _alter(alter: Alter) -> EgoAlter:
    return EgoAlter(
        node=as_graphql(alter.node), group=alter.group, weight=alter.weight, ties=alter.ties
    )
