"""Inputs of the network questions: the scope, and how a network is drawn from it."""

from __future__ import annotations

from enum import Enum
from typing import cast

import strawberry

from graph.analytics.communities import Algorithm
from graph.analytics.measures import SORTS
from graph.analytics.projection import Mode, Weighting
from graph.analytics.scope import CouncilTerm, Scope
from graph.model import Boundary, NodeKind, TieType
from resolvers import scopes
from resolvers.scopes import build_scope
from schema.scalars import PartialDate

for _enum, _description in (
    (CouncilTerm, "Espoo's council terms, usable as named periods."),
    (
        Mode,
        "NETWORK: the graph as it is; PEOPLE or ORGANISATIONS: the two-mode network of actors "
        "and the programmes, projects and events they share, projected onto the actors.",
    ),
    (
        Weighting,
        "How a projected tie is weighted: SHARED initiatives; NEWMAN, the sum of 1/(d−1) over "
        "shared initiatives of d actors; JACCARD, shared over the union of the two actors'.",
    ),
    (Algorithm, "Community detection by modularity: Leiden, or Louvain (multilevel)."),
    (Boundary, "A boundary a tie can cross; derived from its two ends, never stored."),
):
    strawberry.enum(_enum, description=_description)


@strawberry.input(
    description="Which part of the graph: seeds and a depth, or programmes and projects (with "
    "everything part of them and what touches them), or neither for the whole graph; narrowed "
    "to a period (a node or tie counts when it starts by `to` and does not end before `from`, "
    "and a tie only with both its ends; an event with only a start ends when it starts; a tie "
    "without dates takes its programme's, project's or event's, an undated event or goal its "
    "initiative's: docs/network-science.md) and to node kinds and tie types."
)
class ScopeInput:
    seeds: list[strawberry.ID] | None = None
    depth: int = 1
    initiatives: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Programmes and projects."
    )
    from_: PartialDate | None = strawberry.field(default=None, name="from")
    to: PartialDate | None = None
    term: CouncilTerm | None = strawberry.field(
        default=None, description="A council term as the period (instead of from and to)."
    )
    kinds: list[NodeKind] | None = None
    types: list[TieType] | None = None

    def scope(self) -> Scope:
        return build_scope(
            seeds=self.seeds or (),
            depth=self.depth,
            initiatives=self.initiatives or (),
            start=self.from_,
            end=self.to,
            term=self.term,
            kinds=self.kinds or (),
            types=self.types or (),
        )


def node_slug(global_id: strawberry.ID) -> str:
    return scopes.node_slug(str(global_id))


def scope_of(scope: ScopeInput | None) -> Scope:
    return (scope or ScopeInput()).scope()


MeasureField = strawberry.enum(
    cast("type[Enum]", Enum("MeasureField", [(m.sort_name, m) for m in SORTS])),
    description="What a list of node measures can be sorted by.",
)
"""The sort keys of MEASURES (graph/analytics/measures.py), the default first; each member's
value is its Measure."""
