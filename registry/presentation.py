"""Shaping registry objects for pages: verification badges and JSON-LD.

No queries here: everything works on objects the selectors already loaded.
"""

from dataclasses import dataclass

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from registry.models import ACCESS_FACTS, Criterion, CriterionVerification, SocialEnterprise


@dataclass(frozen=True)
class CriterionStatus:
    label: str
    verification: CriterionVerification | None

    @property
    def verified(self) -> bool:
        return bool(self.verification and self.verification.verified)


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
