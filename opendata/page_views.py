"""/oppna-data/: what the portal publishes, under which licence, how fresh;
and its DCAT-AP-SE catalogue."""

import json

from django.conf import settings
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from opendata import hsds, selectors
from registry.pagecache import cache_public_page


@require_GET
def open_data(request: HttpRequest) -> HttpResponse:
    context = {
        "last_changed": selectors.last_changed(),
        "licence_name": settings.OPEN_DATA_LICENCE_NAME,
        "licence_url": settings.OPEN_DATA_LICENCE_URL,
    }
    return render(request, "opendata/page.html", context)


@require_GET
@cache_public_page
def catalogue(request: HttpRequest, extension: str) -> HttpResponse:
    """The DCAT-AP-SE catalogue as RDF/XML (what Sveriges dataportal reads),
    Turtle or JSON-LD. ``dcat`` (and rdflib, about 17 MB) is imported here, not
    with the module: only harvesters ask for the catalogue."""
    from opendata import dcat

    rdflib_format, media_type = dcat.FORMATS[extension]
    graph = dcat.catalogue(selectors.last_changed())
    response = HttpResponse(
        graph.serialize(format=rdflib_format, encoding="utf-8"),
        content_type=f"{media_type}; charset=utf-8",
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def download(request: HttpRequest) -> StreamingHttpResponse:
    """The whole registry as one JSON file: every public organization as a full
    HSDS 3.0 organization with its full services, streamed."""
    response = StreamingHttpResponse(_download_chunks(), content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="asf-portalen-hsds.json"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _download_chunks():
    changed = selectors.last_changed()
    head = {
        "hsds_version": hsds.HSDS_VERSION,
        "publisher": settings.MUNICIPALITY_NAME,
        "license": settings.OPEN_DATA_LICENCE_URL,
        "modified": changed.isoformat() if changed else None,
    }
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "organizations": ['
    for index, organization in enumerate(selectors.all_organizations()):
        data = hsds.organization(organization, full=True, full_service=True)
        yield ("," if index else "") + json.dumps(data, ensure_ascii=False, default=str)
    yield "]}"
