"""The curation mutations: create, update, link, unlink, import, forget, and tokens.

Writing needs an editor's token; erasure and tokens an admin's. A missing or wrong token is a
FORBIDDEN error and nothing is written; input that cannot be accepted comes back as a member
of the result union (InvalidInput, NotFound, ImportRejected), also with nothing written.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Annotated, Any, TypeVar

import strawberry

from graph.curation import FieldProblem, InvalidInputError
from graph.errors import NotFoundError
from graph.history import Attribution, Operation
from graph.imports.problems import ImportRejected as Rejected
from graph.model import NodeKind, TieType
from graph.tokens import ApiToken, Role, checked_name, digest_of, new_secret
from resolvers import global_ids
from schema.curation_inputs import (
    NODE_FIELDS,
    SOURCE_FIELDS,
    TIE_FIELDS,
    ImportFileInput,
    LinkInput,
    NodeChangesInput,
    NodeInput,
    SourceInput,
    TieChangesInput,
    changes,
    given,
    identifier_pairs,
)
from schema.curation_results import (
    ForgetResult,
    ImportMatch,
    ImportProblem,
    ImportRejected,
    ImportResult,
    ImportSummary,
    MergeResult,
    NodeResult,
    NodesMerged,
    NotFound,
    PersonForgotten,
    RemovedTie,
    TieRemoved,
    TieResult,
    TieSaved,
    TokenCreated,
    UnlinkResult,
    invalid,
    saved,
    stored_tie,
)
from schema.info import Info
from schema.nodes import as_graphql
from schema.permissions import IsAdmin, IsEditor

R = TypeVar("R")


NewNode = Annotated[
    NodeInput, strawberry.argument(description="The node's kind, fields and sources.")
]
NewSource = Annotated[
    SourceInput, strawberry.argument(description="The source's title and where it was published.")
]
NodeChanges = Annotated[
    NodeChangesInput,
    strawberry.argument(description="Which node, the values to change and their sources."),
]
NewTie = Annotated[
    LinkInput, strawberry.argument(description="The tie's type, ends, fields and sources.")
]
TieChanges = Annotated[
    TieChangesInput,
    strawberry.argument(description="Which tie, the values to change and their sources."),
]
TieId = Annotated[str, strawberry.argument(description="The tie's id (a TieEdge's `tieId`).")]
TieTypeHint = Annotated[
    TieType | None,
    strawberry.argument(description="The tie's type, if known: speeds up the lookup."),
]
KeepId = Annotated[
    strawberry.ID, strawberry.argument(description="The global id of the node to keep.")
]
RemoveId = Annotated[
    strawberry.ID,
    strawberry.argument(description="The global id of the node merged into it and removed."),
]
PersonId = Annotated[strawberry.ID, strawberry.argument(description="The person's global id.")]
ImportFiles = Annotated[
    list[ImportFileInput],
    strawberry.argument(description="The files of one import, checked and written together."),
]
TokenName = Annotated[
    str,
    strawberry.argument(
        description="A unique name for the token: who or what uses it (1–100 characters)."
    ),
]
TokenRole = Annotated[Role, strawberry.argument(description="What the token may do.")]
_SOURCE_INPUT = {name: field for field, name in SOURCE_FIELDS.items()}
"""The curation layer's names of a source's fields, back to SourceInput's (name → title)."""


async def _attempt(work: Callable[[], Awaitable[R]]) -> R | Any:
    try:
        return await work()
    except InvalidInputError as error:
        return invalid(error.problems)
    except NotFoundError as error:
        return NotFound(message=str(error), id=error.ident)


def _slug(global_id: strawberry.ID, field: str, kind: NodeKind | None = None) -> str:
    try:
        found_kind, slug = global_ids.decode(str(global_id))
    except Exception as error:
        raise InvalidInputError([FieldProblem(field, str(error))]) from error
    if kind is not None and found_kind is not kind:
        message = f"'{global_id}' is a {found_kind.value}, not a {kind.value}."
        raise InvalidInputError([FieldProblem(field, message)])
    return slug


def _by(info: Info, operation: Operation) -> Attribution:
    return Attribution(info.context.curator().actor, operation)


def _sources(ids: list[strawberry.ID]) -> list[str]:
    return [_slug(i, "sources", NodeKind.SOURCE) for i in ids]


