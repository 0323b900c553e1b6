"""Daily review reminders: ask each enterprise due for review to confirm its
details, and send the advisors one list of every record due.

Run by ``manage.py send_review_reminders``. Idempotent per day: a reminder's
row (unique per enterprise and day) and the digest's row (unique per day) are
written before their mail is sent, so a second run the same day, even one
running at the same time, sends nothing twice. A mail that cannot be sent has
its row removed again, so the next run tries once more.
"""

import datetime
from dataclasses import dataclass
from enum import StrEnum

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from asfportal.core import dates
from asfportal.core.mail import send_templated_mail
from registry.models import ReviewDigest, ReviewReminder, SocialEnterprise
from registry.selectors import reminders


@dataclass(frozen=True)
class ReminderResult:
    reminded: int = 0
    skipped_recently_reminded: int = 0
    without_email: int = 0
    failed: int = 0
    digest_sent: bool = False


class Outcome(StrEnum):
    """What happened to one due enterprise; the digest says it in Swedish."""

    SENT = "sent"
    RECENTLY_REMINDED = "recently_reminded"
    NO_EMAIL = "no_email"
    FAILED = "failed"


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

    Side effects: one ``ReviewReminder`` row and one mail per reminder, one
    ``ReviewDigest`` row and one mail to ``ADVISORS_EMAIL`` per day (none when
    nothing is due). Queries: three reads, then one INSERT per reminder and one
    for the digest (each in a savepoint, so a clash with a concurrent run is
    caught), plus a DELETE per failed mail.
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
        failed=counts[Outcome.FAILED],
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
    """Claim today's reminder row, then send. The row comes first so that two
    runs cannot both send; if the mail fails, the row goes again."""
    reminder = _create_once(
        ReviewReminder, enterprise=enterprise, sent_on=today, sent_to=enterprise.email
    )
    if reminder is None:  # another run got here first today
        return Outcome.RECENTLY_REMINDED
    with translation.override("sv"):
        profile_url = settings.SITE_URL + enterprise.get_absolute_url()
    context = {
        "enterprise": enterprise,
        "address": _address(enterprise),
        "profile_url": profile_url,
        "municipality": settings.MUNICIPALITY_NAME,
        "contact_email": settings.CONTACT_EMAIL,
    }
    sent = send_templated_mail(
        subject_template="registry/mail/review_reminder_subject.txt",
        body_template="registry/mail/review_reminder.txt",
        context=context,
        to=enterprise.email,
        reply_to=settings.CONTACT_EMAIL,
        what=f"review reminder for enterprise {enterprise.pk}",
    )
    if not sent:
        reminder.delete()
        return Outcome.FAILED
    return Outcome.SENT


def _address(enterprise: SocialEnterprise) -> str:
    """The visiting address on one line, such as "Storgatan 1, 123 45 Ort"."""
    town = " ".join(part for part in (enterprise.postal_code, enterprise.city) if part)
    return ", ".join(part for part in (enterprise.street_address, town) if part)


def _send_digest(records: list[DueRecord], today: datetime.date) -> bool:
    """The advisors' list of every due record, once a day."""
    digest = _create_once(ReviewDigest, sent_on=today, record_count=len(records))
    if digest is None:
        return False
    context = {
        "records": records,
        "due_months": settings.REVIEW_DUE_MONTHS,
        "interval_days": settings.REVIEW_REMINDER_INTERVAL_DAYS,
        "contact_email": settings.CONTACT_EMAIL,
    }
    sent = send_templated_mail(
        subject_template="registry/mail/review_digest_subject.txt",
        body_template="registry/mail/review_digest.txt",
        context=context,
        to=settings.ADVISORS_EMAIL,
        what=f"review digest for {today}",
    )
    if not sent:
        digest.delete()
    return sent


def _create_once(model, **fields):
    """The new row, or None when its unique constraint says it exists already."""
    try:
        with transaction.atomic():
            return model.objects.create(**fields)
    except IntegrityError:
        return None
