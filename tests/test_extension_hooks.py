"""Extension hooks looked up once per class (schema/extension_hooks.py) run as strawberry's own
runner runs them: the same hooks, in the same order, entered and left around the same stages,
with the same answers and errors, for generator, async generator, plain and coroutine hooks,
and when a hook raises or a stage fails."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
import strawberry
from strawberry.extensions import SchemaExtension
from strawberry.extensions.runner import SchemaExtensionsRunner
from strawberry.types import ExecutionContext

from schema.build import build_schema
from schema.extension_hooks import HookRunner

EVENTS: list[str] = []


class Tracing(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        EVENTS.append("operation in")
        yield
        EVENTS.append(f"operation out {bool(self.execution_context.result)}")

    async def on_parse(self) -> AsyncIterator[None]:
        EVENTS.append("parse in")
        await asyncio.sleep(0)
        yield
        EVENTS.append(f"parse out {self.execution_context.graphql_document is not None}")

    def on_execute(self) -> Iterator[None]:
        EVENTS.append("execute in")
        yield
        EVENTS.append("execute out")


class Plain(SchemaExtension):
    def on_validate(self) -> None:
        EVENTS.append("validate (plain)")

    async def on_execute(self) -> None:
        EVENTS.append("execute (coroutine)")


class Refusing(SchemaExtension):
    def on_execute(self) -> Iterator[None]:
        if self.execution_context.operation_name == "Refused":
            raise ValueError("refused by an extension")
        EVENTS.append("refusing: let through")
        yield


class Inherited(Tracing):
    """Inherits Tracing's hooks, overrides one."""

    def on_execute(self) -> Iterator[None]:
        EVENTS.append("inherited execute in")
        yield


@strawberry.type
class Query:
    @strawberry.field
    def hello(self, name: str = "world") -> str:
        if name == "boom":
            raise ValueError("the resolver failed")
        return f"hello {name}"


class HookSchema(strawberry.Schema):
    def create_extensions_runner(
        self, execution_context: ExecutionContext, extensions: list[SchemaExtension]
    ) -> SchemaExtensionsRunner:
        return HookRunner(execution_context=execution_context, extensions=extensions)


EXTENSIONS = [Tracing, Plain, Refusing, Inherited]

QUERIES = [
    ("{ hello }", None),
    ('{ hello(name: "boom") }', None),
    ("query Refused { hello }", "Refused"),
    ("{ hello(", None),
    ("{ nothing }", None),
    ("query A { hello } query B { hello }", None),
]


def _run(schema: strawberry.Schema, query: str, operation_name: str | None) -> tuple[Any, ...]:
    EVENTS.clear()
    result = asyncio.run(schema.execute(query, operation_name=operation_name))
    errors = [error.formatted for error in result.errors or []]
    return (json.dumps({"data": result.data, "errors": errors}), list(EVENTS))


@pytest.mark.parametrize(("query", "operation_name"), QUERIES)
def test_hooks_run_as_strawberry_runs_them(query: str, operation_name: str | None) -> None:
    ours = HookSchema(Query, extensions=EXTENSIONS)
    theirs = strawberry.Schema(Query, extensions=EXTENSIONS)
    for _ in range(2):  # the second time, the hooks are already looked up
        answer, events = _run(ours, query, operation_name)
        assert (answer, events) == _run(theirs, query, operation_name)
        assert events, "the hooks ran"


def test_poikki_s_schema_runs_its_hooks_this_way() -> None:
    schema = build_schema()
    result = asyncio.run(schema.execute("{ __typename }"))
    assert result.errors is None
    assert result.data == {"__typename": "Query"}
    context = ExecutionContext(query="{ __typename }", schema=schema, allowed_operations=())
    assert isinstance(schema.create_extensions_runner(context, []), HookRunner)
