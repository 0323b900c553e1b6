"""The review queue: enterprises citizens reported, approved or rejected."""

import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from registry.models import EnterpriseReport, PublicationStatus
from registry.services.reports import AlreadyReviewed, report_approve, report_reject
from tests.factories import EnterpriseFactory
from tests.factories import harvested_enterprise as harvested

pytestmark = pytest.mark.django_db


def report(**fields):
    enterprise = EnterpriseFactory(status=PublicationStatus.DRAFT, last_checked=None)
    return EnterpriseReport.objects.create(
        enterprise=enterprise, reason="Anställer personer med funktionsnedsättning.",
        submission_token=uuid.uuid4(), reporter_email="tipsare@example.se", **fields,
    )  # fmt: skip


def test_review_queue_lists_waiting_reports_oldest_first(advisor_client):
    first, second = report(), report()

    response = advisor_client.get(reverse("registry_staff:report_list"))

    assert list(response.context["waiting"]) == [first, second]


def test_approving_publishes_and_stamps_the_check(advisor_client, advisor):
    waiting = report()

    response = advisor_client.post(reverse("registry_staff:report_approve", args=[waiting.pk]))

    waiting.refresh_from_db()
    enterprise = waiting.enterprise
    enterprise.refresh_from_db()
    assert response["Location"] == reverse("registry_staff:report_list")
    assert waiting.decision == "approved" and waiting.reviewed_by == advisor
    assert enterprise.status == PublicationStatus.PUBLISHED
    assert enterprise.last_checked == timezone.localdate()


def test_rejecting_needs_a_reason_and_archives(advisor_client):
    waiting = report()
    url = reverse("registry_staff:report_reject", args=[waiting.pk])

    missing = advisor_client.post(url, {"reason": ""})
    too_long = advisor_client.post(url, {"reason": "x" * 2001})
    done = advisor_client.post(url, {"reason": "Ägs av kommunen."})

    waiting.refresh_from_db()
    assert missing.status_code == 400
    assert "Skriv varför anmälan avslås." in missing.content.decode()
    assert too_long.status_code == 400
    assert done.status_code == 302
    assert waiting.decision == "rejected"
    assert waiting.rejection_reason == "Ägs av kommunen."
    assert waiting.enterprise.status == PublicationStatus.ARCHIVED


def test_a_decided_report_is_not_decided_twice(advisor_client):
    waiting = report()
    advisor_client.post(
        reverse("registry_staff:report_reject", args=[waiting.pk]), {"reason": "Nej"}
    )

    advisor_client.post(reverse("registry_staff:report_approve", args=[waiting.pk]))

    waiting.refresh_from_db()
    assert waiting.decision == "rejected"
    assert waiting.enterprise.status == PublicationStatus.ARCHIVED


@pytest.mark.parametrize("rows", [2, 20])
def test_review_queue_query_count_is_fixed(advisor_client, rows, django_assert_max_num_queries):
    for _ in range(rows):
        report()
    advisor_client.get(reverse("registry_staff:report_list"))

    with django_assert_max_num_queries(7):
        response = advisor_client.get(reverse("registry_staff:report_list"))

    assert len(response.context["waiting"]) == rows


def test_a_report_decided_by_someone_else_meanwhile_is_not_decided_again(advisor, other_advisor):
    waiting = report()
    seen_by_me = EnterpriseReport.objects.get(pk=waiting.pk)  # read before the other decides
    report_reject(report=waiting, user=other_advisor, reason="Ägs av kommunen.")

    with pytest.raises(AlreadyReviewed):
        report_approve(report=seen_by_me, user=advisor)

    waiting.refresh_from_db()
    assert waiting.decision == "rejected"
    assert waiting.enterprise.status == PublicationStatus.ARCHIVED


def test_the_list_marks_records_whose_source_changed_in_a_fixed_number_of_queries(
    advisor_client, advisor, django_assert_num_queries
):
    for n, org_number in enumerate(("556677-8899", "556016-0680", "5561234567")):
        taken = harvested(f"r{n}", "a", name=f"Grannen {n}", org_number=org_number)
        report_approve(report=taken.report, user=advisor)
    harvested("r1", "b", name="Grannen 1", org_number="556016-0680", phone="08-999 99 99")
    report(reviewed_at=timezone.now(), decision="approved")  # not harvested
    advisor_client.get(reverse("registry_staff:report_list"))  # session and permissions

    with django_assert_num_queries(6):  # session, user, 2 permissions, waiting, decided
        response = advisor_client.get(reverse("registry_staff:report_list"))

    marked = [r.enterprise.name for r in response.context["decided"] if r.source_changes]
    changed = [r.enterprise.name for r in response.context["decided"]
               if r.source_changes and r.source_changes.rows]  # fmt: skip
    assert sorted(marked) == ["Grannen 0", "Grannen 1", "Grannen 2"]
    assert changed == ["Grannen 1"]
    assert response.text.count("Källan har ändrat uppgifterna sedan dess") == 1


def test_held_changes_list_only_real_differences_of_known_fields(advisor):
    from registry.staff.selectors import source_changes

    taken = harvested("r9", "a", name="Grannen", org_number="5560160680")
    report_approve(report=taken.report, user=advisor)
    taken.harvested.held_changes = {
        "fields": {
            "name": "Grannen",  # the same
            "org_number": "556016-0680",  # the same number, written with a dash
            "phone": "08-999 99 99",
            "fax": "08-1",  # no such field (any more): left out, not a 500
        }
    }
    taken.harvested.save()
    taken.report.refresh_from_db()

    rows = source_changes(taken.report).rows

    assert [(row.label, row.ours, row.theirs) for row in rows] == [
        ("Telefon", "08-123 45 67", "08-999 99 99")
    ]
