"""Reading an import's files into one Batch, and checking the Batch against what is stored.

Both steps are all-or-nothing: they find every problem they can, then reject the whole import
with all of them, so a curator fixes the files in one pass and nothing is half imported.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from graph.hygiene import shown, text_problem
from graph.imports.batch import Batch, FileRead, Origin
from graph.imports.csv_bundle import FILE_NAMES, base_name, read_csv
from graph.imports.jsonl import read_jsonl
from graph.imports.popolo import read_popolo
from graph.imports.problems import ImportRejected, Problem, where
from graph.imports.records import a
from graph.model import TIE_SPECS, Node, NodeKind, Tie

Reader = Callable[[str, str], FileRead]
ACCEPTED = ("*.jsonl (Poikki JSON Lines)", *FILE_NAMES, "*.json (Popolo)")
BOM = "\ufeff"
NOWHERE = "in neither these files nor the store"
_SURROGATE_STARTS = frozenset(bytes([0xED, second]) for second in range(0xA0, 0xC0))
"""How a surrogate code point starts when written as if UTF-8 (as "surrogatepass" does)."""


def reader_for(file: str) -> Reader | None:
    name = base_name(file)
    if name.endswith(".jsonl"):
        return read_jsonl
    if name in FILE_NAMES:
        return read_csv
    if name.endswith(".json"):
        return read_popolo
    return None


def decode(file: str, data: bytes) -> str | Problem:
    """The file's text (strict UTF-8, a leading BOM dropped), or the problem that stops it."""
    try:
        return data.decode("utf-8").removeprefix(BOM)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = data[error.start]
        if data[error.start : error.start + 2] in _SURROGATE_STARTS:
            return Problem(file, line, "the text holds a lone surrogate, which is not a character")
        return Problem(
            file, line, f"the file is not UTF-8: byte 0x{byte:02X} cannot be read; save it as UTF-8"
        )


def read_files(files: Sequence[tuple[str, bytes]]) -> Batch:
    """One Batch from every file, each read by its name; raises ImportRejected listing every
    problem in any of them, including ids used twice. Ties may join nodes that are only in the
    store: `Batch.dangling_ends` lists them and `check_against_store` checks them."""
    batch, problems = read_files_and_problems(files)
    if problems:
        raise ImportRejected(problems)
    return batch


def read_files_and_problems(files: Sequence[tuple[str, bytes]]) -> tuple[Batch, list[Problem]]:
    """What `read_files` reads, with its problems returned rather than raised: the Batch holds
    the records that read cleanly, so the store's checks can still run on them."""
    if not files:
        return Batch([], [], {}), [Problem("(no files)", None, "no files were given")]
    problems: list[Problem] = []
    reads: list[FileRead] = []
    seen: set[str] = set()
    for file, data in files:
        reader = reader_for(file)
        name_problem = text_problem(file)
        if name_problem is not None:
            problems.append(Problem(shown(file), None, f"the file name {name_problem}"))
        elif file in seen:
            problems.append(Problem(file, None, "a file of this name is given more than once"))
        elif reader is None:
            problems.append(Problem(file, None, f"unknown kind of file; accepted: {_accepted()}"))
        else:
            text = decode(file, data)
            if isinstance(text, Problem):
                problems.append(text)
            else:
                reads.append(reader(file, text))
        seen.add(file)
    for read in reads:
        problems += read.problems
    batch = _merge(reads, problems)
    order = {file: index for index, (file, _) in enumerate(files)}
    problems.sort(key=lambda p: (order.get(p.file, len(order)), p.line or 0))
    return batch, problems


def _accepted() -> str:
    return ", ".join(ACCEPTED)


def _merge(reads: Sequence[FileRead], problems: list[Problem]) -> Batch:
    """All the files' records in one Batch; every id used twice is a problem naming both uses."""
    batch = Batch([], [], {})
    shared: set[str] = set()
    for read in reads:
        for node, origin in read.nodes:
            first = batch.origins.get(node.id)
            if first is None:
                batch.nodes.append(node)
                batch.origins[node.id] = origin
                if node.id in read.shared:
                    shared.add(node.id)
            elif not (node.id in read.shared and node.id in shared):
                problems.append(_twice(origin, f"node id '{node.id}'", first))
    node_ids = batch.node_ids()
    for read in reads:
        for tie, origin in read.ties:
            first = batch.origins.get(tie.id)
            if first is None:
                batch.ties.append(tie)
                batch.origins[tie.id] = origin
            else:
                used_by = "a node" if tie.id in node_ids else "another tie"
                problems.append(_twice(origin, f"tie id '{tie.id}'", first, used_by))
    return batch


