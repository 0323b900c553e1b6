"""The portal's DCAT-AP-SE catalogue (the Swedish profile of DCAT-AP that
Sveriges dataportal harvests) as an rdflib graph. No queries: the caller
passes when the registry last changed.

One catalogue, one publisher (the municipality), two datasets (the registry
of social enterprises and partners; the partners' sessions), their
distributions (the HSDS API, the JSON download, the CSV, the calendar feed) and the API as a
data service. Every IRI is absolute, as the portal requires.
"""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef

DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
DCATAP = Namespace("http://data.europa.eu/r5r/")
EU = "http://publications.europa.eu/resource/authority/"
THEMES = URIRef(EU + "data-theme")
PUBLIC = URIRef(EU + "access-right/PUBLIC")
STABLE = URIRef(EU + "planned-availability/STABLE")
LANGUAGES = [URIRef(EU + "language/SWE"), URIRef(EU + "language/ENG")]
SWEDEN = URIRef(EU + "country/SWE")
LOCAL_AUTHORITY = URIRef("http://purl.org/adms/publishertype/LocalAuthority")
HSDS = URIRef("https://docs.openreferral.org/en/latest/hsds/overview.html")
ICALENDAR = URIRef("https://www.rfc-editor.org/rfc/rfc5545")
ISSUED = datetime.date(2026, 12, 3)  # when the portal first published the catalogue


def _url(name: str, **kwargs) -> URIRef:
    with translation.override("sv"):
        return URIRef(settings.SITE_URL + reverse(name, kwargs=kwargs or None))


def _texts(graph: Graph, node, predicate, sv: str, en: str) -> None:
    graph.add((node, predicate, Literal(sv, lang="sv")))
    graph.add((node, predicate, Literal(en, lang="en")))


def catalogue(last_changed: datetime.datetime | None) -> Graph:
    graph = Graph()
    for prefix, namespace in (
        ("dcat", DCAT),
        ("dcterms", DCT),
        ("foaf", FOAF),
        ("vcard", VCARD),
        ("dcatap", DCATAP),
    ):
        graph.bind(prefix, namespace)
    page = _url("opendata_page:page")
    base = str(page) + "katalog#"
    catalog, publisher, contact = (URIRef(base + n) for n in ("katalog", "utgivare", "kontakt"))
    modified = Literal(
        (last_changed or datetime.datetime.now(datetime.UTC)).isoformat(), datatype=XSD.dateTime
    )
    licence = URIRef(settings.OPEN_DATA_LICENCE_URL)
    municipality = settings.MUNICIPALITY_NAME

    graph.add((catalog, RDF.type, DCAT.Catalog))
    _texts(
        graph,
        catalog,
        DCT.title,
        f"ASF-portalen, {municipality}",
        f"ASF-portalen, {municipality}",
    )
    _texts(
        graph,
        catalog,
        DCT.description,
        f"Öppna data från {municipality}: arbetsintegrerande sociala företag, vad de "
        "erbjuder och kommunens samarbetspartner.",
        f"Open data from {municipality}: work-integrating social enterprises, what they "
        "offer, and the municipality's partners.",
    )
    graph.add((catalog, DCT.publisher, publisher))
    graph.add((catalog, DCT.license, licence))
    graph.add((catalog, DCT.issued, Literal(ISSUED.isoformat(), datatype=XSD.date)))
    graph.add((catalog, DCT.modified, modified))
    graph.add((catalog, FOAF.homepage, URIRef(settings.SITE_URL + "/")))
    graph.add((catalog, DCT.spatial, SWEDEN))
    graph.add((catalog, DCAT.themeTaxonomy, THEMES))
    for language in LANGUAGES:
        graph.add((catalog, DCT.language, language))

    graph.add((publisher, RDF.type, FOAF.Agent))
    graph.add((publisher, FOAF.name, Literal(municipality, lang="sv")))
    graph.add((publisher, DCT.type, LOCAL_AUTHORITY))
    _texts(
        graph,
        publisher,
        DCT.description,
        f"{municipality}, som håller ASF-portalen.",
        f"{municipality}, which runs ASF-portalen.",
    )

    graph.add((contact, RDF.type, VCARD.Organization))
    graph.add((contact, VCARD.fn, Literal(f"ASF-portalen, {municipality}")))
    graph.add((contact, VCARD.hasEmail, URIRef(f"mailto:{settings.CONTACT_EMAIL}")))

    api = URIRef(base + "api")
    registry = _dataset(
        graph,
        URIRef(base + "register"),
        titles=(
            "Arbetsintegrerande sociala företag och samarbetspartner",
            "Work-integrating social enterprises and partners",
        ),
        descriptions=(
            "Publicerade sociala företag med erbjudanden, målgrupper, lediga platser och "
            "kommunens kontroller, och samarbetspartner med platser och tillfällen, "
            "enligt Human Services Data Specification (HSDS) 3.0.",
            "Published social enterprises with their offerings, target groups, open places "
            "and the municipality's checks, and partners with their places and sessions, "
            "following the Human Services Data Specification (HSDS) 3.0.",
        ),
        keywords=("sociala företag", "arbetsintegrering", "arbetsträning", "HSDS"),
        conforms_to=HSDS,
        common=(publisher, contact, page, modified),
    )
    sessions = _dataset(
        graph,
        URIRef(base + "tillfallen"),
        titles=("Tillfällen hos samarbetspartner", "Sessions at partners"),
        descriptions=(
            "Kommande rådgivningstillfällen och träffar hos kommunens samarbetspartner.",
            "Upcoming advice sessions and meetings at the municipality's partners.",
        ),
        keywords=("kalender", "rådgivning", "sociala företag"),
        conforms_to=ICALENDAR,
        common=(publisher, contact, page, modified),
    )
    graph.add((catalog, DCAT.dataset, registry))
    graph.add((catalog, DCAT.dataset, sessions))
    graph.add((catalog, DCAT.service, api))

    _distribution(
        graph,
        URIRef(base + "hsds"),
        registry,
        access=_url("opendata:root"),
        media_type="application/json",
        texts=("API enligt HSDS 3.0.", "API following HSDS 3.0."),
        licence=licence,
        service=api,
    )
    _distribution(
        graph,
        URIRef(base + "json"),
        registry,
        access=_url("opendata_page:download"),
        media_type="application/json",
        texts=(
            "Hela registret i en fil: organisationer med sina tjänster enligt HSDS 3.0.",
            "The whole registry in one file: organizations with their services, as HSDS 3.0.",
        ),
        licence=licence,
        download=True,
    )
    _distribution(
        graph,
        URIRef(base + "csv"),
        registry,
        access=_url("registry:enterprise_csv"),
        media_type="text/csv",
        texts=(
            "Alla publicerade sociala företag som CSV.",
            "All published social enterprises as CSV.",
        ),
        licence=licence,
        download=True,
    )
    _distribution(
        graph,
        URIRef(base + "ics"),
        sessions,
        access=_url("registry:partners_calendar"),
        media_type="text/calendar",
        texts=("Alla kommande tillfällen som iCalendar.", "All upcoming sessions as iCalendar."),
        licence=licence,
        download=True,
    )

    graph.add((api, RDF.type, DCAT.DataService))
    _texts(graph, api, DCT.title, "HSDS-API för ASF-portalen", "HSDS API of ASF-portalen")
    graph.add((api, DCAT.endpointURL, _url("opendata:root")))
    graph.add((api, DCAT.endpointDescription, _url("opendata:openapi")))
    graph.add((api, DCAT.contactPoint, contact))
    graph.add((api, DCT.publisher, publisher))
    graph.add((api, DCAT.keyword, Literal("HSDS", lang="sv")))
    graph.add((api, DCT["format"], Literal("application/json")))
    graph.add((api, DCT.accessRights, PUBLIC))
    graph.add((api, DCT.license, licence))
    graph.add((api, DCT.conformsTo, HSDS))
    graph.add((api, DCAT.servesDataset, registry))
    return graph


