"""Bulk import over GraphQL and the CLI: all-or-nothing, idempotent, every problem named by file
and line, and the database unchanged in content after a rejected import."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from graph.model import NodeKind
from resolvers import global_ids
from seed.knowledge import seed_graph
from server.cli import app
from tests.conftest import GraphQLClient
from tests.curators import Curators, curators_of
from tests.databases import load_copy
from tests.documents import IMPORT

SOURCE_LINE = {
    "kind": "SOURCE",
    "id": "kh-2016-05-09",
    "title": "Kaupunginhallituksen pöytäkirja 9.5.2016",
    "publisher": "Espoon kaupunki",
    "date": "2016-05-09",
    "language": "fi",
}
PERSON_LINE = {
    "kind": "PERSON",
    "id": "liisa-laine",
    "name": "Liisa Laine",
    "sources": ["kh-2016-05-09"],
}
SEAT_LINE = {
    "tie": "SITS_ON",
    "id": "liisa-laine-seat",
    "source": "liisa-laine",
    "target": "espoon-kehitysohjelmat-2013-2017",  # already in the database
    "role": "member",
    "seatType": "CIVIL_SERVANT",
    "start": "2016-05",
    "sources": ["kh-2016-05-09"],
}


def jsonl(*records: dict[str, Any]) -> str:
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)


@pytest.fixture
def curators(make_client: Callable[..., GraphQLClient]) -> Curators:
    return curators_of(make_client(*seed_graph()))


def test_a_jsonl_import_then_the_same_again_changes_nothing(curators: Curators) -> None:
    files = [{"name": "liisa.jsonl", "content": jsonl(SOURCE_LINE, PERSON_LINE, SEAT_LINE)}]
    first = curators.editor.data(IMPORT, {"files": files})["importBatch"]
    assert first == {
        "__typename": "ImportSummary",
        "createdNodes": 2,
        "updatedNodes": 0,
        "unchangedNodes": 0,
        "createdTies": 1,
        "updatedTies": 0,
        "unchangedTies": 0,
    }
    after_first = curators.export()
    second = curators.editor.data(IMPORT, {"files": files})["importBatch"]
    assert second["createdNodes"] == second["updatedNodes"] == 0
    assert second["unchangedNodes"] == 2
    assert (second["createdTies"], second["updatedTies"], second["unchangedTies"]) == (0, 0, 1)
    assert curators.export() == after_first
    seat = curators.anonymous.data(
        "query ($id: ID!) { node(id: $id) { ... on Person { steeringSeats { edges { role "
        "seatType start node { name } sources { title date } } } } } }",
        {"id": global_ids.encode(NodeKind.PERSON, "liisa-laine")},
    )["node"]["steeringSeats"]["edges"]
    assert seat == [
        {
            "role": "member",
            "seatType": "CIVIL_SERVANT",
            "start": "2016-05",
            "node": {"name": seat[0]["node"]["name"]},
            "sources": [{"title": SOURCE_LINE["title"], "date": "2016-05-09"}],
        }
    ]


def test_importing_needs_an_editor(curators: Curators) -> None:
    files = [{"name": "liisa.jsonl", "content": jsonl(SOURCE_LINE, PERSON_LINE)}]
    before = curators.export()
    assert curators.reader.error_codes(IMPORT, {"files": files}) == ["FORBIDDEN"]
    assert curators.anonymous.error_codes(IMPORT, {"files": files}) == ["FORBIDDEN"]
    assert curators.export() == before


POPOLO = {
    "persons": [
        {
            "id": "person/aino-aalto",
            "name": "Aino Aalto",
            "sources": [{"url": "https://www.espoo.fi/valtuusto", "note": "Espoon valtuusto"}],
        },
        {
            "id": "person/bertel-berg",
            "name": "Bertel Berg",
            "sources": [{"url": "https://www.espoo.fi/valtuusto", "note": "Espoon valtuusto"}],
        },
    ],
    "organizations": [
        {
            "id": "org/espoo-council",
            "name": "Espoon kaupunginvaltuusto",
            "classification": "council",
            "founding_date": "1972",
            "sources": [{"url": "https://www.espoo.fi/valtuusto"}],
        },
        {
            "id": "org/espoo-board",
            "name": "Espoon kaupunginhallitus",
            "parent_id": "org/espoo-council",
            "sources": [{"url": "https://www.espoo.fi/valtuusto"}],
        },
    ],
    "posts": [
        {"id": "post/chair", "label": "Chair", "organization_id": "org/espoo-board"},
    ],
    "memberships": [
        {
            "id": "membership/aino-council",
            "person_id": "person/aino-aalto",
            "organization_id": "org/espoo-council",
            "role": "councillor",
            "start_date": "2017-06-01",
            "end_date": "2021-07-31",
            "sources": [{"url": "https://www.espoo.fi/valtuusto"}],
        },
        {
            "person_id": "person/bertel-berg",
            "post_id": "post/chair",
            "start_date": "2019",
            "sources": [{"url": "https://www.espoo.fi/valtuusto"}],
        },
    ],
}


def test_popolo_memberships_become_ties_with_dates(curators: Curators) -> None:
    files = [{"name": "espoo.popolo.json", "content": json.dumps(POPOLO)}]
    summary = curators.editor.data(IMPORT, {"files": files})["importBatch"]
    assert summary["__typename"] == "ImportSummary", summary
    assert summary["createdNodes"] == 5  # two people, two organisations, one source
    assert summary["createdTies"] == 3  # two memberships and the board's SUBUNIT_OF
    query = (
        "query ($id: ID!) { node(id: $id) { ... on Person { name memberships { edges { "
        "role start end node { name } sources { url } } } } } }"
    )
    aino = curators.anonymous.data(
        query, {"id": global_ids.encode(NodeKind.PERSON, "person/aino-aalto")}
    )["node"]
    assert aino["memberships"]["edges"] == [
        {
            "role": "councillor",
            "start": "2017-06-01",
            "end": "2021-07-31",
            "node": {"name": "Espoon kaupunginvaltuusto"},
            "sources": [{"url": "https://www.espoo.fi/valtuusto"}],
        }
    ]
    bertel = curators.anonymous.data(
        query, {"id": global_ids.encode(NodeKind.PERSON, "person/bertel-berg")}
    )["node"]
    edge = bertel["memberships"]["edges"][0]
    assert (edge["role"], edge["start"], edge["end"]) == ("Chair", "2019", None)
    assert edge["node"]["name"] == "Espoon kaupunginhallitus"
    again = curators.editor.data(IMPORT, {"files": files})["importBatch"]
    assert (again["createdNodes"], again["createdTies"]) == (0, 0)


GOOD = jsonl(SOURCE_LINE, PERSON_LINE, SEAT_LINE)
BAD_IMPORTS: list[tuple[str, str, bytes, int]] = [
    (
        "wrong column",
        "nodes.csv",
        b"id,kind,name,shoeSize,sources\nliisa-laine,PERSON,Liisa Laine,38,kh\n",
        1,
    ),
    (
        "bad date",
        "liisa.jsonl",
        (
            GOOD + jsonl({**PERSON_LINE, "id": "late", "name": "Late", "start": "13.6.2013"})
        ).encode(),
        4,
    ),
    (
        "unknown id",
        "liisa.jsonl",
        (GOOD + jsonl({**SEAT_LINE, "id": "nowhere", "target": "no-such-programme"})).encode(),
        4,
    ),
    ("duplicate id", "liisa.jsonl", (GOOD + jsonl(PERSON_LINE)).encode(), 4),
    (
        "missing source",
        "liisa.jsonl",
        (GOOD + jsonl({**PERSON_LINE, "id": "unsourced", "sources": []})).encode(),
        4,
    ),
    ("truncated file", "liisa.jsonl", GOOD.encode() + b'{"kind": "PERSON", "id": "cut', 4),
    (
        "wrong encoding",
        "liisa.jsonl",
        GOOD.encode() + jsonl({**PERSON_LINE, "id": "x", "name": "Äijälä"}).encode("latin-1"),
        4,
    ),
]


@pytest.mark.parametrize(
    ("name", "file", "content", "line"), BAD_IMPORTS, ids=[case[0] for case in BAD_IMPORTS]
)
def test_a_bad_import_over_the_cli_is_rejected_whole_and_changes_nothing(
    tmp_path: Path, name: str, file: str, content: bytes, line: int
) -> None:
    data_dir = tmp_path / "db"
    load_copy(data_dir / "poikki.lbug", *seed_graph())
    runner = CliRunner()

    def export() -> bytes:
        out = tmp_path / "all.graphml"
        done = runner.invoke(
            app, ["export", "--format", "graphml", "--out", str(out), "--data-dir", str(data_dir)]
        )
        assert done.exit_code == 0, done.output
        return out.read_bytes()

    before = export()
    path = tmp_path / file
    path.write_bytes(content)
    good = tmp_path / "good.jsonl"
    good.write_text(jsonl({**SOURCE_LINE, "id": "other-source"}), encoding="utf-8")
    result = runner.invoke(app, ["import", str(good), str(path), "--data-dir", str(data_dir)])
    assert result.exit_code == 1, result.output
    assert f"{file}:{line}:" in result.output, result.output
    assert export() == before


def test_a_bad_import_over_graphql_lists_every_problem_and_writes_nothing(
    curators: Curators,
) -> None:
    before = curators.export()
    bad = GOOD + jsonl(
        {**PERSON_LINE, "id": "late", "name": "Late", "start": "2013-13"},
        {**SEAT_LINE, "id": "nowhere", "target": "no-such-programme"},
        {**PERSON_LINE, "id": "unsourced", "sources": []},
    )
    rejected = curators.editor.data(IMPORT, {"files": [{"name": "b.jsonl", "content": bad}]})
    result = rejected["importBatch"]
    assert result["__typename"] == "ImportRejected"
    assert {(p["file"], p["line"]) for p in result["problems"]} == {
        ("b.jsonl", 4),
        ("b.jsonl", 5),
        ("b.jsonl", 6),
    }
    assert curators.export() == before


def test_the_cli_imports_a_csv_bundle_and_prints_a_summary(tmp_path: Path) -> None:
    data_dir = tmp_path / "db"
    load_copy(data_dir / "poikki.lbug", *seed_graph())
    (tmp_path / "sources.csv").write_text(
        "id,title,publisher,date,url,language\n"
        "kh-2016,Kaupunginhallitus 2016,Espoon kaupunki,2016,https://espoo.example,fi\n",
        encoding="utf-8",
    )
    (tmp_path / "nodes.csv").write_text(
        "id,kind,name,sector,orgType,sources\n"
        "liisa-laine,PERSON,Liisa Laine,,,kh-2016\n"
        "nuorisoverkko,ORGANISATION,Nuorisoverkko ry,THIRD_SECTOR,NGO,kh-2016\n",
        encoding="utf-8",
    )
    (tmp_path / "ties.csv").write_text(
        "id,type,source,target,role,start,end,sources\n"
        "liisa-works,EMPLOYED_BY,liisa-laine,nuorisoverkko,coordinator,2015,,kh-2016\n",
        encoding="utf-8",
    )
    files = [str(tmp_path / name) for name in ("sources.csv", "nodes.csv", "ties.csv")]
    runner = CliRunner()
    first = runner.invoke(app, ["import", *files, "--data-dir", str(data_dir)])
    assert first.exit_code == 0, first.output
    assert "Imported" in first.output
    assert summary_rows(first.output) == {"nodes": [3, 0, 0], "ties": [1, 0, 0]}
    again = runner.invoke(app, ["import", *files, "--data-dir", str(data_dir)])
    assert summary_rows(again.output) == {"nodes": [0, 0, 3], "ties": [0, 0, 1]}


def summary_rows(output: str) -> dict[str, list[int]]:
    """The created / updated / unchanged counts of the CLI's summary table."""
    rows = {}
    for line in output.splitlines():
        cells = [cell.strip() for cell in line.strip("│").split("│")]
        if cells and cells[0] in ("nodes", "ties"):
            rows[cells[0]] = [int(cell) for cell in cells[1:]]
    return rows
