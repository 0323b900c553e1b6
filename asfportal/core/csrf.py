"""CSRF protection for pages sent with ``Referrer-Policy: no-referrer``.

Such a page's own forms reach us with ``Origin: null`` and no Referer, which
Django's origin and Referer checks refuse. ``no_referrer_csrf`` keeps the CSRF
token check (cookie and form) and replaces those two with the browser's
``Sec-Fetch-Site`` header: a POST must come from this site itself. (A browser
too old to send the header still needs the token, which another site cannot
read.) Use it together with ``csrf_exempt``, so the site-wide check steps aside:

    @csrf_exempt
    @no_referrer_csrf
    def view(request): ...
"""

from django.middleware.csrf import CsrfViewMiddleware, RejectRequest
from django.utils.decorators import decorator_from_middleware


def _same_site(request) -> bool:
    return request.META.get("HTTP_SEC_FETCH_SITE", "same-origin") == "same-origin"


class NoReferrerCsrfMiddleware(CsrfViewMiddleware):
    def _origin_verified(self, request) -> bool:
        if request.META.get("HTTP_ORIGIN") == "null":
            return _same_site(request)
        return super()._origin_verified(request)

    def _check_referer(self, request) -> None:
        if request.META.get("HTTP_REFERER"):
            return super()._check_referer(request)
        if not _same_site(request):
            raise RejectRequest("Sec-Fetch-Site says the form came from another site.")
        return None


no_referrer_csrf = decorator_from_middleware(NoReferrerCsrfMiddleware)
