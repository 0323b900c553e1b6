"""Registry objects as HSDS 3.0 objects (plain dicts for JSON). No queries:
the selectors load what each shape needs. The mapping is in docs/open-data.md.

Shapes: *list* items carry an object's own fields (the reference's compiled
``*_list`` schemas); *full* objects carry their nested arrays too.
"""

from django.conf import settings
from django.utils import timezone

from asfportal.core import hours
from opendata import vocabulary
from opendata.selectors import PartnerServiceAtLocation
from opendata.vocabulary import Taxonomy, Term, derived_id
from registry.models import (
    ACCESS_FACTS,
    CheckSource,
    Offering,
    Partner,
    PartnerTopic,
    Place,
    Session,
    SocialEnterprise,
)

HSDS_VERSION = "3.0"
ORG_NUMBER_SCHEME = "SE-BLV"  # org-id.guide: Bolagsverket's organisationsnummer


def _url(path: str) -> str:
    return settings.SITE_URL + path


def _moment(value) -> str:
    return timezone.localtime(value).isoformat()


def _compact(data: dict) -> dict:
    """Leave out what we do not know rather than publishing empty strings."""
    return {key: value for key, value in data.items() if value not in (None, "", [])}


# --- taxonomies and attributes -------------------------------------------------


def taxonomy(item: Taxonomy) -> dict:
    return {
        "id": item.id,
        "name": item.name,
        "description": item.description,
        "uri": _url(f"/api/hsds/taxonomies/{item.id}"),
        "version": "1",
    }


def taxonomy_term(term: Term) -> dict:
    return {
        "id": term.id,
        "code": term.code,
        "name": term.name,
        "description": term.description,
        "taxonomy": term.taxonomy.name,
        "taxonomy_id": term.taxonomy.id,
        "taxonomy_detail": taxonomy(term.taxonomy),
        "language": "sv",
    }


def row_term(row, item: Taxonomy) -> Term:
    """An industry, target group or area as a term of its taxonomy."""
    return Term(str(row.uuid), row.slug, row.name, item)


def _attribute(link_type: str, link_id, term: Term, value: object = None) -> dict:
    return _compact(
        {
            "id": derived_id("attribute", link_id, term.id),
            "link_id": str(link_id),
            "link_type": link_type,
            "link_entity": link_type,
            "taxonomy_term_id": term.id,
            "taxonomy_term": taxonomy_term(term),
            "value": None if value is None else str(value),
        }
    )


# --- places ------------------------------------------------------------------------


def _address(location_id, street: str, postal_code: str, city: str) -> list[dict]:
    if not (street and city):
        return []
    return [
        {
            "id": derived_id("address", location_id),
            "location_id": str(location_id),
            "address_1": street,
            "city": city,
            "state_province": settings.OPEN_DATA_REGION,
            "postal_code": postal_code,
            "country": "SE",
            "address_type": "physical",
        }
    ]


def _opening_hours(location_id, text: str) -> list[dict]:
    if not text:
        return []
    return [
        {
            "id": derived_id("opening_hours", location_id),
            "location_id": str(location_id),
            "description": text,
            "attending_type": "in_person",
        }
    ]


def _regular_hours(place: Place) -> list[dict]:
    """The place's hours as HSDS schedules with RFC 5545 recurrence fields
    (``asfportal.core.hours.hsds_schedule``); the note about the hours, if
    any, as a schedule of text alone."""
    rules = [
        {
            "id": derived_id(f"hours:{index}", place.uuid),
            "location_id": str(place.uuid),
            **hours.hsds_schedule(rule),
            "attending_type": "in_person",
        }
        for index, rule in enumerate(place.hours)
    ]
    return rules + _opening_hours(place.uuid, place.opening_hours)


def _session_schedule(session: Session, place: Place, page: str) -> dict:
    starts, ends = timezone.localtime(session.starts_at), timezone.localtime(session.ends_at)
    text = session.title + (f". {session.description}" if session.description else "")
    return {
        "id": str(session.uuid),
        "location_id": str(place.uuid),
        "valid_from": starts.date().isoformat(),
        "valid_to": ends.date().isoformat(),
        "dtstart": starts.date().isoformat(),
        "until": ends.date().isoformat(),
        "opens_at": starts.strftime("%H:%M"),
        "closes_at": ends.strftime("%H:%M"),
        "description": text,
        "schedule_link": page,
        "attending_type": "in_person",
    }


