"""Writes from an enterprise's personal link, and the advisor's decision on a
change proposal. Everything the enterprise does is recorded in the record's
history with its reason; every mail is queued in the same transaction."""

import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from asfportal.core.mail import queue_templated_mail
from asfportal.core.submissions import create_once
from registry.models import (
    ChangeProposal,
    CheckMethod,
    CheckSource,
    Industry,
    Language,
    LinkReason,
    ProposalStatus,
    RecordCheck,
    ReviewReminder,
    SelfServiceLink,
    SocialEnterprise,
)
from registry.selectors.selfservice import (
    current_values,
    enterprise_for_self_service,
    proposal_rows,
)
from registry.selfservice import make_token, split_key
from registry.services.common import RowChange, lock_current
from registry.services.enterprises import enterprise_update


class ProposalAlreadyDecided(Exception):
    """Another advisor decided the proposal while this one had it open."""


def _in_swedish(text: str) -> str:
    with translation.override("sv"):  # history is written in the source language
        return _(text)


# Reasons in the record's history (marked for translation where they are shown).
REASON_CONFIRMED = "Bekräftat av företaget via länk"
REASON_UPDATED = "Ändrat av företaget via länk"
REASON_APPROVED = "Ändringsförslag från företaget godkänt"


def link_url(link: SelfServiceLink) -> str:
    """The absolute address of the link's page, for its mail."""
    token = make_token(link_id=link.pk, enterprise_id=link.enterprise_id)
    with translation.override("sv"):
        return settings.SITE_URL + reverse("selfservice:page", kwargs={"token": token})


@transaction.atomic
def link_create(
    *,
    enterprise: SocialEnterprise,
    reason: str,
    sent_to: str,
    reminder: ReviewReminder | None = None,
    user: AbstractBaseUser | None = None,
) -> SelfServiceLink:
    """A new link for the record; every older one stops working."""
    return SelfServiceLink.objects.create(
        enterprise=enterprise, reason=reason, sent_to=sent_to, reminder=reminder, created_by=user
    )


@transaction.atomic
def link_send(
    *, enterprise: SocialEnterprise, reason: str, user: AbstractBaseUser | None = None
) -> SelfServiceLink | None:
    """Mail a new link to the record's e-mail address (None: it has none)."""
    if not enterprise.email:
        return None
    link = link_create(enterprise=enterprise, reason=reason, sent_to=enterprise.email, user=user)
    queue_templated_mail(
        subject_template="registry/mail/self_service_link_subject.txt",
        body_template="registry/mail/self_service_link.txt",
        context={
            "enterprise": enterprise,
            "link_url": link_url(link),
            "link_days": settings.SELF_SERVICE_LINK_DAYS,
            "municipality": settings.MUNICIPALITY_NAME,
            "contact_email": settings.CONTACT_EMAIL,
        },
        to=enterprise.email,
        reply_to=settings.CONTACT_EMAIL,
        what=f"self-service link for enterprise {enterprise.pk}",
    )
    return link


def link_request(*, email: str) -> int:
    """ "Skicka en ny länk": a fresh link to every published record whose
    address is ``email``. The caller shows the same answer whatever this
    returns, so nobody learns whether an address is on record."""
    enterprises = SocialEnterprise.objects.published().filter(email__iexact=email.strip())
    return sum(
        link_send(enterprise=enterprise, reason=LinkReason.REQUESTED) is not None
        for enterprise in enterprises[:5]
    )


@transaction.atomic
def links_revoke(*, enterprise: SocialEnterprise) -> int:
    """Stop every link of the record at once (a link sent to the wrong person)."""
    return SelfServiceLink.objects.filter(enterprise=enterprise, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )


def _confirmation_fields() -> dict:
    return {
        "last_checked": timezone.localdate(),
        "last_checked_by": None,
        "last_checked_source": CheckSource.ENTERPRISE,
    }


@transaction.atomic
def enterprise_confirm(*, link: SelfServiceLink) -> SocialEnterprise:
    """ "Allt stämmer": stamp the check as the enterprise's. Idempotent, and the
    version is not bumped (nothing an advisor typed can be overwritten)."""
    current = lock_current(SocialEnterprise, link.enterprise_id, None)
    for name, value in _confirmation_fields().items():
        setattr(current, name, value)
    current._change_reason = _in_swedish(REASON_CONFIRMED)
    current.save(
        update_fields=["last_checked", "last_checked_by", "last_checked_source", "updated_at"]
    )
    RecordCheck.objects.create(
        enterprise=current, source=CheckSource.ENTERPRISE, method=CheckMethod.CONFIRMED
    )
    return current


@transaction.atomic
def open_places_set(*, link: SelfServiceLink, places: dict[int, int | None]) -> SocialEnterprise:
    """ "Lediga platser just nu": the enterprise's numbers apply at once and
    count as a confirmation. ``places`` maps offering ids to a number or None
    (not known); ids of other records' offerings raise ValueError."""
    return _apply_direct(link, fields={}, places=places)


def _apply_direct(link: SelfServiceLink, *, fields: dict, places: dict[int, int | None]):
    current = lock_current(SocialEnterprise, link.enterprise_id, None)
    offerings = {offering.pk: offering for offering in current.offerings.all()}
    if set(places) - set(offerings):
        raise ValueError("offering of another record")
    updated = enterprise_update(
        enterprise=current,
        expected_version=None,
        fields={**fields, **_confirmation_fields()},
        reason=_in_swedish(REASON_UPDATED),
    )
    for offering_id, number in places.items():
        offering = offerings[offering_id]
        if offering.open_places != number:
            offering.open_places = number
            offering._change_reason = _in_swedish(REASON_UPDATED)
            offering.full_clean()
            offering.save(update_fields=["open_places"])
    RecordCheck.objects.create(
        enterprise=updated, source=CheckSource.ENTERPRISE, method=CheckMethod.UPDATED
    )
    return updated


