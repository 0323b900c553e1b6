"""A fixed-window rate limit for public forms, kept in the shared cache (Redis in
production), so every web process counts the same sends.

With the shared cache away the limit is counted in each process instead (the
``local`` cache): it still stops a flood from one address, only each web
process then allows the hourly number. Failing open would let a bot through
exactly while the site is weakest; failing closed would refuse every citizen.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache, caches
from django.http import HttpRequest

from asfportal.core.cache import shared_cache_available


def client_address(request: HttpRequest) -> str:
    """The sender's address. Behind our own proxy the last X-Forwarded-For entry
    is the one the proxy added; anything before it the client could forge."""
    if settings.TRUST_X_FORWARDED_FOR:
        forwarded = request.headers.get("X-Forwarded-For", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def allow(request: HttpRequest, scope: str, per_hour: int | None = None) -> bool:
    """Count one send for this address; False once it is over the hourly limit.

    The address is hashed, so the cache holds no IP addresses in clear text.
    """
    limit = settings.PUBLIC_FORM_RATE_PER_HOUR if per_hour is None else per_hour
    return allow_key(scope, client_address(request), limit)


def allow_key(scope: str, identity: str, per_hour: int) -> bool:
    """Count one use for ``identity`` (an address, an e-mail address, a record
    id) within ``scope``; False once it is over ``per_hour``. Hashed, so the
    cache holds no personal data in clear text."""
    limit = per_hour
    window = int(time.time() // 3600)
    digest = hashlib.sha256(f"{scope}:{identity}".encode()).hexdigest()[:32]
    key = f"ratelimit:{scope}:{window}:{digest}"
    count = _count(cache, key) if shared_cache_available() else None
    if count is None or not shared_cache_available():  # away, or went away just now
        count = _count(caches["local"], key)
    return count <= limit


def _count(store, key: str) -> int:
    store.add(key, 0, timeout=3700)
    try:
        return store.incr(key)
    except ValueError:  # evicted between add and incr (or unreachable): the first
        store.set(key, 1, timeout=3700)
        return 1