def _coordinates(record) -> dict:
    if record.latitude is None or record.longitude is None:
        return {}
    return {"latitude": float(record.latitude), "longitude": float(record.longitude)}


def enterprise_location(enterprise: SocialEnterprise, full: bool = True) -> dict:
    data = {
        "id": str(enterprise.location_uuid),
        "location_type": "physical",
        "organization_id": str(enterprise.uuid),
        "name": enterprise.name,
        "url": _url(enterprise.get_absolute_url()),
        **_coordinates(enterprise),
    }
    if full:
        location_id = enterprise.location_uuid
        data["addresses"] = _address(
            location_id, enterprise.street_address, enterprise.postal_code, enterprise.city
        )
        data["schedules"] = _opening_hours(location_id, enterprise.opening_hours)
        data["languages"] = _languages("location", location_id, enterprise)
        data["accessibility"] = _accessibility(enterprise)
        if enterprise.public_transport:
            data["transportation"] = enterprise.transit_stop or str(
                SocialEnterprise._meta.get_field("public_transport").verbose_name
            )
    return _compact(data)


def _languages(owner: str, owner_id, enterprise: SocialEnterprise) -> list[dict]:
    """The languages supervisors can use at work (ISO 639-1; ``swl`` for
    Swedish sign language, ISO 639-3), on a location or a service."""
    return [
        {
            "id": derived_id("language", owner, owner_id, language.code),
            f"{owner}_id": str(owner_id),
            "name": language.name,
            "code": language.code,
        }
        for language in enterprise.languages.all()
    ]


def _accessibility(enterprise: SocialEnterprise) -> list[dict]:
    """One HSDS accessibility object per fact the premises have."""
    location_id = enterprise.location_uuid
    return [
        {
            "id": derived_id("accessibility", location_id, field),
            "location_id": str(location_id),
            "description": str(SocialEnterprise._meta.get_field(field).verbose_name).capitalize(),
        }
        for field, _param in ACCESS_FACTS
        if getattr(enterprise, field)
    ]


def place_location(place: Place, partner: Partner, full: bool = True) -> dict:
    data = {
        "id": str(place.uuid),
        "location_type": "physical",
        "organization_id": str(partner.uuid),
        "name": place.name,
        **_coordinates(place),
    }
    if full:
        page = _url(partner.get_absolute_url())
        data["addresses"] = _address(
            place.uuid, place.street_address, place.postal_code, place.city
        )
        data["schedules"] = _regular_hours(place) + [
            _session_schedule(session, place, page) for session in place.sessions.all()
        ]
    return _compact(data)


def _phones(owner: str, owner_id, number: str) -> list[dict]:
    if not number:
        return []
    return [{"id": derived_id("phone", owner_id), f"{owner}_id": str(owner_id), "number": number}]


# --- organizations -----------------------------------------------------------------


def _enterprise_base(enterprise: SocialEnterprise) -> dict:
    return _compact(
        {
            "id": str(enterprise.uuid),
            "name": enterprise.name,
            "description": enterprise.description or enterprise.short_description,
            "alternate_name": None,
            "email": enterprise.email,
            "website": enterprise.website,
            "legal_status": enterprise.get_legal_form_display(),
            "uri": _url(enterprise.get_absolute_url()),
        }
    )


