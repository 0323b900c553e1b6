import json
import re

import pytest
from django.urls import reverse

from registry.models import Criterion, PublicationStatus
from tests.factories import (
    EnterpriseFactory,
    OfferingFactory,
    PartnerFactory,
    PartnerTopicFactory,
    PlaceFactory,
    SessionFactory,
    TargetGroupFactory,
    VerificationFactory,
)

pytestmark = pytest.mark.django_db


def profile_url(enterprise) -> str:
    return reverse("registry:enterprise_detail", kwargs={"slug": enterprise.slug})


def test_profile_shows_offerings_referrers_contact_and_verification(client):
    enterprise = EnterpriseFactory(
        name="Returverket",
        org_number="5560360793",
        phone="08-123 45 67",
        latitude="59.168100",
        longitude="18.142900",
        is_example=True,
    )
    OfferingFactory(
        enterprise=enterprise,
        open_places=3,
        target_groups=[TargetGroupFactory(name="Nyanlända")],
        referrers=["arbetsformedlingen", "egen_anmalan"],
    )
    VerificationFactory(enterprise=enterprise, criterion=Criterion.PURPOSE)

    html = client.get(profile_url(enterprise)).content.decode()

    assert "Arbetsträning" in html
    assert "Nyanlända" in html
    assert "Arbetsförmedlingen, Egen anmälan" in html
    assert "556036-0793" in html
    assert "mlat=59.168100&amp;mlon=18.142900" in html
    assert "Det här företaget är påhittat" in html
    assert html.count("✓ Kontrollerat") == 1
    assert html.count("– Inte kontrollerat") == 3


def test_profile_carries_organization_json_ld(client):
    enterprise = EnterpriseFactory(name='Kafé "Kornet" </script>', email="hej@kornet.example")

    html = client.get(profile_url(enterprise)).content.decode()

    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(block)
    assert data["@type"] == "Organization"
    assert data["name"] == 'Kafé "Kornet" </script>'
    assert data["email"] == "hej@kornet.example"
    assert "</script>" not in block


@pytest.mark.parametrize("status", [PublicationStatus.DRAFT, PublicationStatus.ARCHIVED])
def test_unpublished_profiles_are_404_in_the_site_look(client, status):
    enterprise = EnterpriseFactory(status=status)
    response = client.get(profile_url(enterprise))
    assert response.status_code == 404
    assert "Sidan finns inte" in response.content.decode()


def test_unknown_profile_is_404(client):
    assert client.get("/foretag/finns-inte/").status_code == 404


@pytest.mark.parametrize("count", [5, 50])
def test_profile_query_count_is_the_same_for_5_and_50_enterprises(
    client, django_assert_num_queries, count
):
    group = TargetGroupFactory()
    enterprises = [EnterpriseFactory() for _ in range(count)]
    for enterprise in enterprises:
        OfferingFactory(enterprise=enterprise, target_groups=[group], referrers=["egen_anmalan"])
        OfferingFactory(enterprise=enterprise, kind="praktik")
    # row, industries, languages, offerings, target groups, referrers, verifications
    with django_assert_num_queries(7):
        response = client.get(profile_url(enterprises[-1]))
    assert response.context["enterprise"] == enterprises[-1]


def test_english_profile_has_english_interface(client):
    enterprise = EnterpriseFactory()
    html = client.get("/en" + profile_url(enterprise)).content.decode()
    assert '<html lang="en">' in html
    assert "The details were checked by the municipality on" in html


def test_partner_list_filters_by_topic_and_ignores_unknown_topic(client):
    starter = PartnerFactory(name="Coompanion")
    PartnerTopicFactory(partner=starter, topic="starta")
    PartnerFactory(name="Försäkringskassan")
    url = reverse("registry:partner_list")

    filtered = client.get(url, {"hjalp": "starta"}).content.decode()
    unknown = client.get(url, {"hjalp": "<x>"}).content.decode()

    assert "Coompanion" in filtered and "Försäkringskassan" not in filtered
    assert "Det ämnet finns inte" in unknown and "Försäkringskassan" in unknown


def test_partner_detail_shows_places_hours_and_only_upcoming_sessions(
    client, django_assert_max_num_queries
):
    place = PlaceFactory(name="Huvudbiblioteket", opening_hours="Tisdagar 13–16")
    SessionFactory(place=place, title="Drop-in i december")
    past = SessionFactory.build(place=place, title="Gammalt tillfälle")
    past.starts_at = past.starts_at.replace(year=2020)
    past.ends_at = past.ends_at.replace(year=2020)
    past.save()

    with django_assert_max_num_queries(4):
        response = client.get(place.partner.get_absolute_url())

    html = response.content.decode()
    assert "Huvudbiblioteket" in html
    assert "Tisdagar 13–16" in html
    assert "Drop-in i december" in html
    assert "Gammalt tillfälle" not in html


def test_partner_list_query_count_is_fixed(client, django_assert_num_queries):
    for _ in range(6):
        PlaceFactory(partner=PartnerTopicFactory().partner)
    with django_assert_num_queries(3):
        client.get(reverse("registry:partner_list"))


def test_unknown_partner_is_404(client):
    assert client.get("/partner/finns-inte/").status_code == 404
