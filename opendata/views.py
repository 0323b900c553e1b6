"""The HSDS 3.0 API under /api/hsds/: read-only, public, JSON.

Every answer is cached like the public pages (until the next registry write),
carries an ETag and Last-Modified for conditional GET, and may be read from any
site (CORS). Bad parameters get a 400 problem (RFC 9457), unknown ids a 404.
"""

import hashlib
import json
import uuid
from functools import wraps
from pathlib import Path

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import condition, require_GET, require_safe

from opendata import hsds, openapi, selectors, vocabulary
from opendata.params import BadParameters, ListParams, parse
from registry import pagecache
from registry.pagecache import cache_public_page

SCHEMA_FILES = {
    path.relative_to(openapi.SCHEMA_DIR).as_posix(): path
    for path in openapi.SCHEMA_DIR.rglob("*.json")
    if path.name != "openapi.json"
}
LIST = {"page", "per_page", "search", "format"}
SERVICE_FILTERS = {"taxonomy_term_id", "taxonomy_id", "organization_id", "modified_after", "full"}


def _json(data, status: int = 200, content_type: str = "application/json") -> HttpResponse:
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return HttpResponse(body, status=status, content_type=content_type)


def problem(status: int, title: str, detail: str = "", invalid: list | None = None) -> HttpResponse:
    data = {"type": "about:blank", "title": title, "status": status}
    if detail:
        data["detail"] = detail
    if invalid:
        data["invalid_params"] = invalid
    return _json(data, status=status, content_type="application/problem+json")


def _etag(request: HttpRequest, *args, **kwargs) -> str:
    parts = f"{request.get_full_path()}\n{pagecache.registry_version(request)}"
    return hashlib.sha256(parts.encode()).hexdigest()[:32]


def _last_modified(request: HttpRequest, *args, **kwargs):
    return selectors.last_changed(pagecache.registry_version(request))


def api_view(view):
    """GET and HEAD only, Swedish, conditional, cached, CORS, problems for bad input."""

    @require_safe
    @condition(etag_func=_etag, last_modified_func=_last_modified)
    @cache_public_page
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        with translation.override("sv"):
            try:
                response = view(request, *args, **kwargs)
            except BadParameters as bad:
                response = problem(
                    400,
                    "Fel i frågan",
                    "En eller flera parametrar går inte att använda.",
                    bad.problems,
                )
            except Http404:
                response = problem(404, "Finns inte", "Det finns inget med det id:t.")
        return response

    return cors(wrapper)


def cors(view):
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = "ETag, Last-Modified"
        response["X-Content-Type-Options"] = "nosniff"
        return response

    return wrapper


