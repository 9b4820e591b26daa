"""What the curation mutations answer: success types and the expected failures, as unions."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry

from graph import model
from graph.curation import FieldProblem
from graph.tokens import Role
from schema.enums import SeatType, TieType, described
from schema.info import Info
from schema.nodes import (
    Entity,
    HistoryAfter,
    HistoryConnection,
    HistoryFirst,
    Source,
    as_graphql,
    history_of,
    sources_of,
)
from schema.scalars import PartialDate, partial_date

described(
    Role,
    "What a token may do: read, edit, or also erase and manage.",
    {
        "READER": "Read (needed only when POIKKI_PUBLIC_READ=false).",
        "EDITOR": "Read, and create, update, link, unlink and import.",
        "ADMIN": "All an editor may, and erase people and manage tokens.",
    },
)


@strawberry.type(description="One field that was not accepted, and why.")
class FieldError:
    field: str = strawberry.field(description="The input field, as GraphQL names it.")
    message: str = strawberry.field(description="What is wrong with it, for a person to read.")


@strawberry.type(description="The input was not accepted; nothing was written.")
class InvalidInput:
    message: str = strawberry.field(description="Every problem, joined: `field: message; …`.")
    errors: list[FieldError] = strawberry.field(description="One entry per problem, by field.")


@strawberry.type(description="Something the input names does not exist; nothing was written.")
class NotFound:
    message: str = strawberry.field(description="What was not found, for a person to read.")
    id: str = strawberry.field(description="The id (a slug or a tie id) that names nothing.")


@strawberry.type(description="A node as stored after the mutation.")
class NodeSaved:
    node: Entity = strawberry.field(description="The node as stored now.")
    created: bool = strawberry.field(description="True when the mutation made it.")
    changed: bool = strawberry.field(
        description="True when anything was written: false when every value given was "
        "already stored (nothing then changes, not even the graph's version)."
    )
    contested: list[str] = strawberry.field(
        description="Fields where the new sources disagree with the stored value; both values "
        "are kept as claims with their sources."
    )


@strawberry.type(description="A tie as stored.")
class StoredTie:
    id: str = strawberry.field(description="The tie's stable id.")
    type: TieType = strawberry.field(description="The tie's type: which kinds it joins, which way.")
    role: str | None = strawberry.field(
        description="The role held through it, in the source's words; null when none."
    )
    seat_type: SeatType | None = strawberry.field(
        description="On a steering-group seat: elected official or civil servant."
    )
    start: PartialDate | None = strawberry.field(
        description="When it began, at the source's precision; null when not known."
    )
    end: PartialDate | None = strawberry.field(
        description="When it ended; null when open-ended or not known."
    )
    record: strawberry.Private[model.Tie]

    @strawberry.field(description="The node it starts from; null if that is gone.")
    async def source(self, info: Info) -> Entity | None:
        found: Entity | None = await _node(info, self.record.source)
        return found

    @strawberry.field(description="The node it goes to; null if that is gone.")
    async def target(self, info: Info) -> Entity | None:
        found: Entity | None = await _node(info, self.record.target)
        return found

    @strawberry.field(description="The sources that state it.")
    async def sources(self, info: Info) -> list[Source]:
        return await sources_of(info, self.record.sources)

    @strawberry.field(description="Every write to this tie, newest first (docs/history.md).")
    async def history(
        self, info: Info, first: HistoryFirst = None, after: HistoryAfter = None
    ) -> HistoryConnection:
        return await history_of(info, self.record.type.value, self.record.id, first, after)


def stored_tie(record: model.Tie) -> StoredTie:
    return StoredTie(
        id=record.id,
        type=record.type,
        role=record.role,
        seat_type=record.seat_type,
        start=partial_date(record.start),
        end=partial_date(record.end),
        record=record,
    )


async def _node(info: Info, node_id: str) -> Any:
    found = (await info.context.store.find_nodes([node_id]))[0]
    return None if found is None else as_graphql(found)


@strawberry.type(description="A tie as stored after `link` or `updateTie`.")
class TieSaved:
    tie: StoredTie = strawberry.field(description="The tie as stored now.")
    created: bool = strawberry.field(description="True when the mutation made it.")


@strawberry.type(description="The tie that was removed.")
class TieRemoved:
    tie: StoredTie = strawberry.field(description="The tie as it was before it was removed.")


@strawberry.type(description="A removed tie, by id and type only.")
class RemovedTie:
    id: str = strawberry.field(description="The removed tie's id.")
    type: TieType = strawberry.field(description="The removed tie's type.")


@strawberry.type(description="The person and every tie they were part of are gone.")
class PersonForgotten:
    person_id: strawberry.ID = strawberry.field(description="The erased person's global id.")
    removed_ties: list[RemovedTie] = strawberry.field(
        description="Every tie that was erased with them."
    )


@strawberry.type(description="A record of an import written to a stored node of another id.")
class ImportMatch:
    record: str = strawberry.field(description="The id the record gave.")
    node: str = strawberry.field(description="The slug of the stored node it updated.")
    by: str = strawberry.field(
        description="Why: the identifier both give (`WIKIDATA:Q42`), or `mergedFrom` when the "
        "record's id was merged into that node."
    )


@strawberry.type(description="The two nodes are one now.")
class NodesMerged:
    node: Entity = strawberry.field(description="The kept node as stored now.")
    removed_id: strawberry.ID = strawberry.field(
        description="The removed node's global id; `node` answers the kept node for it."
    )
    moved_ties: list[StoredTie] = strawberry.field(
        description="The removed node's ties, now the kept node's."
    )
    folded_ties: list[StoredTie] = strawberry.field(
        description="Ties of the kept node that a duplicate was folded into (same type, far "
        "end and period), now citing the sources of both."
    )
    dropped_ties: list[RemovedTie] = strawberry.field(
        description="Ties that joined the two nodes, removed (they would join it to itself)."
    )


@strawberry.type(description="What an import wrote.")
class ImportSummary:
    matched: list[ImportMatch] = strawberry.field(
        description="Records matched to stored nodes of another id, by identifier or merge."
    )
    created_nodes: int = strawberry.field(description="Nodes that did not exist before.")
    updated_nodes: int = strawberry.field(description="Nodes that existed and changed.")
    unchanged_nodes: int = strawberry.field(
        description="Nodes given exactly as stored (a re-import changes nothing)."
    )
    created_ties: int = strawberry.field(description="Ties that did not exist before.")
    updated_ties: int = strawberry.field(description="Ties that existed and changed.")
    unchanged_ties: int = strawberry.field(description="Ties given exactly as stored.")


@strawberry.type(description="A problem with one line of one file.")
class ImportProblem:
    file: str = strawberry.field(description="The file's name, as given.")
    line: int | None = strawberry.field(
        description="The line of the file it is on (1 is the first; a CSV row's is the line "
        "it starts on); null when the problem is the file's or the batch's as a whole."
    )
    message: str = strawberry.field(description="What is wrong, for a person to read.")


@strawberry.type(description="The import was rejected whole; nothing was written.")
class ImportRejected:
    message: str = strawberry.field(
        description="How many problems there are, then the first of them (`file:line: …`), "
        "one a line."
    )
    problems: list[ImportProblem] = strawberry.field(
        description="Every problem found, by file and line."
    )


@strawberry.type(description="A new token. The secret is shown here once and never stored.")
class TokenCreated:
    name: str = strawberry.field(description="The token's unique name.")
    role: Role = strawberry.field(description="What it may do.")
    secret: str = strawberry.field(
        description="The bearer token to send (`Authorization: Bearer <secret>`); shown only "
        "now, only its SHA-256 digest is stored."
    )


@strawberry.type(description="A token by name and role (its secret is never kept).")
class TokenInfo:
    name: str = strawberry.field(description="The token's unique name.")
    role: Role = strawberry.field(description="What it may do.")
    created: str = strawberry.field(
        description="When it was made, ISO 8601 in UTC to the second (`2026-11-23T12:00:00+00:00`)."
    )


UNWRITTEN = "; or why nothing was written (InvalidInput, NotFound)."
NodeResult = Annotated[
    NodeSaved | InvalidInput | NotFound,
    strawberry.union("NodeResult", description="The node as saved" + UNWRITTEN),
]
MergeResult = Annotated[
    NodesMerged | InvalidInput | NotFound,
    strawberry.union("MergeResult", description="The merged node" + UNWRITTEN),
]
TieResult = Annotated[
    TieSaved | InvalidInput | NotFound,
    strawberry.union("TieResult", description="The tie as saved" + UNWRITTEN),
]
UnlinkResult = Annotated[
    TieRemoved | InvalidInput | NotFound,
    strawberry.union("UnlinkResult", description="The tie removed" + UNWRITTEN),
]
ForgetResult = Annotated[
    PersonForgotten | InvalidInput | NotFound,
    strawberry.union("ForgetResult", description="The person erased" + UNWRITTEN),
]
ImportResult = Annotated[
    ImportSummary | ImportRejected,
    strawberry.union(
        "ImportResult", description="What the import wrote; or every reason it wrote nothing."
    ),
]


def invalid(problems: list[FieldProblem]) -> InvalidInput:
    return InvalidInput(
        message="; ".join(f"{p.field}: {p.message}" for p in problems),
        errors=[FieldError(field=p.field, message=p.message) for p in problems],
    )


def saved(
    record: model.Node, created: bool, changed: bool, contested: tuple[str, ...]
) -> NodeSaved:
    return NodeSaved(
        node=as_graphql(record), created=created, changed=changed, contested=list(contested)
    )
