"""asfportal.core.cache: Django's Redis cache backend keeping one client object
per process and surviving Redis going away, against real Redis servers."""

import logging

import pytest

from asfportal.core import cache as shared
from asfportal.core.cache import RedisCache
from tests.mailserver import free_port
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


def test_with_redis_away_reads_miss_writes_are_dropped_and_it_comes_back(redis_server, monkeypatch):
    monkeypatch.setattr(shared, "RETRY_SECONDS", 0.0)  # ask Redis again at once
    recovered = []
    monkeypatch.setattr(shared, "_recovery_listeners", [lambda: recovered.append(1)])
    cache = RedisCache(redis_server.url, {})
    cache.set("before", 1)
    redis_server.stop()

    assert cache.get("before", "default") == "default"
    assert cache.get_many(["before"]) == {}
    assert cache.add("new", 1) is False
    cache.set("dropped", 1)  # no error
    with pytest.raises(ValueError, match="unavailable"):
        cache.incr("before")

    redis_server.start()  # the same port, empty: it keeps nothing on disk
    cache.set("after", 2)
    assert cache.get("after") == 2
    assert cache.get("before") is None
    assert recovered == [1]  # the first call that worked again told the listeners, once


def test_a_closed_port_costs_one_warning_and_no_attempt_for_a_while(caplog, monkeypatch):
    cache = RedisCache(f"redis://127.0.0.1:{free_port()}/0", {})
    attempts = []
    real_get = shared.RedisCacheClient.get
    monkeypatch.setattr(
        shared.RedisCacheClient, "get", lambda *a: attempts.append(1) or real_get(*a)
    )
    with caplog.at_level(logging.WARNING, logger="asfportal.core.cache"):
        for _ in range(20):
            assert cache.get("anything") is None
    warnings = [r for r in caplog.records if r.name == "asfportal.core.cache"]
    assert len(warnings) == 1
    assert "unreachable" in warnings[0].getMessage()
    assert attempts == [1]  # after the first failure Redis is left alone
