"""JSON-LD with provenance: every node, and every tie as a statement of its own, derived from
the Source nodes that state it (PROV-O), in schema.org, W3C ORG and Popolo's terms.

The document is `{"@context": ..., "@graph": [...]}`, streamed an object at a time. A tie is
written twice: as the plain triple (`subject predicate object`) that a reader without PROV
follows, and as a reified statement with its own `@id`, its type, dates, role and
`prov:wasDerivedFrom`. Each Source is written, as a `prov:Entity`, where it is first cited.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import quote

from graph.exports.identifiers import same_as_links
from graph.exports.json_formats import json_items, json_safe
from graph.exports.linked import LinkedGraph
from graph.model import Node, NodeKind, Tie, TieType

CONTEXT_FILE = "poikki.context.jsonld"
NODE_IRI = "urn:poikki:node:"
"""Followed by the node's global id (as GraphQL's `node(id)` takes it)."""
TIE_IRI = "urn:poikki:tie:"
"""Followed by the tie's id, percent-encoded."""

NODE_TYPES: Mapping[NodeKind, tuple[str, ...]] = {
    NodeKind.PERSON: ("schema:Person", "person:Person"),
    NodeKind.ORGANISATION: ("org:Organization", "schema:Organization"),
    NodeKind.PROGRAMME: ("poikki:Programme", "schema:Project", "prov:Activity"),
    NodeKind.PROJECT: ("poikki:Project", "schema:Project", "prov:Activity"),
    NodeKind.OUTCOME: ("poikki:Outcome", "schema:CreativeWork", "prov:Entity"),
    NodeKind.SOURCE: ("prov:Entity", "schema:CreativeWork"),
    NodeKind.GOAL: ("poikki:Goal",),
    NodeKind.EVENT: ("schema:Event", "prov:Activity"),
    NodeKind.STORY: ("poikki:Story", "schema:CreativeWork"),
}
STATEMENT = "rdf:Statement"
MEMBERSHIP = "org:Membership"
TIE_PREDICATES: Mapping[TieType, str] = {
    TieType.MEMBER_OF: "org:memberOf",
    TieType.EMPLOYED_BY: "schema:worksFor",
    TieType.SITS_ON: "poikki:sitsOn",
    TieType.LEADS: "poikki:leads",
    TieType.PARTICIPATES_IN: "poikki:participatesIn",
    TieType.PARTNER_IN: "poikki:partnerIn",
    TieType.PART_OF: "schema:isPartOf",
    TieType.PRODUCED: "poikki:produced",
    TieType.ADOPTED: "poikki:adopted",
    TieType.SUBUNIT_OF: "org:subOrganizationOf",
    TieType.CONTINUED_BY: "poikki:continuedBy",
    TieType.RELATED_TO: "poikki:relatedTo",
    TieType.HAS_GOAL: "poikki:hasGoal",
    TieType.HAS_EVENT: "poikki:hasEvent",
    TieType.TOOK_PART_IN: "poikki:tookPartIn",
    TieType.TELLS_OF: "schema:about",
}
MEMBERSHIPS = frozenset({TieType.MEMBER_OF, TieType.EMPLOYED_BY, TieType.SITS_ON})
"""Ties that are an org:Membership: a member's place in an organisation or a steering group,
with its role."""
_DATE_TYPES = {4: "xsd:gYear", 7: "xsd:gYearMonth", 10: "xsd:date"}


@cache
def context_text() -> str:
    """The published context, as shipped in the package."""
    return resources.files("graph.exports").joinpath(CONTEXT_FILE).read_text(encoding="utf-8")


def context() -> dict[str, Any]:
    """The context's definitions (the value of its `@context`)."""
    found: dict[str, Any] = json.loads(context_text())["@context"]
    return found


def node_iri(key: str) -> str:
    return NODE_IRI + key


def tie_iri(tie_id: str) -> str:
    return TIE_IRI + quote(tie_id, safe="")


def write_jsonld(graph: LinkedGraph) -> Iterator[bytes]:
    head = graph.context_url if graph.context_url is not None else context()
    text = json.dumps({"@context": head}, ensure_ascii=False, separators=(",", ":"))
    yield f'{text[:-1]},"@graph":['.encode()
    yield from json_items(json_safe(item) for item in _objects(graph))
    yield b"]}"


