"""Template filters of the public directory."""

from django import template
from django.forms.utils import flatatt
from django.utils.html import escape, format_html, format_html_join
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


_SELECTED = mark_safe(" selected")


@register.simple_tag
def facet_options(options, selected) -> str:
    """A filter's options with their counts, "Café (12)", built in one pass:
    a template loop costs more per option than everything else it does."""
    selected = str(selected or "")
    html = "\n".join(
        f'<option value="{escape(o.value)}"{" selected" if o.value == selected else ""}>'
        f"{escape(o.label)} ({o.count:d})</option>"
        for o in options
    )
    return mark_safe(html)  # noqa: S308 - every value escaped above


@register.simple_tag
def bare_widget(field) -> str:
    """A search box, checkbox or select as Django would render it, built
    without the widget templates: the directory renders its form for every
    search, and the templates cost more than the rest of the form."""
    widget = field.field.widget
    attrs = field.build_widget_attrs({}, widget)
    if field.auto_id and "id" not in widget.attrs:
        attrs["id"] = field.auto_id
    context = widget.get_context(field.html_name, field.value(), attrs)["widget"]
    if context["template_name"].endswith("select.html"):
        options = format_html_join(
            "",
            '\n  <option value="{}"{}>{}</option>\n',
            (
                (o["value"], _SELECTED if o["selected"] else "", o["label"])
                for _group, group_options, _index in context["optgroups"]
                for o in group_options
            ),
        )
        return format_html(
            '<select name="{}"{}>{}\n</select>', context["name"], flatatt(context["attrs"]), options
        )
    value = "" if context["value"] is None else format_html(' value="{}"', context["value"])
    return format_html(
        '<input type="{}" name="{}"{}{}>',
        context["type"],
        context["name"],
        value,
        flatatt(context["attrs"]),
    )
