"""Regular opening hours as rules: parsed from short Swedish lines, shown to the
public, expanded into dates, and exported as HSDS schedules.

Why: a partner's place used to have its hours as free text, and the dated
sessions shown beside them could contradict them ("Tisdagar 13–16" next to a
session on a Wednesday evening). As rules, the hours can be checked: ``fits``
tells whether a session lies within them, and the same rules become HSDS 3.0
``schedule`` objects (RFC 5545 recurrence fields) in the open data. The advice
phone line's hours (a setting) use the same format.

The advisors still type what they typed before, one rule a line::

    [frequency] days times [från YYYY-MM-DD] [, note]

    Måndag–torsdag 8–16.30
    Tisdag och torsdag kl. 9–16, efter bokning
    Första tisdagen i månaden 13–16, drop-in
    Varannan onsdag 17–19 från 2026-12-16

- frequency: nothing or "varje" (every week), "varannan" (every other week,
  counted from the ``från`` date, which is required), or "första", "andra",
  "tredje", "fjärde", "sista" (that weekday of the month, optionally followed
  by "i månaden"). Only every-week rules may name several days.
- days: full or short Swedish names in any inflection ("mån", "måndagar",
  "måndagen"), a range ("mån–fre", "måndag-torsdag") or a list ("mån, ons och
  fre").
- times: "8–16", "8.00–16.30", "08:00-16:30", optionally after "kl.".
- ``från``: the first date the rule applies; it must be one of its dates.
- note: everything after the first comma that follows the times (so a note may
  itself contain commas), at most ``NOTE_MAX`` characters.

A rule is stored as a plain JSON-serialisable dict (``Rule``), close to an
RFC 5545 RRULE so the HSDS mapping is a rename. Nothing here touches the
database.
"""

from asfportal.core.hours.dates import fits, hsds_schedule, next_occurrences, occurrences
from asfportal.core.hours.reading import parse, parse_line
from asfportal.core.hours.rules import MAX_LINES, NOTE_MAX, HoursError, Rule
from asfportal.core.hours.writing import describe, describe_all, to_text

__all__ = [
    "MAX_LINES", "NOTE_MAX", "HoursError", "Rule", "describe", "describe_all", "fits",
    "hsds_schedule", "next_occurrences", "occurrences", "parse", "parse_line", "to_text",
]  # fmt: skip
