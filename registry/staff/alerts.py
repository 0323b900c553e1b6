"""The advisors' side of alerts: what is kept for an e-mail address, as a
file for a request to see one's data (GDPR art. 15), and its erasure (art. 17).

The address travels in POST bodies only, never in an address bar or a log.
"""

import json

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from asfportal.core.pages import staff_context
from asfportal.core.permissions import staff_action, staff_view
from registry.alerts import describe_filters
from registry.alerts.forms import AlertAddressForm, directory_form
from registry.selectors import alerts as selectors
from registry.services import alerts as services


def _render(request, form, found=None, status=200):
    rows = [
        (subscription, describe_filters(directory_form(subscription.filters)))
        for subscription in found or []
    ]
    context = staff_context(
        heading=_("Bevakningar för en e-postadress"),
        section="alerts",
        form=form,
        searched=found is not None,
        rows=rows,
    )
    return render(request, "registry/staff/alert_lookup.html", context, status=status)


@staff_view("registry.view_alertsubscription")
@require_http_methods(["GET", "POST"])
def alert_lookup(request):
    """GET: the form; POST: the alerts kept for the address typed in."""
    if request.method != "POST":
        return _render(request, AlertAddressForm())
    form = AlertAddressForm(request.POST)
    if not form.is_valid():
        return _render(request, form, status=400)
    return _render(request, form, selectors.subscriptions_for_address(form.cleaned_data["email"]))


@staff_action("registry.view_alertsubscription")
def alert_export(request):
    form = AlertAddressForm(request.POST)
    if not form.is_valid():
        return _render(request, form, status=400)
    document = {
        "exported_at": timezone.localtime().isoformat(),
        "alert_subscriptions": selectors.alert_export(form.cleaned_data["email"]),
    }
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="bevakningar.json"'
    return response


@staff_action("registry.view_alertsubscription", "registry.delete_alertsubscription")
def alert_erase(request):
    form = AlertAddressForm(request.POST)
    if not form.is_valid():
        return _render(request, form, status=400)
    erased = services.alerts_erase_address(email=form.cleaned_data["email"])
    text = ngettext("%(count)d bevakning raderad.", "%(count)d bevakningar raderade.", erased)
    messages.success(request, text % {"count": erased})
    return redirect("registry_staff:alert_lookup")
