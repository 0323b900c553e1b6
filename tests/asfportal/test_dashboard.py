"""The advisors' dashboard composes inquiries and registry records."""

import datetime
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from guidance.models import Inquiry
from registry.models import EnterpriseReport
from tests.factories import EnterpriseFactory

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

    with django_assert_max_num_queries(14):
        advisor_client.get(reverse("staff:dashboard"))
