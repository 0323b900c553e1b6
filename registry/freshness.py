"""How fresh a record is: due for an advisor's review, or stale to the public.

Both ages are settings in months (``REVIEW_DUE_MONTHS``, ``STALE_AFTER_MONTHS``).
A record never checked is both due and stale.
"""

import calendar
import datetime

from django.conf import settings
from django.db.models import Q
from django.utils import timezone


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` months earlier (the month's last day if shorter)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(day.day, last_day))


def today() -> datetime.date:
    return timezone.localdate()


def review_due_cutoff(day: datetime.date | None = None) -> datetime.date:
    """Records last checked before this date are due for review."""
    return months_before(day or today(), settings.REVIEW_DUE_MONTHS)


def stale_cutoff(day: datetime.date | None = None) -> datetime.date:
    """Records last checked before this date are shown as possibly out of date."""
    return months_before(day or today(), settings.STALE_AFTER_MONTHS)


def due_for_review(day: datetime.date | None = None) -> Q:
    return Q(last_checked__isnull=True) | Q(last_checked__lt=review_due_cutoff(day))


def stale(day: datetime.date | None = None) -> Q:
    return Q(last_checked__isnull=True) | Q(last_checked__lt=stale_cutoff(day))


def is_stale(last_checked: datetime.date | None, day: datetime.date | None = None) -> bool:
    return last_checked is None or last_checked < stale_cutoff(day)
