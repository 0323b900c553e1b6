"""Alerts ("Mejla mig när det finns nytt"): what is pure about them.

A subscription's filter set is the directory's own parameters, so an alert
matches exactly what the person saw. ``FILTER_PARAMS`` names the ones kept:
the place, the position, the order and the page are not filters and are never
stored. Links in the mails are signed (``make_token``/``read_token``) and name
the row and its secret, so a link stops working when the row is erased.
"""

import datetime
import hashlib
import hmac
from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms as django_forms
from django.core import signing
from django.utils.translation import gettext as _

from registry.models import ACCESS_FACTS, AlertFrequency

SALT = "registry.alerts"
CONFIRM = "c"  # the confirmation link (expires with ALERT_CONFIRM_DAYS)
MANAGE = "m"  # the subscription's own page and the unsubscribe link (no expiry)

FILTER_PARAMS = (
    "q",
    "erbjudande",
    "bransch",
    "malgrupp",
    "omrade",
    "juridisk_form",
    "sprak",
    "lediga_platser",
    "verifierad",
    "bekraftade",
    *(param for _field, param in ACCESS_FACTS),
    "exakt",  # the text as typed, without corrections
)


@dataclass(frozen=True)
class TokenClaims:
    subscription_id: int
    secret: str

    def matches(self, secret: str) -> bool:
        return hmac.compare_digest(self.secret, secret)


def make_token(*, purpose: str, subscription_id: int, secret: str) -> str:
    signer = signing.TimestampSigner(salt=f"{SALT}.{purpose}")
    return signer.sign_object([subscription_id, secret])


def token_for(subscription, purpose: str) -> str:
    """The signed token of ``subscription``'s link for ``purpose``."""
    return make_token(purpose=purpose, subscription_id=subscription.pk, secret=subscription.secret)


def read_token(token: str, *, purpose: str, max_age: int | None = None) -> TokenClaims | None:
    """The claims of a genuine token for ``purpose``, not older than
    ``max_age`` seconds; None for anything else."""
    if not token or len(token) > 200:
        return None
    signer = signing.TimestampSigner(salt=f"{SALT}.{purpose}")
    try:
        subscription_id, secret = signer.unsign_object(token, max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(subscription_id, int) or not isinstance(secret, str):
        return None
    return TokenClaims(subscription_id, secret)


def _kept(form: django_forms.Form) -> list[str]:
    """The filter parameters of a validated form that hold a valid value
    ("exakt" only with a text to search exactly)."""
    data = form.cleaned_data
    names = [name for name in FILTER_PARAMS if name not in form.errors and data.get(name)]
    if "q" not in names or not str(data["q"]).strip():
        names = [name for name in names if name not in ("q", "exakt")]
    return names


def canonical_filters(form: django_forms.Form) -> str:
    """The valid filters of a bound directory form as a query string in a
    fixed order ("" for none); invalid values are left out, as the directory
    leaves them out."""
    form.is_valid()
    pairs = []
    for name in _kept(form):
        value = form.cleaned_data.get(name)
        if value is True:
            pairs.append((name, "on"))
        elif isinstance(value, str) and value.strip():
            pairs.append((name, " ".join(value.split())))
    return urlencode(pairs)


def filters_key(filters: str) -> str:
    """What a filter set is unique by, with the address (its SHA-256)."""
    return hashlib.sha256(filters.encode()).hexdigest()


def describe_filters(form: django_forms.Form, *, with_text: bool = True) -> list[str]:
    """Each valid filter of a bound directory form as a short text for
    people ("Bransch: Café", "Hiss"), in the form's order. Without
    ``with_text`` a search text is only said to be there."""
    form.is_valid()
    texts = []
    for name in _kept(form):
        value = form.cleaned_data[name]
        field = form.fields[name]
        if name == "q" and not with_text:
            texts.append(_("Ett sökord (du ser det när du öppnar länken)"))
        elif name == "q":
            texts.append(_("Sökord: ”%(text)s”") % {"text": " ".join(value.split())})
        elif name == "exakt":
            texts.append(_("Bara träffar för exakt det du skrev"))
        elif value is True:
            texts.append(str(field.label))
        elif isinstance(field, django_forms.ChoiceField):
            label = dict(field.choices).get(value, value)
            texts.append(f"{field.label}: {label}")
    return texts


def period_start(day: datetime.date, frequency: str) -> datetime.date:
    """The first day of the period ``day`` is in: the day itself, or the
    Monday of its week."""
    if frequency == AlertFrequency.WEEKLY:
        return day - datetime.timedelta(days=day.weekday())
    return day
