"""Alerts in Chromium: ask for one from the directory's filters, confirm from
the mail in the outbox, a matching enterprise is published, the next digest
run sends one mail with it, and the mail's link ends the alert. With
JavaScript off: a bad address is told and kept. axe and the Nu Html Checker
on every page."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from registry.models import AlertSubscription, Industry
from tests.browser.shots import shoot
from tests.factories import EnterpriseFactory
from tests.tasks import run_tasks

pytestmark = pytest.mark.django_db(transaction=True)


def path_after(label: str, body: str) -> str:
    return re.search(rf"{label}\s*\n?\s*https?://[^/\s]+(/\S+)", body).group(1)


def test_subscribe_confirm_digest_and_unsubscribe(
    page, demo, axe_check, console_errors, mailoutbox
):
    industry = Industry.objects.get(slug="cafe-och-restaurang")
    page.goto(demo + f"/foretag/?bransch={industry.slug}&sortering=namn")
    page.get_by_role("link", name="Få mejl när nya företag eller lediga platser passar din").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Få mejl när det finns något nytt")
    expect(page.locator(".alert-filters")).to_have_text(f"Bransch: {industry.name}")
    axe_check(page)
    page.get_by_label("Din e-postadress").fill("Anna@Exempel.se")
    page.get_by_label("En gång om dagen").check()
    page.get_by_label("En gång om dagen").press("Enter")  # keyboard only

    expect(page.get_by_role("heading", level=1)).to_have_text("Titta i e-posten")
    expect(page.locator("main")).to_contain_text("anna@exempel.se")
    axe_check(page)
    run_tasks()
    (confirmation,) = mailoutbox
    page.goto(
        demo + path_after("Öppna länken och tryck på knappen för att börja:", confirmation.body)
    )

    expect(page.get_by_role("heading", level=1)).to_have_text("Bekräfta din bevakning")
    axe_check(page)
    page.get_by_role("button", name="Ja, börja bevakningen").click()
    expect(page.locator(".notice")).to_contain_text("Klart! Nu får du mejl")
    expect(page.get_by_label("En gång om dagen")).to_be_checked()
    axe_check(page)
    shoot(page, "alert-manage")

    EnterpriseFactory(name="Kafé Nyöppnat", industries=[industry])
    call_command("send_alert_digests")
    run_tasks()
    (digest,) = mailoutbox[1:]
    assert "* Kafé Nyöppnat" in digest.body
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    call_command("send_alert_digests")  # the scheduler twice the same day
    run_tasks()
    assert len(mailoutbox) == 2

    page.goto(demo + path_after("Sluta få mejl:", digest.body))
    expect(page.get_by_role("heading", level=1)).to_have_text("Sluta få mejl")
    axe_check(page)
    page.get_by_role("button", name="Avsluta bevakningen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bevakningen är avslutad")
    axe_check(page)
    assert not AlertSubscription.objects.exists()
    assert console_errors == []


def test_a_bad_address_without_javascript_is_told_and_kept(no_js_page, demo, mailoutbox):
    page = no_js_page
    page.goto(demo + "/bevakning/ny/?hiss=on&omrade=finns-inte")
    expect(page.locator(".alert-filters")).to_have_text("Hiss")
    expect(page.locator(".alert-warning")).to_contain_text("Område")
    page.get_by_label("Din e-postadress").fill("anna.exempel.se")
    page.get_by_role("button", name="Skicka bekräftelsen").click()

    expect(page.locator(".error-summary")).to_contain_text("Skriv e-postadressen så här")
    expect(page.get_by_label("Din e-postadress")).to_have_value("anna.exempel.se")
    shoot(page, "alert-subscribe-error")
    page.get_by_label("Din e-postadress").fill("anna@exempel.se")
    page.get_by_role("button", name="Skicka bekräftelsen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Titta i e-posten")
    assert AlertSubscription.objects.get().filters == "hiss=on"
