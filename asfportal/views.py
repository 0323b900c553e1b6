"""Site-wide pages: start page, accessibility statement, privacy notice, lättläst, health."""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from asfportal import easyread, health, selectors
from asfportal.core.pages import Crumb


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "asfportal/home.html", selectors.start_page_facts())


@require_GET
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "asfportal/accessibility.html")


@require_GET
def easy_read(request: HttpRequest, slug: str = "") -> HttpResponse:
    """Lättläst: easy-to-read Swedish (plain English under /en/), one page per
    topic (``asfportal.easyread``), each ending with links to the others."""
    page = easyread.page(slug)
    if page is None:
        raise Http404
    context = {
        "heading": page.title,
        "lead": page.lead,
        "crumbs": [Crumb(_("Lättläst"), reverse("easy_read"))] if slug else None,
        "easy_read_pages": easyread.menu(page),
    }
    return render(request, f"asfportal/lattlast/{page.template}.html", context)


@require_GET
def privacy(request: HttpRequest) -> HttpResponse:
    return render(
        request, "asfportal/privacy.html", {"alert_confirm_days": settings.ALERT_CONFIRM_DAYS}
    )


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /handlaggare/",
        "Disallow: /bevakning/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """The load balancer's check: 200 when the database answers a query, 503
    when it does not. ``?full=1`` adds the shared cache and the task queue for
    an operator ("degraded" while the cache is away: pages still work)."""
    if not health.database_ok():
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    if request.GET.get("full") != "1":
        return JsonResponse({"status": "ok", "database": "ok"})
    cache = health.cache_state()
    return JsonResponse(
        {
            "status": "ok" if cache["status"] == "ok" else "degraded",
            "database": "ok",
            "cache": cache,
            "tasks": health.task_queue(),
        }
    )
