"""asfportal.core.env: typed readers that refuse what they cannot read."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from asfportal.core import env


def test_env_helpers_fail_loudly(monkeypatch):
    monkeypatch.setenv("X_BOOL", "ture")
    monkeypatch.setenv("X_INT", "tio")
    with pytest.raises(ImproperlyConfigured):
        env.env_bool("X_BOOL")
    with pytest.raises(ImproperlyConfigured):
        env.env_int("X_INT", 1)
    monkeypatch.setenv("X_LIST", "a.se, b.se,")
    assert env.env_list("X_LIST", []) == ["a.se", "b.se"]
