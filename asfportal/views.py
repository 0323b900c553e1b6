"""Site-wide pages: start page, accessibility statement, privacy notice, lättläst, health."""

from dataclasses import dataclass

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from asfportal import health, selectors
from asfportal.core.pages import Crumb


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "asfportal/home.html", selectors.start_page_facts())


@require_GET
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "asfportal/accessibility.html")


@dataclass(frozen=True)
class EasyReadPage:
    slug: str  # "" for /lattlast/ itself
    template: str
    title: str
    lead: str


EASY_READ = [
    EasyReadPage(
        "",
        "index",
        gettext_lazy("Lättläst om sociala företag"),
        gettext_lazy(
            "Här får du veta vad ett socialt företag är. Du får också veta hur vi kan hjälpa dig."
        ),
    ),
    EasyReadPage(
        "hitta-foretag",
        "hitta",
        gettext_lazy("Så hittar du ett socialt företag"),
        gettext_lazy("Vi har en lista över sociala företag. Här står hur du använder den."),
    ),
    EasyReadPage(
        "fa-hjalp",
        "hjalp",
        gettext_lazy("Så får du hjälp av oss"),
        gettext_lazy(
            "Du kan prata med en rådgivare hos oss. En rådgivare kan hjälpa dig att hitta rätt."
        ),
    ),
    EasyReadPage(
        "dina-uppgifter",
        "uppgifter",
        gettext_lazy("Så tar vi hand om det du berättar"),
        gettext_lazy("Här står vad vi gör med ditt namn och det du skriver till oss."),
    ),
]


def _easy_read_url(page: EasyReadPage) -> str:
    if not page.slug:
        return reverse("easy_read")
    return reverse("easy_read_page", args=[page.slug])


@require_GET
def easy_read(request: HttpRequest, slug: str = "") -> HttpResponse:
    """Lättläst: easy-to-read Swedish (plain English under /en/), one page per
    topic, each ending with links to the others."""
    page = next((p for p in EASY_READ if p.slug == slug), None)
    if page is None:
        raise Http404
    crumbs = [Crumb(_("Lättläst"), reverse("easy_read"))] if slug else None
    others = [{"title": p.title, "url": _easy_read_url(p), "current": p is page} for p in EASY_READ]
    context = {
        "heading": page.title,
        "lead": page.lead,
        "crumbs": crumbs,
        "easy_read_pages": others,
    }
    return render(request, f"asfportal/lattlast/{page.template}.html", context)


@require_GET
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "asfportal/privacy.html")


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /handlaggare/",
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
