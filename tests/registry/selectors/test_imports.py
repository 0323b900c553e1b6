"""The dry run: a file's rows checked against the registry, writing nothing."""

import pytest
from django.urls import reverse

from registry.models import SocialEnterprise
from registry.selectors.imports import import_check
from tests.factories import AreaFactory, EnterpriseFactory, IndustryFactory
from tests.registry.import_helpers import HEADER, csv_text, errors_of, number, row

pytestmark = pytest.mark.django_db


def test_check_clean_file_is_ready_and_writes_nothing():
    report = import_check(csv_text(row(1), row(2)))

    assert (report.ready_count, report.error_count, report.ok) == (2, 0, True)
    assert SocialEnterprise.objects.count() == 0


def test_check_bad_org_number_gives_the_orgnr_message():
    report = import_check(
        csv_text(row(1, organisationsnummer="556677-8890"), row(2, organisationsnummer="12"))
    )

    assert errors_of(report) == {
        2: ["Organisationsnumret stämmer inte. Kontrollera att alla siffror är rätt."],
        3: ["Organisationsnumret ska ha tio siffror, till exempel 556677-8899."],
    }


def test_check_unknown_industry_is_named():
    IndustryFactory(name="Café och restaurang", slug="cafe")

    report = import_check(csv_text(row(branscher="Café och restaurang; Rymdfart")))

    assert errors_of(report) == {2: ["Branschen ”Rymdfart” finns inte i portalen."]}


def test_check_industries_by_name_or_slug_any_case_and_separator():
    cafe = IndustryFactory(name="Café och restaurang", slug="cafe")
    garden = IndustryFactory(name="Trädgård", slug="tradgard")

    report = import_check(csv_text(row(branscher="CAFÉ OCH RESTAURANG, tradgard;cafe")))

    assert report.ok
    assert report.rows[0].industries == [cafe, garden]


def test_check_unknown_area_is_named_and_known_area_by_slug():
    norrby = AreaFactory(name="Norrby", slug="norrby")

    report = import_check(csv_text(row(1, omrade="NORRBY"), row(2, omrade="Atlantis")))

    assert report.rows[0].fields["area"] == norrby
    assert errors_of(report) == {3: ["Området ”Atlantis” finns inte i portalen."]}


def test_check_legal_form_by_value_or_label_any_case():
    text = csv_text(row(1, juridisk_form="aktiebolag_svb"), row(2, juridisk_form="ideell FÖRENING"))

    report = import_check(text)

    assert [r.fields["legal_form"] for r in report.rows] == ["aktiebolag_svb", "ideell_forening"]


def test_check_unknown_legal_form_lists_the_choices():
    report = import_check(csv_text(row(juridisk_form="Kommanditbolag")))

    (message,) = errors_of(report)[2]
    assert message.startswith("Juridisk form ”Kommanditbolag” finns inte. Skriv en av: Ekonom")


def test_check_duplicate_of_existing_record_links_to_it():
    existing = EnterpriseFactory(name="Kafé Kornet", org_number=number(1).replace("-", ""))

    report = import_check(csv_text(row(1, organisationsnummer=f"16{number(1)}")))

    (problem,) = report.rows[0].errors
    assert problem.text == "Det finns redan ett företag med det här organisationsnumret:"
    assert problem.link_text == "Kafé Kornet"
    assert problem.link_url == reverse("registry_staff:enterprise_edit", args=[existing.pk])


def test_check_same_org_number_twice_in_the_file():
    report = import_check(csv_text(row(1), row(2), row(1, namn="Kafé igen")))

    assert errors_of(report) == {4: ["Raden har samma organisationsnummer som rad 2."]}


def test_check_overlong_name_and_empty_required_cells():
    report = import_check(csv_text(row(namn="x" * 201, kort_beskrivning="")))

    assert errors_of(report) == {
        2: [
            "namn: Säkerställ att detta värde har som mest 200 tecken (den har 201).",
            "kort_beskrivning: Detta fält får inte vara tomt.",
        ]
    }


def test_check_bad_email_is_named_by_column():
    header = [*HEADER, "epost", "webbplats"]
    report = import_check(
        csv_text(row(epost="inte en adress", webbplats="www.exempel.se"), header=header)
    )

    assert errors_of(report) == {2: ["epost: Fyll i en giltig e-postadress."]}
    assert report.rows[0].fields["website"] == "https://www.exempel.se"


def test_check_formula_is_kept_as_text_with_a_warning():
    report = import_check(csv_text(row(namn='=HYPERLINK("http://x","Klicka")')))

    assert report.ok
    assert report.rows[0].fields["name"] == '=HYPERLINK("http://x","Klicka")'
    assert [str(w) for w in report.rows[0].warnings] == [
        "Cellen i kolumnen namn börjar med = och sparas som text, inte som formel."
    ]


def test_check_reads_the_registry_in_three_queries(django_assert_num_queries):
    IndustryFactory(name="Trädgård", slug="tradgard")
    AreaFactory(name="Norrby", slug="norrby")
    text = csv_text(*(row(n, branscher="Trädgård", omrade="Norrby") for n in range(40)))

    with django_assert_num_queries(3):
        report = import_check(text)

    assert report.ok
