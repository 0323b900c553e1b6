"""Writes to enterprise records: create, edit with offerings, publish, the
advisor's check, the criteria verdicts and restoring an earlier version."""

import datetime
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from registry.models import (
    AcceptedReferrer,
    Area,
    CheckMethod,
    CheckSource,
    Criterion,
    CriterionVerification,
    Industry,
    Language,
    Offering,
    PublicationStatus,
    RecordCheck,
    SocialEnterprise,
    TargetGroup,
)
from registry.orgnr import normalise_org_number
from registry.services.common import (
    RowChange,
    apply_row_changes,
    lock_current,
    set_fields,
    set_values,
    unique_slug,
)
from registry.services.search import enterprise_refresh_search_document, vocabulary_add


@transaction.atomic
def enterprise_create(
    *,
    name: str,
    org_number: str,
    legal_form: str,
    short_description: str,
    industries: Iterable[Industry] = (),
    languages: Iterable[Language] = (),
    status: str = PublicationStatus.DRAFT,
    reason: str = "",
    **fields,
) -> SocialEnterprise:
    """A new record. ``reason`` goes into its history ("Inläst från fil.csv")."""
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
    if reason:
        enterprise._change_reason = reason[:100]
    enterprise.save()
    enterprise.industries.set(industries)
    enterprise.languages.set(languages)
    enterprise_refresh_search_document(enterprise=enterprise)
    return enterprise


def offering_change(
    offering: Offering | None,
    *,
    kind: str,
    description: str = "",
    open_places: int | None = None,
    target_groups: Iterable[TargetGroup] = (),
    referrers: Iterable[str] = (),
    delete: bool = False,
) -> RowChange:
    """One row of an offerings formset, as ``enterprise_update`` takes it."""
    return RowChange(
        row=offering,
        fields={"kind": kind, "description": description, "open_places": open_places},
        delete=delete,
        related={"target_groups": list(target_groups), "referrers": list(referrers)},
    )


def _apply_offerings(enterprise: SocialEnterprise, changes: Iterable[RowChange]) -> None:
    def after_save(offering: Offering, change: RowChange) -> None:
        offering.target_groups.set(change.related.get("target_groups", []))
        offering_set_referrers(offering=offering, referrers=change.related.get("referrers", []))

    apply_row_changes(
        changes,
        new_row=lambda: Offering(enterprise=enterprise),
        belongs=lambda offering: offering.enterprise_id == enterprise.pk,
        after_save=after_save,
    )


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
    set_values(
        offering.accepted_referrers,
        "referrer",
        referrers,
        lambda referrer: AcceptedReferrer(offering=offering, referrer=referrer),
    )


@transaction.atomic
def enterprise_create_with_offerings(
    *,
    fields: dict,
    industries: Iterable[Industry],
    offerings: Iterable[RowChange],
    languages: Iterable[Language] = (),
    reason: str = "",
) -> SocialEnterprise:
    """A new record from the advisors' form or the admin: a draft until it is
    published."""
    enterprise = enterprise_create(
        industries=industries,
        languages=languages,
        status=PublicationStatus.DRAFT,
        reason=reason,
        **fields,
    )
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
    languages: Iterable[Language] | None = None,
    offerings: Iterable[RowChange] = (),
    reason: str = "",
) -> SocialEnterprise:
    """Save an edit, by an advisor or in the admin. Raises ``RecordChanged``
    when someone else saved the record after ``expected_version`` was read;
    nothing is saved then. ``reason`` goes into the record's history."""
    current = lock_current(SocialEnterprise, enterprise.pk, expected_version)
    set_fields(current, fields)
    current.version += 1
    current.full_clean()
    current._change_reason = reason[:100]
    current.save()
    if industries is not None:
        current.industries.set(industries)
    if languages is not None:
        current.languages.set(languages)
    _apply_offerings(current, offerings)
    enterprise_refresh_search_document(enterprise=current)
    return current


