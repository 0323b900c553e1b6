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
    # "Egen anmälan" in words a citizen knows.
    assert "Du kan höra av dig direkt till företaget." in html
    assert "Du kan också komma hit genom: Arbetsförmedlingen." in html
    assert "Egen anmälan" not in html
    assert "556036-0793" in html
    # No raw coordinates, but the way there on a map.
    assert "Koordinater" not in html and "59.168100, 18.142900" not in html
    assert "openstreetmap.org/directions?route=%3B59.168100%2C18.142900" in html
    assert "Det här företaget är påhittat" in html


def test_profile_criteria_have_three_states_and_none_reads_as_a_warning(client):
    enterprise = EnterpriseFactory()
    VerificationFactory(enterprise=enterprise, criterion=Criterion.PURPOSE)
    VerificationFactory(enterprise=enterprise, criterion=Criterion.REINVESTMENT, verified=False)
    VerificationFactory(enterprise=enterprise, criterion=Criterion.INDEPENDENCE, verified=None)

    html = client.get(profile_url(enterprise)).content.decode()

    assert html.count("criteria__item--uppfyllt") == 1
    assert html.count("criteria__item--inte_uppfyllt") == 1
    assert html.count("criteria__item--inte_bedomt") == 2
    assert html.count("Inte bedömt ännu") == 2
    assert "✓ Uppfyllt" in html and "✗ Inte uppfyllt" in html
    criteria = html.split('<ul class="criteria">')[1].split("</ul>")[0]
    assert "Inte kontrollerat" not in html and "–" not in criteria


def test_profile_puts_the_contact_first_with_one_action_and_terms_explained(client):
    enterprise = EnterpriseFactory(
        name="Bageriet",
        phone="08-570 90 85",
        legal_form="aktiebolag_svb",
        lou_share_percent=45,
        skoopi_certified_on="2025-01-01",
    )
    OfferingFactory(enterprise=enterprise)

    html = client.get(profile_url(enterprise)).content.decode()

    main = html.split('<main id="main"', 1)[1]
    assert main.index("Kontakta Bageriet") < main.index("Det här kan du få")
    assert main.count('class="btn btn-primary btn-lg contact-box__action"') == 1
    assert 'href="tel:085709085">Ring 08-570 90 85</a>' in main
    professionals = main.split('id="professionals-heading"', 1)[1]
    assert "Svb betyder särskild vinstutdelningsbegränsning" in professionals
    assert "Skoopi är branschorganisationen" in professionals
    assert "LOU 4 kap. 18 §" in professionals
    assert "LOU" not in main.split('id="professionals-heading"', 1)[0]


@pytest.mark.parametrize(
    ("fields", "action"),
    [
        ({"phone": "", "email": "hej@ex.se"}, 'href="mailto:hej@ex.se">Skicka ett mejl</a>'),
        (
            {"phone": "", "email": "", "website": "https://ex.se/"},
            'href="https://ex.se/">Gå till företagets webbplats</a>',
        ),
    ],
)
def test_profile_offers_the_next_best_way_without_a_phone(client, fields, action):
    enterprise = EnterpriseFactory(**fields)

    html = client.get(profile_url(enterprise)).content.decode()

    assert action in html


def test_profile_from_an_advice_result_offers_the_way_back(client):
    enterprise = EnterpriseFactory()

    came = client.get(profile_url(enterprise), {"fran": "jobba"}).content.decode()
    plain = client.get(profile_url(enterprise)).content.decode()
    odd = client.get(profile_url(enterprise), {"fran": "<script>"}).content.decode()

    assert (
        '<a class="back-link" href="/vagledning/jobba/resultat/">Tillbaka till ditt resultat</a>'
        in came
    )
    assert "Tillbaka till ditt resultat" not in plain
    assert "Tillbaka till ditt resultat" not in odd
    assert 'class="breadcrumb"' in plain and 'class="breadcrumb"' not in came
    assert f'<link rel="canonical" href="{profile_url(enterprise)}">' in came


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
