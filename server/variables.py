"""An environment variable declared once, on the settings field it fills: its name, cast,
default and help. From these the settings are read and the README's table is printed."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from server.casts import CastError

T = TypeVar("T")
_KEY = "variable"


class ConfigError(ValueError):
    pass


@dataclass(frozen=True)
class Variable:
    name: str
    cast: Callable[[str], object]
    help: str
    shown_default: str | None = None
    """The README's default where the declared one does not say it (e.g. it depends)."""


def variable(
    name: str, cast: Callable[[str], T], default: T, help: str, *, shown_default: str | None = None
) -> T:
    """A settings field filled from `name` when it is set; `default` otherwise."""
    declared = Variable(name, cast, help, shown_default)
    return dataclasses.field(default=default, metadata={_KEY: declared})


def declared(settings: type[Any]) -> Iterator[tuple[dataclasses.Field[Any], Variable]]:
    """The settings fields declared with `variable`, in their order."""
    for field in dataclasses.fields(settings):
        found = field.metadata.get(_KEY)
        if isinstance(found, Variable):
            yield field, found


def values_from(settings: type[Any], environ: Mapping[str, str]) -> dict[str, Any]:
    """The fields whose variables are set, cast; ConfigError names the first refused."""
    values: dict[str, Any] = {}
    for field, declaration in declared(settings):
        raw = environ.get(declaration.name)
        if raw is not None:
            try:
                values[field.name] = declaration.cast(raw)
            except CastError as error:
                raise ConfigError(f"{declaration.name} {error}") from error
    return values


def markdown_table(settings: type[Any]) -> str:
    """The README's configuration table."""
    rows = ["| variable | default | meaning |", "|---|---|---|"]
    for field, declaration in declared(settings):
        shown = declaration.shown_default or _shown(field.default)
        rows.append(f"| `{declaration.name}` | {shown} | {declaration.help} |")
    return "\n".join(rows) + "\n"


def _shown(default: object) -> str:
    if isinstance(default, bool):
        return f"`{str(default).lower()}`"
    if isinstance(default, float) and default.is_integer():
        return f"`{int(default)}`"
    if isinstance(default, Path):
        return f"`./{default}`"
    if default == "" or default == ():
        return "(empty)"
    return f"`{default}`"
