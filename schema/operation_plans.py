"""What the planned executor (schema/planned_executor.py) works out about an operation that
holds for every request running it, kept beside the operation as the validation cache keeps a
document's errors.

A query's text is parsed once (schema/document_cache.py), so every request with that text runs
the same operation node. Where the operation and its document's fragments carry no directive,
the fields collected for an object type depend on the document alone, not on the variables:
the steps planned for each field, and the arguments written without variables as graphql-core
coerces them and as their resolvers take them, then hold for all of those requests. An
operation with directives (`@include(if: $x)`, `@defer`) is planned anew for each request, as
before.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable
from typing import Any

from graphql import FieldNode, InlineFragmentNode, OperationDefinitionNode, SelectionSetNode
from graphql.execution.collect_fields import FragmentDetails

OPERATIONS = 512
"""How many operations' plans are kept, least recently used out first (as many as the
parsed documents kept)."""


class OperationPlans:
    """One operation's steps and constant arguments, filled in by the requests that run it."""

    __slots__ = ("arguments", "converted", "operation", "steps")

    def __init__(self, operation: OperationDefinitionNode) -> None:
        self.operation = operation
        self.steps: dict[Any, Any] = {}
        """Per (parent type, response name, field nodes): the step, beside its parent type."""
        self.arguments: dict[int, Any] = {}
        """Per field node written without variables: its field and coerced arguments."""
        self.converted: dict[int, Any] = {}
        """Per field node called directly: its arguments written without variables,
        converted for its resolver (schema/direct_calls.py)."""


_KEPT: OrderedDict[int, OperationPlans | None] = OrderedDict()
_LOCK = threading.Lock()


def operation_plans(
    operation: OperationDefinitionNode, fragments: Iterable[FragmentDetails]
) -> OperationPlans | None:
    """The plans shared by every request running `operation`; None where they cannot be
    shared (a directive somewhere in it or its document's fragments, or fragment arguments)."""
    with _LOCK:
        key = id(operation)
        if key in _KEPT:
            found = _KEPT[key]
            if found is None or found.operation is operation:
                _KEPT.move_to_end(key)
                return found
        shared = (
            None
            if operation.directives
            or _has_directives(operation.selection_set)
            or any(
                fragment.variable_signatures
                or fragment.definition.directives
                or _has_directives(fragment.definition.selection_set)
                for fragment in fragments
            )
            else OperationPlans(operation)
        )
        _KEPT[key] = shared
        while len(_KEPT) > OPERATIONS:
            _KEPT.popitem(last=False)
        return shared


def _has_directives(selection_set: SelectionSetNode | None) -> bool:
    if selection_set is None:
        return False
    for selection in selection_set.selections:
        if selection.directives:
            return True
        if isinstance(selection, FieldNode | InlineFragmentNode) and _has_directives(
            selection.selection_set
        ):
            return True
    return False
