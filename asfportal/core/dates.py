"""Calendar arithmetic the apps share."""

import calendar
import datetime

from django.utils import timezone


def today() -> datetime.date:
    """Today in the site's time zone (Europe/Stockholm)."""
    return timezone.localdate()


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` months earlier (the month's last day if shorter)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(day.day, last_day))


def date_option(value: str | None) -> datetime.date:
    """A command's ``--date`` (YYYY-MM-DD), or today when it is not given."""
    from django.core.management.base import CommandError

    if not value:
        return today()
    try:
        return datetime.datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise CommandError(f"--date must be a date written YYYY-MM-DD, not {value!r}.") from None
