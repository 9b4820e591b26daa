"""The demo knowledge holds what the sources state, each fact cited, and its checks can fail."""

from __future__ import annotations

import dataclasses

import pytest

from graph.model import NodeKind, SeatType, TieType
from seed.build import tie
from seed.knowledge import seed_graph, validate

PEOPLE_THE_SOURCES_NAME = {
    "Jukka Mäkelä", "Juha Metso", "Kristiina Mustakallio", "Maria Rysti", "Sirpa Hertell",
    "Pasi Laitala", "Sampo Suihko", "Martti Hellström", "Viula Pakka", "Simon Elo",
    "Mari Immonen", "Johanna Karimäki", "Kai Mykkänen", "Meri Löyttyniemi", "Markku Markkula",
    "Päivi Hoverfält", "Jaana Junkkari", "Anna-Mari Jaanu",
}  # fmt: skip


def test_the_seed_is_consistent_and_every_fact_is_cited() -> None:
    nodes, ties = seed_graph()
    assert validate(nodes, ties) == []
    assert all(node.sources for node in nodes)
    assert all(t.sources for t in ties)


def test_people_are_exactly_those_the_sources_name() -> None:
    nodes, _ = seed_graph()
    assert {n.name for n in nodes if n.kind is NodeKind.PERSON} == PEOPLE_THE_SOURCES_NAME


def test_both_source_texts_are_sources() -> None:
    nodes, ties = seed_graph()
    sources = {n.id: n for n in nodes if n.kind is NodeKind.SOURCE}
    assert sources["espoo-news-2017-03-02"].start == "2017-03-02"
    assert sources["kunteko-blog-2015-11-13"].start == "2015-11-13"
    cited = {c for item in [*nodes, *ties] if item.id not in sources for c in item.sources}
    assert set(sources) == cited, "every Source node is cited by some fact"


def test_steering_seats_are_of_both_kinds_and_chairs_are_elected() -> None:
    _, ties = seed_graph()
    seats = [t for t in ties if t.type is TieType.SITS_ON]
    assert {t.seat_type for t in seats} == {SeatType.ELECTED_OFFICIAL, SeatType.CIVIL_SERVANT}
    for seat in seats:
        if seat.role in {"chair", "vice-chair"}:
            assert seat.seat_type is SeatType.ELECTED_OFFICIAL


def test_the_wellbeing_programme_keeps_both_names() -> None:
    nodes, _ = seed_graph()
    programme = next(n for n in nodes if n.id == "hyvinvoiva-espoo-2017-2021")
    names = {c.value: c.sources for c in programme.claims if c.field == "name"}
    assert names == {
        "Hyvinvointi ja terveys": ("espoo-news-2017-03-02",),
        "Hyvinvoiva Espoo": ("espoonvihreat-2017-10-16",),
    }


def test_nothing_in_the_seed_claims_to_be_synthetic() -> None:
    nodes, _ = seed_graph()
    assert not [n.id for n in nodes if "synthetic" in (n.description or "").lower()]


def test_validate_names_each_problem() -> None:
    nodes, ties = seed_graph()
    person = next(n for n in nodes if n.kind is NodeKind.PERSON)
    outcome = next(n for n in nodes if n.kind is NodeKind.OUTCOME)
    broken_ties = [
        *ties,
        ties[0],
        tie(TieType.SITS_ON, outcome.id, person.id, sources=("espoo-news-2017-03-02",)),
        tie(TieType.LEADS, "nobody", outcome.id, sources=("no-such-source",)),
        dataclasses.replace(ties[1], id="uncited", sources=()),
    ]
    broken_nodes = [*nodes, nodes[-1]]
    problems = "\n".join(validate(broken_nodes, broken_ties))
    assert f"tie id {ties[0].id!r} is used 2 times" in problems
    assert f"node id {nodes[-1].id!r} is used 2 times" in problems
    assert "SITS_ON cannot join Outcome to Person" in problems
    assert "unknown node 'nobody'" in problems
    assert "unknown source 'no-such-source'" in problems
    assert "tie 'uncited' cites no source" in problems


def test_seeding_refuses_an_inconsistent_graph(monkeypatch: pytest.MonkeyPatch) -> None:
    from seed import kunteko

    original = kunteko.ties
    monkeypatch.setattr(
        kunteko,
        "ties",
        lambda: [*original(), tie(TieType.PART_OF, "kunteko-2020", "nowhere", sources=("x",))],
    )
    with pytest.raises(ValueError, match="unknown node 'nowhere'"):
        seed_graph()
