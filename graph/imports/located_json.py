"""JSON parsed with the line each object starts on, for messages that point into the file.

json's C scanner reports no positions, so this decoder runs the pure-Python scanner with its
own object parser, which notes where each object opens before parsing it.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Callable

# typeshed does not declare json's pure-Python object parser and scanner (the C accelerator
# stands in for them in the public API), which this decoder drives to know where objects open.
from json.decoder import JSONObject  # type: ignore[attr-defined]
from json.scanner import py_make_scanner  # type: ignore[attr-defined]
from typing import Any

_NEWLINE = re.compile("\n")


class JsonObject(dict[str, Any]):
    """A JSON object that knows the line it starts on and which keys it gives more than once."""

    def __init__(self, pairs: list[tuple[str, Any]], line: int) -> None:
        super().__init__(pairs)
        self.line = line
        seen: set[str] = set()
        self.repeated: list[str] = []
        for key, _ in pairs:
            if key in seen and key not in self.repeated:
                self.repeated.append(key)
            seen.add(key)


class _LocatingDecoder(json.JSONDecoder):
    def __init__(self, text: str) -> None:
        super().__init__(object_pairs_hook=self._object)
        self._newlines = [match.start() for match in _NEWLINE.finditer(text)]
        self._opened: list[int] = []
        self.parse_object: Callable[..., tuple[Any, int]] = self._parse_object
        self.scan_once = py_make_scanner(self)

    def _parse_object(self, s_and_end: tuple[str, int], *rest: Any) -> tuple[Any, int]:
        # The scanner hands over the index just past "{"; the hook runs as this object closes,
        # after any objects nested in it have been parsed and popped.
        self._opened.append(s_and_end[1] - 1)
        try:
            result: tuple[Any, int] = JSONObject(s_and_end, *rest)
            return result
        finally:
            self._opened.pop()

    def _object(self, pairs: list[tuple[str, Any]]) -> JsonObject:
        return JsonObject(pairs, bisect_right(self._newlines, self._opened[-1]) + 1)


def loads(text: str) -> Any:
    """Parse `text` with every object a JsonObject; raises json.JSONDecodeError as json does."""
    return _LocatingDecoder(text).decode(text)


def describe(error: json.JSONDecodeError, whole: str | None) -> str:
    """json's complaint in a curator's words. Given the `whole` text of a file, it also says when
    the text ran out before the JSON did, which is what a file cut short looks like."""
    ran_out = whole is not None and (
        error.pos >= len(whole.rstrip()) or error.msg.startswith("Unterminated string")
    )
    cut = "; the file seems to be cut short" if ran_out else ""
    return f"not valid JSON: {error.msg.removesuffix(' at')} at column {error.colno}{cut}"
