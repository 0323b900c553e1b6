"""Reads for the enterprises' own page and the advisors' proposal queue."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from registry.models import (
    AcceptedReferrer,
    ChangeProposal,
    Industry,
    Language,
    LegalForm,
    Offering,
    OfferingKind,
    ProposalStatus,
    PublicationStatus,
    Referrer,
    SelfServiceLink,
    SocialEnterprise,
    TargetGroup,
)
from registry.orgnr import format_org_number
from registry.selfservice import (
    PROPOSED_FIELDS,
    PROPOSED_LINKS,
    offering_key,
    read_token,
    split_key,
)


def link_for_token(token: str) -> SelfServiceLink | None:
    """The working link a token names, with its published enterprise; None when
    the token is forged, altered or expired, the link revoked or replaced by a
    newer one, or the record no longer published. Two queries."""
    claims = read_token(token)
    if claims is None:
        return None
    link = (
        SelfServiceLink.objects.select_related("enterprise", "enterprise__area")
        .filter(pk=claims.link_id, enterprise_id=claims.enterprise_id, revoked_at__isnull=True)
        .first()
    )
    if link is None or link.enterprise.status != PublicationStatus.PUBLISHED:
        return None
    newer = SelfServiceLink.objects.filter(enterprise_id=link.enterprise_id, pk__gt=link.pk)
    return None if newer.exists() else link


def enterprise_for_self_service(enterprise_id: int) -> SocialEnterprise:
    """The record as its own page shows it: industries, languages, and offerings
    with their target groups and referrers (five queries)."""
    offerings = Offering.objects.order_by("kind", "pk").prefetch_related(
        "target_groups", "accepted_referrers"
    )
    return (
        SocialEnterprise.objects.select_related("area")
        .prefetch_related("industries", "languages", Prefetch("offerings", queryset=offerings))
        .get(pk=enterprise_id)
    )


def pending_proposals() -> QuerySet[ChangeProposal]:
    """Proposals waiting for a decision, oldest first, with their enterprise."""
    return (
        ChangeProposal.objects.filter(status=ProposalStatus.PENDING)
        .select_related("enterprise")
        .order_by("created_at", "pk")
    )


def proposals_for(enterprise: SocialEnterprise) -> QuerySet[ChangeProposal]:
    return enterprise.change_proposals.select_related("decided_by").order_by("-created_at")


@dataclass(frozen=True)
class ProposalRow:
    """One proposed change: the value when it was proposed, now, and proposed.

    ``conflict``: the record changed this field since the proposal was made,
    so approving it would overwrite an advisor's newer value.
    ``gone``: the offering it belongs to was removed meanwhile.
    """

    key: str
    label: str
    offering_label: str
    old: str
    current: str
    new: str
    conflict: bool
    gone: bool = False


OFFERING_LABELS = {
    "kind": Offering._meta.get_field("kind").verbose_name,
    "description": Offering._meta.get_field("description").verbose_name,
    "target_groups": Offering._meta.get_field("target_groups").verbose_name,
    "referrers": AcceptedReferrer._meta.get_field("referrer").verbose_name,
}


def current_values(enterprise: SocialEnterprise) -> dict[str, object]:
    """The record's values under the proposal keys (expects the prefetches of
    ``enterprise_for_self_service``)."""
    values: dict[str, object] = {
        name: getattr(enterprise, name) for name in PROPOSED_FIELDS if name not in PROPOSED_LINKS
    }
    for name in PROPOSED_LINKS:
        values[name] = sorted(row.pk for row in getattr(enterprise, name).all())
    for offering in enterprise.offerings.all():
        values[offering_key(offering.pk, "kind")] = offering.kind
        values[offering_key(offering.pk, "description")] = offering.description
        values[offering_key(offering.pk, "target_groups")] = sorted(
            group.pk for group in offering.target_groups.all()
        )
        values[offering_key(offering.pk, "referrers")] = sorted(
            row.referrer for row in offering.accepted_referrers.all()
        )
    return values


def proposal_rows(proposal: ChangeProposal, enterprise: SocialEnterprise) -> list[ProposalRow]:
    """Every change of ``proposal`` against ``enterprise`` as it is now
    (``enterprise_for_self_service``'s prefetches), plus two queries for names."""
    now = current_values(enterprise)
    offerings = {offering.pk: offering for offering in enterprise.offerings.all()}
    names = _Names()
    rows = []
    for key, change in proposal.changes.items():
        offering_id, field = split_key(key)
        gone = offering_id is not None and offering_id not in offerings
        current = None if gone else now.get(key)
        rows.append(
            ProposalRow(
                key=key,
                label=capfirst(
                    OFFERING_LABELS[field]
                    if offering_id is not None
                    else SocialEnterprise._meta.get_field(field).verbose_name
                ),
                offering_label=""
                if offering_id is None
                else (str(offerings[offering_id].get_kind_display()) if not gone else "–"),
                old=names.show(field, change["old"]),
                current="" if gone else names.show(field, current),
                new=names.show(field, change["new"]),
                conflict=not gone and _normal(current) != _normal(change["old"]),
                gone=gone,
            )
        )
    return rows


def _normal(value):
    return sorted(value) if isinstance(value, list) else ("" if value is None else value)


class _Names:
    """Shows ids and codes as the names people know, reading each table once."""

    def __init__(self):
        self._industries: dict[int, str] | None = None
        self._groups: dict[int, str] | None = None
        self._languages: dict[int, str] | None = None

    def show(self, field: str, value) -> str:
        if isinstance(value, bool):
            return str(_("Ja") if value else _("Nej"))
        if field == "languages":
            if self._languages is None:
                self._languages = dict(Language.objects.values_list("pk", "name"))
            return ", ".join(sorted(self._languages.get(pk, "?") for pk in value or []))
        if field == "industries":
            if self._industries is None:
                self._industries = dict(Industry.objects.values_list("pk", "name"))
            return ", ".join(sorted(self._industries.get(pk, "?") for pk in value or []))
        if field == "target_groups":
            if self._groups is None:
                self._groups = dict(TargetGroup.objects.values_list("pk", "name"))
            return ", ".join(sorted(self._groups.get(pk, "?") for pk in value or []))
        if field == "referrers":
            labels = dict(Referrer.choices)
            return ", ".join(sorted(str(labels.get(code, code)) for code in value or []))
        if field == "kind":
            return str(dict(OfferingKind.choices).get(value, value or ""))
        if field == "legal_form":
            return str(dict(LegalForm.choices).get(value, value or ""))
        if field == "org_number" and value:
            return format_org_number(value)
        return "" if value is None else str(value)


@dataclass(frozen=True)
class WaitingProposal:
    """A proposal still waiting for an advisor, as its sender sees it."""

    sent_at: object  # datetime
    fields: list[str]  # what it changes, in the change form's words


def waiting_proposals(enterprise: SocialEnterprise) -> list[WaitingProposal]:
    """The enterprise's proposals waiting for an advisor, oldest first, each
    with the fields it changes (one query; the offerings' kinds come from
    ``enterprise_for_self_service``'s prefetch)."""
    kinds = {o.pk: str(o.get_kind_display()) for o in enterprise.offerings.all()}
    waiting = enterprise.change_proposals.filter(status=ProposalStatus.PENDING)
    return [
        WaitingProposal(proposal.created_at, [_field_label(key, kinds) for key in proposal.changes])
        for proposal in waiting.order_by("created_at", "pk")
    ]


def _field_label(key: str, kinds: dict[int, str]) -> str:
    offering_id, field = split_key(key)
    if offering_id is None:
        return str(capfirst(SocialEnterprise._meta.get_field(field).verbose_name))
    kind = kinds.get(offering_id, "–")
    return f"{kind}: {str(OFFERING_LABELS[field]).lower()}"
