"""The fields only some kinds have, added to the curation inputs from the kinds' specs."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import strawberry

from graph.model import KIND_SPECS, Field, NodeKind

Input = TypeVar("Input", bound=type)


def _kinds_with(name: str, sources: bool) -> list[str]:
    return [
        spec.plural
        for kind, spec in KIND_SPECS.items()
        if (sources or kind is not NodeKind.SOURCE) and any(f.name == name for f in spec.fields)
    ]


def about(name: str) -> str:
    """What a kind's own field holds (graph.model.Field.about), by its GraphQL name."""
    return next(f.about for spec in KIND_SPECS.values() for f in spec.fields if f.name == name)


def kind_fields(*, sources: bool) -> dict[str, Field]:
    """Every kind's own fields by attribute in the kinds' order, then sources' when `sources`."""
    kinds: list[NodeKind] = [kind for kind in KIND_SPECS if kind is not NodeKind.SOURCE]
    kinds += [NodeKind.SOURCE] if sources else []
    return {f.attribute: f for kind in kinds for f in KIND_SPECS[kind].fields}


def with_kind_fields(
    *, sources: bool, before: str, default: object = None, note: str = ""
) -> Callable[[Input], Input]:
    """Adds each kind's own fields, optional and saying which kinds have them, to an input
    class before strawberry reads it, placed before its field `before`; `default` is what a
    field left out holds (`strawberry.UNSET` where an explicit null means something), and
    `note` ends each field's description."""

    def add(cls: Input) -> Input:
        fields = kind_fields(sources=sources)
        annotations: dict[str, object] = {}
        for name, annotation in cls.__annotations__.items():
            if name == before:
                annotations.update((a, _optional(f)) for a, f in fields.items())
            annotations[name] = annotation
        for attribute, field in fields.items():
            kinds = " and ".join(_kinds_with(field.name, sources)).capitalize()
            help_ = f"{field.about} {kinds} only.{note}"
            setattr(cls, attribute, strawberry.field(default=default, description=help_))
        cls.__annotations__ = annotations
        return cls

    return add


def _optional(field: Field) -> object:
    return (str if field.choices is None else field.choices) | None