def _enterprise_attributes(enterprise: SocialEnterprise) -> list[dict]:
    link = enterprise.uuid
    facts = [
        _attribute(
            "organization",
            link,
            (vocabulary.FACT_CRITERION if v.verified else vocabulary.FACT_CRITERION_NOT_MET)[
                v.criterion
            ],
            timezone.localdate(v.verified_at).isoformat() if v.verified_at else None,
        )
        for v in enterprise.verifications.all()
        if v.verified is not None
    ]
    for term, value in (
        (vocabulary.FACT_SKOOPI, enterprise.skoopi_certified_on),
        (vocabulary.FACT_SKOOPI_UNTIL, enterprise.skoopi_valid_until),
        (vocabulary.FACT_LOU_SHARE, enterprise.lou_share_percent),
        (vocabulary.FACT_LOU_CHECKED, enterprise.lou_checked_on),
        (vocabulary.FACT_CHECKED_BY, _checked_by(enterprise)),
    ):
        if value is not None and value != "":
            facts.append(_attribute("organization", link, term, _text(value)))
    industries = [
        _attribute("organization", link, row_term(i, vocabulary.INDUSTRY))
        for i in enterprise.industries.all()
    ]
    return facts + industries


def _text(value) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _checked_by(enterprise: SocialEnterprise) -> str | None:
    return {CheckSource.ADVISOR: "kommunen", CheckSource.ENTERPRISE: "foretaget"}.get(
        enterprise.last_checked_source
    )


def enterprise_organization(enterprise: SocialEnterprise, full: bool, full_service: bool) -> dict:
    data = _enterprise_base(enterprise)
    if not (full or full_service):
        return data
    data |= {
        "organization_identifiers": [
            {
                "id": derived_id("organization_identifier", enterprise.uuid),
                "organization_id": str(enterprise.uuid),
                "identifier_scheme": ORG_NUMBER_SCHEME,
                "identifier_type": "Organisationsnummer",
                "identifier": enterprise.org_number_display,
            }
        ],
        "phones": _phones("organization", enterprise.uuid, enterprise.phone),
        "contacts": _contacts(enterprise),
        "locations": [enterprise_location(enterprise)],
        "attributes": _enterprise_attributes(enterprise),
        "services": [
            offering_service(o, enterprise, full=full_service) for o in enterprise.offerings.all()
        ],
    }
    return _compact(data) | {"services": data["services"]}


def _contacts(enterprise: SocialEnterprise) -> list[dict]:
    if not enterprise.contact_name:
        return []
    return [
        _compact(
            {
                "id": derived_id("contact", enterprise.uuid),
                "organization_id": str(enterprise.uuid),
                "name": enterprise.contact_name,
                "email": enterprise.email,
            }
        )
    ]


def _partner_base(partner: Partner) -> dict:
    return _compact(
        {
            "id": str(partner.uuid),
            "name": partner.name,
            "description": partner.description or partner.summary,
            "email": partner.email,
            "website": partner.website,
            "legal_status": partner.get_kind_display(),
            "uri": _url(partner.get_absolute_url()),
        }
    )


def partner_organization(partner: Partner, full: bool, full_service: bool) -> dict:
    data = _partner_base(partner)
    if not (full or full_service):
        return data
    places = list(partner.places.all())
    data |= {
        "phones": _phones("organization", partner.uuid, partner.phone),
        "locations": [place_location(place, partner) for place in places],
        "services": [
            topic_service(topic, partner, places, full=full_service)
            for topic in partner.topics.all()
        ],
    }
    return _compact(data) | {"services": data["services"]}


def organization(record, full: bool = False, full_service: bool = False) -> dict:
    if isinstance(record, SocialEnterprise):
        return enterprise_organization(record, full, full_service)
    return partner_organization(record, full, full_service)


# --- services -----------------------------------------------------------------------


def _offering_name(offering: Offering, enterprise: SocialEnterprise) -> str:
    return f"{offering.get_kind_display()} hos {enterprise.name}"


def offering_service(offering: Offering, enterprise: SocialEnterprise, full: bool) -> dict:
    data = {
        "id": str(offering.uuid),
        "organization_id": str(enterprise.uuid),
        "name": _offering_name(offering, enterprise),
        "description": offering.description or offering.get_kind_display(),
        "url": _url(enterprise.get_absolute_url()),
        "email": enterprise.email,
        "status": "active",
        "assured_date": enterprise.last_checked.isoformat() if enterprise.last_checked else None,
        "last_modified": _moment(enterprise.updated_at),
    }
    if not full:
        return _compact(data)
    data["eligibility_description"] = ", ".join(g.name for g in offering.target_groups.all())
    data["phones"] = _phones("service", offering.uuid, enterprise.phone)
    data["languages"] = _languages("service", offering.uuid, enterprise)
    data["service_at_locations"] = [offering_at_location(offering, enterprise, full=True)]
    if enterprise.area is not None:
        data["service_areas"] = [
            {
                "id": derived_id("service_area", offering.uuid),
                "service_id": str(offering.uuid),
                "name": enterprise.area.name,
                "extent_type": "text",
            }
        ]
    data["attributes"] = _offering_attributes(offering, enterprise)
    return _compact(data)


