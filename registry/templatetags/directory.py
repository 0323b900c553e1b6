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


def _errors(field) -> str:
    if not field.errors:
        return ""
    return format_html('<div class="invalid-feedback d-block">{}</div>', field.errors)


def _field(field) -> str:
    """A labelled search box or select (the order)."""
    return format_html(
        '<div class="mb-3">\n  <label class="form-label" for="{}">{}</label>\n  {}\n  {}</div>',
        field.id_for_label,
        field.label,
        bare_widget(field),
        _errors(field),
    )


def _facet_select(field, options) -> str:
    """A filter whose options carry their counts: "Café (12)", what choosing
    it would give."""
    invalid = ""
    if field.errors:
        invalid = format_html(' aria-invalid="true" aria-describedby="{}_error"', field.auto_id)
    return format_html(
        '<div class="mb-3">\n  <label class="form-label" for="{}">{}</label>\n'
        '  <select name="{}" id="{}" class="form-select{}"{}>\n'
        '    <option value="">{}</option>\n    {}\n  </select>\n  {}</div>',
        field.id_for_label,
        field.label,
        field.html_name,
        field.id_for_label,
        " is-invalid" if field.errors else "",
        invalid,
        field.field.choices[0][1],
        facet_options(options, field.value()),
        _errors(field),
    )


def _facet_checkbox(field, count: int) -> str:
    return format_html(
        '<div class="form-check mb-2">\n  {}\n'
        '  <label class="form-check-label" for="{}">{} ({})</label>\n</div>',
        bare_widget(field),
        field.id_for_label,
        field.label,
        count,
    )


@register.simple_tag
def directory_filters(form, facets) -> str:
    """The directory's search box, filters and order, built in Python: this
    form is rendered for every search, and ten template includes cost more
    than the rest of the page."""
    parts = [
        _field(form["q"]),
        _facet_select(form["erbjudande"], facets.offering_kind),
        _facet_select(form["bransch"], facets.industry),
        _facet_select(form["malgrupp"], facets.target_group),
        _facet_select(form["omrade"], facets.area),
        _facet_select(form["juridisk_form"], facets.legal_form),
        _facet_checkbox(form["lediga_platser"], facets.open_places),
        _facet_checkbox(form["verifierad"], facets.verified),
        _facet_checkbox(form["bekraftade"], facets.confirmed),
        _field(form["sortering"]),
    ]
    return mark_safe("\n".join(parts))  # noqa: S308 - each part built with format_html
