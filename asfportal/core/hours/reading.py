"""Short Swedish lines into rules, with a plain-Swedish error for each kind of mistake."""

import datetime
import re
import unicodedata

from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _

from asfportal.core.hours.dates import occurrences
from asfportal.core.hours.rules import (
    CLOCK,
    DAY_CODES,
    DAY_WORDS,
    EVERY_OTHER_WEEK,
    EVERY_WEEK,
    FREQUENCIES,
    LINE,
    MAX_LINES,
    NOTE_MAX,
    SV_ORDINALS,
    TAIL,
    TOKEN,
    HoursError,
    Rule,
)

# --- Errors -------------------------------------------------------------------
# The examples in these messages are input lines, and the input language is
# Swedish whatever the interface language is; the comments ask translators to
# keep them so.


def _unknown(line: int, word: str) -> HoursError:
    message = _(
        # Translators: keep the example in Swedish, the input language.
        "Rad %(line)s: vi förstår inte ”%(word)s”. "
        "Skriv till exempel: Tisdag 13–16, eller Första tisdagen i månaden 13–16."
    )
    return HoursError(line, message % {"line": line, "word": word})


def _no_day(line: int) -> HoursError:
    message = _(
        # Translators: keep the example in Swedish, the input language.
        "Rad %(line)s: dagen saknas. Skriv till exempel: Tisdag 13–16, eller Måndag–fredag 8–16."
    )
    return HoursError(line, message % {"line": line})


def _no_times(line: int) -> HoursError:
    message = _(
        # Translators: keep the example in Swedish, the input language.
        "Rad %(line)s: tiden saknas. Skriv när det öppnar och stänger, till exempel: Tisdag 13–16."
    )
    return HoursError(line, message % {"line": line})


def _bad_time(line: int, text: str) -> HoursError:
    message = _(
        # Translators: keep the example in Swedish, the input language.
        "Rad %(line)s: ”%(time)s” är inte en tid som finns. Skriv till exempel: Tisdag 8.00–16.30."
    )
    return HoursError(line, message % {"line": line, "time": text})


def _end_before_start(line: int) -> HoursError:
    message = _(
        # Translators: keep the example in Swedish, the input language.
        "Rad %(line)s: sluttiden måste vara senare än starttiden. Skriv till exempel: Tisdag 13–16."
    )
    return HoursError(line, message % {"line": line})


def _trailing(line: int, text: str) -> HoursError:
    message = _(
        # Translators: keep the example in Swedish, the input language.
        "Rad %(line)s: vi förstår inte ”%(text)s” efter tiden. Skriv en kommentar "
        "efter ett kommatecken, till exempel: Tisdag och torsdag 9–16, efter bokning."
    )
    return HoursError(line, message % {"line": line, "text": text})


def _needs_date(line: int) -> HoursError:
    message = _(
        # Translators: keep the example in Swedish, the input language.
        "Rad %(line)s: när det är varannan vecka behöver vi veta vilka veckor. "
        "Skriv datumet för en av gångerna, till exempel: "
        "Varannan onsdag 17–19 från 2026-12-16."
    )
    return HoursError(line, message % {"line": line})


def _bad_date(line: int, text: str) -> HoursError:
    message = _(
        # Translators: keep the example in Swedish, the input language.
        "Rad %(line)s: ”%(date)s” är inte ett datum vi förstår. Skriv år-månad-dag, "
        "till exempel: Varannan onsdag 17–19 från 2026-12-16."
    )
    return HoursError(line, message % {"line": line, "date": text})


def _date_off_rule(line: int, day: datetime.date) -> HoursError:
    message = _(
        # Translators: %(weekday)s %(date)s is e.g. "torsdag 2026-12-17". Keep the
        # example in Swedish, the input language.
        "Rad %(line)s: %(weekday)s %(date)s är inte en av dagarna på raden. "
        "Skriv ett datum då det är öppet, till exempel: Varannan onsdag 17–19 från 2026-12-16."
    )
    params = {"line": line, "weekday": WEEKDAYS[day.weekday()], "date": day.isoformat()}
    return HoursError(line, message % params)


def _one_day_only(line: int, word: str) -> HoursError:
    message = _(
        # Translators: %(word)s is the frequency word as typed, e.g. "Varannan" or
        # "Första". Keep the example in Swedish, the input language.
        "Rad %(line)s: ”%(word)s” kan bara gälla en dag. Skriv en rad för varje dag, "
        "till exempel: Första tisdagen i månaden 13–16."
    )
    return HoursError(line, message % {"line": line, "word": word})


def _note_too_long(line: int, length: int) -> HoursError:
    message = _(
        # Translators: keep the example in Swedish, the input language.
        "Rad %(line)s: kommentaren efter kommatecknet är %(length)s tecken. Den får vara "
        "högst %(limit)s tecken, till exempel: Tisdag och torsdag 9–16, efter bokning."
    )
    return HoursError(line, message % {"line": line, "length": length, "limit": NOTE_MAX})


def _too_many_lines(line: int) -> HoursError:
    message = _(
        # Translators: keep the example in Swedish, the input language.
        "Rad %(line)s: det får vara högst %(limit)s rader. Slå ihop dagar som har "
        "samma tider, till exempel: Måndag–torsdag 8–16.30."
    )
    return HoursError(line, message % {"line": line, "limit": MAX_LINES})


