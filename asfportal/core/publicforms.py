"""The steps every public form shares (``/kontakt/``, ``/anmal-foretag/`` and
the forms still to come): a one-time token against double submits, a honeypot
field against bots, an hourly limit per address, and a receipt page that reads
what was sent from the sender's own session only.

A form mixes in ``PublicFormMixin``; its view describes the form's receipt with
a ``PublicForm`` and hands the posted form to ``submit``::

    form = InquiryForm(request.POST if request.method == "POST" else None)
    if done := publicforms.submit(request, form, INQUIRY, save=_save):
        return done
    return render(request, "guidance/inquiry_form.html", {"form": form}, status=form.status)
"""

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from asfportal.core import outage, ratelimit
from asfportal.core.submissions import one_time_token

logger = logging.getLogger(__name__)

TOKEN = "token"  # noqa: S105 - the name of a form field, not a secret
# Hidden from people (CSS and aria-hidden), irresistible to bots: a name that
# looks like a field every form has.
HONEYPOT = "hemsida"


class PublicFormMixin:
    """Adds the one-time token and the honeypot to a form or model form.

    ``status`` is the HTTP status to show the form with: 200, 429 once
    ``submit`` refused a send over the hourly limit, or 503 when the database
    failed during the send (nothing saved; the form keeps what was typed).
    """

    status = 200
    # Field name -> the HTML autocomplete token of what it asks for (WCAG 2.1
    # SC 1.3.5), so browsers can fill it in; a "tel" field also gets
    # type="tel", which gives a phone its number keyboard.
    autocomplete: dict[str, str] = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, kind in self.autocomplete.items():
            widget = self.fields[name].widget
            widget.attrs["autocomplete"] = kind
            if kind == "tel":
                widget.input_type = "tel"
        self.fields[TOKEN] = forms.CharField(
            widget=forms.HiddenInput, required=False, initial=uuid.uuid4()
        )
        self.fields[HONEYPOT] = forms.CharField(
            required=False, label=_("Lämna det här fältet tomt")
        )

    def clean_token(self) -> uuid.UUID:
        return one_time_token(self.cleaned_data[TOKEN])

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get(HONEYPOT))


@dataclass(frozen=True)
class PublicForm:
    """What ``submit`` needs to know about one public form."""

    scope: str  # names the form in the rate limit and the log
    receipt_key: str  # the session key the receipt page reads
    receipt_url: str  # the receipt page's URL name
    too_many: str  # the Swedish message for a send over the hourly limit


def submit(
    request: HttpRequest,
    form: PublicFormMixin,
    public_form: PublicForm,
    *,
    save: Callable[[dict], object | None],
) -> HttpResponse | None:
    """Take a posted public form through the shared steps.

    A valid send from a bot is thanked and dropped; one over the hourly limit
    gets the form's error and ``form.status`` 429; otherwise ``save(cleaned
    data)`` writes it and returns what the receipt shows (a reference, a
    name, a small dict: anything JSON can hold), or None after adding an error
    to the form. Returns the redirect to
    the receipt, or None when the form is to be shown again.
    """
    if request.method != "POST":
        return None
    try:
        return _submit(request, form, public_form, save)
    except outage.DATABASE_ERRORS as error:  # the database went away: keep what was typed
        outage.note(error, request)
        form.add_error(None, UNAVAILABLE)
        form.status = 503
        return None


UNAVAILABLE = _(
    "Vi kunde inte ta emot det du skickade just nu, eftersom vi har ett tillfälligt "
    "tekniskt problem. Inget har sparats. Det du skrev finns kvar här: försök skicka "
    "igen om en stund."
)


def _submit(request, form, public_form: PublicForm, save) -> HttpResponse | None:
    if not form.is_valid():
        return None
    if form.is_bot:
        logger.info("Honeypot filled in on the %s form; nothing saved.", public_form.scope)
        request.session[public_form.receipt_key] = ""
        return redirect(public_form.receipt_url)
    if not ratelimit.allow(request, public_form.scope):
        form.add_error(None, public_form.too_many)
        form.status = 429
        return None
    with transaction.atomic():  # all of it or, if the database fails, nothing
        receipt = save(form.cleaned_data)
    if receipt is None:
        return None
    request.session[public_form.receipt_key] = receipt
    return redirect(public_form.receipt_url)


def receipt(request: HttpRequest, public_form: PublicForm) -> object | None:
    """What this browser's last send showed on its receipt ("" after a bot's
    send), or None when it sent nothing."""
    return request.session.get(public_form.receipt_key)
