"""HSDS objects to our fields, without a database or a network."""

import pytest

from opendata import vocabulary
from opendata.harvest.mapping import (
    MappingProblem,
    NotAnEnterprise,
    enterprise_from_hsds,
    shorten,
)


def _attribute(term) -> dict:
    return {
        "taxonomy_term": {
            "id": term.id,
            "code": term.code,
            "name": term.name,
            "taxonomy_id": term.taxonomy.id,
        },
        "value": None,
    }


def _organization(**extra) -> dict:
    identifier = {"identifier_type": "Organisationsnummer", "identifier": "556677-8899"}
    return {"id": "a1", "name": "Kafé Ett", "organization_identifiers": [identifier]} | extra


def test_an_offering_comes_across_with_its_kind_places_and_referrers():
    kinds, referrers = vocabulary.offering_kind_terms(), vocabulary.referrer_terms()
    service = {
        "id": "s1",
        "description": "Arbetsträning",  # the kind's own name: no description
        "attributes": [
            _attribute(kinds["arbetstraning"]),
            _attribute(referrers["egen_anmalan"]),
            _attribute(vocabulary.closed_term(vocabulary.REFERRER, "okand", "Okänd")),
            _attribute(vocabulary.FACT_OPEN_PLACES) | {"value": "3"},
        ],
    }
    other = {"id": "s2", "description": "Ingen typ vi känner till", "attributes": []}

    remote = enterprise_from_hsds(_organization(legal_status="Ideell förening"), [service, other])

    assert [(o.kind, o.description, o.open_places, o.referrers) for o in remote.offerings] == [
        ("arbetstraning", "", 3, ["egen_anmalan"])
    ]
    assert remote.services_left_out == 1
    assert remote.fields["legal_form"] == "ideell_forening"
    assert remote.fields["org_number"] == "556677-8899"


def test_the_same_source_gives_the_same_fingerprint_and_a_change_another():
    first = enterprise_from_hsds(_organization(email="a@b.se"), [])
    again = enterprise_from_hsds(_organization(email="a@b.se"), [])
    changed = enterprise_from_hsds(_organization(email="c@b.se"), [])

    assert first.fingerprint() == again.fingerprint() != changed.fingerprint()


def test_address_coordinates_and_opening_hours_come_from_the_physical_location():
    location = {
        "location_type": "physical",
        "latitude": 59.3,
        "longitude": "18.05",
        "addresses": [
            {"address_type": "postal", "address_1": "Box 1", "city": "Ort"},
            {"address_type": "physical", "address_1": "Gatan 2", "city": "Stad",
             "postal_code": "123 45"},
        ],
        "schedules": [
            {"dtstart": "2026-12-01", "description": "Ett tillfälle"},
            {"description": "Mån–fre 8–16"},
        ],
    }  # fmt: skip
    fields = enterprise_from_hsds(_organization(locations=[location]), []).fields

    assert (fields["street_address"], fields["postal_code"], fields["city"]) == (
        "Gatan 2", "123 45", "Stad",
    )  # fmt: skip
    assert (str(fields["latitude"]), str(fields["longitude"])) == ("59.300000", "18.050000")
    assert fields["opening_hours"] == "Mån–fre 8–16"


@pytest.mark.parametrize(
    ("organization", "problem"),
    [
        ("text", MappingProblem),
        ({"name": "Utan id"}, MappingProblem),
        ({"id": "x"}, MappingProblem),
        ({"id": "x" * 201, "name": "Långt id"}, MappingProblem),
        ({"id": "x", "name": 5}, MappingProblem),
        ({"id": "x", "name": "Lista", "organization_identifiers": "556677-8899"}, MappingProblem),
        ({"id": "x", "name": "En partner"}, NotAnEnterprise),
    ],
)
def test_what_cannot_be_read_says_so(organization, problem):
    with pytest.raises(problem):
        enterprise_from_hsds(organization, [])


def test_the_short_description_is_the_first_sentence_or_what_fits():
    assert shorten("Vi lagar cyklar. Vi säljer dem också.") == "Vi lagar cyklar."
    assert shorten("ord " * 100, 20) == "ord ord ord ord ord…"
    assert shorten("  Kort   text ") == "Kort text"
