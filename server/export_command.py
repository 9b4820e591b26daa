"""`poikki export`: a scope of the network written to a file in a visualiser's format."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from graph.analytics.service import Analytics
from graph.errors import BadInputError
from graph.exports.formats import ExportFormat
from graph.store import GraphStore
from server.cli_support import DataDir, console, errors, progress_bars, settings_from, with_store
from server.export_request import export_chunks, parse_request


def export(
    format_: Annotated[
        ExportFormat, typer.Option("--format", help="The file format.", case_sensitive=False)
    ],
    out: Annotated[Path, typer.Option(help="The file to write.")],
    seeds: Annotated[list[str] | None, typer.Option(help="Seed node ids (global ids).")] = None,
    depth: Annotated[int, typer.Option(help="Steps from the seeds.")] = 1,
    initiatives: Annotated[
        list[str] | None, typer.Option(help="Programme and project ids (global ids).")
    ] = None,
    from_: Annotated[
        str | None, typer.Option("--from", help="Period start (YYYY[-MM[-DD]]).")
    ] = None,
    to: Annotated[str | None, typer.Option(help="Period end (YYYY[-MM[-DD]]).")] = None,
    term: Annotated[str | None, typer.Option(help="A council term, e.g. TERM_2013_2017.")] = None,
    periods: Annotated[
        list[str] | None,
        typer.Option(
            "--period",
            help="Two or more, for the change between them (--format csv): a council term or "
            "FROM..TO, e.g. --period TERM_2013_2017 --period 2017-06..2021.",
        ),
    ] = None,
    kinds: Annotated[list[str] | None, typer.Option(help="Node kinds to include.")] = None,
    types: Annotated[list[str] | None, typer.Option(help="Tie types to include.")] = None,
    mode: Annotated[str, typer.Option(help="NETWORK, PEOPLE or ORGANISATIONS.")] = "NETWORK",
    weighting: Annotated[str, typer.Option(help="SHARED, NEWMAN or JACCARD.")] = "NEWMAN",
    measures: Annotated[
        bool, typer.Option(help="Add centralities, brokerage and communities to the nodes.")
    ] = False,
    boundary: Annotated[str, typer.Option(help="The boundary the measures cross.")] = "SECTOR",
    algorithm: Annotated[str, typer.Option(help="LEIDEN or LOUVAIN.")] = "LEIDEN",
    resolution: Annotated[float, typer.Option(help="Community resolution.")] = 1.0,
    seed: Annotated[int, typer.Option(help="Random seed of the measures.")] = 0,
    context_url: Annotated[
        str | None,
        typer.Option(
            help="--format jsonld: name the context by this URL (a server's "
            "/export/jsonld/context) instead of embedding it."
        ),
    ] = None,
    data_dir: DataDir = None,
) -> None:
    """Export a scope of the network (the same scope as the GraphQL `network` query)."""
    values = {
        "seeds": seeds or [],
        "initiatives": initiatives or [],
        "kinds": kinds or [],
        "types": types or [],
        "depth": [str(depth)],
        "from": [from_] if from_ else [],
        "to": [to] if to else [],
        "term": [term] if term else [],
        "periods": periods or [],
        "mode": [mode],
        "weighting": [weighting],
        "measures": [str(measures)],
        "boundary": [boundary],
        "algorithm": [algorithm],
        "resolution": [str(resolution)],
        "seed": [str(seed)],
    }
    try:
        wanted = parse_request({name: found for name, found in values.items() if found})
    except BadInputError as error:
        errors.print(f"[red]--{error.field}: {error}[/red]")
        raise typer.Exit(2) from error
    settings = settings_from(data_dir=data_dir)

    async def work(store: GraphStore) -> tuple[int, int]:
        with progress_bars() as progress:
            task = progress.add_task("reading the graph", total=None)
            exported = await export_chunks(
                Analytics(store),
                wanted,
                format_,
                lambda n: progress.advance(task, n),
                context_url,
            )
            counted = None if wanted.periods else exported.nodes + exported.edges
            progress.update(task, description=f"writing {out.name}", total=counted)
            partial = out.with_name(f".{out.name}.partial")
            try:
                with partial.open("wb") as file:
                    for chunk in exported.chunks:
                        file.write(chunk)
                partial.replace(out)
            finally:
                partial.unlink(missing_ok=True)
            return exported.nodes, exported.edges

    nodes, edges = with_store(settings, work, read_only=True)
    if wanted.periods:
        console.print(
            f"Wrote the change over {len(wanted.periods)} periods ({nodes} nodes, {edges} tie "
            f"changes) to {out}."
        )
    elif format_ is ExportFormat.POPOLO:
        console.print(
            f"Wrote the people, organisations and memberships of a scope of {nodes} nodes and "
            f"{edges} ties to {out} (popolo)."
        )
    else:
        console.print(f"Wrote {nodes} nodes and {edges} edges to {out} ({format_.value}).")
