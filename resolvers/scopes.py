"""A network scope from what a client sends (global ids, a term or dates, kinds and types),
shared by the GraphQL `ScopeInput` and the export routes."""

from __future__ import annotations

from collections.abc import Iterable

from graph.analytics.scope import NETWORK_KINDS, CouncilTerm, Scope
from graph.errors import BadInputError
from graph.model import INITIATIVE_KINDS, NodeKind, TieType
from resolvers import global_ids


def build_scope(
    *,
    seeds: Iterable[str] = (),
    depth: int = 1,
    initiatives: Iterable[str] = (),
    start: str | None = None,
    end: str | None = None,
    term: CouncilTerm | None = None,
    kinds: Iterable[NodeKind] = (),
    types: Iterable[TieType] = (),
) -> Scope:
    if term is not None:
        if start is not None or end is not None:
            raise BadInputError("Give a term or from/to, not both.", "term")
        start, end = term.period
    chosen_kinds = frozenset(kinds)
    chosen_types = frozenset(types)
    return Scope(
        seeds=tuple(node_slug(i, "seeds") for i in seeds),
        depth=depth,
        initiatives=tuple(node_slug(i, "initiatives", INITIATIVE_KINDS) for i in initiatives),
        period_from=start,
        period_to=end,
        kinds=chosen_kinds or NETWORK_KINDS,
        types=chosen_types or frozenset(TieType),
    )


def node_slug(global_id: str, field: str = "id", kinds: tuple[NodeKind, ...] | None = None) -> str:
    try:
        kind, slug = global_ids.decode(global_id)
    except BadInputError as error:
        raise BadInputError(str(error), field) from error
    if kinds is not None and kind not in kinds:
        raise BadInputError(f"'{global_id}' is a {kind.value}, not a programme or project.", field)
    return slug