@strawberry.type
class CurationMutation:
    @strawberry.mutation(
        description="Create a node of any kind but Source. Needs an editor.",
        permission_classes=[IsEditor],
    )
    async def create_node(self, info: Info, input: NewNode) -> NodeResult:
        async def work() -> Any:
            if input.kind is NodeKind.SOURCE:
                raise InvalidInputError([FieldProblem("kind", "Use createSource for sources.")])
            values = identifier_pairs(given(input, NODE_FIELDS))
            curator = info.context.curator()
            node = await curator.create_node(input.kind, values, _sources(input.sources), input.id)
            return saved(node, True, True, ())

        return await _attempt(work)

    @strawberry.mutation(
        description="Add a source facts can cite. Needs an editor.", permission_classes=[IsEditor]
    )
    async def create_source(self, info: Info, input: NewSource) -> NodeResult:
        async def work() -> Any:
            values = given(input, SOURCE_FIELDS)
            try:
                node = await info.context.curator().create_node(
                    NodeKind.SOURCE, values, [], input.id
                )
            except InvalidInputError as error:
                raise InvalidInputError(
                    [replace(p, field=_SOURCE_INPUT.get(p.field, p.field)) for p in error.problems]
                ) from error
            return saved(node, True, True, ())

        return await _attempt(work)

    @strawberry.mutation(
        description="Change a node's fields, citing sources; null clears an optional field "
        "(a required one, such as `name`, is BAD_INPUT naming it). Needs an editor.",
        permission_classes=[IsEditor],
    )
    async def update_node(self, info: Info, input: NodeChanges) -> NodeResult:
        async def work() -> Any:
            values = identifier_pairs(changes(input, NODE_FIELDS))
            update = await info.context.curator().update_node(
                _slug(input.id, "id"), values, _sources(input.sources), prefer_new=input.prefer_new
            )
            return saved(update.node, False, update.changed, update.contested)

        return await _attempt(work)

    @strawberry.mutation(
        description="Tie two nodes, citing sources. Needs an editor.", permission_classes=[IsEditor]
    )
    async def link(self, info: Info, input: NewTie) -> TieResult:
        async def work() -> Any:
            values = given(input, TIE_FIELDS)
            tie, created = await info.context.curator().link(
                input.type,
                _slug(input.source, "source"),
                _slug(input.target, "target"),
                values,
                _sources(input.sources),
                input.id,
            )
            return TieSaved(tie=stored_tie(tie), created=created)

        return await _attempt(work)

    @strawberry.mutation(
        description="Change a tie's fields, citing sources; null clears a field. Needs an editor.",
        permission_classes=[IsEditor],
    )
    async def update_tie(self, info: Info, input: TieChanges) -> TieResult:
        async def work() -> Any:
            values = changes(input, TIE_FIELDS)
            tie = await info.context.curator().update_tie(
                input.id, input.type, values, _sources(input.sources)
            )
            return TieSaved(tie=stored_tie(tie), created=False)

        return await _attempt(work)

    @strawberry.mutation(
        description="Remove a tie. Needs an editor.", permission_classes=[IsEditor]
    )
    async def unlink(self, info: Info, id: TieId, type: TieTypeHint = None) -> UnlinkResult:
        async def work() -> Any:
            return TieRemoved(tie=stored_tie(await info.context.curator().unlink(id, type)))

        return await _attempt(work)

    @strawberry.mutation(
        description="Merge `remove` into `keep` in one transaction: its ties move to `keep` "
        "(one duplicating a tie of `keep` is folded into it, sources united), sources, "
        "identifiers and claims are united, and `node(remove)` answers `keep` from then on "
        "(listed in its `mergedFrom`). Merging a node into itself, twice, or into another "
        "kind is InvalidInput. Needs an editor.",
        permission_classes=[IsEditor],
    )
    async def merge_nodes(self, info: Info, keep: KeepId, remove: RemoveId) -> MergeResult:
        async def work() -> Any:
            result = await info.context.curator().merge_nodes(
                _slug(keep, "keep"), _slug(remove, "remove")
            )
            return NodesMerged(
                node=as_graphql(result.kept),
                removed_id=strawberry.ID(global_ids.encode(result.removed.kind, result.removed.id)),
                moved_ties=[stored_tie(t) for t in result.moved],
                folded_ties=[stored_tie(t) for t in result.folded],
                dropped_ties=[RemovedTie(id=t.id, type=t.type) for t in result.dropped],
            )

        return await _attempt(work)

    @strawberry.mutation(
        description="Erase a person and every tie they are part of, on request. Needs an admin.",
        permission_classes=[IsAdmin],
    )
    async def forget_person(self, info: Info, id: PersonId) -> ForgetResult:
        async def work() -> Any:
            person_id = _slug(id, "id", NodeKind.PERSON)
            _, ties = await info.context.curator().forget_person(person_id)
            return PersonForgotten(
                person_id=id, removed_ties=[RemovedTie(id=t.id, type=t.type) for t in ties]
            )

        return await _attempt(work)

    @strawberry.mutation(
        description="Import files all-or-nothing (see docs/import-formats.md). Needs an editor.",
        permission_classes=[IsEditor],
    )
    async def import_batch(self, info: Info, files: ImportFiles) -> ImportResult:
        try:
            # A lone surrogate cannot be UTF-8; passed through, the reader names its line.
            outcome = await info.context.curator().import_files(
                [(f.name, f.content.encode("utf-8", "surrogatepass")) for f in files]
            )
        except Rejected as error:
            return ImportRejected(
                message=str(error),
                problems=[
                    ImportProblem(file=p.file, line=p.line, message=p.message)
                    for p in error.problems
                ],
            )
        summary = outcome.summary
        return ImportSummary(
            matched=[ImportMatch(record=m.record, node=m.node, by=m.by) for m in outcome.matched],
            created_nodes=summary.created_nodes,
            updated_nodes=summary.updated_nodes,
            unchanged_nodes=summary.unchanged_nodes,
            created_ties=summary.created_ties,
            updated_ties=summary.updated_ties,
            unchanged_ties=summary.unchanged_ties,
        )

    @strawberry.mutation(
        description="Make a bearer token; its secret is shown once. Admin.",
        permission_classes=[IsAdmin],
    )
    async def create_token(self, info: Info, name: TokenName, role: TokenRole) -> TokenCreated:
        name = checked_name(name)
        secret = new_secret()
        created = datetime.now(UTC).isoformat(timespec="seconds")
        await info.context.store.save_token(
            ApiToken(name, role, digest_of(secret), created), _by(info, Operation.CREATE_TOKEN)
        )
        return TokenCreated(name=name, role=role, secret=secret)

    @strawberry.mutation(
        description="Revoke a token by name; false when there is none. Admin.",
        permission_classes=[IsAdmin],
    )
    async def revoke_token(self, info: Info, name: TokenName) -> bool:
        return await info.context.store.revoke_token(
            name.strip(), _by(info, Operation.REVOKE_TOKEN)
        )
