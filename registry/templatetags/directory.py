"""Template filters of the public directory."""

import html

from django import template
from django.forms.utils import flatatt
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from asfportal.core.kept import Kept
from registry.forms import PLACE_MAX_LENGTH, QUERY_MAX_LENGTH
from registry.models import ACCESS_FACTS
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
    a template loop costs more per option than everything else it does.
    An option that would give no results is left out, unless it is the one
    chosen: a list of fourteen languages with "(0)" helps nobody."""
    selected = str(selected or "")
    escape = html.escape
    text = "\n".join(
        f'<option value="{escape(o.value)}"{" selected" if o.value == selected else ""}>'
        f"{escape(o.label)} ({o.count:d})</option>"
        for o in options
        if o.count or o.value == selected
    )
    return mark_safe(text)  # noqa: S308 - every value escaped above


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


def _label(form, name: str) -> str:
    return html.escape(str(form.fields[name].label))


# The parts of the filter form that depend only on the language (labels and
# fixed attributes), escaped once per language and process.
_fixed: Kept[dict[str, str]] = Kept(20)


def _fixed_parts(form) -> dict[str, str]:
    def build() -> dict[str, str]:
        parts = {}
        for name in FACET_SELECTS:
            empty = html.escape(str(form.fields[name].choices[0][1]))
            parts[name] = (
                f'<div class="mb-3">\n  <label class="form-label" for="id_{name}">'
                f"{_label(form, name)}</label>\n"
                f'  <select name="{name}" id="id_{name}" class="form-select">\n'
                f'    <option value="">{empty}</option>\n    '
            )
        for name in (*FACET_CHECKBOXES, *ACCESS_CHECKBOXES):
            parts[name] = _label(form, name)
        parts["access_legend"] = html.escape(str(_("Lokalerna")))
        parts["q"] = _label(form, "q")
        parts["search"] = html.escape(str(_("Sök")))
        parts["nara"] = _label(form, "nara")
        parts["nara_help"] = html.escape(str(form.fields["nara"].help_text))
        parts["near_me"] = html.escape(str(_("Använd min position")))
        parts["near_me_wait"] = html.escape(str(_("Hämtar din position …")))
        parts["near_me_failed"] = html.escape(
            str(_("Vi fick inte din position. Skriv ett postnummer eller en ort i stället."))
        )
        parts["sortering"] = _label(form, "sortering")
        parts["sort_options"] = [
            (html.escape(value), html.escape(str(label)))
            for value, label in form.fields["sortering"].choices
        ]
        return parts

    return _fixed.get((get_language(), type(form)), build)


def _search_box(form, fixed: dict[str, str]) -> str:
    """The search box with its own button beside it ("Sök")."""
    field = form["q"]
    button = f'<button type="submit" class="btn btn-primary">{fixed["search"]}</button>'
    if field.errors:  # too long: Django's own widget and error
        return format_html(
            '<div class="mb-3 directory-search">\n  <label class="form-label" for="{}">{}</label>'
            '\n  <div class="directory-search__row">\n  {}\n  {}\n  </div>\n  {}</div>',
            field.id_for_label,
            field.label,
            bare_widget(field),
            mark_safe(button),  # noqa: S308 - escaped when the fixed parts were made
            _errors(field),
        )
    value = field.value()
    value = f' value="{html.escape(str(value))}"' if value not in (None, "") else ""
    return (
        f'<div class="mb-3 directory-search">\n  <label class="form-label" for="id_q">'
        f'{fixed["q"]}</label>\n  <div class="directory-search__row">\n'
        f'  <input type="search" name="q"{value} autocomplete="off" class="form-control"'
        f' data-hx-preserve="true" id="id_q" maxlength="{QUERY_MAX_LENGTH}">\n'
        f"  {button}\n  </div>\n  </div>"
    )


def _facet_select(form, name: str, options, fixed: dict[str, str]) -> str:
    """A filter whose options carry their counts: "Café (12)", what choosing
    it would give."""
    field = form[name]
    if field.errors:
        return _slow_facet_select(field, options)
    return "".join([fixed[name], facet_options(options, field.value()), "\n  </select>\n  </div>"])


def _slow_facet_select(field, options) -> str:
    """A filter with an error, through Django's own attributes."""
    invalid = format_html(' aria-invalid="true" aria-describedby="{}_error"', field.auto_id)
    return format_html(
        '<div class="mb-3">\n  <label class="form-label" for="{}">{}</label>\n'
        '  <select name="{}" id="{}" class="form-select is-invalid"{}>\n'
        '    <option value="">{}</option>\n    {}\n  </select>\n  {}</div>',
        field.id_for_label,
        field.label,
        field.html_name,
        field.id_for_label,
        invalid,
        field.field.choices[0][1],
        facet_options(options, field.value()),
        _errors(field),
    )


