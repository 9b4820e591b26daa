"""Poikki's own JSON Lines: one node or tie per line, as a JSON object."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from graph.hygiene import TOO_DEEP, shown, too_deep_at
from graph.imports.batch import FileRead
from graph.imports.located_json import describe
from graph.imports.records import json_type, node_from, tie_from

TIE_KEY = "tie"


def read_jsonl(file: str, text: str) -> FileRead:
    """Every node and tie in `text`, one JSON object a line; blank lines are skipped."""
    read = FileRead(file)
    lines = text.split("\n")
    for number, raw in enumerate(lines, start=1):
        line = raw.removesuffix("\r")
        if not line.strip():
            continue
        if too_deep_at(line) is not None:
            read.problem(number, TOO_DEEP)
            continue
        repeated: list[str] = []
        try:
            value = json.loads(line, object_pairs_hook=_noting_repeats(repeated))
        except json.JSONDecodeError as error:
            last = number == len(lines) and not text.endswith("\n")
            read.problem(number, describe(error, line if last else None))
            continue
        if not isinstance(value, dict):
            read.problem(number, f"a line must be a JSON object, not {json_type(value)}")
            continue
        for key in repeated:
            read.problem(number, f"{shown(key)} is given more than once")
        _read_record(read, number, value)
    return read


def _read_record(read: FileRead, number: int, record: dict[str, Any]) -> None:
    if TIE_KEY in record and "kind" in record:
        read.problem(number, "a line is a node (with kind) or a tie (with tie), not both")
        return
    if TIE_KEY in record:
        tie, problems = tie_from(record, TIE_KEY)
        if tie is not None:
            read.tie(tie, number)
    else:
        node, problems = node_from(record)
        if node is not None:
            read.node(node, number)
    for message in problems:
        read.problem(number, message)


def _noting_repeats(repeated: list[str]) -> Callable[[list[tuple[str, Any]]], dict[str, Any]]:
    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [key for key, _ in pairs]
        repeated.extend(k for k in dict.fromkeys(keys) if keys.count(k) > 1)
        return dict(pairs)

    return hook
