"""Pages of search hits: the text checked, the cursor read, the store asked."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from graph.errors import BadInputError
from graph.model import NodeKind
from graph.store import SearchHit, SearchQuery
from graph.text_match import fold
from resolvers import cursors
from resolvers.context import Context
from resolvers.pages import checked_first

TAG = "search"


@dataclass(frozen=True)
class HitPage:
    hits: Sequence[SearchHit]
    has_next: bool
    count: Callable[[], Awaitable[int]]

    def cursor_at(self, position: int) -> str:
        return cursors.encode(TAG, self.hits[position].keyset)


def checked_text(context: Context, text: str) -> str:
    """The text to look for, trimmed; BAD_INPUT when it is empty, too long, or folds to
    nothing (only accents)."""
    most = context.limits.max_search_text
    needle = text.strip()
    if not needle or len(needle) > most or not fold(needle):
        raise BadInputError(f"`text` must have 1 to {most} characters to look for.", "text")
    return needle


async def search_page(
    context: Context,
    text: str,
    kinds: Sequence[NodeKind] | None,
    first: int | None,
    after: str | None,
) -> HitPage:
    limit = checked_first(context, first)
    needle = checked_text(context, text)
    wanted = tuple(kinds) if kinds else tuple(NodeKind)
    keyset = None if after is None else cursors.decode(TAG, after)
    if keyset is not None and not _well_formed(keyset.values):
        raise BadInputError(f"Cursor '{after}' is malformed.", "after")
    store = context.store
    page = await store.search(SearchQuery(needle, wanted, limit, keyset))

    async def count() -> int:
        return await store.count_search(needle, wanted)

    return HitPage(page.hits, page.has_more, count)


def _well_formed(values: tuple[str, ...]) -> bool:
    return len(values) == 3 and values[0].isdigit()
