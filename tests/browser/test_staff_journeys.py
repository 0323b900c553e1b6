"""The advisors' journeys in Chromium: sign in, edit a record, mark it checked,
read its history, verify criteria, keep partners and review reports; every
page scanned by axe-core, and the edit journey once with JavaScript off."""

import re
import uuid

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from registry.models import EnterpriseReport, PublicationStatus, SocialEnterprise
from tests.factories import EnterpriseFactory, OfferingFactory, PlaceFactory

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "korrekt-hast-batteri-42"


@pytest.fixture
def record():
    enterprise = EnterpriseFactory(name="Kaféet Gemenskap", last_checked=None)
    OfferingFactory(enterprise=enterprise, kind="arbetstraning", open_places=2)
    return enterprise


def sign_in_with_the_form(page, base: str, username: str) -> None:
    page.goto(base + "/handlaggare/")
    expect(page).to_have_url(re.compile(r"/handlaggare/konto/logga-in/\?next="))
    page.get_by_label("Användarnamn").focus()
    page.keyboard.type(username)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")


def test_advisor_edits_a_record_marks_it_checked_and_reads_its_history(
    page, live_server, advisor, record, axe_check, console_errors
):
    sign_in_with_the_form(page, live_server.url, "rut")
    expect(page.get_by_role("heading", level=1)).to_have_text("Översikt")
    expect(page.locator("#due-heading")).to_contain_text("Behöver kontrolleras")
    axe_check(page)

    page.get_by_role("link", name="Företag", exact=True).click()
    axe_check(page)
    page.get_by_label("Namn eller organisationsnummer").fill("gemenskap")
    page.get_by_role("button", name="Visa").click()
    page.get_by_role("link", name="Kaféet Gemenskap").click()
    axe_check(page)

    page.get_by_label("Kort beskrivning").fill("Café och catering med arbetsträning.")
    page.get_by_label("Lediga platser").first.fill("5")
    page.get_by_role("button", name="Spara ändringarna").click()
    expect(page.locator(".notice--success")).to_have_text("Ändringarna är sparade.")

    page.get_by_role("button", name="Kontrollerad idag").click()
    expect(page.locator(".notice--success")).to_contain_text("markerat som kontrollerat i dag")
    expect(page.locator(".side-box")).to_contain_text("av Rut")

    page.get_by_role("link", name="Historik").click()
    axe_check(page)
    timeline = page.locator(".history-timeline")
    expect(timeline).to_contain_text("Ett socialt företag.")
    expect(timeline).to_contain_text("Café och catering med arbetsträning.")
    expect(timeline).to_contain_text("Senast kontrollerad")
    expect(timeline).to_contain_text("Lediga platser")
    assert console_errors == []

    record.refresh_from_db()
    assert record.last_checked == timezone.localdate()
    assert record.short_description == "Café och catering med arbetsträning."
    assert record.offerings.get().open_places == 5


def test_advisor_restores_an_earlier_version(page, live_server, advisor, record, sign_in):
    sign_in(page, advisor)
    page.goto(f"{live_server.url}/handlaggare/foretag/{record.pk}/")
    page.get_by_label(re.compile(r"^\s*Namn\b")).fill("Felstavat namn")
    page.get_by_role("button", name="Spara ändringarna").click()

    page.get_by_role("link", name="Historik").click()
    page.get_by_role("button", name=re.compile("^Återställ till versionen")).first.click()

    expect(page.locator(".notice--success")).to_contain_text("Företaget är återställt")
    expect(page.locator(".history-timeline")).to_contain_text("Återställd till versionen från")
    assert SocialEnterprise.objects.get(pk=record.pk).name == "Kaféet Gemenskap"


def test_advisor_verifies_criteria_and_evidence(
    page, live_server, advisor, record, sign_in, axe_check
):
    sign_in(page, advisor)
    page.goto(f"{live_server.url}/handlaggare/foretag/{record.pk}/kriterier/")
    axe_check(page)

    criterion = page.get_by_role("group", name=re.compile("^Integrerar människor"))
    expect(criterion.get_by_label("Inte bedömt ännu", exact=True)).to_be_checked()
    criterion.get_by_label("Uppfyllt", exact=True).check()
    page.get_by_label(re.compile("Andel anställda")).fill("40")
    page.get_by_role("button", name="Spara kontrollen").click()

    expect(page.locator(".notice--success")).to_have_text("Kontrollen är sparad.")
    expect(page.locator(".verification-stamps")).to_contain_text("Uppfyllt")
    expect(page.locator(".verification-stamps")).to_contain_text("Rut")
    axe_check(page)


def test_edit_without_javascript_and_a_clear_error(
    no_js_page, live_server, advisor, record, sign_in
):
    page = no_js_page
    sign_in(page, advisor)
    page.goto(f"{live_server.url}/handlaggare/foretag/{record.pk}/")

    page.get_by_label("Organisationsnummer").fill("123")
    page.get_by_role("button", name="Spara ändringarna").click()

    expect(page.locator("#error-summary")).to_contain_text("Organisationsnummer")
    expect(page.get_by_label("Organisationsnummer")).to_have_value("123")
    page.get_by_label("Organisationsnummer").fill(record.org_number_display)
    page.get_by_role("button", name="Spara ändringarna").click()
    expect(page.locator(".notice--success")).to_have_text("Ändringarna är sparade.")


def test_partner_places_and_sessions(page, live_server, advisor, sign_in, axe_check):
    place = PlaceFactory(name="Stadsbiblioteket")
    sign_in(page, advisor)
    page.goto(f"{live_server.url}/handlaggare/partner/")
    axe_check(page)
    page.get_by_role("link", name=place.partner.name).click()
    axe_check(page)
    page.get_by_role("link", name="Tillfällen på platserna").click()
    axe_check(page)

    page.get_by_label(re.compile(r"^\s*Rubrik")).first.fill("Drop-in om att starta företag")
    page.get_by_label(re.compile(r"^\s*Börjar")).first.fill("2027-01-12T13:00")
    page.get_by_label(re.compile(r"^\s*Slutar")).first.fill("2027-01-12T16:00")
    page.get_by_label(re.compile(r"^\s*Plats")).first.select_option(label="Stadsbiblioteket")
    page.get_by_role("button", name="Spara tillfällena").click()

    expect(page.locator(".notice--success")).to_have_text("Tillfällena är sparade.")
    assert place.sessions.get().title == "Drop-in om att starta företag"


def test_advisor_approves_a_reported_enterprise(page, live_server, advisor, sign_in, axe_check):
    draft = EnterpriseFactory(name="Tipsat Café", status=PublicationStatus.DRAFT)
    EnterpriseReport.objects.create(
        enterprise=draft, reason="Anställer unga.", submission_token=uuid.uuid4()
    )
    sign_in(page, advisor)
    page.goto(f"{live_server.url}/handlaggare/anmalningar/")
    axe_check(page)
    page.get_by_role("link", name="Tipsat Café").click()
    axe_check(page)

    page.get_by_role("button", name="Godkänn och publicera").click()

    expect(page.locator(".notice--success")).to_contain_text("är godkänt och publicerat")
    draft.refresh_from_db()
    assert draft.status == PublicationStatus.PUBLISHED


def test_login_page_and_password_reset_pass_axe(page, live_server, axe_check):
    page.goto(live_server.url + "/handlaggare/konto/logga-in/")
    axe_check(page)
    page.get_by_role("link", name="Glömt lösenordet?").click()
    axe_check(page)
    page.goto(live_server.url + "/en/handlaggare/konto/logga-in/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
