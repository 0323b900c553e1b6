"""Alerts' pages: ask for one from the directory's filters, then the pages
its mails link to (confirm, see and change it, end it).

The pages reached from a mail hold a signed token in their address, so they
are private like an enterprise's own page: no index, no cache, no Referer
(their forms come back with ``Origin: null``, which ``no_referrer_csrf``
checks). The unsubscribe address also takes the one-click POST of RFC 8058
from a mail program, which carries no CSRF token: the signed token is what
authorises it, and all it can do is end the alert.
"""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from asfportal.core import publicforms, ratelimit
from asfportal.core.csrf import no_referrer_csrf
from asfportal.core.publicforms import PublicForm
from registry.alerts import (
    CONFIRM,
    MANAGE,
    canonical_filters,
    describe_filters,
    read_token,
    token_for,
)
from registry.alerts.forms import AlertFrequencyForm, AlertSubscribeForm, directory_form
from registry.selectors.alerts import subscription_for_token
from registry.selfservice.views import private_page
from registry.services import alerts

SUBSCRIBE = PublicForm(
    scope="alerts",
    receipt_key="alert_receipt",
    receipt_url="alerts:sent",
    too_many=gettext_lazy(
        "Vi har fått många beställningar från din uppkoppling på kort tid. Försök igen om en timme."
    ),
)


def _directory_url(filters: str) -> str:
    url = reverse("registry:enterprise_list")
    return f"{url}?{filters}" if filters else url


@require_http_methods(["GET", "POST"])
def subscribe(request: HttpRequest) -> HttpResponse:
    """/bevakning/ny/?<the directory's filters>: the address and how often."""
    directory = directory_form(request.GET)
    filters = canonical_filters(directory)
    form = AlertSubscribeForm(request.POST if request.method == "POST" else None)

    def save(data: dict) -> str:
        # Over the hourly number for the address, nothing is sent, and the
        # page says what it always says: nobody learns that an address is in
        # use, and nobody can lock another person out by asking for them.
        email = data["email"]
        if ratelimit.allow_key("alerts-email", email, settings.ALERT_REQUESTS_PER_EMAIL):
            alerts.alert_subscribe(email=email, filters=filters, frequency=data["frequency"])
        return email

    if done := publicforms.submit(request, form, SUBSCRIBE, save=save):
        return done
    context = {
        "form": form,
        "filters": filters,
        "described": describe_filters(directory),
        "problems": directory.problems,
        "directory_url": _directory_url(filters),
        "days": settings.ALERT_CONFIRM_DAYS,
    }
    return render(request, "registry/alerts/subscribe.html", context, status=form.status)


@require_http_methods(["GET"])
def sent(request: HttpRequest) -> HttpResponse:
    """The receipt: what the sender's own session says was sent, if anything."""
    email = publicforms.receipt(request, SUBSCRIBE)
    if email is None:
        return redirect("registry:enterprise_list")
    context = {"email": email, "days": settings.ALERT_CONFIRM_DAYS}
    return render(request, "registry/alerts/sent.html", context)


def _invalid(request: HttpRequest) -> HttpResponse:
    context = {"days": settings.ALERT_CONFIRM_DAYS, "contact_email": settings.CONTACT_EMAIL}
    return render(request, "registry/alerts/invalid.html", context, status=404)


def _with_subscription(purpose: str):
    """Resolve the token; a link that does not work gets the calm page (404)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, token: str, *args, **kwargs):
            subscription = subscription_for_token(token, purpose)
            if subscription is None:
                return _invalid(request)
            return view(request, subscription, token, *args, **kwargs)

        return wrapped

    return decorator


@csrf_exempt  # checked by no_referrer_csrf: this page sends no Referer
@no_referrer_csrf
@require_http_methods(["GET", "POST"])
@private_page
@_with_subscription(CONFIRM)
def confirm(request: HttpRequest, subscription, token: str) -> HttpResponse:
    """GET: a button (mail scanners follow links, so a GET changes nothing);
    POST: confirmed, on to the alert's own page."""
    if request.method == "POST":
        subscription = alerts.alert_confirm(subscription=subscription)
        if subscription is None:  # erased after the link was read
            return _invalid(request)
        messages.success(request, _("Klart! Nu får du mejl när det finns något nytt."))
        return redirect(_manage_url(subscription))
    context = {
        "subscription": subscription,
        "described": describe_filters(directory_form(subscription.filters)),
    }
    return render(request, "registry/alerts/confirm.html", context)


def _manage_url(subscription) -> str:
    return reverse("alerts:manage", kwargs={"token": token_for(subscription, MANAGE)})


def _manage(request, subscription, token, frequency_form=None, status=200) -> HttpResponse:
    directory = directory_form(subscription.filters)
    context = {
        "subscription": subscription,
        "token": token,
        "described": describe_filters(directory),
        "problems": directory.problems,
        "directory_url": _directory_url(subscription.filters),
        "frequency_form": frequency_form
        or AlertFrequencyForm(initial={"frequency": subscription.frequency}),
    }
    return render(request, "registry/alerts/manage.html", context, status=status)


@require_http_methods(["GET"])
@private_page
@_with_subscription(MANAGE)
def manage(request: HttpRequest, subscription, token: str) -> HttpResponse:
    """The alert's own page: what is kept, how often, and the way out."""
    return _manage(request, subscription, token)


@csrf_exempt
@no_referrer_csrf
@require_POST
@private_page
@_with_subscription(MANAGE)
def frequency(request: HttpRequest, subscription, token: str) -> HttpResponse:
    form = AlertFrequencyForm(request.POST)
    if not form.is_valid():
        return _manage(request, subscription, token, frequency_form=form, status=400)
    if not alerts.alert_set_frequency(
        subscription=subscription, frequency=form.cleaned_data["frequency"]
    ):
        return _invalid(request)
    messages.success(request, _("Sparat. Du får mejl så ofta du valde."))
    return redirect("alerts:manage", token=token)


@csrf_exempt
@no_referrer_csrf
@require_POST
@private_page
@_with_subscription(MANAGE)
def update(request: HttpRequest, subscription, token: str) -> HttpResponse:
    """Keep the choices that still exist (after a change in the directory's lists)."""
    subscription = alerts.alert_update_filters(subscription=subscription)
    if subscription is None:
        return _invalid(request)
    messages.success(request, _("Bevakningen är uppdaterad. Den gäller de val som finns kvar."))
    return redirect(_manage_url(subscription))


@csrf_exempt  # RFC 8058: a mail program's one-click POST carries no CSRF token
@require_http_methods(["GET", "POST"])
@private_page
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET: a button; POST (ours, or a mail program's one-click): the alert is
    erased. A genuine link whose alert is already gone says it is ended."""
    claims = read_token(token, purpose=MANAGE)
    if claims is None:
        return _invalid(request)
    subscription = subscription_for_token(token, MANAGE)
    if request.method == "GET" and subscription is not None:
        return render(request, "registry/alerts/unsubscribe.html", {"token": token})
    if subscription is not None:
        alerts.alert_unsubscribe(subscription=subscription)
    return render(request, "registry/alerts/ended.html")
