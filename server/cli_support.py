"""What the CLI's commands share: consoles, settings from the environment, an opened store."""

from __future__ import annotations

import asyncio
import getpass
import os
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from graph.errors import PoikkiError
from graph.history import Attribution, Operation
from graph.store import GraphStore, WriteSummary
from server.settings import Settings, from_environment
from server.stores import store_for
from server.variables import ConfigError

console = Console()
errors = Console(stderr=True)
R = TypeVar("R")

DataDir = Annotated[
    Path | None, typer.Option(help="Database folder (default: $POIKKI_DATA_DIR or ./data).")
]


def cli_actor() -> str:
    """Who the log names for a write from the command line: `cli:<user>`."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        user = f"uid{os.getuid()}"
    return f"cli:{user}"


def cli_by(operation: Operation) -> Attribution:
    return Attribution(cli_actor(), operation)


def settings_from(**overrides: object) -> Settings:
    try:
        return from_environment().with_overrides(**overrides)
    except ConfigError as error:
        errors.print(f"[red]{error}[/red]")
        raise typer.Exit(2) from error


def with_store(
    settings: Settings, work: Callable[[GraphStore], Awaitable[R]], *, read_only: bool = False
) -> R:
    async def run() -> R:
        store = store_for(settings, read_only=read_only)
        try:
            await store.open()
            return await work(store)
        finally:
            await store.close()

    try:
        return asyncio.run(run())
    except PoikkiError as error:
        errors.print(f"[red]{error}[/red]")
        raise typer.Exit(1) from error


def progress_bars() -> Progress:
    """Progress bars on the console: what is done, a bar, done of total, and time taken."""
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
    )


def print_summary(title: str, summary: WriteSummary) -> None:
    """What a write changed, as a table of created, updated and unchanged nodes and ties."""
    table = Table("", "created", "updated", "unchanged", title=title)
    table.add_row(
        "nodes", *map(str, (summary.created_nodes, summary.updated_nodes, summary.unchanged_nodes))
    )
    table.add_row(
        "ties", *map(str, (summary.created_ties, summary.updated_ties, summary.unchanged_ties))
    )
    console.print(table)
