"""The enterprises' own page in Chromium: from the reminder mail to "Allt
stämmer", and from a proposed change to an advisor's partial approval, the
public profile and the decision mail."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from registry.models import SocialEnterprise
from registry.services.reminders import send_review_reminders
from tests.registry.selfservice.helpers import enterprise_with_link
from tests.tasks import run_tasks

pytestmark = pytest.mark.django_db(transaction=True)


def link_path(mail) -> str:
    return re.search(r"https?://[^/\s]+(/uppdatera/[^/\s]+/)", mail.body).group(1)


def test_from_the_reminder_mail_to_all_correct(
    page, live_server, axe_check, console_errors, mailoutbox
):
    enterprise, _link, _path = enterprise_with_link(last_checked=datetime.date(2025, 1, 5))
    send_review_reminders()
    run_tasks()
    (reminder,) = [m for m in mailoutbox if m.to == ["info@kornet.se"]]

    page.goto(live_server.url + link_path(reminder))
    expect(page.get_by_role("heading", level=1)).to_have_text("Uppdatera Kafé Kornet")
    expect(page.locator(".page-intro")).to_contain_text("kontrollerades av kommunen 5 januari 2025")
    axe_check(page)
    confirm = page.get_by_role("button", name="Allt stämmer").last  # after the record
    confirm.focus()
    page.keyboard.press("Enter")  # keyboard only

    expect(page.get_by_role("heading", level=1)).to_have_text("Klart")
    expect(page.locator(".notice")).to_contain_text("Ni har bekräftat att uppgifterna stämmer.")
    axe_check(page)
    page.goto(live_server.url + enterprise.get_absolute_url())
    expect(page.locator(".page-intro")).to_contain_text("Uppgifterna bekräftades av företaget")
    axe_check(page)
    assert SocialEnterprise.objects.get(pk=enterprise.pk).last_checked_source == "enterprise"
    assert console_errors == []


def test_open_places_and_a_change_without_javascript(no_js_page, live_server, mailoutbox):
    page = no_js_page
    enterprise, _link, path = enterprise_with_link()
    page.goto(live_server.url + path)

    page.get_by_label("Arbetsträning").fill("-1")
    page.get_by_role("button", name="Spara lediga platser").click()
    expect(page.locator(".error-summary")).to_contain_text("Antalet kan inte vara mindre än 0")
    expect(page.get_by_label("Arbetsträning")).to_have_value("-1")  # kept as typed
    page.get_by_label("Arbetsträning").fill("3")
    page.get_by_role("button", name="Spara lediga platser").click()
    expect(page.locator(".notice")).to_contain_text("De lediga platserna är sparade")

    page.get_by_role("link", name="Tillbaka till er sida").click()
    page.get_by_role("link", name="Något behöver ändras").first.click()
    page.get_by_label("Kontaktuppgifter och öppettider").check()
    page.get_by_label("Namn, beskrivning och bransch").check()
    page.get_by_role("button", name="Fortsätt").click()
    page.get_by_label("Telefon").fill("08-99 88 77")
    page.get_by_label("Namn", exact=True).fill("Kafé Kornet och Bageri")
    page.get_by_role("button", name="Skicka ändringarna").click()
    expect(page.locator(".notice")).to_contain_text("De andra ändringarna visas när en rådgivare")

    enterprise.refresh_from_db()
    assert (enterprise.phone, enterprise.name) == ("08-99 88 77", "Kafé Kornet")
    assert enterprise.offerings.get(kind="arbetstraning").open_places == 3
    (proposal,) = enterprise.change_proposals.all()
    assert proposal.changes == {"name": {"old": "Kafé Kornet", "new": "Kafé Kornet och Bageri"}}


def test_an_advisor_approves_part_of_a_proposal(
    page, live_server, sign_in, advisor, axe_check, console_errors, mailoutbox
):
    enterprise, _link, path = enterprise_with_link()
    page.goto(live_server.url + path + "andra/?delar=kontakt&delar=foretaget&delar=adress")
    page.get_by_label("Telefon").fill("08-99 88 77")
    page.get_by_label("Namn", exact=True).fill("Kornet Kafé & Bageri")
    page.get_by_label("Ort", exact=True).fill("Annanby")
    page.get_by_role("button", name="Skicka ändringarna").click()
    expect(page.locator(".notice")).to_contain_text("De andra ändringarna visas när en rådgivare")

    sign_in(page, advisor)
    page.goto(live_server.url + "/handlaggare/")
    page.get_by_role("link", name="Kafé Kornet").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kafé Kornet")
    axe_check(page)
    page.get_by_label("Godkänn Namn").check()
    page.get_by_role("button", name="Godkänn markerade").click()
    notice = page.locator(".notice")
    expect(notice).to_contain_text("Ändringarna för Kornet Kafé & Bageri är sparade")

    enterprise.refresh_from_db()
    page.goto(live_server.url + enterprise.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text("Kornet Kafé & Bageri")
    expect(page.locator("main")).to_contain_text("08-99 88 77")
    expect(page.locator("main")).to_contain_text("Exempelby")
    expect(page.locator("main")).not_to_contain_text("Annanby")
    run_tasks()
    (decision,) = [m for m in mailoutbox if m.subject.startswith("Beslut om era ändringar")]
    assert decision.to == ["info@kornet.se"]
    assert "Kornet Kafé & Bageri" in decision.body
    assert console_errors == []
