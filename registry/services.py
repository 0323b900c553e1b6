"""Every write to the registry goes through these functions.

Each is keyword-only, validates with ``full_clean()`` before saving, and keeps
the enterprise's search document current.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import Value
from django.db.models.expressions import CombinedExpression
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from asfportal.core.submissions import create_once
from registry.models import (
    AcceptedReferrer,
    Area,
    Criterion,
    CriterionVerification,
    EnterpriseReport,
    Industry,
    LegalForm,
    Offering,
    OfferingKind,
    Partner,
    PartnerTopic,
    Place,
    PublicationStatus,
    ReportDecision,
    Session,
    SocialEnterprise,
    TargetGroup,
)
from registry.orgnr import normalise_org_number

# Slugs that would collide with fixed addresses such as /foretag/csv/.
RESERVED_SLUGS = frozenset({"csv"})


def unique_slug(model, text: str, *, max_length: int = 200) -> str:
    """A slug for ``text`` not yet used by any row of ``model``."""
    base = slugify(text)[: max_length - 4] or "post"
    slug, suffix = base, 2
    while slug in RESERVED_SLUGS or model.objects.filter(slug=slug).exists():
        slug, suffix = f"{base}-{suffix}", suffix + 1
    return slug


def search_document_for(enterprise: SocialEnterprise) -> str:
    """Casefolded text the directory's free-text search matches against.

    Costs two queries (industries, offerings). Offering kinds are included with
    their Swedish names so "arbetsträning" finds enterprises that offer it.
    """
    with translation.override("sv"):
        parts = [enterprise.name, enterprise.short_description, enterprise.description]
        parts += [industry.name for industry in enterprise.industries.all()]
        for offering in enterprise.offerings.all():
            parts += [str(offering.get_kind_display()), offering.description]
    return " ".join(part for part in parts if part).casefold()


def search_vector_for(enterprise: SocialEnterprise, rest: str) -> CombinedExpression:
    """The weighted 'swedish' vector: name A, short description B, the rest C."""
    parts = [
        (enterprise.name, "A"),
        (enterprise.short_description, "B"),
        (rest, "C"),
    ]
    vectors = [SearchVector(Value(text), weight=w, config="swedish") for text, w in parts]
    return vectors[0] + vectors[1] + vectors[2]


def enterprise_refresh_search_document(*, enterprise: SocialEnterprise) -> None:
    """Rebuild the search text (and on PostgreSQL the full-text vector) in one
    UPDATE, after the two queries that read industries and offerings."""
    document = search_document_for(enterprise)
    fields = {"search_document": document}
    if connection.vendor == "postgresql":
        fields["search_vector"] = search_vector_for(enterprise, document)
    SocialEnterprise.objects.filter(pk=enterprise.pk).update(**fields)
    enterprise.search_document = document


# The vector search_vector_for() builds, for every row at once: used after bulk
# loads, where one UPDATE beats a query per row.
_REBUILD_VECTORS = """
UPDATE registry_socialenterprise e SET search_vector =
  setweight(to_tsvector('swedish', e.name), 'A')
  || setweight(to_tsvector('swedish', e.short_description), 'B')
  || setweight(to_tsvector('swedish', concat_ws(' ', e.name, e.short_description, e.description,
       (SELECT string_agg(i.name, ' ') FROM registry_industry i
          JOIN registry_socialenterprise_industries ei ON ei.industry_id = i.id
         WHERE ei.socialenterprise_id = e.id),
       (SELECT string_agg(concat_ws(' ', %s, o.description), ' ')
          FROM registry_offering o WHERE o.enterprise_id = e.id))), 'C')
"""


def rebuild_search_vectors() -> None:
    """Rebuild every enterprise's full-text vector in one statement (PostgreSQL)."""
    if connection.vendor != "postgresql":
        return
    with translation.override("sv"):
        kinds = " ".join(f"WHEN '{value}' THEN '{label}'" for value, label in OfferingKind.choices)
    case = f"CASE o.kind {kinds} END"
    with connection.cursor() as cursor:
        cursor.execute(_REBUILD_VECTORS.replace("%s", case))


