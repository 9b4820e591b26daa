"""`asOf`: reading the knowledge as it was recorded at a moment (docs/history.md).

The argument sits on `node`, `nodes`, the root lists and the network `scope`; it applies to the
whole operation, so a node read as of a moment has its ties, sources and measures as of it too.
Before anything runs, this extension finds the moment and points the request's store at a
snapshot of that moment (graph/as_of.py). One operation reads one moment: different moments in
one operation are BAD_INPUT.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from datetime import UTC, datetime
from typing import Annotated, Any

import strawberry
from graphql import (
    ExecutionResult,
    FieldNode,
    GraphQLError,
    ObjectValueNode,
    OperationDefinitionNode,
    StringValueNode,
    ValueNode,
    VariableNode,
)
from strawberry.extensions import SchemaExtension

AS_OF = "asOf"
AS_OF_HELP = (
    "Read the knowledge as it was recorded at this moment (what was known then, from the log), "
    "not the real-world period, which a scope's `from`/`to` select. Applies to the whole "
    "operation."
)
AsOf = Annotated[datetime | None, strawberry.argument(name=AS_OF, description=AS_OF_HELP)]


class AsOfReads(SchemaExtension):
    async def on_execute(self) -> AsyncIterator[None]:
        execution = self.execution_context
        operation = _operation(execution.graphql_document, execution.operation_name)
        if operation is None or execution.result:
            yield
            return
        try:
            moment = _moment(operation, execution.variables or {})
        except ValueError as error:
            problem = GraphQLError(str(error), extensions={"code": "BAD_INPUT", "field": AS_OF})
            execution.result = ExecutionResult(data=None, errors=[problem])
            yield
            return
        context = execution.context
        snapshots = getattr(context, "snapshots", None)
        if moment is not None and snapshots is not None:
            context.store = await snapshots.at(context.store, moment)
            context.analytics_service = None  # the snapshot's, made when first asked for
        yield


def _operation(document: Any, name: str | None) -> OperationDefinitionNode | None:
    if document is None:
        return None
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    chosen = [o for o in operations if name is None or (o.name and o.name.value == name)]
    return chosen[0] if len(chosen) == 1 else None


def _moment(operation: OperationDefinitionNode, variables: Mapping[str, Any]) -> str | None:
    """The one moment the operation's root fields ask for, as stored times are written."""
    found: set[str] = set()
    for selection in operation.selection_set.selections:
        if not isinstance(selection, FieldNode):
            continue
        for argument in selection.arguments or ():
            if argument.name.value == AS_OF:
                given = _value(argument.value, variables)
            elif argument.name.value == "scope":
                scope = _value(argument.value, variables)
                given = scope.get(AS_OF) if isinstance(scope, Mapping) else None
            else:
                continue
            if given is not None:
                found.add(_normal(given))
    if len(found) > 1:
        raise ValueError("One operation reads one moment: give every `asOf` the same value.")
    return next(iter(found), None)


def _value(node: ValueNode, variables: Mapping[str, Any]) -> Any:
    if isinstance(node, VariableNode):
        return variables.get(node.name.value)
    if isinstance(node, StringValueNode):
        return node.value
    if isinstance(node, ObjectValueNode):
        return {field.name.value: _value(field.value, variables) for field in node.fields}
    return None


def _normal(given: Any) -> str:
    moment = given if isinstance(given, datetime) else _parsed(str(given))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _parsed(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError as error:
        raise ValueError(f"`asOf` must be an ISO 8601 date and time; got '{text[:40]}'.") from error
