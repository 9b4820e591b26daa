"""The `poikki` command line: serve, seed, stats, copy, export, import, forget, history, token,
persist, schema, config."""

from __future__ import annotations

import asyncio
import json
from typing import Annotated

import typer
import uvicorn
from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from graph.errors import PoikkiError
from graph.history import Operation
from graph.model import GraphStats
from graph.store import GraphStore, WriteSummary
from schema.build import build_schema
from schema.possible_types import possible_types as possible_types_of
from seed.loader import load, load_seed
from seed.synthetic import synthetic_graph
from server.app import create_app
from server.cli_support import (
    DataDir,
    cli_by,
    console,
    errors,
    print_summary,
    progress_bars,
    settings_from,
    with_store,
)
from server.copy import CopyReport, copy_graph, total_items
from server.curation_commands import forget, import_files, merge, tokens
from server.export_command import export
from server.history_command import history
from server.middleware import configure_logging
from server.persist_command import persist
from server.settings import Settings
from server.stores import BACKENDS, selected
from server.variables import ConfigError, markdown_table

app = typer.Typer(help="Poikki: a GraphQL backend over a networked-knowledge graph.")
app.command()(export)
app.command("import")(import_files)
app.command("merge")(merge)
app.command()(forget)
app.command()(history)
app.add_typer(tokens, name="token")
app.command()(persist)


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Interface to listen on.")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on.")] = None,
    data_dir: DataDir = None,
) -> None:
    """Serve GraphQL at /graphql; an empty database is first loaded with the demo knowledge."""
    settings = settings_from(host=host, port=port, data_dir=data_dir)
    configure_logging(settings.log_level)
    backend = selected(settings)
    if not backend.serves_while_down:
        # Fail here with a plain message (e.g. another process holds the database) rather
        # than in the app's startup, where uvicorn would print a traceback.
        with_store(settings, lambda store: store.ping())
    where = backend.where(settings)
    try:
        served = create_app(settings, seed_if_empty=True)
    except ConfigError as error:
        errors.print(f"[red]{escape(str(error))}[/red]")
        raise typer.Exit(2) from error
    console.print(f"Poikki at http://{settings.host}:{settings.port}/graphql on {where}")
    uvicorn.run(
        served,
        host=settings.host,
        port=settings.port,
        log_level=settings.log_level,
        log_config=None,
        access_log=False,
        timeout_graceful_shutdown=settings.shutdown_grace,
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
    settings = settings_from(data_dir=data_dir)

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
                return await load_seed(store, cli_by(Operation.IMPORT))
            task = progress.add_task(f"Generating {people} synthetic people", total=None)
            nodes, ties = synthetic_graph(people, random_seed)
            progress.update(task, description=f"Loading {len(nodes)} nodes and {len(ties)} ties")
            return await load(store, nodes, ties, cli_by(Operation.IMPORT))

    summary = with_store(settings, work)
    print_summary("Seed loaded", summary)


@app.command()
def stats(data_dir: DataDir = None) -> None:
    """Count nodes and ties by kind (works beside a running server)."""
    settings = settings_from(data_dir=data_dir)

    async def work(store: GraphStore) -> GraphStats:
        return await store.stats()

    found = with_store(settings, work, read_only=True)
    table = Table("kind", "count", title=f"Poikki at {settings.data_dir}")
    for kind, count in found.nodes.items():
        table.add_row(kind.value, str(count))
    for type_, count in found.ties.items():
        table.add_row(type_.value, str(count))
    table.add_row("nodes without a source", str(found.unsourced_nodes))
    table.add_row("ties without a source", str(found.unsourced_ties))
    console.print(table)


def _backend_name(name: str) -> str:
    if name not in BACKENDS:
        raise typer.BadParameter(f"'{name}' is not one of {', '.join(map(repr, BACKENDS))}.")
    return name


def _optional_backend_name(name: str | None) -> str | None:
    return None if name is None else _backend_name(name)


@app.command()
def copy(
    to: Annotated[
        str,
        typer.Option(
            callback=_backend_name,
            metavar=f"<{'|'.join(BACKENDS)}>",
            help="Where the graph goes.",
        ),
    ],
    from_: Annotated[
        str | None,
        typer.Option(
            "--from",
            callback=_optional_backend_name,
            metavar=f"<{'|'.join(BACKENDS)}>",
            help="Where it comes from: by default the backend the settings select, or if "
            "that is the target, the first other one.",
        ),
    ] = None,
    data_dir: DataDir = None,
    batch: Annotated[int, typer.Option(min=1, help="Nodes or ties per read and write.")] = 5_000,
) -> None:
    """Copy the whole graph between backends, e.g. the embedded database and Neo4j
    (POIKKI_NEO4J_*).

    The target must be empty; the counts are compared at the end.
    """
    settings = settings_from(data_dir=data_dir)
    source_name = from_ or _copied_from(settings, to)
    if source_name == to:
        errors.print(f"[red]--from and --to are both {to}: copy between two backends.[/red]")
        raise typer.Exit(2)
    try:
        source, target = BACKENDS[source_name].store(settings), BACKENDS[to].store(settings)
    except ConfigError as error:
        errors.print(f"[red]{error}[/red]")
        raise typer.Exit(2) from error

    async def run() -> CopyReport:
        try:
            await source.open()
            await target.open()
            return await _copy_with_progress(source, target, batch)
        finally:
            await target.close()
            await source.close()

    try:
        report = asyncio.run(run())
    except PoikkiError as error:
        errors.print(f"[red]{error}[/red]")
        raise typer.Exit(1) from error
    console.print(f"Copied {report.nodes} nodes and {report.ties} ties to {to}; the counts match.")


def _copied_from(settings: Settings, to: str) -> str:
    chosen = selected(settings).name
    return chosen if chosen != to else next(name for name in BACKENDS if name != to)


async def _copy_with_progress(source: GraphStore, target: GraphStore, batch: int) -> CopyReport:
    total = await total_items(source)
    with progress_bars() as progress:
        reading = progress.add_task("reading", total=total)
        writing = progress.add_task("writing", total=total)
        return await copy_graph(
            source,
            target,
            batch=batch,
            on_read=lambda n: progress.advance(reading, n),
            on_write=lambda n: progress.advance(writing, n),
        )


@app.command()
def schema(
    possible_types: Annotated[
        bool,
        typer.Option(
            "--possible-types",
            help="Print Apollo Client's possibleTypes (JSON: each interface and union to its "
            "object types) instead of the SDL.",
        ),
    ] = False,
) -> None:
    """Print the GraphQL schema (SDL), as committed in schema.graphql."""
    built = build_schema()
    if possible_types:
        print(json.dumps(possible_types_of(built._schema), indent=2))
    else:
        print(built.as_str())


@app.command()
def config() -> None:
    """Print the POIKKI_* environment variables as Markdown, as the README's table."""
    print(markdown_table(Settings), end="")
