"""JSON from clients (request bodies, GET's `variables` and `extensions`, websocket messages),
decoded with bounds: nesting no deeper than MAX_DEPTH and no lone surrogate in any string, so
nothing downstream (variable coercion, cache keys, the database driver) meets what it cannot
hold. Every refusal is a MalformedJsonError, a json.JSONDecodeError, which every caller (ours and
strawberry's) already turns into a refusal of the request."""

from __future__ import annotations

import json
import re

from graph.hygiene import MAX_JSON_DEPTH

MAX_DEPTH = MAX_JSON_DEPTH
"""Deepest nesting of arrays and objects accepted, as for cursors and import files."""
_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")


class MalformedJsonError(json.JSONDecodeError):
    """JSON a client sent that is not valid, too deep, or holds a lone surrogate."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason, "", 0)
        self.reason = reason

    def __str__(self) -> str:
        return self.reason


def decode_bounded(data: str | bytes) -> object:
    """The value `data` holds; MalformedJsonError for anything a client should be told about."""
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
    except UnicodeDecodeError as error:
        raise MalformedJsonError(
            f"The JSON sent is not valid UTF-8 (byte {error.start})."
        ) from error
    try:
        value: object = json.loads(text)
    except RecursionError as error:
        raise MalformedJsonError(_too_deep()) from error
    except json.JSONDecodeError as error:
        raise MalformedJsonError(f"The JSON sent is not valid: {error}.") from error
    _check(value, surrogates=_ESCAPED_SURROGATE.search(text) is not None)
    return value


def _check(value: object, *, surrogates: bool) -> None:
    """Depth first without recursion: deep input must not exhaust the stack here either."""
    pending: list[tuple[object, int, str]] = [(value, 0, "")]
    while pending:
        item, depth, path = pending.pop()
        if isinstance(item, dict):
            if depth >= MAX_DEPTH:
                raise MalformedJsonError(_too_deep())
            for key, inner in item.items():
                if surrogates:
                    _check_text(key, f"{path}.{key!a}" if path else repr(key))
                pending.append((inner, depth + 1, f"{path}.{key}" if path else key))
        elif isinstance(item, list):
            if depth >= MAX_DEPTH:
                raise MalformedJsonError(_too_deep())
            pending.extend((inner, depth + 1, f"{path}[{i}]") for i, inner in enumerate(item))
        elif surrogates and isinstance(item, str):
            _check_text(item, path)


def _check_text(text: str, path: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        where = f"`{path.encode('ascii', 'backslashreplace').decode()}`" if path else "the body"
        raise MalformedJsonError(
            f"A string at {where} holds a lone surrogate (\\u{ord(text[error.start]):04x}), "
            "which is not a character; send valid UTF-16 pairs or the character itself."
        ) from error


def _too_deep() -> str:
    return f"The JSON is nested deeper than {MAX_DEPTH} levels."
