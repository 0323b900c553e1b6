"""How fresh a record is: due for an advisor's review, or stale to the public.

Both ages are settings in months (``REVIEW_DUE_MONTHS``, ``STALE_AFTER_MONTHS``).
A record never checked is both due and stale.
"""

import datetime

from django.conf import settings
from django.db.models import Q

from asfportal.core.dates import months_before, today


def review_due_cutoff(day: datetime.date | None = None) -> datetime.date:
    """Records last checked before this date are due for review."""
    return months_before(day or today(), settings.REVIEW_DUE_MONTHS)


def stale_cutoff(day: datetime.date | None = None) -> datetime.date:
    """Records last checked before this date are shown as possibly out of date."""
    return months_before(day or today(), settings.STALE_AFTER_MONTHS)


# "Bekräftade senaste året": checked, by the enterprise or the municipality,
# within this many months.
CONFIRMED_MONTHS = 12


def confirmed_cutoff(day: datetime.date | None = None) -> datetime.date:
    return months_before(day or today(), CONFIRMED_MONTHS)


def confirmed_recently(day: datetime.date | None = None) -> Q:
    return Q(last_checked__gte=confirmed_cutoff(day))


def due_for_review(day: datetime.date | None = None) -> Q:
    return Q(last_checked__isnull=True) | Q(last_checked__lt=review_due_cutoff(day))


def stale(day: datetime.date | None = None) -> Q:
    return Q(last_checked__isnull=True) | Q(last_checked__lt=stale_cutoff(day))


def is_stale(last_checked: datetime.date | None, day: datetime.date | None = None) -> bool:
    return last_checked is None or last_checked < stale_cutoff(day)
