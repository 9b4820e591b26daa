"""Inputs of the network questions: the scope, and how a network is drawn from it."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Annotated, cast

import strawberry

from graph.analytics.communities import Algorithm
from graph.analytics.measures import SORTS
from graph.analytics.projection import Mode, Weighting
from graph.analytics.scope import MAX_DEPTH, CouncilTerm, Scope
from graph.model import Boundary, NodeKind, TieType
from resolvers import scopes
from resolvers.scopes import build_scope
from schema.as_of import AS_OF, AS_OF_HELP
from schema.enums import described
from schema.scalars import PartialDate

described(
    CouncilTerm,
    "Espoo's council terms, usable as named periods: a term starts in June after the April "
    "elections (the 2021 elections were postponed to June, so that term began in August).",
    {
        "TERM_2013_2017": "2013-01-01 to 2017-05-31.",
        "TERM_2017_2021": "2017-06-01 to 2021-07-31.",
        "TERM_2021_2025": "2021-08-01 to 2025-05-31.",
    },
)
described(
    Mode,
    "Which network a question is asked of: the graph as it is, or a projection onto actors.",
    {
        "NETWORK": "The graph as it is: every node and tie of the scope (sources aside).",
        "PEOPLE": "The two-mode network of people and the programmes, projects and events they "
        "take part in, projected onto the people: two are tied when they share one.",
        "ORGANISATIONS": "As PEOPLE, onto organisations.",
    },
)
described(
    Weighting,
    "How a projected tie between two actors is weighted (NETWORK ties weigh 1 each).",
    {
        "SHARED": "The number of initiatives and events the two share.",
        "NEWMAN": "Newman's collaboration weight: the sum of 1/(d − 1) over the initiatives "
        "they share, d the number of actors in each.",
        "JACCARD": "The initiatives they share over those either takes part in (0 to 1).",
    },
)
described(
    Algorithm,
    "How communities are found: by optimising modularity at a resolution, seeded.",
    {
        "LEIDEN": "Leiden (Traag, Waltman & van Eck 2019): communities guaranteed connected.",
        "LOUVAIN": "Louvain, multilevel (Blondel et al. 2008).",
    },
)


@strawberry.input(
    description="Which part of the graph: seeds and a depth, or programmes and projects (with "
    "everything part of them and what touches them), or neither for the whole graph; narrowed "
    "to a period (a node or tie counts when it starts by `to` and does not end before `from`, "
    "and a tie only with both its ends; an event with only a start ends when it starts; a tie "
    "without dates takes its programme's, project's or event's, an undated event or goal its "
    "initiative's: docs/network-science.md) and to node kinds and tie types."
)
class ScopeInput:
    seeds: list[strawberry.ID] | None = strawberry.field(
        default=None,
        description="Global ids of the nodes to start from: the scope is what lies within "
        "`depth` ties of any of them (not with `initiatives`).",
    )
    depth: int = strawberry.field(
        default=1,
        description=f"How many ties from the seeds to reach, 0 to {MAX_DEPTH} (0: the seeds "
        "alone).",
    )
    initiatives: list[strawberry.ID] | None = strawberry.field(
        default=None,
        description="Global ids of programmes and projects: the scope is each with everything "
        "part of it and what touches them (not with `seeds`).",
    )
    from_: PartialDate | None = strawberry.field(
        default=None,
        name="from",
        description="The period's start: what ended before it (at its precision) is left out.",
    )
    to: PartialDate | None = strawberry.field(
        default=None, description="The period's end: what began after it is left out."
    )
    term: CouncilTerm | None = strawberry.field(
        default=None, description="A council term as the period (instead of from and to)."
    )
    as_of: datetime | None = strawberry.field(default=None, name=AS_OF, description=AS_OF_HELP)
    """Applied to the whole operation before it runs (schema/as_of.py), not by build_scope."""
    kinds: list[NodeKind] | None = strawberry.field(
        default=None,
        description="Only nodes of these kinds (every kind but SOURCE when left out; sources "
        "are citations, not part of the network).",
    )
    types: list[TieType] | None = strawberry.field(
        default=None, description="Only ties of these types (every type when left out)."
    )

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


ScopeArg = Annotated[
    ScopeInput | None,
    strawberry.argument(
        description="Which part of the graph, over which period, of which kinds and types; the "
        "whole graph, all of the time, when left out."
    ),
]
ModeArg = Annotated[
    Mode,
    strawberry.argument(
        description="The graph as it is (NETWORK), or the actors' projection (PEOPLE, "
        "ORGANISATIONS)."
    ),
]
WeightingArg = Annotated[
    Weighting,
    strawberry.argument(
        description="How a projected tie is weighted; in NETWORK every tie weighs 1 whatever "
        "this says."
    ),
]
BoundaryArg = Annotated[
    Boundary,
    strawberry.argument(
        description="The boundary whose sides groups, E-I indices and brokerage roles are "
        "counted by, in the scope's period."
    ),
]
AlgorithmArg = Annotated[Algorithm, strawberry.argument(description="How communities are found.")]
ResolutionArg = Annotated[
    float,
    strawberry.argument(
        description="Modularity's resolution γ, positive: above 1 finds more and smaller "
        "communities, below 1 fewer and larger ones."
    ),
]


def node_slug(global_id: strawberry.ID) -> str:
    return scopes.node_slug(str(global_id))


def scope_of(scope: ScopeInput | None) -> Scope:
    return (scope or ScopeInput()).scope()


MeasureField = described(
    cast("type[Enum]", Enum("MeasureField", [(m.sort_name, m) for m in SORTS])),
    "What a list of node measures can be sorted by.",
    {m.sort_name: m.description or "" for m in SORTS},
    name="MeasureField",
)
"""The sort keys of MEASURES (graph/analytics/measures.py), the default first; each member's
value is its Measure."""
