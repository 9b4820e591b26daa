"""Search results as a connection: each hit with how well it matched and a cursor."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import strawberry

from graph.text_match import Tier
from schema.connections import CursorAt, PageInfo
from schema.enums import described
from schema.nodes import Entity

described(
    Tier,
    "Where the folded text (no case, no diacritics) was found in a hit, weakest first; each "
    "has its `score`.",
    {
        "DESCRIPTION": "Only in the description (score 0.2).",
        "INSIDE_NAME": "In the name, inside a word (score 0.4).",
        "NAME_WORD": "In the name, at the start of a later word (score 0.6).",
        "NAME_PREFIX": "At the start of the name (score 0.8).",
        "WHOLE_NAME": "The whole name (score 1.0).",
    },
    name="SearchMatch",
)


@strawberry.type(description="One node that matches, with how well and where it matched.")
class SearchResultEdge:
    node: Entity = strawberry.field(description="The node found.")
    tier: strawberry.Private[Tier]
    position: strawberry.Private[int]
    cursor_at: strawberry.Private[CursorAt]

    @strawberry.field(
        description="Relevance from 0.2 to 1.0 by where the text was found: 1.0 the whole "
        "name, 0.8 the name's start, 0.6 the start of a later word of the name, 0.4 inside a "
        "word of the name, 0.2 the description only. Hits are ranked by it, then by name "
        "(Finnish order) and id."
    )
    def score(self) -> float:
        return self.tier.score

    @strawberry.field(description="Where the text was found; `score` ranks these.")
    def match(self) -> Tier:
        return self.tier

    @strawberry.field(description="Pass as `after` to get the hits that follow this one.")
    def cursor(self) -> str:
        return self.cursor_at(self.position)


@strawberry.type(description="A page of search results, best first.")
class SearchResultConnection:
    edges: list[SearchResultEdge] = strawberry.field(description="The hits on this page.")
    page_info: PageInfo = strawberry.field(description="Whether more hits follow, and cursors.")
    count: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field(description="How many nodes match, over all pages. Counted when asked.")
    async def total_count(self) -> int:
        return await self.count()
