"""Django's Redis cache backend, with one Redis client object per process.

Django's ``RedisCacheClient`` builds a new ``redis.Redis`` object on every cache
call (the connection pool is kept; the client object and its table of response
callbacks are not). On a cold directory page that was about a tenth of the
request (docs/performance.md, issue 14). A ``redis.Redis`` object is safe to share
between threads (it takes a connection from its pool per command), so one per
pool is kept instead. Everything else is Django's backend unchanged.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class KeptRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            pool = self._get_connection_pool(index)
            client = self._clients[index] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._class = KeptRedisCacheClient
