"""Partners and their dated sessions for the public pages."""

import datetime
from collections.abc import Iterable

from django.db.models import (
    Exists,
    OuterRef,
    QuerySet,
    Subquery,
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


def partner_or_404(slug: str) -> Partner:
    """Just the partner, for its calendar feeds (one query)."""
    return get_object_or_404(Partner, slug=slug)


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


CALENDAR_LIMIT = 500


def _calendar_sessions(partner: Partner | None) -> QuerySet[Session]:
    last_change = (
        Session.history.model.objects.filter(id=OuterRef("pk"))
        .order_by("-history_date")
        .values("history_date")[:1]
    )
    queryset = upcoming_sessions().select_related("place__partner")
    if partner is not None:
        queryset = queryset.filter(place__partner=partner)
    return queryset.annotate(revised=Subquery(last_change))


def sessions_for_calendar(partner: Partner | None = None) -> list[Session]:
    """Upcoming sessions (one partner's, or all; at most ``CALENDAR_LIMIT``) for a
    calendar feed, each with its place, partner and ``revised`` (its last
    change): one query."""
    return list(_calendar_sessions(partner)[:CALENDAR_LIMIT])


def session_for_calendar(partner: Partner, session_uuid) -> Session:
    """One upcoming session of the partner, for its own .ics, or 404 (one query)."""
    return get_object_or_404(_calendar_sessions(partner), uuid=session_uuid)
