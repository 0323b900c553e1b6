"""An advisor imports enterprises from a CSV file in Chromium: a file with an
error is reported and saves nothing; a good file is imported; with and without
JavaScript, and axe-core on every page of the journey (it needs JavaScript)."""

import csv
import io

import pytest
from playwright.sync_api import expect

from registry.models import SocialEnterprise
from tests.factories import EnterpriseFactory, IndustryFactory

pytestmark = pytest.mark.django_db(transaction=True)

UPLOAD_PATH = "/handlaggare/foretag/import/"
HEADER = ["namn", "organisationsnummer", "juridisk_form", "kort_beskrivning", "branscher"]


def csv_file(*rows: list[str]) -> dict:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerows([HEADER, *rows])
    return {"name": "foretag.csv", "mimeType": "text/csv", "buffer": out.getvalue().encode()}


GOOD = csv_file(
    ["Kafé Kornet", "802500-1127", "Ekonomisk förening", "Lunch och fika.", "Café"],
    ["Gröna Händer", "769612-3459", "Aktiebolag", "Trädgårdsskötsel.", ""],
)
ONE_BAD_ROW = csv_file(
    ["Kafé Kornet", "802500-1127", "Ekonomisk förening", "Lunch och fika.", "Café"],
    ["Rymdbolaget", "556677-8890", "Aktiebolag", "Raketer.", "Rymdfart"],
)


@pytest.fixture
def signed_in(advisor, sign_in, live_server):
    IndustryFactory(name="Café", slug="cafe")

    def go(page):
        sign_in(page, advisor)
        page.goto(live_server.url + UPLOAD_PATH)

    return go


def upload(page, file: dict) -> None:
    page.get_by_label("CSV-fil").set_input_files(files=[file])
    page.get_by_role("button", name="Kontrollera filen").click()


def walk_the_import(page, axe_check) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text("Läs in företag från en fil")
    axe_check(page)

    upload(page, ONE_BAD_ROW)

    expect(page.get_by_role("heading", level=1)).to_have_text("Kontrollera filen innan du läser in")
    bad_row = page.get_by_role("row", name="3 Rymdbolaget")
    expect(bad_row).to_contain_text("Organisationsnumret stämmer inte.")
    expect(bad_row).to_contain_text("Branschen ”Rymdfart” finns inte i portalen.")
    expect(page.get_by_role("row", name="2 Kafé Kornet")).to_contain_text("Klar att läsa in")
    expect(page.get_by_text("Ingenting har sparats. Rätta raderna")).to_be_visible()
    expect(page.get_by_role("button", name="Läs in")).to_have_count(0)
    assert SocialEnterprise.objects.count() == 0
    axe_check(page)

    page.get_by_role("link", name="Ladda upp filen igen").click()
    upload(page, GOOD)
    page.get_by_role("button", name="Läs in 2 företag").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Företagen är inlästa")
    expect(page.get_by_text("2 företag är inlästa.")).to_be_visible()
    created = page.get_by_role("table", name="Inlästa företag")
    expect(created.get_by_role("link", name="Kafé Kornet")).to_be_visible()
    expect(created.get_by_role("link", name="Gröna Händer")).to_be_visible()
    axe_check(page)
    names = set(SocialEnterprise.objects.values_list("name", flat=True))
    assert names == {"Kafé Kornet", "Gröna Händer"}


def test_import_with_javascript(page, signed_in, axe_check, console_errors):
    signed_in(page)

    walk_the_import(page, axe_check)

    assert console_errors == []


def test_import_without_javascript(no_js_page, signed_in):
    """axe-core needs JavaScript, so the journey above does the scans."""
    signed_in(no_js_page)

    walk_the_import(no_js_page, axe_check=lambda page: None)


def test_upload_error_and_duplicate_pages_pass_axe(page, signed_in, axe_check):
    EnterpriseFactory(name="Kafé Kornet", org_number="8025001127")
    signed_in(page)

    upload(
        page, {"name": "tabell.xlsx", "mimeType": "application/zip", "buffer": b"PK\x03\x04\x00"}
    )

    expect(page.get_by_role("alert")).to_contain_text("Filen går inte att läsa som CSV.")
    axe_check(page)

    upload(page, GOOD)

    row = page.get_by_role("row", name="2 Kafé Kornet")
    expect(row.get_by_role("link", name="Kafé Kornet")).to_be_visible()
    axe_check(page)
