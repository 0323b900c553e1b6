"""Citizens' reports of missing enterprises, and the advisors' review of them."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from asfportal.core.submissions import create_once
from registry.models import EnterpriseReport, LegalForm, PublicationStatus, ReportDecision
from registry.services.enterprises import (
    enterprise_create,
    enterprise_mark_checked,
    enterprise_set_status,
)


class AlreadyReviewed(Exception):
    """Another advisor decided the report first (or a double click)."""


def enterprise_report(
    *,
    submission_token,
    name: str,
    org_number: str,
    short_description: str,
    reason: str,
    legal_form: str = LegalForm.OTHER,
    website: str = "",
    email: str = "",
    phone: str = "",
    reporter_name: str = "",
    reporter_email: str = "",
) -> tuple[EnterpriseReport, bool]:
    """A citizen's report of a missing enterprise: a draft record marked as
    reported, waiting for an advisor's review. The same form token twice
    (double click, reload) returns the first report. Returns (report, created)."""

    def create() -> EnterpriseReport:
        enterprise = enterprise_create(
            name=name,
            org_number=org_number,
            legal_form=legal_form,
            short_description=short_description,
            website=website,
            email=email,
            phone=phone,
            status=PublicationStatus.DRAFT,
        )
        report = EnterpriseReport(
            enterprise=enterprise,
            reason=reason,
            reporter_name=reporter_name,
            reporter_email=reporter_email,
            submission_token=submission_token,
        )
        report.full_clean()
        report.save()
        return report

    # The same org number reported by someone else at the same moment raises.
    return create_once(EnterpriseReport, submission_token, create)


@transaction.atomic
def report_approve(*, report: EnterpriseReport, user: AbstractBaseUser) -> EnterpriseReport:
    """Approve a citizen's report: the record is published and counts as checked."""
    report = EnterpriseReport.objects.select_for_update().get(pk=report.pk)
    if report.reviewed_at:
        raise AlreadyReviewed
    enterprise_set_status(enterprise=report.enterprise, status=PublicationStatus.PUBLISHED)
    enterprise_mark_checked(enterprise=report.enterprise, user=user)
    return _report_decide(report, user, ReportDecision.APPROVED, "")


@transaction.atomic
def report_reject(
    *, report: EnterpriseReport, user: AbstractBaseUser, reason: str
) -> EnterpriseReport:
    """Reject a report with a reason; the draft record is archived, not deleted,
    so the same enterprise reported again is recognised."""
    report = EnterpriseReport.objects.select_for_update().get(pk=report.pk)
    if report.reviewed_at:
        raise AlreadyReviewed
    enterprise_set_status(enterprise=report.enterprise, status=PublicationStatus.ARCHIVED)
    return _report_decide(report, user, ReportDecision.REJECTED, reason)


def _report_decide(report, user, decision: str, reason: str) -> EnterpriseReport:
    report.reviewed_at = timezone.now()
    report.reviewed_by = user
    report.decision = decision
    report.rejection_reason = reason
    report.full_clean()
    report.save()
    return report
