"""Writers and readers in parallel against one real `poikki serve` over loopback, then counted.

Each writer imports, again and again, a batch that is atomic by construction: a new person and
a tie from that person to the writer's programme. Readers look at the writers' people (by id,
including the one being written, and as a listing) and at the programmes' participants, and
check that no read is torn (a person without its tie, a tie without its person) or stale (a
confirmed write missing from a read that began after the confirmation). Afterwards every
confirmed write must be in the database and nothing else but writes whose response was lost.

The run lasts POIKKI_SOAK_SECONDS (default 8); the figures are printed (`pytest -s`)."""

from __future__ import annotations

import json
import os
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from graph.model import NodeKind
from resolvers import global_ids
from tests.documents import IMPORT
from tests.live_server import GraphQL, Server, editor_token

SECONDS = float(os.environ.get("POIKKI_SOAK_SECONDS", "8"))
WRITERS = 3
READERS = 3
HTTP_TIMEOUT = 120.0
"""Generous: a busy two-core machine may answer many times slower than an idle one."""
MAX_ITERATIONS = 1_000_000
"""Every loop is bounded by this as well as by the clock. Each thread does at least one
iteration whatever the clock says, so the counts checked below do not depend on how soon a busy
machine starts the threads."""
JOIN_MARGIN = HTTP_TIMEOUT + 30.0
"""How long after the end of the run a thread may take to finish before it counts as hung."""
SOURCE = "espoo-news-2017-03-02"

CONFIRMED = {
    "__typename": "ImportSummary",
    "createdNodes": 1,
    "updatedNodes": 0,
    "unchangedNodes": 0,
    "createdTies": 1,
    "updatedTies": 0,
    "unchangedTies": 0,
}
PERSON_TIES = "initiatives(first: 10) { totalCount edges { tieId type node { slug } } }"
BY_IDS = f"query ($ids: [ID!]!) {{ nodes(ids: $ids) {{ ... on Person {{ slug {PERSON_TIES} }} }} }}"
LATEST = f"""
query ($text: String!) {{
  people(filter: {{nameContains: $text}}, orderBy: {{field: ID, direction: DESC}}, first: 20) {{
    totalCount edges {{ node {{ slug {PERSON_TIES} }} }}
  }}
}}
"""
PARTICIPANTS = """
query ($id: ID!) {
  node(id: $id) { ... on Programme {
    participants(first: 100) {
      totalCount edges { tieId type node { ... on Person { slug name } } }
    }
  } }
}
"""
EVERY_PERSON = f"""
query ($after: String) {{
  people(filter: {{nameContains: "Soak W"}}, orderBy: {{field: ID}}, first: 100, after: $after) {{
    totalCount pageInfo {{ hasNextPage endCursor }} edges {{ node {{ slug {PERSON_TIES} }} }}
  }}
}}
"""
PROGRAMMES = "{ programmes(first: 100) { edges { node { id slug } } } }"
PARTICIPANT_COUNT = (
    "query ($id: ID!) { node(id: $id) { ... on Programme { participants(first: 1) "
    "{ totalCount } } } }"
)


def slug_of(writer: int, iteration: int) -> str:
    return f"soak-w{writer}-{iteration:06d}"


def name_of(writer: int, iteration: int) -> str:
    return f"Soak W{writer} {iteration:06d}"


def batch(writer: int, iteration: int, programme: str) -> list[dict[str, str]]:
    slug = slug_of(writer, iteration)
    lines = [
        {"kind": "PERSON", "id": slug, "name": name_of(writer, iteration), "sources": [SOURCE]},
        {
            "tie": "PARTICIPATES_IN",
            "id": f"{slug}-tie",
            "source": slug,
            "target": programme,
            "sources": [SOURCE],
        },
    ]
    content = "".join(json.dumps(line) + "\n" for line in lines)
    return [{"name": f"{slug}.jsonl", "content": content}]


@dataclass
class Writer:
    number: int
    programme: str
    """The programme's slug: every tie this writer makes goes there."""
    programme_id: str
    baseline: int
    """The programme's participants before the run."""
    confirmed: list[int] = field(default_factory=list)
    response_lost: list[int] = field(default_factory=list)
    """Sent, but no answer came (a timeout or a broken connection): may or may not be in."""
    refused: list[tuple[int, str]] = field(default_factory=list)
    """Answered with anything but the confirmation: must not be in the database."""
    attempting: int = -1
    """The iteration being sent now (or last sent)."""
    confirmed_count: int = 0
    """len(confirmed), published after each confirmation for the readers."""
    finished: bool = False


