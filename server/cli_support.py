"""What the CLI's commands share: consoles, settings from the environment, an opened store."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import Console

from graph.errors import PoikkiError
from graph.store import GraphStore
from server.settings import ConfigError, Settings, from_environment
from server.stores import store_for

console = Console()
errors = Console(stderr=True)
R = TypeVar("R")

DataDir = Annotated[
    Path | None, typer.Option(help="Database folder (default: $POIKKI_DATA_DIR or ./data).")
]


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
