"""Keyset cursors keep their format (clients hold cursors across upgrades) and round-trip."""

from __future__ import annotations

import base64
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from graph.store import Keyset
from resolvers import cursors

TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)))


@settings(max_examples=500)
@given(tag=TEXT, values=st.lists(TEXT, min_size=1, max_size=4))
def test_a_cursor_is_the_compact_json_array_of_its_tag_and_values(
    tag: str, values: list[str]
) -> None:
    cursor = cursors.encode(tag, Keyset(tuple(values)))
    written = json.dumps([tag, *values], ensure_ascii=False, separators=(",", ":"))
    assert cursor == base64.urlsafe_b64encode(written.encode()).decode().rstrip("=")
    assert cursors.decode(tag, cursor) == Keyset(tuple(values))
