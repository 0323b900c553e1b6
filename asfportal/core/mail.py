"""The one way the site sends a mail: rendered in Swedish, queued, delivered
by the task worker.

``queue_templated_mail`` writes the mail to the outbox (``OutboundMail``) and
enqueues ``deliver_mail`` in the caller's transaction: the mail exists exactly
when the change that causes it was saved, and a request never waits for the
mail server. The worker (``manage.py run_worker``) sends it; a failure is
tried again with a growing pause, and after ``MAIL_MAX_ATTEMPTS`` the mail is
marked failed for staff to see, never dropped.
"""

import datetime
import email.policy
import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone, translation

from asfportal.core.models import MailStatus, OutboundMail

logger = logging.getLogger(__name__)

# Headers whose value is a URL list (RFC 2369) and must reach mail programs as
# written: see ``_UnfoldedURLs``.
URL_HEADERS = {"list-unsubscribe"}


class _UnfoldedURLs(email.policy.EmailPolicy):
    """Python folds a header longer than 78 characters that has no space in it
    into RFC 2047 encoded words, and mail programs (Gmail among them) then
    ignore a ``List-Unsubscribe`` header: RFC 8058's one-click unsubscribe
    would silently break. These headers are plain ASCII URLs, written on one
    line, which RFC 5322 allows up to 998 characters."""

    def fold(self, name, value):
        if name.lower() in URL_HEADERS and str(value).isascii():
            return f"{name}: {value}{self.linesep}"
        return super().fold(name, value)

    def fold_binary(self, name, value):
        if name.lower() in URL_HEADERS and str(value).isascii():
            return self.fold(name, value).encode("ascii")
        return super().fold_binary(name, value)  # a non-ASCII SITE_URL: encoded, not lost


class _Message(EmailMessage):
    def message(self, *, policy=email.policy.default):
        unfolded = _UnfoldedURLs(linesep=policy.linesep, utf8=policy.utf8, cte_type=policy.cte_type)
        return super().message(policy=unfolded)


@transaction.atomic
def queue_templated_mail(
    *,
    subject_template: str,
    body_template: str,
    context: dict,
    to: str,
    what: str,
    reply_to: str | None = None,
    headers: dict[str, str] | None = None,
) -> OutboundMail:
    """Render the subject and the body in Swedish and queue them for ``to``.

    ``what`` names the mail in logs and for staff, and must hold no personal
    data. ``headers`` are extra mail headers (``List-Unsubscribe``). Two
    INSERTs (the outbox row and its task) in the caller's transaction.
    """
    with translation.override("sv"):
        subject = " ".join(render_to_string(subject_template, context).split())
        body = render_to_string(body_template, context)
    mail = OutboundMail.objects.create(
        what=what[:200],
        to=to,
        reply_to=reply_to or "",
        subject=subject[:300],
        body=body,
        headers=headers or {},
    )
    deliver_mail.enqueue(mail.pk)
    return mail


@task()
def deliver_mail(mail_id: int) -> str:
    """The worker's task: send one queued mail. Returns what happened."""
    return deliver(mail_id)


def deliver(mail_id: int, *, now: datetime.datetime | None = None) -> str:
    """Send the mail if it is still queued and no other worker is sending it.

    The attempt is counted and the mail leased before the send, outside any
    transaction, so a slow mail server holds no lock. A worker killed during
    the send leaves the mail queued; its task runs again (``run_worker``
    requeues interrupted tasks), so a mail may at worst be sent twice, never lost.
    """
    now = now or timezone.now()
    with transaction.atomic():
        mail = OutboundMail.objects.select_for_update().filter(pk=mail_id).first()
        if mail is None or mail.status != MailStatus.QUEUED:
            return "nothing to do"
        if mail.sending_until and mail.sending_until > now:
            return "another worker is sending it"
        mail.attempts += 1
        mail.sending_until = now + datetime.timedelta(seconds=settings.MAIL_SEND_LEASE_SECONDS)
        mail.save(update_fields=["attempts", "sending_until"])
    message = _Message(
        mail.subject,
        mail.body,
        to=[mail.to],
        reply_to=[mail.reply_to] if mail.reply_to else None,
        headers=mail.headers or None,
    )
    try:
        message.send()
    except Exception as error:  # any failure of the mail server: try again later
        return _failed(mail, error)
    OutboundMail.objects.filter(pk=mail.pk).update(
        status=MailStatus.SENT,
        sent_at=timezone.now(),
        body="",
        headers={},
        sending_until=None,
        last_error="",
    )
    return "sent"


def retry_delay(attempts: int) -> datetime.timedelta:
    """The pause before the next try: MAIL_RETRY_SECONDS, then three times longer
    each time (1, 3, 9, 27, 81 minutes with the default)."""
    return datetime.timedelta(seconds=settings.MAIL_RETRY_SECONDS * 3 ** (attempts - 1))


def _failed(mail: OutboundMail, error: Exception) -> str:
    """Log the error's class only (SMTP errors can carry the address), then
    schedule the next try or, after the last one, mark the mail failed."""
    mail.last_error = type(error).__name__
    mail.sending_until = None
    if mail.attempts >= settings.MAIL_MAX_ATTEMPTS:
        mail.status = MailStatus.FAILED
        mail.save(update_fields=["last_error", "sending_until", "status"])
        logger.error(
            "Gave up sending the %s after %d attempts: %s",
            mail.what,
            mail.attempts,
            mail.last_error,
        )
        return "failed"
    mail.next_attempt_at = timezone.now() + retry_delay(mail.attempts)
    with transaction.atomic():
        mail.save(update_fields=["last_error", "sending_until", "next_attempt_at"])
        deliver_mail.using(run_after=mail.next_attempt_at).enqueue(mail.pk)
    logger.warning(
        "Could not send the %s (attempt %d): %s; trying again at %s",
        mail.what,
        mail.attempts,
        mail.last_error,
        f"{timezone.localtime(mail.next_attempt_at):%H:%M:%S}",
    )
    return "will try again"


@transaction.atomic
def mail_retry(mail: OutboundMail) -> OutboundMail:
    """Staff send a failed mail once more (the admin's action)."""
    mail = OutboundMail.objects.select_for_update().get(pk=mail.pk)
    if mail.status != MailStatus.FAILED:
        return mail
    mail.status = MailStatus.QUEUED
    mail.attempts = 0
    mail.next_attempt_at = None
    mail.save(update_fields=["status", "attempts", "next_attempt_at"])
    deliver_mail.enqueue(mail.pk)
    return mail


def mail_forget(*, to: str, what_endings: list[str]) -> int:
    """Erase the outbox rows to ``to`` whose ``what`` ends with one of
    ``what_endings`` ("for subscription 7"), sent or not: a person's data is
    erased from the outbox too, and what was still queued is not sent. How many."""
    if not what_endings:
        return 0
    names = Q()
    for ending in what_endings:
        names |= Q(what__endswith=ending)
    erased, _by_model = OutboundMail.objects.filter(names, to=to).delete()
    return erased


def failed_mail(limit: int = 5) -> tuple[int, list[OutboundMail]]:
    """How many mails could not be sent after every try, and the latest of
    them (the dashboard warns): two queries."""
    failed = OutboundMail.objects.filter(status=MailStatus.FAILED)
    return failed.count(), list(failed.only("what", "created_at", "last_error")[:limit])
