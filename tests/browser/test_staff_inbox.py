"""An advisor handles an inquiry from new to closed in Chromium, with and
without JavaScript; the inbox and the inquiry's page are scanned by axe."""

import re
import uuid

import pytest
from playwright.sync_api import expect

from guidance.models import Inquiry, InquiryAccess, InquiryNote, InquiryStatus
from guidance.services import inquiry_submit

pytestmark = pytest.mark.django_db(transaction=True)


def handle_from_new_to_closed(page, live_server, advisor, sign_in, check) -> None:
    """Open the inquiry from the inbox, take it, write a note, set Pågår, then
    Avslutad, and find it in the inbox filtered on Avslutad. ``check`` runs on
    each page (axe-core, when JavaScript is on)."""
    inquiry, _created = inquiry_submit(
        submission_token=uuid.uuid4(),
        name="Sara Lind",
        topic="jobba",
        phone="070-123 45 67",
        message="Jag vill veta mer om arbetsträning.",
    )
    sign_in(page, advisor)

    page.goto(live_server.url + "/handlaggare/arenden/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ärenden")
    row = page.get_by_role("row", name=re.compile(inquiry.reference))
    expect(row).to_contain_text("Sara Lind")
    expect(row).to_contain_text("Ny")
    check(page)
    row.get_by_role("link", name=inquiry.reference).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(f"Ärende {inquiry.reference}")
    check(page)
    page.get_by_role("button", name="Ta ärendet").click()
    expect(page.locator(".notice")).to_have_text("Du har tagit ärendet.")

    page.get_by_role("button", name="Spara anteckningen").click()  # nothing written
    expect(page.locator("#error-summary")).to_contain_text("Skriv en anteckning.")
    check(page)
    page.get_by_label("Ny anteckning").fill("Ringt Sara, möte bokat på tisdag.")
    page.get_by_role("button", name="Spara anteckningen").click()
    expect(page.locator(".notice")).to_have_text("Anteckningen är sparad.")
    expect(page.get_by_text("Ringt Sara, möte bokat på tisdag.")).to_be_visible()

    page.get_by_label("Status").select_option(label="Pågår")
    page.get_by_role("button", name="Spara status").click()
    expect(page.locator(".notice")).to_have_text("Ärendet har status Pågår.")
    page.get_by_label("Status").select_option(label="Avslutad")
    page.get_by_role("button", name="Spara status").click()
    expect(page.locator(".notice")).to_have_text("Ärendet har status Avslutad.")
    expect(page.get_by_role("table")).to_contain_text("Status: Pågår → Avslutad")
    check(page)

    page.get_by_role("link", name="Ärenden", exact=True).first.click()
    expect(page.get_by_text("Det finns inga öppna ärenden just nu.")).to_be_visible()
    page.get_by_label("Status").select_option(label="Avslutad")
    page.get_by_role("button", name="Visa ärenden").click()
    expect(page).to_have_url(re.compile(r"status=avslutad"))
    row = page.get_by_role("row", name=re.compile(inquiry.reference))
    expect(row).to_contain_text("Avslutad")
    expect(row).to_contain_text("Rut")
    check(page)

    inquiry.refresh_from_db()
    assert (inquiry.status, inquiry.assigned_to) == (InquiryStatus.CLOSED, advisor)
    assert inquiry.closed_at is not None
    assert InquiryNote.objects.get().text == "Ringt Sara, möte bokat på tisdag."
    assert Inquiry.objects.count() == 1


def test_advisor_handles_an_inquiry_with_javascript(
    page, live_server, advisor, sign_in, axe_check, console_errors
):
    handle_from_new_to_closed(page, live_server, advisor, sign_in, check=axe_check)
    assert console_errors == []  # includes any Content-Security-Policy violation


def test_advisor_handles_an_inquiry_without_javascript(no_js_page, live_server, advisor, sign_in):
    """axe-core needs JavaScript, so the test above does the scans."""
    handle_from_new_to_closed(no_js_page, live_server, advisor, sign_in, check=lambda page: None)


def test_advisor_erases_an_inquiry_at_the_persons_request(
    page, live_server, advisor, sign_in, axe_check, console_errors
):
    """The erase page is reached from the inquiry, says what goes, and the
    inquiry is gone from the inbox afterwards; the log keeps the reference."""
    inquiry, _created = inquiry_submit(
        submission_token=uuid.uuid4(),
        name="Sara Lind",
        topic="jobba",
        email="sara@example.se",
        message="Radera min förfrågan, tack.",
    )
    sign_in(page, advisor)
    page.goto(live_server.url + "/handlaggare/arenden/")
    page.get_by_role("row", name=re.compile(inquiry.reference)).get_by_role(
        "link", name=inquiry.reference
    ).click()

    page.get_by_role("link", name="Radera ärendet").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Radera ärende {inquiry.reference}")
    expect(page.get_by_role("main")).to_contain_text("Personens kontaktuppgifter")
    expect(page.get_by_role("main")).to_contain_text("Åtkomstloggen sparar bara referensnumret")
    axe_check(page)
    page.get_by_role("button", name="Radera ärendet").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Ärenden")
    expect(page.locator(".notice")).to_have_text(f"Ärendet {inquiry.reference} är raderat.")
    expect(page.get_by_role("row", name=re.compile(inquiry.reference))).to_have_count(0)
    expect(page.get_by_text("Sara Lind")).to_have_count(0)
    assert not Inquiry.objects.exists()
    assert list(InquiryAccess.objects.filter(action="erase").values_list("reference", "user")) == [
        (inquiry.reference, advisor.pk)
    ]
    assert console_errors == []
