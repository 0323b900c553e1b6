"""CSV that spreadsheet programs open safely: UTF-8 with a BOM, and no cell
that a spreadsheet would run as a formula."""

import csv
import re
from collections.abc import Iterable, Iterator

# A cell starting with one of these is read as a formula by spreadsheet programs.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Digits and punctuation only (a phone number such as +46 8 123 45 67) cannot
# call a function, so it is left as it is.
_HARMLESS_NUMBER = re.compile(r"[+\-]?[\d\s().\-/]+")


def neutralise(value: object) -> str:
    """Text for a CSV cell that a spreadsheet will show, not evaluate."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_STARTS) and not _HARMLESS_NUMBER.fullmatch(text):
        return "'" + text
    return text


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(header: list[str], rows: Iterable[list[object]]) -> Iterator[str]:
    """Lines of RFC 4180 CSV, starting with a BOM so spreadsheets read UTF-8."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow([neutralise(cell) for cell in header])
    for row in rows:
        yield writer.writerow([neutralise(cell) for cell in row])
