"""Keeping the knowledge: checked creates, updates, links and unlinks, contradictions kept as
claims beside the value, and erasure of a person. Every write goes through the store's
all-or-nothing `upsert` or `delete` and is told to the change feed.

Fields are named as GraphQL and the import formats name them (`orgType`, `seatType`, ...).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from graph import dates
from graph.changes import ChangeFeed
from graph.columns import EXTRA_COLUMNS
from graph.errors import BadInputError, NotFoundError
from graph.history import SYSTEM, Attribution, Operation
from graph.hygiene import id_problem, text_problem
from graph.identifiers import IdentifierError, identifier, scheme_named, united
from graph.imports.matching import Matched, match_stored
from graph.imports.problems import ImportRejected
from graph.imports.reader import problems_against_store, read_files_and_problems
from graph.model import (
    KIND_SPECS,
    TIE_SPECS,
    Claim,
    Identifier,
    Node,
    NodeKind,
    SeatType,
    Tie,
    TieType,
)
from graph.store import GraphStore, MergeResult, WriteSummary

NODE_FIELDS = ("name", "description", "start", "end")
TIE_FIELDS = ("role", "start", "end", "seatType")
_KIND_FIELDS = [f for spec in KIND_SPECS.values() for f in spec.fields]
_ATTRIBUTE = {f.name: f.attribute for f in _KIND_FIELDS} | {"seatType": "seat_type"}
_ENUMS: Mapping[str, Any] = {f.name: f.choices for f in _KIND_FIELDS if f.choices} | {
    "seatType": SeatType
}
REQUIRED_FIELDS = frozenset({"name"})
"""Fields every node has: an update may change them, never clear them."""
MAX_SLUG = 80
MANY_LINES = frozenset({"description"})
Item = TypeVar("Item", Node, Tie)


@dataclass(frozen=True)
class FieldProblem:
    field: str
    message: str


class InvalidInputError(BadInputError):
    """Every problem with one input, each naming its field."""

    def __init__(self, problems: Sequence[FieldProblem]) -> None:
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in problems), problems[0].field)
        self.problems = list(problems)


class RequiredFieldError(BadInputError):
    """An update that would clear a required field. Not one of an input's problems weighed
    with the others: the request itself is malformed, as a null for a non-null field is."""

    def __init__(self, field: str) -> None:
        super().__init__(f"`{field}` is required: it can be changed but not cleared.", field)


@dataclass(frozen=True)
class ImportOutcome:
    summary: WriteSummary
    matched: tuple[Matched, ...] = ()
    """Records written to a stored node of another id (by identifier or an earlier merge)."""


@dataclass(frozen=True)
class NodeUpdate:
    node: Node
    changed: bool
    contested: tuple[str, ...]
    """Fields where the new sources disagree with the stored value: kept as claims."""


class Curator:
    """`actor` is who the log names for every write: a token's name, or `cli:<user>`."""

    def __init__(
        self, store: GraphStore, feed: ChangeFeed | None = None, actor: str = SYSTEM.actor
    ) -> None:
        self.store = store
        self.feed = feed or ChangeFeed()
        self.actor = actor

    def _by(self, operation: Operation) -> Attribution:
        return Attribution(self.actor, operation)

    async def create_node(
        self, kind: NodeKind, values: Mapping[str, Any], sources: Sequence[str], slug: str | None
    ) -> Node:
        values, given = _without_identifiers(values)
        problems = _check_values(kind, values)
        identifiers, identifier_problems = await self._identifiers(kind, given, None)
        problems += identifier_problems
        name = values.get("name")
        if not name or not str(name).strip():
            problems.append(FieldProblem("name", "A name is required."))
        if kind is not NodeKind.SOURCE:
            problems += await self._check_sources(sources)
        problems += _slug_problems(slug)
        if problems:
            raise InvalidInputError(problems)
        node_id = slug or await self._free_slug(str(name))
        if (await self.store.find_nodes([node_id]))[0] is not None:
            raise InvalidInputError([FieldProblem("id", f"'{node_id}' exists already.")])
        # A source states itself, as the seed's and imported sources do.
        cited = (node_id,) if kind is NodeKind.SOURCE and not sources else tuple(sources)
        node = Node(kind, node_id, str(name).strip(), sources=cited, identifiers=identifiers or ())
        node = _with_values(node, {k: v for k, v in values.items() if k != "name"})
        await self.store.upsert([node], [], self._by(Operation.CREATE_NODE))
        self.feed.publish()
        return node

    async def update_node(
        self,
        node_id: str,
        values: Mapping[str, Any],
        sources: Sequence[str],
        *,
        prefer_new: bool = False,
    ) -> NodeUpdate:
        """Set the given fields; None clears one. A value from sources the node already cites
        corrects it; a different value (or none) from new sources contradicts it and is kept
        as a claim beside the stored value (both with their sources), unless `prefer_new`
        makes it the value. Clearing a required field raises RequiredFieldError."""
        for field in sorted(REQUIRED_FIELDS & values.keys()):
            if values[field] is None:
                raise RequiredFieldError(field)
        stored = await self._node(node_id)
        values, given = _without_identifiers(values)
        problems = _check_values(stored.kind, values)
        identifiers, identifier_problems = await self._identifiers(stored.kind, given, stored.id)
        problems += identifier_problems
        if "name" in values and not str(values["name"] or "").strip():
            problems.append(FieldProblem("name", "A name cannot be empty."))
        if stored.kind is not NodeKind.SOURCE or sources:
            problems += await self._check_sources(sources)
        if problems:
            raise InvalidInputError(problems)
        new_sources = tuple(s for s in sources if s not in stored.sources)

        node, claims, contested = stored, list(stored.claims), []
        for field, value in values.items():
            before = _value(stored, field)
            if value == before:
                continue
            if before is None or not new_sources or prefer_new:
                if before is not None and new_sources:
                    claims = _claimed(claims, field, before, stored.sources)
                    claims = _claimed(claims, field, value, new_sources)
                node = _with_values(node, {field: value})
            else:
                contested.append(field)
                claims = _claimed(claims, field, before, stored.sources)
                claims = _claimed(claims, field, value, new_sources)
        node = replace(node, sources=stored.sources + new_sources, claims=tuple(claims))
        if identifiers is not None:
            node = replace(node, identifiers=identifiers)
        _check_dates(node.start, node.end)
        changed = node != stored
        if changed:
            await self.store.upsert([node], [], self._by(Operation.UPDATE_NODE))
            self.feed.publish()
        return NodeUpdate(node, changed, tuple(contested))

    async def link(
        self,
        type_: TieType,
        source_id: str,
        target_id: str,
        values: Mapping[str, Any],
        sources: Sequence[str],
        tie_id: str | None = None,
        operation: Operation = Operation.LINK,
    ) -> tuple[Tie, bool]:
        """Create the tie, or update it when the id (by default type-source-target) exists."""
        source, target = await self._node(source_id), await self._node(target_id)
        spec = TIE_SPECS[type_]
        problems = _check_tie_values(values)
        if source.kind not in spec.sources:
            problems.append(FieldProblem("source", _ends_message(type_, "from", source)))
        if target.kind not in spec.targets:
            problems.append(FieldProblem("target", _ends_message(type_, "to", target)))
        problems += await self._check_sources(sources)
        problems += _id_problems(tie_id)
        if problems:
            raise InvalidInputError(problems)
        given_id = tie_id
        tie_id = tie_id or _slugify(f"{type_.value}-{source.id}-{target.id}")
        existing = await self.store.existing_ties(type_, [tie_id])
        if not existing and given_id is not None:
            # A new tie's id is a slug; a stored one keeps the id it was imported with.
            problems = _slug_problems(given_id)
            if problems:
                raise InvalidInputError(problems)
        base = existing[0] if existing else Tie(type_, source.id, target.id, tie_id)
        cited = tuple(dict.fromkeys(base.sources + tuple(sources)))
        tie = replace(_with_values(base, values), source=source.id, target=target.id, sources=cited)
        _check_dates(tie.start, tie.end)
        await self.store.upsert([], [tie], self._by(operation))
        self.feed.publish()
        return tie, not existing

    async def update_tie(
        self,
        tie_id: str,
        type_: TieType | None,
        values: Mapping[str, Any],
        sources: Sequence[str],
    ) -> Tie:
        tie = await self._tie(tie_id, type_)
        updated, _ = await self.link(
            tie.type, tie.source, tie.target, values, sources, tie.id, Operation.UPDATE_TIE
        )
        return updated

    async def unlink(self, tie_id: str, type_: TieType | None = None) -> Tie:
        tie = await self._tie(tie_id, type_)
        await self.store.delete([], [tie], self._by(Operation.UNLINK))
        self.feed.publish()
        return tie

    async def forget_person(self, person_id: str) -> tuple[Node, list[Tie]]:
        """Remove a person and every tie they are part of, in one transaction."""
        found = (await self.store.get_nodes(NodeKind.PERSON, [person_id]))[0]
        if found is None:
            raise NotFoundError("Person", person_id)
        ties = await self.store.ties_of(NodeKind.PERSON, [person_id])
        await self.store.delete([found], ties, self._by(Operation.FORGET_PERSON))
        self.feed.publish()
        return found, ties

    async def merge_nodes(self, keep_id: str, remove_id: str) -> MergeResult:
        """Merge `remove_id` into `keep_id` (graph/merges.py): InvalidInputError when they are
        one node, of different kinds, or one was merged already; NotFoundError when unknown."""
        for field, ident in (("keep", keep_id), ("remove", remove_id)):
            problems = _id_problems(ident)
            if problems:
                raise InvalidInputError([FieldProblem(field, problems[0].message)])
        try:
            result = await self.store.merge_nodes(
                keep_id, remove_id, self._by(Operation.MERGE_NODES)
            )
        except BadInputError as error:
            raise InvalidInputError([FieldProblem(error.field or "remove", str(error))]) from error
        self.feed.publish()
        return result

    async def _identifiers(
        self, kind: NodeKind, given: Sequence[tuple[str, str]] | None, node_id: str | None
    ) -> tuple[tuple[Identifier, ...] | None, list[FieldProblem]]:
        """The identifiers given (None: not given), checked, normalised and unique: each
        problem names the identifier and, for a clash, the node that has it."""
        if given is None:
            return None, []
        if not KIND_SPECS[kind].identified:
            return None, [FieldProblem("identifiers", f"A {kind.value} has no identifiers.")]
        found: list[Identifier] = []
        problems: list[FieldProblem] = []
        for scheme_text, value in given:
            try:
                found.append(identifier(scheme_named(scheme_text), value))
            except IdentifierError as error:
                problems.append(FieldProblem("identifiers", str(error)))
        found = list(united(found))
        holders = await self.store.nodes_by_identifiers([i.key for i in found])
        for key, holder in sorted(holders.items()):
            if holder.id != node_id:
                message = f"{key} is the identifier of '{holder.id}' already."
                problems.append(FieldProblem("identifiers", message))
        return tuple(found), problems

    async def import_files(
        self,
        files: Sequence[tuple[str, bytes]],
        progress: Callable[[int], None] | None = None,
    ) -> ImportOutcome:
        """Read every file, match records to stored nodes (graph/imports/matching.py), check
        the whole batch against the store, then write it in one transaction: one problem
        anywhere rejects it all (ImportRejected lists every one)."""
        batch, problems = read_files_and_problems(files)
        matching = await match_stored(batch, self.store)
        batch = matching.batch
        problems += matching.problems
        problems += await problems_against_store(batch, self.store.find_nodes)
        if problems:
            order = {name: index for index, (name, _) in enumerate(files)}
            problems.sort(key=lambda p: (order.get(p.file, len(order)), p.line or 0))
            raise ImportRejected(problems)
        summary = await self.store.upsert(batch.nodes, batch.ties, self._by(Operation.IMPORT))
        if progress is not None:
            progress(len(batch.nodes) + len(batch.ties))
        self.feed.publish()
        return ImportOutcome(summary, matching.matched)

    async def _node(self, node_id: str) -> Node:
        found = (await self.store.find_nodes([node_id]))[0]
        if found is None:
            raise NotFoundError("Node", node_id)
        return found

    async def _tie(self, tie_id: str, type_: TieType | None) -> Tie:
        problems = _id_problems(tie_id)
        if problems:
            raise InvalidInputError(problems)
        for candidate in [type_] if type_ else list(TieType):
            found = await self.store.existing_ties(candidate, [tie_id])
            if found:
                return found[0]
        raise NotFoundError("Tie", tie_id)

    async def _check_sources(self, sources: Sequence[str]) -> list[FieldProblem]:
        if not sources:
            return [FieldProblem("sources", "Cite at least one source for a new fact.")]
        found = await self.store.get_nodes(NodeKind.SOURCE, list(sources))
        missing = [s for s, node in zip(sources, found, strict=True) if node is None]
        if missing:
            return [FieldProblem("sources", f"No source '{missing[0]}' exists.")]
        return []

    async def _free_slug(self, name: str) -> str:
        base = _slugify(name) or "node"
        candidates = [base] + [f"{base}-{n}" for n in range(2, 50)]
        found = await self.store.find_nodes(candidates)
        return next(c for c, node in zip(candidates, found, strict=True) if node is None)


