"""send_review_reminders: who is due, what each mail says (with its personal
link), once a day, and what happens when the mail server refuses. The mails are
queued; ``remind`` runs the task worker after the reminders, as production does."""

import datetime
import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from asfportal.core.dates import months_before
from asfportal.core.models import MailStatus, OutboundMail
from registry.models import (
    LinkReason,
    PublicationStatus,
    ReviewDigest,
    ReviewReminder,
    SelfServiceLink,
)
from registry.selectors.selfservice import link_for_token
from registry.services.reminders import ReminderResult, send_review_reminders
from tests.factories import EnterpriseFactory, OfferingFactory
from tests.tasks import run_tasks

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 26)
LONG_AGO = datetime.date(2024, 3, 1)


@pytest.fixture(autouse=True)
def mail_settings(settings):
    settings.SITE_URL = "https://asf.example.se"
    settings.ADVISORS_EMAIL = "radgivare@example.se"
    settings.CONTACT_EMAIL = "asf@example.se"
    settings.FRESH_MONTHS = 12
    settings.REVIEW_NOTICE_DAYS = 30
    settings.REVIEW_REMINDER_INTERVAL_DAYS = 30


def due(name: str = "Kafé Kornet", **fields):
    """A published enterprise last checked long ago, with an e-mail address."""
    fields.setdefault("email", f"{name.split()[0].lower()}@example.se")
    fields.setdefault("last_checked", LONG_AGO)
    return EnterpriseFactory(name=name, **fields)


def remind(**kwargs) -> ReminderResult:
    result = send_review_reminders(**kwargs)
    run_tasks()
    return result


def reminders_to(mailoutbox) -> list[str]:
    return sorted(m.to[0] for m in mailoutbox if m.to != ["radgivare@example.se"])


def edit_url(enterprise) -> str:
    return "https://asf.example.se" + reverse(
        "registry_staff:enterprise_edit", kwargs={"pk": enterprise.pk}
    )


def digest(mailoutbox):
    (found,) = [m for m in mailoutbox if m.to == ["radgivare@example.se"]]
    return found


def test_reminded_30_days_before_the_record_turns_stale_not_a_day_earlier(mailoutbox):
    """Stale after 12 months (the public's rule); due 30 days before that, so
    the enterprise can confirm before its record is flagged."""
    in_thirty_days = TODAY + datetime.timedelta(days=30)
    due("Lagom", email="lagom@example.se", last_checked=months_before(in_thirty_days, 12))
    due(
        "Sent",
        email="sent@example.se",
        last_checked=months_before(in_thirty_days, 12) - datetime.timedelta(days=1),
    )

    result = remind(today=TODAY)

    assert reminders_to(mailoutbox) == ["sent@example.se"]
    assert result == ReminderResult(reminded=1, digest_sent=True)
    assert "inom 30 dagar" in digest(mailoutbox).body


def test_never_checked_is_due(mailoutbox):
    due("Ny", email="ny@example.se", last_checked=None)

    remind(today=TODAY)

    assert reminders_to(mailoutbox) == ["ny@example.se"]
    assert "Senast kontrollerad: aldrig" in digest(mailoutbox).body


def test_drafts_and_archived_records_are_left_out(mailoutbox):
    due("Utkast", status=PublicationStatus.DRAFT, last_checked=None)
    due("Arkiv", status=PublicationStatus.ARCHIVED, last_checked=None)

    result = remind(today=TODAY)

    assert mailoutbox == []
    assert result == ReminderResult()
    assert not ReviewDigest.objects.exists()


def test_nothing_due_sends_no_digest(mailoutbox):
    EnterpriseFactory(last_checked=TODAY - datetime.timedelta(days=30), email="ok@example.se")

    result = remind(today=TODAY)

    assert mailoutbox == []
    assert result == ReminderResult()
    assert not ReviewDigest.objects.exists()


