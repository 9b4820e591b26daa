"""The `poikki` command line: serve, seed, stats and schema."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer
import uvicorn
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from graph.errors import PoikkiError
from graph.model import GraphStats
from graph.store import GraphStore, WriteSummary
from schema.build import build_schema
from seed.loader import load, load_seed
from seed.synthetic import synthetic_graph
from server.app import create_app
from server.settings import ConfigError, Settings, from_environment
from server.stores import store_for

app = typer.Typer(help="Poikki: a GraphQL backend over a networked-knowledge graph.")
console = Console()
errors = Console(stderr=True)
R = TypeVar("R")

DataDir = Annotated[
    Path | None, typer.Option(help="Database folder (default: $POIKKI_DATA_DIR or ./data).")
]


def _settings(**overrides: object) -> Settings:
    try:
        return from_environment().with_overrides(**overrides)
    except ConfigError as error:
        errors.print(f"[red]{error}[/red]")
        raise typer.Exit(2) from error


def _with_store(
    settings: Settings, work: Callable[[GraphStore], Awaitable[R]], *, read_only: bool = False
) -> R:
    async def run() -> R:
        store = store_for(settings, read_only=read_only)
        await store.open()
        try:
            return await work(store)
        finally:
            await store.close()

    try:
        return asyncio.run(run())
    except PoikkiError as error:
        errors.print(f"[red]{error}[/red]")
        raise typer.Exit(1) from error


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Interface to listen on.")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on.")] = None,
    data_dir: DataDir = None,
) -> None:
    """Serve GraphQL at /graphql; an empty database is first loaded with the demo knowledge."""
    settings = _settings(host=host, port=port, data_dir=data_dir)
    logging.basicConfig(
        level=settings.log_level.upper(), format="%(levelname)s %(name)s %(message)s"
    )
    console.print(f"Poikki at http://{settings.host}:{settings.port}/graphql ({settings.data_dir})")
    uvicorn.run(
        create_app(settings, seed_if_empty=True),
        host=settings.host,
        port=settings.port,
        log_level=settings.log_level,
    )


@app.command()
def seed(
    data_dir: DataDir = None,
    synthetic: Annotated[
        bool, typer.Option(help="Load a synthetic graph for scale tests.")
    ] = False,
    people: Annotated[int, typer.Option(help="People in the synthetic graph.")] = 10_000,
    random_seed: Annotated[int, typer.Option(help="Seed of the synthetic generator.")] = 0,
) -> None:
    """Load the demo knowledge (idempotent: running it twice changes nothing)."""
    settings = _settings(data_dir=data_dir)

    async def work(store: GraphStore) -> WriteSummary:
        with Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        ) as progress:
            if not synthetic:
                progress.add_task("Loading the demo knowledge", total=None)
                return await load_seed(store)
            task = progress.add_task(f"Generating {people} synthetic people", total=None)
            nodes, ties = synthetic_graph(people, random_seed)
            progress.update(task, description=f"Loading {len(nodes)} nodes and {len(ties)} ties")
            return await load(store, nodes, ties)

    summary = _with_store(settings, work)
    table = Table("", "created", "updated", "unchanged", title="Seed loaded")
    table.add_row(
        "nodes", *map(str, (summary.created_nodes, summary.updated_nodes, summary.unchanged_nodes))
    )
    table.add_row(
        "ties", *map(str, (summary.created_ties, summary.updated_ties, summary.unchanged_ties))
    )
    console.print(table)


@app.command()
def stats(data_dir: DataDir = None) -> None:
    """Count nodes and ties by kind (works beside a running server)."""
    settings = _settings(data_dir=data_dir)

    async def work(store: GraphStore) -> GraphStats:
        return await store.stats()

    found = _with_store(settings, work, read_only=True)
    table = Table("kind", "count", title=f"Poikki at {settings.data_dir}")
    for kind, count in found.nodes.items():
        table.add_row(kind.value, str(count))
    for type_, count in found.ties.items():
        table.add_row(type_.value, str(count))
    table.add_row("nodes without a source", str(found.unsourced_nodes))
    table.add_row("ties without a source", str(found.unsourced_ties))
    console.print(table)


@app.command()
def schema() -> None:
    """Print the GraphQL schema (SDL), as committed in schema.graphql."""
    print(build_schema().as_str())