def _dataset(graph, node, *, titles, descriptions, keywords, conforms_to, common):
    publisher, contact, page, modified = common
    graph.add((node, RDF.type, DCAT.Dataset))
    _texts(graph, node, DCT.title, *titles)
    _texts(graph, node, DCT.description, *descriptions)
    graph.add((node, DCT.publisher, publisher))
    graph.add((node, DCAT.contactPoint, contact))
    for keyword in keywords:
        graph.add((node, DCAT.keyword, Literal(keyword, lang="sv")))
    graph.add((node, DCAT.theme, URIRef(EU + "data-theme/SOCI")))
    graph.add((node, DCAT.theme, URIRef(EU + "data-theme/ECON")))
    graph.add((node, DCT.issued, Literal(ISSUED.isoformat(), datatype=XSD.date)))
    graph.add((node, DCT.modified, modified))
    graph.add((node, DCT.conformsTo, conforms_to))
    graph.add((node, DCT.spatial, SWEDEN))
    graph.add((node, DCT.accessRights, PUBLIC))
    graph.add((node, DCAT.landingPage, page))
    return node


def _distribution(
    graph, node, dataset, *, access, media_type, texts, licence, service=None, download=False
):
    graph.add((dataset, DCAT.distribution, node))
    graph.add((node, RDF.type, DCAT.Distribution))
    _texts(graph, node, DCT.description, *texts)
    graph.add((node, DCAT.accessURL, access))
    if download:
        graph.add((node, DCAT.downloadURL, access))
    graph.add((node, DCT["format"], Literal(media_type)))
    graph.add((node, DCATAP.availability, STABLE))
    graph.add((node, DCT.license, licence))
    if service is not None:
        graph.add((node, DCAT.accessService, service))


FORMATS = {
    "rdf": ("xml", "application/rdf+xml"),
    "ttl": ("turtle", "text/turtle"),
    "jsonld": ("json-ld", "application/ld+json"),
}