@dataclass
class ReaderTally:
    reads: int = 0
    torn: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def write(writer: Writer, base: str, token: str, stop_at: float) -> None:
    with GraphQL(base, token, timeout=HTTP_TIMEOUT) as client:
        for iteration in range(MAX_ITERATIONS):
            if iteration and time.monotonic() >= stop_at:
                break
            writer.attempting = iteration
            files = batch(writer.number, iteration, writer.programme)
            try:
                response = client.http.post(
                    "/graphql", json={"query": IMPORT, "variables": {"files": files}}
                )
            except httpx.TransportError:
                writer.response_lost.append(iteration)
                continue
            try:
                body = response.json()
                summary = body["data"]["importBatch"]
            except (ValueError, KeyError, TypeError):
                writer.refused.append((iteration, f"{response.status_code} {response.text[:300]}"))
                continue
            if response.status_code == 200 and summary == CONFIRMED and not body.get("errors"):
                writer.confirmed.append(iteration)
                writer.confirmed_count = len(writer.confirmed)
            else:
                writer.refused.append((iteration, f"{response.status_code} {response.text[:300]}"))
    writer.finished = True


def tie_problem(person: dict[str, Any], writer: Writer) -> str | None:
    """Why a person the reader saw is not exactly one person with its one tie; None if it is."""
    ties = person["initiatives"]
    expected = [
        {
            "tieId": f"{person['slug']}-tie",
            "type": "PARTICIPATES_IN",
            "node": {"slug": writer.programme},
        }
    ]
    if ties["edges"] != expected or ties["totalCount"] != 1:
        return f"person {person['slug']} read with ties {ties}"
    return None


def read(number: int, writers: list[Writer], base: str, stop_at: float, tally: ReaderTally) -> None:
    """Three kinds of read in turn, each checked for torn and stale results."""
    rng = random.Random(number)
    participants_seen: dict[int, int] = {}
    with GraphQL(base, timeout=HTTP_TIMEOUT) as client:
        for iteration in range(MAX_ITERATIONS):
            if iteration and time.monotonic() >= stop_at:
                break
            writer = rng.choice(writers)
            # What was confirmed before the read began must be in what it reads.
            confirmed_before = writer.confirmed_count
            confirmed_ids = set(writer.confirmed[:confirmed_before])
            kind = iteration % 3
            asked = _ids_around(writer, confirmed_before)
            try:
                body = client.post(*_query(kind, writer, asked))
            except (httpx.TransportError, AssertionError) as error:
                tally.errors.append(f"reader {number}: {error!r}"[:500])
                continue
            tally.reads += 1
            if body.get("errors"):
                tally.errors.append(f"reader {number}: {body['errors']}"[:500])
                continue
            data = body["data"]
            if kind == 0:
                for wanted, person in zip(asked, data["nodes"], strict=True):
                    if person is None:
                        if wanted in confirmed_ids:
                            tally.stale.append(f"{slug_of(writer.number, wanted)} not found")
                        continue
                    if problem := tie_problem(person, writer):
                        tally.torn.append(problem)
            elif kind == 1:
                people = data["people"]
                if people["totalCount"] < confirmed_before:
                    tally.stale.append(
                        f"writer {writer.number}: {people['totalCount']} people listed, "
                        f"{confirmed_before} confirmed before"
                    )
                for edge in people["edges"]:
                    if problem := tie_problem(edge["node"], writer):
                        tally.torn.append(problem)
            else:
                participants = data["node"]["participants"]
                count = participants["totalCount"]
                if count < writer.baseline + confirmed_before:
                    tally.stale.append(
                        f"{writer.programme}: {count} participants, {writer.baseline} before the "
                        f"run and {confirmed_before} confirmed since"
                    )
                if count < participants_seen.get(writer.number, 0):
                    tally.stale.append(
                        f"{writer.programme}: {count} participants after "
                        f"{participants_seen[writer.number]}"
                    )
                participants_seen[writer.number] = max(
                    count, participants_seen.get(writer.number, 0)
                )
                for edge in participants["edges"]:
                    tie, person = edge["tieId"], edge["node"]
                    if not tie.startswith("soak-"):
                        continue
                    slug = tie.removesuffix("-tie")
                    w, i = int(slug.split("-")[1][1:]), int(slug.split("-")[2])
                    if person != {"slug": slug, "name": name_of(w, i)}:
                        tally.torn.append(f"tie {tie} read with person {person}")


def _ids_around(writer: Writer, confirmed: int) -> list[int]:
    """The last few confirmed iterations, the one being written and the next."""
    newest = max(writer.attempting, confirmed - 1)
    return list(range(max(0, confirmed - 3), newest + 2))


def _query(kind: int, writer: Writer, asked: list[int]) -> tuple[str, dict[str, Any]]:
    if kind == 0:
        ids = [global_ids.encode(NodeKind.PERSON, slug_of(writer.number, i)) for i in asked]
        return BY_IDS, {"ids": ids}
    if kind == 1:
        return LATEST, {"text": f"Soak W{writer.number} "}
    return PARTICIPANTS, {"id": writer.programme_id}


def everything_written(client: GraphQL) -> dict[str, dict[str, Any]]:
    """Every soak person in the database, with their ties, page by page."""
    found: dict[str, dict[str, Any]] = {}
    after = None
    for _ in range(MAX_ITERATIONS):
        people = client.data(EVERY_PERSON, {"after": after})["people"]
        found |= {edge["node"]["slug"]: edge["node"] for edge in people["edges"]}
        if not people["pageInfo"]["hasNextPage"]:
            break
        after = people["pageInfo"]["endCursor"]
    return found


