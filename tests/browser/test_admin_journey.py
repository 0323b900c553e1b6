"""A superuser edits an enterprise in /admin/ while an advisor has it open in
/handlaggare/: both saves go through the same service, so the later one is
refused with the usual message, in a real browser."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from registry.models import SocialEnterprise
from tests.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def superuser():
    return get_user_model().objects.create_superuser(
        "ada", "ada@example.se", "korrekt-hast-batteri-42", first_name="Ada", last_name="Admin"
    )


def test_an_admin_save_refuses_the_advisors_later_save(
    browser, live_server, advisor, superuser, sign_in
):
    record = EnterpriseFactory(name="Kaféet Gemenskap")
    advisor_page = browser.new_context().new_page()
    admin_page = browser.new_context().new_page()
    sign_in(advisor_page, advisor)
    sign_in(admin_page, superuser)
    advisor_page.goto(f"{live_server.url}/handlaggare/foretag/{record.pk}/")

    admin_page.goto(f"{live_server.url}/admin/registry/socialenterprise/{record.pk}/change/")
    admin_page.get_by_label("Kort beskrivning:").fill("Ändrad av Ada i administrationen.")
    admin_page.get_by_role("button", name="Spara och fortsätt redigera").click()
    expect(admin_page.locator(".messagelist")).to_contain_text("Ändrade socialt företag")

    advisor_page.get_by_label("Kort beskrivning").fill("Ändrad av Rut.")
    advisor_page.get_by_role("button", name="Spara ändringarna").click()
    expect(advisor_page.locator("body")).to_contain_text(
        "Ada Admin sparade ändringar i företaget efter att du öppnade sidan"
    )
    expect(advisor_page.get_by_label("Kort beskrivning")).to_have_value("Ändrad av Rut.")

    record = SocialEnterprise.objects.get(pk=record.pk)
    assert record.short_description == "Ändrad av Ada i administrationen."
    assert record.version == 2
    assert record.history.first().history_change_reason == "Ändrad i administrationen"
    advisor_page.context.close()
    admin_page.context.close()
