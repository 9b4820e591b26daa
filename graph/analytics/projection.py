"""A subgraph as an igraph network: as it is, or projected from the two-mode actor–initiative
network onto people or onto organisations."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Any

import igraph as ig
import numpy as np
import scipy.sparse as sp

from graph.analytics import periods
from graph.analytics.frame import KINDS, kind_codes, type_codes
from graph.analytics.periods import Period
from graph.analytics.subgraph import Subgraph
from graph.errors import LimitExceededError
from graph.model import AFFILIATION_KINDS, Node, NodeKind, Tie, TieType

AFFILIATIONS = frozenset(
    {
        TieType.SITS_ON,
        TieType.LEADS,
        TieType.PARTICIPATES_IN,
        TieType.PARTNER_IN,
        TieType.TOOK_PART_IN,
    }
)


class Mode(StrEnum):
    NETWORK = "NETWORK"
    PEOPLE = "PEOPLE"
    ORGANISATIONS = "ORGANISATIONS"


class Weighting(StrEnum):
    SHARED = "SHARED"
    NEWMAN = "NEWMAN"
    JACCARD = "JACCARD"


@dataclass(frozen=True)
class Edge:
    source: int
    target: int
    weight: float
    tie: Tie | None = None


@dataclass(frozen=True)
class Network:
    """Vertices are `nodes` by index; `graph` is undirected with a float `weight` per edge,
    and `ties[e]` is the tie behind igraph edge e (empty for a projection). The igraph graph
    is built when first asked for (drawing needs only the arrays) and is not pickled."""

    nodes: Sequence[Node]
    ties: Sequence[Tie] = ()
    initiatives: Sequence[Node] = ()
    affiliations: Sequence[frozenset[int]] = ()
    """For a projection: each actor's initiatives, as indexes into `initiatives`."""
    ends: Any = field(default_factory=lambda: np.zeros((0, 2), dtype=np.int32))
    """The edges' end vertices as an (edges × 2) array, in igraph's order."""
    weights: Any = field(default_factory=lambda: np.zeros(0))

    @property
    def edge_count(self) -> int:
        return len(self.weights)

    @cached_property
    def graph(self) -> Any:
        graph = ig.Graph(n=len(self.nodes), edges=self.ends.tolist(), directed=False)
        graph.es["weight"] = self.weights.tolist()
        return graph

    def strength(self) -> Any:
        """Each vertex's weighted degree (a loop counts twice, as in igraph)."""
        return np.bincount(
            self.ends.ravel(), weights=np.repeat(self.weights, 2), minlength=len(self.nodes)
        )

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in vars(self).items() if k not in ("graph", "edges")}

    @cached_property
    def edges(self) -> list[Edge]:
        """The edges in igraph's order, kept once built; `iter_edges` streams them instead."""
        return list(self.iter_edges())

    def edge(self, e: int) -> Edge:
        u, v = self.ends[e].tolist()
        return Edge(u, v, float(self.weights[e]), self.ties[e] if self.ties else None)

    def iter_edges(self, batch: int = 10_000) -> Iterator[Edge]:
        """The edges in igraph's order, built a batch at a time and not kept."""
        for first in range(0, self.edge_count, batch):
            ends = self.ends[first : first + batch].tolist()
            weights = self.weights[first : first + batch].tolist()
            if self.ties:
                ties = self.ties[first : first + batch]
                for (u, v), w, tie in zip(ends, weights, ties, strict=True):
                    yield Edge(u, v, w, tie)
            else:
                for (u, v), w in zip(ends, weights, strict=True):
                    yield Edge(u, v, w)

    def index(self) -> dict[str, int]:
        return {node.id: i for i, node in enumerate(self.nodes)}

    def shared(self, edge: Edge) -> list[Node]:
        """The initiatives both ends of a projected edge are affiliated with."""
        if not self.affiliations:
            return []
        common = self.affiliations[edge.source] & self.affiliations[edge.target]
        return sorted((self.initiatives[k] for k in common), key=lambda n: n.id)


def span(nodes: Iterable[Node]) -> Period:
    """From the earliest start to the latest end of `nodes`; open (None) on a side where any
    of them is open. A projected tie lasts as long as the initiatives it stands for."""
    return periods.span((node.start, node.end) for node in nodes)


UNLIMITED = 2**62


def build(
    subgraph: Subgraph,
    mode: Mode,
    weighting: Weighting = Weighting.NEWMAN,
    max_ties: int = UNLIMITED,
) -> Network:
    """The network of `mode`; LimitExceededError, before anything is built, when it could have
    more than `max_ties` ties (a projection counted as the sum over initiatives of d·(d−1)/2
    for d actors: every pair of an initiative's actors is tied)."""
    if mode is Mode.NETWORK:
        if len(subgraph.ties) > max_ties:
            raise _too_large(f"The network of this scope has {len(subgraph.ties):,} ties", max_ties)
        return as_network(subgraph)
    actor = NodeKind.PERSON if mode is Mode.PEOPLE else NodeKind.ORGANISATION
    return collaboration(subgraph, actor, weighting, max_ties)


