"""Resolvers the planned executor calls itself (schema/direct_calls.py) answer as strawberry's
wrapper makes them answer: input objects, enums, lists and defaults converted alike, `self`,
`parent` and `info` given, errors (bad variables, resolvers that raise, permissions refused)
the same; and an argument written without variables is converted once for every request
running the operation."""

from __future__ import annotations

import asyncio
import json
from enum import Enum
from typing import Any

import pytest
import strawberry
from graphql import OperationDefinitionNode
from strawberry.permission import BasePermission

from schema.direct_calls import direct_field
from schema.document_cache import ParseOnce, _parsed
from schema.operation_plans import operation_plans
from schema.planned_executor import PlannedExecutor

RECEIVED: list[Any] = []
"""The `match` argument each call of `words` was given."""


@strawberry.enum
class Tone(Enum):
    SOFT = "soft"
    LOUD = "loud"


@strawberry.input
class Span:
    low: int = 0
    high: int | None = None


@strawberry.input
class Match:
    starts: list[str] | None = None
    span: Span | None = None
    tone: Tone | None = None


WORDS = ["aalto", "aamu", "bussi", "kevät", "KOSKI", "LAITURI", "metro", "silta"]


class Refuse(BasePermission):
    message = "not for you"

    def has_permission(self, source: Any, info: strawberry.Info, **kwargs: Any) -> bool:
        return False


@strawberry.type
class Query:
    prefix: str = "q"

    @strawberry.field
    def words(
        self,
        info: strawberry.Info,
        match: Match | None = None,
        first: int = 2,
        after: str | None = None,
    ) -> list[str]:
        RECEIVED.append(match)
        if first < 0:
            raise ValueError(f"`first` must not be negative; got {first}")
        found = [word for word in WORDS if after is None or word > after]
        if match is not None:
            if match.starts is not None:
                found = [word for word in found if word.lower().startswith(tuple(match.starts))]
            if match.span is not None:
                high = match.span.high
                found = [
                    word
                    for word in found
                    if len(word) >= match.span.low and (high is None or len(word) <= high)
                ]
            if match.tone is Tone.LOUD:
                found = [word for word in found if word.isupper()]
        return [f"{self.prefix}:{info.path.key}:{word}" for word in found[:first]]

    @strawberry.field
    async def later(self, parent: strawberry.Parent[Any], times: int = 1) -> str:
        await asyncio.sleep(0)
        return f"{parent.prefix}" * times

    @strawberry.field(permission_classes=[Refuse])
    def guarded(self, first: int = 1) -> int:
        return first


QUERIES: list[tuple[str, dict[str, Any]]] = [
    ("{ words }", {}),
    ('{ words(match: {starts: ["a", "k"], span: {low: 5}}, first: 5) }', {}),
    ("{ loud: words(match: {tone: LOUD}, first: 3) soft: words(match: {tone: SOFT}) }", {}),
    (
        "query Q($after: String, $first: Int = 3) {"
        ' words(match: {starts: ["a", "b", "k", "m"]}, first: $first, after: $after) }',
        {"after": "aamu"},
    ),
    (
        "query Q($after: String, $first: Int = 3) {"
        ' words(match: {starts: ["a", "b", "k", "m"]}, first: $first, after: $after) }',
        {"after": None, "first": 1},
    ),
    ("query Q($m: Match) { words(match: $m, first: 9) }", {"m": {"span": {"low": 6, "high": 7}}}),
    ("query Q($m: Match) { words(match: $m) }", {"m": {"tone": "LOUD", "starts": "k"}}),
    ("query Q($m: Match) { words(match: $m) }", {"m": {"tone": "QUIET"}}),
    ("query Q($first: Int!) { words(first: $first) }", {"first": "many"}),
    ("query Q($first: Int!) { words(first: $first) }", {}),
    ("{ words(first: -1) later }", {}),
    ("{ later(times: 3) w: words(first: 1) }", {}),
    ("{ guarded later }", {}),
    ("{ guarded(first: 2) words }", {}),
]


def _answer(schema: strawberry.Schema, query: str, variables: dict[str, Any]) -> str:
    result = asyncio.run(schema.execute(query, variables, root_value=Query()))
    errors = [error.formatted for error in result.errors or []]
    return json.dumps({"data": result.data, "errors": errors})


@pytest.fixture(scope="module")
def schemas() -> tuple[strawberry.Schema, strawberry.Schema]:
    return (
        strawberry.Schema(Query, execution_context_class=PlannedExecutor, extensions=[ParseOnce]),
        strawberry.Schema(Query),
    )


@pytest.mark.parametrize(("query", "variables"), QUERIES)
def test_a_direct_call_answers_as_strawberry_s_wrapper_does(
    schemas: tuple[strawberry.Schema, strawberry.Schema], query: str, variables: dict[str, Any]
) -> None:
    planned, standard = schemas
    expected = _answer(standard, query, variables)
    # Twice: the second time, the operation's conversions are already kept.
    assert _answer(planned, query, variables) == expected
    assert _answer(planned, query, variables) == expected


def test_only_fields_the_wrapper_does_nothing_more_for_are_called_directly(
    schemas: tuple[strawberry.Schema, strawberry.Schema],
) -> None:
    schema = schemas[0]._schema
    query_type = schema.query_type
    assert query_type is not None
    fields = query_type.fields
    assert direct_field(fields["words"], schema) is not None
    assert direct_field(fields["later"], schema) is not None
    assert direct_field(fields["guarded"], schema) is None, "a permission is a field extension"
    assert direct_field(fields["prefix"], schema) is None, "no resolver: a plain read"


def test_an_argument_written_without_variables_is_converted_once_an_operation(
    schemas: tuple[strawberry.Schema, strawberry.Schema],
) -> None:
    planned, standard = schemas
    query = (
        'query Pages($after: String) { words(match: {starts: ["a", "k", "m", "s"],'
        " span: {low: 4, high: 6}}, first: 2, after: $after) }"
    )
    operation = _parsed(query, None).definitions[0]
    assert isinstance(operation, OperationDefinitionNode)
    RECEIVED.clear()
    afters = (None, "aamu", "kevät")
    pages = [_answer(planned, query, {"after": after}) for after in afters]
    assert pages == [_answer(standard, query, {"after": after}) for after in afters]
    planned_matches, standard_matches = RECEIVED[:3], RECEIVED[3:]
    assert all(match is planned_matches[0] for match in planned_matches), "one conversion shared"
    assert len({id(match) for match in standard_matches}) == 3, "strawberry converts per call"
    assert json.loads(pages[0])["data"]["words"] != json.loads(pages[1])["data"]["words"]
    shared = operation_plans(operation, [])
    assert shared is not None
    assert shared.converted, "kept with the operation's plans"
