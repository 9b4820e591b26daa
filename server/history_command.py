"""`poikki history ID`: a node's or tie's log entries, newest first (works beside a server)."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.markup import escape

from graph.errors import BadInputError
from graph.history import LogEntry
from graph.hygiene import id_problem
from graph.model import TieType
from graph.store import GraphStore
from resolvers import global_ids
from server.cli_support import DataDir, console, errors, settings_from, with_store


def history(
    ident: Annotated[
        str, typer.Argument(metavar="ID", help="A node's global id or slug, or a tie's id.")
    ],
    first: Annotated[int, typer.Option(help="How many entries, newest first.")] = 20,
    data_dir: DataDir = None,
) -> None:
    """Show who changed a node or tie, when, from what to what, citing which sources."""
    try:
        kind, slug = global_ids.decode(ident)
        subject: tuple[str, str] | None = (kind.value, slug)
    except BadInputError:
        slug, subject = ident.strip(), None
        problem = id_problem(slug)
        if problem is not None:
            errors.print(f"[red]The id {escape(problem)}.[/red]")
            raise typer.Exit(2) from None
    settings = settings_from(data_dir=data_dir)

    async def work(store: GraphStore) -> tuple[tuple[str, str] | None, list[LogEntry]]:
        found = subject or await _subject(store, slug)
        if found is None:
            return None, []
        return found, await store.history(found[0], found[1], None, max(first, 0))

    found, entries = with_store(settings, work, read_only=True)
    if found is None:
        errors.print(f"[red]No node or tie '{escape(slug)}' exists.[/red]")
        raise typer.Exit(1)
    console.print(f"History of {found[0]} {escape(found[1])}, newest first:")
    for entry in entries:
        console.print(
            f"#{entry.position} {entry.time} {escape(entry.actor)} {entry.operation}",
            soft_wrap=True,
        )
        for line in changed_fields(entry):
            console.print(f"  {escape(line)}", soft_wrap=True)
        if entry.sources:
            console.print(f"  sources: {escape(', '.join(entry.sources))}", soft_wrap=True)


async def _subject(store: GraphStore, slug: str) -> tuple[str, str] | None:
    """A slug's node kind, or a tie id's type; None when neither exists now."""
    node = (await store.find_nodes([slug]))[0]
    if node is not None:
        return node.kind.value, slug
    for type_ in TieType:
        if await store.existing_ties(type_, [slug]):
            return type_.value, slug
    return None


def changed_fields(entry: LogEntry) -> list[str]:
    """`field: before → after` for each field the write changed."""
    before, after = entry.values_before() or {}, entry.values_after() or {}
    return [
        f"{key}: {json.dumps(before.get(key), ensure_ascii=False)} → "
        f"{json.dumps(after.get(key), ensure_ascii=False)}"
        for key in sorted(before.keys() | after.keys())
        if before.get(key) != after.get(key)
    ]