def _twice(origin: Origin, what: str, first: Origin, used_by: str = "") -> Problem:
    by = f" by {used_by}" if used_by else ""
    return Problem(*origin, f"{what} is already used{by} at {where(*first)}")


async def check_against_store(
    batch: Batch, find_nodes: Callable[[Sequence[str]], Awaitable[list[Node | None]]]
) -> None:
    """Raise ImportRejected with every problem that needs the store to see: ties joining nodes
    that exist nowhere or kinds their type does not join, citations of anything but a Source,
    facts citing nothing, and nodes that are stored as another kind. Looks up all ids at once."""
    problems = await problems_against_store(batch, find_nodes)
    if problems:
        raise ImportRejected(problems)


async def problems_against_store(
    batch: Batch, find_nodes: Callable[[Sequence[str]], Awaitable[list[Node | None]]]
) -> list[Problem]:
    """The problems `check_against_store` raises, returned."""
    found = await find_nodes(batch.ids_to_look_up())
    stored = {node.id: node for node in found if node is not None}
    problems: list[Problem] = []
    kinds = {ident: node.kind for ident, node in stored.items()}
    for node in batch.nodes:
        before = stored.get(node.id)
        if before is not None and before.kind is not node.kind:
            problems.append(
                Problem(
                    *batch.origin(node.id),
                    f"node '{node.id}' is stored as {a(before.kind.name)}, not {a(node.kind.name)}",
                )
            )
        kinds[node.id] = node.kind
    for tie in batch.ties:
        problems += _tie_ends(batch, tie, kinds)
    problems += _citations(batch, kinds)
    problems.sort(key=lambda p: (p.file, p.line or 0))
    return problems


def _tie_ends(batch: Batch, tie: Tie, kinds: dict[str, NodeKind]) -> list[Problem]:
    origin = batch.origin(tie.id)
    missing = [
        Problem(*origin, f"tie '{tie.id}': its {end} '{ident}' is {NOWHERE}")
        for end, ident in (("source", tie.source), ("target", tie.target))
        if ident not in kinds
    ]
    if missing:
        return missing
    source, target = kinds[tie.source], kinds[tie.target]
    spec = TIE_SPECS[tie.type]
    if source in spec.sources and target in spec.targets:
        return []
    joins = f"{_names(spec.sources)} to {_names(spec.targets)}"
    message = (
        f"tie '{tie.id}': {tie.type.name} cannot join {a(source.name)} to {a(target.name)} "
        f"(it joins {joins})"
    )
    return [Problem(*origin, message)]


def _citations(batch: Batch, kinds: dict[str, NodeKind]) -> list[Problem]:
    problems: list[Problem] = []

    def check(ident: str, label: str, cited: Sequence[str]) -> None:
        origin = batch.origin(ident)
        if not cited:
            message = f"{label} cites no source; every new fact needs at least one"
            problems.append(Problem(*origin, message))
        for source in cited:
            kind = kinds.get(source)
            if kind is None:
                message = f"{label} cites '{source}', which is {NOWHERE}"
                problems.append(Problem(*origin, message))
            elif kind is not NodeKind.SOURCE:
                message = f"{label} cites '{source}', which is {a(kind.name)}, not a SOURCE"
                problems.append(Problem(*origin, message))

    for node in batch.nodes:
        if node.kind is not NodeKind.SOURCE:
            check(node.id, f"node '{node.id}'", node.sources)
        for claim in node.claims:
            check(node.id, f"the claim on {claim.field} of '{node.id}'", claim.sources)
    for tie in batch.ties:
        check(tie.id, f"tie '{tie.id}'", tie.sources)
    return problems


def _names(kinds: frozenset[NodeKind]) -> str:
    return " or ".join(kind.name for kind in NodeKind if kind in kinds)
