"""Rules back into text: the advisors' input lines, and the public's words in any language."""

from collections.abc import Callable, Sequence

from django.utils import translation
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from asfportal.core.hours.rules import EVERY_OTHER_WEEK, SV_DAYS, SV_ORDINALS, Rule, split_byday

# --- Text back out ------------------------------------------------------------


def _days(rule: Rule) -> list[int]:
    return [split_byday(code)[1] for code in rule["byday"]]


def _ordinal(rule: Rule) -> int:
    return split_byday(rule["byday"][0])[0] or 1


def _day_phrase(days: list[int], names: Sequence[str], join: Callable[[str, str], str]) -> str:
    """Three or more consecutive days as a range, other sets as a list."""
    words = [str(names[day]) for day in days]
    if len(days) >= 3 and days == list(range(days[0], days[-1] + 1)):
        return f"{words[0]}–{words[-1]}"
    if len(words) == 1:
        return words[0]
    return join(", ".join(words[:-1]), words[-1])


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _clock_text(hhmm: str, sep: str) -> str:
    """ "08:30" as "8.30" (Swedish style, sep ".") or "8:30"."""
    hour, minute = hhmm.split(":")
    return f"{int(hour)}{sep}{minute}"


def _times_text(rule: Rule, sep: str) -> str:
    return f"{_clock_text(rule['opens'], sep)}–{_clock_text(rule['closes'], sep)}"


def to_text(rules: list[Rule]) -> str:
    """The canonical Swedish input lines, for the advisors' textarea."""
    return "\n".join(_rule_line(rule) for rule in rules)


def _rule_line(rule: Rule) -> str:
    line = f"{_sv_days_text(rule)} {_times_text(rule, '.')}"
    if rule["dtstart"]:
        line += f" från {rule['dtstart']}"
    if rule["note"]:
        line += f", {rule['note']}"
    return line


def _sv_days_text(rule: Rule) -> str:
    days = _days(rule)
    if rule["freq"] == "MONTHLY":
        ordinal = {value: word for word, value in SV_ORDINALS.items()}[_ordinal(rule)]
        return _capitalise(f"{ordinal} {SV_DAYS[days[0]]}en i månaden")
    phrase = _day_phrase(days, SV_DAYS, lambda most, last: f"{most} och {last}")
    if rule["interval"] == 2:
        phrase = f"{EVERY_OTHER_WEEK} {phrase}"
    return _capitalise(phrase)


def describe(rule: Rule) -> str:
    """The rule for the public, in the active language."""
    swedish = (translation.get_language() or "").startswith("sv")
    text = f"{_days_text(rule)} {_times_text(rule, '.' if swedish else ':')}"
    return f"{text} ({rule['note']})" if rule["note"] else text


def describe_all(rules: list[Rule]) -> list[str]:
    return [describe(rule) for rule in rules]


def _days_text(rule: Rule) -> str:
    if rule["freq"] == "MONTHLY":
        return _capitalise(_monthly_text(rule))
    phrase = _day_phrase(_days(rule), WEEKDAYS, _and)
    if rule["interval"] == 2:
        # Translators: every other week; %(day)s is a weekday name from Django
        # ("onsdag"), e.g. "Varannan onsdag", in English "Every other Wednesday".
        phrase = _("Varannan %(day)s") % {"day": phrase}
    return _capitalise(phrase)


def _and(most: str, last: str) -> str:
    # Translators: the end of a list of weekdays, e.g. "måndag, onsdag och fredag";
    # %(days)s is the comma-separated start of the list.
    return _("%(days)s och %(last)s") % {"days": most, "last": last}


def _monthly_text(rule: Rule) -> str:
    # Translators: a weekday of every month, e.g. "första tisdagen i månaden".
    # %(ordinal)s is "första"…"fjärde" or "sista"; %(day)s is Django's bare
    # weekday name ("tisdag"), so Swedish adds the definite ending "en" here.
    # In English: "%(ordinal)s %(day)s of the month" (first Tuesday of the month).
    template = _("%(ordinal)s %(day)sen i månaden")
    day = WEEKDAYS[_days(rule)[0]]
    return template % {"ordinal": _ordinal_text(_ordinal(rule)), "day": day}


def _ordinal_text(ordinal: int) -> str:
    # "andra" alone is also "others"; the context keeps the two apart.
    words = {
        1: pgettext("veckodag i månaden", "första"),
        2: pgettext("veckodag i månaden", "andra"),
        3: pgettext("veckodag i månaden", "tredje"),
        4: pgettext("veckodag i månaden", "fjärde"),
        -1: pgettext("veckodag i månaden", "sista"),
    }
    return words[ordinal]
