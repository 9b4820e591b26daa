"""Identifiers and merges over HTTP and the CLI: the checks of issue 22.

Check digits are computed here from their definitions (ISO 7064 MOD 11-2 for ORCID and ISNI,
the Y-tunnus weights 7, 9, 10, 5, 8, 4, 2 modulo 11), not with the library the code uses.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from graph.identifiers import IdentifierError, identifier
from graph.model import Node, NodeKind, OrgType, Scheme, Sector, Tie, TieType
from graph.store import Keyset
from resolvers import cursors, global_ids
from seed.actors import organisation
from server.cli import app
from server.settings import Settings
from tests.conftest import GraphQLClient
from tests.curators import Curators, curators_of
from tests.databases import load_copy

S1, S2 = ("s1",), ("s2",)
KEEP, REMOVE = "sirpa-hertell", "hertell-sirpa"
KEEP_ID = global_ids.encode(NodeKind.PERSON, KEEP)
REMOVE_ID = global_ids.encode(NodeKind.PERSON, REMOVE)
PERSON_TIES = """
query ($id: ID!) {
  node(id: $id) {
    id
    ... on Person {
      slug name mergedFrom identifiers { scheme value } sources { title }
      claims { field value }
      memberships { totalCount edges { tieId sources { title } } }
      steeringSeats { totalCount edges { tieId } }
      initiatives { totalCount edges { tieId } }
    }
  }
}
"""
MERGE = """
mutation ($keep: ID!, $remove: ID!) {
  mergeNodes(keep: $keep, remove: $remove) {
    __typename
    ... on NodesMerged { removedId node { id } movedTies { id } foldedTies { id }
      droppedTies { id } }
    ... on InvalidInput { message errors { field message } }
    ... on NotFound { id }
  }
}
"""
IMPORT = """
mutation ($files: [ImportFileInput!]!) {
  importBatch(files: $files) {
    __typename
    ... on ImportSummary { createdNodes updatedNodes unchangedNodes createdTies updatedTies
      unchangedTies matched { record node by } }
    ... on ImportRejected { problems { file line message } }
  }
}
"""
BY_IDENTIFIER = """
query ($scheme: IdentifierScheme!, $value: String!) {
  nodeByIdentifier(scheme: $scheme, value: $value) { slug }
}
"""


def _graph() -> tuple[list[Node], list[Tie]]:
    """Sirpa Hertell twice: the kept record with 2 ties, the other with 3 (one duplicating a
    kept tie by type, far end and period, but citing another source)."""
    nodes = [
        Node(NodeKind.SOURCE, "s1", "Pöytäkirja 2015", sources=S1),
        Node(NodeKind.SOURCE, "s2", "Vuosikertomus 2016", sources=S2),
        Node(NodeKind.PERSON, KEEP, "Sirpa Hertell", sources=S1),
        Node(NodeKind.PERSON, REMOVE, "Hertell Sirpa", sources=S2, description="Valtuutettu"),
        organisation("espoo", "Espoo", *S1, org_type=OrgType.MUNICIPALITY, sector=Sector.PUBLIC),
        organisation("vihreat", "Vihreät", *S2, org_type=OrgType.NGO, sector=Sector.THIRD_SECTOR),
        Node(NodeKind.PROGRAMME, "kehitys", "Kehitysohjelma", sources=S1, start="2013"),
        Node(NodeKind.PROJECT, "ohjaamo", "Ohjaamo", sources=S1, start="2014"),
        Node(NodeKind.PROJECT, "yrityskyla", "Yrityskylä", sources=S2, start="2015"),
    ]
    ties = [
        Tie(TieType.MEMBER_OF, KEEP, "espoo", "k-espoo", start="2013", sources=S1),
        Tie(TieType.PARTICIPATES_IN, KEEP, "ohjaamo", "k-ohjaamo", sources=S1),
        Tie(TieType.MEMBER_OF, REMOVE, "vihreat", "r-vihreat", sources=S2),
        Tie(TieType.SITS_ON, REMOVE, "kehitys", "r-kehitys", sources=S2),
        Tie(TieType.PARTICIPATES_IN, REMOVE, "yrityskyla", "r-yrityskyla", sources=S2),
    ]
    return nodes, ties


@pytest.fixture
def curators(make_client: Callable[..., GraphQLClient]) -> Curators:
    return curators_of(make_client(*_graph()))


def _ties(person: dict[str, Any]) -> list[str]:
    fields = ("memberships", "steeringSeats", "initiatives")
    return sorted(edge["tieId"] for f in fields for edge in person[f]["edges"])


def test_a_merge_moves_every_tie_unites_sources_and_redirects(curators: Curators) -> None:
    editor = curators.editor
    before = editor.data(PERSON_TIES, {"id": REMOVE_ID})["node"]
    assert len(_ties(before)) == 3
    assert len(_ties(editor.data(PERSON_TIES, {"id": KEEP_ID})["node"])) == 2
    merged = editor.data(MERGE, {"keep": KEEP_ID, "remove": REMOVE_ID})["mergeNodes"]
    assert merged["__typename"] == "NodesMerged"
    assert merged["removedId"] == REMOVE_ID
    assert len(merged["movedTies"]) == 3
    kept = editor.data(PERSON_TIES, {"id": KEEP_ID})["node"]
    assert _ties(kept) == sorted(["k-espoo", "k-ohjaamo", "r-vihreat", "r-kehitys", "r-yrityskyla"])
    assert kept["memberships"]["totalCount"] + kept["initiatives"]["totalCount"] == 4
    assert sorted(s["title"] for s in kept["sources"]) == ["Pöytäkirja 2015", "Vuosikertomus 2016"]
    assert kept["mergedFrom"] == [REMOVE_ID]
    assert {(c["field"], c["value"]) for c in kept["claims"]} == {
        ("name", "Sirpa Hertell"),
        ("name", "Hertell Sirpa"),
    }
    redirected = editor.data(PERSON_TIES, {"id": REMOVE_ID})["node"]
    assert redirected["id"] == KEEP_ID
    assert redirected["slug"] == KEEP
    found = editor.data("query ($ids: [ID!]!) { nodes(ids: $ids) { id } }", {"ids": [REMOVE_ID]})
    assert found["nodes"] == [{"id": KEEP_ID}]


def test_a_duplicate_tie_is_folded_with_its_sources(
    make_client: Callable[..., GraphQLClient],
) -> None:
    nodes, ties = _graph()
    twin = Tie(TieType.MEMBER_OF, REMOVE, "espoo", "r-espoo", start="2013", sources=S2)
    editor = curators_of(make_client(nodes, [*ties, twin])).editor
    merged = editor.data(MERGE, {"keep": KEEP_ID, "remove": REMOVE_ID})["mergeNodes"]
    assert [t["id"] for t in merged["foldedTies"]] == ["k-espoo"]
    kept = editor.data(PERSON_TIES, {"id": KEEP_ID})["node"]
    assert len(_ties(kept)) == 5
    espoo = next(e for e in kept["memberships"]["edges"] if e["tieId"] == "k-espoo")
    assert sorted(s["title"] for s in espoo["sources"]) == [
        "Pöytäkirja 2015",
        "Vuosikertomus 2016",
    ]


def test_merging_twice_into_itself_or_across_kinds_is_invalid_input(curators: Curators) -> None:
    editor = curators.editor
    espoo = global_ids.encode(NodeKind.ORGANISATION, "espoo")
    cases = [(KEEP_ID, KEEP_ID, "itself"), (KEEP_ID, espoo, "one kind")]
    for keep, remove, said in cases:
        refused = editor.data(MERGE, {"keep": keep, "remove": remove})["mergeNodes"]
        assert refused["__typename"] == "InvalidInput"
        assert said in refused["message"]
    assert editor.data(MERGE, {"keep": KEEP_ID, "remove": REMOVE_ID})["mergeNodes"][
        "__typename"
    ] == ("NodesMerged")
    again = editor.data(MERGE, {"keep": KEEP_ID, "remove": REMOVE_ID})["mergeNodes"]
    assert again["__typename"] == "InvalidInput"
    assert again["errors"] == [
        {"field": "remove", "message": f"'{REMOVE}' was merged into '{KEEP}' already."}
    ]
    nobody = global_ids.encode(NodeKind.PERSON, "nobody")
    assert editor.data(MERGE, {"keep": KEEP_ID, "remove": nobody})["mergeNodes"] == {
        "__typename": "NotFound",
        "id": "nobody",
    }


def test_merging_needs_an_editor(curators: Curators) -> None:
    variables = {"keep": KEEP_ID, "remove": REMOVE_ID}
    assert curators.reader.error_codes(MERGE, variables) == ["FORBIDDEN"]
    assert curators.editor.data(PERSON_TIES, {"id": REMOVE_ID})["node"]["slug"] == REMOVE


def _jsonl(*records: dict[str, Any]) -> list[dict[str, str]]:
    text = "\n".join(json.dumps(r, ensure_ascii=False) for r in records)
    return [{"name": "people.jsonl", "content": text}]


def test_an_import_matches_a_stored_person_by_identifier_and_again_changes_nothing(
    curators: Curators,
) -> None:
    editor = curators.editor
    update = """mutation ($input: NodeChangesInput!) { updateNode(input: $input) {
      __typename ... on NodeSaved { node { ... on Person { identifiers { scheme value } } } } } }"""
    given = {"scheme": "WIKIDATA", "value": "https://www.wikidata.org/wiki/Q123456"}
    saved = editor.data(
        update,
        {
            "input": {
                "id": KEEP_ID,
                "sources": [global_ids.encode(NodeKind.SOURCE, "s1")],
                "identifiers": [given],
            }
        },
    )["updateNode"]
    assert saved["node"]["identifiers"] == [{"scheme": "WIKIDATA", "value": "Q123456"}]
    files = _jsonl(
        {
            "kind": "PERSON",
            "id": "s-hertell",
            "name": "Sirpa Hertell",
            "sources": ["s1"],
            "identifiers": [{"scheme": "wikidata", "value": "Q123456"}],
        },
        {
            "id": "t-hertell-ohjaamo",
            "tie": "LEADS",
            "source": "s-hertell",
            "target": "ohjaamo",
            "sources": ["s1"],
        },
    )
    first = editor.data(IMPORT, {"files": files})["importBatch"]
    assert first["matched"] == [{"record": "s-hertell", "node": KEEP, "by": "WIKIDATA:Q123456"}]
    assert (first["createdNodes"], first["updatedNodes"], first["unchangedNodes"]) == (0, 0, 1)
    assert first["createdTies"] == 1
    again = editor.data(IMPORT, {"files": files})["importBatch"]
    assert (again["createdNodes"], again["updatedNodes"], again["unchangedNodes"]) == (0, 0, 1)
    assert (again["createdTies"], again["updatedTies"], again["unchangedTies"]) == (0, 0, 1)
    kept = editor.data(PERSON_TIES, {"id": KEEP_ID})["node"]
    assert "t-hertell-ohjaamo" in _ties(kept)
    assert editor.data(BY_IDENTIFIER, {"scheme": "WIKIDATA", "value": "q123456"}) == {
        "nodeByIdentifier": {"slug": KEEP}
    }
    unknown = {"scheme": "ORCID", "value": "0000-0002-1825-0097"}
    assert editor.data(BY_IDENTIFIER, unknown) == {"nodeByIdentifier": None}


def test_a_record_of_a_merged_id_updates_the_node_it_was_merged_into(curators: Curators) -> None:
    editor = curators.editor
    editor.data(MERGE, {"keep": KEEP_ID, "remove": REMOVE_ID})
    files = _jsonl({"kind": "PERSON", "id": REMOVE, "name": "Sirpa Hertell", "sources": ["s1"]})
    summary = editor.data(IMPORT, {"files": files})["importBatch"]
    assert summary["matched"] == [{"record": REMOVE, "node": KEEP, "by": "mergedFrom"}]
    assert summary["createdNodes"] == 0
    kept = editor.data(PERSON_TIES, {"id": KEEP_ID})["node"]
    assert kept["mergedFrom"] == [REMOVE_ID]


def test_an_identifier_belongs_to_one_node(curators: Curators) -> None:
    editor = curators.editor
    create = """mutation ($input: NodeInput!) { createNode(input: $input) {
      __typename ... on InvalidInput { errors { field message } }
      ... on NodeSaved { node { ... on Organisation { identifiers { scheme value } } } } } }"""
    source = [global_ids.encode(NodeKind.SOURCE, "s1")]
    ytunnus = {"scheme": "YTUNNUS", "value": "0101263-6"}
    made = editor.data(
        create,
        {
            "input": {
                "kind": "ORGANISATION",
                "name": "Espoon kaupunki",
                "sources": source,
                "orgType": "MUNICIPALITY",
                "sector": "PUBLIC",
                "identifiers": [ytunnus],
            }
        },
    )["createNode"]
    assert made["node"]["identifiers"] == [ytunnus]
    clash = editor.data(
        create,
        {
            "input": {
                "kind": "ORGANISATION",
                "name": "Espoo",
                "sources": source,
                "orgType": "MUNICIPALITY",
                "sector": "PUBLIC",
                "identifiers": [ytunnus],
            }
        },
    )["createNode"]
    assert clash["errors"] == [
        {
            "field": "identifiers",
            "message": "YTUNNUS:0101263-6 is the identifier of 'espoon-kaupunki' already.",
        }
    ]
    wrong = editor.data(
        create,
        {
            "input": {
                "kind": "PERSON",
                "name": "Ei Ketään",
                "sources": source,
                "identifiers": [{"scheme": "ORCID", "value": "0000-0002-1825-0098"}],
            }
        },
    )["createNode"]
    assert wrong["errors"][0]["field"] == "identifiers"
    assert "check digit" in wrong["errors"][0]["message"]
    codes = editor.error_codes(BY_IDENTIFIER, {"scheme": "ROR", "value": "not-a-ror"})
    assert codes == ["BAD_INPUT"]


def _mod_11_2(base: str) -> str:
    """ISO 7064 MOD 11-2 check character of 15 digits, from its definition."""
    total = 0
    for digit in base:
        total = (total + int(digit)) * 2
    check = (12 - total % 11) % 11
    return "X" if check == 10 else str(check)


def _ytunnus_check(base: str) -> str | None:
    """The Y-tunnus check digit of 7 digits: weights 7,9,10,5,8,4,2, mod 11; None when the
    remainder is 1 (no such id is given)."""
    remainder = sum(int(d) * w for d, w in zip(base, (7, 9, 10, 5, 8, 4, 2), strict=True)) % 11
    if remainder == 1:
        return None
    return "0" if remainder == 0 else str(11 - remainder)


@pytest.mark.parametrize(
    "base", ["000000021825009", "000000012103268", "000000021694233", "000000012146438"]
)
def test_orcid_and_isni_check_digits(base: str) -> None:
    check = _mod_11_2(base)
    dashed = "-".join((base + check)[i : i + 4] for i in range(0, 16, 4))
    assert identifier(Scheme.ORCID, f"https://orcid.org/{dashed}").value == dashed
    assert identifier(
        Scheme.ISNI, f"{base[:4]} {base[4:8]} {base[8:12]} {base[12:]}{check}"
    ).value == (base + check)
    wrong = "0" if check != "0" else "1"
    for scheme in (Scheme.ORCID, Scheme.ISNI):
        with pytest.raises(IdentifierError, match="check digit"):
            identifier(scheme, base + wrong)


@pytest.mark.parametrize("base", ["0116297", "0101263", "2331972", "1234567", "0201256"])
def test_ytunnus_check_digits(base: str) -> None:
    check = _ytunnus_check(base)
    if check is None:
        with pytest.raises(IdentifierError):
            identifier(Scheme.YTUNNUS, base + "-0")
        return
    assert identifier(Scheme.YTUNNUS, f" {base}-{check} ").value == f"{base}-{check}"
    for other in "0123456789":
        if other != check:
            with pytest.raises(IdentifierError, match="Finnish business id"):
                identifier(Scheme.YTUNNUS, f"{base}-{other}")


def test_wikidata_ror_and_url_forms() -> None:
    assert identifier(Scheme.WIKIDATA, "http://www.wikidata.org/entity/q42").value == "Q42"
    assert identifier(Scheme.ROR, "https://ror.org/040af2s02").value == "040af2s02"
    for scheme, bad in [
        (Scheme.WIKIDATA, "P31"),
        (Scheme.WIKIDATA, "Q0"),
        (Scheme.ROR, "040af2s03"),
        (Scheme.URL, "ftp://example.org"),
        (Scheme.URL, "espoo.fi"),
    ]:
        with pytest.raises(IdentifierError):
            identifier(scheme, bad)
    assert identifier(Scheme.URL, "https://www.espoo.fi/").value == "https://www.espoo.fi/"


def test_popolo_and_csv_identifiers_are_read(curators: Curators) -> None:
    popolo = {
        "persons": [
            {
                "id": "popolo-sirpa",
                "name": "Sirpa Hertell",
                "identifiers": [
                    {"scheme": "wikidata", "identifier": "Q987654"},
                    {"scheme": "everypolitician_legacy", "identifier": "abc"},
                ],
                "sources": [{"url": "https://example.org/popolo"}],
            }
        ]
    }
    nodes_csv = (
        "id,kind,name,orgType,sector,identifiers,sources\n"
        "helsinki,ORGANISATION,Helsinki,MUNICIPALITY,PUBLIC,"
        "YTUNNUS:0201256-6;URL:https://www.hel.fi/,s1\n"
    )
    files = [
        {"name": "people.json", "content": json.dumps(popolo)},
        {"name": "nodes.csv", "content": nodes_csv},
    ]
    summary = curators.editor.data(IMPORT, {"files": files})["importBatch"]
    assert summary["createdNodes"] == 3, summary
    found = {
        value: curators.editor.data(BY_IDENTIFIER, {"scheme": scheme, "value": value})
        for scheme, value in [
            ("WIKIDATA", "Q987654"),
            ("YTUNNUS", "0201256-6"),
            ("URL", "https://www.hel.fi/"),
        ]
    }
    assert {v: d["nodeByIdentifier"]["slug"] for v, d in found.items()} == {
        "Q987654": "popolo-sirpa",
        "0201256-6": "helsinki",
        "https://www.hel.fi/": "helsinki",
    }
    bad = [{"name": "nodes.csv", "content": nodes_csv.replace("0201256-6", "0201256-5")}]
    rejected = curators.editor.data(IMPORT, {"files": bad})["importBatch"]
    assert "Finnish business id" in rejected["problems"][0]["message"]


def test_poikki_merge_on_the_command_line(tmp_path: Path) -> None:
    load_copy(Settings(data_dir=tmp_path).database_path, *_graph())
    runner = CliRunner()
    done = runner.invoke(app, ["merge", KEEP, REMOVE_ID, "--data-dir", str(tmp_path)])
    assert done.exit_code == 0, done.output
    assert f"Merged {REMOVE} into {KEEP}: 3 ties moved" in done.output
    again = runner.invoke(app, ["merge", KEEP, REMOVE, "--data-dir", str(tmp_path)])
    assert again.exit_code == 1
    assert "was merged into" in again.output


DUPLICATES = """
query ($kind: NodeKind!, $first: Int, $after: String) {
  duplicateCandidates(kind: $kind, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    candidates { first { slug } second { slug } score reasons { reason detail } }
  }
}
"""


def test_duplicate_candidates_by_name_and_identifier_scored_by_what_they_share(
    make_client: Callable[..., GraphQLClient],
) -> None:
    nodes, ties = _graph()
    nodes += [
        Node(NodeKind.PERSON, "sade-aijala", "Säde Äijälä", sources=S1),
        Node(NodeKind.PERSON, "aijala-sade", "AIJALA, Sade", sources=S1),
        Node(NodeKind.PERSON, "unique", "Ainoa Laatuaan", sources=S1),
        organisation(
            "hel-1", "Helsingin kaupunki", *S1, org_type=OrgType.MUNICIPALITY, sector=Sector.PUBLIC
        ),
        organisation("hel-2", "Helsinki", *S1, org_type=OrgType.MUNICIPALITY, sector=Sector.PUBLIC),
    ]
    urls = {"hel-1": "https://www.hel.fi/", "hel-2": "http://hel.fi"}
    nodes = [
        replace(n, identifiers=(identifier(Scheme.URL, urls[n.id]),)) if n.id in urls else n
        for n in nodes
    ]
    ties += [
        Tie(TieType.MEMBER_OF, REMOVE, "espoo", "r-espoo", sources=S2),
        Tie(TieType.PARTICIPATES_IN, REMOVE, "ohjaamo", "r-ohjaamo", sources=S2),
    ]
    client = make_client(nodes, ties)
    people = client.data(DUPLICATES, {"kind": "PERSON"})["duplicateCandidates"]
    # Independently from the documented rule: a name key (0.5), one shared employer (0.1)
    # and one shared initiative (0.05); the other pair shares the name only.
    assert [
        (c["first"]["slug"], c["second"]["slug"], c["score"]) for c in people["candidates"]
    ] == [(REMOVE, KEEP, 0.65), ("aijala-sade", "sade-aijala", 0.5)]
    assert people["candidates"][0]["reasons"] == [
        {"reason": "SAME_NAME", "detail": "hertell sirpa"},
        {"reason": "SHARED_EMPLOYER", "detail": "espoo"},
        {"reason": "SHARED_INITIATIVE", "detail": "ohjaamo"},
    ]
    assert people["totalCount"] == 2
    page = client.data(DUPLICATES, {"kind": "PERSON", "first": 1})["duplicateCandidates"]
    assert page["pageInfo"]["hasNextPage"]
    rest = client.data(
        DUPLICATES, {"kind": "PERSON", "first": 1, "after": page["pageInfo"]["endCursor"]}
    )["duplicateCandidates"]
    assert [c["first"]["slug"] for c in rest["candidates"]] == ["aijala-sade"]
    assert not rest["pageInfo"]["hasNextPage"]
    organisations = client.data(DUPLICATES, {"kind": "ORGANISATION"})["duplicateCandidates"]
    assert [
        (c["first"]["slug"], c["second"]["slug"], c["score"], c["reasons"])
        for c in organisations["candidates"]
    ] == [("hel-1", "hel-2", 0.5, [{"reason": "SHARED_IDENTIFIER", "detail": "URL:hel.fi"}])]


def test_sources_are_not_merged(curators: Curators) -> None:
    s1, s2 = (global_ids.encode(NodeKind.SOURCE, s) for s in ("s1", "s2"))
    refused = curators.editor.data(MERGE, {"keep": s1, "remove": s2})["mergeNodes"]
    assert refused["__typename"] == "InvalidInput"
    assert "Sources cannot be merged" in refused["message"]


def test_poikki_import_prints_what_it_matched(tmp_path: Path) -> None:
    nodes, ties = _graph()
    wikidata = identifier(Scheme.WIKIDATA, "Q5")
    nodes = [replace(n, identifiers=(wikidata,)) if n.id == KEEP else n for n in nodes]
    load_copy(Settings(data_dir=tmp_path).database_path, nodes, ties)
    record = {
        "kind": "PERSON",
        "id": "sh",
        "name": "Sirpa Hertell",
        "sources": ["s1"],
        "identifiers": [{"scheme": "WIKIDATA", "value": "https://www.wikidata.org/wiki/Q5"}],
    }
    file = tmp_path / "people.jsonl"
    file.write_text(json.dumps(record), encoding="utf-8")
    done = CliRunner().invoke(app, ["import", str(file), "--data-dir", str(tmp_path)])
    assert done.exit_code == 0, done.output
    assert f"Matched sh to the stored {KEEP} (by WIKIDATA:Q5)." in done.output


def test_a_foreign_or_broken_cursor_is_bad_input(curators: Curators) -> None:
    for values in (("x", "a", "b"), ("0.5", "a")):
        cursor = cursors.encode("duplicates", Keyset(values))
        codes = curators.editor.error_codes(
            DUPLICATES, {"kind": "PERSON", "first": 1, "after": cursor}
        )
        assert codes == ["BAD_INPUT"]


def test_stored_identifiers_reach_the_popolo_and_json_ld_exports_and_read_back(
    make_client: Callable[..., GraphQLClient],
) -> None:
    nodes, ties = _graph()
    wikidata, orcid = (
        identifier(Scheme.WIKIDATA, "Q5"),
        identifier(Scheme.ORCID, "0000000218250097"),
    )
    nodes = [replace(n, identifiers=(wikidata, orcid)) if n.id == KEEP else n for n in nodes]
    editor = curators_of(make_client(nodes, ties)).editor
    popolo = editor.http.get("/export/popolo").json()
    person = next(p for p in popolo["persons"] if p["id"] == KEEP)
    assert person["identifiers"] == [
        {"scheme": "wikidata", "identifier": "Q5"},
        {"scheme": "orcid", "identifier": "0000-0002-1825-0097"},
    ]
    files = [{"name": "export.json", "content": json.dumps(popolo)}]
    again = editor.data(IMPORT, {"files": files})["importBatch"]
    assert (again["createdNodes"], again["updatedNodes"]) == (0, 0)
    jsonld = editor.http.get("/export/jsonld").text
    assert "http://www.wikidata.org/entity/Q5" in jsonld
    assert "https://orcid.org/0000-0002-1825-0097" in jsonld


MERGE_HISTORY = """
query ($id: ID!) { node(id: $id) { ... on Person {
  history(first: 5) { edges { node { actor operation before after } } }
  memberships(first: 10) { edges { tieId history(first: 5) { edges { node {
    operation before after } } } } } } } }
