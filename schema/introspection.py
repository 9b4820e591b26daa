"""Introspection for viewers with a token only (POIKKI_ANONYMOUS_INTROSPECTION=false): an
anonymous operation that selects `__schema` or `__type` is refused with FORBIDDEN before it
runs, over HTTP and the websocket alike. `__typename` stays open to everyone."""

from __future__ import annotations

from collections.abc import Iterator

from graphql import GraphQLError, validate
from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.extensions import SchemaExtension
from strawberry.types.execution import ExecutionResult

MESSAGE = "Introspection (__schema, __type) needs a bearer token on this server."


class IntrospectionNeedsToken(SchemaExtension):
    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if (
            document is not None
            and not context.result
            and _anonymous(context.context)
            and validate(context.schema._schema, document, [NoSchemaIntrospectionCustomRule])
        ):
            context.result = ExecutionResult(
                data=None, errors=[GraphQLError(MESSAGE, extensions={"code": "FORBIDDEN"})]
            )
        yield


def _anonymous(context: object) -> bool:
    viewer = getattr(context, "viewer", None)
    return getattr(viewer, "role", None) is None
