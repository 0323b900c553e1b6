"""The stored form of a rule, the errors, and the words of the input language."""

import re
from typing import Literal, TypedDict

MAX_LINES = 14
NOTE_MAX = 100
# Far enough for a monthly rule's next year of dates, short enough to stay cheap.
HORIZON_DAYS = 400

DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# The input language is Swedish whatever the reader's language is.
SV_DAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")
SV_SHORT = (("mån",), ("tis",), ("ons",), ("tor", "tors"), ("fre",), ("lör",), ("sön",))
SV_ORDINALS = {"första": 1, "andra": 2, "tredje": 3, "fjärde": 4, "sista": -1}
EVERY_WEEK = "varje"
EVERY_OTHER_WEEK = "varannan"
FREQUENCIES = (EVERY_WEEK, EVERY_OTHER_WEEK, *SV_ORDINALS)


class Rule(TypedDict):
    freq: Literal["WEEKLY", "MONTHLY"]
    interval: int
    byday: list[str]  # weekly: ["MO", "TU"]; monthly: one ordinal day, ["1TU"], ["-1TH"]
    opens: str  # "HH:MM"
    closes: str  # "HH:MM", up to "24:00"
    dtstart: str | None  # "YYYY-MM-DD": the first date; required when interval is 2
    note: str


class HoursError(ValueError):
    """A line the parser does not understand; ``str()`` is the Swedish message."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def _day_words() -> dict[str, int]:
    words = {}
    for index, name in enumerate(SV_DAYS):
        for suffix in ("", "ar", "en", "arna"):
            words[name + suffix] = index
        for short in SV_SHORT[index]:
            words[short] = index
    return words


DAY_WORDS = _day_words()

TIME = r"\d+(?:[.:]\d+)?"
# The times split a line: the frequency and days before, the date and note after.
# The look-arounds keep the digits of a date ("2026-12-16") from passing as times.
LINE = re.compile(
    rf"^(?P<head>.*?)\s*(?<![\d.:–-])(?:\bkl\b\.?\s*)?"
    rf"(?P<opens>{TIME})\s*[–-]\s*(?P<closes>{TIME})(?![\d.:–-])(?P<tail>.*)$",
    re.IGNORECASE,
)
CLOCK = re.compile(r"^(\d{1,2})(?:[.:](\d{2}))?$")
TAIL = re.compile(r"^\s*(?:från\s+(?P<date>\S+?))?\s*(?:,(?P<note>.*))?$", re.IGNORECASE)
TOKEN = re.compile(r"[^\W\d_]+|[–-]|,|[^\s,–-]+")
ORDINAL_DAY = re.compile(r"^(-?\d)?([A-Z]{2})$")


def split_byday(code: str) -> tuple[int | None, int]:
    """ "1TU" as (1, 1), "-1TH" as (-1, 3), "MO" as (None, 0)."""
    match = ORDINAL_DAY.match(code)
    if not match:
        raise ValueError(f"not an iCalendar day: {code!r}")
    ordinal = int(match[1]) if match[1] else None
    return ordinal, DAY_CODES.index(match[2])
