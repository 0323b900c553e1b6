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
