"""Every write in the guidance app: publishing policy pages, inquiries and
their handling (assignment, notes, status, the access log, the retention purge)."""

import datetime
from collections.abc import Sequence

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from asfportal.core.dates import months_before
from asfportal.core.mail import queue_templated_mail
from asfportal.core.people import display_name
from asfportal.core.submissions import create_once
from guidance import selectors
from guidance.models import (
    Inquiry,
    InquiryAccess,
    InquiryCounter,
    InquiryNote,
    InquiryStatus,
    Page,
    PageRevision,
    PageStatus,
)


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
    language: str = "",
    language_other: str = "",
    interpreter: str = "",
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
            language=language,
            language_other=language_other,
            interpreter=interpreter,
            message=message,
            flow_answers=list(flow_answers or []),
            answers_consent_at=timezone.now() if flow_answers else None,
            reference=inquiry_next_reference(year=timezone.localdate().year),
        )
        inquiry.full_clean(exclude=["submission_token"])
        inquiry.save()
        return inquiry

    with transaction.atomic():  # the inquiry and its mails, or nothing
        inquiry, created = create_once(Inquiry, submission_token, create)
        if created:
            _queue_inquiry_mails(inquiry)
    return inquiry, created


def _queue_inquiry_mails(inquiry: Inquiry) -> None:
    """The advisors' notice and the citizen's confirmation (if they gave an
    e-mail address), queued with the inquiry. The notice carries no personal
    data: advisors read the inquiry after signing in."""
    with translation.override("sv"):
        inquiry_url = settings.SITE_URL + reverse("inquiries:detail", args=[inquiry.pk])
    context = {
        "inquiry": inquiry,
        "inquiry_url": inquiry_url,
        "municipality": settings.MUNICIPALITY_NAME,
    }
    queue_templated_mail(
        subject_template="guidance/mail/inquiry_notice_subject.txt",
        body_template="guidance/mail/inquiry_notice.txt",
        context=context,
        to=settings.ADVISORS_EMAIL,
        what=f"notice of inquiry {inquiry.reference}",
    )
    if inquiry.email:
        queue_templated_mail(
            subject_template="guidance/mail/inquiry_receipt_subject.txt",
            body_template="guidance/mail/inquiry_receipt.txt",
            context=context,
            to=inquiry.email,
            what=f"receipt of inquiry {inquiry.reference}",
        )


# Handling an inquiry ---------------------------------------------------------

NOTE_MAX_LENGTH = 4000


class InquiryChangedError(Exception):
    """The inquiry's status is no longer the one the advisor saw: someone else
    changed it while the page was open. Nothing was saved."""


def _person(user: AbstractBaseUser | None) -> str:
    return display_name(user) or _("Ingen")


def _locked(inquiry: Inquiry) -> Inquiry:
    """The inquiry's current row, locked until the transaction ends
    (SELECT … FOR UPDATE on PostgreSQL; SQLite serialises writers)."""
    return Inquiry.objects.select_for_update().get(pk=inquiry.pk)


@transaction.atomic
def inquiry_log_access(
    *,
    inquiry: Inquiry,
    user: AbstractBaseUser | None,
    action: str,
    detail: str = "",
) -> InquiryAccess:
    """Record that ``user`` read or changed the inquiry. The reference is copied,
    so the row outlives the inquiry. ``detail`` must hold no personal data."""
    entry = InquiryAccess(
        inquiry=inquiry,
        reference=inquiry.reference,
        user=user if user is not None and user.is_authenticated else None,
        action=action,
        detail=detail[:200],
    )
    entry.full_clean(exclude=[] if entry.user else ["user"])
    entry.save()
    return entry


def inquiries_log_listed(*, inquiries: list[Inquiry], user: AbstractBaseUser) -> int:
    """Record that ``user`` took these inquiries out as a list (the inbox's CSV):
    one "read" row each, in one query. Returns how many."""
    with translation.override("sv"):
        detail = _("Ingick i en lista som laddades ner (CSV)")
    rows = [
        InquiryAccess(
            inquiry=inquiry,
            reference=inquiry.reference,
            user=user,
            action=InquiryAccess.Action.VIEW,
            detail=detail,
        )
        for inquiry in inquiries
    ]
    InquiryAccess.objects.bulk_create(rows, batch_size=500)
    return len(rows)


@transaction.atomic
def inquiry_assign(
    *, inquiry: Inquiry, assignee: AbstractBaseUser | None, by: AbstractBaseUser
) -> Inquiry:
    """Give the inquiry to ``assignee`` (an active advisor) or to nobody (None).
    Logs the change; assigning the same person again changes and logs nothing.
    Raises ValidationError when the assignee is not an active advisor."""
    if assignee is not None and not selectors.active_advisors().filter(pk=assignee.pk).exists():
        raise ValidationError(
            {"assigned_to": _("Ärendet kan bara ges till en aktiv rådgivare.")},
            code="not_advisor",
        )
    current = _locked(inquiry)
    if current.assigned_to_id == (assignee.pk if assignee else None):
        return current
    with translation.override("sv"):  # the log is written in Swedish
        detail = _("Handläggare: %(before)s → %(after)s") % {
            "before": _person(current.assigned_to),
            "after": _person(assignee),
        }
    current.assigned_to = assignee
    current.full_clean()
    current.save(update_fields=["assigned_to"])
    inquiry_log_access(inquiry=current, user=by, action=InquiryAccess.Action.CHANGE, detail=detail)
    return current


