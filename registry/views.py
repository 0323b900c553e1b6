from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from registry import exports, presentation, selectors
from registry.filters import DirectoryFilter
from registry.models import HelpTopic


def _is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


@require_GET
def enterprise_list(request: HttpRequest) -> HttpResponse:
    filterset = DirectoryFilter(request.GET or None, queryset=selectors.directory_queryset())
    paginator = Paginator(filterset.ordered_qs, settings.DIRECTORY_PAGE_SIZE)
    page, page_problem = presentation.page_of(paginator, request.GET.get("sida"))
    context = {
        "filter": filterset,
        "page": page,
        "page_range": paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1),
        "problems": filterset.problems,
        "page_problem": page_problem,
    }
    template = "registry/enterprise_list.html"
    response = render(request, f"{template}#results" if _is_htmx(request) else template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_GET
def enterprise_csv(request: HttpRequest) -> StreamingHttpResponse:
    filterset = DirectoryFilter(request.GET or None, queryset=selectors.directory_queryset())
    enterprises = filterset.ordered_qs.iterator(chunk_size=500)
    rows = (
        exports.public_row(e, request.build_absolute_uri(e.get_absolute_url())) for e in enterprises
    )
    response = StreamingHttpResponse(
        exports.csv_lines(exports.public_columns(), rows), content_type="text/csv; charset=utf-8"
    )
    filename = f"sociala-foretag-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def enterprise_detail(request: HttpRequest, slug: str) -> HttpResponse:
    enterprise = selectors.enterprise_for_profile(slug)
    context = {
        "enterprise": enterprise,
        "criteria": presentation.criteria_status(enterprise),
        "jsonld": presentation.organization_jsonld(
            enterprise, request.build_absolute_uri(enterprise.get_absolute_url())
        ),
    }
    return render(request, "registry/enterprise_detail.html", context)


@require_GET
def partner_list(request: HttpRequest) -> HttpResponse:
    topic = request.GET.get("hjalp") or None
    problem = None
    if topic is not None and topic not in HelpTopic.values:
        topic, problem = None, _("Det ämnet finns inte. Du ser alla samarbetspartner.")
    context = {
        "partners": selectors.partner_list(topic),
        "topics": HelpTopic.choices,
        "topic": topic,
        "problem": problem,
    }
    return render(request, "registry/partner_list.html", context)


@require_GET
def partner_detail(request: HttpRequest, slug: str) -> HttpResponse:
    partner = selectors.partner_for_profile(slug)
    context = {
        "partner": partner,
        "sessions": selectors.upcoming_sessions_for_partner(partner),
    }
    return render(request, "registry/partner_detail.html", context)
