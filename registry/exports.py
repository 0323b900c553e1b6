"""The columns and rows of the directory's CSV files: the public one (public
fields only) and the advisors' one (every field). ``asfportal.core.spreadsheet``
writes them."""

from django.utils.translation import gettext as _

from asfportal.core.people import display_name
from registry.models import Criterion, CriterionState
from registry.presentation import access_facts


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
