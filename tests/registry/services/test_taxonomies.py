"""registry.services.taxonomies and the search text that depends on them."""

import pytest
from django.db import connection
from django.db.models.deletion import ProtectedError
from django.test.utils import CaptureQueriesContext

from registry.models import Area, Industry, SocialEnterprise
from registry.services.search import enterprises_refresh_search_documents
from registry.services.taxonomies import taxonomy_delete, taxonomy_save
from tests.factories import AreaFactory, EnterpriseFactory, IndustryFactory, OfferingFactory

pytestmark = pytest.mark.django_db


def enterprise_writes(queries) -> list[str]:
    return [q["sql"] for q in queries if q["sql"].startswith('UPDATE "registry_socialenterprise"')]


def test_renaming_an_industry_rebuilds_only_its_enterprises_in_one_update():
    industry = IndustryFactory(name="Trädgård")
    inside = [EnterpriseFactory(industries=[industry]) for _ in range(5)]
    outside = EnterpriseFactory(name="Cykelköket")
    before = outside.search_document
    industry.name = "Odling"

    with CaptureQueriesContext(connection) as queries:
        taxonomy_save(term=industry)

    assert len(enterprise_writes(queries)) == 1

    for enterprise in inside:
        enterprise.refresh_from_db()
        assert "odling" in enterprise.search_document
    outside.refresh_from_db()
    assert outside.search_document == before


def test_saving_an_industry_under_the_same_name_rebuilds_nothing():
    industry = IndustryFactory(name="Trädgård")
    EnterpriseFactory(industries=[industry])
    industry.slug = "ny-slug"
    with CaptureQueriesContext(connection) as queries:
        taxonomy_save(term=industry)
    assert enterprise_writes(queries) == []


def test_an_area_is_saved_without_touching_search_text():
    area = AreaFactory(name="Norrby")
    area.name = "Norra Norrby"
    taxonomy_save(term=area)
    assert Area.objects.get(pk=area.pk).name == "Norra Norrby"


def test_removing_an_industry_rebuilds_its_enterprises():
    industry = IndustryFactory(name="Trädgård")
    enterprise = EnterpriseFactory(industries=[industry])

    taxonomy_delete(term=industry)

    enterprise.refresh_from_db()
    assert "trädgård" not in enterprise.search_document
    assert not Industry.objects.filter(pk=industry.pk).exists()


def test_an_area_in_use_cannot_be_removed():
    area = AreaFactory()
    EnterpriseFactory(area=area)
    with pytest.raises(ProtectedError):
        taxonomy_delete(term=area)


def test_the_bulk_rebuild_gives_the_same_text_as_one_at_a_time():
    enterprise = EnterpriseFactory(name="Kafé Linden", industries=[IndustryFactory(name="Bageri")])
    OfferingFactory(enterprise=enterprise, description="I köket")
    single = SocialEnterprise.objects.get(pk=enterprise.pk).search_document
    SocialEnterprise.objects.filter(pk=enterprise.pk).update(search_document="")

    assert enterprises_refresh_search_documents(enterprise_ids=[enterprise.pk]) == 1

    assert SocialEnterprise.objects.get(pk=enterprise.pk).search_document == single
