"""The pieces of "the database is away" that every layer uses: which errors
mean it, the 503 page (rendered without the database), the notice on a kept
page, and a log of one line per kind of failure and minute instead of a
traceback per request (``note``; ``QuietOutages`` on Django's loggers).

``asfportal.outage`` puts them together for the site (the middleware and
``handler500``); the public forms handle the failure themselves
(``publicforms.submit``): the form is shown again with what was typed.
"""

import logging
import threading
import time

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

# A lost or refused connection, a restart, a timeout: what "the database is
# away" looks like to Django, on PostgreSQL and SQLite alike.
DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30
LOG_EVERY_SECONDS = 60.0

_logged_at: dict[str, float] = {}
_lock = threading.Lock()


def _first_this_minute(kind: str) -> bool:
    now = time.monotonic()
    with _lock:
        if now - _logged_at.get(kind, float("-inf")) < LOG_EVERY_SECONDS:
            return False
        _logged_at[kind] = now
        return True


def note(error: BaseException, request: HttpRequest | None = None) -> None:
    """One log line per kind of failure and minute."""
    kind = type(error).__name__
    if _first_this_minute(kind):
        path = request.path if request is not None else "-"
        logger.error(
            "The database is unavailable (%s: %s) at %s; answering with the last copy "
            "or 503 (next line for %s in a minute at the earliest).",
            kind,
            str(error).strip().splitlines()[0] if str(error).strip() else "",
            path,
            kind,
        )


def unavailable(request: HttpRequest) -> HttpResponse:
    """The 503 page, rendered without the database (for the API, a JSON problem)."""
    if request.path.startswith("/api/"):
        response = JsonResponse(
            {
                "type": "about:blank",
                "title": "Service Unavailable",
                "status": 503,
                "detail": "The database is temporarily unavailable. Try again later.",
            },
            status=503,
            content_type="application/problem+json",
        )
    else:
        body = render_to_string("503.html", request=request)
        response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def with_notice(copy: HttpResponse) -> HttpResponse:
    """A kept page with a notice that it may not be the latest."""
    notice = format_html(
        '<div class="container"><p class="alert alert-warning mt-3 mb-0 stale-notice" '
        'role="status">{}</p></div>',
        _(
            "Uppgifterna kanske inte är de senaste: vi har ett tillfälligt tekniskt "
            "problem. Försök igen om en stund."
        ),
    ).encode()
    body = copy.content
    for anchor in (b'<main id="main" tabindex="-1">', b'<div class="container" id="directory">'):
        if anchor in body:
            body = body.replace(anchor, anchor + notice, 1)
            break
    response = HttpResponse(body, status=200, content_type=copy.get("Content-Type"))
    response["Cache-Control"] = "no-store"
    return response


class QuietOutages(logging.Filter):
    """On ``django.request`` and ``django.db.models``: a database failure is
    logged by ``note`` once a minute; Django's own records of it (a traceback,
    a "Service Unavailable" line, a failed constraint check, per request) are
    dropped."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, DATABASE_ERRORS):
            note(error)
            return False
        if str(record.msg).startswith("Got a database error calling check()"):
            return False  # a model form's constraint check; the save that follows fails
        return getattr(record, "status_code", None) != 503
