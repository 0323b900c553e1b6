"""Who the daily review reminders go to."""

import datetime

from django.conf import settings
from django.db.models import F, Max, Prefetch, QuerySet

from registry import freshness
from registry.models import Offering, ReviewReminder, SocialEnterprise


def due_enterprises(today: datetime.date) -> QuerySet[SocialEnterprise]:
    """Published enterprises due for review on ``today``, never checked first,
    then the longest unchecked; with their offerings (two queries)."""
    offerings = Offering.objects.order_by("kind", "pk")
    return (
        SocialEnterprise.objects.published()
        .filter(freshness.due_for_review(today))
        .prefetch_related(Prefetch("offerings", queryset=offerings))
        .order_by(F("last_checked").asc(nulls_first=True), "name", "pk")
    )


def last_reminded(today: datetime.date) -> dict[int, datetime.date]:
    """Each enterprise's latest reminder within ``REVIEW_REMINDER_INTERVAL_DAYS``
    (one query). Later reminders count too, so a backfill run never repeats a
    newer one."""
    since = today - datetime.timedelta(days=settings.REVIEW_REMINDER_INTERVAL_DAYS)
    rows = (
        ReviewReminder.objects.filter(sent_on__gt=since)
        .values("enterprise")
        .annotate(last=Max("sent_on"))
        .values_list("enterprise", "last")
    )
    return dict(rows)
