"""Crash safety of the embedded database under a real `poikki serve`: the server is killed with
SIGKILL while a large import is being written, and restarted on the same data dir. The database
must open, hold all or none of the import, keep every earlier write, and take the import again.

Figures (import size, seconds until the kill, restart seconds, outcome) are printed: run with
`pytest -s` to see them. POIKKI_CRASH_PEOPLE sets the import's size (default 15,000 people),
POIKKI_CRASH_KILL_DELAY_MS when the kill comes (below)."""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from graph.model import NodeKind
from resolvers import global_ids
from tests.documents import IMPORT
from tests.live_server import GraphQL, Server, editor_token

PEOPLE = int(os.environ.get("POIKKI_CRASH_PEOPLE", "15000"))
KILL_DELAY = float(os.environ.get("POIKKI_CRASH_KILL_DELAY_MS", "0")) / 1000
"""How long after the database starts writing the import the server is killed: 0 kills it while
the write-ahead log is being written; 0.1 (100 ms) or more, once the log holds the whole import."""
KILL_DEADLINE = 120.0
"""Seconds the import may take before the database starts writing it: beyond, the test fails."""
WAL = "poikki.lbug.wal"
"""The embedded database's write-ahead log: committed transactions go there first."""

SEED_PROGRAMME = "espoon-kehitysohjelmat-2013-2017"
SEED_ORGANISATION = "espoon-kaupunki"

NODE_SAVED = """
  __typename
  ... on NodeSaved { created node { id slug } }
  ... on InvalidInput { message errors { field message } }
  ... on NotFound { message id }
"""
CREATE_SOURCE = (
    f"mutation ($input: SourceInput!) {{ createSource(input: $input) {{ {NODE_SAVED} }} }}"
)
CREATE_NODE = f"mutation ($input: NodeInput!) {{ createNode(input: $input) {{ {NODE_SAVED} }} }}"
LINK = """
mutation ($input: LinkInput!) {
  link(input: $input) {
    __typename
    ... on TieSaved { created tie { id } }
    ... on InvalidInput { message errors { field message } }
    ... on NotFound { message id }
  }
}
"""
TIE_EDGE = "tieId type role start end seatType sources { slug } node { slug }"
STATE = f"""
query ($ids: [ID!]!) {{
  nodes(ids: $ids) {{
    __typename
    ... on Entity {{ slug kind name description sources {{ slug }} }}
    ... on Source {{ title publisher date url language }}
    ... on Organisation {{ orgType sector municipality }}
    ... on Project {{ start end partners {{ edges {{ {TIE_EDGE} }} }} }}
    ... on Person {{
      steeringSeats {{ edges {{ {TIE_EDGE} }} }}
      memberships {{ edges {{ {TIE_EDGE} }} }}
      initiatives {{ edges {{ {TIE_EDGE} }} }}
    }}
  }}
}}
"""
PROGRAMMES = (
    "{ programmes(first: 100) { edges { node { slug participants(first: 1) { totalCount } } } } }"
)
BY_IDS = "query ($ids: [ID!]!) { nodes(ids: $ids) { id } }"
COUNT_BY_NAME = (
    "query ($text: String!) { people(filter: {nameContains: $text}, first: 1) { totalCount } }"
)


def gid(kind: NodeKind, slug: str) -> str:
    return global_ids.encode(kind, slug)