def test_reminder_lists_the_public_details_and_links_to_the_profile(mailoutbox):
    enterprise = due(
        "Kafé Kornet",
        email="info@kornet.se",
        phone="08-12 34 56",
        street_address="Storgatan 1",
        postal_code="123 45",
        city="Exempelby",
        website="https://kornet.example.se",
        last_checked=datetime.date(2025, 1, 3),
    )
    OfferingFactory(enterprise=enterprise, kind="arbetstraning", open_places=2)
    OfferingFactory(enterprise=enterprise, kind="anstallning", open_places=0)
    OfferingFactory(enterprise=enterprise, kind="praktik", open_places=None)

    remind(today=TODAY)

    (mail,) = [m for m in mailoutbox if m.to == ["info@kornet.se"]]
    profile = "https://asf.example.se" + reverse(
        "registry:enterprise_detail", kwargs={"slug": enterprise.slug}
    )
    assert mail.subject == "Stämmer uppgifterna om Kafé Kornet i ASF-portalen?"
    assert mail.reply_to == ["asf@example.se"]
    for line in [
        "Kommunen kontrollerade uppgifterna senast 3 januari 2025.",
        "Namn: Kafé Kornet",
        "Besöksadress: Storgatan 1, 123 45 Exempelby",
        "Telefon: 08-12 34 56",
        "E-post: info@kornet.se",
        "Webbplats: https://kornet.example.se",
        "- Arbetsträning: 2 lediga platser",
        "- Anställning: inga lediga platser just nu",
        "- Praktik: antalet lediga platser är inte angivet",
        "Öppna er egen sida för att bekräfta eller rätta uppgifterna.",
        "Länken är personlig och fungerar i 30 dagar.",
        profile,
    ]:
        assert line in mail.body
    link = SelfServiceLink.objects.get()
    assert (link.enterprise, link.reason, link.sent_to) == (
        enterprise,
        LinkReason.REMINDER,
        "info@kornet.se",
    )
    (token,) = re.findall(r"https://asf\.example\.se/uppdatera/([^/\s]+)/", mail.body)
    assert link_for_token(token) == link
    assert link.reminder == ReviewReminder.objects.get()
    reminder = ReviewReminder.objects.get()
    assert (reminder.enterprise, reminder.sent_on, reminder.sent_to) == (
        enterprise,
        TODAY,
        "info@kornet.se",
    )


def test_missing_details_say_so(mailoutbox):
    due("Tomt", email="tomt@example.se", phone="", website="")

    remind(today=TODAY)

    (mail,) = [m for m in mailoutbox if m.to == ["tomt@example.se"]]
    body = mail.body
    assert "Telefon: saknas" in body
    assert "Webbplats: saknas" in body
    assert "- inga erbjudanden" in body


def test_without_email_is_in_the_digest_but_gets_no_mail(mailoutbox):
    due("Utan Post", email="")

    result = remind(today=TODAY)

    assert reminders_to(mailoutbox) == []
    assert result == ReminderResult(without_email=1, digest_sent=True)
    assert "Utan Post" in digest(mailoutbox).body
    assert "Påminnelse: ingen e-postadress" in digest(mailoutbox).body


def test_reminded_10_days_ago_is_not_reminded_again(mailoutbox):
    enterprise = due("Påmind", email="pamind@example.se")
    ReviewReminder.objects.create(
        enterprise=enterprise, sent_on=datetime.date(2026, 11, 16), sent_to=enterprise.email
    )

    result = remind(today=TODAY)

    assert reminders_to(mailoutbox) == []
    assert result == ReminderResult(skipped_recently_reminded=1, digest_sent=True)
    assert "Påminnelse: skickad 16 november 2026" in digest(mailoutbox).body


def test_reminded_a_whole_interval_ago_is_reminded_again(mailoutbox):
    enterprise = due("Länge sen", email="lange@example.se")
    ReviewReminder.objects.create(
        enterprise=enterprise, sent_on=TODAY - datetime.timedelta(days=30), sent_to=enterprise.email
    )

    result = remind(today=TODAY)

    assert reminders_to(mailoutbox) == ["lange@example.se"]
    assert result.reminded == 1


def test_running_twice_the_same_day_sends_nothing_the_second_time(mailoutbox):
    due("Ett", email="ett@example.se")
    due("Två", email="tva@example.se", last_checked=None)
    due("Tre", email="")

    first = remind(today=TODAY)
    sent = len(mailoutbox)
    second = remind(today=TODAY)
    assert OutboundMail.objects.count() == 3  # nothing queued twice

    assert first == ReminderResult(reminded=2, without_email=1, digest_sent=True)
    assert sent == 3
    assert len(mailoutbox) == 3
    assert second == ReminderResult(skipped_recently_reminded=2, without_email=1)
    assert ReviewReminder.objects.count() == 2
    assert ReviewDigest.objects.get().record_count == 3


