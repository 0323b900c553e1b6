"""Writes to partners: the partner with its topics and places, and the dated
sessions at those places."""

import datetime
from collections.abc import Iterable

from django.db import transaction

from registry.models import Partner, PartnerTopic, Place, Session
from registry.services.common import (
    RowChange,
    apply_row_changes,
    lock_current,
    set_fields,
    set_values,
    unique_slug,
)


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
    _set_topics(partner, topics)
    return partner


def _set_topics(partner: Partner, topics: Iterable[str]) -> None:
    set_values(
        partner.topics, "topic", topics, lambda topic: PartnerTopic(partner=partner, topic=topic)
    )


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


@transaction.atomic
def partner_save(
    *,
    partner: Partner | None,
    expected_version: int | None,
    fields: dict,
    topics: Iterable[str],
    places: Iterable[RowChange] = (),
    reason: str = "",
) -> Partner:
    """Create or update a partner with its topics and places, from the back
    office or the admin. Raises ``RecordChanged`` when someone saved the
    partner after ``expected_version`` was read; nothing is saved then."""
    if partner is None:
        current = Partner(slug=unique_slug(Partner, fields["name"]))
    else:
        current = lock_current(Partner, partner.pk, expected_version)
        current.version += 1
    set_fields(current, fields)
    current.full_clean()
    if reason:
        current._change_reason = reason[:100]
    current.save()
    _set_topics(current, topics)
    apply_row_changes(
        places,
        new_row=lambda: Place(partner=current),
        belongs=lambda place: place.partner_id == current.pk,
    )
    return current


@transaction.atomic
def partner_sessions_save(
    *, partner: Partner, changes: Iterable[RowChange], expected_version: int | None = None
) -> None:
    """Add, change and remove the dated sessions at a partner's places. The
    partner's version guards the page: raises ``RecordChanged`` if someone saved
    the partner or its sessions after ``expected_version`` was read."""
    current = lock_current(Partner, partner.pk, expected_version)
    current.version += 1
    current.save(update_fields=["version", "updated_at"])
    places = set(partner.places.values_list("pk", flat=True))
    apply_row_changes(
        changes,
        new_row=Session,
        belongs=lambda session: session.place_id in places,
    )


@transaction.atomic
def partner_delete(*, partner: Partner) -> None:
    """Remove a partner with its topics, places and sessions (the admin's
    delete; the back office keeps partners)."""
    partner.delete()
