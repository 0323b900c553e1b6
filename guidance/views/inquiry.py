"""Prata med en rådgivare: the inquiry form (a request to be called or
written back) and its receipt."""

import re

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from asfportal.core import publicforms
from asfportal.core.publicforms import PublicForm
from guidance import answers, services
from guidance.forms import InquiryForm
from guidance.models import InquiryTopic

INQUIRY = PublicForm(
    scope="inquiry",
    receipt_key="guidance:inquiry_receipt",
    receipt_url="guidance:inquiry_receipt",
    too_many=gettext_lazy(
        "Du har skickat många förfrågningar på kort tid. Ring eller mejla oss i stället, "
        "eller försök igen om en timme."
    ),
)
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
    form = InquiryForm(
        request.POST if request.method == "POST" else None,
        initial={"topic": _query_value(request, "amne", InquiryTopic.values)},
        answers_available=bool(flow_answers),
    )
    if done := publicforms.submit(request, form, INQUIRY, save=_saver(flow_answers)):
        return done
    context = {"form": form, "flow_answers": flow_answers}
    return render(request, "guidance/inquiry_form.html", context, status=form.status)


def _saver(flow_answers: list[dict] | None):
    def save(data: dict) -> dict:
        inquiry, _created = services.inquiry_submit(
            submission_token=data["token"],
            name=data["name"],
            email=data["email"],
            phone=data["phone"],
            preferred_time=data["preferred_time"],
            topic=data["topic"],
            language=data["language"],
            language_other=data["language_other"],
            interpreter=data["interpreter"],
            message=data["message"],
            flow_answers=flow_answers if data.get("attach_answers") else None,
        )
        return receipt_of(inquiry)

    return save


def receipt_of(inquiry) -> dict:
    """What the receipt page says, kept in the sender's session: the reference
    and which ways back the person gave (never the address or the number)."""
    return {
        "reference": inquiry.reference,
        "by_phone": bool(inquiry.phone),
        "by_email": bool(inquiry.email),
        "interpreter": inquiry.needs_interpreter,
    }


@require_GET
def inquiry_receipt(request: HttpRequest) -> HttpResponse:
    """The receipt comes from this browser's session only, so the page never
    shows someone else's inquiry; a visit without one goes to the form. A
    bot's send left "" there: the page thanks it and says nothing more."""
    receipt = publicforms.receipt(request, INQUIRY)
    if receipt is None:
        return redirect("guidance:inquiry")
    if isinstance(receipt, str) and receipt:  # kept by a session from before the routes
        receipt = {"reference": receipt}
    return render(request, "guidance/inquiry_receipt.html", {"receipt": receipt or None})
