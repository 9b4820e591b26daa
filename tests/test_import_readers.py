"""Bulk import readers: good files become nodes and ties; bad ones are rejected whole, with every
problem named by file and line."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pytest

from graph.errors import BadInputError
from graph.imports import Batch, ImportRejected, Problem, check_against_store, read_files
from graph.model import Claim, EventType, Node, NodeKind, OrgType, SeatType, Sector, Tie, TieType

SOURCE = "espoo-news-2017"


def jsonl(*records: Mapping[str, object] | str) -> bytes:
    """One line per record; a str is written as it is (a blank line, or a broken one)."""
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    return ("\n".join(lines) + "\n").encode()


def person(ident: str, **fields: object) -> dict[str, object]:
    return {"kind": "PERSON", "id": ident, "name": ident.title(), "sources": [SOURCE], **fields}


def rejected(files: Sequence[tuple[str, bytes]]) -> list[Problem]:
    with pytest.raises(ImportRejected) as caught:
        read_files(files)
    return caught.value.problems


def places(problems: Sequence[Problem]) -> list[tuple[str, int | None]]:
    return [(p.file, p.line) for p in problems]


class Store:
    """A few stored nodes behind the lookup check_against_store takes, counting its calls."""

    def __init__(self, *nodes: Node) -> None:
        self.nodes = {node.id: node for node in nodes}
        self.calls: list[list[str]] = []

    async def find_nodes(self, ids: Sequence[str]) -> list[Node | None]:
        self.calls.append(list(ids))
        return [self.nodes.get(ident) for ident in ids]


async def store_rejects(batch: Batch, store: Store | None = None) -> list[Problem]:
    with pytest.raises(ImportRejected) as caught:
        await check_against_store(batch, (store or Store()).find_nodes)
    return caught.value.problems


STORED_SOURCE = Node(
    NodeKind.SOURCE, "stored-source", "A stored source", sources=("stored-source",)
)

# --- good files -------------------------------------------------------------------------------

GOOD_JSONL = jsonl(
    {
        "kind": "SOURCE",
        "id": SOURCE,
        "title": "Hyviä tuloksia yhteisillä kehitysohjelmilla",
        "publisher": "Espoon kaupunki",
        "date": "2017-03-02",
        "url": "https://www.espoo.fi",
        "language": "fi",
    },
    "",
    person("jukka-makela", name="Jukka Mäkelä"),
    {
        "kind": "ORGANISATION",
        "id": "espoon-kaupunki",
        "name": "Espoon kaupunki",
        "orgType": "MUNICIPALITY",
        "sector": "PUBLIC",
        "branch": "Kaupunginhallitus",
        "municipality": "Espoo",
        "sources": [SOURCE, "stored-source"],
    },
    {
        "kind": "PROGRAMME",
        "id": "kestava-kehitys",
        "name": "Kestävä kehitys",
        "description": "One of four development programmes.",
        "start": "2013",
        "end": "2017-05",
        "sources": [SOURCE],
        "claims": [{"field": "name", "value": "Kestävä Espoo", "sources": [SOURCE]}],
    },
    {
        "kind": "EVENT",
        "id": "launch",
        "name": "Launch",
        "eventType": "LAUNCH",
        "start": "2013-06-10",
        "end": None,
        "sources": [SOURCE],
    },
    {
        "tie": "SITS_ON",
        "id": "jukka-sits-on-kestava",
        "source": "jukka-makela",
        "target": "kestava-kehitys",
        "role": "programme owner",
        "start": "2013",
        "end": "2017",
        "seatType": "ELECTED_OFFICIAL",
        "sources": [SOURCE],
    },
    {
        "tie": "HAS_EVENT",
        "id": "kestava-launch",
        "source": "kestava-kehitys",
        "target": "launch",
        "sources": [SOURCE],
    },
)


async def test_a_good_jsonl_file_reads_to_nodes_and_ties() -> None:
    batch = read_files([("espoo.jsonl", GOOD_JSONL)])

    nodes = {node.id: node for node in batch.nodes}
    assert nodes[SOURCE] == Node(
        NodeKind.SOURCE,
        SOURCE,
        "Hyviä tuloksia yhteisillä kehitysohjelmilla",
        sources=(SOURCE,),
        start="2017-03-02",
        publisher="Espoon kaupunki",
        url="https://www.espoo.fi",
        language="fi",
    )
    assert nodes["jukka-makela"] == Node(
        NodeKind.PERSON, "jukka-makela", "Jukka Mäkelä", sources=(SOURCE,)
    )
    assert nodes["espoon-kaupunki"].org_type is OrgType.MUNICIPALITY
    assert nodes["espoon-kaupunki"].sector is Sector.PUBLIC
    assert nodes["espoon-kaupunki"].branch == "Kaupunginhallitus"
    assert nodes["espoon-kaupunki"].sources == (SOURCE, "stored-source")
    programme = nodes["kestava-kehitys"]
    assert (programme.start, programme.end) == ("2013", "2017-05")
    assert programme.claims == (Claim("name", "Kestävä Espoo", (SOURCE,)),)
    assert nodes["launch"].event_type is EventType.LAUNCH
    assert (nodes["launch"].start, nodes["launch"].end) == ("2013-06-10", None)

    assert batch.ties == [
        Tie(
            TieType.SITS_ON,
            "jukka-makela",
            "kestava-kehitys",
            "jukka-sits-on-kestava",
            role="programme owner",
            start="2013",
            end="2017",
            seat_type=SeatType.ELECTED_OFFICIAL,
            sources=(SOURCE,),
        ),
        Tie(TieType.HAS_EVENT, "kestava-kehitys", "launch", "kestava-launch", sources=(SOURCE,)),
    ]
    assert batch.origins[SOURCE] == ("espoo.jsonl", 1)
    assert batch.origins["jukka-makela"] == ("espoo.jsonl", 3), "the blank line 2 is counted"
    assert batch.origins["kestava-launch"] == ("espoo.jsonl", 8)

    store = Store(STORED_SOURCE)
    await check_against_store(batch, store.find_nodes)
    assert len(store.calls) == 1
    assert batch.outside_sources() == ["stored-source"]


GOOD_SOURCES_CSV = (
    "id,title,publisher,date,url,language\r\n"
    'kunteko-blog,"KunTeko 2020, blogi",Työterveyslaitos,2015-11-13,https://example.fi/b,fi\r\n'
    "tyoelama-2020,Työelämä 2020,,2020,,\r\n"
).encode()
GOOD_NODES_CSV = (
    "id,kind,name,description,start,end,orgType,sector,branch,municipality,eventType,sources\n"
    'kunteko-2020,PROGRAMME,KunTeko 2020,"Kuntien työelämän\n'
    'kehittämisohjelma, 2015–2020",2015,2020-12,,,,,,kunteko-blog\n'
    "ttl,ORGANISATION,Työterveyslaitos,,,,STATE_AGENCY,PUBLIC,,Helsinki,,"
    "kunteko-blog; tyoelama-2020\n"
    "\n"
    "sparraus,EVENT,Sparraus,,2016-03,,,,,,SPARRING,tyoelama-2020\n"
).encode()
GOOD_TIES_CSV = (
    b"type,id,source,target,role,start,end,sources\n"
    b"LEADS,ttl-leads-kunteko,ttl,kunteko-2020,coordinator,2015,2020,kunteko-blog\n"
    b"HAS_EVENT,kunteko-sparraus,kunteko-2020,sparraus,,,,tyoelama-2020\n"
    b"PARTNER_IN,keva-in-kunteko,keva,kunteko-2020,funder,2015,,kunteko-blog\n"
)


async def test_a_good_csv_bundle_reads_to_nodes_and_ties() -> None:
    batch = read_files(
        [
            ("bundle/sources.csv", GOOD_SOURCES_CSV),
            ("bundle/nodes.csv", GOOD_NODES_CSV),
            ("bundle/ties.csv", GOOD_TIES_CSV),
        ]
    )

    nodes = {node.id: node for node in batch.nodes}
    assert nodes["kunteko-blog"] == Node(
        NodeKind.SOURCE,
        "kunteko-blog",
        "KunTeko 2020, blogi",
        sources=("kunteko-blog",),
        start="2015-11-13",
        publisher="Työterveyslaitos",
        url="https://example.fi/b",
        language="fi",
    )
    assert nodes["tyoelama-2020"].start == "2020"
    assert nodes["tyoelama-2020"].url is None, "an empty cell is no value"
    programme = nodes["kunteko-2020"]
    assert programme.description == "Kuntien työelämän\nkehittämisohjelma, 2015–2020"
    assert (programme.start, programme.end) == ("2015", "2020-12")
    assert nodes["ttl"].org_type is OrgType.STATE_AGENCY
    assert nodes["ttl"].sources == ("kunteko-blog", "tyoelama-2020")
    assert nodes["sparraus"].event_type is EventType.SPARRING
    assert batch.origins["ttl"] == ("bundle/nodes.csv", 4), "the quoted cell spans lines 2-3"
    assert batch.origins["sparraus"] == ("bundle/nodes.csv", 6)

    leads = batch.ties[0]
    assert leads == Tie(
        TieType.LEADS,
        "ttl",
        "kunteko-2020",
        "ttl-leads-kunteko",
        role="coordinator",
        start="2015",
        end="2020",
        sources=("kunteko-blog",),
    )
    assert [t.id for t in batch.ties] == [
        "ttl-leads-kunteko",
        "kunteko-sparraus",
        "keva-in-kunteko",
    ]
    assert batch.dangling_ends() == ["keva"], "keva is not in the files: it must be stored"

    keva = Node(NodeKind.ORGANISATION, "keva", "Keva", sources=("kunteko-blog",))
    await check_against_store(batch, Store(keva).find_nodes)


def popolo_document(edit: Callable[[dict[str, Any]], object] | None = None) -> str:
    """A Popolo document as the spec shows them, indented so each object starts on its own line;
    `edit` changes it first."""
    council = {"url": "https://example.org/council", "note": "The council's members page"}
    minutes = {"url": "https://example.org/minutes/2017-06"}
    document = {
        "persons": [
            {"id": "john-q-public", "name": "John Q. Public", "sources": [council]},
            {"id": "jane-roe", "name": "Jane Roe", "summary": "Councillor", "sources": [council]},
        ],
        "organizations": [
            {
                "id": "city-council",
                "name": "City Council",
                "classification": "legislature",
                "founding_date": "1972",
                "sources": [council],
            },
            {
                "id": "finance-committee",
                "name": "Finance Committee",
                "classification": "committee",
                "parent_id": "city-council",
                "founding_date": "2013-01-01",
                "dissolution_date": "2021-05",
                "sources": [council],
            },
            {
                "id": "abc-inc",
                "name": "ABC, Inc.",
                "classification": "company",
                "sources": [council],
            },
        ],
        "posts": [
            {
                "id": "chair-finance",
                "label": "Chair of the Finance Committee",
                "role": "Chair",
                "organization_id": "finance-committee",
            }
        ],
        "memberships": [
            {
                "id": "john-on-council",
                "person_id": "john-q-public",
                "organization_id": "city-council",
                "role": "Councillor",
                "start_date": "2013-06-01",
                "end_date": "2017-05-31",
                "sources": [council],
            },
            {
                "person_id": "jane-roe",
                "post_id": "chair-finance",
                "start_date": "2017-06",
                "end_date": "2021",
                "sources": [minutes],
            },
            {
                "member": {"@type": "Organization", "id": "abc-inc"},
                "organization_id": "city-council",
                "start_date": "2014",
                "sources": [council],
            },
        ],
    }
    if edit is not None:
        edit(document)
    return json.dumps(document, indent=2, ensure_ascii=False)


def line_of(text: str, fragment: str) -> int:
    """The line of the object that holds `fragment` (its opening brace is on the line before)."""
    return text[: text.index(fragment)].count("\n")


def popolo_source(url: str) -> str:
    return "popolo-" + hashlib.sha1(url.encode()).hexdigest()[:12]


async def test_a_good_popolo_document_reads_to_nodes_and_ties() -> None:
    text = popolo_document()
    batch = read_files([("council.json", text.encode())])

    council, minutes = (
        popolo_source("https://example.org/council"),
        popolo_source("https://example.org/minutes/2017-06"),
    )
    nodes = {node.id: node for node in batch.nodes}
    assert nodes[council] == Node(
        NodeKind.SOURCE,
        council,
        "The council's members page",
        sources=(council,),
        url="https://example.org/council",
    )
    assert nodes[minutes].name == "https://example.org/minutes/2017-06", "no note: the url"
    assert nodes["john-q-public"] == Node(
        NodeKind.PERSON, "john-q-public", "John Q. Public", sources=(council,)
    )
    assert nodes["jane-roe"].description == "Councillor"
    committee = nodes["finance-committee"]
    assert committee.kind is NodeKind.ORGANISATION
    assert (committee.start, committee.end) == ("2013-01-01", "2021-05")
    assert committee.description == "committee"
    assert sum(1 for node in batch.nodes if node.kind is NodeKind.SOURCE) == 2

    ties = {tie.id: tie for tie in batch.ties}
    assert ties["john-on-council"] == Tie(
        TieType.MEMBER_OF,
        "john-q-public",
        "city-council",
        "john-on-council",
        role="Councillor",
        start="2013-06-01",
        end="2017-05-31",
        sources=(council,),
    )
    (chair,) = [t for t in batch.ties if t.source == "jane-roe"]
    assert chair.id.startswith("popolo-membership-")
    assert (chair.type, chair.target) == (TieType.MEMBER_OF, "finance-committee"), "the post's"
    assert (chair.role, chair.start, chair.end) == (
        "Chair of the Finance Committee",
        "2017-06",
        "2021",
    )
    assert chair.sources == (minutes,)
    (abc,) = [t for t in batch.ties if t.source == "abc-inc"]
    assert (abc.type, abc.target, abc.start, abc.end) == (
        TieType.MEMBER_OF,
        "city-council",
        "2014",
        None,
    )
    (subunit,) = [t for t in batch.ties if t.type is TieType.SUBUNIT_OF]
    assert (subunit.source, subunit.target, subunit.sources) == (
        "finance-committee",
        "city-council",
        (council,),
    )
    assert batch.origins["jane-roe"] == ("council.json", line_of(text, '"id": "jane-roe"'))
    assert batch.origins[chair.id] == ("council.json", line_of(text, '"person_id": "jane-roe"'))

    again = read_files([("renamed.json", text.encode())])
    assert [t.id for t in again.ties] == [t.id for t in batch.ties], "ids are stable"
    assert [n.id for n in again.nodes] == [n.id for n in batch.nodes]
    await check_against_store(batch, Store().find_nodes)


def test_a_popolo_source_cited_in_two_files_is_one_node() -> None:
    url = "https://example.org/council"
    other = {"persons": [{"id": "rick-roe", "name": "Rick Roe", "sources": [{"url": url}]}]}
    batch = read_files(
        [
            ("a/council.json", popolo_document().encode()),
            ("b/more.json", json.dumps(other).encode()),
        ]
    )
    assert [n.id for n in batch.nodes].count(popolo_source(url)) == 1
    assert batch.origins[popolo_source(url)][0] == "a/council.json"


def test_a_utf8_bom_is_accepted() -> None:
    batch = read_files([("nodes.csv", b"\xef\xbb\xbfid,kind,name\np,PERSON,P\n")])
    assert [n.id for n in batch.nodes] == ["p"]


# --- bad files: each rejected whole, the problem at its file and line -----------------------


def test_an_unknown_csv_column_is_a_problem_on_line_1() -> None:
    problems = rejected(
        [
            ("in/nodes.csv", b"id,kind,name,colour\np,PERSON,P,red\n"),
            ("in/ties.csv", b"id,type,source\nt,MEMBER_OF,p\n"),
        ]
    )
    assert places(problems) == [("in/nodes.csv", 1), ("in/ties.csv", 1)]
    assert "unknown column 'colour'" in problems[0].message
    assert "the required column target is missing" in problems[1].message


def test_an_unknown_jsonl_field_is_a_problem_on_its_line() -> None:
    problems = rejected([("a.jsonl", jsonl(person("p"), person("q", colour="red")))])
    assert places(problems) == [("a.jsonl", 2)]
    assert "unknown field 'colour'" in problems[0].message


def test_a_field_of_another_kind_is_a_problem() -> None:
    problems = rejected([("a.jsonl", jsonl(person("p", orgType="NGO")))])
    assert places(problems) == [("a.jsonl", 1)]
    assert "orgType does not apply to a PERSON" in problems[0].message


@pytest.mark.parametrize(
    ("file", "data", "line", "words"),
    [
        ("a.jsonl", jsonl(person("p"), person("q", start="2013-13")), 2, "start: '2013-13'"),
        ("a.jsonl", jsonl(person("p", end="13.6.2013")), 1, "end: '13.6.2013'"),
        ("nodes.csv", b"id,kind,name,start\np,PERSON,P,2013\nq,PERSON,Q,2013-02-30\n", 3, "start"),
        ("sources.csv", b"id,title,date\ns,S,last year\n", 2, "date: 'last year'"),
    ],
)
def test_a_bad_date_is_a_problem_on_its_line(file: str, data: bytes, line: int, words: str) -> None:
    problems = rejected([(file, data)])
    assert places(problems) == [(file, line)]
    assert words in problems[0].message


def test_a_bad_popolo_date_names_the_popolo_field_and_the_objects_line() -> None:
    text = popolo_document(lambda d: d["memberships"][2].update(start_date="1.1.2014"))
    problems = rejected([("council.json", text.encode())])
    assert places(problems) == [("council.json", line_of(text, '"@type": "Organization"') - 1)]
    assert "start_date: '1.1.2014'" in problems[0].message


async def test_a_tie_to_a_node_that_exists_nowhere_is_a_problem_on_its_line() -> None:
    ties = b"id,type,source,target,sources\nt1,MEMBER_OF,p,o,s\nt2,MEMBER_OF,ghost,o,s\n"
    nodes = b"id,kind,name,sources\np,PERSON,P,s\n"
    batch = read_files([("nodes.csv", nodes), ("ties.csv", ties)])
    assert batch.dangling_ends() == ["ghost", "o"]
    source = Node(NodeKind.SOURCE, "s", "S", sources=("s",))
    organisation = Node(NodeKind.ORGANISATION, "o", "O", sources=("s",))
    store = Store(source, organisation)

    problems = await store_rejects(batch, store)

    assert places(problems) == [("ties.csv", 3)]
    assert "'ghost'" in problems[0].message
    assert len(store.calls) == 1, "one lookup for the whole batch"
    assert set(store.calls[0]) == {"p", "o", "ghost", "s"}


def test_a_duplicate_id_names_both_places() -> None:
    problems = rejected(
        [
            ("people.jsonl", jsonl(person("p"), person("q"))),
            ("nodes.csv", b"id,kind,name\nr,PERSON,R\nq,PERSON,Q again\n"),
        ]
    )
    assert places(problems) == [("nodes.csv", 3)]
    assert "node id 'q' is already used at people.jsonl:2" in problems[0].message


def test_a_duplicate_tie_id_in_one_file_names_both_lines() -> None:
    tie = {"tie": "MEMBER_OF", "id": "t", "source": "p", "target": "o", "sources": [SOURCE]}
    problems = rejected([("a.jsonl", jsonl(tie, person("p"), {**tie, "target": "o2"}))])
    assert places(problems) == [("a.jsonl", 3)]
    assert "tie id 't' is already used by another tie at a.jsonl:1" in problems[0].message


async def test_a_missing_source_is_a_problem_on_the_citing_line() -> None:
    batch = read_files(
        [
            (
                "a.jsonl",
                jsonl(
                    person("p"),
                    person("q", sources=["nowhere"]),
                    {"kind": "PERSON", "id": "r", "name": "R"},
                    {"tie": "MEMBER_OF", "id": "t", "source": "p", "target": "o"},
                    person("c", claims=[{"field": "name", "value": "C", "sources": ["p"]}]),
                ),
            )
        ]
    )
    source = Node(NodeKind.SOURCE, SOURCE, "S", sources=(SOURCE,))
    organisation = Node(NodeKind.ORGANISATION, "o", "O", sources=(SOURCE,))

    problems = await store_rejects(batch, Store(source, organisation))

    assert places(problems) == [("a.jsonl", 2), ("a.jsonl", 3), ("a.jsonl", 4), ("a.jsonl", 5)]
    assert "cites 'nowhere', which is in neither these files nor the store" in problems[0].message
    assert "node 'r' cites no source" in problems[1].message
    assert "tie 't' cites no source" in problems[2].message
    assert "cites 'p', which is a PERSON, not a SOURCE" in problems[3].message


def test_a_jsonl_file_cut_mid_line_is_a_problem_on_the_last_line() -> None:
    whole = jsonl(person("p"), person("q"), person("r"))
    problems = rejected([("a.jsonl", whole[: whole.rindex(b'"name"') + 3])])
    assert places(problems) == [("a.jsonl", 3)]
    assert "cut short" in problems[0].message


def test_a_csv_file_cut_mid_row_is_a_problem_on_the_last_line() -> None:
    problems = rejected([("nodes.csv", GOOD_NODES_CSV[: GOOD_NODES_CSV.rindex(b",SPARRING")])])
    assert places(problems) == [("nodes.csv", 6)]
    assert "the row has 10 cells but the header has 12; the file seems to be cut short" in (
        problems[0].message
    )


def test_a_csv_file_cut_inside_a_quoted_cell_is_a_problem_where_the_row_starts() -> None:
    problems = rejected(
        [("nodes.csv", GOOD_NODES_CSV[: GOOD_NODES_CSV.index("työelämän".encode())])]
    )
    assert places(problems) == [("nodes.csv", 2)]
    assert "unexpected end of data" in problems[0].message


def test_a_popolo_file_cut_short_is_a_problem_at_jsons_line() -> None:
    text = popolo_document()
    cut = text[: text.index('"post_id"')]
    problems = rejected([("council.json", cut.encode())])
    assert places(problems) == [("council.json", cut.count("\n") + 1)]
    assert "cut short" in problems[0].message


@pytest.mark.parametrize("file", ["a.jsonl", "nodes.csv", "council.json"])
def test_a_file_not_in_utf8_is_a_problem_at_the_first_bad_byte(file: str) -> None:
    latin1 = "id,kind,name\np,PERSON,P\nm,PERSON,Jukka Mäkelä\n".encode("latin-1")
    problems = rejected([(file, latin1)])
    assert places(problems) == [(file, 3)]
    assert "not UTF-8: byte 0xE4" in problems[0].message


@pytest.mark.parametrize(
    ("record", "words"),
    [
        (person("p", kind="PERSONS"), "kind 'PERSONS' is not one of PERSON, ORGANISATION"),
        (person("p", kind="Person"), "kind 'Person' is not one of PERSON, ORGANISATION"),
        (
            {"kind": "ORGANISATION", "id": "o", "name": "O", "sector": "GOVERNMENT"},
            "sector 'GOVERNMENT' is not one of PUBLIC, PRIVATE",
        ),
        (
            {"tie": "SITS_ON", "id": "t", "source": "p", "target": "g", "seatType": "MAYOR"},
            "seatType 'MAYOR' is not one of ELECTED_OFFICIAL, CIVIL_SERVANT",
        ),
        ({"tie": "KNOWS", "id": "t", "source": "p", "target": "g"}, "tie 'KNOWS' is not one of"),
    ],
)
def test_an_unknown_enum_value_is_a_problem_on_its_line(
    record: dict[str, object], words: str
) -> None:
    problems = rejected([("a.jsonl", jsonl(person("q"), record))])
    assert places(problems) == [("a.jsonl", 2)]
    assert words in problems[0].message


def test_an_unknown_enum_value_in_csv_is_a_problem_on_its_line() -> None:
    problems = rejected([("ties.csv", b"id,type,source,target\nt,MEMBER,p,o\n")])
    assert places(problems) == [("ties.csv", 2)]
    assert "type 'MEMBER' is not one of MEMBER_OF" in problems[0].message


@pytest.mark.parametrize(
    ("file", "data", "line", "words"),
    [
        ("a.jsonl", jsonl(person("p", start="2015", end="2013-12")), 1, "start 2015 is after end"),
        ("ties.csv", b"id,type,source,target,start,end\nt,MEMBER_OF,p,o,2020-02,2020-01\n", 2, ""),
    ],
)
def test_start_after_end_is_a_problem_on_its_line(
    file: str, data: bytes, line: int, words: str
) -> None:
    problems = rejected([(file, data)])
    assert places(problems) == [(file, line)]
    assert "is after end" in problems[0].message
    assert words in problems[0].message


def test_start_and_end_in_the_same_year_at_different_precision_are_not_reversed() -> None:
    batch = read_files([("a.jsonl", jsonl(person("p", start="2015", end="2015-03")))])
    assert batch.nodes[0].start == "2015"


def test_popolo_dissolution_before_founding_names_the_popolo_fields() -> None:
    text = popolo_document(
        lambda d: d["organizations"][0].update(founding_date="2030", dissolution_date="2000")
    )
    problems = rejected([("council.json", text.encode())])
    assert places(problems) == [("council.json", line_of(text, '"id": "city-council"'))]
    assert problems[0].message == "founding_date 2030 is after dissolution_date 2000"


def test_several_problems_in_one_file_are_all_reported() -> None:
    problems = rejected(
        [
            (
                "a.jsonl",
                jsonl(
                    {"kind": "PERSON", "name": "No id"},
                    person("p", start="yesterday", sector="PUBLIC"),
                    "[1, 2]",
                    {"tie": "MEMBER_OF", "id": "t", "source": 7, "target": "o"},
                    person("q"),
                    '{"kind": "PERSON", "id": "r"',
                ),
            )
        ]
    )
    assert places(problems) == [
        ("a.jsonl", 1),
        ("a.jsonl", 2),
        ("a.jsonl", 2),
        ("a.jsonl", 3),
        ("a.jsonl", 4),
        ("a.jsonl", 6),
    ]
    messages = [p.message for p in problems]
    assert messages[0] == "id is missing"
    assert "sector does not apply to a PERSON node" in messages[1:3]
    assert "start: 'yesterday' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD" in messages
    assert messages[3] == "a line must be a JSON object, not a list"
    assert messages[4] == "source must be text, not a number"
    assert messages[5].startswith("not valid JSON"), "not cut short: the file ends with a newline"


def test_popolo_problems_name_the_line_of_each_object() -> None:
    def edit(document: dict[str, Any]) -> None:
        del document["persons"][0]["name"]
        document["memberships"][1]["post_id"] = "chair-budget"

    text = popolo_document(edit)
    problems = rejected([("council.json", text.encode())])
    assert places(problems) == [
        ("council.json", line_of(text, '"id": "john-q-public"')),
        ("council.json", line_of(text, '"person_id": "jane-roe"')),
        ("council.json", line_of(text, '"person_id": "jane-roe"')),
    ]
    assert problems[0].message == "name is missing"
    assert problems[1].message == "post_id 'chair-budget' names no post in this document"
    assert problems[2].message == "organization_id is missing", "the post would have given it"


def test_an_unknown_kind_of_file_lists_the_accepted_names() -> None:
    problems = rejected([("people.xlsx", b"PK"), ("a.jsonl", jsonl(person("p")))])
    assert places(problems) == [("people.xlsx", None)]
    assert "nodes.csv, ties.csv, sources.csv" in problems[0].message


async def test_ties_must_join_the_kinds_their_type_allows() -> None:
    batch = read_files(
        [
            (
                "a.jsonl",
                jsonl(
                    person("p"),
                    {"kind": "PROJECT", "id": "x", "name": "X", "sources": [SOURCE]},
                    {
                        "tie": "SITS_ON",
                        "id": "t",
                        "source": "p",
                        "target": "x",
                        "sources": [SOURCE],
                    },
                ),
            )
        ]
    )
    source = Node(NodeKind.SOURCE, SOURCE, "S", sources=(SOURCE,))
    problems = await store_rejects(batch, Store(source))
    assert places(problems) == [("a.jsonl", 3)]
    assert "SITS_ON cannot join a PERSON to a PROJECT (it joins PERSON to PROGRAMME)" in (
        problems[0].message
    )


async def test_a_node_stored_as_another_kind_is_a_problem() -> None:
    batch = read_files([("a.jsonl", jsonl(person("espoo")))])
    stored = Node(NodeKind.ORGANISATION, "espoo", "Espoo", sources=(SOURCE,))
    source = Node(NodeKind.SOURCE, SOURCE, "S", sources=(SOURCE,))
    problems = await store_rejects(batch, Store(stored, source))
    assert places(problems) == [("a.jsonl", 1)]
    assert "stored as an ORGANISATION, not a PERSON" in problems[0].message


def test_the_rejection_lists_twenty_problems_and_counts_the_rest() -> None:
    lines = [person(f"p{i}", start="never") for i in range(25)]
    with pytest.raises(ImportRejected) as caught:
        read_files([("a.jsonl", jsonl(*lines))])
    error = caught.value
    assert isinstance(error, BadInputError)
    assert error.field == "files"
    assert len(error.problems) == 25
    text = str(error).splitlines()
    assert text[0].endswith("25 problems.")
    assert text[1].startswith("a.jsonl:1: start: 'never'")
    assert text[20].startswith("a.jsonl:20: ")
    assert text[21] == "and 5 more"
    assert str(Problem("x.json", None, "bad")) == "x.json: bad"


def test_several_problems_in_one_csv_file_are_all_reported() -> None:
    data = (
        b"id,kind,name,start,sources\n"
        b'p,PERSON,"Mr "P"",2013,s\n'
        b"q,PERSONA,Q,2013,s\n"
        b"r,PERSON,R,2013-13,s\n"
        b"s,PERSON,S\n"
    )
    problems = rejected([("nodes.csv", data)])
    assert places(problems) == [
        ("nodes.csv", 2),
        ("nodes.csv", 3),
        ("nodes.csv", 4),
        ("nodes.csv", 5),
    ]


def test_a_semicolon_separated_csv_file_is_one_problem_on_line_1() -> None:
    problems = rejected([("nodes.csv", b"id;kind;name\np;PERSON;P\n")])
    assert places(problems) == [("nodes.csv", 1)]
    assert "separated by ';'" in problems[0].message


def test_a_popolo_member_must_agree_with_its_type() -> None:
    def edit(document: dict[str, Any]) -> None:
        document["memberships"][2]["member"] = {"@type": "Person", "id": "abc-inc"}

    text = popolo_document(edit)
    problems = rejected([("council.json", text.encode())])
    assert places(problems) == [("council.json", line_of(text, '"@type": "Person"') - 1)]
    assert (
        problems[0].message == "member 'abc-inc' is a Person by its @type but is in organizations"
    )
