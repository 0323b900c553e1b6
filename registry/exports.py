"""CSV of the public directory: only public fields, safe to open in a spreadsheet."""

import csv
import re
from collections.abc import Iterable, Iterator

from django.utils.translation import gettext as _

from asfportal.core.people import display_name
from registry.models import Criterion, CriterionState
from registry.presentation import access_facts

# A cell starting with one of these is read as a formula by spreadsheet programs.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Digits and punctuation only (a phone number such as +46 8 123 45 67) cannot
# call a function, so it is left as it is.
_HARMLESS_NUMBER = re.compile(r"[+\-]?[\d\s().\-/]+")


def neutralise(value: object) -> str:
    """Text for a CSV cell that a spreadsheet will show, not evaluate."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_STARTS) and not _HARMLESS_NUMBER.fullmatch(text):
        return "'" + text
    return text


class _Echo:
    def write(self, value: str) -> str:
        return value


def public_columns() -> list[str]:
    return [
        _("Namn"),
        _("Organisationsnummer"),
        _("Juridisk form"),
        _("Område"),
        _("Kort beskrivning"),
        _("Branscher"),
        _("Erbjudanden"),
        _("Lediga platser"),
        _("Besöksadress"),
        _("Postnummer"),
        _("Ort"),
        _("Webbplats"),
        _("E-post"),
        _("Telefon"),
        _("Senast kontrollerad"),
        _("Profil"),
        *_language_and_access_columns(),
    ]


def _language_and_access_columns() -> list[str]:
    return [_("Språk på arbetsplatsen"), _("Lokalernas tillgänglighet"), _("Närmaste hållplats")]


def _language_and_access(enterprise) -> list[object]:
    return [
        ", ".join(language.name for language in enterprise.languages.all()),
        ", ".join(access_facts(enterprise)),
        enterprise.transit_stop,
    ]


def public_row(enterprise, profile_url: str) -> list[object]:
    offerings = list(enterprise.offerings.all())
    return [
        enterprise.name,
        enterprise.org_number_display,
        enterprise.get_legal_form_display(),
        enterprise.area.name if enterprise.area else "",
        enterprise.short_description,
        ", ".join(industry.name for industry in enterprise.industries.all()),
        ", ".join(sorted({str(o.get_kind_display()) for o in offerings})),
        enterprise.open_places_total if enterprise.open_places_total is not None else "",
        enterprise.street_address,
        enterprise.postal_code,
        enterprise.city,
        enterprise.website,
        enterprise.email,
        enterprise.phone,
        enterprise.last_checked.isoformat() if enterprise.last_checked else "",
        profile_url,
        *_language_and_access(enterprise),
    ]


def csv_lines(header: list[str], rows: Iterable[list[object]]) -> Iterator[str]:
    """Lines of RFC 4180 CSV, starting with a BOM so spreadsheets read UTF-8."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow([neutralise(cell) for cell in header])
    for row in rows:
        yield writer.writerow([neutralise(cell) for cell in row])


def staff_columns() -> list[str]:
    """Every field, public or not: for advisors only."""
    return [
        _("Id"),
        _("Namn"),
        _("Organisationsnummer"),
        _("Status"),
        _("Juridisk form"),
        _("Kort beskrivning"),
        _("Branscher"),
        _("Erbjudanden"),
        _("Besöksadress"),
        _("Postnummer"),
        _("Ort"),
        _("Webbplats"),
        _("E-post"),
        _("Telefon"),
        _("Kontaktperson"),
        _("Antal anställda"),
        _("Senast kontrollerad"),
        _("Kontrollerad av"),
        _("Kriterier uppfyllda"),
        *(_("Kriterium %(number)s") % {"number": c.value} for c in Criterion),
        _("Skoopi-certifierad"),
        _("Skoopi gäller till"),
        _("LOU-andel (%)"),
        _("LOU-underlag kontrollerat"),
        _("Påhittat exempel"),
        _("Ändrad"),
        *_language_and_access_columns(),
    ]


def _date(value) -> str:
    return value.isoformat() if value else ""


def _criteria_states(enterprise) -> list[str]:
    """Each criterion's state in words: met, not met or not assessed yet."""
    states = {v.criterion: v.state for v in enterprise.verifications.all()}
    return [str(states.get(c.value, CriterionState.NOT_ASSESSED).label) for c in Criterion]


def staff_row(enterprise) -> list[object]:
    checker = enterprise.last_checked_by
    verified = sum(1 for v in enterprise.verifications.all() if v.verified)
    return [
        enterprise.pk,
        enterprise.name,
        enterprise.org_number_display,
        enterprise.get_status_display(),
        enterprise.get_legal_form_display(),
        enterprise.short_description,
        ", ".join(industry.name for industry in enterprise.industries.all()),
        ", ".join(sorted({str(o.get_kind_display()) for o in enterprise.offerings.all()})),
        enterprise.street_address,
        enterprise.postal_code,
        enterprise.city,
        enterprise.website,
        enterprise.email,
        enterprise.phone,
        enterprise.contact_name,
        enterprise.employee_count if enterprise.employee_count is not None else "",
        _date(enterprise.last_checked),
        display_name(checker),
        f"{verified}/4",
        *_criteria_states(enterprise),
        _date(enterprise.skoopi_certified_on),
        _date(enterprise.skoopi_valid_until),
        enterprise.lou_share_percent if enterprise.lou_share_percent is not None else "",
        _date(enterprise.lou_checked_on),
        _("Ja") if enterprise.is_example else _("Nej"),
        enterprise.updated_at.isoformat(timespec="minutes"),
        *_language_and_access(enterprise),
    ]
