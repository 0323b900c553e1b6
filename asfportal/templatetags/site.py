import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

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
