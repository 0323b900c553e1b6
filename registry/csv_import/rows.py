"""Checking each row of a parsed file against what the registry holds (the
``Lookups``, which ``registry.selectors.imports`` reads in three queries): the
organisation number, industries and area, legal form, the model's own rules.
No database: the checks only read ``Lookups``."""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from registry.csv_import.reading import (
    FIELD_COLUMNS,
    TEXT_FIELDS,
    YES_NO_FIELDS,
    ImportReport,
    ImportRow,
    Problem,
)
from registry.languages import LANGUAGES
from registry.models import Area, Industry, LegalForm, SocialEnterprise
from registry.orgnr import normalise_org_number

_LIST_SEPARATORS = re.compile(r"[;,]")
_HAS_SCHEME = re.compile(r"^[a-z][a-z0-9+.\-]*://", re.IGNORECASE)


@dataclass
class Lookups:
    industries: dict[str, Industry]
    areas: dict[str, Area]
    legal_forms: dict[str, str]
    existing: dict[str, tuple[int, str]]  # org number -> (pk, name)


def by_name_and_slug(terms) -> dict:
    found = {}
    for term in terms:
        found[term.slug.casefold()] = term
        found[term.name.casefold()] = term
    return found


def legal_forms() -> dict[str, str]:
    """Value or label, in Swedish and in the active language, -> value."""
    found = {}
    for value, label in LegalForm.choices:
        found[value.casefold()] = value
        found[str(label).casefold()] = value
        with translation.override("sv"):
            found[str(label).casefold()] = value
    return found


def normalised_org_number(row: ImportRow) -> str:
    try:
        return normalise_org_number(row.cells.get("organisationsnummer", ""))
    except ValidationError:
        return ""


def _check_org_number(row: ImportRow, lookups: Lookups, seen: dict[str, int]) -> None:
    raw = row.cells.get("organisationsnummer", "")
    if not raw:
        row.errors.append(Problem(_("Organisationsnummer saknas.")))
        return
    try:
        row.org_number = normalise_org_number(raw)
    except ValidationError as error:
        row.errors += [Problem(str(message)) for message in error.messages]
        return
    if row.org_number in lookups.existing:
        pk, name = lookups.existing[row.org_number]
        row.errors.append(
            Problem(
                _("Det finns redan ett företag med det här organisationsnumret:"),
                link_url=reverse("registry_staff:enterprise_edit", kwargs={"pk": pk}),
                link_text=name,
            )
        )
    if row.org_number in seen:
        row.errors.append(
            Problem(
                _("Raden har samma organisationsnummer som rad %(row)s.")
                % {"row": seen[row.org_number]}
            )
        )
    else:
        seen[row.org_number] = row.number


def _check_taxonomies(row: ImportRow, lookups: Lookups) -> None:
    for name in _LIST_SEPARATORS.split(row.cells.get("branscher", "")):
        name = name.strip()
        if not name:
            continue
        industry = lookups.industries.get(name.casefold())
        if industry is None:
            row.errors.append(
                Problem(_("Branschen ”%(name)s” finns inte i portalen.") % {"name": name})
            )
        elif industry not in row.industries:
            row.industries.append(industry)
    area_name = row.cells.get("omrade", "")
    if area_name:
        area = lookups.areas.get(area_name.casefold())
        if area is None:
            row.errors.append(
                Problem(_("Området ”%(name)s” finns inte i portalen.") % {"name": area_name})
            )
        row.fields["area"] = area


# A language by its Swedish name, its slug or its code; no query (a closed list).
LANGUAGE_CODES = {
    key.casefold(): code for code, name, slug in LANGUAGES for key in (code, name, slug)
}
YES = {"ja", "j", "x", "1", "yes", "true"}
NO = {"nej", "n", "0", "no", "false", ""}


def _check_languages(row: ImportRow) -> None:
    for name in _LIST_SEPARATORS.split(row.cells.get("sprak", "")):
        name = name.strip()
        if not name:
            continue
        code = LANGUAGE_CODES.get(name.casefold())
        if code is None:
            row.errors.append(
                Problem(_("Språket ”%(name)s” finns inte i listan över språk.") % {"name": name})
            )
        elif code not in row.languages:
            row.languages.append(code)


def _yes_no_fields(row: ImportRow) -> None:
    for model_field in YES_NO_FIELDS:
        column = FIELD_COLUMNS[model_field]
        value = row.cells.get(column, "").strip().casefold()
        row.fields[model_field] = value in YES
        if value not in YES | NO:
            row.errors.append(
                Problem(
                    _("Skriv ja eller nej i kolumnen %(column)s, inte ”%(value)s”.")
                    % {"column": column, "value": row.cells[column]}
                )
            )


def _text_fields(row: ImportRow, lookups: Lookups) -> list[str]:
    """Fill row.fields from the text cells; the fields full_clean should skip."""
    for model_field in TEXT_FIELDS:
        row.fields[model_field] = row.cells.get(FIELD_COLUMNS[model_field], "")
    website = row.fields["website"]
    if website and not _HAS_SCHEME.match(website):
        row.fields["website"] = f"https://{website}"
    # The slug is made when saving; the area came from the database, and
    # checking that it exists would cost a query per row.
    exclude = ["slug", "area"]
    legal_form = row.cells.get("juridisk_form", "")
    row.fields["legal_form"] = lookups.legal_forms.get(legal_form.casefold(), legal_form)
    if legal_form and legal_form.casefold() not in lookups.legal_forms:
        exclude.append("legal_form")
        choices = ", ".join(str(label) for _value, label in LegalForm.choices)
        row.errors.append(
            Problem(
                _("Juridisk form ”%(value)s” finns inte. Skriv en av: %(choices)s.")
                % {"value": legal_form, "choices": choices}
            )
        )
    for column, text in row.cells.items():
        if text.startswith("="):
            row.warnings.append(
                Problem(
                    _(
                        "Cellen i kolumnen %(column)s börjar med = och sparas som text, "
                        "inte som formel."
                    )
                    % {"column": column}
                )
            )
    return exclude


def _check_model(row: ImportRow, exclude: list[str]) -> None:
    """The model's own rules (lengths, e-mail, web address, choices). Uniqueness
    is reported by _check_org_number instead, and the check constraints concern
    fields an import never sets; both would cost queries per row."""
    if not row.org_number:
        exclude.append("org_number")
    enterprise = SocialEnterprise(
        org_number=row.org_number,
        slug=slugify(row.name)[:200] or "foretag",
        **row.fields,
    )
    try:
        enterprise.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        for model_field, messages in error.message_dict.items():
            column = FIELD_COLUMNS.get(model_field, model_field)
            row.errors += [Problem(f"{column}: {message}") for message in messages]


def check_rows(report: ImportReport, lookups: Lookups) -> ImportReport:
    """Check every row of a parsed file against ``lookups`` (what the registry
    holds), filling in each row's errors, warnings and the fields to save."""
    seen: dict[str, int] = {}
    for row in report.rows:
        _check_org_number(row, lookups, seen)
        _check_taxonomies(row, lookups)
        _check_languages(row)
        _yes_no_fields(row)
        exclude = _text_fields(row, lookups)
        _check_model(row, exclude)
        row.fields["org_number"] = row.org_number
    return report
