"""What a visitor gets while the database is away: a public page that has
been rendered before as it was last time, with a notice that it may not be the
latest (``registry.pagecache.last_copy``); anything else the 503 page with
``Retry-After`` (``asfportal.core.outage``)."""

import sys

from django.http import HttpRequest, HttpResponse
from django.views.defaults import bad_request as django_bad_request
from django.views.defaults import server_error as django_server_error

from asfportal.core.outage import DATABASE_ERRORS, note, unavailable, with_notice
from registry.pagecache import last_copy


def outage_response(request: HttpRequest, error: BaseException) -> HttpResponse:
    note(error, request)
    copy = last_copy(request)
    return with_notice(copy) if copy is not None else unavailable(request)


class DatabaseOutageMiddleware:
    """Turns a database failure in a view into the last copy or the 503 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception):
        if isinstance(exception, DATABASE_ERRORS):
            return outage_response(request, exception)
        return None


def server_error(request: HttpRequest) -> HttpResponse:
    """``handler500``: a database failure outside a view (a session read in a
    middleware, say) gets the 503 page too; anything else Django's 500."""
    error = sys.exception()
    if isinstance(error, DATABASE_ERRORS):
        return outage_response(request, error)
    return django_server_error(request)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """``handler400``: a session that could not be saved because the database
    went away (Django calls that ``SessionInterrupted``, a 400) gets the 503
    page; anything else Django's 400."""
    cause = _database_error_behind(exception)
    if cause is not None:
        return outage_response(request, cause)
    return django_bad_request(request, exception)


def _database_error_behind(error: BaseException | None) -> BaseException | None:
    for _ in range(5):  # SessionInterrupted <- UpdateError <- OperationalError
        if error is None or isinstance(error, DATABASE_ERRORS):
            return error
        error = error.__cause__ or error.__context__
    return None
