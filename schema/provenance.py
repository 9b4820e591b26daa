"""Provenance questions: which facts no source states, and (for admins) which tokens exist."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph.model import Node, NodeKind, Tie, TieType
from schema.cost import MAX_UNSOURCED
from schema.curation_results import StoredTie, TokenInfo, stored_tie
from schema.info import Info
from schema.nodes import Entity, as_graphql
from schema.permissions import IsAdmin


@strawberry.type(description="Facts that cite no source: nodes and ties, each in id order.")
class UnsourcedFacts:
    nodes: list[Entity] = strawberry.field(
        description="Nodes that cite no source, by kind then id, up to `first`."
    )
    ties: list[StoredTie] = strawberry.field(
        description="Ties that cite no source, by type then id, up to `first`."
    )
    node_count: int = strawberry.field(description="How many nodes cite no source in all.")
    tie_count: int = strawberry.field(description="How many ties cite no source in all.")


@strawberry.type
class ProvenanceQuery:
    @strawberry.field(
        description=f"Nodes and ties that no source states (up to `first` of each, at most "
        f"{MAX_UNSOURCED}), with the totals."
    )
    async def unsourced(
        self,
        info: Info,
        first: Annotated[
            int,
            strawberry.argument(
                description=f"How many nodes and how many ties to list (each at most "
                f"{MAX_UNSOURCED}; fewer are clamped, not refused)."
            ),
        ] = 100,
    ) -> UnsourcedFacts:
        limit = max(0, min(first, MAX_UNSOURCED))
        store = info.context.store
        nodes: list[Node] = []
        for kind in NodeKind:
            if len(nodes) < limit:
                nodes += await store.unsourced_nodes(kind, None, limit - len(nodes))
        ties: list[Tie] = []
        for type_ in TieType:
            if len(ties) < limit:
                ties += await store.unsourced_ties(type_, None, limit - len(ties))
        stats = await store.stats()
        return UnsourcedFacts(
            nodes=[as_graphql(node) for node in nodes],
            ties=[stored_tie(tie) for tie in ties],
            node_count=stats.unsourced_nodes,
            tie_count=stats.unsourced_ties,
        )

    @strawberry.field(
        description="The bearer tokens by name and role. Needs an admin.",
        permission_classes=[IsAdmin],
    )
    async def tokens(self, info: Info) -> list[TokenInfo]:
        return [
            TokenInfo(name=t.name, role=t.role, created=t.created)
            for t in await info.context.store.list_tokens()
        ]