# The earlier writes, each as sent and as it must read back (slug -> fields, tie id -> fields).
EARLIER_SOURCE: dict[str, Any] = {
    "id": "crash-earlier-source",
    "title": "Kaupunginhallituksen pöytäkirja 3.4.2018",
    "publisher": "Espoon kaupunki",
    "date": "2018-04-03",
    "url": "https://espoo.example/kh-2018-04-03",
    "language": "fi",
}
EARLIER_NODES: list[dict[str, Any]] = [
    {
        "kind": "PERSON",
        "id": "crash-earlier-anna",
        "name": "Anna Ennenkuin",
        "description": "Written before the crash.",
    },
    {
        "kind": "ORGANISATION",
        "id": "crash-earlier-yhdistys",
        "name": "Ennen kaatumista ry",
        "orgType": "NGO",
        "sector": "THIRD_SECTOR",
        "municipality": "Espoo",
    },
    {
        "kind": "PROJECT",
        "id": "crash-earlier-hanke",
        "name": "Kaatumaton hanke",
        "start": "2018-03",
        "end": "2019",
    },
]
EARLIER_LINKS: list[dict[str, Any]] = [
    {
        "type": "SITS_ON",
        "id": "crash-earlier-anna-seat",
        "source": gid(NodeKind.PERSON, "crash-earlier-anna"),
        "target": gid(NodeKind.PROGRAMME, SEED_PROGRAMME),
        "role": "chair",
        "seatType": "ELECTED_OFFICIAL",
        "start": "2018-04",
        "end": "2021-05",
    },
    {
        "type": "EMPLOYED_BY",
        "id": "crash-earlier-anna-job",
        "source": gid(NodeKind.PERSON, "crash-earlier-anna"),
        "target": gid(NodeKind.ORGANISATION, "crash-earlier-yhdistys"),
        "role": "toiminnanjohtaja",
        "start": "2017",
    },
    {
        "type": "PARTNER_IN",
        "id": "crash-earlier-yhdistys-partner",
        "source": gid(NodeKind.ORGANISATION, "crash-earlier-yhdistys"),
        "target": gid(NodeKind.PROJECT, "crash-earlier-hanke"),
        "role": "lead partner",
    },
]
SMALL_IMPORT: list[dict[str, Any]] = [
    {
        "kind": "SOURCE",
        "id": "crash-small-source",
        "title": "Hankesuunnitelma 2018",
        "publisher": "Ennen kaatumista ry",
        "date": "2018-05",
    },
    {
        "kind": "PERSON",
        "id": "crash-small-bertta",
        "name": "Bertta Pienimuotoinen",
        "sources": ["crash-small-source"],
    },
    {
        "tie": "LEADS",
        "id": "crash-small-bertta-leads",
        "source": "crash-small-bertta",
        "target": "crash-earlier-hanke",
        "role": "project manager",
        "start": "2018-05",
        "sources": ["crash-small-source", "crash-earlier-source"],
    },
    {
        "tie": "MEMBER_OF",
        "id": "crash-small-bertta-member",
        "source": "crash-small-bertta",
        "target": SEED_ORGANISATION,
        "role": "valtuutettu",
        "sources": ["crash-small-source"],
    },
]


def expected_earlier_state() -> dict[str, Any]:
    """What the earlier writes must read back as, from what was sent."""
    blank_node = {"description": None}
    nodes: dict[str, dict[str, Any]] = {
        "crash-earlier-source": blank_node
        | {"kind": "SOURCE", "name": EARLIER_SOURCE["title"]}
        | {k: v for k, v in EARLIER_SOURCE.items() if k != "id"},
        "crash-small-source": blank_node
        | {
            "kind": "SOURCE",
            "name": "Hankesuunnitelma 2018",
            "sources": ["crash-small-source"],
            "title": "Hankesuunnitelma 2018",
            "publisher": "Ennen kaatumista ry",
            "date": "2018-05",
            "url": None,
            "language": None,
        },
        "crash-small-bertta": blank_node
        | {"kind": "PERSON", "name": "Bertta Pienimuotoinen", "sources": ["crash-small-source"]},
    }
    for node in EARLIER_NODES:
        fields = {k: v for k, v in node.items() if k != "id"}
        nodes[str(node["id"])] = blank_node | fields | {"sources": ["crash-earlier-source"]}

    def tie(fields: dict[str, Any], source: str, target: str, sources: list[str]) -> dict[str, Any]:
        kept = ("type", "role", "start", "end", "seatType")
        blank = {"role": None, "start": None, "end": None, "seatType": None}
        return (
            blank
            | {k: fields[k] for k in kept if k in fields}
            | {
                "source": source,
                "target": target,
                "sources": sorted(sources),
            }
        )

    ties = {
        str(link["id"]): tie(
            link,
            global_ids.decode(str(link["source"]))[1],
            global_ids.decode(str(link["target"]))[1],
            ["crash-earlier-source"],
        )
        for link in EARLIER_LINKS
    }
    for line in SMALL_IMPORT:
        if "tie" in line:
            fields = {"type": line["tie"], **line}
            ties[str(line["id"])] = tie(fields, line["source"], line["target"], line["sources"])
    return {"nodes": nodes, "ties": ties}


EARLIER_IDS = [
    gid(NodeKind.SOURCE, "crash-earlier-source"),
    gid(NodeKind.SOURCE, "crash-small-source"),
    gid(NodeKind.PERSON, "crash-earlier-anna"),
    gid(NodeKind.PERSON, "crash-small-bertta"),
    gid(NodeKind.ORGANISATION, "crash-earlier-yhdistys"),
    gid(NodeKind.PROJECT, "crash-earlier-hanke"),
]


