"""System checks of settings that need more than a type: ``manage.py check``
and every server start run them, so a mistyped setting stops the site at once
instead of showing something wrong to the public."""

from django.conf import settings
from django.core.checks import Error, register

from asfportal.core import hours


@register()
def advice_phone_hours(app_configs=None, **kwargs) -> list[Error]:
    try:
        hours.parse(advice_hours_text())
    except hours.HoursError as problem:
        return [Error(f"ADVICE_PHONE_HOURS: {problem}", id="asfportal.E001")]
    return []


def advice_hours_text() -> str:
    """The setting with its ";" as the line breaks the hours are written with."""
    return (settings.ADVICE_PHONE_HOURS or "").replace(";", "\n")