@transaction.atomic
def enterprise_self_update(
    *,
    link: SelfServiceLink,
    submission_token: uuid.UUID,
    direct: dict,
    places: dict[int, int | None],
    proposed: dict[str, object],
) -> tuple[SocialEnterprise, ChangeProposal | None]:
    """ "Något behöver ändras": contact details and open places apply at once
    (``direct``, ``places``); the rest (``proposed``: proposal key → new value,
    only what differs from the record) waits for an advisor as one proposal.
    A second send of the same form (``submission_token``) changes nothing."""
    if ChangeProposal.objects.filter(submission_token=submission_token).exists():
        return SocialEnterprise.objects.get(pk=link.enterprise_id), None
    enterprise = _apply_direct(link, fields=direct, places=places)
    if not proposed:
        return enterprise, None
    before = current_values(enterprise_for_self_service(link.enterprise_id))

    def create() -> ChangeProposal:
        return ChangeProposal.objects.create(
            enterprise=enterprise,
            link=link,
            submission_token=submission_token,
            base_version=enterprise.version,
            changes={
                key: {"old": before.get(key), "new": value} for key, value in proposed.items()
            },
            reply_to=enterprise.email or link.sent_to,
        )

    proposal, _created = create_once(ChangeProposal, submission_token, create)
    return enterprise, proposal


@transaction.atomic
def proposal_decide(
    *,
    proposal: ChangeProposal,
    user: AbstractBaseUser,
    approve: list[str],
    expected_version: int | None,
    reason: str = "",
) -> ChangeProposal:
    """Approve ``approve`` (some or all keys) and reject the rest, through the
    normal update service: a record saved after ``expected_version`` (the
    version the advisor's page showed) raises ``RecordChanged`` and nothing is
    saved. A rejection needs ``reason``. The enterprise is told by mail."""
    proposal = ChangeProposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.status != ProposalStatus.PENDING:
        raise ProposalAlreadyDecided
    approve = [key for key in proposal.changes if key in set(approve)]
    if not approve and not reason.strip():
        raise ValueError("a rejection needs a reason")
    enterprise = enterprise_for_self_service(proposal.enterprise_id)
    if approve:
        _apply_approved(proposal, enterprise, approve, expected_version)
    else:
        lock_current(SocialEnterprise, enterprise.pk, expected_version)
    proposal.status = (
        ProposalStatus.REJECTED
        if not approve
        else ProposalStatus.APPROVED
        if len(approve) == len(proposal.changes)
        else ProposalStatus.PARTLY_APPROVED
    )
    proposal.approved_keys = approve
    proposal.decision_reason = reason.strip()
    proposal.decided_by = user
    proposal.decided_at = timezone.now()
    proposal.save()
    _queue_decision_mail(proposal)
    return proposal


def _apply_approved(proposal, enterprise, approve, expected_version) -> None:
    fields, industries, languages, offering_changes = {}, None, None, {}
    for key in approve:
        offering_id, field = split_key(key)
        new = proposal.changes[key]["new"]
        if offering_id is not None:
            offering_changes.setdefault(offering_id, {})[field] = new
        elif field == "industries":
            industries = Industry.objects.filter(pk__in=new)
        elif field == "languages":
            languages = Language.objects.filter(pk__in=new)
        else:
            fields[field] = new
    offerings = {offering.pk: offering for offering in enterprise.offerings.all()}
    rows = [
        _offering_row(offerings[offering_id], changed)
        for offering_id, changed in offering_changes.items()
        if offering_id in offerings  # removed meanwhile: nothing to change
    ]
    enterprise_update(
        enterprise=enterprise,
        expected_version=expected_version,
        fields=fields,
        industries=industries,
        languages=languages,
        offerings=rows,
        reason=_in_swedish(REASON_APPROVED),
    )


def _offering_row(offering, changed: dict) -> RowChange:
    """The offering as it is, with the approved fields replaced."""
    groups = changed.get("target_groups")
    return RowChange(
        row=offering,
        fields={
            "kind": changed.get("kind", offering.kind),
            "description": changed.get("description", offering.description),
            "open_places": offering.open_places,
        },
        related={
            "target_groups": list(offering.target_groups.all())
            if groups is None
            else list(offering.target_groups.model.objects.filter(pk__in=groups)),
            "referrers": changed.get(
                "referrers", [row.referrer for row in offering.accepted_referrers.all()]
            ),
        },
    )


def _queue_decision_mail(proposal: ChangeProposal) -> None:
    enterprise = enterprise_for_self_service(proposal.enterprise_id)  # as decided
    rows = {row.key: row for row in proposal_rows(proposal, enterprise)}
    with translation.override("sv"):
        profile_url = settings.SITE_URL + enterprise.get_absolute_url()
    queue_templated_mail(
        subject_template="registry/mail/proposal_decision_subject.txt",
        body_template="registry/mail/proposal_decision.txt",
        context={
            "enterprise": enterprise,
            "proposal": proposal,
            "approved": [rows[key] for key in proposal.approved_keys if key in rows],
            "rejected": [row for key, row in rows.items() if key not in proposal.approved_keys],
            "profile_url": profile_url,
            "municipality": settings.MUNICIPALITY_NAME,
            "contact_email": settings.CONTACT_EMAIL,
        },
        to=proposal.reply_to,
        reply_to=settings.CONTACT_EMAIL,
        what=f"decision on change proposal {proposal.pk}",
    )
