"""Template filters of the public directory."""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from registry.selectors.search import MARK_END, MARK_START

register = template.Library()


@register.filter
def marked(value: str) -> str:
    """A search snippet: the text escaped, then the database's hit markers
    (control characters no text contains) turned into <mark>. Empty when the
    snippet marks nothing (the hit was in the name, or a typo match)."""
    if MARK_START not in (value or ""):
        return ""
    html = escape(value or "").replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped above; only our own tags added
