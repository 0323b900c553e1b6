"""Checking rows against what the registry holds: pure, so no database; the
registry's side is a ``Lookups`` built by hand."""

from registry.csv_import.reading import parse
from registry.csv_import.rows import Lookups, by_name_and_slug, check_rows, legal_forms
from registry.models import Area, Industry
from tests.registry.import_helpers import csv_text, errors_of, number, row

CAFE = Industry(pk=1, name="Café och restaurang", slug="cafe")
NORRBY = Area(pk=2, name="Norrby", slug="norrby")


def lookups(existing=None) -> Lookups:
    return Lookups(
        industries=by_name_and_slug([CAFE]),
        areas=by_name_and_slug([NORRBY]),
        legal_forms=legal_forms(),
        existing=existing or {},
    )


def checked(*rows, **kwargs):
    return check_rows(parse(csv_text(*rows)), lookups(**kwargs))


def test_a_good_row_gets_the_fields_to_save():
    report = checked(row(1, branscher="CAFE; café och restaurang", omrade="norrby"))

    fields = report.rows[0].fields
    assert report.ok
    assert report.rows[0].industries == [CAFE]
    assert fields["area"] == NORRBY
    assert fields["legal_form"] == "ekonomisk_forening"
    assert fields["org_number"] == number(1).replace("-", "")


def test_unknown_terms_and_a_record_the_registry_has_are_errors():
    digits = number(2).replace("-", "")
    report = checked(
        row(1, branscher="Rymdfart", omrade="Mars"),
        row(2),
        existing={digits: (7, "Kafé Två")},
    )

    errors = errors_of(report)
    assert errors[2] == [
        "Branschen ”Rymdfart” finns inte i portalen.",
        "Området ”Mars” finns inte i portalen.",
    ]
    assert errors[3] == ["Det finns redan ett företag med det här organisationsnumret: Kafé Två"]
    assert report.rows[1].errors[0].link_url == "/handlaggare/foretag/7/"


def test_the_same_number_twice_in_the_file_and_a_bad_legal_form():
    report = checked(row(1), row(1, juridisk_form="Kommunalt bolag"))

    errors = errors_of(report)[3]
    assert "Raden har samma organisationsnummer som rad 2." in errors
    assert any(e.startswith("Juridisk form ”Kommunalt bolag” finns inte.") for e in errors)
