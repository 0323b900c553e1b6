"""Booking an advisor: the inquiry form and its receipt."""

import logging
import re

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from asfportal.core import ratelimit
from guidance import answers, services
from guidance.forms import InquiryForm
from guidance.models import Inquiry, InquiryTopic

logger = logging.getLogger(__name__)
RECEIPT_KEY = "guidance:inquiry_receipt"
SLUG = re.compile(r"^[a-z0-9-]{1,50}$")


def _query_value(request: HttpRequest, name: str, allowed) -> str | None:
    value = request.GET.get(name, "")
    return value if value in allowed else None


@require_http_methods(["GET", "POST"])
def inquiry_create(request: HttpRequest) -> HttpResponse:
    """``?flode=jobba`` offers to attach that flow's finished answers (opt-in);
    ``?amne=starta`` preselects the topic. Unknown values are ignored."""
    flow_slug = request.GET.get("flode", "")
    flow_answers = answers.completed(request, flow_slug) if SLUG.match(flow_slug) else None
    topic = _query_value(request, "amne", InquiryTopic.values)
    status = 200
    form = InquiryForm(
        request.POST if request.method == "POST" else None,
        initial={"topic": topic},
        answers_available=bool(flow_answers),
    )
    if request.method == "POST" and form.is_valid():
        if form.is_bot:
            logger.info("Honeypot filled in on the inquiry form; nothing saved.")
            request.session[RECEIPT_KEY] = ""
            return redirect("guidance:inquiry_receipt")
        if ratelimit.allow(request, "inquiry"):
            request.session[RECEIPT_KEY] = _submit(form, flow_answers).reference
            return redirect("guidance:inquiry_receipt")
        form.add_error(None, _("Du har skickat många förfrågningar på kort tid. Ring eller "
                               "mejla oss i stället, eller försök igen om en timme."))  # fmt: skip
        status = 429
    context = {"form": form, "flow_answers": flow_answers}
    return render(request, "guidance/inquiry_form.html", context, status=status)


def _submit(form: InquiryForm, flow_answers: list[dict] | None) -> Inquiry:
    data = form.cleaned_data
    inquiry, _created = services.inquiry_submit(
        submission_token=data["token"],
        name=data["name"],
        email=data["email"],
        phone=data["phone"],
        preferred_time=data["preferred_time"],
        topic=data["topic"],
        message=data["message"],
        flow_answers=flow_answers if data.get("attach_answers") else None,
    )
    return inquiry


@require_GET
def inquiry_receipt(request: HttpRequest) -> HttpResponse:
    """The reference comes from this browser's session only, so the page never
    shows someone else's inquiry; a visit without one goes to the form."""
    if RECEIPT_KEY not in request.session:
        return redirect("guidance:inquiry")
    reference = request.session[RECEIPT_KEY]
    return render(request, "guidance/inquiry_receipt.html", {"reference": reference})