def _offering_attributes(offering: Offering, enterprise: SocialEnterprise) -> list[dict]:
    link = offering.uuid
    kinds, referrers = vocabulary.offering_kind_terms(), vocabulary.referrer_terms()
    found = [_attribute("service", link, kinds[offering.kind])]
    found += [
        _attribute("service", link, row_term(g, vocabulary.TARGET_GROUP))
        for g in offering.target_groups.all()
    ]
    found += [
        _attribute("service", link, referrers[r.referrer])
        for r in offering.accepted_referrers.all()
    ]
    found += [
        _attribute("service", link, row_term(i, vocabulary.INDUSTRY))
        for i in enterprise.industries.all()
    ]
    if enterprise.area is not None:
        found.append(_attribute("service", link, row_term(enterprise.area, vocabulary.AREA)))
    if offering.open_places is not None:
        found.append(_attribute("service", link, vocabulary.FACT_OPEN_PLACES, offering.open_places))
    if checked_by := _checked_by(enterprise):
        found.append(_attribute("service", link, vocabulary.FACT_CHECKED_BY, checked_by))
    return found


def topic_service(topic: PartnerTopic, partner: Partner, places: list[Place], full: bool) -> dict:
    data = {
        "id": str(topic.uuid),
        "organization_id": str(partner.uuid),
        "name": f"{topic.get_topic_display()} – {partner.name}",
        "description": partner.summary,
        "url": _url(partner.get_absolute_url()),
        "email": partner.email,
        "status": "active",
        "last_modified": _moment(partner.updated_at),
    }
    if not full:
        return _compact(data)
    data["phones"] = _phones("service", topic.uuid, partner.phone)
    data["service_at_locations"] = [
        partner_at_location(PartnerServiceAtLocation(topic, place), full=True) for place in places
    ]
    term = vocabulary.help_topic_terms()[topic.topic]
    data["attributes"] = [_attribute("service", topic.uuid, term)]
    return _compact(data)


def service(record, full: bool = False) -> dict:
    """A list item (``full`` False) carries its organization's own fields."""
    if isinstance(record, Offering):
        data = offering_service(record, record.enterprise, full)
        organization_data = _enterprise_base(record.enterprise)
    else:
        places = list(record.partner.places.all()) if full else []
        data = topic_service(record, record.partner, places, full)
        organization_data = _partner_base(record.partner)
    return data | {"organization": organization_data}


# --- services at locations ----------------------------------------------------------


def offering_at_location(offering: Offering, enterprise: SocialEnterprise, full: bool) -> dict:
    data = {
        "id": str(offering.at_location_uuid),
        "service_id": str(offering.uuid),
        "location_id": str(enterprise.location_uuid),
        "location": enterprise_location(enterprise, full=full),
    }
    return data


def partner_at_location(pair: PartnerServiceAtLocation, full: bool) -> dict:
    partner = pair.topic.partner
    return {
        "id": pair.id,
        "service_id": str(pair.topic.uuid),
        "location_id": str(pair.place.uuid),
        "description": f"{pair.topic.get_topic_display()} – {partner.name}, {pair.place.name}",
        "location": place_location(pair.place, partner, full=full),
    }


def service_at_location(record, full: bool = False) -> dict:
    if isinstance(record, Offering):
        data = offering_at_location(record, record.enterprise, full)
        if full:
            return data
        return data | {"service": offering_service(record, record.enterprise, full=False)}
    data = partner_at_location(record, full)
    if full:
        return data
    return data | {"service": topic_service(record.topic, record.topic.partner, [], full=False)}
