"""Looking nodes up by global id (Relay) and by text."""

from __future__ import annotations

import asyncio
from typing import Annotated

import strawberry

from graph import model
from graph.errors import BadInputError, NotFoundError
from graph.identifiers import IdentifierError, identifier
from graph.model import Scheme
from resolvers import global_ids
from resolvers.pages import checked_first
from resolvers.search import search_page
from schema.as_of import AsOf
from schema.connections import page_info
from schema.enums import NodeKind
from schema.info import Info
from schema.nodes import Entity, Node, as_graphql
from schema.search import SearchResultConnection, SearchResultEdge

TEXT_HELP = "What to look for: 1 to 200 characters (the server's limit), trimmed."
KINDS_HELP = "Only nodes of these kinds; every kind when left out or empty."
FIRST_HELP = "How many hits to return (at most 100)."
AFTER_HELP = "The cursor of the last hit seen: the hits after it."


@strawberry.type
class LookupQuery:
    @strawberry.field(
        description="The node with this global id; NOT_FOUND if there is none. The id of a "
        "node merged into another (`mergeNodes`) answers the node it was merged into."
    )
    async def node(
        self,
        info: Info,
        id: Annotated[
            strawberry.ID,
            strawberry.argument(description="A global id, as any node's `id` field gives it."),
        ],
        as_of: AsOf = None,
    ) -> Node | None:
        # `as_of` has pointed the request's store at that moment already (schema/as_of.py).
        kind, slug = global_ids.decode(str(id))
        record = await info.context.nodes(kind).load(slug)
        if record is None:
            record = (await _merged_into(info, [(kind, slug)]))[0]
        if record is None:
            raise NotFoundError(kind.value, str(id))
        return as_graphql(record)

    @strawberry.field(
        description="Nodes by global id, in the order asked; null where unknown. A merged "
        "node's id answers the node it was merged into."
    )
    async def nodes(
        self,
        info: Info,
        ids: Annotated[
            list[strawberry.ID],
            strawberry.argument(description="Global ids, at most 100; of any kinds, mixed."),
        ],
        as_of: AsOf = None,
    ) -> list[Node | None]:
        checked_first(info.context, len(ids))
        decoded = [global_ids.decode(str(i)) for i in ids]
        found = await asyncio.gather(
            *(info.context.nodes(kind).load(slug) for kind, slug in decoded)
        )
        missing = [i for i, record in enumerate(found) if record is None]
        if missing:
            redirected = await _merged_into(info, [decoded[i] for i in missing])
            for i, record in zip(missing, redirected, strict=True):
                found[i] = record
        return [None if record is None else as_graphql(record) for record in found]

    @strawberry.field(
        description="The person or organisation with this id in another register; null when "
        "none has it. The value is normalised as stored ones are (a Wikidata address finds "
        "its Q-id); one that is not an id of the scheme is BAD_INPUT."
    )
    async def node_by_identifier(
        self,
        info: Info,
        scheme: Annotated[Scheme, strawberry.argument(description="The register.")],
        value: Annotated[str, strawberry.argument(description="The id in that register.")],
    ) -> Entity | None:
        try:
            key = identifier(scheme, value).key
        except IdentifierError as error:
            raise BadInputError(str(error), "value") from error
        found = (await info.context.store.nodes_by_identifiers([key])).get(key)
        return None if found is None else as_graphql(found)

    @strawberry.field(
        description="Nodes whose name or description contains the text, ignoring case and "
        "diacritics (`paatos` finds `Päätös`, `Malmö` finds `Malmo`), best match first: a "
        "page of them with a score each, cursors and the total.",
    )
    async def search_results(
        self,
        info: Info,
        text: Annotated[str, strawberry.argument(description=TEXT_HELP)],
        kinds: Annotated[list[NodeKind] | None, strawberry.argument(description=KINDS_HELP)] = None,
        first: Annotated[int, strawberry.argument(description=FIRST_HELP)] = 20,
        after: Annotated[str | None, strawberry.argument(description=AFTER_HELP)] = None,
    ) -> SearchResultConnection:
        page = await search_page(info.context, text, kinds, first, after)
        return SearchResultConnection(
            edges=[
                SearchResultEdge(
                    node=as_graphql(hit.node),
                    tier=hit.tier,
                    position=position,
                    cursor_at=page.cursor_at,
                )
                for position, hit in enumerate(page.hits)
            ],
            page_info=page_info(page.cursor_at, len(page.hits), page.has_next, after is not None),
            count=page.count,
        )

    @strawberry.field(
        description="The first page of `searchResults`, as bare nodes.",
        deprecation_reason="A bare list can be neither paged nor told apart by relevance: use "
        "`searchResults`, which matches the same way and has a score per hit, cursors and "
        "`totalCount`.",
    )
    async def search(
        self,
        info: Info,
        text: Annotated[str, strawberry.argument(description=TEXT_HELP)],
        kinds: Annotated[list[NodeKind] | None, strawberry.argument(description=KINDS_HELP)] = None,
        first: Annotated[int, strawberry.argument(description=FIRST_HELP)] = 20,
    ) -> list[Entity]:
        page = await search_page(info.context, text, kinds, first, None)
        return [as_graphql(hit.node) for hit in page.hits]


async def _merged_into(
    info: Info, wanted: list[tuple[model.NodeKind, str]]
) -> list[model.Node | None]:
    """For each (kind, slug) that names no node: the node of that kind it was merged into."""
    found = await info.context.store.merged_into([slug for _, slug in wanted])
    nodes = [found.get(slug) for _, slug in wanted]
    return [
        n if n is not None and n.kind is k else None
        for n, (k, _) in zip(nodes, wanted, strict=True)
    ]
