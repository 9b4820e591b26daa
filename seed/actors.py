"""Constructors for the kinds of node the seed modules write many of."""

from __future__ import annotations

from graph.model import EventType, Node, NodeKind, OrgType, Sector


def person(id: str, name: str, *sources: str, description: str | None = None) -> Node:
    return Node(NodeKind.PERSON, id, name, sources=sources, description=description)


def organisation(
    id: str,
    name: str,
    *sources: str,
    org_type: OrgType,
    sector: Sector,
    municipality: str | None = None,
    branch: str | None = None,
    description: str | None = None,
) -> Node:
    return Node(
        NodeKind.ORGANISATION,
        id,
        name,
        sources=sources,
        org_type=org_type,
        sector=sector,
        municipality=municipality,
        branch=branch,
        description=description,
    )


def initiative(
    kind: NodeKind,
    id: str,
    name: str,
    *sources: str,
    start: str | None = None,
    end: str | None = None,
    description: str | None = None,
) -> Node:
    return Node(kind, id, name, sources=sources, start=start, end=end, description=description)


def event(
    id: str,
    name: str,
    *sources: str,
    event_type: EventType,
    start: str | None = None,
    end: str | None = None,
    description: str | None = None,
) -> Node:
    return Node(
        NodeKind.EVENT,
        id,
        name,
        sources=sources,
        event_type=event_type,
        start=start,
        end=end,
        description=description,
    )
