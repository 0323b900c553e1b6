import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.template.loader import render_to_string
from django.utils.translation import gettext as _


class RejectNulBytesMiddleware:
    """Answer 400 when a query parameter holds a NUL byte.

    PostgreSQL cannot store or compare text containing NUL, so such a value would
    otherwise fail deep inside a query. No legitimate link carries one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if any("\x00" in key or "\x00" in value for key, value in _pairs(request)):
            body = render_to_string(
                "400.html",
                {"reason": _("Adressen innehåller tecken som inte är tillåtna.")},
                request=None,
            )
            return HttpResponseBadRequest(body)
        return self.get_response(request)


def _pairs(request: HttpRequest):
    for key, values in request.GET.lists():
        for value in values:
            yield key, value


class StaffIdleTimeoutMiddleware:
    """End a signed-in session after ``STAFF_IDLE_MINUTES`` without a request.

    The time of the last request is kept in the session; it is written at most
    once a minute, so an active advisor does not cost a session write per page.
    """

    KEY = "staff_last_seen"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            expired = self._touch(request)
            if expired:
                return expired
        return self.get_response(request)

    def _touch(self, request: HttpRequest) -> HttpResponse | None:
        limit = settings.STAFF_IDLE_MINUTES * 60
        now = int(time.time())
        last_seen = request.session.get(self.KEY)
        if isinstance(last_seen, int) and now - last_seen > limit:
            logout(request)
            messages.info(
                request,
                _("Du loggades ut eftersom du inte hade gjort något på %(minutes)s minuter.")
                % {"minutes": settings.STAFF_IDLE_MINUTES},
            )
            return redirect_to_login(request.get_full_path())
        if not isinstance(last_seen, int) or now - last_seen >= 60:
            request.session[self.KEY] = now
            request.session.set_expiry(limit)
        return None