def participant_count(client: GraphQL, programme_id: str) -> int:
    node = client.data(PARTICIPANT_COUNT, {"id": programme_id})["node"]
    count: int = node["participants"]["totalCount"]
    return count


def test_parallel_writers_and_readers_lose_nothing_and_never_read_half_a_write(
    tmp_path: Path, record_property: Callable[[str, object], None]
) -> None:
    data_dir = tmp_path / "data"
    token = editor_token(data_dir, "soak editor")  # `serve` then loads the demo
    server = Server(data_dir)
    figures: dict[str, Any] = {"seconds": SECONDS, "writers": WRITERS, "readers": READERS}
    try:
        server.wait_healthy()
        with GraphQL(server.base, timeout=HTTP_TIMEOUT) as client:
            programmes = sorted(
                (edge["node"]["slug"], edge["node"]["id"])
                for edge in client.data(PROGRAMMES)["programmes"]["edges"]
            )
            baseline = {gid: participant_count(client, gid) for _, gid in programmes[:WRITERS]}
        writers = [
            Writer(n, slug, gid, baseline[gid])
            for n, (slug, gid) in enumerate(programmes[:WRITERS])
        ]
        tallies = [ReaderTally() for _ in range(READERS)]
        started = time.monotonic()
        stop_at = started + SECONDS
        threads = [
            threading.Thread(target=write, args=(w, server.base, token, stop_at), daemon=True)
            for w in writers
        ] + [
            threading.Thread(target=read, args=(n, writers, server.base, stop_at, t), daemon=True)
            for n, t in enumerate(tallies)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=max(0.0, stop_at + JOIN_MARGIN - time.monotonic()))
        figures["run_seconds"] = time.monotonic() - started
        hung = [thread.name for thread in threads if thread.is_alive()]
        assert not hung, f"threads still running {JOIN_MARGIN} s after the end (deadlock?)"
        assert server.process.poll() is None, f"the server died:\n{server.read_log()}"

        with GraphQL(server.base, timeout=HTTP_TIMEOUT) as client:
            found = everything_written(client)
            participants = {w.number: participant_count(client, w.programme_id) for w in writers}
        confirmed = {slug_of(w.number, i) for w in writers for i in w.confirmed}
        response_lost = {slug_of(w.number, i) for w in writers for i in w.response_lost}
        refused = {slug_of(w.number, i) for w in writers for i, _ in w.refused}
        whole = {
            slug
            for slug, person in found.items()
            if tie_problem(person, _writer_of(slug, writers)) is None
        }
        figures |= {
            "writes_confirmed": len(confirmed),
            "writes_found": len(confirmed & whole),
            "writes_lost": len(confirmed - whole),
            "responses_lost": len(response_lost),
            "responses_lost_but_written": len(response_lost & set(found)),
            "writes_refused": len(refused),
            "refused_but_written": len(refused & set(found)),
            "unexpected_people": len(set(found) - confirmed - response_lost),
            "half_written": len(set(found) - whole),
            "reads": sum(t.reads for t in tallies),
            "torn_reads": sum(len(t.torn) for t in tallies),
            "stale_reads": sum(len(t.stale) for t in tallies),
            "errors": sum(len(t.errors) for t in tallies),
            "writes_per_second": len(confirmed) / figures["run_seconds"],
        }
        details = {
            "lost": sorted(confirmed - whole)[:10],
            "half written": {s: found[s]["initiatives"] for s in sorted(set(found) - whole)[:5]},
            "refused": [r for w in writers for r in w.refused][:5],
            "torn": [x for t in tallies for x in t.torn][:5],
            "stale": [x for t in tallies for x in t.stale][:5],
            "errors": [x for t in tallies for x in t.errors][:5],
        }
        assert figures["writes_confirmed"] > 0, "no write was confirmed"
        assert figures["reads"] > 0, "no read was done"
        assert figures["writes_lost"] == 0, details
        assert figures["half_written"] == 0, details
        assert figures["unexpected_people"] == 0, details
        assert figures["refused_but_written"] == 0, details
        assert figures["writes_refused"] == 0, details
        assert figures["torn_reads"] == 0, details
        assert figures["stale_reads"] == 0, details
        assert figures["errors"] == 0, details
        for w in writers:
            mine = {slug for slug in whole if slug.startswith(f"soak-w{w.number}-")}
            assert participants[w.number] == w.baseline + len(mine)
        assert server.stop() == 0, server.read_log()
    finally:
        server.kill()
        report = " ".join(
            f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}" for k, v in figures.items()
        )
        print(f"\nconcurrency: {report}")
        for key, value in figures.items():
            record_property(key, value)


def _writer_of(slug: str, writers: list[Writer]) -> Writer:
    return writers[int(slug.split("-")[1][1:])]
