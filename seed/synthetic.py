"""A reproducible synthetic collaboration graph for scale tests, marked synthetic in its sources.

Shape: programmes hold projects; people work for organisations and take part in projects with
heavy-tailed activity (a few people and projects gather most ties); organisations partner in
projects; each programme has a steering group half of elected officials and half of civil
servants. Every node and tie cites one Source that says the data is synthetic.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from itertools import accumulate

from graph.model import Node, NodeKind, OrgType, SeatType, Sector, Tie, TieType

SOURCE_ID = "synthetic-generator"
_SECTORS = (
    [Sector.PUBLIC] * 5
    + [Sector.PRIVATE] * 2
    + [Sector.THIRD_SECTOR] * 2
    + [
        Sector.ACADEMIC,
        Sector.RESIDENTS,
    ]
)
_ORG_TYPES = {
    Sector.PUBLIC: (OrgType.CITY_BRANCH, OrgType.MUNICIPALITY, OrgType.JOINT_AUTHORITY),
    Sector.PRIVATE: (OrgType.COMPANY,),
    Sector.THIRD_SECTOR: (OrgType.NGO,),
    Sector.ACADEMIC: (OrgType.RESEARCH, OrgType.SCHOOL),
    Sector.RESIDENTS: (OrgType.RESIDENT_GROUP,),
}
_BRANCHES = ("General administration", "Social and health", "Education and culture", "Technical")


@dataclass(frozen=True)
class Shape:
    people: int
    organisations: int
    programmes: int
    projects: int

    @classmethod
    def for_people(cls, people: int) -> Shape:
        return cls(
            people=people,
            organisations=max(3, people // 10),
            programmes=max(2, people // 2000),
            projects=max(4, people // 20),
        )


def synthetic_graph(
    people: int, seed: int = 0, *, projects: int | None = None, participation: float = 1.0
) -> tuple[list[Node], list[Tie]]:
    """`participation` scales how many projects each person takes part in (the heavy-tailed
    draw and its cap of 30 are multiplied by it): 1.0, the default, gives about 3.3 ties per
    person; 4.5 gives about 11.7, so that 86,000 people make 100k nodes and 1.0M ties (the
    benchmarks' large graph). At 1.0 the output is exactly what it was before the parameter
    existed (the tests rely on it)."""
    if participation <= 0:
        raise ValueError("participation must be positive")
    shape = Shape.for_people(people)
    most_projects = round(30 * participation)
    if projects is not None:
        shape = replace(shape, projects=projects)
    rng = random.Random(seed)
    source = (SOURCE_ID,)
    nodes: list[Node] = [
        Node(
            NodeKind.SOURCE,
            SOURCE_ID,
            f"Synthetic collaboration graph (seed {seed}, {people} people"
            + (f", participation {participation:g})" if participation != 1.0 else ")"),
            sources=source,
            publisher="Poikki synthetic generator",
            description="Generated for scale tests: synthetic, not knowledge.",
        )
    ]
    ties: list[Tie] = []

    def tie(
        type_: TieType, a: str, b: str, role: str | None = None, seat_type: SeatType | None = None
    ) -> None:
        ties.append(
            Tie(type_, a, b, f"syn-t{len(ties)}", role=role, seat_type=seat_type, sources=source)
        )

    municipalities = [f"Synthetic municipality {i}" for i in range(1, 6)]
    org_ids = [f"syn-org-{i}" for i in range(shape.organisations)]
    for org_id in org_ids:
        sector = rng.choice(_SECTORS)
        public = sector is Sector.PUBLIC
        nodes.append(
            Node(
                NodeKind.ORGANISATION,
                org_id,
                f"Synthetic organisation {org_id[8:]}",
                sources=source,
                sector=sector,
                org_type=rng.choice(_ORG_TYPES[sector]),
                municipality=rng.choice(municipalities),
                branch=rng.choice(_BRANCHES) if public else None,
            )
        )

    programme_ids = [f"syn-programme-{i}" for i in range(shape.programmes)]
    for i, programme_id in enumerate(programme_ids):
        start = 2013 + 4 * (i % 3)
        nodes.append(
            Node(
                NodeKind.PROGRAMME,
                programme_id,
                f"Synthetic programme {i}",
                sources=source,
                start=str(start),
                end=str(start + 4),
            )
        )

    project_ids = [f"syn-project-{i}" for i in range(shape.projects)]
    for i, project_id in enumerate(project_ids):
        programme = rng.randrange(shape.programmes)
        start = 2013 + 4 * (programme % 3) + rng.randrange(4)
        nodes.append(
            Node(
                NodeKind.PROJECT,
                project_id,
                f"Synthetic project {i}",
                sources=source,
                start=f"{start}-{rng.randrange(1, 13):02d}",
                end=str(start + rng.randrange(1, 4)),
            )
        )
        tie(TieType.PART_OF, project_id, programme_ids[programme])
        for org in rng.sample(org_ids, k=min(len(org_ids), 1 + int(rng.paretovariate(2.0)))):
            tie(TieType.PARTNER_IN, org, project_id, role="partner")
        if rng.random() < 0.3:
            outcome_id = f"syn-outcome-{i}"
            nodes.append(
                Node(NodeKind.OUTCOME, outcome_id, f"Synthetic outcome {i}", sources=source)
            )
            tie(TieType.PRODUCED, project_id, outcome_id)

    # Popularity falls off as rank^-0.5 for projects (a few large ones, none with a sizeable
    # share of everyone) and rank^-0.8 for employers; cumulative weights keep draws O(log n).
    project_weights = list(accumulate(1.0 / (rank + 1) ** 0.5 for rank in range(shape.projects)))
    org_weights = list(accumulate(1.0 / (rank + 1) ** 0.8 for rank in range(shape.organisations)))
    for i in range(people):
        person_id = f"syn-person-{i}"
        nodes.append(Node(NodeKind.PERSON, person_id, f"Synthetic person {i}", sources=source))
        tie(
            TieType.EMPLOYED_BY,
            person_id,
            rng.choices(org_ids, cum_weights=org_weights)[0],
            role="employee",
        )
        activity = min(most_projects, int(participation * rng.paretovariate(1.6)))
        for project in set(rng.choices(project_ids, cum_weights=project_weights, k=activity)):
            role = "project manager" if rng.random() < 0.05 else "participant"
            type_ = TieType.LEADS if role == "project manager" else TieType.PARTICIPATES_IN
            tie(type_, person_id, project, role=role)

    for programme_id in programme_ids:
        for seat in range(8):
            seat_type = SeatType.ELECTED_OFFICIAL if seat % 2 == 0 else SeatType.CIVIL_SERVANT
            member = f"syn-person-{rng.randrange(people)}"
            tie(
                TieType.SITS_ON,
                member,
                programme_id,
                role="chair" if seat == 0 else "member",
                seat_type=seat_type,
            )
    return _unique_seats(nodes, ties)


def _unique_seats(nodes: list[Node], ties: list[Tie]) -> tuple[list[Node], list[Tie]]:
    seen: set[tuple[TieType, str, str]] = set()
    kept = []
    for t in ties:
        key = (t.type, t.source, t.target)
        if t.type is TieType.SITS_ON and key in seen:
            continue
        seen.add(key)
        kept.append(t)
    return nodes, kept
