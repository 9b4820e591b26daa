"""One node's ego network: its alters by boundary group, their heterogeneity, the ego's E-I
index, the density among its alters and Burt's effective size and constraint.

The ego network of ``u`` is ``u``, its neighbours (the alters) and the ties among them, in a
network built as :func:`graph.analytics.projection.build` builds it. Parallel ties (two tie
types between the same two nodes in the NETWORK mode) count as one, of their summed weight,
as in the measures; the ego's own ties are kept one by one, with their sources.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from graph.analytics.boundaries import EI
from graph.analytics.centrality import WEIGHT
from graph.analytics.projection import Network
from graph.errors import NotFoundError
from graph.model import Node


@dataclass(frozen=True)
class Alter:
    node: Node
    group: str | None
    weight: float
    """The summed weight of its ties with the ego."""
    ties: int
    """How many ties join it to the ego (more than one only in the NETWORK mode)."""


@dataclass(frozen=True)
class GroupCount:
    group: str
    alters: int


@dataclass(frozen=True)
class Ego:
    node: Node
    group: str | None
    alters: Sequence[Alter]
    """Strongest tie first, ties broken by id."""
    composition: Sequence[GroupCount]
    """Alters per known group, the largest first, ties broken by name."""
    unknown: int
    """Alters whose group the knowledge does not say."""
    heterogeneity: float | None
    iqv: float | None
    ei: EI | None
    density: float | None
    effective_size: float | None
    constraint: float | None
    ties: Network
    """The ego and its alters with the ego's own ties, one edge per tie, ego first."""


def ego_network(network: Network, groups: Sequence[str | None], node_id: str) -> Ego:
    """The ego network of `node_id` in `network`, whose nodes are on the sides `groups`;
    NotFoundError when the node is not in the network."""
    at = network.index()
    if node_id not in at:
        raise NotFoundError("Node in the scope", node_id)
    u = at[node_id]
    simple = network.graph.copy()
    simple.simplify(combine_edges={WEIGHT: "sum"})
    neighbours = sorted(simple.neighbors(u))
    weight = {v: float(simple.es[simple.get_eid(u, v)][WEIGHT]) for v in neighbours}
    mine = _incident(network, u)
    count = Counter(v for edge in network.ends[mine].tolist() for v in edge if v != u)
    alters = sorted(
        (Alter(network.nodes[v], groups[v], weight[v], count[v]) for v in neighbours),
        key=lambda a: (-a.weight, a.node.id),
    )
    sides = [groups[v] for v in neighbours]
    known = Counter(side for side in sides if side is not None)
    categories = len({side for side in groups if side is not None})
    among = simple.induced_subgraph(neighbours).ecount()
    return Ego(
        node=network.nodes[u],
        group=groups[u],
        alters=alters,
        composition=[
            GroupCount(group, n) for group, n in sorted(known.items(), key=lambda g: (-g[1], g[0]))
        ],
        unknown=len(sides) - sum(known.values()),
        heterogeneity=blau(list(known.values())),
        iqv=iqv(list(known.values()), categories),
        ei=ego_ei(groups[u], sides),
        density=ego_density(len(neighbours), among),
        effective_size=effective_size(simple, u),
        constraint=None if not neighbours else float(simple.constraint([u], weights=WEIGHT)[0]),
        ties=_own_ties(network, u, neighbours, mine),
    )


def blau(counts: Sequence[int]) -> float | None:
    """Blau's heterogeneity index of the alters' groups.

    .. math:: H = 1 - \\sum_k p_k^2

    with ``p_k`` the share of the alters of known group that are in group ``k``: the chance
    that two alters drawn at random (with replacement) are in different groups. 0 when all
    are in one group; at most ``1 - 1/K`` for ``K`` groups. Alters of unknown group are left
    out; None when no alter's group is known.

    References
    ----------
    .. [1] Blau, P. M. (1977). *Inequality and Heterogeneity: A Primitive Theory of Social
       Structure*, 78-80. Free Press.
    """
    total = sum(counts)
    if total == 0:
        return None
    return 1.0 - sum((n / total) ** 2 for n in counts)


def iqv(counts: Sequence[int], categories: int) -> float | None:
    """The index of qualitative variation: Blau's index over its maximum.

    .. math:: IQV = \\frac{1 - \\sum_k p_k^2}{1 - 1/K}

    ``K`` is the number of groups an alter could be in: the distinct known groups among all
    the nodes of the network (not only among the alters). 1 when the alters are spread evenly
    over all ``K`` groups. None when no alter's group is known or ``K < 2``.

    References
    ----------
    .. [1] Agresti, A. and Agresti, B. F. (1978). Statistical analysis of qualitative
       variation. *Sociological Methodology* 9, 204-237. doi:10.2307/270810
    """
    heterogeneity = blau(counts)
    if heterogeneity is None or categories < 2:
        return None
    return heterogeneity / (1.0 - 1.0 / categories)


