"""The time budget of a GraphQL request: reads are stopped when it runs out, writes are not.

A query still resolving when its budget runs out is cancelled wherever it waits (a database
read, a computing child, a turn of a long list) and answered with LIMIT_EXCEEDED. A mutation
runs to its end: cancelling it could tell a client that a write failed after the store had
committed it; the store's own timeouts and the import limits bound a write instead.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from functools import lru_cache

from graphql import GraphQLError, GraphQLSyntaxError, OperationType, get_operation_ast, parse
from strawberry.types.execution import ExecutionResult

DOCUMENTS = 512
"""Distinct query texts whose operation type is kept."""


async def within_budget(
    seconds: float,
    max_tokens: int,
    query: str | None,
    operation_name: str | None,
    execute: Callable[[], Awaitable[ExecutionResult]],
) -> ExecutionResult:
    if is_mutation(query, operation_name, max_tokens):
        return await execute()
    try:
        async with asyncio.timeout(seconds):
            return await execute()
    except TimeoutError:
        return ExecutionResult(
            data=None,
            errors=[
                GraphQLError(
                    f"The request took longer than {seconds:g} s and was stopped. Ask for less "
                    "(a narrower scope, fewer or smaller lists).",
                    extensions={"code": "LIMIT_EXCEEDED", "seconds": seconds},
                )
            ],
        )


@lru_cache(maxsize=DOCUMENTS)
def is_mutation(query: str | None, operation_name: str | None, max_tokens: int) -> bool:
    """Whether the operation to run is a mutation; False for anything that does not parse
    within `max_tokens` (the executor then refuses it)."""
    if not query:
        return False
    try:
        document = parse(query, no_location=True, max_tokens=max_tokens)
        operation = get_operation_ast(document, operation_name)
    except (GraphQLSyntaxError, RecursionError):
        return False
    return operation is not None and operation.operation is OperationType.MUTATION
