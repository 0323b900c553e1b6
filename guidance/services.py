"""Every write in the guidance app: publishing policy pages, inquiries."""

import datetime
import logging
from collections.abc import Sequence

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation

from asfportal.submissions import create_once
from guidance.models import Inquiry, InquiryCounter, Page, PageRevision, PageStatus

logger = logging.getLogger(__name__)


def page_needs_revision(page: Page) -> bool:
    """True when publishing ``page`` would show the public something new."""
    if page.status != PageStatus.PUBLISHED:
        return False
    latest = PageRevision.objects.filter(page=page).order_by("-number").first() if page.pk else None
    if latest is None:
        return True
    return (latest.title, latest.summary, latest.body) != (page.title, page.summary, page.body)


@transaction.atomic
def page_save(
    *,
    page: Page,
    change_summary: str = "",
    user: AbstractBaseUser | None = None,
    published_at: datetime.datetime | None = None,
) -> PageRevision | None:
    """Save the page; when it is published with new text, keep a revision with
    the editor's summary of the change. Returns the new revision, if any."""
    needs_revision = page_needs_revision(page)
    page.full_clean()
    page.save()
    if not needs_revision:
        return None
    number = (page.revisions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    return PageRevision.objects.create(
        page=page,
        number=number,
        title=page.title,
        summary=page.summary,
        body=page.body,
        change_summary=change_summary.strip() or "–",
        published_at=published_at or timezone.now(),
        published_by=user if user and user.is_authenticated else None,
    )


@transaction.atomic
def inquiry_next_reference(*, year: int) -> str:
    """The next free reference of the year, like ASF-2026-00042.

    The counter row is locked (SELECT … FOR UPDATE on PostgreSQL; SQLite
    serialises writers), so two workers never hand out the same number.
    """
    InquiryCounter.objects.get_or_create(year=year)
    counter = InquiryCounter.objects.select_for_update().get(year=year)
    InquiryCounter.objects.filter(pk=counter.pk).update(last_number=F("last_number") + 1)
    counter.refresh_from_db()
    return f"ASF-{year}-{counter.last_number:05d}"


def inquiry_submit(
    *,
    submission_token,
    name: str,
    topic: str,
    email: str = "",
    phone: str = "",
    preferred_time: str = "any",
    message: str = "",
    flow_answers: Sequence[dict] | None = None,
) -> tuple[Inquiry, bool]:
    """Save an inquiry and send its mails. A second submit with the same form
    token (double click, reload, back and resubmit) returns the first inquiry
    and sends nothing. Returns the inquiry and whether it is new."""

    def create() -> Inquiry:
        inquiry = Inquiry(
            submission_token=submission_token,
            name=name,
            topic=topic,
            email=email,
            phone=phone,
            preferred_time=preferred_time,
            message=message,
            flow_answers=list(flow_answers or []),
            answers_consent_at=timezone.now() if flow_answers else None,
            reference=inquiry_next_reference(year=timezone.localdate().year),
        )
        inquiry.full_clean(exclude=["submission_token"])
        inquiry.save()
        return inquiry

    inquiry, created = create_once(Inquiry, submission_token, create)
    if created:
        _send_inquiry_mails(inquiry)
    return inquiry, created


def _send_inquiry_mails(inquiry: Inquiry) -> None:
    """The citizen's confirmation (if they gave an e-mail address) and the
    advisors' notice. The notice carries no personal data: advisors read the
    inquiry after logging in. A mail failure is logged; the inquiry is saved."""
    context = {"inquiry": inquiry, "municipality": settings.MUNICIPALITY_NAME}
    mails = [
        (
            "guidance/mail/inquiry_notice_subject.txt",
            "guidance/mail/inquiry_notice.txt",
            [settings.ADVISORS_EMAIL],
        )
    ]
    if inquiry.email:
        mails.append(
            (
                "guidance/mail/inquiry_receipt_subject.txt",
                "guidance/mail/inquiry_receipt.txt",
                [inquiry.email],
            )
        )
    for subject_template, body_template, recipients in mails:
        with translation.override("sv"):
            subject = render_to_string(subject_template, context).strip()
            body = render_to_string(body_template, context)
        try:
            send_mail(subject, body, None, recipients)
        except Exception as error:
            # The class only: SMTP errors can carry the recipient's address.
            logger.error(
                "Could not send mail for inquiry %s: %s", inquiry.reference, type(error).__name__
            )