def earlier_state(client: GraphQL) -> dict[str, Any]:
    """The earlier writes as the server reads them back: every node and tie with its values."""
    found = client.data(STATE, {"ids": EARLIER_IDS})["nodes"]
    assert None not in found, f"an earlier node is missing: {found}"
    nodes: dict[str, dict[str, Any]] = {}
    ties: dict[str, dict[str, Any]] = {}

    def add_ties(edges: list[dict[str, Any]], owner: str, owner_is_source: bool) -> None:
        for edge in edges:
            other = edge["node"]["slug"]
            if not edge["tieId"].startswith("crash-"):
                continue  # a seed tie of a seed node
            ties[edge["tieId"]] = {
                "type": edge["type"],
                "role": edge["role"],
                "start": edge["start"],
                "end": edge["end"],
                "seatType": edge["seatType"],
                "source": owner if owner_is_source else other,
                "target": other if owner_is_source else owner,
                "sources": sorted(s["slug"] for s in edge["sources"]),
            }

    for node in found:
        slug = node["slug"]
        fields = {
            k: v
            for k, v in node.items()
            if k
            not in {"__typename", "slug", "partners", "steeringSeats", "memberships"}
            | {"initiatives"}
        }
        fields["sources"] = sorted(s["slug"] for s in node["sources"])
        if node["__typename"] == "Project":
            add_ties(node["partners"]["edges"], slug, owner_is_source=False)
        if node["__typename"] == "Person":
            for connection in ("steeringSeats", "memberships", "initiatives"):
                add_ties(node[connection]["edges"], slug, owner_is_source=True)
        nodes[slug] = fields
    return {"nodes": nodes, "ties": ties}


def differences(found: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    """Each node or tie that is missing, unexpected or has other values, with both versions."""
    found_items = {(part, key): value for part in found for key, value in found[part].items()}
    expected_items = {
        (part, key): value for part in expected for key, value in expected[part].items()
    }
    return [
        f"{part} {key}: found {found_items.get((part, key))}, expected "
        f"{expected_items.get((part, key))}"
        for part, key in sorted(found_items.keys() | expected_items.keys())
        if found_items.get((part, key)) != expected_items.get((part, key))
    ]


def assert_same(found: dict[str, Any], expected: dict[str, Any], what: str) -> None:
    wrong = differences(found, expected)
    assert not wrong, f"{what}:\n" + "\n".join(wrong)


def make_earlier_writes(editor: GraphQL) -> None:
    saved = editor.data(CREATE_SOURCE, {"input": EARLIER_SOURCE})["createSource"]
    assert saved["__typename"] == "NodeSaved", saved
    source_id = saved["node"]["id"]
    for node in EARLIER_NODES:
        saved = editor.data(CREATE_NODE, {"input": node | {"sources": [source_id]}})["createNode"]
        assert saved["__typename"] == "NodeSaved", saved
        assert saved["created"] is True
    for link in EARLIER_LINKS:
        tie = editor.data(LINK, {"input": link | {"sources": [source_id]}})["link"]
        assert tie["__typename"] == "TieSaved", tie
        assert tie["created"] is True
    content = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in SMALL_IMPORT)
    summary = editor.data(IMPORT, {"files": [{"name": "small.jsonl", "content": content}]})
    assert summary["importBatch"] == summary_of(created=(2, 2))


def summary_of(
    *, created: tuple[int, int] = (0, 0), unchanged: tuple[int, int] = (0, 0)
) -> dict[str, Any]:
    return {
        "__typename": "ImportSummary",
        "createdNodes": created[0],
        "updatedNodes": 0,
        "unchangedNodes": unchanged[0],
        "createdTies": created[1],
        "updatedTies": 0,
        "unchangedTies": unchanged[1],
    }


