"""Generic template filters: JSON-LD blocks, accessible form controls, names."""

import datetime
import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.safestring import mark_safe

from asfportal.core.people import display_name as _display_name
from asfportal.core.phones import tel_href

register = template.Library()

# The same escapes Django's json_script uses, so text can never close the tag.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def jsonld(value: dict) -> str:
    """A schema.org JSON-LD block. Browsers do not execute it, so the CSP allows it."""
    payload = json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(  # noqa: S308 - the payload is escaped above
        '<script type="application/ld+json">' + payload.translate(_JSON_ESCAPES) + "</script>"
    )


_CONTROL_CLASSES = {
    "select": "form-select",
    "checkbox": "form-check-input",
    "radioselect": "form-check-input",
    "checkboxselectmultiple": "form-check-input",
}


@register.filter
def control(field):
    """Render a form field's widget with Bootstrap's class and the ARIA links to
    its hint and error, so every public form is built the same accessible way."""
    css = _CONTROL_CLASSES.get(field.widget_type, "form-control")
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}_hint")
    if field.errors:
        css += " is-invalid"
        described.append(f"{field.auto_id}_error")
    attrs = {"class": css}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if field.errors and field.widget_type not in ("radioselect", "checkboxselectmultiple"):
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.filter
def first_input_id(field) -> str:
    """The id an error summary links to: the first radio or checkbox of a group."""
    if field.widget_type in ("radioselect", "checkboxselectmultiple"):
        return f"{field.auto_id}_0"
    return field.auto_id


@register.filter
def display_name(user) -> str:
    """A staff user's full name, else the username; "" for no user."""
    return _display_name(user)


@register.filter
def html_datetime(value) -> str:
    """A moment as a <time datetime> value: local time to the second with its
    offset, such as 2026-12-05T13:00:00+01:00 (the HTML standard allows at
    most three decimals, which Django's "c" format can exceed)."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.isoformat(timespec="seconds")
    return value.isoformat()


@register.filter
def tel(number: str) -> str:
    """A phone number as written, as a tel: link's address."""
    return tel_href(number or "")