# --- Parsing ------------------------------------------------------------------


def parse(text: str) -> list[Rule]:
    """One rule per non-empty line; raises HoursError naming the first bad line
    (numbered as the advisor sees it in the textarea, blank lines included)."""
    # NFC: text pasted from some systems spells "å" as "a" plus a combining ring.
    lines = [
        (number, line.strip())
        for number, line in enumerate(unicodedata.normalize("NFC", text).splitlines(), 1)
        if line.strip()
    ]
    if len(lines) > MAX_LINES:
        raise _too_many_lines(lines[MAX_LINES][0])
    return [parse_line(line, number) for number, line in lines]


def parse_line(text: str, number: int = 1) -> Rule:
    match = LINE.match(text)
    if not match:
        raise _no_times(number)
    frequency, days = _parse_head(match["head"], number)
    opens, closes = _parse_times(match["opens"], match["closes"], number)
    dtstart, note = _parse_tail(match["tail"], number)
    rule = _build(frequency, days, opens, closes, dtstart, note)
    _check_start(rule, number)
    return rule


def _parse_head(head: str, number: int) -> tuple[str, list[int]]:
    """The frequency word (lower case, "" for every week) and the weekdays (0 = Monday)."""
    tokens = TOKEN.findall(head)
    typed = tokens.pop(0) if tokens and tokens[0].lower() in FREQUENCIES else ""
    frequency = typed.lower()
    in_month = [t.lower() for t in tokens[-2:]] == ["i", "månaden"]
    if in_month:
        del tokens[-2:]
        if frequency not in SV_ORDINALS:
            raise _unknown(number, "i månaden")
    days = _parse_days(tokens, number)
    if len(days) > 1 and frequency not in ("", EVERY_WEEK):
        raise _one_day_only(number, typed)
    return frequency, days


def _parse_days(tokens: list[str], number: int) -> list[int]:
    while tokens and tokens[-1] in ("-", "–", ":", ","):  # "Tisdag – 13–16", "Tisdag: 13–16"
        tokens = tokens[:-1]
    if not tokens:
        raise _no_day(number)
    words, separators = tokens[::2], tokens[1::2]
    days = [_weekday(word, number) for word in words]
    if separators in (["-"], ["–"]) and len(words) == 2:
        if days[0] >= days[1]:  # "fre–mån" would wrap the week; write two lines
            raise _unknown(number, "".join(tokens))
        return list(range(days[0], days[1] + 1))
    if len(words) == len(separators) or any(s.lower() not in (",", "och") for s in separators):
        raise _unknown(number, " ".join(tokens))
    return sorted(set(days))


def _weekday(word: str, number: int) -> int:
    try:
        return DAY_WORDS[word.lower()]
    except KeyError:
        raise _unknown(number, word) from None


def _parse_times(opens: str, closes: str, number: int) -> tuple[str, str]:
    start, end = _clock(opens, number), _clock(closes, number)
    if start == "24:00":
        raise _bad_time(number, opens)
    if end <= start:
        raise _end_before_start(number)
    return start, end


def _clock(text: str, number: int) -> str:
    """ "8", "8.30" or "08:30" as "08:30"; 24.00 is allowed here, as a closing time."""
    match = CLOCK.match(text)
    hour, minute = (int(match[1]), int(match[2] or 0)) if match else (99, 0)
    if hour > 24 or minute > 59 or (hour == 24 and minute):
        raise _bad_time(number, text)
    return f"{hour:02d}:{minute:02d}"


def _parse_tail(tail: str, number: int) -> tuple[str | None, str]:
    match = TAIL.match(tail)
    if not match:
        raise _trailing(number, tail.strip())
    note = (match["note"] or "").strip()
    if len(note) > NOTE_MAX:
        raise _note_too_long(number, len(note))
    return _parse_date(match["date"], number), note


def _parse_date(text: str | None, number: int) -> str | None:
    if text is None:
        return None
    # fromisoformat also takes "20261216"; the advisors are shown only one form.
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise _bad_date(number, text)
    try:
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        raise _bad_date(number, text) from None


def _build(
    frequency: str, days: list[int], opens: str, closes: str, dtstart: str | None, note: str
) -> Rule:
    if frequency in SV_ORDINALS:
        freq, byday = "MONTHLY", [f"{SV_ORDINALS[frequency]}{DAY_CODES[days[0]]}"]
    else:
        freq, byday = "WEEKLY", [DAY_CODES[day] for day in days]
    interval = 2 if frequency == EVERY_OTHER_WEEK else 1
    return Rule(
        freq=freq,
        interval=interval,
        byday=byday,
        opens=opens,
        closes=closes,
        dtstart=dtstart,
        note=note,
    )


def _check_start(rule: Rule, number: int) -> None:
    """Every-other-week rules count weeks from their date; and any date must be
    one of the rule's own, as RFC 5545 (and so HSDS) expects of DTSTART."""
    if rule["dtstart"] is None:
        if rule["interval"] == 2:
            raise _needs_date(number)
        return
    start = datetime.date.fromisoformat(rule["dtstart"])
    if not occurrences(rule, start, start):
        raise _date_off_rule(number, start)
