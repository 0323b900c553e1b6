"""Anonymous public registry pages come from the cache until a registry write."""

import pytest
from django.urls import reverse

from registry.models import SocialEnterprise
from tests.factories import EnterpriseFactory, PartnerFactory, UserFactory

pytestmark = pytest.mark.django_db
URL = reverse("registry:enterprise_list")


def test_repeat_view_costs_no_queries(client, django_assert_num_queries):
    EnterpriseFactory(name="Alfa")
    first = client.get(URL, {"q": "alfa"})
    with django_assert_num_queries(0):
        second = client.get(URL, {"q": "alfa"})
    assert second.content == first.content
    assert "Content-Security-Policy" in second


def test_an_edit_is_visible_at_once(client):
    enterprise = EnterpriseFactory(name="Alfa")
    assert "Alfa" in client.get(enterprise.get_absolute_url()).text
    enterprise.name = "Alfa Omega"
    enterprise.save()
    assert "Alfa Omega" in client.get(enterprise.get_absolute_url()).text
    assert "Alfa Omega" in client.get(URL).text


def test_a_many_to_many_change_is_visible_at_once(client):
    partner = PartnerFactory(name="Coompanion")
    client.get(reverse("registry:partner_list"), {"hjalp": "starta"})
    partner.topics.create(topic="starta")
    assert "Coompanion" in client.get(reverse("registry:partner_list"), {"hjalp": "starta"}).text


def test_language_and_htmx_fragment_are_cached_apart(client):
    EnterpriseFactory(name="Alfa")
    swedish = client.get(URL).text
    english = client.get("/en" + URL).text
    fragment = client.get(URL, headers={"HX-Request": "true"}).text
    assert '<html lang="sv">' in swedish and '<html lang="en">' in english
    assert "<html" not in fragment


def test_logged_in_visitors_are_never_served_from_the_cache(client):
    enterprise = EnterpriseFactory(name="Alfa")
    profile = enterprise.get_absolute_url()
    client.get(profile)
    # update() sends no signal, so the anonymous copy goes stale on purpose here.
    SocialEnterprise.objects.filter(pk=enterprise.pk).update(name="Beta")
    assert "Alfa" in client.get(profile).text
    client.force_login(UserFactory())
    assert "Beta" in client.get(profile).text


def test_drafts_and_missing_pages_are_not_cached(client):
    enterprise = EnterpriseFactory(name="Alfa", status="draft")
    assert client.get(enterprise.get_absolute_url()).status_code == 404
    SocialEnterprise.objects.filter(pk=enterprise.pk).update(status="published")
    assert client.get(enterprise.get_absolute_url()).status_code == 200


def test_cache_can_be_turned_off(client, settings, django_assert_max_num_queries):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    profile = EnterpriseFactory(name="Alfa").get_absolute_url()
    client.get(profile)
    with django_assert_max_num_queries(7) as queries:
        client.get(profile)
    assert len(queries) > 0
