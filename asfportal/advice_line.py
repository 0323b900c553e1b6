"""The advice service's phone line ("Prata med en rådgivare"): its number and
the hours it answers, from the settings ``ADVICE_PHONE`` and
``ADVICE_PHONE_HOURS`` (short Swedish lines as a place's hours are written,
separated by ";"). Read once when the site starts (``AsfportalConfig.ready``),
so a mistyped setting stops every process at start, not every page later."""

from functools import cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from asfportal.core import hours
from asfportal.core.phones import tel_href


@cache
def _rules(text: str) -> list[hours.Rule]:
    try:
        return hours.parse(text.replace(";", "\n"))
    except hours.HoursError as problem:
        raise ImproperlyConfigured(f"ADVICE_PHONE_HOURS: {problem.message}") from None


def check_settings() -> None:
    """Read the setting now; raises ImproperlyConfigured when it cannot be read."""
    _rules(settings.ADVICE_PHONE_HOURS or "")


@cache
def _described(text: str, language: str) -> tuple[str, ...]:
    return tuple(hours.describe_all(_rules(text)))


def context(language: str) -> dict:
    """The phone number, its tel: link and its hours in ``language``."""
    phone = settings.ADVICE_PHONE or ""
    return {
        "ADVICE_PHONE": phone,
        "ADVICE_PHONE_HREF": tel_href(phone),
        "ADVICE_PHONE_HOURS": _described(settings.ADVICE_PHONE_HOURS or "", language)
        if phone
        else (),
    }
