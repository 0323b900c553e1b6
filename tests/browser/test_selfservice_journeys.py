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
    confirm = page.get_by_role("button", name="Allt stämmer")
    confirm.focus()
    page.keyboard.press("Enter")  # keyboard only

    expect(page.locator(".notice")).to_contain_text("Tack! Nu står det i katalogen")
    page.goto(live_server.url + enterprise.get_absolute_url())
    expect(page.locator(".page-intro")).to_contain_text("Uppgifterna bekräftades av företaget")
    axe_check(page)
    assert SocialEnterprise.objects.get(pk=enterprise.pk).last_checked_source == "enterprise"
    assert console_errors == []
