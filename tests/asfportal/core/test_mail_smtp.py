"""Mail through a real SMTP server (aiosmtpd on loopback): a citizen's receipt
never waits for the mail server, a mail waits in the queue while the server is
down and goes once it is up, and a worker killed in the middle of a send does
not lose the mail."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from asfportal.core.models import MailStatus, OutboundMail
from guidance.models import Inquiry
from tests.mailserver import HangingServer, SMTPServer, free_port
from tests.tasks import run_tasks

ROOT = Path(__file__).resolve().parents[3]


def smtp_settings(settings, port: int, timeout: int = 5):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": timeout},
        }
    }


def inquiry_form() -> dict:
    return {
        "token": "9b6f1c2e-3f43-4a53-9d1a-0b7e43d1a001",
        "name": "Sara Lind",
        "email": "sara@example.se",
        "phone": "",
        "preferred_time": "morning",
        "language": "sv",
        "interpreter": "nej",
        "topic": "jobba",
        "message": "Jag vill veta mer om arbetsträning.",
        "hemsida": "",
    }


@pytest.mark.django_db
def test_the_receipt_never_waits_for_the_mail_server_and_the_mail_goes_once_it_is_up(
    client, settings
):
    port = free_port()
    smtp_settings(settings, port, timeout=60)
    settings.ADVISORS_EMAIL = "radgivare@example.se"

    # A mail server that hangs: sending in the request would wait EMAIL_TIMEOUT.
    with HangingServer(port) as hanging:
        response = client.post("/kontakt/", inquiry_form())
        assert response["Location"] == reverse("guidance:inquiry_receipt")
        assert hanging.connections == 0  # the request never spoke to the mail server
    reference = Inquiry.objects.get().reference
    assert reference in client.get(response["Location"]).text
    assert OutboundMail.objects.filter(status=MailStatus.QUEUED).count() == 2

    # The server is down: each mail's first try fails and it stays queued,
    # with its next try a minute (MAIL_RETRY_SECONDS) later.
    assert run_tasks() == 2
    waiting = list(OutboundMail.objects.order_by("pk"))
    assert [(m.status, m.attempts, m.last_error) for m in waiting] == [
        (MailStatus.QUEUED, 1, "ConnectionRefusedError")
    ] * 2

    # The minute passes and the server is up: the retries deliver both, once each.
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    with SMTPServer(port) as server:
        assert run_tasks() == 2
    recipients = sorted(to for to, _text in server.received)
    assert recipients == [["radgivare@example.se"], ["sara@example.se"]]
    receipt = next(text for to, text in server.received if to == ["sara@example.se"])
    assert reference in receipt
    assert {m.status for m in OutboundMail.objects.all()} == {MailStatus.SENT}


def _manage(db: Path, env_extra: dict, *args, **popen) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{db}",
        "SECRET_KEY": "test-only-secret-key",
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        **env_extra,
    }
    command = [sys.executable, "manage.py", *args]  # our own commands, fixed arguments
    return subprocess.Popen(command, cwd=ROOT, env=env, **popen)  # noqa: S603


def _run(db, env, *args) -> str:
    process = _manage(db, env, *args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    out, _err = process.communicate(timeout=120)
    assert process.returncode == 0, out
    return out.strip().splitlines()[-1] if out.strip() else ""


QUEUE_A_MAIL = """
from asfportal.core.mail import queue_templated_mail
queue_templated_mail(
    subject_template="guidance/mail/inquiry_receipt_subject.txt",
    body_template="guidance/mail/inquiry_receipt.txt",
    context={"inquiry": {"reference": "ASF-2026-00042"}, "municipality": "K"},
    to="sara@example.se",
    what="receipt of inquiry ASF-2026-00042",
)
"""

STATE = """
from asfportal.core.models import OutboundMail
from django_tasks_db.models import DBTaskResult
mail = OutboundMail.objects.get()
print(mail.status, mail.attempts, sorted(t.status for t in DBTaskResult.objects.all()))
"""


def test_a_worker_killed_during_a_send_does_not_lose_the_mail(tmp_path):
    """Real processes on a database of their own: ``run_worker`` is killed
    (SIGKILL) while the mail server holds the conversation; the next worker
    finds the task left running, runs it again, and the mail is delivered."""
    db = tmp_path / "queue.sqlite3"
    port = free_port()
    env = {
        "EMAIL_PORT": str(port),
        "EMAIL_TIMEOUT": "60",
        "MAIL_SEND_LEASE_SECONDS": "1",
        "TASK_RUNNING_LEASE_SECONDS": "1",
    }
    _run(db, env, "migrate", "--noinput", "-v", "0")
    _run(db, env, "shell", "-c", QUEUE_A_MAIL)

    with HangingServer(port) as hanging:
        worker = _manage(
            db, env, "run_worker", "--no-startup-delay", "--interval", "0.2",
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            assert hanging.greeted.wait(timeout=60), "the worker never reached the server"
            worker.send_signal(signal.SIGKILL)  # in the middle of the send
            worker.wait(timeout=10)
        finally:
            if worker.poll() is None:
                worker.kill()
    assert _run(db, env, "shell", "-c", STATE).split() == ["queued", "1", "['RUNNING']"]

    time.sleep(1.5)  # past both leases: the dead worker's claim has run out
    with SMTPServer(port) as server:
        _run(db, env, "run_worker", "--batch", "--no-startup-delay")
    assert [to for to, _text in server.received] == [["sara@example.se"]]
    assert "ASF-2026-00042" in server.received[0][1]
    state = _run(db, env, "shell", "-c", STATE).split()
    assert state[:2] == ["sent", "2"]
