"""asfportal.core.ordering: an order described by sort keys."""

import datetime

import pytest

from asfportal.core.ordering import SortKey, ordered
from registry.models import SocialEnterprise
from tests.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db


def test_keys_order_the_queryset_with_nulls_last_whichever_the_direction():
    EnterpriseFactory(name="B", last_checked=datetime.date(2026, 1, 2))
    EnterpriseFactory(name="A", last_checked=None)
    EnterpriseFactory(name="C", last_checked=datetime.date(2026, 3, 4))
    newest = [SortKey("last_checked", descending=True, nullable=True), SortKey("pk")]
    oldest = [SortKey("last_checked", nullable=True), SortKey("pk")]

    assert [e.name for e in ordered(SocialEnterprise.objects.all(), newest)] == ["C", "B", "A"]
    assert [e.name for e in ordered(SocialEnterprise.objects.all(), oldest)] == ["B", "C", "A"]
