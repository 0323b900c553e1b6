"""asfportal.core.cache: Django's Redis cache backend keeping one client object
per process, against a real Redis server."""

import pytest
from redis.exceptions import ConnectionError as RedisConnectionError

from asfportal.core.cache import RedisCache
from tests.redisserver import RedisServer


@pytest.fixture
def redis_server():
    with RedisServer() as server:
        yield server


def test_every_call_uses_the_same_client_object(redis_server):
    cache = RedisCache(redis_server.url, {})
    client = cache._cache.get_client()
    cache.set("greeting", {"sv": "hej"})
    cache.set_many({"a": 1, "b": 2})
    assert cache.get("greeting") == {"sv": "hej"}
    assert cache.get_many(["a", "b", "missing"]) == {"a": 1, "b": 2}
    assert cache.incr("a") == 2
    assert cache._cache.get_client("a", write=True) is client


def test_the_kept_client_works_again_after_redis_restarts(redis_server):
    cache = RedisCache(redis_server.url, {})
    cache.set("before", 1)
    redis_server.stop()
    with pytest.raises(RedisConnectionError):
        cache.get("before")
    redis_server.start()  # the same port, empty: it keeps nothing on disk
    cache.set("after", 2)
    assert cache.get("after") == 2
    assert cache.get("before") is None