@transaction.atomic
def inquiry_add_note(*, inquiry: Inquiry, author: AbstractBaseUser, text: str) -> InquiryNote:
    """Add an advisor's note (at most NOTE_MAX_LENGTH characters) and log the
    change; the log says a note was added, never what it says."""
    text = text.strip()
    if len(text) > NOTE_MAX_LENGTH:
        raise ValidationError(
            {"text": _("Skriv högst %(limit)d tecken.") % {"limit": NOTE_MAX_LENGTH}},
            code="max_length",
        )
    note = InquiryNote(inquiry=inquiry, author=author, text=text)
    note.full_clean()
    note.save()
    with translation.override("sv"):
        detail = _("Anteckning tillagd")
    inquiry_log_access(
        inquiry=inquiry, user=author, action=InquiryAccess.Action.CHANGE, detail=detail
    )
    return note


@transaction.atomic
def inquiry_set_status(
    *,
    inquiry: Inquiry,
    status: str,
    by: AbstractBaseUser,
    expected_status: str | None = None,
) -> Inquiry:
    """Move the inquiry to ``status``. Closing stamps ``closed_at`` (the retention
    clock starts), reopening clears it. With ``expected_status`` (what the advisor
    saw), raises InquiryChangedError and saves nothing if the status has changed
    since. Setting the current status again changes and logs nothing."""
    current = _locked(inquiry)
    if expected_status is not None and current.status != expected_status:
        raise InquiryChangedError(current.reference)
    if current.status == status:
        return current
    before = current.status
    current.status = status
    current.closed_at = timezone.now() if status == InquiryStatus.CLOSED else None
    current.full_clean()
    current.save(update_fields=["status", "closed_at"])
    with translation.override("sv"):
        detail = _("Status: %(before)s → %(after)s") % {
            "before": InquiryStatus(before).label,
            "after": InquiryStatus(status).label,
        }
    inquiry_log_access(inquiry=current, user=by, action=InquiryAccess.Action.CHANGE, detail=detail)
    return current


@transaction.atomic
def inquiry_remove_answers(*, inquiry: Inquiry, by: AbstractBaseUser) -> Inquiry:
    """The person has withdrawn consent to the attached advice-flow answers:
    remove them and the consent time, and log the change (not the answers).
    When there is nothing to remove (a second click), changes and logs nothing."""
    current = _locked(inquiry)
    if not current.flow_answers and current.answers_consent_at is None:
        return current
    current.flow_answers = []
    current.answers_consent_at = None
    current.full_clean()
    current.save(update_fields=["flow_answers", "answers_consent_at"])
    with translation.override("sv"):
        detail = _("Bifogade svar borttagna")
    inquiry_log_access(inquiry=current, user=by, action=InquiryAccess.Action.CHANGE, detail=detail)
    return current


@transaction.atomic
def inquiry_export(*, inquiry: Inquiry, by: AbstractBaseUser) -> dict:
    """Everything kept about the person in this inquiry, for a subject-access
    request (``selectors.inquiry_export_document``), and a log row saying it was
    exported. ``inquiry`` should have its notes and their authors prefetched."""
    with translation.override("sv"):
        detail = _("Exporterade uppgifterna")
        document = selectors.inquiry_export_document(inquiry)
    inquiry_log_access(inquiry=inquiry, user=by, action=InquiryAccess.Action.VIEW, detail=detail)
    return document


@transaction.atomic
def inquiry_erase(*, inquiry: Inquiry, by: AbstractBaseUser) -> InquiryAccess:
    """Erase the inquiry now (the person asked for it, or it was never theirs):
    its notes go with it; its access-log rows stay with the reference only, and
    an "erase" row records who erased it. Raises Inquiry.DoesNotExist when it was
    erased meanwhile. Returns the erase row."""
    current = _locked(inquiry)
    reference = current.reference
    current.delete()
    with translation.override("sv"):
        detail = _("Raderad av en handläggare")
    entry = InquiryAccess(
        reference=reference, user=by, action=InquiryAccess.Action.ERASE, detail=detail
    )
    entry.full_clean(exclude=["inquiry"])
    entry.save()
    return entry


def inquiry_retention_cutoff(now: datetime.datetime | None = None) -> datetime.datetime:
    """Inquiries closed before this moment have been kept long enough: the
    same local time INQUIRY_RETENTION_MONTHS calendar months earlier."""
    local = timezone.localtime(now or timezone.now())
    day = months_before(local.date(), settings.INQUIRY_RETENTION_MONTHS)
    return local.replace(year=day.year, month=day.month, day=day.day)


@transaction.atomic
def inquiries_purge(*, now: datetime.datetime | None = None) -> int:
    """Erase the closed inquiries whose retention time has run out, as the
    privacy notice promises; their notes go with them. Their access-log rows
    stay (the reference is kept) and each erasure gets an "erase" row. Open
    inquiries are never erased here. Idempotent. Returns how many were erased."""
    cutoff = inquiry_retention_cutoff(now)
    expired = list(
        Inquiry.objects.filter(status=InquiryStatus.CLOSED, closed_at__lt=cutoff)
        .select_for_update()
        .values_list("pk", "reference")
    )
    if not expired:
        return 0
    with translation.override("sv"):
        detail = _("Raderad enligt gallringsregeln (%(months)d månader efter avslut)") % {
            "months": settings.INQUIRY_RETENTION_MONTHS
        }
    Inquiry.objects.filter(pk__in=[pk for pk, _reference in expired]).delete()
    erased = [
        InquiryAccess(reference=reference, action=InquiryAccess.Action.ERASE, detail=detail)
        for _pk, reference in expired
    ]
    for entry in erased:
        # No inquiry any more and no person: the purge is the system's own act.
        entry.full_clean(exclude=["inquiry", "user"])
    InquiryAccess.objects.bulk_create(erased)
    return len(expired)