def _page(page: selectors.Page, params: ListParams, contents: list) -> dict:
    total_pages = max(1, -(-page.total // params.per_page))
    return {
        "total_items": page.total,
        "total_pages": total_pages,
        "page_number": params.page,
        "size": len(contents),
        "first_page": params.page == 1,
        "last_page": params.page >= total_pages,
        "empty": not contents,
        "contents": contents,
    }


# --- endpoints -------------------------------------------------------------------


def _api_url(name: str, **kwargs) -> str:
    return settings.SITE_URL + reverse(f"opendata:{name}", kwargs=kwargs or None)


@api_view
def root(request: HttpRequest) -> HttpResponse:
    parse(request.GET, set())
    return _json(
        {
            "version": hsds.HSDS_VERSION,
            "profile": settings.SITE_URL + reverse("opendata_page:page") + "#hsds",
            "openapi_url": _api_url("openapi"),
        }
    )


@api_view
def openapi_document(request: HttpRequest) -> HttpResponse:
    parse(request.GET, set())
    return _json(
        openapi.document(
            api_url=settings.SITE_URL + reverse("opendata:root").rstrip("/"),
            schema_url=_api_url("schema_index"),
            title=f"ASF-portalen, {settings.MUNICIPALITY_NAME}",
            contact_email=settings.CONTACT_EMAIL,
            licence=licence(),
        )
    )


def licence() -> dict:
    return {"name": settings.OPEN_DATA_LICENCE_NAME, "url": settings.OPEN_DATA_LICENCE_URL}


@require_GET
@cors
def schema_file(request: HttpRequest, name: str) -> HttpResponse:
    """The HSDS schema files the OpenAPI document refers to (CC BY-SA 4.0)."""
    path: Path | None = SCHEMA_FILES.get(name)
    if path is None:
        return problem(404, "Finns inte", "Det finns ingen sådan schemafil.")
    response = FileResponse(path.open("rb"), content_type="application/schema+json")
    response["Cache-Control"] = "public, max-age=86400"
    return response


@api_view
def schema_index(request: HttpRequest) -> HttpResponse:
    parse(request.GET, set())
    base = _api_url("schema_index")
    return _json(
        {
            "attribution": "Human Services Data Specification: an Open Referral resource "
            "(https://openreferral.org/)",
            "license": "https://creativecommons.org/licenses/by-sa/4.0/",
            "files": [base + name for name in sorted(SCHEMA_FILES)],
        }
    )


@api_view
def service_list(request: HttpRequest) -> HttpResponse:
    params = parse(request.GET, LIST | SERVICE_FILTERS | {"minimal"})
    params.full = params.full and not params.minimal  # minimal wins
    page = selectors.services_page(params)
    if params.minimal:
        contents = [_minimal(item) for item in page.items]
    else:
        contents = [hsds.service(item, full=params.full) for item in page.items]
    return _json(_page(page, params, contents))


def _minimal(record) -> dict:
    data = hsds.service(record)
    return {key: data[key] for key in ("id", "name", "status", "last_modified")}


@api_view
def service_detail(request: HttpRequest, id: str) -> HttpResponse:
    parse(request.GET, set())
    return _json(hsds.service(_found(selectors.service(_uuid(id))), full=True))


@api_view
def organization_list(request: HttpRequest) -> HttpResponse:
    params = parse(request.GET, LIST | {"full", "full_service", "modified_after"})
    page = selectors.organizations_page(params)
    contents = [hsds.organization(o, params.full, params.full_service) for o in page.items]
    return _json(_page(page, params, contents))


@api_view
def organization_detail(request: HttpRequest, id: str) -> HttpResponse:
    params = parse(request.GET, {"full_service"})
    params.full = True
    found = _found(selectors.organization(_uuid(id), params))
    return _json(hsds.organization(found, full=True, full_service=params.full_service))


@api_view
def service_at_location_list(request: HttpRequest) -> HttpResponse:
    params = parse(request.GET, LIST | SERVICE_FILTERS)
    page = selectors.services_at_locations_page(params)
    contents = [hsds.service_at_location(item, full=params.full) for item in page.items]
    return _json(_page(page, params, contents))


@api_view
def service_at_location_detail(request: HttpRequest, id: str) -> HttpResponse:
    parse(request.GET, set())
    found = _found(selectors.service_at_location(_uuid(id)))
    return _json(hsds.service_at_location(found, full=True))


@api_view
def taxonomy_list(request: HttpRequest) -> HttpResponse:
    params = parse(request.GET, LIST)
    return _listing(selectors.taxonomies_found(params), params, hsds.taxonomy)


@api_view
def taxonomy_detail(request: HttpRequest, id: str) -> HttpResponse:
    parse(request.GET, set())
    return _json(hsds.taxonomy(_found(vocabulary.BY_ID.get(_uuid(id)))))


@api_view
def taxonomy_term_list(request: HttpRequest) -> HttpResponse:
    params = parse(request.GET, LIST | {"taxonomy_id", "top_only", "parent_id"})
    return _listing(selectors.terms_found(params), params, hsds.taxonomy_term)


@api_view
def taxonomy_term_detail(request: HttpRequest, id: str) -> HttpResponse:
    parse(request.GET, set())
    return _json(hsds.taxonomy_term(_found(selectors.term(_uuid(id)))))


def _listing(items: list, params: ListParams, shape) -> HttpResponse:
    chunk = items[params.offset : params.offset + params.per_page]
    page = selectors.Page(len(items), chunk)
    return _json(_page(page, params, [shape(item) for item in chunk]))


def _found(record):
    if record is None:
        raise Http404
    return record


def _uuid(raw: str) -> str:
    try:
        return str(uuid.UUID(raw))
    except ValueError:
        raise Http404 from None