class BigImport:
    """A Source, `people` people and a PARTICIPATES_IN tie from each to a seed programme. The
    ties are spread over every programme: merging ties into one node slows down as it gains
    them, and the import's time should grow with its size alone."""

    TAG = "Kaatumistesti"

    def __init__(self, people: int, programmes: list[str]) -> None:
        self.people = people
        self.slugs = [f"crash-big-{i:06d}" for i in range(people)]
        self.person_ids = [gid(NodeKind.PERSON, slug) for slug in self.slugs]
        self.ties_per_programme = {p: 0 for p in programmes}
        lines: list[dict[str, Any]] = [
            {"kind": "SOURCE", "id": "crash-big-source", "title": f"{self.TAG}: lähde"},
        ]
        for i, slug in enumerate(self.slugs):
            programme = programmes[i % len(programmes)]
            self.ties_per_programme[programme] += 1
            lines.append(
                {
                    "kind": "PERSON",
                    "id": slug,
                    "name": f"{self.TAG} {i:06d}",
                    "sources": ["crash-big-source"],
                }
            )
            lines.append(
                {
                    "tie": "PARTICIPATES_IN",
                    "id": f"{slug}-tie",
                    "source": slug,
                    "target": programme,
                    "role": "osallistuja",
                    "sources": ["crash-big-source"],
                }
            )
        self.content = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
        self.files = [{"name": "kaatumistesti.jsonl", "content": self.content}]

    def found(self, client: GraphQL, baseline: dict[str, int]) -> dict[str, int]:
        """How much of the import is in the database, counted exactly: the imported people's
        ids that exist (looked up 100 at a time), the people with the import's name, the
        Source, and the ties, as participants the programmes gained, each of which must be
        none or all of those it was given."""
        people = 0
        for start in range(0, self.people, 100):
            chunk = self.person_ids[start : start + 100]
            people += sum(n is not None for n in client.data(BY_IDS, {"ids": chunk})["nodes"])
        named = client.data(COUNT_BY_NAME, {"text": self.TAG})["people"]["totalCount"]
        source = client.data(BY_IDS, {"ids": [gid(NodeKind.SOURCE, "crash-big-source")]})
        gained = {p: n - baseline[p] for p, n in participants_by_programme(client).items()}
        for programme, ties in gained.items():
            assert ties in (0, self.ties_per_programme[programme]), (programme, ties)
        return {
            "people": people,
            "named": named,
            "source": int(source["nodes"] != [None]),
            "ties": sum(gained.values()),
        }


def participants_by_programme(client: GraphQL) -> dict[str, int]:
    edges = client.data(PROGRAMMES)["programmes"]["edges"]
    return {e["node"]["slug"]: e["node"]["participants"]["totalCount"] for e in edges}


def database_files(data_dir: Path) -> dict[str, int]:
    found = {}
    for path in data_dir.iterdir():
        try:
            found[path.name] = path.stat().st_size
        except FileNotFoundError:
            continue  # renamed or removed between listing and stat
    return found


class Posted:
    """The import POSTed from a background thread; `outcome` is its response or its error."""

    def __init__(self, base: str, token: str, files: list[dict[str, str]]) -> None:
        self.outcome: httpx.Response | BaseException | None = None
        self.finished = threading.Event()
        self.started = time.monotonic()
        self.thread = threading.Thread(target=self._post, args=(base, token, files), daemon=True)
        self.thread.start()

    def _post(self, base: str, token: str, files: list[dict[str, str]]) -> None:
        try:
            self.outcome = httpx.post(
                f"{base}/graphql",
                json={"query": IMPORT, "variables": {"files": files}},
                headers={"Authorization": f"Bearer {token}"},
                timeout=httpx.Timeout(10.0, read=300.0),
            )
        except BaseException as error:
            self.outcome = error
        finally:
            self.finished.set()


def kill_while_written(server: Server, posted: Posted, data_dir: Path) -> dict[str, Any]:
    """SIGKILL the server as soon as the database starts writing the import to disk (the
    write-ahead log grows, or checkpoint files appear), or KILL_DELAY later. Before that the
    server reads the file, checks it against the store and runs the transaction in memory; the
    log is written when the transaction commits."""
    before = database_files(data_dir)
    cpu_before = server.cpu_seconds()
    writing_since: float | None = None
    while True:
        if posted.finished.is_set():
            pytest.fail(
                "The import finished before the server could be killed while writing it "
                f"(after {time.monotonic() - posted.started:.1f} s: {posted.outcome!r}); "
                "make it larger with POIKKI_CRASH_PEOPLE."
            )
        if server.process.poll() is not None:
            pytest.fail(f"The server died by itself:\n{server.read_log()}")
        now = database_files(data_dir)
        if writing_since is None and (
            now.get(WAL, 0) > before.get(WAL, 0) or set(now) - set(before)
        ):
            writing_since = time.monotonic()
        if writing_since is not None and time.monotonic() - writing_since >= KILL_DELAY:
            cpu = server.cpu_seconds() - cpu_before
            server.kill()
            return {
                "seconds_until_kill": time.monotonic() - posted.started,
                "server_cpu_seconds_until_kill": cpu,
                "wal_bytes_before": before.get(WAL, 0),
                "wal_bytes_at_kill": now.get(WAL, 0),
                "files_after_kill": database_files(data_dir),
            }
        if time.monotonic() - posted.started > KILL_DEADLINE:
            pytest.fail(f"The import did not start writing within {KILL_DEADLINE} s")
        time.sleep(0.001)


