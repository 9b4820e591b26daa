"""The writes a schema has run: what an answer may depend on beyond the store's version.

The store's version counts every write to the graph; tokens made or revoked (which the admin's
`tokens` list shows) it does not. Every mutation a writer (an editor or an admin) runs through
the schema moves this count on, so a cache keyed on both never serves an answer from before a
write of this process."""

from __future__ import annotations

from collections.abc import Iterator

from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from graph.tokens import Role


class WriteCount:
    """How many mutations writers have run; only ever grows."""

    def __init__(self) -> None:
        self.value = 0

    def written(self) -> None:
        self.value += 1


class CountWrites(SchemaExtension):
    def __init__(self, *, count: WriteCount) -> None:
        self.count = count

    def on_execute(self) -> Iterator[None]:
        yield
        context = self.execution_context
        if context.operation_type is OperationType.MUTATION and may_write(context.context):
            self.count.written()


def may_write(context: object) -> bool:
    """Only editors and admins write; others' mutations are refused and change nothing."""
    role = getattr(getattr(context, "viewer", None), "role", None)
    return isinstance(role, Role) and role.allows(Role.EDITOR)
