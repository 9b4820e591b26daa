"""One record checked and turned into a Node or a Tie, with every problem it has.

A record maps Poikki's field names to values as JSON gives them: text, or a list of ids for
`sources`. The JSON Lines reader passes its objects as they are, the CSV reader turns each row
into one, and the Popolo reader builds them from Popolo's fields, passing Popolo's names so
messages use the words of the file the curator wrote.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from enum import Enum
from typing import Any, TypeVar

from graph import dates
from graph.hygiene import id_problem, shown, text_problem
from graph.identifiers import IdentifierError, identifier, scheme_named, united
from graph.model import (
    KIND_SPECS,
    Claim,
    Field,
    Identifier,
    Node,
    NodeKind,
    SeatType,
    Tie,
    TieType,
)

Record = Mapping[str, object]
E = TypeVar("E", bound=Enum)

COMMON_FIELDS = ("kind", "id", "name", "description", "start", "end")
KIND_FIELDS = tuple(
    dict.fromkeys(
        f.name
        for kind, spec in KIND_SPECS.items()
        if kind is not NodeKind.SOURCE
        for f in spec.fields
    )
)
"""The fields of some kind of node but sources, in the order of the kinds."""
NODE_FIELDS = (*COMMON_FIELDS, *KIND_FIELDS, "identifiers", "sources", "claims")
SOURCE = KIND_SPECS[NodeKind.SOURCE]
SOURCE_TITLE, SOURCE_DATE = SOURCE.spelled["name"], SOURCE.spelled["start"]
SOURCE_FIELDS = (
    "kind",
    "id",
    SOURCE_TITLE,
    "description",
    SOURCE_DATE,
    *(f.name for f in SOURCE.fields),
)
TIE_FIELDS = ("id", "source", "target", "role", "start", "end", "seatType", "sources")
CLAIM_FIELDS = ("field", "value", "sources")
IDENTIFIER_FIELDS = ("scheme", "value")
MANY_LINES = frozenset({"description", "value"})
"""Fields that may span lines (a claim's value may be a description's)."""


def node_fields(kind: NodeKind | None) -> tuple[str, ...]:
    """The fields a node of `kind` may have (all of them when the kind itself is unreadable)."""
    if kind is NodeKind.SOURCE:
        return SOURCE_FIELDS
    if kind is None:
        return NODE_FIELDS
    spec = KIND_SPECS[kind]
    identified = ("identifiers",) if spec.identified else ()
    return (*COMMON_FIELDS, *(f.name for f in spec.fields), *identified, "sources", "claims")


class Values:
    """Typed reads of one record. A wrong value is noted in `problems` and reads as absent."""

    def __init__(self, record: Record, names: Mapping[str, str] | None = None) -> None:
        self.record = record
        self.names = names or {}
        self.problems: list[str] = []

    def name(self, key: str) -> str:
        return self.names.get(key, key)

    def present(self, key: str) -> bool:
        value = self.record.get(key)
        return value is not None and not (isinstance(value, str) and not value.strip())

    def only(self, allowed: Collection[str], what: str) -> None:
        known = {*NODE_FIELDS, *SOURCE_FIELDS, *TIE_FIELDS, "tie"}
        for key in self.record:
            if key in allowed:
                continue
            if key in known:
                self.problems.append(f"{self.name(key)} does not apply to {what}")
            else:
                self.problems.append(f"unknown field '{shown(key)}'")

    def text(self, key: str, required: bool = False) -> str | None:
        if not self.present(key):
            if required:
                self.problems.append(f"{self.name(key)} is missing")
            return None
        value = self.record[key]
        if not isinstance(value, str):
            self.problems.append(f"{self.name(key)} must be text, not {json_type(value)}")
            return None
        problem = text_problem(value, many_lines=key in MANY_LINES)
        if problem is not None:
            self.problems.append(f"{self.name(key)} {problem}")
            return None
        return value

    def ident(self, key: str, required: bool = False) -> str | None:
        """Trimmed text: an enum's name, a date, a url, a language."""
        value = self.text(key, required)
        return None if value is None else value.strip()

    def identifier(self, key: str, required: bool = False) -> str | None:
        """The id of a node or tie (graph.hygiene's rules for ids)."""
        value = self.ident(key, required)
        if value is None:
            return None
        problem = id_problem(value)
        if problem is not None:
            self.problems.append(f"{self.name(key)} {problem}")
            return None
        return value

    def date(self, key: str) -> str | None:
        value = self.ident(key)
        if value is None:
            return None
        try:
            return dates.check(value)
        except ValueError as error:
            self.problems.append(f"{self.name(key)}: {str(error).rstrip('.')}")
            return None

    def span(self, start_key: str, end_key: str) -> tuple[str | None, str | None]:
        start, end = self.date(start_key), self.date(end_key)
        if start is not None and end is not None and dates.first_day(start) > dates.last_day(end):
            self.problems.append(
                f"{self.name(start_key)} {start} is after {self.name(end_key)} {end}"
            )
        return start, end

    def choice(self, key: str, enum: type[E], required: bool = False) -> E | None:
        value = self.ident(key, required)
        if value is None:
            return None
        member = enum.__members__.get(value)
        if member is None:
            spelled = [m.name for m in enum if value.upper() in (m.name, str(m.value).upper())]
            hint = f" (write {spelled[0]})" if spelled else ""
            names = ", ".join(enum.__members__)
            self.problems.append(f"{self.name(key)} '{value}' is not one of {names}{hint}")
        return member

    def ids(self, key: str) -> tuple[str, ...]:
        value = self.record.get(key)
        if value is None:
            return ()
        ok = isinstance(value, list) and all(isinstance(i, str) and i.strip() for i in value)
        if not ok:
            self.problems.append(f"{self.name(key)} must be a list of source ids")
            return ()
        assert isinstance(value, list)
        ids = tuple(dict.fromkeys(str(i).strip() for i in value))
        for ident in ids:
            problem = id_problem(ident)
            if problem is not None:
                self.problems.append(f"{self.name(key)}: the id '{shown(ident)}' {problem}")
                return ()
        return ids

    def claims(self, key: str) -> tuple[Claim, ...]:
        value = self.record.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            self.problems.append(f"{key} must be a list of objects with {', '.join(CLAIM_FIELDS)}")
            return ()
        claims: list[Claim] = []
        for index, item in enumerate(value):
            if not isinstance(item, Mapping):
                self.problems.append(f"{key}[{index}] must be an object, not {json_type(item)}")
                continue
            inner = Values(item, {k: f"{key}[{index}].{k}" for k in CLAIM_FIELDS})
            inner.only(CLAIM_FIELDS, "a claim")
            field, text = inner.text("field", True), inner.text("value", True)
            sources = inner.ids("sources")
            self.problems += inner.problems
            if field is not None and text is not None:
                claims.append(Claim(field=field, value=text, sources=sources))
        return tuple(claims)

    def identifiers(self, key: str) -> tuple[Identifier, ...]:
        """A list of {scheme, value} objects, each checked and normalised (graph/identifiers.py)."""
        value = self.record.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            fields = ", ".join(IDENTIFIER_FIELDS)
            self.problems.append(f"{self.name(key)} must be a list of objects with {fields}")
            return ()
        found: list[Identifier] = []
        for index, item in enumerate(value):
            where = f"{self.name(key)}[{index}]"
            if not isinstance(item, Mapping):
                self.problems.append(f"{where} must be an object, not {json_type(item)}")
                continue
            inner = Values(item, {k: f"{where}.{k}" for k in IDENTIFIER_FIELDS})
            inner.only(IDENTIFIER_FIELDS, "an identifier")
            scheme, text = inner.ident("scheme", True), inner.ident("value", True)
            self.problems += inner.problems
            if scheme is None or text is None:
                continue
            try:
                found.append(identifier(scheme_named(scheme), text))
            except IdentifierError as error:
                self.problems.append(f"{where}: {error}")
        return united(found)


