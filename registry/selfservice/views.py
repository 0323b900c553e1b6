"""An enterprise's own page, reached from its personal link (no account).

Every page here is private to the link's holder: not indexed, not cached,
sent with no Referer onwards (so its forms come back with ``Origin: null``,
and ``asfportal.core.csrf.no_referrer_csrf`` checks them), and the token is
kept out of the logs (``asfportal.core.logfilters``). A link that does not work gets the same calm
page whatever the reason, so nobody learns whether a record exists.
"""

from functools import wraps

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from asfportal.core import ratelimit
from asfportal.core.csrf import no_referrer_csrf
from registry.selectors.selfservice import (
    enterprise_for_self_service,
    link_for_token,
    waiting_proposals,
)
from registry.selfservice import SECTIONS
from registry.selfservice.forms import (
    LinkRequestForm,
    OpenPlacesForm,
    SectionsForm,
    SelfUpdateForm,
)
from registry.services import selfservice

# Per hour: new-link requests per client address and per e-mail address, and
# sends of the page's forms per client address and per record.
REQUESTS_PER_ADDRESS = 5
REQUESTS_PER_EMAIL = 3
SENDS_PER_ADDRESS = 20
SENDS_PER_RECORD = 20


def private_page(view):
    """No index, no cache, no Referer: the URL holds the token."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Referrer-Policy"] = "no-referrer"
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Cache-Control"] = "no-store, private"
        return response

    return wrapped


def _with_link(view):
    """Resolve the token; a link that does not work gets the calm page (404)."""

    @wraps(view)
    def wrapped(request, token: str, *args, **kwargs):
        link = link_for_token(token)
        if link is None:
            context = {"form": LinkRequestForm(), "contact_email": settings.CONTACT_EMAIL}
            return render(request, "registry/selfservice/invalid.html", context, status=404)
        return view(request, link, token, *args, **kwargs)

    return wrapped


def _may_send(request: HttpRequest, link) -> bool:
    return ratelimit.allow(request, "selfservice-send", SENDS_PER_ADDRESS) and (
        ratelimit.allow_key("selfservice-record", str(link.enterprise_id), SENDS_PER_RECORD)
    )


TOO_MANY = gettext_lazy(
    "Sidan har tagit emot många ändringar på kort tid. Försök igen om en timme."
)


@csrf_exempt  # checked by no_referrer_csrf: this page sends no Referer
@no_referrer_csrf
@require_http_methods(["GET", "POST"])
@private_page
def link_request(request: HttpRequest) -> HttpResponse:
    """/uppdatera/: ask for a new link, mailed to the address on record."""
    form = LinkRequestForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].lower()
        if ratelimit.allow(request, "selfservice-request", REQUESTS_PER_ADDRESS) and (
            ratelimit.allow_key("selfservice-request-email", email, REQUESTS_PER_EMAIL)
        ):
            selfservice.link_request(email=email)
            return render(request, "registry/selfservice/request_sent.html", {"email": email})
        form.add_error(None, _("Du har bett om många länkar på kort tid. Försök igen om en timme."))
        status = 429
    elif request.method == "POST":
        status = 400
    context = {"form": form, "contact_email": settings.CONTACT_EMAIL}
    return render(request, "registry/selfservice/request.html", context, status=status)


@require_http_methods(["GET"])
@private_page
@_with_link
def page(request: HttpRequest, link, token: str) -> HttpResponse:
    return _page(request, link, token, OpenPlacesForm(offerings=_offerings(link)))


def _offerings(link):
    return list(enterprise_for_self_service(link.enterprise_id).offerings.all())


def _page(request, link, token, places_form, status=200) -> HttpResponse:
    enterprise = enterprise_for_self_service(link.enterprise_id)
    context = {
        "enterprise": enterprise,
        "token": token,
        "places_form": places_form,
        "link_expires_days": settings.SELF_SERVICE_LINK_DAYS,
        "waiting": waiting_proposals(enterprise),
    }
    return render(request, "registry/selfservice/page.html", context, status=status)


# What the "Klart" page says happened (?vad=), after each of the page's forms.
DONE = {
    "bekraftat": gettext_lazy(
        "Ni har bekräftat att uppgifterna stämmer. I katalogen står det nu att företaget "
        "bekräftade uppgifterna i dag."
    ),
    "platser": gettext_lazy("De lediga platserna är sparade och visas nu i katalogen."),
    "andrat": gettext_lazy(
        "Ändringarna syns nu i katalogen, och uppgifterna räknas som bekräftade i dag."
    ),
    "forslag": gettext_lazy(
        "Ändringarna visas när en rådgivare har godkänt dem. Ni får besked med e-post."
    ),
    "bada": gettext_lazy(
        "Kontaktuppgifterna och de lediga platserna är ändrade. De andra ändringarna visas "
        "när en rådgivare har godkänt dem. Ni får besked med e-post."
    ),
}


def _done(token: str, what: str) -> HttpResponse:
    return redirect(reverse("selfservice:done", kwargs={"token": token}) + f"?vad={what}")


@require_http_methods(["GET"])
@private_page
@_with_link
def done(request: HttpRequest, link, token: str) -> HttpResponse:
    """ "Klart": what just happened, and that the page may be closed."""
    context = {
        "enterprise": enterprise_for_self_service(link.enterprise_id),
        "token": token,
        "what": DONE.get(request.GET.get("vad", "")),
    }
    return render(request, "registry/selfservice/done.html", context)


@csrf_exempt
@no_referrer_csrf
@require_POST
@private_page
@_with_link
def confirm(request: HttpRequest, link, token: str) -> HttpResponse:
    """ "Allt stämmer"."""
    selfservice.enterprise_confirm(link=link)
    return _done(token, "bekraftat")


@csrf_exempt
@no_referrer_csrf
@require_POST
@private_page
@_with_link
def places(request: HttpRequest, link, token: str) -> HttpResponse:
    """ "Lediga platser just nu"."""
    form = OpenPlacesForm(request.POST, offerings=_offerings(link))
    if not form.is_valid():
        return _page(request, link, token, form, status=400)
    if not _may_send(request, link):
        form.add_error(None, TOO_MANY)
        return _page(request, link, token, form, status=429)
    selfservice.open_places_set(link=link, places=form.places())
    return _done(token, "platser")


@csrf_exempt
@no_referrer_csrf
@require_http_methods(["GET", "POST"])
@private_page
@_with_link
def change(request: HttpRequest, link, token: str) -> HttpResponse:
    """ "Något behöver ändras": first which parts (``?delar=``), then only
    those parts of the record as a form. A form sent without parts in its
    address (a page opened before the parts were asked) is read whole."""
    sent_whole = request.method == "POST" and "delar" not in request.GET
    sections = SectionsForm(request.GET or None)
    if not sent_whole and not sections.is_valid():
        context = {"token": token, "sections": sections, "enterprise": link.enterprise}
        status = 400 if request.GET else 200
        return render(request, "registry/selfservice/sections.html", context, status=status)
    chosen = list(SECTIONS) if sent_whole else sections.cleaned_data["delar"]
    enterprise = enterprise_for_self_service(link.enterprise_id)
    form = SelfUpdateForm(
        request.POST if request.method == "POST" else None, enterprise=enterprise, sections=chosen
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid() and not _may_send(request, link):
            form.add_error(None, TOO_MANY)
            status = 429
        elif form.is_valid():
            direct, places_, proposed = form.changes()
            _enterprise, proposal = selfservice.enterprise_self_update(
                link=link,
                submission_token=form.cleaned_data["token"],
                direct=direct,
                places=places_,
                proposed=proposed,
            )
            return _done(token, _done_key(bool(direct or places_), proposal is not None))
    context = {"enterprise": enterprise, "form": form, "token": token, "sections": chosen}
    return render(request, "registry/selfservice/change.html", context, status=status)


def _done_key(applied: bool, proposed: bool) -> str:
    if proposed:
        return "bada" if applied else "forslag"
    return "andrat"