_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _slugify(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")[:MAX_SLUG].strip("-")


def _without_identifiers(
    values: Mapping[str, Any],
) -> tuple[dict[str, Any], Sequence[tuple[str, str]] | None]:
    """The values but `identifiers`, and the (scheme, value) pairs given there (None: none)."""
    rest = {k: v for k, v in values.items() if k != "identifiers"}
    given = values.get("identifiers")
    return rest, None if given is None else [(str(s), str(v)) for s, v in given]


def _check_values(kind: NodeKind, values: Mapping[str, Any]) -> list[FieldProblem]:
    allowed = set(NODE_FIELDS) | set(EXTRA_COLUMNS.get(kind, ()))
    problems = [
        FieldProblem(field, f"A {kind.value} has no {field}.")
        for field in values
        if field not in allowed
    ]
    problems += _check_enums(values)
    problems += _date_problems(values)
    return problems + _text_problems(values)


def _check_tie_values(values: Mapping[str, Any]) -> list[FieldProblem]:
    problems = [
        FieldProblem(field, f"A tie has no {field}.") for field in values if field not in TIE_FIELDS
    ]
    return problems + _check_enums(values) + _date_problems(values) + _text_problems(values)


def _text_problems(values: Mapping[str, Any]) -> list[FieldProblem]:
    """Text fields breaking the rules of graph.hygiene: only a description may span lines."""
    problems = []
    for field, value in values.items():
        if isinstance(value, str) and field not in _ENUMS and field not in ("start", "end"):
            problem = text_problem(value, many_lines=field in MANY_LINES)
            if problem is not None:
                problems.append(FieldProblem(field, f"The {field} {problem}."))
    return problems


def _id_problems(ident: str | None) -> list[FieldProblem]:
    problem = None if ident is None else id_problem(ident)
    return [] if problem is None else [FieldProblem("id", f"The id {problem}.")]


def _slug_problems(slug: str | None) -> list[FieldProblem]:
    """An id a client chooses for a new node or tie: the id rules, and a slug."""
    problems = _id_problems(slug)
    if not problems and slug is not None and not _SLUG.fullmatch(slug):
        problems.append(FieldProblem("id", "Use lower-case letters, digits and dashes."))
    return problems


def _check_enums(values: Mapping[str, Any]) -> list[FieldProblem]:
    problems = []
    for field, enum in _ENUMS.items():
        value = values.get(field)
        if value is not None and not isinstance(value, enum):
            try:
                enum(value)
            except ValueError:
                known = ", ".join(member.value for member in enum)
                problems.append(FieldProblem(field, f"'{value}' is not one of {known}."))
    return problems


def _date_problems(values: Mapping[str, Any]) -> list[FieldProblem]:
    problems = []
    for field in ("start", "end"):
        value = values.get(field)
        if value is not None:
            try:
                dates.check(str(value))
            except ValueError as error:
                problems.append(FieldProblem(field, str(error)))
    if not problems:
        try:
            _check_dates(values.get("start"), values.get("end"))
        except InvalidInputError as error:
            problems += error.problems
    return problems


def _check_dates(start: str | None, end: str | None) -> None:
    if start and end and dates.first_day(start) > dates.last_day(end):
        problem = FieldProblem("end", f"The end {end} is before the start {start}.")
        raise InvalidInputError([problem])


def _value(node: Node, field: str) -> Any:
    value = getattr(node, _ATTRIBUTE.get(field, field))
    return value.value if hasattr(value, "value") else value


def _with_values(item: Item, values: Mapping[str, Any]) -> Item:
    """A node or tie with the given fields (named as GraphQL names them) set."""
    changes = {}
    for field, value in values.items():
        enum = _ENUMS.get(field)
        changes[_ATTRIBUTE.get(field, field)] = (
            enum(value) if enum is not None and value is not None else value
        )
    return replace(item, **changes)


def _claimed(claims: list[Claim], field: str, value: Any, sources: Sequence[str]) -> list[Claim]:
    """Claims with (field, value) citing `sources` too; a None value claims there is none."""
    text = None if value is None else str(value.value if hasattr(value, "value") else value)
    for i, claim in enumerate(claims):
        if claim.field == field and claim.value == text:
            merged = tuple(dict.fromkeys(claim.sources + tuple(sources)))
            return [*claims[:i], replace(claim, sources=merged), *claims[i + 1 :]]
    return [*claims, Claim(field, text, tuple(sources))]


def _ends_message(type_: TieType, side: str, node: Node) -> str:
    spec = TIE_SPECS[type_]
    kinds = spec.sources if side == "from" else spec.targets
    allowed = ", ".join(sorted(k.value for k in kinds))
    return f"A {type_.value} tie goes {side} a {allowed}, not a {node.kind.value}."
