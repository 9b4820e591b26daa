"""Pages of a relationship field sorted by a count of ties, with their cursors."""

from __future__ import annotations

from graph.store import EdgeMatch, Hop, TieCount
from resolvers import cursors
from resolvers.context import Context
from resolvers.pages import TiePage, checked_first


async def counted_tie_page(
    context: Context,
    hop: Hop,
    parent_id: str,
    count: TieCount,
    descending: bool,
    first: int | None,
    after: str | None,
    where: EdgeMatch | None = None,
) -> TiePage:
    """The parent's ties along `hop` (those meeting `where`) sorted by how many ties each far
    node has along `count`, then by node id and tie id: each tie once over the pages."""
    limit = checked_first(context, first)
    direction = "desc" if descending else "asc"
    tag = f"tie:{'|'.join(t.value for t in hop.types)}:count:{count.name}:{direction}"
    if after is None:
        loader = context.tallies().counted(hop, where, count, descending, limit + 1)
        page = await loader.load(parent_id)
    else:
        keyset = cursors.decode_counted(tag, after, 3)
        found = await context.store.counted_neighbours(
            hop, [parent_id], count, descending, keyset, limit + 1, where
        )
        page = found[parent_id]
    return TiePage(
        items=list(page.items[:limit]),
        tag=tag,
        has_next=len(page.items) > limit,
        total=page.total,
    )
