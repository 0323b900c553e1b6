"""asfportal.core.mail: every mail is queued with the change that causes it and
delivered by the worker, with retries, and never lost silently."""

import datetime

import pytest
from django.db import transaction
from django.tasks import TaskResultStatus
from django.test import override_settings
from django.utils import timezone, translation
from django_tasks_db.models import DBTaskResult

from asfportal.core import mail
from asfportal.core.models import MailStatus, OutboundMail
from asfportal.core.worker import requeue_interrupted_tasks
from tests.tasks import run_tasks

pytestmark = pytest.mark.django_db


def queue(to: str) -> OutboundMail:
    return mail.queue_templated_mail(
        subject_template="guidance/mail/inquiry_receipt_subject.txt",
        body_template="guidance/mail/inquiry_receipt.txt",
        context={"inquiry": {"reference": "ASF-2026-00001", "name": "Sara"}, "municipality": "K"},
        to=to,
        what="receipt of inquiry ASF-2026-00001",
        reply_to="asf@example.se",
    )


def test_a_queued_mail_is_rendered_in_swedish_and_sent_by_the_worker(mailoutbox):
    with translation.override("en"):
        queued = queue("sara@example.se")

    assert mailoutbox == []  # nothing leaves before the worker runs
    task = DBTaskResult.objects.get()
    assert task.task_path == "asfportal.core.mail.deliver_mail"
    assert task.args_kwargs == {"args": [queued.pk], "kwargs": {}}  # the id, no content

    assert run_tasks() == 1
    sent = mailoutbox[0]
    assert sent.to == ["sara@example.se"]
    assert sent.reply_to == ["asf@example.se"]
    assert "ASF-2026-00001" in sent.subject
    assert "\n" not in sent.subject
    assert sent.body.startswith("Hej!")
    thanks = "Tack för att du vill prata med en rådgivare. Ditt referensnummer är ASF-2026-00001."
    assert thanks in sent.body
    queued.refresh_from_db()
    assert queued.status == MailStatus.SENT
    assert queued.attempts == 1
    assert queued.body == ""  # the content is not kept once it is sent
    assert queued.sent_at is not None


def test_a_mail_queued_in_a_transaction_that_rolls_back_does_not_exist(mailoutbox):
    with pytest.raises(RuntimeError), transaction.atomic():
        queue("sara@example.se")
        raise RuntimeError("the change failed")

    assert OutboundMail.objects.count() == 0
    assert DBTaskResult.objects.count() == 0
    assert run_tasks() == 0
    assert mailoutbox == []


def test_a_refused_mail_is_tried_again_later_and_logged_without_the_address(
    mailoutbox, caplog, refusing_mail_server
):
    queued = queue("trasig@example.se")
    before = timezone.now()

    run_tasks()

    queued.refresh_from_db()
    assert queued.status == MailStatus.QUEUED
    assert queued.attempts == 1
    assert queued.last_error == "SMTPRecipientsRefused"
    retry = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    # The next try waits MAIL_RETRY_SECONDS (60 s by default), so it is not ready yet.
    assert retry.run_after >= before + datetime.timedelta(seconds=59)
    assert DBTaskResult.objects.ready().count() == 0
    assert "receipt of inquiry ASF-2026-00001 (attempt 1): SMTPRecipientsRefused" in caplog.text
    assert "trasig@example.se" not in caplog.text
    assert mailoutbox == []


def test_the_pause_grows_three_times_each_try():
    assert [mail.retry_delay(n).total_seconds() for n in (1, 2, 3, 4)] == [60, 180, 540, 1620]


@override_settings(MAIL_RETRY_SECONDS=0, MAIL_MAX_ATTEMPTS=3)
def test_after_the_last_try_the_mail_is_failed_for_staff_to_see(caplog, refusing_mail_server):
    queued = queue("trasig@example.se")

    assert run_tasks() == 3  # the first try and two retries, then no more

    queued.refresh_from_db()
    assert queued.status == MailStatus.FAILED
    assert queued.attempts == 3
    assert queued.body  # kept, so it can be sent again
    assert "Gave up sending the receipt of inquiry ASF-2026-00001 after 3 attempts" in caplog.text


@override_settings(MAIL_RETRY_SECONDS=0, MAIL_MAX_ATTEMPTS=1)
def test_staff_can_send_a_failed_mail_again(mailoutbox, refusing_mail_server, monkeypatch):
    queued = queue("trasig@example.se")
    run_tasks()
    queued.refresh_from_db()
    assert queued.status == MailStatus.FAILED
    queued.to = "sara@example.se"  # the address was corrected in the record
    queued.save()

    mail.mail_retry(queued)
    run_tasks()

    queued.refresh_from_db()
    assert queued.status == MailStatus.SENT
    assert mailoutbox[0].to == ["sara@example.se"]


def test_a_mail_another_worker_is_sending_is_left_to_it(mailoutbox):
    queued = queue("sara@example.se")
    OutboundMail.objects.filter(pk=queued.pk).update(
        sending_until=timezone.now() + datetime.timedelta(minutes=1)
    )

    assert mail.deliver(queued.pk) == "another worker is sending it"
    assert mailoutbox == []


def test_a_sent_mail_is_not_sent_again_when_its_task_runs_twice(mailoutbox):
    queued = queue("sara@example.se")
    assert mail.deliver(queued.pk) == "sent"
    assert mail.deliver(queued.pk) == "nothing to do"
    assert len(mailoutbox) == 1


def test_a_task_left_running_by_a_dead_worker_runs_again(mailoutbox):
    queue("sara@example.se")
    task = DBTaskResult.objects.get()
    task.claim("dead-worker")  # claimed, then the worker was killed mid-send
    assert run_tasks() == 0

    assert requeue_interrupted_tasks(now=timezone.now()) == 0  # still within its lease
    later = timezone.now() + datetime.timedelta(minutes=5)
    assert requeue_interrupted_tasks(now=later) == 1

    assert run_tasks() == 1
    assert len(mailoutbox) == 1
