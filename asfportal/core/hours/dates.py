"""Rules as dates: their occurrences, whether a session fits them, and HSDS schedules."""

import datetime

from dateutil import rrule
from django.utils import timezone, translation

from asfportal.core.hours.rules import HORIZON_DAYS, Rule, split_byday
from asfportal.core.hours.writing import describe

# --- Dates --------------------------------------------------------------------


def _recurrence(rule: Rule, anchor: datetime.date) -> rrule.rrule:
    """The rule as a dateutil rrule; ``anchor`` stands in for a missing dtstart,
    which only every-week and monthly rules may lack (any anchor gives them the
    same dates)."""
    ordinals_days = [split_byday(code) for code in rule["byday"]]
    weekdays = [rrule.weekdays[day](ordinal) for ordinal, day in ordinals_days]
    start = datetime.date.fromisoformat(rule["dtstart"]) if rule["dtstart"] else anchor
    return rrule.rrule(
        rrule.MONTHLY if rule["freq"] == "MONTHLY" else rrule.WEEKLY,
        interval=rule["interval"],
        byweekday=weekdays,
        wkst=rrule.MO,
        dtstart=datetime.datetime.combine(start, datetime.time()),
    )


def occurrences(rule: Rule, start: datetime.date, end: datetime.date) -> list[datetime.date]:
    """The rule's dates from ``start`` to ``end``, both included; none before its dtstart."""
    if end < start:
        return []
    after = datetime.datetime.combine(start, datetime.time())
    before = datetime.datetime.combine(end, datetime.time())
    found = _recurrence(rule, start).between(after, before, inc=True)
    return [moment.date() for moment in found]


def next_occurrences(
    rules: list[Rule], after: datetime.date, count: int
) -> list[tuple[datetime.date, Rule]]:
    """The next ``count`` dates on or after ``after`` with their rule, in date
    (then opening time) order, looking at most HORIZON_DAYS ahead."""
    end = after + datetime.timedelta(days=HORIZON_DAYS)
    pairs = [(day, rule) for rule in rules for day in occurrences(rule, after, end)]
    pairs.sort(key=lambda pair: (pair[0], pair[1]["opens"]))
    return pairs[: max(count, 0)]


def _minutes(hhmm: str) -> int:
    hour, minute = hhmm.split(":")
    return int(hour) * 60 + int(minute)


def _wall_clock(moment: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(moment) if timezone.is_aware(moment) else moment


def _session_span(
    starts: datetime.datetime, ends: datetime.datetime
) -> tuple[datetime.date, int, int] | None:
    """The session's day and its start and end in minutes after midnight, or None
    if it spans days. An end at midnight counts as 24.00 on the start day."""
    starts, ends = _wall_clock(starts), _wall_clock(ends)
    end = ends.hour * 60 + ends.minute
    if ends.date() == starts.date() + datetime.timedelta(days=1) and end == 0:
        end = 24 * 60
    elif ends.date() != starts.date():
        return None
    return starts.date(), starts.hour * 60 + starts.minute, end


def fits(rules: list[Rule], starts: datetime.datetime, ends: datetime.datetime) -> bool:
    """Whether a session lies on one of the rules' dates, within its hours (local
    wall-clock time). No rules contradict nothing, so any session fits them."""
    if not rules:
        return True
    span = _session_span(starts, ends)
    if span is None or span[2] < span[1]:
        return False
    day, start, end = span
    return any(
        _minutes(rule["opens"]) <= start
        and end <= _minutes(rule["closes"])
        and occurrences(rule, day, day)
        for rule in rules
    )


# --- Open data ----------------------------------------------------------------


def hsds_schedule(rule: Rule) -> dict:
    """The rule's fields of an HSDS 3.0 ``schedule`` (schema/schedule.json of
    HSDS 3.0, in /work/shared/hsds-3.0/); the caller adds ``id`` and the
    service or location it belongs to.

    ``opens_at``/``closes_at`` are local "HH:MM" without a UTC offset, and the
    numeric ``timezone`` field is left out: Stockholm's offset changes with
    summer time, so no single offset would be right all year.
    """
    with translation.override("sv"):
        description = describe(rule)
    schedule = {"dtstart": rule["dtstart"]} if rule["dtstart"] else {}
    return schedule | {
        "wkst": "MO",
        "freq": rule["freq"],
        "interval": rule["interval"],
        "byday": ",".join(rule["byday"]),
        "description": description,
        "opens_at": rule["opens"],
        "closes_at": rule["closes"],
    }