"""


def test_a_merge_is_in_the_history_of_the_kept_node_and_of_every_moved_tie(
    curators: Curators,
) -> None:
    editor = curators.editor
    editor.data(MERGE, {"keep": KEEP_ID, "remove": REMOVE_ID})
    kept = editor.data(MERGE_HISTORY, {"id": KEEP_ID})["node"]
    newest = kept["history"]["edges"][0]["node"]
    assert newest["operation"] == "mergeNodes"
    assert newest["actor"] == "test-editor"
    assert newest["after"]["mergedFrom"] == [REMOVE]
    moved = [e for e in kept["memberships"]["edges"] if e["tieId"].startswith("r-")]
    assert moved, "the removed person's memberships are the kept person's now"
    for edge in moved:
        entry = edge["history"]["edges"][0]["node"]
        assert entry["operation"] == "mergeNodes"
        assert REMOVE in (entry["before"]["source"], entry["before"]["target"])
        assert KEEP in (entry["after"]["source"], entry["after"]["target"])


def test_as_of_a_moment_before_a_merge_both_nodes_are_as_they_were(curators: Curators) -> None:
    editor = curators.editor
    removed_before = editor.data(PERSON_TIES, {"id": REMOVE_ID})["node"]
    moment = datetime.now(UTC).isoformat()
    editor.data(MERGE, {"keep": KEEP_ID, "remove": REMOVE_ID})
    as_of = """query ($id: ID!, $at: DateTime!) { node(id: $id, asOf: $at) {
      id ... on Person { name mergedFrom } } }"""
    then = editor.data(as_of, {"id": REMOVE_ID, "at": moment})["node"]
    assert then == {"id": REMOVE_ID, "name": removed_before["name"], "mergedFrom": []}
    kept_then = editor.data(as_of, {"id": KEEP_ID, "at": moment})["node"]
    assert kept_then["mergedFrom"] == []
    assert editor.data(as_of, {"id": REMOVE_ID, "at": "2999-01-01T00:00:00Z"})["node"]["id"] == (
        KEEP_ID
    )
