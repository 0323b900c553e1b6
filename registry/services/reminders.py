"""Daily review reminders: ask each enterprise due for review to confirm its
details, and send the advisors one list of every record due.

Run by ``manage.py send_review_reminders``. Idempotent per day: a reminder's
row (unique per enterprise and day) and the digest's row (unique per day) are
written in the same transaction as their queued mail, so a second run the same
day, even one running at the same time, queues nothing twice. Each reminder
carries a new personal link to /uppdatera/ (``services.selfservice``); the task
worker sends the mails and retries them when the mail server fails.
"""

import datetime
from dataclasses import dataclass
from enum import StrEnum

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from asfportal.core import dates
from asfportal.core.mail import queue_templated_mail
from registry.models import LinkReason, ReviewDigest, ReviewReminder, SocialEnterprise
from registry.selectors import reminders
from registry.services.selfservice import link_create, link_url


@dataclass(frozen=True)
class ReminderResult:
    reminded: int = 0
    skipped_recently_reminded: int = 0
    without_email: int = 0
    digest_sent: bool = False


class Outcome(StrEnum):
    """What happened to one due enterprise; the digest says it in Swedish."""

    SENT = "sent"
    RECENTLY_REMINDED = "recently_reminded"
    NO_EMAIL = "no_email"


@dataclass(frozen=True)
class DueRecord:
    """One line of the advisors' digest."""

    enterprise: SocialEnterprise
    outcome: Outcome
    last_reminded: datetime.date | None
    edit_url: str


def send_review_reminders(*, today: datetime.date | None = None) -> ReminderResult:
    """Mail every due enterprise not reminded in the last
    ``REVIEW_REMINDER_INTERVAL_DAYS`` days, then the advisors' digest.

    Side effects: per reminder one ``ReviewReminder`` row, one
    ``SelfServiceLink`` and one queued mail; one ``ReviewDigest`` row and one
    queued mail to ``ADVISORS_EMAIL`` per day (none when nothing is due).
    Queries: three reads, then per reminder its INSERTs in one savepoint, so a
    clash with a concurrent run is caught and leaves nothing behind.
    """
    today = today or dates.today()
    due = list(reminders.due_enterprises(today))
    if not due:
        return ReminderResult()
    last_reminded = reminders.last_reminded(today)
    records = [_remind_if_needed(enterprise, last_reminded, today) for enterprise in due]
    counts = {outcome: sum(r.outcome == outcome for r in records) for outcome in Outcome}
    return ReminderResult(
        reminded=counts[Outcome.SENT],
        skipped_recently_reminded=counts[Outcome.RECENTLY_REMINDED],
        without_email=counts[Outcome.NO_EMAIL],
        digest_sent=_send_digest(records, today),
    )


def _remind_if_needed(
    enterprise: SocialEnterprise, last_reminded: dict[int, datetime.date], today: datetime.date
) -> DueRecord:
    previous = last_reminded.get(enterprise.pk)
    if not enterprise.email:
        outcome = Outcome.NO_EMAIL
    elif previous is not None:
        outcome = Outcome.RECENTLY_REMINDED
    else:
        outcome = _remind(enterprise, today)
    with translation.override("sv"):
        edit_path = reverse("registry_staff:enterprise_edit", kwargs={"pk": enterprise.pk})
    return DueRecord(enterprise, outcome, previous, settings.SITE_URL + edit_path)


def _remind(enterprise: SocialEnterprise, today: datetime.date) -> Outcome:
    """Claim today's reminder row, make the link and queue the mail, all or
    nothing: a concurrent run that claimed the row first wins."""
    try:
        with transaction.atomic():
            reminder = ReviewReminder.objects.create(
                enterprise=enterprise, sent_on=today, sent_to=enterprise.email
            )
            link = link_create(
                enterprise=enterprise,
                reason=LinkReason.REMINDER,
                sent_to=enterprise.email,
                reminder=reminder,
            )
            _queue_reminder(enterprise, link)
    except IntegrityError:  # another run got here first today
        return Outcome.RECENTLY_REMINDED
    return Outcome.SENT


def _queue_reminder(enterprise: SocialEnterprise, link) -> None:
    with translation.override("sv"):
        profile_url = settings.SITE_URL + enterprise.get_absolute_url()
    context = {
        "enterprise": enterprise,
        "address": _address(enterprise),
        "profile_url": profile_url,
        "link_url": link_url(link),
        "link_days": settings.SELF_SERVICE_LINK_DAYS,
        "municipality": settings.MUNICIPALITY_NAME,
        "contact_email": settings.CONTACT_EMAIL,
    }
    queue_templated_mail(
        subject_template="registry/mail/review_reminder_subject.txt",
        body_template="registry/mail/review_reminder.txt",
        context=context,
        to=enterprise.email,
        reply_to=settings.CONTACT_EMAIL,
        what=f"review reminder for enterprise {enterprise.pk}",
    )


def _address(enterprise: SocialEnterprise) -> str:
    """The visiting address on one line, such as "Storgatan 1, 123 45 Ort"."""
    town = " ".join(part for part in (enterprise.postal_code, enterprise.city) if part)
    return ", ".join(part for part in (enterprise.street_address, town) if part)


def _send_digest(records: list[DueRecord], today: datetime.date) -> bool:
    """The advisors' list of every due record, once a day."""
    context = {
        "records": records,
        "fresh_months": settings.FRESH_MONTHS,
        "notice_days": settings.REVIEW_NOTICE_DAYS,
        "interval_days": settings.REVIEW_REMINDER_INTERVAL_DAYS,
        "contact_email": settings.CONTACT_EMAIL,
    }
    try:
        with transaction.atomic():
            ReviewDigest.objects.create(sent_on=today, record_count=len(records))
            queue_templated_mail(
                subject_template="registry/mail/review_digest_subject.txt",
                body_template="registry/mail/review_digest.txt",
                context=context,
                to=settings.ADVISORS_EMAIL,
                what=f"review digest for {today}",
            )
    except IntegrityError:  # today's digest is queued already
        return False
    return True
