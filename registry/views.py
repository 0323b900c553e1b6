"""The public registry pages: the directory (and its CSV), profiles, partners,
and the report of a missing enterprise."""

import re
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse, QueryDict, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from asfportal.core import publicforms, spreadsheet
from asfportal.core.pages import Crumb
from asfportal.core.publicforms import PublicForm
from registry import calendar, exports, freshness, presentation
from registry.cards import directory_cards
from registry.forms import DirectoryForm, EnterpriseReportForm
from registry.models import HelpTopic, LegalForm
from registry.pagecache import cache_public_page, registry_version
from registry.selectors import partners
from registry.selectors.directory import directory_page, directory_rows
from registry.selectors.enterprises import enterprise_for_profile
from registry.selectors.taxonomies import taxonomies
from registry.services import reports


def _is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def _directory_form(request: HttpRequest) -> DirectoryForm:
    version = registry_version(request)
    return DirectoryForm(request.GET, taxonomies=taxonomies(version), version=version)


def _short_query(request: HttpRequest) -> QueryDict | None:
    """The directory's parameters without the empty fields a sent form adds
    ("nara=&bransch=&…"): what a person shares or bookmarks. None when there
    is nothing to drop. (The order stays even when it is "relevans": with a
    place and no text, choosing it is not the same as choosing nothing.)"""
    kept = QueryDict(mutable=True)
    for key, values in request.GET.lists():
        values = [v for v in values if v != ""]
        if values:
            kept.setlist(key, values)
    given = sum(len(values) for _key, values in request.GET.lists())
    left = sum(len(values) for _key, values in kept.lists())
    return kept if left < given else None


def _address(request: HttpRequest, query: QueryDict) -> str:
    return request.path + (f"?{query.urlencode()}" if query else "")


@require_GET
@cache_public_page
def enterprise_list(request: HttpRequest) -> HttpResponse:
    """The directory: the form validates the address, one selector reads the
    page (see ``directory_page`` for its query cost), the template shows it.
    htmx asks for the ``directory`` fragment only. A sent form's empty fields
    are dropped from the address: a redirect without JavaScript (the browser
    keeps the #results-heading it was sent to), the pushed address with htmx."""
    short = _short_query(request)
    if short is not None and not _is_htmx(request):
        return redirect(_address(request, short))
    if short is not None:
        request.GET = short  # the page's own links ({% querystring %}) stay short too
    form = _directory_form(request)
    version = registry_version(request)
    query = form.query()
    result = directory_page(
        query,
        page=request.GET.get("sida"),
        per_page=settings.DIRECTORY_PAGE_SIZE,
        version=version,
    )
    context = {
        "form": form,
        "chosen": query.filter_count(),
        "page": result.page,
        "cards": directory_cards(result, version=version),
        "facets": result.facets,
        "suggestions": result.suggestions,
        "search": result.search,
        "origin": query.origin,
        "nearest_first": query.nearest_first,
    }
    template = "registry/enterprise_list.html"
    response = render(request, f"{template}#directory" if _is_htmx(request) else template, context)
    if short is not None:
        response["HX-Push-Url"] = _address(request, short)
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_GET
def enterprise_csv(request: HttpRequest) -> StreamingHttpResponse:
    enterprises = directory_rows(_directory_form(request).query()).iterator(chunk_size=500)
    rows = (
        exports.public_row(e, request.build_absolute_uri(e.get_absolute_url())) for e in enterprises
    )
    response = StreamingHttpResponse(
        spreadsheet.csv_lines(exports.public_columns(), rows),
        content_type="text/csv; charset=utf-8",
    )
    filename = f"sociala-foretag-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# ?fran=<flow>: the person came from that advice flow's result (its links say
# so); the page offers the way back. Only the shape is checked: a made-up
# flow gets a link to the flow's own "not available" page.
FLOW_SLUG = re.compile(r"^[a-z0-9-]{1,50}$")


def _result_url(request: HttpRequest) -> str | None:
    flow = request.GET.get("fran", "")
    if not FLOW_SLUG.match(flow):
        return None
    return reverse("guidance:flow_result", kwargs={"flow": flow})


@require_GET
@cache_public_page
def enterprise_detail(request: HttpRequest, slug: str) -> HttpResponse:
    enterprise = enterprise_for_profile(slug)
    context = {
        "enterprise": enterprise,
        "crumbs": [Crumb(_("Hitta sociala företag"), reverse("registry:enterprise_list"))],
        "result_url": _result_url(request),
        # Depends on today's date as well as the record: a cached page can be
        # wrong for at most PUBLIC_PAGE_CACHE_SECONDS after the cutoff passes.
        "is_stale": freshness.is_stale(enterprise.last_checked),
        "criteria": presentation.criteria_status(enterprise),
        "legal_form_note": presentation.legal_form_note(enterprise),
        "contact": presentation.first_contact(enterprise),
        "directions_url": presentation.directions_url(enterprise),
        "jsonld": presentation.organization_jsonld(
            enterprise, request.build_absolute_uri(enterprise.get_absolute_url())
        ),
    }
    return render(request, "registry/enterprise_detail.html", context)