def _objects(graph: LinkedGraph) -> Iterator[dict[str, Any]]:
    written: set[str] = set()
    """The sources written so far: each once, where it is first cited or in the scope."""
    for node in graph.each_node():
        if node.kind is NodeKind.SOURCE:
            if node.id in written:
                continue
            written.add(node.id)
        yield _node(graph, node)
        yield from _sources(graph, node.sources, written)
        for claim in node.claims:
            yield from _sources(graph, claim.sources, written)
    for tie in graph.ties():
        source, target = graph.node(tie.source), graph.node(tie.target)
        if source is None or target is None:  # a snapshot's ties join its nodes
            continue
        subject, object_ = node_iri(graph.key_of(source)), node_iri(graph.key_of(target))
        yield {"@id": subject, TIE_PREDICATES[tie.type]: {"@id": object_}}
        yield _statement(graph, tie, subject, object_)
        yield from _sources(graph, tie.sources, written)


def _node(graph: LinkedGraph, node: Node) -> dict[str, Any]:
    item: dict[str, Any] = {
        "@id": node_iri(graph.key_of(node)),
        "@type": list(NODE_TYPES[node.kind]),
        "identifier": node.id,
    }
    if node.kind is NodeKind.SOURCE:
        item["title"] = node.name
        item.update(_present(datePublished=_date(node.start), publisher=node.publisher))
        item.update(_present(url=node.url, inLanguage=node.language))
    else:
        item["name"] = node.name
        item.update(_present(startDate=_date(node.start), endDate=_date(node.end)))
    item.update(_present(description=node.description, municipality=node.municipality))
    item.update(_present(branch=node.branch))
    for name, value in (
        ("sector", node.sector),
        ("orgType", node.org_type),
        ("eventType", node.event_type),
    ):
        if value is not None:
            item[name] = value.name
    links = same_as_links(graph.identifiers(node))
    if links:
        item["sameAs"] = links
    cited = [c for c in node.sources if c != node.id]  # a Source cites itself
    if cited:
        item["wasDerivedFrom"] = [_source_iri(graph, c) for c in cited]
    if node.claims:
        item["claims"] = [
            _present(
                field=claim.field,
                value=claim.value,
                wasDerivedFrom=[_source_iri(graph, c) for c in claim.sources] or None,
            )
            for claim in node.claims
        ]
    return item


def _statement(graph: LinkedGraph, tie: Tie, subject: str, object_: str) -> dict[str, Any]:
    types = [STATEMENT, MEMBERSHIP] if tie.type in MEMBERSHIPS else [STATEMENT]
    item: dict[str, Any] = {
        "@id": tie_iri(tie.id),
        "@type": types,
        "identifier": tie.id,
        "tieType": tie.type.name,
        "subject": subject,
        "predicate": TIE_PREDICATES[tie.type],
        "object": object_,
    }
    if tie.type in MEMBERSHIPS:
        item["member"], item["organization"] = subject, object_
    if tie.role is not None:
        item["role"] = {"@type": "org:Role", "label": tie.role}
    item.update(_present(startDate=_date(tie.start), endDate=_date(tie.end)))
    if tie.seat_type is not None:
        item["seatType"] = tie.seat_type.name
    if tie.sources:
        item["wasDerivedFrom"] = [_source_iri(graph, s) for s in tie.sources]
    return item


def _sources(graph: LinkedGraph, cited: tuple[str, ...], written: set[str]) -> Iterator[Any]:
    for ident in cited:
        if ident in written:
            continue
        written.add(ident)
        source = graph.node(ident)
        if source is not None:
            yield _node(graph, source)


def _source_iri(graph: LinkedGraph, ident: str) -> str:
    source = graph.node(ident) or Node(NodeKind.SOURCE, ident, ident)
    return node_iri(graph.key_of(source))


def _date(text: str | None) -> dict[str, str] | None:
    """A date of reduced precision as the XML Schema type of that precision."""
    if text is None:
        return None
    kind = _DATE_TYPES.get(len(text))
    return {"@value": text, "@type": kind} if kind else {"@value": text}


def _present(**values: Any) -> dict[str, Any]:
    return {name: value for name, value in values.items() if value is not None}
