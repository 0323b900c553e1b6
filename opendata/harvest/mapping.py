"""An HSDS 3.0 organization and its services as the fields of our enterprise
record. Pure: no database, no network.

The closed lists (offering kinds, referrers) and the ASF facts carry the same
term ids in every installation of this portal (``opendata.vocabulary``), so a
neighbour's offerings come across whole. Industries, target groups and areas
are matched by code, then by name, against this portal's own lists; what does
not match is left out for the advisor to fill in. A source that is not this
portal gives organizations with their contact details and address.
"""

import hashlib
import json
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils import translation

from opendata import vocabulary
from registry.models import LegalForm, OfferingKind, Referrer

ORG_NUMBER_SCHEMES = {"SE-BLV", "SE-ORG"}
SHORT_DESCRIPTION_LENGTH = 300


class MappingProblem(Exception):
    """The organization cannot be read (no id, no name, a wrong type)."""


class NotAnEnterprise(Exception):
    """Nothing to harvest: no organisationsnummer (a partner, for example)."""


@dataclass
class TermRef:
    code: str
    name: str


@dataclass
class RemoteOffering:
    kind: str
    description: str = ""
    open_places: int | None = None
    target_groups: list[TermRef] = field(default_factory=list)
    referrers: list[str] = field(default_factory=list)