def _facet_checkbox(form, name: str, count: int, fixed: dict[str, str]) -> str:
    """A checkbox with its count; left out when it would give no results and
    is not ticked."""
    field = form[name]
    checked = " checked" if field.field.widget.check_test(field.value()) else ""
    if not count and not checked:
        return ""
    if field.errors:  # a checkbox has none today; kept exact if one is added
        widget = bare_widget(field)
    else:
        widget = (
            f'<input type="checkbox" name="{name}" class="form-check-input"'
            f' id="id_{name}"{checked}>'
        )
    return (
        f'<div class="form-check mb-2">\n  {widget}\n'
        f'  <label class="form-check-label" for="id_{name}">{fixed[name]} ({count:d})</label>\n'
        "</div>"
    )


def _access_group(form, facets, fixed: dict[str, str]) -> str:
    """The accessibility checkboxes under one legend."""
    boxes = "\n".join(
        box
        for name, field in ACCESS_CHECKBOXES.items()
        if (box := _facet_checkbox(form, name, facets.access[field], fixed))
    )
    if not boxes:
        return ""
    return (
        f'<fieldset class="mb-3">\n<legend class="form-label fs-6">{fixed["access_legend"]}'
        f"</legend>\n{boxes}\n</fieldset>"
    )


def _place_box(form, fixed: dict[str, str]) -> str:
    """The place to measure distance from, the button that fills in the
    browser's position instead (shown by static/js/site.js where it can
    work) and that position, rounded, in a hidden field."""
    field = form["nara"]
    value = field.value()
    value = f' value="{html.escape(str(value))}"' if value not in (None, "") else ""
    invalid, error = "", ""
    if field.errors:
        invalid = ' aria-invalid="true" aria-describedby="id_nara_error id_nara_helptext"'
        error = format_html(
            '<div class="invalid-feedback d-block" id="id_nara_error">{}</div>', field.errors[0]
        )
    described = "" if invalid else ' aria-describedby="id_nara_helptext"'
    attrs = f'maxlength="{PLACE_MAX_LENGTH}" autocomplete="postal-code"{invalid}{described}'
    css = "form-control is-invalid" if error else "form-control"
    form.is_valid()
    origin = None if field.value() else form.cleaned_data.get("position")
    kept = f' value="{origin.latitude:.2f},{origin.longitude:.2f}"' if origin else ""
    return (
        f'<div class="mb-3">\n  <label class="form-label" for="id_nara">{fixed["nara"]}</label>\n'
        f'  <input type="text" name="nara"{value} class="{css}" id="id_nara" {attrs}>\n'
        f"  {error}"
        f'<div class="form-text" id="id_nara_helptext">{fixed["nara_help"]}</div>\n'
        f'  <button type="button" class="btn btn-outline-primary btn-sm mt-2 js-near-me" hidden'
        f' data-wait="{fixed["near_me_wait"]}" data-failed="{fixed["near_me_failed"]}">'
        f"{fixed['near_me']}</button>\n"
        '  <p class="form-text js-near-me-status mb-0" aria-live="polite"></p>\n'
        f'  <input type="hidden" name="position" id="id_position"{kept}>\n  </div>'
    )


def _sort_select(form, fixed: dict[str, str]) -> str:
    field = form["sortering"]
    if field.errors:
        return _field(field)
    chosen = str(field.value() or "")
    used = getattr(form, "sort_param", "relevans")  # the order used, set by query()
    if used != "relevans" or chosen:
        chosen = used  # a place alone sorts nearest first; say so
    options = "".join(
        f'\n  <option value="{value}"{" selected" if value == chosen else ""}>{label}</option>\n'
        for value, label in fixed["sort_options"]
    )
    return (
        f'<div class="mb-3">\n  <label class="form-label" for="id_sortering">{fixed["sortering"]}'
        f'</label>\n  <select name="sortering" class="form-select" id="id_sortering">{options}\n'
        "</select>\n  </div>"
    )


FACET_SELECTS = {
    "erbjudande": "offering_kind",
    "bransch": "industry",
    "malgrupp": "target_group",
    "omrade": "area",
    "juridisk_form": "legal_form",
    "sprak": "language",
}
FACET_CHECKBOXES = {
    "lediga_platser": "open_places",
    "verifierad": "verified",
    "bekraftade": "confirmed",
}
# The premises' accessibility, as a group of checkboxes: parameter -> field.
ACCESS_CHECKBOXES = {param: field for field, param in ACCESS_FACTS}


@register.simple_tag
def directory_filters(form, facets) -> str:
    """The directory's place, filters and order, built in Python with the
    HTML Django's widgets would give: this form is rendered for every search,
    and ten template includes, or Django's widget rendering, cost more than
    the rest of the page. A field with an error takes Django's own path."""
    fixed = _fixed_parts(form)
    parts = [
        _place_box(form, fixed),
        *(
            _facet_select(form, name, getattr(facets, facet), fixed)
            for name, facet in FACET_SELECTS.items()
        ),
        *(
            _facet_checkbox(form, name, getattr(facets, facet), fixed)
            for name, facet in FACET_CHECKBOXES.items()
        ),
        _access_group(form, facets, fixed),
        _sort_select(form, fixed),
    ]
    return mark_safe("\n".join(part for part in parts if part))  # noqa: S308 - escaped above


@register.simple_tag
def directory_search(form) -> str:
    """The search box, first on the page, outside the folded filters."""
    return mark_safe(_search_box(form, _fixed_parts(form)))  # noqa: S308 - escaped inside
