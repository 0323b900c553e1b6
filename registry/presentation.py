"""Shaping registry objects for pages: verification badges and JSON-LD.

No queries here: everything works on objects the selectors already loaded.
"""

from dataclasses import dataclass
from urllib.parse import quote

from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from asfportal.core.phones import tel_href
from registry.models import (
    ACCESS_FACTS,
    Criterion,
    CriterionState,
    CriterionVerification,
    LegalForm,
    Offering,
    Referrer,
    SocialEnterprise,
)


@dataclass(frozen=True)
class CriterionStatus:
    """One ASF criterion as the profile shows it: met, not met, or not
    assessed yet (no verdict, or an advisor set it back to not assessed)."""

    label: str
    verification: CriterionVerification | None

    @property
    def state(self) -> str:
        return self.verification.state if self.verification else CriterionState.NOT_ASSESSED

    @property
    def verified(self) -> bool:
        return self.state == CriterionState.MET

    @property
    def not_met(self) -> bool:
        return self.state == CriterionState.NOT_MET

    @property
    def assessed(self) -> bool:
        return self.state != CriterionState.NOT_ASSESSED


def access_facts(enterprise: SocialEnterprise) -> list[str]:
    """What the premises offer, in words ("Entré utan trappsteg", "Hiss" ...)."""
    return [
        str(capfirst(SocialEnterprise._meta.get_field(field).verbose_name))
        for field, _word in ACCESS_FACTS
        if getattr(enterprise, field)
    ]


def criteria_status(enterprise: SocialEnterprise) -> list[CriterionStatus]:
    by_criterion = {v.criterion: v for v in enterprise.verifications.all()}
    return [CriterionStatus(str(c.label), by_criterion.get(c.value)) for c in Criterion]


# A few words for the legal forms a citizen may not know (svb above all).
LEGAL_FORM_NOTES = {
    LegalForm.ECONOMIC_ASSOCIATION: gettext_lazy(
        "Ett företag som ägs och styrs av sina medlemmar."
    ),
    LegalForm.NONPROFIT_ASSOCIATION: gettext_lazy("En förening som inte har vinst som mål."),
    LegalForm.FOUNDATION: gettext_lazy("Pengar och verksamhet för ett bestämt syfte, utan ägare."),
    LegalForm.LIMITED_COMPANY_SVB: gettext_lazy(
        "Svb betyder särskild vinstutdelningsbegränsning: ägarna får bara ta ut lite av "
        "vinsten. Resten stannar i företaget."
    ),
}


def legal_form_note(enterprise: SocialEnterprise) -> str:
    return str(LEGAL_FORM_NOTES.get(enterprise.legal_form, ""))


@dataclass(frozen=True)
class Routes:
    """How a person gets a place in an offering: by asking the enterprise
    themselves ("egen anmälan"), and through whom else."""

    directly: bool
    through: list[str]


def referral_routes(offering: Offering) -> Routes:
    referrers = [r.referrer for r in offering.accepted_referrers.all()]
    return Routes(
        directly=Referrer.SELF_REFERRAL in referrers,
        through=[str(Referrer(r).label) for r in referrers if r != Referrer.SELF_REFERRAL],
    )


@dataclass(frozen=True)
class Action:
    href: str
    label: str


def first_contact(enterprise: SocialEnterprise) -> Action | None:
    """The one thing to press to get in touch: call, else write, else the website."""
    if enterprise.phone:
        return Action(tel_href(enterprise.phone), _("Ring %(phone)s") % {"phone": enterprise.phone})
    if enterprise.email:
        return Action(f"mailto:{enterprise.email}", _("Skicka ett mejl"))
    if enterprise.website:
        return Action(enterprise.website, _("Gå till företagets webbplats"))
    return None


def directions_url(enterprise: SocialEnterprise) -> str:
    """A map with the way to the visiting address (OpenStreetMap's route
    planner to the point, or a search for the address): the phone's
    browser or map app finds the way from where the person is."""
    if enterprise.latitude is not None and enterprise.longitude is not None:
        point = quote(f";{enterprise.latitude:f},{enterprise.longitude:f}")
        return f"https://www.openstreetmap.org/directions?route={point}"
    address = ", ".join(
        part
        for part in (enterprise.street_address, enterprise.postal_code, enterprise.city)
        if part
    )
    return f"https://www.openstreetmap.org/search?query={quote(address)}" if address else ""


def organization_jsonld(enterprise: SocialEnterprise, url: str) -> dict:
    """schema.org Organization for search engines and other readers."""
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": enterprise.name,
        "url": url,
        "description": enterprise.short_description,
        "taxID": enterprise.org_number_display,
    }
    if enterprise.website:
        data["sameAs"] = [enterprise.website]
    if enterprise.email:
        data["email"] = enterprise.email
    if enterprise.phone:
        data["telephone"] = enterprise.phone
    if enterprise.employee_count is not None:
        data["numberOfEmployees"] = {
            "@type": "QuantitativeValue",
            "value": enterprise.employee_count,
        }
    if enterprise.street_address or enterprise.city:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": enterprise.street_address,
            "postalCode": enterprise.postal_code,
            "addressLocality": enterprise.city,
            "addressCountry": "SE",
        }
    if enterprise.latitude is not None and enterprise.longitude is not None:
        data["location"] = {
            "@type": "Place",
            "geo": {
                "@type": "GeoCoordinates",
                "latitude": float(enterprise.latitude),
                "longitude": float(enterprise.longitude),
            },
        }
    return data


def distance_text(km: float) -> str:
    """A distance as a card shows it: rounded, as the crow flies."""
    if km < 1:
        return _("Mindre än 1 km bort")
    return _("Ca %(km)s km bort") % {"km": f"{round(km):d}"}


def stale_note() -> str:
    """The public's words for a stale record (``registry.freshness``): the same
    months as the directory's filter and the advisors' queue. "Ingen": neither
    the municipality nor the enterprise itself has confirmed it."""
    months = settings.FRESH_MONTHS
    return ngettext(
        "Ingen har kontrollerat uppgifterna på över %(months)d månad. De kan vara inaktuella.",
        "Ingen har kontrollerat uppgifterna på över %(months)d månader. De kan vara inaktuella.",
        months,
    ) % {"months": months}


def checked_filter_label() -> str:
    """The directory's filter on the same rule."""
    months = settings.FRESH_MONTHS
    return ngettext(
        "Bara företag vars uppgifter har kontrollerats den senaste %(months)d månaden",
        "Bara företag vars uppgifter har kontrollerats de senaste %(months)d månaderna",
        months,
    ) % {"months": months}
