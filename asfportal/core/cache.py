"""Django's Redis cache backend, with one Redis client object per process and
no single point of failure.

**One client.** Django's ``RedisCacheClient`` builds a new ``redis.Redis``
object on every cache call (the connection pool is kept; the client object and
its table of response callbacks are not). On a cold directory page that was
about a tenth of the request (docs/performance.md, issue 14). A ``redis.Redis``
object is safe to share between threads (it takes a connection from its pool
per command), so one per pool is kept instead.

**Redis away.** The shared cache is an optimisation. When Redis cannot be
reached, a read is a miss, a write is dropped and ``incr`` raises
``ValueError`` as for a missing key; for ``RETRY_SECONDS`` after a failure
Redis is not asked at all (no connection attempt per call), and the log gets
one warning a minute, not one per request. ``shared_cache_available()`` tells
callers that must behave differently (the registry version, the rate limit).
Short socket timeouts keep an unanswering Redis from holding requests.
"""

import logging
import threading
import time
from collections.abc import Callable

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5.0  # after a failure, Redis is left alone this long
WARN_SECONDS = 60.0  # at most one warning this often
SOCKET_TIMEOUT = 0.5  # seconds to connect or to wait for an answer


class _Health:
    """Whether Redis answered lately; shared by every thread of the process."""

    def __init__(self):
        self.down_until = 0.0
        self.warned_at = float("-inf")
        self.failed_since_ok = False
        self.lock = threading.Lock()

    def available(self) -> bool:
        return time.monotonic() >= self.down_until

    def failed(self, error: Exception) -> None:
        now = time.monotonic()
        with self.lock:
            self.down_until = now + RETRY_SECONDS
            self.failed_since_ok = True
            warn = now - self.warned_at >= WARN_SECONDS
            if warn:
                self.warned_at = now
        if warn:
            logger.warning(
                "The shared cache (Redis) is unreachable; pages are served without it "
                "(next warning in a minute at the earliest): %s",
                error,
            )

    def answered(self) -> bool:
        """Note a successful call; True when it is the first after a failure."""
        if not self.failed_since_ok:
            return False
        with self.lock:
            recovered, self.failed_since_ok = self.failed_since_ok, False
        if recovered:
            logger.warning("The shared cache (Redis) answers again.")
        return recovered


_health: dict[tuple, _Health] = {}


def _guarded[T](name: str, fallback: Callable[..., T]) -> Callable:
    """Django's client method ``name``, answering ``fallback(*args)`` while
    Redis is away."""

    def method(self, *args, **kwargs) -> T:
        if not self._health.available():
            return fallback(*args, **kwargs)
        try:
            result = getattr(RedisCacheClient, name)(self, *args, **kwargs)
        except RedisError as error:
            self._health.failed(error)
            return fallback(*args, **kwargs)
        if self._health.answered():
            for listener in list(_recovery_listeners):
                listener()
        return result

    method.__name__ = name
    return method


def _missing_key(*_args):
    raise ValueError("The shared cache is unavailable.")


class KeptRedisCacheClient(RedisCacheClient):
    def __init__(self, servers, **options) -> None:
        options.setdefault("socket_connect_timeout", SOCKET_TIMEOUT)
        options.setdefault("socket_timeout", SOCKET_TIMEOUT)
        super().__init__(servers, **options)
        self._clients = {}
        self._health = _health.setdefault(tuple(servers), _Health())

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            pool = self._get_connection_pool(index)
            client = self._clients[index] = self._client(connection_pool=pool)
        return client

    # A read misses and a write is dropped while Redis is away.
    add = _guarded("add", lambda *_: False)
    get = _guarded("get", lambda _key, default: default)
    set = _guarded("set", lambda *_: None)
    touch = _guarded("touch", lambda *_: False)
    delete = _guarded("delete", lambda *_: False)
    get_many = _guarded("get_many", lambda *_: {})
    has_key = _guarded("has_key", lambda *_: False)
    incr = _guarded("incr", _missing_key)
    set_many = _guarded("set_many", lambda *_: [])
    delete_many = _guarded("delete_many", lambda *_: None)
    clear = _guarded("clear", lambda *_: False)


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._class = KeptRedisCacheClient


_recovery_listeners: list[Callable[[], None]] = []


def on_shared_cache_recovery(listener: Callable[[], None]) -> None:
    """Call ``listener`` in a process when Redis answers again after it failed
    there (the registry version is renewed this way)."""
    if listener not in _recovery_listeners:
        _recovery_listeners.append(listener)


def shared_cache_available() -> bool:
    """False for a few seconds after the shared cache failed in this process
    (always True for a cache that is not Redis)."""
    client = getattr(caches["default"], "_cache", None)
    return not isinstance(client, KeptRedisCacheClient) or client._health.available()
