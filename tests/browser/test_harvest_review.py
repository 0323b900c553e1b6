"""An advisor reviews enterprises harvested from another portal in Chromium:
the report page says where a record came from, approving publishes it, and a
reviewed record shows what its source changed later; axe-core on each page,
and the walk once more with JavaScript off (axe needs JavaScript)."""

import re

import pytest
from playwright.sync_api import expect

from registry.models import PublicationStatus
from registry.services.reports import report_approve
from tests.factories import HARVEST_SOURCE as SOURCE
from tests.factories import harvested_enterprise as harvested

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def records(advisor):
    waiting = harvested("r1", "a", name="Grannens Kafé", org_number="556677-8899")
    taken = harvested("r2", "a", name="Grannens Cykel", org_number="556016-0680")
    report_approve(report=taken.report, user=advisor)
    harvested("r2", "b", name="Grannens Cykel", org_number="556016-0680", phone="08-999 99 99")
    return waiting, taken


def walk(page, base: str, records, axe_check) -> None:
    waiting, taken = records
    page.goto(base + "/handlaggare/anmalningar/")
    row = page.get_by_role("row", name=re.compile("Grannens Cykel"))
    expect(row).to_contain_text("Källan har ändrat uppgifterna sedan dess")
    axe_check(page)

    page.get_by_role("link", name="Grannens Cykel").click()
    box = page.locator(".side-box", has=page.get_by_role("heading", name=re.compile("Källan")))
    expect(box.locator("dt")).to_have_text(["Telefon"])  # the fields that agree are not listed
    expect(box.locator("dd")).to_have_text("Här: 08-123 45 67Hos källan: 08-999 99 99")
    axe_check(page)

    page.goto(base + "/handlaggare/anmalningar/")
    page.get_by_role("link", name="Grannens Kafé").click()
    expect(page.get_by_role("heading", name="Hämtat från en annan portal")).to_be_visible()
    expect(page.locator("main")).to_contain_text(f"Uppgifterna kommer från API:t {SOURCE}.")
    axe_check(page)
    page.get_by_role("button", name="Godkänn och publicera").focus()
    page.keyboard.press("Enter")  # keyboard only

    expect(page.locator(".notice--success")).to_contain_text("Grannens Kafé är godkänt")
    waiting.refresh_from_db()
    taken.refresh_from_db()
    assert waiting.status == PublicationStatus.PUBLISHED
    assert taken.phone == "08-123 45 67"  # the source's change waits for the advisor


def test_an_advisor_reviews_harvested_records(
    page, live_server, advisor, sign_in, records, axe_check, console_errors
):
    sign_in(page, advisor)
    walk(page, live_server.url, records, axe_check)
    assert console_errors == []


def test_the_same_without_javascript(no_js_page, live_server, advisor, sign_in, records):
    sign_in(no_js_page, advisor)
    walk(no_js_page, live_server.url, records, axe_check=lambda page: None)
