"""A stale record in Chromium: the profile's notice and the directory's line,
both passing axe-core."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from registry.models import OfferingKind
from tests.factories import EnterpriseFactory, OfferingFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_stale_profile_and_directory_warn_and_pass_axe(
    page, live_server, axe_check, console_errors
):
    stale = EnterpriseFactory(
        name="Aaa Gamla Verkstaden",
        slug="gamla-verkstaden",
        last_checked=None,
        phone="08-12 34 56",
        email="info@gamla.example.se",
        street_address="Storgatan 1",
        postal_code="123 45",
        city="Exempelby",
    )
    OfferingFactory(enterprise=stale, kind=OfferingKind.WORK_TRAINING, open_places=2)
    EnterpriseFactory(name="Ööö Färska Kaféet")

    page.goto(live_server.url + reverse("registry:enterprise_detail", kwargs={"slug": stale.slug}))
    notice = page.locator("#kontakt .stale-notice")  # in the contact block, by the number
    expect(notice).to_contain_text("Kommunen har inte kontrollerat uppgifterna ännu.")
    expect(notice).to_contain_text("Ring eller mejla företaget innan du åker dit.")
    expect(page.locator("#kontakt").get_by_role("link", name="Ring 08-12 34 56")).to_be_visible()
    axe_check(page)

    page.goto(live_server.url + reverse("registry:enterprise_list"))
    cards = page.locator("#results article")
    expect(cards.locator("h3")).to_have_text(["Ööö Färska Kaféet", "Aaa Gamla Verkstaden"])
    expect(cards.nth(1)).to_contain_text("De kan vara inaktuella.")
    expect(cards.nth(0)).not_to_contain_text("De kan vara inaktuella.")
    axe_check(page)
    assert console_errors == []
