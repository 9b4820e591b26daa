"""Input hygiene over HTTP and the CLI: control characters, lone surrogates, over-long ids,
dates of other scripts' digits and deeply nested JSON are refused on every path that writes
or parses what a client sends, as BAD_INPUT or InvalidInput naming the field, or
ImportRejected naming the file and line; nothing is written and nothing answers 500."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient
from typer.testing import CliRunner

from graph.model import NodeKind
from resolvers import global_ids
from seed.knowledge import seed_graph
from server.app import create_app
from server.cli import app
from server.settings import Settings
from tests.conftest import GraphQLClient
from tests.curators import Curators, curators_of
from tests.databases import load_copy

SOURCE = global_ids.encode(NodeKind.SOURCE, "espoo-news-2017-03-02")
PROGRAMME = global_ids.encode(NodeKind.PROGRAMME, "espoon-kehitysohjelmat-2013-2017")
MAKELA = global_ids.encode(NodeKind.PERSON, "jukka-makela")
RESULT = "__typename ... on InvalidInput { errors { field message } }"
CREATE_NODE = f"mutation ($input: NodeInput!) {{ createNode(input: $input) {{ {RESULT} }} }}"
CREATE_SOURCE = f"mutation ($input: SourceInput!) {{ createSource(input: $input) {{ {RESULT} }} }}"
UPDATE_NODE = f"mutation ($input: NodeChangesInput!) {{ updateNode(input: $input) {{ {RESULT} }} }}"
LINK = f"mutation ($input: LinkInput!) {{ link(input: $input) {{ {RESULT} }} }}"
UPDATE_TIE = f"mutation ($input: TieChangesInput!) {{ updateTie(input: $input) {{ {RESULT} }} }}"
UNLINK = f"mutation ($id: String!) {{ unlink(id: $id) {{ {RESULT} }} }}"
IMPORT = """
mutation ($files: [ImportFileInput!]!) {
  importBatch(files: $files) {
    __typename ... on ImportRejected { problems { file line message } }
  }
}
"""
CREATE_TOKEN = "mutation ($name: String!) { createToken(name: $name, role: EDITOR) { name } }"
SEAT_TIE = "jukka-makela--sits_on--kestava-kehitys-2013-2017--programme-owner"
CONTROL = ["\x00", "\x01", "\x1b", "\x1f", "\x7f", "\x85", "\x9f"]
"""NUL, C0, DEL and C1: refused in every text field."""
LINE_BREAKS = ["\n", "\r", "\t", "\u2028"]
"""Refused in one-line fields, allowed in descriptions."""
NOT_CHARACTERS = ["\ud800", "\udfff", "\ufffe"]
ARABIC_2013 = "\u0662\u0660\u0661\u0663"


@pytest.fixture(scope="module")
def curators(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Curators]:
    """The seed with a token per role, shared by the module: every test either is refused
    (and checks that nothing changed) or writes a node no other test looks for."""
    data_dir = tmp_path_factory.mktemp("hygiene")
    load_copy(Settings(data_dir=data_dir).database_path, *seed_graph())
    with TestClient(create_app(Settings(data_dir=data_dir))) as http:
        yield curators_of(GraphQLClient(http))


def post(client: GraphQLClient, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    """Post as bytes of ASCII JSON, so that lone surrogates travel as JSON escapes ("\\ud800"),
    as a hostile client sends them; the answer must be coded JSON, never a 500."""
    body = json.dumps({"query": query, "variables": variables}).encode()
    headers = {"Content-Type": "application/json", **client.headers}
    response = client.http.post("/graphql", content=body, headers=headers)
    answer: dict[str, Any] = response.json()
    assert response.status_code in (200, 400), response.text
    if response.status_code == 400:
        assert answer["errors"][0]["extensions"]["code"] == "BAD_INPUT", answer
    return answer


def refused_before_running(body: dict[str, Any], variables: dict[str, Any]) -> bool:
    """Whether the request was refused whole, as BAD_INPUT, for holding a lone surrogate: the
    HTTP layer may refuse those anywhere in a body before any field is read."""
    if "data" in body:
        return False
    assert body["errors"][0]["extensions"]["code"] == "BAD_INPUT", body
    sent = json.dumps(variables)
    assert any(ascii(char)[1:-1] in sent for char in NOT_CHARACTERS[:2]), body
    return True


def result_of(client: GraphQLClient, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    body = post(client, query, variables)
    if refused_before_running(body, variables):
        return {"__typename": "Refused"}
    assert "errors" not in body, body
    found: dict[str, Any] = next(iter(body["data"].values()))
    return found


def refused_fields(client: GraphQLClient, query: str, variables: dict[str, Any]) -> set[str]:
    result = result_of(client, query, variables)
    if result["__typename"] == "Refused":
        return {"(request)"}
    assert result["__typename"] == "InvalidInput", result
    return {error["field"] for error in result["errors"]}


def bad_input_field(client: GraphQLClient, query: str, variables: dict[str, Any]) -> str | None:
    body = post(client, query, variables)
    assert body.get("errors"), body
    error = body["errors"][0]
    assert error["extensions"]["code"] == "BAD_INPUT", error
    field: str | None = error["extensions"].get("field")
    return field


def rejected(client: GraphQLClient, files: list[dict[str, str]]) -> list[dict[str, Any]]:
    result = result_of(client, IMPORT, {"files": files})
    assert result["__typename"] == "ImportRejected", result
    problems: list[dict[str, Any]] = result["problems"]
    return problems


def person(name: str = "Hygiene Person", **fields: Any) -> dict[str, Any]:
    return {"input": {"kind": "PERSON", "name": name, "sources": [SOURCE], **fields}}


def organisation(**fields: Any) -> dict[str, Any]:
    return {"input": {"kind": "ORGANISATION", "name": "Org", "sources": [SOURCE], **fields}}


def source(**fields: Any) -> dict[str, Any]:
    return {"input": {"title": "A title", **fields}}


def update(**fields: Any) -> dict[str, Any]:
    return {"input": {"id": MAKELA, "sources": [SOURCE], **fields}}


def link(**fields: Any) -> dict[str, Any]:
    given = {"type": "SITS_ON", "source": MAKELA, "target": PROGRAMME, "sources": [SOURCE]}
    return {"input": {**given, **fields}}


def update_tie(**fields: Any) -> dict[str, Any]:
    return {"input": {"id": SEAT_TIE, "sources": [SOURCE], **fields}}


ONE_LINE_FIELDS = [
    (CREATE_NODE, person, "name"),
    (CREATE_NODE, organisation, "branch"),
    (CREATE_NODE, organisation, "municipality"),
    (CREATE_SOURCE, source, "title"),
    (CREATE_SOURCE, source, "publisher"),
    (CREATE_SOURCE, source, "url"),
    (CREATE_SOURCE, source, "language"),
    (UPDATE_NODE, update, "name"),
    (LINK, link, "role"),
    (UPDATE_TIE, update_tie, "role"),
]
DESCRIPTIONS = [
    (CREATE_NODE, person, "description"),
    (CREATE_SOURCE, source, "description"),
    (UPDATE_NODE, update, "description"),
]


@pytest.mark.parametrize("bad", CONTROL + LINE_BREAKS + NOT_CHARACTERS, ids=ascii)
@pytest.mark.parametrize(("mutation", "variables", "field"), ONE_LINE_FIELDS)
def test_one_line_fields_refuse_control_characters_line_breaks_and_lone_surrogates(
    curators: Curators,
    mutation: str,
    variables: Callable[..., dict[str, Any]],
    field: str,
    bad: str,
) -> None:
    before = curators.export()
    given = variables(**{field: f"Good{bad}text"})
    assert refused_fields(curators.editor, mutation, given) & {field, "(request)"}
    assert curators.export() == before


@pytest.mark.parametrize("bad", CONTROL + NOT_CHARACTERS, ids=ascii)
@pytest.mark.parametrize(("mutation", "variables", "field"), DESCRIPTIONS)
def test_descriptions_refuse_control_characters_and_lone_surrogates(
    curators: Curators,
    mutation: str,
    variables: Callable[..., dict[str, Any]],
    field: str,
    bad: str,
) -> None:
    given = variables(**{field: f"First line\n{bad}second"})
    assert refused_fields(curators.editor, mutation, given) & {field, "(request)"}


@pytest.mark.parametrize(("mutation", "variables", "field"), DESCRIPTIONS)
def test_descriptions_hold_tabs_and_line_breaks(
    curators: Curators, mutation: str, variables: Callable[..., dict[str, Any]], field: str
) -> None:
    given = variables(**{field: "First line\r\n\tsecond\u2028third"})
    assert result_of(curators.editor, mutation, given)["__typename"] == "NodeSaved"


@pytest.mark.parametrize(
    ("mutation", "variables"),
    [
        (CREATE_NODE, person(id="a" * 201)),
        (CREATE_SOURCE, source(id="s" * 100_000)),
        (LINK, link(id="t" * 201)),
        (UPDATE_TIE, update_tie(id="t" * 100_000)),
        (UNLINK, {"id": "t" * 100_000}),
        (UNLINK, {"id": "tie\x00id"}),
        (CREATE_NODE, person(id="nul\x00")),
    ],
    ids=["createNode", "createSource", "link", "updateTie", "unlink", "unlink-nul", "nul"],
)
def test_ids_over_200_characters_or_with_control_characters_are_refused(
    curators: Curators, mutation: str, variables: dict[str, Any]
) -> None:
    before = curators.export()
    assert "id" in refused_fields(curators.editor, mutation, variables)
    assert curators.export() == before


def test_an_id_of_200_characters_is_accepted(curators: Curators) -> None:
    created = result_of(curators.editor, CREATE_NODE, person(id="a" * 200))
    assert created["__typename"] == "NodeSaved"


LONG = global_ids.encode(NodeKind.PERSON, "p" * 201)
HUGE = global_ids.encode(NodeKind.PERSON, "p" * 100_000)
WITH_NUL = global_ids.encode(NodeKind.PERSON, "p\x00q")


@pytest.mark.parametrize("bad", [LONG, HUGE, WITH_NUL, MAKELA + "\n", "x" * 100_000])
@pytest.mark.parametrize(
    "query",
    [
        "query ($id: ID!) { node(id: $id) { id } }",
        "query ($id: ID!) { nodes(ids: [$id]) { id } }",
        "query ($id: ID!) { network(scope: {seeds: [$id]}) { nodeCount } }",
        "query ($id: ID!) { people(filter: {ids: [$id]}) { totalCount } }",
    ],
    ids=["node", "nodes", "seeds", "filter"],
)
def test_global_ids_with_over_long_or_unprintable_slugs_are_bad_input(
    client: GraphQLClient, query: str, bad: str
) -> None:
    bad_input_field(client, query, {"id": bad})


@pytest.mark.parametrize(
    "query",
    [
        "mutation ($id: ID!) { forgetPerson(id: $id) { __typename } }",
        f'mutation ($id: ID!) {{ updateNode(input: {{id: $id, sources: ["{SOURCE}"], '
        'name: "X"}) { __typename } }',
        f'mutation ($id: ID!) {{ link(input: {{type: SITS_ON, source: $id, target: "{PROGRAMME}"'
        f', sources: ["{SOURCE}"]}}) {{ __typename }} }}',
    ],
    ids=["forgetPerson", "updateNode", "link"],
)
def test_mutations_refuse_over_long_global_ids(curators: Curators, query: str) -> None:
    result = result_of(curators.admin, query, {"id": HUGE})
    assert result["__typename"] == "InvalidInput", result


@pytest.mark.parametrize(
    ("mutation", "variables", "field"),
    [
        (CREATE_NODE, person(start="2013\n"), "start"),
        (CREATE_NODE, person(start="\u0662\u0660\u0661\u0663"), "start"),
        (CREATE_NODE, person(end="\uff12\uff10\uff11\uff13-01"), "end"),
        (CREATE_NODE, person(start=" 2013"), "start"),
        (CREATE_SOURCE, source(date="2013-06\n"), "date"),
        (LINK, link(start="2013\r\n"), "start"),
    ],
    ids=["newline", "arabic-indic", "fullwidth", "space", "source-date", "crlf"],
)
def test_dates_of_other_digits_or_with_anything_after_are_bad_input(
    curators: Curators, mutation: str, variables: dict[str, Any], field: str
) -> None:
    before = curators.export()
    body = post(curators.editor, mutation, variables)
    error = body["errors"][0]
    assert error["extensions"]["code"] == "BAD_INPUT", error
    assert field in error["message"]
    assert curators.export() == before


@pytest.mark.parametrize("bad", ["2013\n", "\u0662\u0660\u0661\u0663", "2013-\u0660\u0661"])
def test_dates_in_filters_and_scopes_are_bad_input(client: GraphQLClient, bad: str) -> None:
    for query in (
        "query ($d: PartialDate) { programmes(filter: {activeFrom: $d}) { totalCount } }",
        "query ($d: PartialDate) { network(scope: {from: $d}) { nodeCount } }",
    ):
        bad_input_field(client, query, {"d": bad})


def cursor_of(payload: str) -> str:
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "payload",
    [
        "[" * 100_000 + "]" * 100_000,
        '["name",' + "[" * 5_000 + "]" * 5_000 + "]",
        '{"a":' * 2_000 + "1" + "}" * 2_000,
    ],
    ids=["arrays", "inside", "objects"],
)
def test_deeply_nested_cursors_are_bad_input(client: GraphQLClient, payload: str) -> None:
    query = "query ($after: String) { people(first: 2, after: $after) { totalCount } }"
    assert bad_input_field(client, query, {"after": cursor_of(payload)}) == "after"


@pytest.mark.parametrize("bad", ["", "   ", "\t", "a\x00b", "\x1b[31mred", "x" * 101, "\ud800"])
def test_token_names_must_be_1_to_100_printable_characters(curators: Curators, bad: str) -> None:
    body = post(curators.admin, CREATE_TOKEN, {"name": bad})
    if not refused_before_running(body, {"name": bad}):
        assert bad_input_field(curators.admin, CREATE_TOKEN, {"name": bad}) == "name"
    names = {t["name"] for t in curators.admin.data("{ tokens { name } }")["tokens"]}
    assert names == {"test-reader", "test-editor", "test-admin"}


def test_token_names_are_trimmed_and_unique(curators: Curators) -> None:
    made = curators.admin.data(CREATE_TOKEN, {"name": "  Maija, curator  "})["createToken"]
    assert made["name"] == "Maija, curator"
    assert bad_input_field(curators.admin, CREATE_TOKEN, {"name": "Maija, curator "}) == "name"
    revoked = curators.admin.data('mutation { revokeToken(name: " Maija, curator") }')
    assert revoked["revokeToken"] is True


@pytest.mark.parametrize("bad", ["", "   ", "a\x00b", "\x1b[31mred", "x" * 101])
def test_the_cli_refuses_token_names_that_are_blank_unprintable_or_long(
    tmp_path: Path, bad: str
) -> None:
    data_dir = tmp_path / "data"
    load_copy(Settings(data_dir=data_dir).database_path, *seed_graph())
    runner = CliRunner()
    args = ["token", "create", "--role", "editor", "--data-dir", str(data_dir), "--name", bad]
    done = runner.invoke(app, args)
    assert done.exit_code == 2, done.output
    assert "name" in done.output
    listed = runner.invoke(app, ["token", "list", "--data-dir", str(data_dir)])
    assert "poikki_" not in listed.output
    assert "editor" not in listed.output, listed.output


def jsonl(*records: dict[str, Any]) -> str:
    return "".join(json.dumps(record) + "\n" for record in records)


GOOD_SOURCE = {"kind": "SOURCE", "id": "hygiene-source", "title": "Hygiene"}


def person_line(**fields: Any) -> dict[str, Any]:
    given = {"kind": "PERSON", "id": "hygiene-person", "name": "Hygiene Person"}
    return {**given, "sources": ["hygiene-source"], **fields}


@pytest.mark.parametrize("bad", CONTROL + LINE_BREAKS + NOT_CHARACTERS, ids=ascii)
@pytest.mark.parametrize("field", ["name", "id", "start"])
def test_json_lines_refuse_bad_text_naming_file_and_line(
    curators: Curators, field: str, bad: str
) -> None:
    before = curators.export()
    content = jsonl(GOOD_SOURCE, person_line(**{field: f"2013{bad}1"}))
    problems = rejected(curators.editor, [{"name": "people.jsonl", "content": content}])
    assert [(p["file"], p["line"]) for p in problems] == [("people.jsonl", 2)]
    assert field in problems[0]["message"]
    assert curators.export() == before


def test_json_lines_accept_line_breaks_in_descriptions(curators: Curators) -> None:
    content = jsonl(GOOD_SOURCE, person_line(description="One\n\ttwo\r\nthree"))
    result = result_of(
        curators.editor, IMPORT, {"files": [{"name": "people.jsonl", "content": content}]}
    )
    assert result["__typename"] == "ImportSummary"


@pytest.mark.parametrize(
    ("record", "says"),
    [
        (person_line(id="p" * 201), "201 characters"),
        (person_line(id="p" * 100_000), "100,000 characters"),
        (person_line(id="two words"), "whitespace"),
        (person_line(sources=["s" * 201]), "201 characters"),
        ({"tie": "SITS_ON", "id": "t" * 201, "source": "a", "target": "b"}, "201 characters"),
        ({"tie": "SITS_ON", "id": "t", "source": "a\x00", "target": "b"}, "U+0000"),
        (person_line(claims=[{"field": "name\x00", "value": "X", "sources": []}]), "U+0000"),
        (person_line(description="Nul\x00"), "U+0000"),
        ({**person_line(), "\x00key": 1}, "unknown field"),
    ],
    ids=["id", "huge-id", "spaced", "source", "tie", "end", "claim", "description", "key"],
)
def test_json_lines_refuse_over_long_ids_and_bad_fields(
    curators: Curators, record: dict[str, Any], says: str
) -> None:
    content = jsonl(GOOD_SOURCE, record)
    problems = rejected(curators.editor, [{"name": "x.jsonl", "content": content}])
    assert any(p["line"] == 2 and says in p["message"] for p in problems), problems


def test_a_lone_surrogate_in_an_import_file_is_rejected_naming_its_line(
    curators: Curators,
) -> None:
    content = jsonl(GOOD_SOURCE) + '{"kind": "PERSON", "id": "p", "name": "A\ud800"}\n'
    files = [{"name": "raw.jsonl", "content": content}]
    result = result_of(curators.editor, IMPORT, {"files": files})
    if result["__typename"] != "Refused":
        assert result["__typename"] == "ImportRejected", result
        problems = result["problems"]
        assert [(p["file"], p["line"]) for p in problems] == [("raw.jsonl", 2)]
        assert "surrogate" in problems[0]["message"]


def test_a_file_name_with_control_characters_is_rejected(curators: Curators) -> None:
    problems = rejected(curators.editor, [{"name": "bad\x00.jsonl", "content": jsonl(GOOD_SOURCE)}])
    assert "file name" in problems[0]["message"]
    assert "\x00" not in problems[0]["file"]


@pytest.mark.parametrize("depth", [101, 1_000, 50_000])
def test_deeply_nested_json_lines_are_rejected_naming_the_line(
    curators: Curators, depth: int
) -> None:
    deep = '{"kind": "PERSON", "id": "p", "name": ' + "[" * depth + "]" * depth + "}"
    content = jsonl(GOOD_SOURCE) + deep + "\n"
    problems = rejected(curators.editor, [{"name": "deep.jsonl", "content": content}])
    assert [(p["file"], p["line"]) for p in problems] == [("deep.jsonl", 2)]
    assert "deep" in problems[0]["message"]


def test_json_nested_100_deep_is_still_read(curators: Curators) -> None:
    inside = "[" * 98 + "]" * 98
    line = '{"kind": "PERSON", "id": "p", "name": ' + inside + "}"
    problems = rejected(curators.editor, [{"name": "ok.jsonl", "content": line}])
    assert any("name must be text" in p["message"] for p in problems), problems


def popolo(**person: Any) -> str:
    """A Popolo document whose person opens on line 3 and its first source on line 7."""
    given = {"id": "person/hygiene", "name": "Hygiene", "sources": [{"url": "https://e.x/1"}]}
    return json.dumps({"persons": [{**given, **person}]}, indent=1)


@pytest.mark.parametrize(
    ("content", "line", "says"),
    [
        (popolo(name="Nul\x00name"), 3, "U+0000"),
        (popolo(name="Two\nlines"), 3, "U+000A"),
        (popolo(id="p" * 201), 3, "201 characters"),
        (popolo(sources=[{"url": "https://e.x/\x07"}]), 7, "U+0007"),
        (popolo(sources=[{"url": "https://e.x/", "note": "\x85"}]), 7, "U+0085"),
        (popolo(summary="A\x00"), 3, "summary"),
        ('{\n"persons": ' + "[" * 50_000 + "]" * 50_000 + "}", 2, "deep"),
        ('{"persons": [{"id": "a", "name": "b"}],\n\n"x": ' + "{" * 200, 3, "deep"),
    ],
    ids=["name", "newline", "id", "url", "note", "summary", "deep", "deep-objects"],
)
def test_popolo_refuses_bad_text_and_deep_nesting_naming_the_line(
    curators: Curators, content: str, line: int, says: str
) -> None:
    problems = rejected(curators.editor, [{"name": "popolo.json", "content": content}])
    assert any(p["line"] == line and says in p["message"] for p in problems), problems
    assert all(p["file"] == "popolo.json" for p in problems)


@pytest.mark.parametrize(
    ("file", "content", "says"),
    [
        ("nodes.csv", "id,kind,name,sources\np,PERSON,Nul\x00name,s\n", "U+0000"),
        ("nodes.csv", 'id,kind,name,sources\np,PERSON,"Two\nlines",s\n', "U+000A"),
        ("nodes.csv", f"id,kind,name,sources\n{'p' * 201},PERSON,P,s\n", "201 characters"),
        (
            "nodes.csv",
            "id,kind,name,start,sources\np,PERSON,P,\u0662\u0660\u0661\u0663,s\n",
            "date",
        ),
        ("sources.csv", "id,title\ns,Title\x1b[31m\n", "U+001B"),
        ("ties.csv", "id,type,source,target,role\nt,SITS_ON,a,b,chair\x7f\n", "U+007F"),
    ],
    ids=["nul", "newline", "id", "date", "escape", "del"],
)
def test_csv_bundles_refuse_bad_text_naming_file_and_line(
    curators: Curators, file: str, content: str, says: str
) -> None:
    problems = rejected(curators.editor, [{"name": file, "content": content}])
    assert any(p["file"] == file and p["line"] == 2 and says in p["message"] for p in problems), (
        problems
    )


def test_the_cli_import_rejects_control_characters_and_writes_nothing(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    load_copy(Settings(data_dir=data_dir).database_path, *seed_graph())
    people = tmp_path / "people.jsonl"
    people.write_text(jsonl(GOOD_SOURCE, person_line(name="Nul\x00name")), encoding="utf-8")
    done = CliRunner().invoke(app, ["import", str(people), "--data-dir", str(data_dir)])
    assert done.exit_code != 0
    assert "people.jsonl:2" in done.output
    assert "U+0000" in done.output


@pytest.mark.parametrize("bad", ["p" * 201, "p\x00q"])
def test_the_cli_refuses_a_person_id_over_200_characters_or_unprintable(
    tmp_path: Path, bad: str
) -> None:
    data_dir = tmp_path / "data"
    load_copy(Settings(data_dir=data_dir).database_path, *seed_graph())
    done = CliRunner().invoke(app, ["forget", bad, "--data-dir", str(data_dir)])
    assert done.exit_code == 2, done.output
    assert "id" in done.output
