"""Whole-page cache for the anonymous public registry pages.

A page is keyed by its full URL, the language, whether htmx asked for the
results fragment, and the registry version: a number every write to a registry
model bumps (see ``apps.py``), so an edit is visible at once and stale entries
simply stop being read. Only visitors without a session or pending messages
are served from or stored into the cache, so no page holding someone's
messages or form state is ever shared.
"""

import hashlib
import time
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

from asfportal.core.cache import on_shared_cache_recovery, shared_cache_available

VERSION_KEY = "registry:version"
# The address parameter that carries a browser's position (never cached).
PRIVATE_PARAMETER = "position"
# How long a page's last rendering is kept for a database outage.
LAST_COPY_SECONDS = 60 * 60 * 24


def registry_version(request: HttpRequest | None = None) -> int:
    """The current version; with ``request``, read once per request (the API's
    ETag, Last-Modified and page cache all need it).

    With the shared cache away no process can learn of another's writes, so
    every call gets a version of its own (negative, never a real one): the
    pages stay right, only nothing version-keyed is reused until it is back.
    """
    if request is not None and hasattr(request, "_registry_version"):
        return request._registry_version
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, _fresh_version(), timeout=None)
        version = cache.get(VERSION_KEY)
    if version is None:
        version = -time.time_ns()
    if request is not None:
        request._registry_version = version
    return version


def _fresh_version() -> int:
    """A first version above any an emptied cache may have handed out
    before (a process's directory index is keyed by it)."""
    return time.time_ns() // 1000


def _incr() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # never set, evicted or unreachable: a new, larger number
        cache.set(VERSION_KEY, _fresh_version(), timeout=None)


def new_registry_version() -> None:
    """A new version for everybody, above any before: after changes that did
    not go through the models' signals (a restore) or could not bump it (writes
    while the shared cache was away: each process that saw it fail calls this
    once it answers again)."""
    cache.set(VERSION_KEY, _fresh_version(), timeout=None)


on_shared_cache_recovery(new_registry_version)


def bump_registry_version(**_signal_kwargs) -> None:
    """Called after every save, delete and many-to-many change in the
    registry; again when its transaction commits, so a page or index read
    between the write and the commit is not kept as the new version's."""
    _incr()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_incr)


def _cacheable(request: HttpRequest) -> bool:
    cookies = request.COOKIES
    return (
        settings.PUBLIC_PAGE_CACHE_SECONDS > 0
        and shared_cache_available()
        and request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in cookies
        and "messages" not in cookies
        # A person's own position (the directory's "nearest first") is used
        # for their answer and kept nowhere, not even as a cached page.
        and PRIVATE_PARAMETER not in request.GET
    )


def _address(request: HttpRequest) -> list[str]:
    return [request.get_full_path(), get_language() or "", request.headers.get("HX-Request", "")]


def _key(request: HttpRequest) -> str:
    parts = [*_address(request), str(registry_version(request))]
    return "page:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _last_copy_key(request: HttpRequest) -> str:
    """The page's last rendering whatever the version: what is shown, with a
    notice, when the database is away (``last_copy``)."""
    return "page:last:" + hashlib.sha256("\n".join(_address(request)).encode()).hexdigest()


def last_copy(request: HttpRequest) -> HttpResponse | None:
    """The last rendering of this public page, or None (not a cacheable page,
    never rendered, or the shared cache away too)."""
    if not _cacheable(request):
        return None
    return cache.get(_last_copy_key(request))


def cache_public_page(view: Callable) -> Callable:
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        key = _key(request)
        cached = cache.get(key)
        if cached is not None:
            return cached
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.cookies and not response.streaming:
            cache.set(key, response, settings.PUBLIC_PAGE_CACHE_SECONDS)
            cache.set(_last_copy_key(request), response, LAST_COPY_SECONDS)
        return response

    return wrapper
