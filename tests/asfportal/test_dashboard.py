"""The advisors' dashboard composes inquiries and registry records."""

import datetime
import uuid

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from asfportal.core.mail import queue_templated_mail
from guidance.models import Inquiry
from registry.models import EnterpriseReport, RecordCheck
from tests.factories import EnterpriseFactory
from tests.tasks import run_tasks

pytestmark = pytest.mark.django_db


def inquiry(number: int, **fields) -> Inquiry:
    return Inquiry.objects.create(
        reference=f"ASF-2026-{number:05d}", name="Sara", email="s@example.se", topic="jobba",
        **fields,
    )  # fmt: skip


def test_dashboard_shows_each_list(advisor_client, advisor):
    inquiry(1)
    inquiry(2, assigned_to=advisor, status="in_progress")
    today = timezone.localdate()
    EnterpriseFactory(name="Gammal post", last_checked=today - datetime.timedelta(days=400))
    EnterpriseFactory(name="Färsk post", last_checked=today)
    draft = EnterpriseFactory(name="Anmält företag", status="draft")
    EnterpriseReport.objects.create(enterprise=draft, reason="x", submission_token=uuid.uuid4())

    response = advisor_client.get(reverse("staff:dashboard"))

    body = response.content.decode()
    records = response.context["records"]
    assert "ASF-2026-00001" in body and "ASF-2026-00002" in body
    assert response.context["inquiries"].mine_count == 1
    assert [e.name for e in records.due] == ["Gammal post"]
    assert records.reports_count == 1
    assert "Anmält företag" in body
    assert "Senast ändrade" in body


@pytest.mark.parametrize("rows", [2, 25])
def test_dashboard_query_count_is_fixed(
    advisor_client, advisor, rows, django_assert_max_num_queries
):
    for number in range(rows):
        inquiry(number, assigned_to=advisor if number % 2 else None)
        EnterpriseFactory(last_checked=None)
    advisor_client.get(reverse("staff:dashboard"))

    # 14 for the lists, then 3 for the freshness figures, 1 for the proposals
    # waiting and 2 for mail that could not be sent.
    with django_assert_max_num_queries(20):
        advisor_client.get(reverse("staff:dashboard"))


def test_dashboard_shows_how_fresh_the_registry_is(advisor_client, advisor):
    today = timezone.localdate()
    for days in (10, 40, 100, 200, 400, 800):
        EnterpriseFactory(last_checked=today - datetime.timedelta(days=days))
    EnterpriseFactory(last_checked=None)
    EnterpriseFactory(last_checked=None, status="draft")  # drafts are not counted
    checked = EnterpriseFactory(last_checked=today - datetime.timedelta(days=5))
    RecordCheck.objects.create(enterprise=checked, source="enterprise", method="confirmed")
    RecordCheck.objects.create(enterprise=checked, source="enterprise", method="updated")
    RecordCheck.objects.create(enterprise=checked, source="advisor", method="advisor_check")
    old = RecordCheck.objects.create(enterprise=checked, source="advisor", method="advisor_check")
    RecordCheck.objects.filter(pk=old.pk).update(
        checked_at=timezone.now() - datetime.timedelta(days=91)
    )

    response = advisor_client.get(reverse("staff:dashboard"))

    figures = response.context["freshness"]
    assert figures.published == 8
    assert figures.checked_in_time == 5  # 5, 10, 40, 100 and 200 days, within 12 months
    assert figures.checked_share == 62
    assert figures.median_age_days == 100  # of 5, 10, 40, 100, 200, 400, 800
    assert (figures.by_enterprise, figures.by_advisor) == (2, 1)
    assert [(b.label, b.count) for b in figures.buckets] == [
        ("0–3 mån", 3), ("3–6 mån", 1), ("6–12 mån", 1), ("12–18 mån", 1),
        ("över 18 mån", 1), ("aldrig", 1),
    ]  # fmt: skip
    text = response.text
    assert "62 %" in text and "5 av 8 publicerade" in text
    assert "100 dagar" in text
    assert "Publicerade företag efter tid sedan senaste kontroll" in text
    assert '<rect width="38" height="10">' in text  # 3 of 8 records, drawn in SVG


@override_settings(MAIL_MAX_ATTEMPTS=1)
def test_dashboard_warns_of_mail_that_could_not_be_sent(advisor_client, refusing_mail_server):
    queue_templated_mail(
        subject_template="guidance/mail/inquiry_receipt_subject.txt",
        body_template="guidance/mail/inquiry_receipt.txt",
        context={"inquiry": {"reference": "ASF-2026-00007"}, "municipality": "K"},
        to="trasig@example.se",
        what="receipt of inquiry ASF-2026-00007",
    )
    run_tasks()

    text = advisor_client.get(reverse("staff:dashboard")).text

    assert "1 e-postmeddelande kunde inte skickas, trots flera försök:" in text
    assert "receipt of inquiry ASF-2026-00007" in text
    assert "SMTPRecipientsRefused" in text
    assert "trasig@example.se" not in text
