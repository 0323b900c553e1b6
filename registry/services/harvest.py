"""Saving what ``manage.py harvest_hsds`` read from another portal: a draft
enterprise waiting for an advisor's review, like a citizen's report.

The harvest never publishes and never overwrites an advisor's work: a record
is updated from its source only while it is an unreviewed draft that no one
has edited since the harvest wrote it. After that, the source's changes are
kept beside the record (``held_changes``) for the advisor to see.
"""

import enum
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from registry.models import (
    EnterpriseReport,
    HarvestedRecord,
    HarvestSource,
    SocialEnterprise,
)
from registry.orgnr import normalise_org_number
from registry.services.enterprises import (
    enterprise_create_with_offerings,
    enterprise_update,
    offering_change,
)

# A report's token is derived from the source and the remote id, so the same
# record harvested twice can never make two reports.
_REPORT_NAMESPACE = uuid.UUID("0b7c5e4e-3d0f-4a57-9d55-2a4f4c3b8e61")


class Outcome(enum.StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    HELD = "held"  # reviewed or edited here: the source's change waits for an advisor
    EXISTS = "exists"  # the organisation number belongs to a record made here


@dataclass
class HarvestedOffering:
    kind: str
    description: str = ""
    open_places: int | None = None
    target_groups: list[int] = field(default_factory=list)  # TargetGroup pks
    referrers: list[str] = field(default_factory=list)


@dataclass
class Harvested:
    """One organization of the source, as our record's fields and rows."""

    remote_id: str
    remote_url: str
    fingerprint: str
    fields: dict
    industries: list[int]  # Industry pks
    offerings: list[HarvestedOffering]
    summary: dict  # the same facts as plain JSON, for held_changes


@transaction.atomic
def harvest_source_for(url: str) -> HarvestSource:
    source, _created = HarvestSource.objects.get_or_create(url=url)
    return source


@transaction.atomic
def harvest_source_ran(*, source: HarvestSource, started_at, complete: bool) -> None:
    """Stamp a run; a complete one moves the next run's ``modified_after``."""
    source.last_run_at = started_at
    if complete:
        source.last_complete_run_at = started_at
    source.save(update_fields=["last_run_at", "last_complete_run_at"])


def _offering_changes(existing: Iterable, wanted: list[HarvestedOffering]) -> list:
    removed = [offering_change(o, kind=o.kind, delete=True) for o in existing]
    return removed + [
        offering_change(
            None,
            kind=o.kind,
            description=o.description,
            open_places=o.open_places,
            target_groups=o.target_groups,
            referrers=o.referrers,
        )
        for o in wanted
    ]


def _reason(source: HarvestSource) -> str:
    return f"Hämtad från {source.url}"[:100]


@transaction.atomic
def harvested_enterprise_save(*, source: HarvestSource, item: Harvested) -> Outcome:
    """Create, update or leave one harvested record; everything or nothing.

    Raises ValidationError (in Swedish) when the source's values do not fit
    the registry: an invalid organisation number, e-mail or web address, a
    name too long. Nothing is saved then.
    """
    record = (
        HarvestedRecord.objects.select_for_update(of=("self",))
        .select_related("enterprise__report")
        .filter(source=source, remote_id=item.remote_id)
        .first()
    )
    if record is None:
        return _create(source, item)
    if record.fingerprint == item.fingerprint:
        return Outcome.UNCHANGED
    enterprise = record.enterprise
    report = getattr(enterprise, "report", None)
    if (report is not None and report.reviewed_at) or enterprise.version != (
        record.harvested_version
    ):
        record.fingerprint = item.fingerprint
        record.held_changes = item.summary
        record.held_at = timezone.now()
        record.save(update_fields=["fingerprint", "held_changes", "held_at"])
        return Outcome.HELD
    enterprise = enterprise_update(
        enterprise=enterprise,
        expected_version=record.harvested_version,
        fields=item.fields,
        industries=item.industries,
        offerings=_offering_changes(enterprise.offerings.all(), item.offerings),
        reason=_reason(source),
    )
    record.fingerprint = item.fingerprint
    record.remote_url = item.remote_url
    record.harvested_version = enterprise.version
    record.harvested_at = timezone.now()
    record.full_clean()
    record.save()
    return Outcome.UPDATED


def _create(source: HarvestSource, item: Harvested) -> Outcome:
    org_number = normalise_org_number(item.fields["org_number"])
    if SocialEnterprise.objects.filter(org_number=org_number).exists():
        return Outcome.EXISTS
    enterprise = enterprise_create_with_offerings(
        fields=item.fields,
        industries=item.industries,
        offerings=_offering_changes((), item.offerings),
        reason=_reason(source),
    )
    report = EnterpriseReport(
        enterprise=enterprise,
        reason=(
            f"Hämtad från ett annat HSDS-API: {source.url}. "
            f"Postens id där: {item.remote_id}."
            + (f" Sida hos källan: {item.remote_url}" if item.remote_url else "")
        ),
        reporter_name=f"Hämtning från {source.url}"[:200],
        submission_token=uuid.uuid5(_REPORT_NAMESPACE, f"{source.url} {item.remote_id}"),
    )
    report.full_clean()
    report.save()
    record = HarvestedRecord(
        source=source,
        remote_id=item.remote_id,
        remote_url=item.remote_url,
        enterprise=enterprise,
        fingerprint=item.fingerprint,
        harvested_version=enterprise.version,
        harvested_at=timezone.now(),
    )
    record.full_clean()
    record.save()
    return Outcome.CREATED
