"""Form data for the advisors' edit pages, as a browser would post it."""

from registry.models import SocialEnterprise


def enterprise_data(enterprise: SocialEnterprise | None = None, **overrides) -> dict:
    """The edit form as it is shown, with ``overrides``; offerings kept as they are."""
    data = {
        "name": "Kaféet Gemenskap",
        "org_number": "769999-9996",
        "legal_form": "ekonomisk_forening",
        "short_description": "Café med arbetsträning.",
        "description": "",
        "street_address": "",
        "postal_code": "",
        "city": "",
        "website": "",
        "email": "",
        "phone": "",
        "contact_name": "",
        "version": "1",
    }
    offerings = []
    if enterprise is not None:
        data |= {
            "name": enterprise.name,
            "org_number": enterprise.org_number_display,
            "legal_form": enterprise.legal_form,
            "short_description": enterprise.short_description,
            "description": enterprise.description,
            "area": enterprise.area_id or "",
            "email": enterprise.email,
            "version": str(enterprise.version),
        }
        data["industries"] = [i.pk for i in enterprise.industries.all()]
        offerings = list(enterprise.offerings.all())
    data |= {
        "offerings-TOTAL_FORMS": str(len(offerings) + 1),
        "offerings-INITIAL_FORMS": str(len(offerings)),
        "offerings-MIN_NUM_FORMS": "0",
        "offerings-MAX_NUM_FORMS": "20",
    }
    for index, offering in enumerate(offerings):
        prefix = f"offerings-{index}-"
        data |= {
            prefix + "id": str(offering.pk),
            prefix + "kind": offering.kind,
            prefix + "description": offering.description,
            prefix + "open_places": "" if offering.open_places is None else offering.open_places,
        }
    new = f"offerings-{len(offerings)}-"
    data |= {new + "kind": "", new + "description": "", new + "open_places": ""}
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
