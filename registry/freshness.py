"""How fresh a record is: one rule, the same for the public and the advisors.

A record counts as checked ("kontrollerad") for ``FRESH_MONTHS`` after the
municipality or the enterprise itself last confirmed it. After that it is
*stale*: the card and the profile say the municipality has not checked it for
over FRESH_MONTHS months, it sorts after the checked records, the directory's
"kontrollerade" filter leaves it out, and the advisors' queue lists it.

The advisors' queue and the reminder mails start ``REVIEW_NOTICE_DAYS``
earlier (*due*), so an enterprise can confirm before its record is flagged to
the public. A record never checked is both due and stale.
"""

import datetime

from django.conf import settings
from django.db.models import Q

from asfportal.core.dates import months_before, today


def fresh_cutoff(day: datetime.date | None = None) -> datetime.date:
    """Records last checked on or after this date count as checked."""
    return months_before(day or today(), settings.FRESH_MONTHS)


def review_due_cutoff(day: datetime.date | None = None) -> datetime.date:
    """Records last checked before this date are stale, or will be within
    REVIEW_NOTICE_DAYS: due for an advisor's review and a reminder."""
    ahead = (day or today()) + datetime.timedelta(days=settings.REVIEW_NOTICE_DAYS)
    return fresh_cutoff(ahead)


def checked_recently(day: datetime.date | None = None) -> Q:
    """The directory's "kontrollerade" filter: not stale."""
    return Q(last_checked__gte=fresh_cutoff(day))


def due_for_review(day: datetime.date | None = None) -> Q:
    return Q(last_checked__isnull=True) | Q(last_checked__lt=review_due_cutoff(day))


def stale(day: datetime.date | None = None) -> Q:
    return Q(last_checked__isnull=True) | Q(last_checked__lt=fresh_cutoff(day))


def is_stale(last_checked: datetime.date | None, day: datetime.date | None = None) -> bool:
    return last_checked is None or last_checked < fresh_cutoff(day)