@transaction.atomic
def enterprise_create(
    *,
    name: str,
    org_number: str,
    legal_form: str,
    short_description: str,
    industries: Iterable[Industry] = (),
    status: str = PublicationStatus.DRAFT,
    **fields,
) -> SocialEnterprise:
    enterprise = SocialEnterprise(
        name=name,
        slug=fields.pop("slug", None) or unique_slug(SocialEnterprise, name),
        org_number=normalise_org_number(org_number),
        legal_form=legal_form,
        short_description=short_description,
        status=status,
        **fields,
    )
    enterprise.full_clean()
    enterprise.save()
    enterprise.industries.set(industries)
    enterprise_refresh_search_document(enterprise=enterprise)
    return enterprise


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
def offering_create(
    *,
    enterprise: SocialEnterprise,
    kind: str,
    description: str = "",
    open_places: int | None = None,
    target_groups: Iterable[TargetGroup] = (),
    referrers: Iterable[str] = (),
) -> Offering:
    offering = Offering(
        enterprise=enterprise, kind=kind, description=description, open_places=open_places
    )
    offering.full_clean()
    offering.save()
    offering.target_groups.set(target_groups)
    offering_set_referrers(offering=offering, referrers=referrers)
    enterprise_refresh_search_document(enterprise=enterprise)
    return offering


@transaction.atomic
def offering_set_referrers(*, offering: Offering, referrers: Iterable[str]) -> None:
    """Make the offering accept exactly ``referrers`` (Referrer values)."""
    wanted = set(referrers)
    offering.accepted_referrers.exclude(referrer__in=wanted).delete()
    present = set(offering.accepted_referrers.values_list("referrer", flat=True))
    for referrer in sorted(wanted - present):
        row = AcceptedReferrer(offering=offering, referrer=referrer)
        row.full_clean()
        row.save()


@transaction.atomic
def criterion_set(
    *,
    enterprise: SocialEnterprise,
    criterion: Criterion,
    verified: bool,
    user: AbstractBaseUser | None,
    at: datetime.datetime | None = None,
) -> CriterionVerification:
    """Record an advisor's verdict on one ASF criterion, stamped with who and when."""
    verification, _created = CriterionVerification.objects.get_or_create(
        enterprise=enterprise, criterion=criterion
    )
    verification.verified = verified
    verification.verified_by = user
    verification.verified_at = at or timezone.now()
    verification.full_clean()
    verification.save()
    return verification


def taxonomy_get_or_create(model: type[Industry | TargetGroup | Area], name: str, **extra):
    """Find a taxonomy term by name, creating it with a fresh slug when missing."""
    term = model.objects.filter(name=name).first()
    if term is None:
        term = model(name=name, slug=unique_slug(model, name, max_length=100), **extra)
        term.full_clean()
        term.save()
    return term


@transaction.atomic
def partner_create(*, name: str, kind: str, summary: str, topics: Iterable[str] = (), **fields):
    partner = Partner(
        name=name,
        slug=fields.pop("slug", None) or unique_slug(Partner, name),
        kind=kind,
        summary=summary,
        **fields,
    )
    partner.full_clean()
    partner.save()
    for topic in topics:
        row = PartnerTopic(partner=partner, topic=topic)
        row.full_clean()
        row.save()
    return partner


def place_create(*, partner: Partner, name: str, **fields) -> Place:
    place = Place(partner=partner, name=name, **fields)
    place.full_clean()
    place.save()
    return place


def session_create(
    *,
    place: Place,
    title: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    description: str = "",
) -> Session:
    session = Session(
        place=place, title=title, starts_at=starts_at, ends_at=ends_at, description=description
    )
    session.full_clean()
    session.save()
    return session


# --- The advisors' back office -------------------------------------------------


class RecordChanged(Exception):
    """Someone saved the record after the form was opened: refuse to overwrite."""

    def __init__(self, current):
        super().__init__(f"{current} changed (now version {current.version})")
        self.current = current


def _lock(model, pk: int, expected_version: int | None):
    """The row, locked for this transaction, if it is still at ``expected_version``.

    On PostgreSQL the row lock makes a concurrent save wait and then see the new
    version; on SQLite the IMMEDIATE transactions serialise writers the same way.
    """
    current = model.objects.select_for_update().get(pk=pk)
    if expected_version is not None and current.version != expected_version:
        raise RecordChanged(current)
    return current


