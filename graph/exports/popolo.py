"""Popolo JSON (persons, organizations, memberships) that `poikki import` reads back as it was.

What Popolo has a field for is written in Popolo's field; what it has not (an organisation's
sector, a person's claims, a source's id and date, an employment rather than a membership) is
written under the object's `poikki` key, which graph.imports.popolo reads. Only people,
organisations and the ties between them are Popolo's: other kinds and ties are left out.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graph.exports.identifiers import popolo_identifiers
from graph.exports.json_formats import json_items, json_safe
from graph.exports.linked import LinkedGraph
from graph.imports.popolo import EXTENSION, membership_id, source_id, subunit_id
from graph.model import Claim, Node, NodeKind, Tie, TieType

MEMBERSHIP_TYPES = frozenset({TieType.MEMBER_OF, TieType.EMPLOYED_BY, TieType.SUBUNIT_OF})
"""The ties written as memberships: a person's or an organisation's place in an organisation."""


def write_popolo(graph: LinkedGraph) -> Iterator[bytes]:
    parents = _parents(graph)
    yield b'{"persons":['
    people = (n for n in graph.each_node() if n.kind is NodeKind.PERSON)
    yield from json_items(json_safe(_person(graph, node)) for node in people)
    yield b'],"organizations":['
    organisations = (n for n in graph.nodes if n.kind is NodeKind.ORGANISATION)
    yield from json_items(
        json_safe(_organization(graph, node, parents.get(node.id))) for node in organisations
    )
    yield b'],"memberships":['
    memberships = (
        t
        for t in graph.ties()
        if t.type in MEMBERSHIP_TYPES and parents.get(t.source, (None,))[0] != t.id
    )
    yield from json_items(json_safe(_membership(graph, tie)) for tie in memberships)
    yield b"]}"


def _parents(graph: LinkedGraph) -> dict[str, tuple[str, str]]:
    """Organisations whose SUBUNIT_OF tie is just what Popolo's `parent_id` says (its id made
    from the two ends, the unit's own sources, no dates or role): the tie's id and the parent.
    Any other SUBUNIT_OF tie is a membership, so that nothing of it is lost."""
    found: dict[str, tuple[str, str]] = {}
    for tie in graph.stored_ties():
        if tie.type is not TieType.SUBUNIT_OF or tie.source in found:
            continue
        unit = graph.node(tie.source)
        plain = (tie.role, tie.start, tie.end, tie.seat_type) == (None, None, None, None)
        if (
            plain
            and unit is not None
            and tie.id == subunit_id(tie.source, tie.target)
            and tie.sources == unit.sources
        ):
            found[tie.source] = (tie.id, tie.target)
    return found


def _person(graph: LinkedGraph, node: Node) -> dict[str, Any]:
    item: dict[str, Any] = {"id": node.id, "name": node.name}
    item.update(_present(summary=node.description))
    item.update(_common(graph, node))
    item.update(_extension(start=node.start, end=node.end, claims=_claims(node.claims)))
    return item


def _organization(graph: LinkedGraph, node: Node, parent: tuple[str, str] | None) -> dict[str, Any]:
    item: dict[str, Any] = {"id": node.id, "name": node.name}
    item.update(
        _present(
            description=node.description,
            founding_date=node.start,
            dissolution_date=node.end,
            parent_id=parent[1] if parent else None,
        )
    )
    item.update(_common(graph, node))
    item.update(
        _extension(
            sector=node.sector.name if node.sector else None,
            orgType=node.org_type.name if node.org_type else None,
            branch=node.branch,
            municipality=node.municipality,
            claims=_claims(node.claims),
        )
    )
    return item


def _membership(graph: LinkedGraph, tie: Tie) -> dict[str, Any]:
    item: dict[str, Any] = {}
    member = graph.node(tie.source)
    derived = membership_id(tie.source, tie.target, None, tie.role, tie.start, tie.end)
    if tie.type is not TieType.MEMBER_OF or tie.id != derived:
        item["id"] = tie.id
    if member is not None and member.kind is NodeKind.ORGANISATION:
        item["member"] = {"@type": "Organization", "id": tie.source}
    else:
        item["person_id"] = tie.source
    item["organization_id"] = tie.target
    item.update(_present(role=tie.role, start_date=tie.start, end_date=tie.end))
    if tie.sources:
        item["sources"] = [_source_link(graph, s) for s in tie.sources]
    item.update(
        _extension(
            tie=None if tie.type is TieType.MEMBER_OF else tie.type.name,
            seatType=tie.seat_type.name if tie.seat_type else None,
        )
    )
    return item


def _common(graph: LinkedGraph, node: Node) -> dict[str, Any]:
    item: dict[str, Any] = {}
    identifiers = popolo_identifiers(graph.identifiers(node))
    if identifiers:
        item["identifiers"] = identifiers
    if node.sources:
        item["sources"] = [_source_link(graph, s) for s in node.sources]
    return item


def _source_link(graph: LinkedGraph, ident: str) -> dict[str, Any]:
    """Popolo's link `{url, note}`; a Source that is more than a link read from Popolo (an id
    not made from its url, a date, a publisher...) also carries those under `poikki`."""
    source = graph.node(ident) or Node(NodeKind.SOURCE, ident, ident, sources=(ident,))
    link = _present(url=source.url, note=None if source.name == source.url else source.name)
    plain = Node(NodeKind.SOURCE, ident, source.name, sources=(ident,), url=source.url)
    if source.url is not None and ident == source_id(source.url) and source == plain:
        return link
    extension = {
        "id": ident,
        "description": source.description,
        "date": source.start,
        "publisher": source.publisher,
        "language": source.language,
    }
    return link | {EXTENSION: _present(**extension)}


def _claims(claims: tuple[Claim, ...]) -> list[dict[str, Any]] | None:
    """The claims that give a value (one that clears a field has no spelling in an import)."""
    given = [
        {"field": c.field, "value": c.value, "sources": list(c.sources)}
        for c in claims
        if c.value is not None
    ]
    return given or None


def _extension(**values: Any) -> dict[str, Any]:
    present = _present(**values)
    return {EXTENSION: present} if present else {}


def _present(**values: Any) -> dict[str, Any]:
    return {name: value for name, value in values.items() if value is not None}
