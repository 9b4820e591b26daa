"""A CSV bundle: nodes.csv, ties.csv and sources.csv, each with a header row.

Each file is read on its own; the bundle is whichever of the three a curator hands over, and
references between them are checked once every file of the import has been read.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass

from graph.hygiene import shown
from graph.imports.batch import FileRead
from graph.imports.records import (
    COMMON_FIELDS,
    KIND_FIELDS,
    SOURCE_FIELDS,
    SOURCE_TITLE,
    TIE_FIELDS,
    Record,
    node_from,
    tie_from,
)
from graph.model import Node, Tie

LIST_SEPARATOR = ";"


@dataclass(frozen=True)
class Layout:
    columns: tuple[str, ...]
    required: tuple[str, ...]
    read: Callable[[Record], tuple[Node | Tie | None, list[str]]]


def _node(record: Record) -> tuple[Node | None, list[str]]:
    if str(record.get("kind", "")).strip() == "SOURCE":
        return None, ["sources go in sources.csv, which has their title, date and url"]
    return node_from(record)


def _source(record: Record) -> tuple[Node | None, list[str]]:
    return node_from({**record, "kind": "SOURCE"})


def _tie(record: Record) -> tuple[Tie | None, list[str]]:
    return tie_from(record, "type")


LAYOUTS = {
    "nodes.csv": Layout(
        ("id", *(f for f in COMMON_FIELDS if f != "id"), *KIND_FIELDS, "identifiers", "sources"),
        ("id", "kind", "name"),
        _node,
    ),
    "ties.csv": Layout(
        ("id", "type", *(f for f in TIE_FIELDS if f != "id")),
        ("id", "type", "source", "target"),
        _tie,
    ),
    "sources.csv": Layout(
        tuple(f for f in SOURCE_FIELDS if f != "kind"),
        ("id", SOURCE_TITLE),
        _source,
    ),
}
FILE_NAMES = tuple(LAYOUTS)


def base_name(file: str) -> str:
    return file.replace("\\", "/").rsplit("/", 1)[-1].lower()


def read_csv(file: str, text: str) -> FileRead:
    """Every node or tie in one file of a bundle, chosen by its base name (see FILE_NAMES)."""
    read = FileRead(file)
    layout = LAYOUTS.get(base_name(file))
    if layout is None:
        read.problem(None, f"a CSV file must be named {', '.join(FILE_NAMES)}")
        return read
    rows = _rows(read, text)
    if not rows:
        read.problem(1, f"the header row is missing; the columns are {', '.join(layout.columns)}")
        return read
    header_line, header = rows[0][0], [name.strip() for name in rows[0][1]]
    readable = _check_header(read, layout, header, header_line)
    for position, (line, row) in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            cut = position == len(rows) and not text.endswith(("\n", "\r"))
            hint = "; the file seems to be cut short" if cut else ""
            read.problem(
                line, f"the row has {len(row)} cells but the header has {len(header)}{hint}"
            )
            continue
        if readable:
            _read_row(read, layout, line, dict(zip(header, row, strict=True)))
    return read


def _rows(read: FileRead, text: str) -> list[tuple[int, list[str]]]:
    """Each row with the line it starts on; a row csv cannot read is a problem, and reading
    goes on from the next line."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[int, list[str]]] = []
    last_line = 0
    while True:
        start = last_line + 1
        try:
            row = next(reader)
        except StopIteration:
            return rows
        except csv.Error as error:
            read.problem(start, f"the row cannot be read as CSV: {error}")
            if reader.line_num == last_line:
                return rows
            last_line = reader.line_num
            continue
        last_line = reader.line_num
        if row:
            rows.append((start, row))


def _check_header(read: FileRead, layout: Layout, header: list[str], line: int) -> bool:
    """Note every problem with the header; whether rows can still be read column by column."""
    columns = ", ".join(layout.columns)
    if len(header) == 1 and LIST_SEPARATOR in header[0]:
        read.problem(line, "the columns are separated by ';'; save the file as comma-separated CSV")
        return False
    for name in header:
        if name not in layout.columns:
            read.problem(line, f"unknown column '{shown(name)}'; the columns are {columns}")
    for name in dict.fromkeys(n for n in header if header.count(n) > 1):
        read.problem(line, f"the column {shown(name)} is given more than once")
    missing = [name for name in layout.required if name not in header]
    for name in missing:
        read.problem(line, f"the required column {name} is missing")
    return not missing


def _read_row(read: FileRead, layout: Layout, line: int, cells: dict[str, str]) -> None:
    record: dict[str, object] = {}
    for column, cell in cells.items():
        value = cell.strip()
        if column not in layout.columns or not value:
            continue
        parts = [part.strip() for part in value.split(LIST_SEPARATOR) if part.strip()]
        if column == "sources":
            record[column] = parts
        elif column == "identifiers":
            # SCHEME:value, split at the first colon (a URL's own colons stay in its value).
            pairs = [part.partition(":") for part in parts]
            record[column] = [{"scheme": s, "value": v} for s, _, v in pairs]
        else:
            record[column] = value
    item, problems = layout.read(record)
    if isinstance(item, Node):
        read.node(item, line)
    elif isinstance(item, Tie):
        read.tie(item, line)
    for message in problems:
        read.problem(line, message)