@dataclass
class OfferingChange:
    """One row of the offerings formset: ``offering`` None for a new one."""

    offering: Offering | None
    kind: str
    description: str = ""
    open_places: int | None = None
    target_groups: Iterable[TargetGroup] = ()
    referrers: Iterable[str] = ()
    delete: bool = False


def _apply_offerings(enterprise: SocialEnterprise, changes: Iterable[OfferingChange]) -> None:
    for change in changes:
        offering = change.offering
        if offering is not None and offering.enterprise_id != enterprise.pk:
            raise ValueError("offering of another enterprise")
        if change.delete:
            if offering is not None:
                offering.delete()
            continue
        if offering is None:
            offering = Offering(enterprise=enterprise)
        offering.kind = change.kind
        offering.description = change.description
        offering.open_places = change.open_places
        offering.full_clean()
        offering.save()
        offering.target_groups.set(change.target_groups)
        offering_set_referrers(offering=offering, referrers=change.referrers)


def _set_fields(instance, fields: dict) -> None:
    for name, value in fields.items():
        setattr(instance, name, value)
    if "org_number" in fields:
        instance.org_number = normalise_org_number(instance.org_number)


@transaction.atomic
def enterprise_create_with_offerings(
    *, fields: dict, industries: Iterable[Industry], offerings: Iterable[OfferingChange]
) -> SocialEnterprise:
    """A new record from the advisors' form: a draft until it is published."""
    enterprise = enterprise_create(industries=industries, status=PublicationStatus.DRAFT, **fields)
    _apply_offerings(enterprise, offerings)
    enterprise_refresh_search_document(enterprise=enterprise)
    return enterprise


@transaction.atomic
def enterprise_update(
    *,
    enterprise: SocialEnterprise,
    expected_version: int | None,
    fields: dict,
    industries: Iterable[Industry] | None = None,
    offerings: Iterable[OfferingChange] = (),
    reason: str = "",
) -> SocialEnterprise:
    """Save an advisor's edit. Raises ``RecordChanged`` when someone else saved
    the record after ``expected_version`` was read; nothing is saved then."""
    current = _lock(SocialEnterprise, enterprise.pk, expected_version)
    _set_fields(current, fields)
    current.version += 1
    current.full_clean()
    current._change_reason = reason
    current.save()
    if industries is not None:
        current.industries.set(industries)
    _apply_offerings(current, offerings)
    enterprise_refresh_search_document(enterprise=current)
    return current


@transaction.atomic
def enterprise_set_status(*, enterprise: SocialEnterprise, status: str) -> SocialEnterprise:
    """Publish, unpublish (back to draft) or archive a record."""
    current = _lock(SocialEnterprise, enterprise.pk, None)
    if status not in PublicationStatus.values:
        raise ValueError(f"unknown status {status!r}")
    current.status = status
    current.version += 1
    current.full_clean()
    current.save(update_fields=["status", "version", "updated_at"])
    return current


@transaction.atomic
def enterprise_mark_checked(
    *, enterprise: SocialEnterprise, user: AbstractBaseUser, on: datetime.date | None = None
) -> SocialEnterprise:
    """ "Kontrollerad idag": stamp the check with the advisor. The version is not
    bumped, so an edit form open elsewhere can still be saved; the edit form
    does not carry these two fields, so it cannot undo the stamp."""
    current = _lock(SocialEnterprise, enterprise.pk, None)
    current.last_checked = on or timezone.localdate()
    current.last_checked_by = user
    current.save(update_fields=["last_checked", "last_checked_by", "updated_at"])
    return current


@transaction.atomic
def enterprise_verify(
    *,
    enterprise: SocialEnterprise,
    expected_version: int | None,
    verdicts: dict[int, bool],
    evidence: dict,
    user: AbstractBaseUser,
) -> SocialEnterprise:
    """Record the criteria verdicts and the Skoopi and LOU 4:18 evidence.

    Only a criterion whose verdict changes is stamped anew with who and when, so
    the stamp tells when the verdict was last made, not when the form was saved.
    """
    current = enterprise_update(
        enterprise=enterprise, expected_version=expected_version, fields=evidence
    )
    existing = {v.criterion: v for v in current.verifications.all()}
    for criterion, verified in verdicts.items():
        previous = existing.get(criterion)
        if previous is None and not verified:
            continue
        if previous is None or previous.verified != verified:
            criterion_set(
                enterprise=current, criterion=Criterion(criterion), verified=verified, user=user
            )
    return current


