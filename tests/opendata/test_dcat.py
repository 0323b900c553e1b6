"""The DCAT-AP-SE catalogue: it parses back with rdflib in all three formats,
and every node has each property the profile's own specification (bundle.json)
marks mandatory, and each recommended one except those listed with a reason."""

import json
from pathlib import Path

import pytest
from rdflib import RDF, Graph, URIRef

from opendata.dcat import DCAT, DCT, FOAF, VCARD

pytestmark = pytest.mark.django_db

BUNDLE = Path(__file__).parent / "dcat_ap_se" / "bundle.json"
PREFIXES = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "locn": "http://www.w3.org/ns/locn#",
    "odrs": "http://schema.theodi.org/odrs#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "http://schema.org/",
    "adms": "http://www.w3.org/ns/adms#",
    "spdx": "http://spdx.org/rdf/terms#",
    "dcatap": "http://data.europa.eu/r5r/",
    "org": "http://www.w3.org/ns/org#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "geodcat": "http://data.europa.eu/930/",
}
# The profile's groups for the classes we publish, and the rdf:type of their nodes.
CLASSES = {
    "dcat:Catalog": DCAT.Catalog,
    "dcat:Dataset": DCAT.Dataset,
    "dcat:Distribution": DCAT.Distribution,
    "dcat:DataService": DCAT.DataService,
    "dcat:contactPoint": VCARD.Organization,
    "dcat:foaf:Agent": FOAF.Agent,
}
# Recommended properties we leave out, and why.
NOT_PUBLISHED = {
    "dcat:dcterms:spatial_bb_da": "a bounding box: the municipality's area is not a setting",
    "dcat:dcterms:temporal_da": "the registry is current, not a period",
    "vc:hasTelephone": "the municipality publishes an e-mail address only",
    "vc:hasAddress": "the municipality publishes an e-mail address only",
    "org:classification": "no classification of the municipality is configured",
    "dcterms:identifier_agent": "the municipality's organisationsnummer is not a setting",
}


def expand(curie: str) -> URIRef:
    if curie.startswith("http"):
        return URIRef(curie)
    prefix, name = curie.split(":", 1)
    return URIRef(PREFIXES[prefix] + name)


def specification() -> dict[str, list[tuple[str, set[URIRef], bool]]]:
    """Per class: (item id, the properties that satisfy it, mandatory?) for every
    mandatory or recommended item, groups and extensions resolved."""
    templates = {t["id"]: t for t in json.loads(BUNDLE.read_text())["templates"] if "id" in t}

    def properties(item: dict) -> set[URIRef]:
        found = set()
        if item.get("property"):
            found.add(expand(item["property"]))
        if item.get("extends"):
            found |= properties(templates[item["extends"]])
        for child in item.get("items") or []:
            found |= properties(templates.get(child, {}) if isinstance(child, str) else child)
        return found

    spec = {}
    for group in CLASSES:
        rows = []
        for child in templates[group]["items"]:
            item = templates.get(child, {}) if isinstance(child, str) else child
            item_id = child if isinstance(child, str) else item.get("id")
            cardinality = item.get("cardinality", {})
            mandatory = cardinality.get("min", 0) >= 1
            if mandatory or cardinality.get("pref", 0) >= 1:
                rows.append((item_id, properties(item), mandatory))
        spec[group] = rows
    return spec


def catalogue(client, extension: str, rdflib_format: str) -> Graph:
    response = client.get(f"/oppna-data/katalog.{extension}")
    assert response.status_code == 200
    return Graph().parse(data=response.content, format=rdflib_format)


@pytest.mark.parametrize(
    ("extension", "rdflib_format"), [("rdf", "xml"), ("ttl", "turtle"), ("jsonld", "json-ld")]
)
def test_every_mandatory_and_chosen_recommended_property_is_there(client, extension, rdflib_format):
    graph = catalogue(client, extension, rdflib_format)
    missing = []
    for group, rows in specification().items():
        nodes = list(graph.subjects(RDF.type, CLASSES[group]))
        assert nodes, f"no {group} in the catalogue"
        for node in nodes:
            present = set(graph.predicates(node))
            for item_id, properties, mandatory in rows:
                if not mandatory and item_id in NOT_PUBLISHED:
                    continue
                if not properties & present:
                    missing.append(
                        f"{group} {node}: {item_id} ({'mandatory' if mandatory else 'recommended'})"
                    )
    assert missing == []


def test_the_specification_is_read_not_typed(client):
    spec = specification()
    mandatory = {item for rows in spec.values() for item, _p, required in rows if required}
    assert {
        "dcat:dcterms:title_ca",
        "dcat:dataset_ca",
        "dcat:accessURL_di",
        "vc:hasEmail",
    } <= mandatory
    assert sum(len(rows) for rows in spec.values()) > 40


def test_titles_are_in_swedish_and_english_and_every_iri_is_absolute(client, settings):
    graph = catalogue(client, "ttl", "turtle")

    for node in list(graph.subjects(RDF.type, DCAT.Dataset)) + list(
        graph.subjects(RDF.type, DCAT.Catalog)
    ):
        for predicate in (DCT.title, DCT.description):
            assert {o.language for o in graph.objects(node, predicate)} == {"sv", "en"}
    iris = {term for triple in graph for term in triple if isinstance(term, URIRef)}
    assert [i for i in iris if not str(i).startswith(("http://", "https://", "mailto:"))] == []
    assert URIRef(settings.SITE_URL + "/api/hsds/") in iris
    downloads = {str(url) for url in graph.objects(None, DCAT.downloadURL)}
    assert settings.SITE_URL + "/oppna-data/asf-portalen-hsds.json" in downloads
    assert URIRef(settings.OPEN_DATA_LICENCE_URL) in set(graph.objects(None, DCT.license))


def test_the_catalogue_says_when_the_registry_last_changed(client):
    from tests.factories import EnterpriseFactory

    enterprise = EnterpriseFactory()
    graph = catalogue(client, "ttl", "turtle")

    (modified,) = set(graph.objects(next(graph.subjects(RDF.type, DCAT.Catalog)), DCT.modified))
    assert modified.toPython() == enterprise.updated_at
