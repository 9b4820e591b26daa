"""The linked-data exports read by real consumers: rdflib parses the JSON-LD, pyld expands its
@context offline through a loader that serves only the shipped file, and `poikki import` reads
the Popolo export back with nothing changed. Counts are checked against the graph as loaded."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
import rdflib
from pyld import jsonld
from rdflib.namespace import PROV, RDF, SKOS
from typer.testing import CliRunner

from graph.exports.identifiers import Identifier, popolo_identifiers, same_as_links
from graph.exports.jsonld import NODE_IRI, context_text, tie_iri, write_jsonld
from graph.exports.linked import LinkedGraph
from graph.exports.popolo import write_popolo
from graph.model import Claim, Node, NodeKind, Tie, TieType
from resolvers import global_ids
from seed.knowledge import seed_graph
from seed.synthetic import synthetic_graph
from server.cli import app
from server.settings import Settings
from tests.conftest import GraphQLClient
from tests.curators import Curators, curators_of
from tests.databases import load_copy
from tests.documents import IMPORT

SCHEMA = rdflib.Namespace("http://schema.org/")
ORG = rdflib.Namespace("http://www.w3.org/ns/org#")
FIXTURE = Path(__file__).parent / "fixtures" / "popolo-spec-example.json"
# rdflib's own JSON-LD parser (7.6) builds a ConjunctiveGraph inside, whatever it parses into.
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")


def node_iri(node: Node) -> rdflib.URIRef:
    return rdflib.URIRef(NODE_IRI + global_ids.encode(node.kind, node.id))


def offline_loader(context_url: str) -> Callable[..., dict[str, Any]]:
    """A pyld document loader that knows one document, the shipped context, and refuses the
    network: expansion fails if anything else is asked for."""

    def load(url: str, options: Any = None) -> dict[str, Any]:
        if url != context_url:
            raise AssertionError(f"the expansion asked for {url}")
        document = json.loads(context_text())
        return {"contextUrl": None, "documentUrl": url, "document": document}

    return load


def expanded_graph(data: bytes, context_url: str) -> rdflib.Graph:
    """The document expanded by pyld (offline), then parsed by rdflib with no context left.
    Expansion drops a key the context does not define: here that fails the test."""

    def dropped(name: str | None) -> None:
        raise AssertionError(f"the context does not define '{name}'")

    expanded = jsonld.expand(
        json.loads(data), {"documentLoader": offline_loader(context_url)}, dropped
    )
    graph = rdflib.Graph()
    graph.parse(data=json.dumps(expanded), format="json-ld")
    return graph


def typed(graph: rdflib.Graph, kind: rdflib.URIRef) -> set[rdflib.term.Node]:
    return set(graph.subjects(RDF.type, kind))


def check_against(graph: rdflib.Graph, nodes: list[Node], ties: list[Tie]) -> None:
    """Every person, organisation and tie of the graph is there once, and every statement
    derives from exactly the sources its tie cites."""
    by_id = {node.id: node for node in nodes}
    people = {node_iri(n) for n in nodes if n.kind is NodeKind.PERSON}
    organisations = {node_iri(n) for n in nodes if n.kind is NodeKind.ORGANISATION}
    assert typed(graph, SCHEMA.Person) == people
    assert typed(graph, ORG.Organization) == organisations
    statements = typed(graph, RDF.Statement)
    assert statements == {rdflib.URIRef(tie_iri(t.id)) for t in ties}
    for tie in ties:
        statement = rdflib.URIRef(tie_iri(tie.id))
        derived = set(graph.objects(statement, PROV.wasDerivedFrom))
        assert derived, tie
        assert derived == {node_iri(by_id[s]) for s in tie.sources}
        assert (statement, RDF.subject, node_iri(by_id[tie.source])) in graph
        assert (statement, RDF.object, node_iri(by_id[tie.target])) in graph
        starts = [str(v) for v in graph.objects(statement, SCHEMA.startDate)]
        ends = [str(v) for v in graph.objects(statement, SCHEMA.endDate)]
        assert (starts, ends) == ([tie.start] if tie.start else [], [tie.end] if tie.end else [])
        roles = [
            str(label)
            for role in graph.objects(statement, ORG.role)
            for label in graph.objects(role, SKOS.prefLabel)
        ]
        assert roles == ([tie.role] if tie.role else [])
    for node in nodes:
        cited = {node_iri(by_id[s]) for s in node.sources if s != node.id}
        assert set(graph.objects(node_iri(node), PROV.wasDerivedFrom)) == cited
    for source in (n for n in nodes if n.kind is NodeKind.SOURCE):
        assert (node_iri(source), RDF.type, PROV.Entity) in graph
        assert (node_iri(source), rdflib.URIRef("http://purl.org/dc/terms/title"), None) in graph


@pytest.fixture
def curators(make_client: Callable[..., GraphQLClient]) -> Curators:
    return curators_of(make_client(*seed_graph()))


def test_the_demo_as_json_ld_expands_offline_and_every_tie_derives_from_its_sources(
    curators: Curators,
) -> None:
    http = curators.anonymous.http
    response = http.get("/export/jsonld")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/ld+json")
    document = json.loads(response.content)
    context_url = "http://testserver/export/jsonld/context"
    assert document["@context"] == context_url
    served = http.get("/export/jsonld/context")
    assert served.status_code == 200
    assert served.text == context_text()
    nodes, ties = seed_graph()
    check_against(expanded_graph(response.content, context_url), nodes, ties)


def test_a_synthetic_graph_from_the_cli_embeds_its_context_and_rdflib_reads_it(
    tmp_path: Path,
) -> None:
    nodes, ties = synthetic_graph(people=300, seed=3)
    data_dir = tmp_path / "db"
    load_copy(Settings(data_dir=data_dir).database_path, nodes, ties)
    out = tmp_path / "synthetic.jsonld"
    done = CliRunner().invoke(
        app, ["export", "--format", "jsonld", "--out", str(out), "--data-dir", str(data_dir)]
    )
    assert done.exit_code == 0, done.output
    document = json.loads(out.read_bytes())
    assert isinstance(document["@context"], dict)
    graph = rdflib.Graph()
    graph.parse(data=out.read_bytes(), format="json-ld")
    check_against(graph, nodes, ties)


def test_a_seeded_scope_exports_the_same_nodes_as_the_network_formats(
    curators: Curators,
) -> None:
    http = curators.anonymous.http
    seed = global_ids.encode(NodeKind.PERSON, "anna-mari-jaanu")
    network = http.get(f"/export/graphology?seeds={seed}&depth=1").json()
    linked = expanded_graph(
        http.get(f"/export/jsonld?seeds={seed}&depth=1").content,
        "http://testserver/export/jsonld/context",
    )
    named = {str(s) for s in linked.subjects(SCHEMA.name, None)}
    assert named == {NODE_IRI + node["key"] for node in network["nodes"]}
    assert len(typed(linked, RDF.Statement)) == len(network["edges"])


@pytest.mark.parametrize(("name", "value"), [("mode", "PEOPLE"), ("measures", "true")])
def test_a_projection_or_measures_are_refused_for_the_knowledge_formats(
    curators: Curators, name: str, value: str
) -> None:
    for export_format in ("jsonld", "popolo"):
        response = curators.anonymous.http.get(f"/export/{export_format}?{name}={value}")
        assert response.status_code == 400
        assert response.json()["errors"][0]["extensions"] == {
            "code": "BAD_INPUT",
            "parameter": name,
        }


def test_the_demo_as_popolo_imports_back_with_nothing_created_or_updated(
    curators: Curators,
) -> None:
    response = curators.anonymous.http.get("/export/popolo")
    assert response.status_code == 200
    document = response.json()
    nodes, ties = seed_graph()
    people = sorted(n.id for n in nodes if n.kind is NodeKind.PERSON)
    assert sorted(p["id"] for p in document["persons"]) == people
    kept = {TieType.MEMBER_OF, TieType.EMPLOYED_BY, TieType.SUBUNIT_OF}
    written = [m for m in document["memberships"]] + [
        o for o in document["organizations"] if "parent_id" in o
    ]
    assert len(written) == sum(1 for t in ties if t.type in kept)
    before = curators.export("graphml")
    files = [{"name": "demo.popolo.json", "content": response.text}]
    summary = curators.editor.data(IMPORT, {"files": files})["importBatch"]
    assert summary["__typename"] == "ImportSummary", summary
    assert (summary["createdNodes"], summary["updatedNodes"]) == (0, 0)
    assert (summary["createdTies"], summary["updatedTies"]) == (0, 0)
    assert summary["unchangedTies"] == len(written)
    assert curators.export("graphml") == before


DROPPED = {
    "persons": (
        "other_names",
        "email",
        "gender",
        "birth_date",
        "contact_details",
        "links",
    ),
    "organizations": ("other_names", "contact_details"),
    "memberships": ("contact_details",),
}
"""The Popolo fields Poikki keeps no place for (docs/exports.md)."""


def comparable(document: dict[str, Any]) -> dict[str, list[str]]:
    return {
        name: sorted(
            json.dumps({k: v for k, v in item.items() if k not in dropped}, sort_keys=True)
            for item in document[name]
        )
        for name, dropped in DROPPED.items()
    }


def test_a_popolo_document_from_the_spec_imports_and_exports_back_equal(
    make_client: Callable[..., GraphQLClient],
) -> None:
    curators = curators_of(make_client([], []))
    text = FIXTURE.read_text(encoding="utf-8")
    files = [{"name": "spec.popolo.json", "content": text}]
    summary = curators.editor.data(IMPORT, {"files": files})["importBatch"]
    assert summary["__typename"] == "ImportSummary", summary
    assert (summary["createdNodes"], summary["createdTies"]) == (8, 4)
    exported = curators.anonymous.http.get("/export/popolo").json()
    assert comparable(exported) == comparable(json.loads(text))
    again = curators.editor.data(IMPORT, {"files": files})["importBatch"]
    assert (again["createdNodes"], again["updatedNodes"], again["createdTies"]) == (0, 0, 0)


def test_an_unknown_poikki_field_in_popolo_is_refused_with_its_line(curators: Curators) -> None:
    document = {
        "persons": [
            {
                "id": "p",
                "name": "P",
                "poikki": {"shoeSize": "38"},
                "sources": [{"url": "https://example.org/p"}],
            }
        ]
    }
    files = [{"name": "bad.popolo.json", "content": json.dumps(document, indent=1)}]
    rejected = curators.editor.data(IMPORT, {"files": files})["importBatch"]
    assert rejected["__typename"] == "ImportRejected"
    assert [p["line"] for p in rejected["problems"]] == [3]
    assert "poikki.shoeSize" in rejected["problems"][0]["message"]


IDENTIFIERS: list[Identifier] = [
    ("WIKIDATA", "Q1757"),
    ("ORCID", "0000-0002-1825-0097"),
    ("ROR", "040af2s02"),
    ("ISNI", "0000 0001 2103 2683"),
    ("YTUNNUS", "0201256-6"),
    ("URL", "https://www.espoo.fi/"),
    ("WIKIDATA", "not an id"),
    ("SHOE", "38"),
]


def test_identifiers_become_same_as_links_to_the_registers() -> None:
    assert same_as_links(IDENTIFIERS) == [
        "http://www.wikidata.org/entity/Q1757",
        "https://orcid.org/0000-0002-1825-0097",
        "https://ror.org/040af2s02",
        "https://isni.org/isni/0000000121032683",
        "https://tietopalvelu.ytj.fi/yritys/0201256-6",
        "https://www.espoo.fi/",
    ]
    assert popolo_identifiers([("WIKIDATA", "Q1757")]) == [
        {"scheme": "wikidata", "identifier": "Q1757"}
    ]


def _small_linked(identifiers: Callable[[Node], Iterable[Identifier]]) -> LinkedGraph:
    source = Node(NodeKind.SOURCE, "s", "A source", sources=("s",), url="https://example.org/s")
    espoo = Node(NodeKind.ORGANISATION, "espoo", "Espoo", sources=("s",))
    person = Node(NodeKind.PERSON, "p", "P", sources=("s",))
    tie = Tie(TieType.MEMBER_OF, "p", "espoo", "p-espoo", role="member", sources=("s",))
    every = {n.id: n for n in (source, espoo, person)}

    def ties() -> Iterator[Tie]:
        return iter([tie])

    return LinkedGraph(
        nodes=[espoo, person],
        stored_ties=ties,
        tie_count=1,
        node=every.get,
        key_of=lambda n: global_ids.encode(n.kind, n.id),
        identifiers=lambda n: list(identifiers(n)),
    )


def test_identifiers_given_to_the_writers_reach_json_ld_and_popolo() -> None:
    def of(node: Node) -> list[Identifier]:
        return [("WIKIDATA", "Q1757"), ("YTUNNUS", "0201256-6")] if node.id == "espoo" else []

    linked = _small_linked(of)
    graph = rdflib.Graph()
    graph.parse(data=b"".join(write_jsonld(linked)), format="json-ld")
    espoo = rdflib.URIRef(NODE_IRI + global_ids.encode(NodeKind.ORGANISATION, "espoo"))
    assert set(graph.objects(espoo, SCHEMA.sameAs)) == {
        rdflib.URIRef("http://www.wikidata.org/entity/Q1757"),
        rdflib.URIRef("https://tietopalvelu.ytj.fi/yritys/0201256-6"),
    }
    popolo = json.loads(b"".join(write_popolo(linked)))
    assert popolo["organizations"][0]["identifiers"] == [
        {"scheme": "wikidata", "identifier": "Q1757"},
        {"scheme": "ytunnus", "identifier": "0201256-6"},
    ]
    assert "identifiers" not in popolo["persons"][0]


def test_each_source_is_written_once_even_when_in_the_scope_and_a_claim_cites_another() -> None:
    source = Node(NodeKind.SOURCE, "s", "A source", sources=("s",), url="https://example.org/s")
    older = Node(NodeKind.SOURCE, "old", "An older source", sources=("old",))
    claim = Claim("name", "Espoon kauppala", ("old",))
    espoo = Node(NodeKind.ORGANISATION, "espoo", "Espoo", sources=("s",), claims=(claim,))
    every = {n.id: n for n in (source, older, espoo)}
    linked = LinkedGraph(
        nodes=[espoo, source],
        stored_ties=lambda: iter([]),
        tie_count=0,
        node=every.get,
        key_of=lambda n: global_ids.encode(n.kind, n.id),
    )
    document = json.loads(b"".join(write_jsonld(linked)))
    ids = [item["@id"] for item in document["@graph"]]
    assert sorted(ids) == sorted(NODE_IRI + linked.key_of(n) for n in (source, older, espoo))
    graph = rdflib.Graph()
    graph.parse(data=json.dumps(document), format="json-ld")
    (claimed,) = graph.objects(node_iri(espoo), rdflib.URIRef("urn:poikki:vocab:claim"))
    assert set(graph.objects(claimed, PROV.wasDerivedFrom)) == {node_iri(older)}