def test_a_server_killed_while_writing_an_import_restarts_with_all_or_none_of_it(
    tmp_path: Path, record_property: Callable[[str, object], None]
) -> None:
    began = time.monotonic()
    figures: dict[str, Any] = {"people": PEOPLE}
    timeline: dict[str, float] = {}

    def mark(step: str) -> None:
        timeline[step] = time.monotonic() - began

    data_dir = tmp_path / "data"
    token = editor_token(data_dir, "crash-test editor")  # `serve` then loads the demo into it
    mark("token")
    servers: list[Server] = []
    try:
        server = Server(data_dir)
        servers.append(server)
        figures["first_start_seconds"] = server.wait_healthy()
        mark("started")
        with GraphQL(server.base, token) as editor:
            make_earlier_writes(editor)
            before = earlier_state(editor)
            # What createSource's Source itself cites is left out: only that it survives counts.
            written = {"nodes": dict(before["nodes"]), "ties": before["ties"]}
            written["nodes"]["crash-earlier-source"] = {
                k: v for k, v in before["nodes"]["crash-earlier-source"].items() if k != "sources"
            }
            assert_same(written, expected_earlier_state(), "the earlier writes read back wrong")
            baseline = participants_by_programme(editor)
        big = BigImport(PEOPLE, sorted(baseline))
        figures["import_lines"] = 1 + 2 * PEOPLE
        figures["import_bytes"] = len(big.content.encode())
        mark("earlier writes")

        posted = Posted(server.base, token, big.files)
        figures |= kill_while_written(server, posted, data_dir)
        mark("killed")
        assert posted.finished.wait(30), "the import's request did not end when the server died"
        assert isinstance(posted.outcome, httpx.TransportError), (
            f"the import was answered although the server was killed: {posted.outcome!r}"
        )

        restarted = Server(data_dir)
        servers.append(restarted)
        try:
            figures["restart_seconds"] = restarted.wait_healthy()
        except AssertionError as error:
            figures["outcome"] = "DOES NOT OPEN"
            pytest.fail(f"The database did not open again after the crash. {error}")
        mark("restarted")
        with GraphQL(restarted.base, token, timeout=180) as editor:
            found = big.found(editor, baseline)
            figures["found_after_restart"] = found
            everything = {"people": PEOPLE, "named": PEOPLE, "source": 1, "ties": PEOPLE}
            nothing = dict.fromkeys(everything, 0)
            outcome = "ALL" if found == everything else "NONE" if found == nothing else "PARTIAL"
            figures["outcome"] = outcome
            assert outcome != "PARTIAL", f"the killed import is partly in the database: {found}"
            assert_same(earlier_state(editor), before, "earlier writes changed or were lost")
            mark("checked")

            started = time.monotonic()
            again = editor.post(IMPORT, {"files": big.files})
            figures["reimport_seconds"] = time.monotonic() - started
            assert not again.get("errors"), again["errors"]
            if outcome == "NONE":
                assert again["data"]["importBatch"] == summary_of(created=(PEOPLE + 1, PEOPLE))
            else:
                assert again["data"]["importBatch"] == summary_of(unchanged=(PEOPLE + 1, PEOPLE))
            assert big.found(editor, baseline) == everything
            assert_same(earlier_state(editor), before, "earlier writes changed on importing")
            mark("imported again")
        assert restarted.stop() == 0, restarted.read_log()
        mark("stopped")
    finally:
        for running in servers:
            running.kill()
        figures["timeline"] = {step: round(at, 1) for step, at in timeline.items()}
        report = " ".join(
            f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}" for k, v in figures.items()
        )
        print(f"\ncrash safety: {report}")
        for key, value in figures.items():
            record_property(key, value)
