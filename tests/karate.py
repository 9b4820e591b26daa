"""Zachary's karate club as Poikki knowledge: `tests/fixtures/karate.jsonl`, built from
`networkx.karate_club_graph()` so that the PEOPLE projection of the whole graph is that graph.

Each member is a person (`karate-01` … `karate-34`, Zachary's numbering, so vertex i of the
projection is networkx's node i − 1). Each tie of weight w (the number of contexts in which
Zachary saw the two interact) is w events, each with the two members taking part: the
projection ties two members once per shared event, so with SHARED weighting, and with NEWMAN
(1/(2 − 1) per two-member event), each tie weighs w. Each member is a member of the club the
faction they sided with formed (networkx's `club`), so the ORGANISATION boundary is the split.

Rebuild the fixture with `.venv/bin/python -m tests.karate`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

FIXTURE = Path(__file__).parent / "fixtures" / "karate.jsonl"
SOURCE = "zachary-1977"
CLUBS = {"Mr. Hi": "karate-club-mr-hi", "Officer": "karate-club-officer"}


def member(vertex: int) -> str:
    """The person id of networkx's node `vertex`."""
    return f"karate-{vertex + 1:02d}"


def karate_records() -> list[dict[str, Any]]:
    graph = nx.karate_club_graph()
    cited = {"sources": [SOURCE]}
    records: list[dict[str, Any]] = [
        {
            "kind": "SOURCE",
            "id": SOURCE,
            "title": "An information flow model for conflict and fission in small groups",
            "publisher": "Journal of Anthropological Research 33(4), 452-473",
            "date": "1977",
            "url": "https://doi.org/10.1086/jar.33.4.3629752",
            "language": "en",
        },
        {"kind": "ORGANISATION", "id": CLUBS["Mr. Hi"], "name": "Mr. Hi's club", **cited},
        {"kind": "ORGANISATION", "id": CLUBS["Officer"], "name": "The officers' club", **cited},
    ]
    for vertex, club in sorted(graph.nodes(data="club")):
        records.append({"kind": "PERSON", "id": member(vertex), "name": f"Member {vertex + 1}"})
        records[-1].update(cited)
        records.append(
            {
                "tie": "MEMBER_OF",
                "id": f"{member(vertex)}-club",
                "source": member(vertex),
                "target": CLUBS[club],
                **cited,
            }
        )
    for u, v, weight in sorted(graph.edges(data="weight")):
        for k in range(1, weight + 1):
            event = f"{member(u)}-{member(v)}-{k}"
            records.append(
                {
                    "kind": "EVENT",
                    "id": event,
                    "name": f"Interaction {k} of members {u + 1} and {v + 1}",
                    **cited,
                }
            )
            for who in (u, v):
                records.append(
                    {
                        "tie": "TOOK_PART_IN",
                        "id": f"{event}-{member(who)}",
                        "source": member(who),
                        "target": event,
                        **cited,
                    }
                )
    return records


def karate_jsonl() -> str:
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in karate_records())


if __name__ == "__main__":
    FIXTURE.write_text(karate_jsonl(), encoding="utf-8")
