"""The advisors' partner pages: partners with their places and dated sessions."""

import pytest
from django.urls import reverse
from django.utils import timezone

from registry.models import Partner, Session
from registry.services.partners import partner_save
from tests.factories import PartnerFactory, PlaceFactory, SessionFactory

pytestmark = pytest.mark.django_db


def partner_data(partner=None, **overrides):
    places = list(partner.places.all()) if partner else []
    data = {
        "name": partner.name if partner else "Coompanion",
        "kind": "stodorganisation",
        "summary": partner.summary if partner else "Rådgivning om kooperativ.",
        "description": "",
        "website": "",
        "email": "",
        "phone": "",
        "topics": ["starta"],
        "version": str(partner.version if partner else 1),
        "places-TOTAL_FORMS": str(len(places) + 1),
        "places-INITIAL_FORMS": str(len(places)),
        "places-MIN_NUM_FORMS": "0",
        "places-MAX_NUM_FORMS": "30",
    }
    for index, place in enumerate(places):
        data |= {f"places-{index}-id": str(place.pk), f"places-{index}-name": place.name}
    data.update(overrides)
    return data


def test_create_partner_with_a_place(advisor_client):
    data = partner_data(**{"places-0-name": "Biblioteket", "places-0-city": "Exempelby"})

    response = advisor_client.post(reverse("registry_staff:partner_create"), data)

    partner = Partner.objects.get(name="Coompanion")
    assert response["Location"] == reverse("registry_staff:partner_edit", args=[partner.pk])
    assert [t.topic for t in partner.topics.all()] == ["starta"]
    assert partner.places.get().city == "Exempelby"


def test_partner_edit_refuses_a_stale_version(advisor_client):
    partner = PartnerFactory()
    partner_save(partner=partner, expected_version=1, fields={"summary": "Ny"}, topics=[])

    response = advisor_client.post(
        reverse("registry_staff:partner_edit", args=[partner.pk]),
        partner_data(partner, summary="Min ändring", version="1"),
    )

    partner.refresh_from_db()
    assert response.status_code == 400
    assert partner.summary == "Ny"
    assert "Någon annan sparade partnern" in response.content.decode()


def test_sessions_are_added_changed_and_checked(advisor_client):
    place = PlaceFactory()
    session = SessionFactory(place=place, title="Gammal rubrik")
    url = reverse("registry_staff:partner_sessions", args=[place.partner.pk])
    base = {
        "version": "1",
        "sessions-TOTAL_FORMS": "2",
        "sessions-INITIAL_FORMS": "1",
        "sessions-MIN_NUM_FORMS": "0",
        "sessions-MAX_NUM_FORMS": "100",
        "sessions-0-id": str(session.pk),
        "sessions-0-place": str(place.pk),
        "sessions-0-title": "Ny rubrik",
        "sessions-0-starts_at": "2026-12-01T10:00",
        "sessions-0-ends_at": "2026-12-01T12:00",
        "sessions-1-place": str(place.pk),
        "sessions-1-title": "Rådgivning",
        "sessions-1-starts_at": "2026-12-08T10:00",
        "sessions-1-ends_at": "2026-12-08T09:00",  # ends before it starts
    }

    refused = advisor_client.post(url, base)
    base["sessions-1-ends_at"] = "2026-12-08T12:00"
    base["version"] = "1"
    saved = advisor_client.post(url, base)

    assert refused.status_code == 400
    assert "Tillfället måste sluta efter att det har börjat" in refused.content.decode()
    assert saved.status_code == 302
    assert sorted(Session.objects.values_list("title", flat=True)) == ["Ny rubrik", "Rådgivning"]


def test_sessions_refuse_another_partners_place(advisor_client):
    place = PlaceFactory()
    foreign = PlaceFactory()
    url = reverse("registry_staff:partner_sessions", args=[place.partner.pk])

    response = advisor_client.post(
        url,
        {
            "version": "1",
            "sessions-TOTAL_FORMS": "1",
            "sessions-INITIAL_FORMS": "0",
            "sessions-0-place": str(foreign.pk),
            "sessions-0-title": "Smyg",
            "sessions-0-starts_at": "2026-12-01T10:00",
            "sessions-0-ends_at": "2026-12-01T12:00",
        },
    )

    assert response.status_code == 400
    assert not Session.objects.exists()


@pytest.mark.parametrize("rows", [2, 20])
def test_partner_list_query_count_is_fixed(advisor_client, rows, django_assert_max_num_queries):
    for _ in range(rows):
        SessionFactory(place=PlaceFactory())
    advisor_client.get(reverse("registry_staff:partner_list"))

    with django_assert_max_num_queries(7):
        response = advisor_client.get(reverse("registry_staff:partner_list"))

    assert response.content.decode().count("Ja</td>") == rows  # upcoming sessions


def sessions_post(place, sessions, **changes):
    data = {
        "sessions-TOTAL_FORMS": str(len(sessions)),
        "sessions-INITIAL_FORMS": str(len(sessions)),
        "sessions-MIN_NUM_FORMS": "0",
        "sessions-MAX_NUM_FORMS": "100",
    }
    for index, session in enumerate(sessions):
        local = timezone.localtime
        data |= {
            f"sessions-{index}-id": str(session.pk),
            f"sessions-{index}-place": str(place.pk),
            f"sessions-{index}-title": session.title,
            f"sessions-{index}-starts_at": f"{local(session.starts_at):%Y-%m-%dT%H:%M}",
            f"sessions-{index}-ends_at": f"{local(session.ends_at):%Y-%m-%dT%H:%M}",
            f"sessions-{index}-description": session.description,
        }
    data.update(changes)
    return data


def test_saving_stale_sessions_is_refused_and_keeps_the_colleagues_change(
    advisor_client, client, other_advisor
):
    place = PlaceFactory()
    first = SessionFactory(place=place, title="Första")
    second = SessionFactory(place=place, title="Andra")
    sessions = list(Session.objects.order_by("starts_at", "pk"))
    index = {s.pk: i for i, s in enumerate(sessions)}
    url = reverse("registry_staff:partner_sessions", args=[place.partner.pk])
    mine = sessions_post(place, sessions, version="1")
    mine[f"sessions-{index[second.pk]}-title"] = "Min ändring"
    theirs = sessions_post(place, sessions, version="1")
    theirs[f"sessions-{index[first.pk]}-title"] = "Ändrad av en kollega"
    client.force_login(other_advisor)
    client.post(url, theirs)

    response = advisor_client.post(url, mine)

    titles = dict(Session.objects.values_list("pk", "title"))
    assert response.status_code == 400
    assert "Någon annan sparade partnern" in response.content.decode()
    assert titles == {first.pk: "Ändrad av en kollega", second.pk: "Andra"}


@pytest.mark.parametrize("rows", [2, 20])
def test_sessions_page_query_count_is_fixed(advisor_client, rows, django_assert_max_num_queries):
    place = PlaceFactory()
    SessionFactory.create_batch(rows, place=place)
    url = reverse("registry_staff:partner_sessions", args=[place.partner.pk])
    advisor_client.get(url)

    with django_assert_max_num_queries(10):
        response = advisor_client.get(url)

    assert response.content.decode().count(f'<option value="{place.pk}" selected>') == rows