def node_from(
    record: Record, names: Mapping[str, str] | None = None
) -> tuple[Node | None, list[str]]:
    """The node a record describes, or None and every problem that stops it being one."""
    values = Values(record, names)
    kind = values.choice("kind", NodeKind, required=True)
    if kind is NodeKind.SOURCE:
        return _source_from(values)
    values.only(node_fields(kind), f"{a(kind.name)} node" if kind else "a node")
    ident, name = values.identifier("id", True), values.text("name", True)
    start, end = values.span("start", "end")
    description = values.text("description")
    extras = _kind_fields(values, kind)
    sources, claims = values.ids("sources"), values.claims("claims")
    identifiers = values.identifiers("identifiers")
    if values.problems or kind is None or ident is None or name is None:
        return None, values.problems
    node = Node(
        kind=kind,
        id=ident,
        name=name,
        sources=sources,
        description=description,
        start=start,
        end=end,
        claims=claims,
        identifiers=identifiers,
        **extras,
    )
    return node, []


def _kind_fields(values: Values, kind: NodeKind | None) -> dict[str, Any]:
    """The values of the fields only `kind` has, by Node attribute."""
    return {} if kind is None else {f.attribute: _read(values, f) for f in KIND_SPECS[kind].fields}


def _read(values: Values, field: Field) -> Enum | str | None:
    if field.choices is not None:
        return values.choice(field.name, field.choices)
    return values.ident(field.name) if field.token else values.text(field.name)


def _source_from(values: Values) -> tuple[Node | None, list[str]]:
    values.only(SOURCE_FIELDS, "a SOURCE")
    ident, title = values.identifier("id", True), values.text(SOURCE_TITLE, True)
    published = values.date(SOURCE_DATE)
    description = values.text("description")
    extras = _kind_fields(values, NodeKind.SOURCE)
    if values.problems or ident is None or title is None:
        return None, values.problems
    node = Node(
        kind=NodeKind.SOURCE,
        id=ident,
        name=title,
        # A Source cites itself, as the seed's sources do, so it never counts as unsourced.
        sources=(ident,),
        description=description,
        start=published,
        **extras,
    )
    return node, []


def tie_from(
    record: Record, type_key: str, names: Mapping[str, str] | None = None
) -> tuple[Tie | None, list[str]]:
    """The tie a record describes (its type under `type_key`), or None and every problem."""
    values = Values(record, names)
    values.only((type_key, *TIE_FIELDS), "a tie")
    type_ = values.choice(type_key, TieType, required=True)
    ident = values.identifier("id", True)
    source, target = values.identifier("source", True), values.identifier("target", True)
    role = values.text("role")
    start, end = values.span("start", "end")
    seat_type = values.choice("seatType", SeatType)
    sources = values.ids("sources")
    if values.problems or type_ is None or ident is None or source is None or target is None:
        return None, values.problems
    tie = Tie(
        type=type_,
        source=source,
        target=target,
        id=ident,
        role=role,
        start=start,
        end=end,
        seat_type=seat_type,
        sources=sources,
    )
    return tie, []


def a(word: str) -> str:
    """`word` with its indefinite article: "a PERSON", "an ORGANISATION"."""
    return f"{'an' if word[:1].upper() in 'AEIOU' else 'a'} {word}"


def json_type(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    if value is None:
        return "null"
    return "text"
