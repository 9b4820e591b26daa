"""What the curation mutations answer: success types and the expected failures, as unions."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry

from graph import model
from graph.curation import FieldProblem
from graph.tokens import Role
from schema.enums import SeatType, TieType
from schema.info import Info
from schema.nodes import Entity, Source, as_graphql, sources_of
from schema.scalars import PartialDate, partial_date

strawberry.enum(Role, description="What a token may do: read, edit, or also erase and manage.")


@strawberry.type(description="One field that was not accepted, and why.")
class FieldError:
    field: str
    message: str


@strawberry.type(description="The input was not accepted; nothing was written.")
class InvalidInput:
    message: str
    errors: list[FieldError]


@strawberry.type(description="Something the input names does not exist; nothing was written.")
class NotFound:
    message: str
    id: str


@strawberry.type(description="A node as stored after the mutation.")
class NodeSaved:
    node: Entity
    created: bool
    changed: bool
    contested: list[str] = strawberry.field(
        description="Fields where the new sources disagree with the stored value; both values "
        "are kept as claims with their sources."
    )


@strawberry.type(description="A tie as stored.")
class StoredTie:
    id: str
    type: TieType
    role: str | None
    seat_type: SeatType | None
    start: PartialDate | None
    end: PartialDate | None
    record: strawberry.Private[model.Tie]

    @strawberry.field
    async def source(self, info: Info) -> Entity | None:
        found: Entity | None = await _node(info, self.record.source)
        return found

    @strawberry.field
    async def target(self, info: Info) -> Entity | None:
        found: Entity | None = await _node(info, self.record.target)
        return found

    @strawberry.field
    async def sources(self, info: Info) -> list[Source]:
        return await sources_of(info, self.record.sources)


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


@strawberry.type
class TieSaved:
    tie: StoredTie
    created: bool


@strawberry.type(description="The tie that was removed.")
class TieRemoved:
    tie: StoredTie


@strawberry.type(description="A removed tie, by id and type only.")
class RemovedTie:
    id: str
    type: TieType


@strawberry.type(description="The person and every tie they were part of are gone.")
class PersonForgotten:
    person_id: strawberry.ID
    removed_ties: list[RemovedTie]


@strawberry.type(description="What an import wrote.")
class ImportSummary:
    created_nodes: int
    updated_nodes: int
    unchanged_nodes: int
    created_ties: int
    updated_ties: int
    unchanged_ties: int


@strawberry.type(description="A problem with one line of one file.")
class ImportProblem:
    file: str
    line: int | None
    message: str


@strawberry.type(description="The import was rejected whole; nothing was written.")
class ImportRejected:
    message: str
    problems: list[ImportProblem]


@strawberry.type(description="A new token. The secret is shown here once and never stored.")
class TokenCreated:
    name: str
    role: Role
    secret: str


@strawberry.type(description="A token by name and role (its secret is never kept).")
class TokenInfo:
    name: str
    role: Role
    created: str


NodeResult = Annotated[NodeSaved | InvalidInput | NotFound, strawberry.union("NodeResult")]
TieResult = Annotated[TieSaved | InvalidInput | NotFound, strawberry.union("TieResult")]
UnlinkResult = Annotated[TieRemoved | InvalidInput | NotFound, strawberry.union("UnlinkResult")]
ForgetResult = Annotated[
    PersonForgotten | InvalidInput | NotFound, strawberry.union("ForgetResult")
]
ImportResult = Annotated[ImportSummary | ImportRejected, strawberry.union("ImportResult")]


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