@dataclass
class RemoteEnterprise:
    remote_id: str
    remote_url: str
    fields: dict
    industries: list[TermRef] = field(default_factory=list)
    areas: list[TermRef] = field(default_factory=list)
    offerings: list[RemoteOffering] = field(default_factory=list)
    services_left_out: int = 0  # services with no offering kind we know

    def as_json(self) -> dict:
        """Plain JSON (coordinates as text)."""
        return json.loads(json.dumps(asdict(self), default=str))

    def fingerprint(self) -> str:
        text = json.dumps(self.as_json(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()


def _text(data: dict, key: str) -> str:
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise MappingProblem(f"{key} is not text")
    return value.strip()


def _list(data: dict, key: str) -> list[dict]:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise MappingProblem(f"{key} is not a list")
    return [item for item in value if isinstance(item, dict)]


def _org_number(organization: dict) -> str:
    for identifier in _list(organization, "organization_identifiers"):
        scheme = _text(identifier, "identifier_scheme").upper()
        kind = _text(identifier, "identifier_type").casefold()
        if scheme in ORG_NUMBER_SCHEMES or "organisationsnummer" in kind:
            return _text(identifier, "identifier")
    return ""


def _legal_form(organization: dict) -> str:
    with translation.override("sv"):  # the labels our API publishes
        forms = {str(label).casefold(): value for value, label in LegalForm.choices}
    return forms.get(_text(organization, "legal_status").casefold(), LegalForm.OTHER)


def shorten(text: str, length: int = SHORT_DESCRIPTION_LENGTH) -> str:
    """The first sentence, or as many words as fit in ``length`` characters."""
    text = " ".join(text.split())
    end = text.find(". ")
    if 0 < end < length:
        return text[: end + 1]
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    if not text[length - 1].isspace():  # do not end in the middle of a word
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip() + "…"


def _physical(items: list[dict], key: str) -> dict:
    for item in items:
        if _text(item, key) in ("", "physical"):
            return item
    return {}


def _coordinate(location: dict, key: str) -> Decimal | None:
    value = location.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        number = Decimal(str(value)).quantize(Decimal("0.000001"))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _opening_hours(location: dict) -> str:
    for schedule in _list(location, "schedules"):
        dated = schedule.get("dtstart") or schedule.get("valid_from")
        if not dated and (description := _text(schedule, "description")):
            return description
    return ""


def _address_fields(organization: dict) -> dict:
    location = _physical(_list(organization, "locations"), "location_type")
    address = _physical(_list(location, "addresses"), "address_type")
    return {
        "street_address": _text(address, "address_1"),
        "postal_code": _text(address, "postal_code"),
        "city": _text(address, "city"),
        "latitude": _coordinate(location, "latitude"),
        "longitude": _coordinate(location, "longitude"),
        "opening_hours": _opening_hours(location),
    }


def _first(items: list[dict], key: str) -> str:
    return next((_text(item, key) for item in items if _text(item, key)), "")


def _terms(attributes: list[dict], taxonomy: vocabulary.Taxonomy) -> list[tuple[dict, str]]:
    """(term, value) of each attribute whose term is in ``taxonomy``, by id or name."""
    found = []
    for attribute in attributes:
        term = attribute.get("taxonomy_term")
        if not isinstance(term, dict):
            continue
        in_taxonomy = term.get("taxonomy_id") == taxonomy.id or term.get("taxonomy") == (
            taxonomy.name
        )
        if in_taxonomy:
            found.append((term, attribute.get("value")))
    return found


def _refs(attributes: list[dict], taxonomy: vocabulary.Taxonomy) -> list[TermRef]:
    refs = {
        (_text(term, "code"), _text(term, "name")) for term, _value in _terms(attributes, taxonomy)
    }
    return [TermRef(code, name) for code, name in sorted(refs)]


def _codes(attributes: list[dict], taxonomy: vocabulary.Taxonomy, known) -> list[str]:
    return sorted({ref.code for ref in _refs(attributes, taxonomy) if ref.code in known})


def _open_places(attributes: list[dict]) -> int | None:
    for term, value in _terms(attributes, vocabulary.ASF_FACT):
        if term.get("id") == vocabulary.FACT_OPEN_PLACES.id or (
            term.get("code") == vocabulary.FACT_OPEN_PLACES.code
        ):
            text = str(value).strip() if value is not None else ""
            if text.isascii() and text.isdigit() and int(text) <= 32767:
                return int(text)
    return None


def _offering(service: dict) -> RemoteOffering | None:
    attributes = _list(service, "attributes")
    kinds = _codes(attributes, vocabulary.OFFERING_KIND, OfferingKind.values)
    if not kinds:
        return None
    kind = kinds[0]
    description = _text(service, "description")
    with translation.override("sv"):
        kind_label = str(OfferingKind(kind).label)
    if description == kind_label:
        description = ""  # the API says the kind where there is no description
    return RemoteOffering(
        kind=kind,
        description=description,
        open_places=_open_places(attributes),
        target_groups=_refs(attributes, vocabulary.TARGET_GROUP),
        referrers=_codes(attributes, vocabulary.REFERRER, Referrer.values),
    )


def check(organization: object) -> tuple[str, str, str]:
    """The organization's id, name and organisationsnummer, before anything
    else is read. Raises MappingProblem for a record that cannot be read and
    NotAnEnterprise for one without an organisationsnummer."""
    if not isinstance(organization, dict):
        raise MappingProblem("the organization is not an object")
    remote_id, name = _text(organization, "id"), _text(organization, "name")
    if not remote_id or len(remote_id) > 200:
        raise MappingProblem("the organization has no usable id")
    if not name:
        raise MappingProblem("the organization has no name")
    org_number = _org_number(organization)
    if not org_number:
        raise NotAnEnterprise("no organisationsnummer")
    return remote_id, name, org_number


def enterprise_from_hsds(organization: object, services: list) -> RemoteEnterprise:
    """Our record's fields from a full organization and its full services.

    Raises as ``check`` does. Values are not checked against the registry's
    rules here: the service's ``full_clean`` does that.
    """
    remote_id, name, org_number = check(organization)
    description = _text(organization, "description")
    short_description = shorten(description) or name
    fields = {
        "name": name,
        "org_number": org_number,
        "legal_form": _legal_form(organization),
        "short_description": short_description,
        "description": "" if description == short_description else description,
        "email": _text(organization, "email"),
        "website": _text(organization, "website"),
        "phone": _first(_list(organization, "phones"), "number"),
        "contact_name": _first(_list(organization, "contacts"), "name"),
        **_address_fields(organization),
    }
    service_dicts = [s for s in services if isinstance(s, dict)]
    offerings = [o for o in map(_offering, service_dicts) if o is not None]
    service_attributes = [a for s in service_dicts for a in _list(s, "attributes")]
    return RemoteEnterprise(
        remote_id=remote_id,
        remote_url=_text(organization, "uri") or fields["website"],
        fields=fields,
        industries=_refs(_list(organization, "attributes"), vocabulary.INDUSTRY),
        areas=_refs(service_attributes, vocabulary.AREA),
        offerings=offerings,
        services_left_out=len(service_dicts) - len(offerings),
    )