@require_GET
@cache_public_page
def partner_list(request: HttpRequest) -> HttpResponse:
    topic = request.GET.get("hjalp") or None
    problem = None
    if topic is not None and topic not in HelpTopic.values:
        topic, problem = None, _("Det ämnet finns inte. Du ser alla samarbetspartner.")
    context = {
        "partners": partners.partner_list(topic),
        "topics": HelpTopic.choices,
        "topic": topic,
        "problem": problem,
        "feed": calendar.subscription(reverse("registry:partners_calendar")),
    }
    return render(request, "registry/partner_list.html", context)


@require_GET
@cache_public_page
def partner_detail(request: HttpRequest, slug: str) -> HttpResponse:
    partner = partners.partner_for_profile(slug)
    sessions = partners.upcoming_sessions_for_partner(partner)
    url = request.build_absolute_uri(partner.get_absolute_url())
    context = {
        "partner": partner,
        "crumbs": [Crumb(_("Samarbetspartner"), reverse("registry:partner_list"))],
        "result_url": _result_url(request),
        "sessions": sessions,
        "feed": calendar.subscription(
            reverse("registry:partner_calendar", kwargs={"slug": partner.slug})
        ),
        "events": [calendar.session_jsonld(session, partner, url) for session in sessions],
    }
    return render(request, "registry/partner_detail.html", context)


def _ics(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_GET
@cache_public_page
def partners_calendar(request: HttpRequest) -> HttpResponse:
    """Every partner's upcoming sessions as one iCalendar feed."""
    body = calendar.sessions_calendar(
        partners.sessions_for_calendar(),
        name=_("Tillfällen hos samarbetspartner – ASF-portalen"),
        url=settings.SITE_URL + reverse("registry:partner_list"),
    )
    return _ics(body, "samarbetspartner.ics")


@require_GET
@cache_public_page
def partner_calendar(request: HttpRequest, slug: str) -> HttpResponse:
    """One partner's upcoming sessions, to subscribe to."""
    partner = partners.partner_or_404(slug)
    body = calendar.sessions_calendar(
        partners.sessions_for_calendar(partner),
        name=partner.name,
        url=settings.SITE_URL + partner.get_absolute_url(),
    )
    return _ics(body, f"{partner.slug}.ics")


@require_GET
@cache_public_page
def session_calendar(request: HttpRequest, slug: str, session) -> HttpResponse:
    """One session, for "Lägg till i kalendern"."""
    partner = partners.partner_or_404(slug)
    found = partners.session_for_calendar(partner, session)
    body = calendar.sessions_calendar(
        [found], name=partner.name, url=settings.SITE_URL + partner.get_absolute_url()
    )
    return _ics(body, f"{partner.slug}-{found.starts_at:%Y-%m-%d}.ics")


REPORT = PublicForm(
    scope="report",
    receipt_key="registry:reported",
    receipt_url="registry:enterprise_report_thanks",
    too_many=gettext_lazy("Du har skickat många tips på kort tid. Försök igen om en timme."),
)


@require_http_methods(["GET", "POST"])
def enterprise_report(request: HttpRequest) -> HttpResponse:
    """Report a missing social enterprise (see ``asfportal.core.publicforms``
    for the bot, rate-limit and double-submit steps)."""
    form = EnterpriseReportForm(request.POST if request.method == "POST" else None)
    save = partial(_save_report, form)
    if done := publicforms.submit(request, form, REPORT, save=save):
        return done
    return render(request, "registry/report.html", {"form": form}, status=form.status)


def _save_report(form: EnterpriseReportForm, data: dict) -> str | None:
    """The reported name, or None with the form's error set when the same
    enterprise was reported at the same moment by someone else."""
    try:
        report, _created = reports.enterprise_report(
            submission_token=data["token"],
            name=data["name"],
            org_number=data["org_number"],
            legal_form=data["legal_form"] or LegalForm.OTHER,
            short_description=data["short_description"],
            reason=data["reason"],
            website=data["website"],
            email=data["email"],
            phone=data["phone"],
            reporter_name=data["reporter_name"],
            reporter_email=data["reporter_email"],
        )
    except (IntegrityError, ValidationError):
        form.add_error("org_number", EnterpriseReportForm.ALREADY_KNOWN)
        return None
    return report.enterprise.name


@require_GET
def enterprise_report_thanks(request: HttpRequest) -> HttpResponse:
    name = publicforms.receipt(request, REPORT)
    return render(request, "registry/report_thanks.html", {"reported_name": name})
