"""`poikki import`, `poikki merge`, `poikki forget` and `poikki token`: curation from the
command line, run by whoever holds the database (so no bearer token is asked for)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from graph.curation import Curator, ImportOutcome
from graph.errors import BadInputError
from graph.history import Operation
from graph.hygiene import id_problem
from graph.model import NodeKind, Tie
from graph.store import GraphStore, MergeResult
from graph.tokens import ApiToken, Role, checked_name, digest_of, new_secret
from resolvers import global_ids
from server.cli_support import (
    DataDir,
    cli_actor,
    cli_by,
    console,
    errors,
    print_summary,
    settings_from,
    with_store,
)

tokens = typer.Typer(help="Bearer tokens: create, list and revoke.")


def import_files(
    files: Annotated[list[Path], typer.Argument(help="JSON Lines, a CSV bundle or Popolo JSON.")],
    data_dir: DataDir = None,
) -> None:
    """Import files all-or-nothing: one problem anywhere and nothing is written."""
    for path in files:
        if not path.is_file():
            errors.print(f"[red]{path}: no such file.[/red]")
            raise typer.Exit(2)
    read = [(path.name, path.read_bytes()) for path in files]
    settings = settings_from(data_dir=data_dir)

    async def work(store: GraphStore) -> ImportOutcome:
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        ) as progress:
            task = progress.add_task(f"importing {len(files)} file(s)", total=None)
            return await Curator(store, actor=cli_actor()).import_files(
                read, lambda n: progress.update(task, total=n, completed=n)
            )

    outcome = with_store(settings, work)
    print_summary("Imported", outcome.summary)
    for match in outcome.matched:
        console.print(
            f"Matched {escape(match.record)} to the stored {escape(match.node)} "
            f"(by {escape(match.by)})."
        )


def merge(
    keep: Annotated[str, typer.Argument(help="The node to keep: its global id or slug.")],
    remove: Annotated[str, typer.Argument(help="The node merged into it: global id or slug.")],
    data_dir: DataDir = None,
) -> None:
    """Merge REMOVE into KEEP in one transaction: its ties move (duplicates folded), sources,
    identifiers and claims are united, and REMOVE's id answers KEEP from then on."""
    keep_slug, remove_slug = _slug_of(keep, "KEEP"), _slug_of(remove, "REMOVE")
    settings = settings_from(data_dir=data_dir)

    async def work(store: GraphStore) -> MergeResult:
        return await Curator(store, actor=cli_actor()).merge_nodes(keep_slug, remove_slug)

    result = with_store(settings, work)
    console.print(
        f"Merged {escape(result.removed.id)} into {escape(result.kept.id)}: "
        f"{len(result.moved)} ties moved, {len(result.absorbed)} folded into "
        f"{len(result.folded)} of its own, {len(result.dropped)} dropped (they joined the two)."
    )


def _slug_of(given: str, argument: str) -> str:
    """A node's slug from its global id or from the slug itself; exits naming a bad one."""
    try:
        return global_ids.decode(given)[1]
    except BadInputError:
        slug = given.strip()
        problem = id_problem(slug)
        if problem is not None:
            errors.print(f"[red]{argument}: the id {escape(problem)}.[/red]")
            raise typer.Exit(2) from None
        return slug


def forget(
    person: Annotated[str, typer.Argument(help="The person's global id or slug.")],
    data_dir: DataDir = None,
) -> None:
    """Erase a person and every tie they are part of."""
    try:
        kind, slug = global_ids.decode(person)
    except BadInputError:
        kind, slug = NodeKind.PERSON, person.strip()
        problem = id_problem(slug)
        if problem is not None:
            errors.print(f"[red]The person's id {escape(problem)}.[/red]")
            raise typer.Exit(2) from None
    if kind is not NodeKind.PERSON:
        errors.print(f"[red]'{person}' is a {kind.value}, not a person.[/red]")
        raise typer.Exit(2)
    settings = settings_from(data_dir=data_dir)

    async def work(store: GraphStore) -> list[Tie]:
        _, ties = await Curator(store, actor=cli_actor()).forget_person(slug)
        return ties

    ties = with_store(settings, work)
    console.print(f"Forgot {slug} and {len(ties)} ties they were part of.")


@tokens.command("create")
def create_token(
    role: Annotated[Role, typer.Option(help="reader, editor or admin.", case_sensitive=False)],
    name: Annotated[str, typer.Option(help="Who or what the token is for (unique).")],
    data_dir: DataDir = None,
) -> None:
    """Print a new token once; only its digest is stored."""
    try:
        name = checked_name(name)
    except BadInputError as error:
        errors.print(f"[red]--name: {escape(str(error))}[/red]")
        raise typer.Exit(2) from error
    secret = new_secret()
    created = datetime.now(UTC).isoformat(timespec="seconds")
    settings = settings_from(data_dir=data_dir)
    with_store(
        settings,
        lambda store: store.save_token(
            ApiToken(name, role, digest_of(secret), created), cli_by(Operation.CREATE_TOKEN)
        ),
    )
    errors.print(f"Token '{escape(name)}' ({role.value}); it is shown once, keep it safe:")
    print(secret)


@tokens.command("list")
def list_tokens(data_dir: DataDir = None) -> None:
    """List tokens by name and role."""
    settings = settings_from(data_dir=data_dir)
    found = with_store(settings, lambda store: store.list_tokens(), read_only=True)
    table = Table("name", "role", "created", title="Tokens")
    for token in found:
        table.add_row(escape(token.name), token.role.value, token.created)
    console.print(table)


@tokens.command("revoke")
def revoke_token(
    name: Annotated[str, typer.Argument(help="The token's name.")], data_dir: DataDir = None
) -> None:
    """Revoke a token by name."""
    settings = settings_from(data_dir=data_dir)
    name = name.strip()
    if not with_store(
        settings, lambda store: store.revoke_token(name, cli_by(Operation.REVOKE_TOKEN))
    ):
        errors.print(f"[red]There is no token named '{escape(name)}'.[/red]")
        raise typer.Exit(1)
    console.print(f"Revoked '{escape(name)}'.")