@transaction.atomic
def enterprise_set_status(*, enterprise: SocialEnterprise, status: str) -> SocialEnterprise:
    """Publish, unpublish (back to draft) or archive a record."""
    current = lock_current(SocialEnterprise, enterprise.pk, None)
    if status not in PublicationStatus.values:
        raise ValueError(f"unknown status {status!r}")
    current.status = status
    current.version += 1
    current.full_clean()
    current.save(update_fields=["status", "version", "updated_at"])
    if status == PublicationStatus.PUBLISHED:
        vocabulary_add(documents=[current.search_document])
    return current


@transaction.atomic
def enterprise_mark_checked(
    *, enterprise: SocialEnterprise, user: AbstractBaseUser, on: datetime.date | None = None
) -> SocialEnterprise:
    """ "Kontrollerad idag": stamp the check with the advisor. The version is not
    bumped, so an edit form open elsewhere can still be saved; the edit form
    does not carry these two fields, so it cannot undo the stamp."""
    current = lock_current(SocialEnterprise, enterprise.pk, None)
    current.last_checked = on or timezone.localdate()
    current.last_checked_by = user
    current.last_checked_source = CheckSource.ADVISOR
    current.save(
        update_fields=["last_checked", "last_checked_by", "last_checked_source", "updated_at"]
    )
    RecordCheck.objects.create(
        enterprise=current, source=CheckSource.ADVISOR, method=CheckMethod.ADVISOR_CHECK, user=user
    )
    return current


@transaction.atomic
def criterion_set(
    *,
    enterprise: SocialEnterprise,
    criterion: Criterion,
    verified: bool | None,
    user: AbstractBaseUser | None,
    at: datetime.datetime | None = None,
) -> CriterionVerification:
    """Record an advisor's verdict on one ASF criterion (met, not met, or None:
    not assessed), stamped with who and when."""
    verification, _created = CriterionVerification.objects.get_or_create(
        enterprise=enterprise, criterion=criterion
    )
    verification.verified = verified
    verification.verified_by = user
    verification.verified_at = at or timezone.now()
    verification.full_clean()
    verification.save()
    return verification


@transaction.atomic
def enterprise_verify(
    *,
    enterprise: SocialEnterprise,
    expected_version: int | None,
    verdicts: dict[int, bool | None],
    evidence: dict,
    user: AbstractBaseUser,
) -> SocialEnterprise:
    """Record the criteria verdicts (True met, False not met, None not
    assessed) and the Skoopi and LOU 4:18 evidence.

    Only a criterion whose verdict changes is stamped anew with who and when, so
    the stamp tells when the verdict was last made, not when the form was saved.
    A criterion never assessed and still not assessed gets no row.
    """
    current = enterprise_update(
        enterprise=enterprise, expected_version=expected_version, fields=evidence
    )
    existing = {v.criterion: v for v in current.verifications.all()}
    for criterion, verified in verdicts.items():
        previous = existing.get(criterion)
        if previous is None and verified is None:
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
    "last_checked_by", "last_checked_source", "skoopi_certified_on", "skoopi_valid_until",
    "lou_share_percent", "lou_checked_on",
}  # fmt: skip


@transaction.atomic
def enterprise_restore(*, enterprise: SocialEnterprise, record) -> SocialEnterprise:
    """Put the record's fields, industries and languages back as they were in ``record``
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
    languages = [row.language_id for row in record.languages.all()]
    when = timezone.localtime(record.history_date)
    with translation.override("sv"):  # history is written in the source language
        reason = _("Återställd till versionen från %(when)s") % {"when": f"{when:%Y-%m-%d %H:%M}"}
    return enterprise_update(
        enterprise=enterprise,
        expected_version=None,
        fields=fields,
        industries=Industry.objects.filter(pk__in=industries),
        languages=Language.objects.filter(pk__in=languages),
        reason=reason,
    )