def test_todays_row_stops_a_second_mail_even_when_the_interval_would_allow_it(settings, mailoutbox):
    # With no interval only the unique row per day stands between two runs,
    # as it does when two runs start at the same moment.
    settings.REVIEW_REMINDER_INTERVAL_DAYS = 0
    due("Ett", email="ett@example.se")
    remind(today=TODAY)

    second = remind(today=TODAY)

    assert reminders_to(mailoutbox) == ["ett@example.se"]
    assert second == ReminderResult(skipped_recently_reminded=1)


def test_a_refused_reminder_waits_in_the_queue_and_the_others_are_sent(
    mailoutbox, caplog, refusing_mail_server
):
    due("Aaa", email="aaa@example.se")
    broken = due("Bbb", email="trasig@example.se")
    due("Ccc", email="ccc@example.se")

    result = remind(today=TODAY)

    assert reminders_to(mailoutbox) == ["aaa@example.se", "ccc@example.se"]
    assert result == ReminderResult(reminded=3, digest_sent=True)
    assert ReviewReminder.objects.filter(enterprise=broken).exists()
    waiting = OutboundMail.objects.get(to="trasig@example.se")
    assert (waiting.status, waiting.attempts) == (MailStatus.QUEUED, 1)
    assert waiting.next_attempt_at is not None  # tried again later by the worker
    assert "SMTPRecipientsRefused" in caplog.text
    assert "trasig@example.se" not in caplog.text


def test_a_refused_digest_waits_in_the_queue(settings, mailoutbox, refusing_mail_server):
    settings.ADVISORS_EMAIL = "trasig@example.se"
    due("Utan Post", email="")

    result = remind(today=TODAY)

    assert result.digest_sent is True
    assert ReviewDigest.objects.get().record_count == 1
    assert OutboundMail.objects.get(to="trasig@example.se").status == MailStatus.QUEUED
    assert remind(today=TODAY).digest_sent is False  # queued once a day, not again


def test_digest_lists_every_due_record_with_absolute_edit_links(mailoutbox):
    never = due("Aldrig Kollad", email="aldrig@example.se", last_checked=None)
    old = due("Gammal", email="", last_checked=datetime.date(2025, 2, 1))
    EnterpriseFactory(name="Färsk", last_checked=TODAY)

    remind(today=TODAY)

    mail = digest(mailoutbox)
    assert mail.subject == "ASF-portalen: 2 företag behöver kontrolleras"
    assert "Färsk" not in mail.body
    never_block = mail.body.split("1. ")[1].split("2. ")[0]
    old_block = mail.body.split("2. ")[1]
    assert never_block.startswith("Aldrig Kollad")
    assert "Senast kontrollerad: aldrig" in never_block
    assert "Påminnelse: skickad i dag" in never_block
    assert edit_url(never) in never_block
    assert old_block.startswith("Gammal")
    assert "Senast kontrollerad: 1 februari 2025" in old_block
    assert "Påminnelse: ingen e-postadress" in old_block
    assert edit_url(old) in old_block
    assert ReviewDigest.objects.get().sent_on == TODAY


@pytest.mark.parametrize("count", [3, 20])
def test_queries_are_bounded_whatever_the_number_due(
    mailoutbox, django_assert_max_num_queries, count
):
    for index in range(count):
        enterprise = due(f"Företag {index}", email=f"f{index}@example.se")
        OfferingFactory(enterprise=enterprise, open_places=index)
    # Three reads (due records, their offerings, recent reminders); then per
    # reminder three INSERTs (reminder, link, mail) and the mail's task, and for
    # the digest two and its task, each group in savepoints (SAVEPOINT, RELEASE).
    reads, per_reminder, digest = 3, 10, 7

    with django_assert_max_num_queries(reads + per_reminder * count + digest):
        result = send_review_reminders(today=TODAY)

    assert result.reminded == count


def test_command_prints_a_summary(mailoutbox):
    due("Ett", email="ett@example.se")
    due("Två", email="")
    out = io.StringIO()

    call_command("send_review_reminders", "--date", "2026-11-26", stdout=out)

    assert out.getvalue().strip() == (
        "Review reminders for 2026-11-26: 1 queued, 0 reminded recently, "
        "1 without e-mail; digest queued."
    )
    assert ReviewReminder.objects.get().sent_on == TODAY


@pytest.mark.parametrize("value", ["26/11/2026", "2026-02-30", "i morgon", "20261126"])
def test_command_refuses_a_bad_date(value):
    with pytest.raises(CommandError, match="--date must be a date written YYYY-MM-DD"):
        call_command("send_review_reminders", "--date", value, stdout=io.StringIO())
