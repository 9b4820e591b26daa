"""A cost estimate for each operation, checked after validation and before anything runs.

The cost is how many objects the operation's connections could return: a field that takes
`first` may return that many (its default when not given) for each of its parents, so nested
connections multiply. Lists without `first` (a node's sources, a connection's edges) are short
or already counted by their connection, so they pass their parents' count on and add nothing.
Fragments are expanded where they are spread (graphql-core's validation has already refused
fragment cycles).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    VariableNode,
    get_named_type,
    value_from_ast,
)
from graphql.execution import ExecutionResult
from strawberry.extensions import SchemaExtension

DEFAULT_FIRST = 20


class QueryCost(SchemaExtension):
    def __init__(self, *, max_cost: int) -> None:
        self.max_cost = max_cost

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if document is not None and not context.result:
            schema = context.schema._schema
            cost = operation_cost(schema, document, context.operation_name, context.variables)
            if cost > self.max_cost:
                context.result = ExecutionResult(
                    data=None,
                    errors=[
                        GraphQLError(
                            f"The query could return about {cost:,} objects; at most "
                            f"{self.max_cost:,} are allowed. Ask for fewer (smaller `first`, "
                            "less nesting) or page through.",
                            extensions={"code": "LIMIT_EXCEEDED", "cost": cost},
                        )
                    ],
                )
        yield


def operation_cost(
    schema: GraphQLSchema,
    document: Any,
    operation_name: str | None,
    variables: Mapping[str, Any] | None,
) -> int:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    chosen = [
        o
        for o in operations
        if operation_name is None or (o.name and o.name.value == operation_name)
    ]
    if not chosen:
        return 0
    operation = chosen[0]
    root = {
        OperationType.QUERY: schema.query_type,
        OperationType.MUTATION: schema.mutation_type,
        OperationType.SUBSCRIPTION: schema.subscription_type,
    }[operation.operation]
    if root is None:
        return 0
    counter = _Counter(schema, fragments, dict(variables or {}))
    return counter.selection_cost(operation.selection_set, root, 1, frozenset())


class _Counter:
    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: Mapping[str, FragmentDefinitionNode],
        variables: dict[str, Any],
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables

    def selection_cost(
        self,
        selections: SelectionSetNode,
        parent: GraphQLNamedType,
        multiplier: int,
        spread: frozenset[str],
    ) -> int:
        total = 0
        for selection in selections.selections:
            if isinstance(selection, FieldNode):
                total += self.field_cost(selection, parent, multiplier, spread)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                target = self.schema.get_type(condition.name.value) if condition else parent
                total += self.selection_cost(
                    selection.selection_set, target or parent, multiplier, spread
                )
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if fragment is None or name in spread:
                    continue
                target = self.schema.get_type(fragment.type_condition.name.value) or parent
                total += self.selection_cost(
                    fragment.selection_set, target, multiplier, spread | {name}
                )
        return total

    def field_cost(
        self,
        node: FieldNode,
        parent: GraphQLNamedType,
        multiplier: int,
        spread: frozenset[str],
    ) -> int:
        if not isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
            return 0
        definition = parent.fields.get(node.name.value)
        if definition is None:
            return 0
        first = self.first_of(node, definition)
        count = multiplier if first is None else multiplier * first
        cost = 0 if first is None else count
        if node.selection_set is not None:
            child = get_named_type(definition.type)
            cost += self.selection_cost(node.selection_set, child, count, spread)
        return cost

    def first_of(self, node: FieldNode, definition: GraphQLField) -> int | None:
        argument = definition.args.get("first")
        if argument is None:
            return None
        given = next((a for a in node.arguments or () if a.name.value == "first"), None)
        value: Any = argument.default_value
        if given is not None:
            if isinstance(given.value, VariableNode):
                value = self.variables.get(given.value.name.value, argument.default_value)
            else:
                value = value_from_ast(given.value, argument.type, self.variables)
        if not isinstance(value, int) or value < 0:
            return DEFAULT_FIRST
        return value
