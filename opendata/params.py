"""The HSDS API's query parameters, checked before any query runs. Pure.

Every problem is collected, so one 400 answer names them all.
"""

import datetime
import uuid
from dataclasses import dataclass, field

from django.utils.dateparse import parse_date, parse_datetime
from django.utils.timezone import get_current_timezone, is_naive, make_aware

MAX_PER_PAGE = 100
DEFAULT_PER_PAGE = 20
MAX_PAGE = 100_000
MAX_SEARCH = 200
BOOLEANS = {"true": True, "1": True, "false": False, "0": False}


class BadParameters(Exception):
    def __init__(self, problems: list[dict]):
        super().__init__("; ".join(p["detail"] for p in problems))
        self.problems = problems


@dataclass
class ListParams:
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE
    search: str = ""
    modified_after: datetime.datetime | None = None
    taxonomy_term_id: str | None = None
    taxonomy_id: str | None = None
    organization_id: str | None = None
    parent_id: str | None = None
    full: bool = False
    minimal: bool = False
    full_service: bool = False
    top_only: bool = False
    problems: list[dict] = field(default_factory=list)

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


def parse(query, allowed: set[str]) -> ListParams:
    """``query`` (a QueryDict) as ListParams; raises BadParameters naming every
    unknown, repeated or malformed parameter."""
    params = ListParams()
    for name in query:
        if name not in allowed:
            _problem(params, name, "Okänd parameter för den här listan.")
        elif len(query.getlist(name)) > 1:
            _problem(params, name, "Parametern får bara anges en gång.")
    if params.problems:
        raise BadParameters(params.problems)
    for name in allowed & set(query):
        PARSERS[name](params, name, query[name])
    if params.problems:
        raise BadParameters(params.problems)
    return params


def _problem(params: ListParams, name: str, detail: str) -> None:
    params.problems.append({"parameter": name, "detail": f"{name}: {detail}"})


def _integer(low: int, high: int):
    def parse_integer(params, name, raw):
        if not raw.isascii() or not raw.isdigit() or not low <= int(raw) <= high:
            _problem(params, name, f"Ska vara ett heltal från {low} till {high}.")
        else:
            setattr(params, name, int(raw))

    return parse_integer


def _boolean(params, name, raw):
    if raw.lower() not in BOOLEANS:
        _problem(params, name, "Ska vara true eller false.")
    else:
        setattr(params, name, BOOLEANS[raw.lower()])


def _uuid(params, name, raw):
    try:
        setattr(params, name, str(uuid.UUID(raw)))
    except ValueError:
        _problem(params, name, "Ska vara ett id (UUID).")


def _search(params, name, raw):
    text = " ".join(raw.split())
    if len(text) > MAX_SEARCH or "\x00" in text:
        _problem(params, name, f"Högst {MAX_SEARCH} tecken.")
    else:
        params.search = text


def _datetime(params, name, raw):
    try:
        moment = parse_datetime(raw)
        if moment is None and (day := parse_date(raw)) is not None:
            moment = datetime.datetime.combine(day, datetime.time())
    except ValueError:
        moment = None
    if moment is None:
        _problem(
            params, name, "Ska vara en tidpunkt enligt ISO 8601, till exempel 2026-12-01T08:00:00Z."
        )
        return
    if is_naive(moment):
        moment = make_aware(moment, get_current_timezone())
    try:
        # In UTC: PostgreSQL refuses offsets past 15:59 that ISO 8601 allows.
        moment = moment.astimezone(datetime.UTC)
    except OverflowError:  # within hours of year 1 or 9999: as good as the edge
        edge = datetime.datetime.min if moment.year < 2 else datetime.datetime.max
        moment = edge.replace(tzinfo=datetime.UTC)
    params.modified_after = moment


def _format(params, name, raw):
    if raw != "json":
        _problem(params, name, "Bara json finns.")


PARSERS = {
    "format": _format,
    "page": _integer(1, MAX_PAGE),
    "per_page": _integer(1, MAX_PER_PAGE),
    "search": _search,
    "modified_after": _datetime,
    "taxonomy_term_id": _uuid,
    "taxonomy_id": _uuid,
    "organization_id": _uuid,
    "parent_id": _uuid,
    "full": _boolean,
    "minimal": _boolean,
    "full_service": _boolean,
    "top_only": _boolean,
}
