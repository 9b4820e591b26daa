"""`poikki persist FILE...`: add the operations of .graphql files to the persisted list (Apollo's
manifest format), creating it if need be. Each operation is checked against the schema first:
a document that could never run is not listed."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from graphql import parse, validate
from rich.markup import escape

from schema.build import build_schema
from server.cli_support import console, errors, settings_from
from server.persisted_list import (
    PersistedListError,
    PersistedOperation,
    operations_in,
    read_list,
    write_manifest,
)


def persist(
    files: Annotated[
        list[Path], typer.Argument(help=".graphql files, one or more operations each.")
    ],
    out: Annotated[
        Path | None,
        typer.Option(help="The list to write or extend (default: $POIKKI_PERSISTED_QUERIES_FILE)."),
    ] = None,
) -> None:
    """Write or extend the persisted list with every operation of the files."""
    target = out or settings_from().persisted_queries_file
    if target is None:
        errors.print(
            "[red]Say where the list goes: --out FILE or POIKKI_PERSISTED_QUERIES_FILE.[/red]"
        )
        raise typer.Exit(2)
    try:
        listed = read_list(target) if target.exists() else {}
        added = [operation for path in files for operation in _checked(path)]
    except PersistedListError as error:
        errors.print(f"[red]{escape(str(error))}[/red]")
        raise typer.Exit(1) from error
    new = [operation for operation in added if operation.id not in listed]
    listed.update((operation.id, operation) for operation in added)
    write_manifest(target, listed.values())
    for operation in new:
        console.print(
            f"added {operation.type} {escape(operation.name or '(anonymous)')} {operation.id}"
        )
    console.print(f"{escape(str(target))}: {len(listed)} operation(s), {len(new)} new.")


def _checked(path: Path) -> list[PersistedOperation]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise PersistedListError(f"{path}: {error}") from error
    operations = operations_in(text, str(path))
    schema = build_schema()._schema
    for operation in operations:
        problems = validate(schema, parse(operation.body, no_location=True))
        if problems:
            name = operation.name or "(anonymous)"
            raise PersistedListError(f"{path}: {name}: {problems[0].message}")
    return operations
