"""Partners and their dated sessions for the public pages."""

import datetime
from collections.abc import Iterable

from django.db.models import (
    Exists,
    OuterRef,
    QuerySet,
)
from django.shortcuts import get_object_or_404
from django.utils import timezone

from registry.models import (
    Partner,
    PartnerTopic,
    Session,
)
from registry.selectors.listing import name_ordering


def partner_list(topic: str | None = None) -> QuerySet[Partner]:
    """Partners with their topics and places: three queries."""
    queryset = Partner.objects.prefetch_related("topics", "places").order_by(name_ordering())
    if topic:
        queryset = queryset.filter(
            Exists(PartnerTopic.objects.filter(partner=OuterRef("pk"), topic=topic))
        )
    return queryset


def upcoming_sessions(now: datetime.datetime | None = None) -> QuerySet[Session]:
    return Session.objects.filter(ends_at__gte=now or timezone.now()).order_by("starts_at")


def partner_for_profile(slug: str) -> Partner:
    """A partner with its topics and places, or 404 (three queries)."""
    queryset = Partner.objects.prefetch_related("topics", "places")
    return get_object_or_404(queryset, slug=slug)


def upcoming_sessions_for_partner(partner: Partner, limit: int = 10) -> list[Session]:
    """The partner's next sessions across all its places, soonest first (one query)."""
    return list(upcoming_sessions().filter(place__partner=partner).select_related("place")[:limit])


def next_session_by_partner(partner_ids: Iterable[int]) -> dict[int, Session]:
    """Each partner's next session, if any (one query)."""
    sessions = upcoming_sessions().filter(place__partner__in=list(partner_ids))
    found: dict[int, Session] = {}
    for session in sessions.select_related("place"):
        found.setdefault(session.place.partner_id, session)
    return found