def as_network(subgraph: Subgraph) -> Network:
    ties = subgraph.snapshot.ties
    rows = subgraph.tie_rows
    ends = np.column_stack(
        (subgraph.positions(ties.source[rows]), subgraph.positions(ties.target[rows]))
    ).reshape(-1, 2)
    weights = np.ones(len(ends))
    return Network(subgraph.nodes, ties=subgraph.ties, ends=ends, weights=weights)


def collaboration(
    subgraph: Subgraph, actor: NodeKind, weighting: Weighting, max_ties: int = UNLIMITED
) -> Network:
    """Actors tied by the programmes, projects and events they share.

    SHARED counts shared initiatives; NEWMAN sums 1/(d_k − 1) over shared initiatives k of
    d_k actors (Newman 2001), so large initiatives tie each pair weakly; JACCARD divides the
    shared count by the size of the union of the two actors' initiatives.
    """
    snapshot = subgraph.snapshot
    node_kinds = snapshot.kinds[subgraph.node_rows]
    is_actor = node_kinds == KINDS.index(actor)
    is_initiative = np.isin(node_kinds, kind_codes(AFFILIATION_KINDS))
    actor_rows = subgraph.node_rows[is_actor]
    initiative_rows = subgraph.node_rows[is_initiative]
    actors = [snapshot.nodes[row] for row in actor_rows.tolist()]
    initiatives = [snapshot.nodes[row] for row in initiative_rows.tolist()]
    ties = snapshot.ties
    rows = subgraph.tie_rows[np.isin(ties.type[subgraph.tie_rows], type_codes(AFFILIATIONS))]
    source, target = ties.source[rows], ties.target[rows]
    by_actor = np.zeros(len(snapshot.nodes), dtype=bool)
    by_actor[actor_rows] = True
    by_initiative = np.zeros(len(snapshot.nodes), dtype=bool)
    by_initiative[initiative_rows] = True
    wanted = by_actor[source] & by_initiative[target]
    pair_rows = np.searchsorted(actor_rows, source[wanted]).astype(np.int64)
    pair_cols = np.searchsorted(initiative_rows, target[wanted]).astype(np.int64)
    unique = np.unique(pair_rows * max(len(initiatives), 1) + pair_cols)
    rows, cols = np.divmod(unique, max(len(initiatives), 1))
    actors_per_initiative = np.bincount(cols, minlength=len(initiatives))
    bound = int((actors_per_initiative * (actors_per_initiative - 1) // 2).sum())
    if bound > max_ties:
        largest = int(actors_per_initiative.max())
        raise _too_large(
            f"The projection onto {'people' if actor is NodeKind.PERSON else 'organisations'} "
            f"of this scope could have up to "
            f"{bound:,} ties (its largest initiative alone has {largest:,} actors)",
            max_ties,
        )
    member = sp.csr_matrix(
        (np.ones(len(rows)), (rows, cols)), shape=(len(actors), len(initiatives))
    )
    shared = sp.triu(member @ member.T, k=1).tocoo()
    weights = np.asarray(_weights(member, shared, weighting), dtype=np.float64)
    ends = np.column_stack((shared.row, shared.col)).astype(np.int32).reshape(-1, 2)
    affiliations = [
        frozenset(member.indices[member.indptr[i] : member.indptr[i + 1]].tolist())
        for i in range(len(actors))
    ]
    return Network(
        actors,
        initiatives=initiatives,
        affiliations=affiliations,
        ends=ends,
        weights=weights,
    )


def _too_large(what: str, max_ties: int) -> LimitExceededError:
    return LimitExceededError(
        f"{what}; at most {max_ties:,} are computed (POIKKI_ANALYTICS_MAX_TIES). Narrow the "
        "scope: name initiatives or seeds with a smaller depth, add a period, or leave out the "
        "largest initiatives' kinds or tie types."
    )


def _weights(member: sp.csr_matrix, shared: sp.coo_matrix, weighting: Weighting) -> Any:
    if shared.nnz == 0:
        return np.zeros(0)  # scipy indexes a matrix with no points as a 1×0 matrix
    if weighting is Weighting.SHARED:
        return shared.data
    sizes = np.asarray(member.sum(axis=0)).ravel()
    if weighting is Weighting.NEWMAN:
        inverse = np.divide(1.0, sizes - 1, out=np.zeros_like(sizes), where=sizes > 1)
        newman = sp.triu(member @ sp.diags(inverse) @ member.T, k=1).tocsr()
        return np.asarray(newman[shared.row, shared.col]).ravel()
    degree = np.asarray(member.sum(axis=1)).ravel()
    return shared.data / (degree[shared.row] + degree[shared.col] - shared.data)
