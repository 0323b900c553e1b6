"""Reads for alerts: the row a link names, what a filter set matches now, the
enterprises a digest lists, and what is kept about an address."""

import dataclasses
import datetime

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone
from pyroaring import BitMap

from registry.alerts import CONFIRM, read_token
from registry.models import AlertSubscription, SocialEnterprise
from registry.selectors.directory import DirectoryQuery, filter_directory
from registry.selectors.listing import with_listing_annotations


def subscription_for_token(token: str, purpose: str) -> AlertSubscription | None:
    """The subscription a genuine link names, None for a forged, altered or
    expired link or an erased row. A confirmation link works
    ``ALERT_CONFIRM_DAYS``, the others as long as the row. One query (none for a
    token that does not read)."""
    max_age = settings.ALERT_CONFIRM_DAYS * 24 * 60 * 60 if purpose == CONFIRM else None
    claims = read_token(token, purpose=purpose, max_age=max_age)
    if claims is None:
        return None
    subscription = AlertSubscription.objects.filter(pk=claims.subscription_id).first()
    if subscription is None or not claims.matches(subscription.secret):
        return None
    return subscription


def bitmap(data: bytes) -> BitMap:
    return BitMap.deserialize(data) if data else BitMap()


@dataclasses.dataclass(frozen=True)
class Matches:
    """The published results of a filter set, and those with open places."""

    known: BitMap
    open: BitMap


def directory_matches(query: DirectoryQuery) -> Matches:
    """Every published enterprise the directory lists for ``query``, and
    those of them with open places, by id. Two queries (three with a new text)."""
    published = with_listing_annotations(SocialEnterprise.objects.published())
    with_open = dataclasses.replace(query, open_places=True)
    return Matches(
        known=BitMap(filter_directory(published, query).values_list("pk", flat=True)),
        open=BitMap(filter_directory(published, with_open).values_list("pk", flat=True)),
    )


def digest_enterprises(ids: BitMap, limit: int) -> list[SocialEnterprise]:
    """Up to ``limit`` of these enterprises in name order, with what a digest
    shows of them. One query."""
    if not ids:
        return []
    return list(
        SocialEnterprise.objects.filter(pk__in=list(ids))
        .only("name", "slug", "short_description", "city")
        .order_by("name", "pk")[:limit]
    )


def due_subscriptions(period_starts: dict[str, datetime.date]) -> QuerySet:
    """The ids of confirmed subscriptions whose frequency's current period
    (``period_starts``: frequency → first day) has not been handled yet."""
    due = AlertSubscription.objects.none()
    for frequency, start in period_starts.items():
        due |= AlertSubscription.objects.filter(
            frequency=frequency, confirmed_at__isnull=False
        ).exclude(last_period__gte=start)
    return due.order_by("pk").values_list("pk", flat=True)


def normalise_email(email: str) -> str:
    return email.strip().lower()


def subscriptions_for_address(email: str) -> list[AlertSubscription]:
    """Every subscription of an address, pending or confirmed. One query."""
    return list(AlertSubscription.objects.filter(email=normalise_email(email)).order_by("pk"))


def alert_count(email: str) -> int:
    """How many subscriptions an address has. One query."""
    return AlertSubscription.objects.filter(email=normalise_email(email)).count()


def _local(moment: datetime.datetime | None) -> str | None:
    return timezone.localtime(moment).isoformat() if moment else None


def alert_export(email: str) -> list[dict]:
    """What is kept about an address in alerts, for a request to see one's
    data: each subscription's fields (the filters as a query string). One query."""
    return [
        {
            "email": subscription.email,
            "filters": subscription.filters,
            "frequency": subscription.get_frequency_display(),
            "created_at": _local(subscription.created_at),
            "confirmation_sent_at": _local(subscription.confirmation_sent_at),
            "confirmed_at": _local(subscription.confirmed_at),
            "last_sent_at": _local(subscription.last_sent_at),
        }
        for subscription in subscriptions_for_address(email)
    ]