def ego_ei(own: str | None, sides: Sequence[str | None]) -> EI | None:
    """Krackhardt and Stern's E-I index of the ego's ties:

    .. math:: EI = \\frac{E - I}{E + I}

    with ``E`` the alters in another group than the ego's and ``I`` those in the same group;
    each alter counts once, whatever its ties' weight or number, as the per-node E-I of the
    measures. Alters of unknown group are left out. None when the ego's group is unknown;
    the index is None when no alter is counted.

    References
    ----------
    .. [1] Krackhardt, D. and Stern, R. N. (1988). Informal networks and organizational
       crises: an experimental simulation. *Social Psychology Quarterly* 51(2), 123-140.
       doi:10.2307/2786835
    """
    if own is None:
        return None
    internal = sum(1 for side in sides if side == own)
    external = sum(1 for side in sides if side is not None and side != own)
    counted = external + internal
    index = (external - internal) / counted if counted else None
    return EI(float(external), float(internal), index)


def ego_density(alters: int, ties_among: int) -> float | None:
    """Density of the ego network without the ego: the ties among the ``k`` alters over the
    ``k(k-1)/2`` pairs of alters. Unweighted. None for fewer than two alters.

    References
    ----------
    .. [1] Marsden, P. V. (2002). Egocentric and sociocentric measures of network centrality.
       *Social Networks* 24(4), 407-422. doi:10.1016/S0378-8733(02)00016-3
    """
    if alters < 2:
        return None
    return ties_among / (alters * (alters - 1) / 2)


def effective_size(graph: Any, u: int) -> float | None:
    """Burt's effective size of ``u``'s ego network, weighted as ``nx.effective_size(G,
    nodes=[u], weight="weight")``:

    .. math:: e(u) = \\sum_{v \\in N(u)} \\Big(1 - \\sum_{w \\in N(u)} p_{uw} m_{vw}\\Big)

    with ``p_uw = a_uw / sum_x a_ux`` (the proportional strength of ``u``'s tie to ``w``) and
    ``m_vw = a_vw / max_x a_vx`` (``v``'s tie to ``w`` over ``v``'s strongest tie). Unweighted
    it is Borgatti's ``d - 2t/d``. :func:`graph.analytics.centrality.effective_size` computes
    the same for every node at once. None for an isolate.

    References
    ----------
    .. [1] Burt, R. S. (1992). *Structural Holes: The Social Structure of Competition*, 52-55.
       Harvard University Press.
    .. [2] Borgatti, S. P. (1997). Structural holes: unpacking Burt's redundancy measures.
       *Connections* 20(1), 35-38.
    """
    mine = _weights_at(graph, u)
    if not mine:
        return None
    strength = sum(mine.values())
    total = 0.0
    for v in mine:
        theirs = _weights_at(graph, v)
        strongest = max(theirs.values())
        redundancy = sum(mine[w] / strength * theirs.get(w, 0.0) / strongest for w in mine)
        total += 1.0 - redundancy
    return total


def _weights_at(graph: Any, v: int) -> dict[int, float]:
    edges = graph.es[graph.incident(v)]
    return {
        (e.target if e.source == v else e.source): float(e[WEIGHT])
        for e in edges  # a simple graph: one edge per neighbour
    }


def _incident(network: Network, u: int) -> list[int]:
    """The edges at `u`, in igraph's order."""
    ends = network.ends
    found: list[int] = np.flatnonzero((ends[:, 0] == u) | (ends[:, 1] == u)).tolist()
    return found


def _own_ties(network: Network, u: int, neighbours: Sequence[int], mine: list[int]) -> Network:
    """The ego, its alters and the ego's ties, renumbered, small enough to send back."""
    order = {v: i for i, v in enumerate([u, *neighbours])}
    ends = np.array(
        [[order[int(x)] for x in network.ends[e]] for e in mine], dtype=np.int32
    ).reshape(-1, 2)
    return Network(
        [network.nodes[v] for v in order],
        ties=[network.ties[e] for e in mine] if network.ties else (),
        initiatives=network.initiatives,
        affiliations=[network.affiliations[v] for v in order] if network.affiliations else (),
        ends=ends,
        weights=np.asarray([network.weights[e] for e in mine], dtype=np.float64),
    )
