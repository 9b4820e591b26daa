"""schema.graphql is the committed contract: it must equal what the code exports."""

from __future__ import annotations

from pathlib import Path

from schema.build import build_schema

SCHEMA_FILE = Path(__file__).parent.parent / "schema.graphql"


def test_committed_schema_matches_the_code() -> None:
    exported = build_schema().as_str() + "\n"
    assert SCHEMA_FILE.read_text(encoding="utf-8") == exported, (
        "schema.graphql is out of date: run `poikki schema > schema.graphql` and review the diff"
    )