# Fields a restore copies back. Identity and bookkeeping stay, and so do the
# things other permissions guard: publication status (publish), the check stamp,
# and the Skoopi and LOU evidence (verify), which the criteria rows go with.
_NOT_RESTORED = {
    "id", "slug", "version", "created_at", "updated_at", "status", "last_checked",
    "last_checked_by", "skoopi_certified_on", "skoopi_valid_until", "lou_share_percent",
    "lou_checked_on",
}  # fmt: skip


@transaction.atomic
def enterprise_restore(*, enterprise: SocialEnterprise, record) -> SocialEnterprise:
    """Put the record's fields and industries back as they were in ``record``
    (one of its historical records). The restore is itself a new history entry."""
    if record.id != enterprise.pk:
        raise ValueError("history record of another enterprise")
    fields = {
        field.attname: getattr(record, field.attname)
        for field in SocialEnterprise._meta.concrete_fields
        if field.editable and field.name not in _NOT_RESTORED
    }
    if fields.get("area_id") and not Area.objects.filter(pk=fields["area_id"]).exists():
        fields["area_id"] = None  # the area has been removed since
    industries = [row.industry_id for row in record.industries.all()]
    when = timezone.localtime(record.history_date)
    with translation.override("sv"):  # history is written in the source language
        reason = _("Återställd till versionen från %(when)s") % {"when": f"{when:%Y-%m-%d %H:%M}"}
    return enterprise_update(
        enterprise=enterprise,
        expected_version=None,
        fields=fields,
        industries=Industry.objects.filter(pk__in=industries),
        reason=reason,
    )


class AlreadyReviewed(Exception):
    """Another advisor decided the report first (or a double click)."""


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


@dataclass
class PlaceChange:
    place: Place | None
    fields: dict
    delete: bool = False


@transaction.atomic
def partner_save(
    *,
    partner: Partner | None,
    expected_version: int | None,
    fields: dict,
    topics: Iterable[str],
    places: Iterable[PlaceChange] = (),
) -> Partner:
    """Create or update a partner with its topics and places."""
    if partner is None:
        current = Partner(slug=unique_slug(Partner, fields["name"]))
    else:
        current = _lock(Partner, partner.pk, expected_version)
        current.version += 1
    _set_fields(current, fields)
    current.full_clean()
    current.save()
    current.topics.exclude(topic__in=list(topics)).delete()
    present = set(current.topics.values_list("topic", flat=True))
    for topic in sorted(set(topics) - present):
        PartnerTopic.objects.create(partner=current, topic=topic)
    for change in places:
        _apply_place(current, change)
    return current


def _apply_place(partner: Partner, change: PlaceChange) -> None:
    place = change.place
    if place is not None and place.partner_id != partner.pk:
        raise ValueError("place of another partner")
    if change.delete:
        if place is not None:
            place.delete()
        return
    place = place or Place(partner=partner)
    _set_fields(place, change.fields)
    place.full_clean()
    place.save()


@dataclass
class SessionChange:
    session: Session | None
    fields: dict
    delete: bool = False


@transaction.atomic
def partner_sessions_save(
    *, partner: Partner, changes: Iterable[SessionChange], expected_version: int | None = None
) -> None:
    """Add, change and remove the dated sessions at a partner's places. The
    partner's version guards the page: raises ``RecordChanged`` if someone saved
    the partner or its sessions after ``expected_version`` was read."""
    current = _lock(Partner, partner.pk, expected_version)
    current.version += 1
    current.save(update_fields=["version", "updated_at"])
    places = set(partner.places.values_list("pk", flat=True))
    for change in changes:
        session = change.session
        if session is not None and session.place_id not in places:
            raise ValueError("session of another partner")
        if change.delete:
            if session is not None:
                session.delete()
            continue
        session = session or Session()
        _set_fields(session, change.fields)
        if session.place_id not in places:
            raise ValueError("place of another partner")
        session.full_clean()
        session.save()
