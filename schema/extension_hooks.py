"""strawberry's schema extension hooks, entered as strawberry enters them, each extension class's
hooks looked up once.

For every request, stage (operation, parsing, validation, execution) and extension, strawberry's
runner asks whether the extension's class overrides the stage's hook, and wraps the hook bound
to the extension in a new context-manager function (`functools.wraps` and all): some thirty
lookups and a wrapper per hook, a request. Here a class's hook is looked up and made a context
manager once; per request each applicable hook is called with its extension, which makes the
same generator strawberry's wrapper makes, and strawberry's own stage managers enter and leave
the hooks in the same order on the same exit stacks. A hook that is not a generator (a plain
method or coroutine) is left to strawberry's lookup.
"""

from __future__ import annotations

import contextlib
import inspect
from functools import partial
from types import FunctionType
from typing import Any, TypeVar

from strawberry.extensions import SchemaExtension
from strawberry.extensions.context import (
    ExecutingContextManager,
    ExtensionContextManagerBase,
    OperationContextManager,
    ParsingContextManager,
    ValidationContextManager,
    WrappedHook,
)
from strawberry.extensions.runner import SchemaExtensionsRunner

_LEFT_TO_STRAWBERRY = object()

_HOOKS: dict[tuple[type[SchemaExtension], str], Any] = {}
"""Per extension class and hook name: (the hook as a context-manager factory taking the
extension, whether it is async), None where the class does not override it, or
_LEFT_TO_STRAWBERRY."""


def _hook(extension_class: type[SchemaExtension], name: str) -> Any:
    key = (extension_class, name)
    if key in _HOOKS:
        return _HOOKS[key]
    function = getattr(extension_class, name)
    found: Any
    if function is getattr(SchemaExtension, name):
        found = None
    elif not isinstance(function, FunctionType):
        found = _LEFT_TO_STRAWBERRY
    elif inspect.isgeneratorfunction(function):
        found = (contextlib.contextmanager(function), False)
    elif inspect.isasyncgenfunction(function):
        found = (contextlib.asynccontextmanager(function), True)
    else:
        found = _LEFT_TO_STRAWBERRY
    _HOOKS[key] = found
    return found


def _hooks(
    manager: ExtensionContextManagerBase, extensions: list[SchemaExtension]
) -> list[WrappedHook]:
    name = manager.HOOK_NAME
    hooks: list[WrappedHook] = []
    for extension in extensions:
        found = _hook(type(extension), name)
        if found is None:
            continue
        if found is _LEFT_TO_STRAWBERRY:
            wrapped = manager.get_hook(extension)
            if wrapped is not None:
                hooks.append(wrapped)
            continue
        make, is_async = found
        hooks.append(WrappedHook(extension, partial(make, extension), is_async))
    return hooks


Stage = TypeVar("Stage", bound=ExtensionContextManagerBase)


def _stage(kind: type[Stage], extensions: list[SchemaExtension]) -> Stage:
    """strawberry's manager of a stage, given its hooks without its own lookup."""
    manager = kind.__new__(kind)
    manager.default_hook = getattr(SchemaExtension, kind.HOOK_NAME)
    manager.hooks = _hooks(manager, extensions)
    return manager


class HookRunner(SchemaExtensionsRunner):
    """strawberry's runner, its stage managers given their hooks from the per-class lookup."""

    def operation(self) -> OperationContextManager:
        return _stage(OperationContextManager, self.extensions)

    def parsing(self) -> ParsingContextManager:
        return _stage(ParsingContextManager, self.extensions)

    def validation(self) -> ValidationContextManager:
        return _stage(ValidationContextManager, self.extensions)

    def executing(self) -> ExecutingContextManager:
        return _stage(ExecutingContextManager, self.extensions)
