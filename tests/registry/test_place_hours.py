"""A place's regular hours as rules (asfportal.core.hours): typed as Swedish
lines by advisors, shown in the reader's language, never contradicted by the
sessions shown beside them, and published as HSDS schedules."""

import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from asfportal.core import hours
from registry.models import Place, Session
from registry.services.partners import session_create
from tests.demo_content import load_demo_content
from tests.factories import PartnerFactory, PlaceFactory, SessionFactory
from tests.registry.staff.test_partners import partner_data, sessions_post

pytestmark = pytest.mark.django_db
ZONE = zoneinfo.ZoneInfo("Europe/Stockholm")
FIRST_TUESDAY = hours.parse("Första tisdagen i månaden 13–16, drop-in")


def at(day: datetime.date, hour: int) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=ZONE)


def first_tuesday_after(day: datetime.date) -> datetime.date:
    return hours.next_occurrences(FIRST_TUESDAY, day, 1)[0][0]


def test_a_session_outside_the_places_hours_is_refused_with_the_hours_named():
    place = PlaceFactory(name="Huvudbiblioteket", hours=FIRST_TUESDAY)
    day = first_tuesday_after(datetime.date.today() + datetime.timedelta(days=1))

    session_create(place=place, title="Drop-in", starts_at=at(day, 13), ends_at=at(day, 16))
    with pytest.raises(ValidationError) as refused:
        later = day + datetime.timedelta(days=14)  # the third Tuesday
        session_create(place=place, title="Fel", starts_at=at(later, 13), ends_at=at(later, 16))

    assert Session.objects.count() == 1
    message = refused.value.message_dict["starts_at"][0]
    assert "Huvudbiblioteket: Första tisdagen i månaden 13.00–16.00 (drop-in)" in message


def test_a_place_without_hours_takes_any_session():
    place = PlaceFactory(hours=[])
    starts = at(datetime.date.today() + datetime.timedelta(days=3), 9)

    session = session_create(
        place=place, title="Öppet", starts_at=starts, ends_at=starts + datetime.timedelta(hours=1)
    )

    assert session.pk


def test_new_hours_that_leave_an_upcoming_session_outside_are_refused():
    day = first_tuesday_after(datetime.date.today() + datetime.timedelta(days=1))
    place = PlaceFactory(hours=FIRST_TUESDAY)
    SessionFactory(place=place, starts_at=at(day, 13), ends_at=at(day, 16))

    place.hours = hours.parse("Onsdag 13–16")
    with pytest.raises(ValidationError) as refused:
        place.full_clean()

    assert "1 kommande tillfälle stämmer inte med de nya tiderna" in str(refused.value)


def test_advisors_type_the_hours_and_get_a_plain_error_for_a_line_they_mistyped(
    advisor_client,
):
    data = partner_data(
        **{
            "places-0-name": "Biblioteket",
            "places-0-hours": "Måndag–torsdag 8–16.30\nFredag 8–15",
            "places-0-opening_hours": "Stängt i juli.",
        }
    )
    advisor_client.post(reverse("registry_staff:partner_create"), data)
    place = Place.objects.get()
    bad = partner_data(**{"places-0-name": "Annat", "places-0-hours": "tisdaggar 13–16"})
    bad["name"] = "Annan partner"

    refused = advisor_client.post(reverse("registry_staff:partner_create"), bad)
    edit = advisor_client.get(reverse("registry_staff:partner_edit", args=[place.partner_id]))

    assert [rule["byday"] for rule in place.hours] == [["MO", "TU", "WE", "TH"], ["FR"]]
    assert place.opening_hours == "Stängt i juli."
    assert refused.status_code == 400
    assert "Rad 1: vi förstår inte ”tisdaggar”." in refused.content.decode()
    assert "Måndag–torsdag 8.00–16.30\nFredag 8.00–15.00</textarea>" in edit.content.decode()


def test_the_sessions_page_refuses_a_session_outside_the_hours(advisor_client):
    day = first_tuesday_after(datetime.date.today() + datetime.timedelta(days=1))
    place = PlaceFactory(hours=FIRST_TUESDAY)
    session = SessionFactory(place=place, starts_at=at(day, 13), ends_at=at(day, 16))
    wednesday = day + datetime.timedelta(days=1)
    data = sessions_post(
        place,
        [session],
        **{
            "sessions-0-starts_at": f"{wednesday:%Y-%m-%d}T13:00",
            "sessions-0-ends_at": f"{wednesday:%Y-%m-%d}T16:00",
        },
    )
    data["version"] = str(place.partner.version)

    response = advisor_client.post(
        reverse("registry_staff:partner_sessions", args=[place.partner_id]), data
    )

    assert response.status_code == 400
    assert "Tillfället stämmer inte med tiderna för" in response.content.decode()
    session.refresh_from_db()
    assert session.starts_at == at(day, 13)


def test_the_partner_page_shows_the_hours_in_the_readers_language(client):
    partner = PartnerFactory(slug="start")
    PlaceFactory(
        partner=partner,
        hours=hours.parse("Varannan onsdag 17–19 från 2026-12-09"),
        opening_hours="",
    )

    swedish = client.get(partner.get_absolute_url()).text
    english = client.get("/en" + partner.get_absolute_url()).text

    assert "<li>Varannan onsdag 17.00–19.00</li>" in swedish
    assert "17:00–19:00" in english


def test_the_open_data_publishes_the_hours_as_recurring_schedules(client):
    partner = PartnerFactory(slug="start")
    place = PlaceFactory(partner=partner, hours=FIRST_TUESDAY, opening_hours="Stängt i juli.")

    data = client.get(f"/api/hsds/organizations/{partner.uuid}").json()

    (location,) = data["locations"]
    rule, note = location["schedules"]
    assert (rule["freq"], rule["byday"], rule["opens_at"], rule["closes_at"]) == (
        "MONTHLY",
        "1TU",
        "13:00",
        "16:00",
    )
    assert rule["location_id"] == str(place.uuid)
    assert note["description"] == "Stängt i juli."


def test_every_demo_session_falls_within_its_places_hours_and_the_page_agrees(client):
    """The contradiction the issue found ("Första tisdagen 13–16" beside a
    session on the third Tuesday) cannot come back in the demo."""
    load_demo_content()

    sessions = list(Session.objects.select_related("place", "place__partner"))

    assert len(sessions) >= 4
    for session in sessions:
        assert session.place.hours, session.place.name
        assert hours.fits(session.place.hours, session.starts_at, session.ends_at), session
    for place in Place.objects.exclude(hours=[]).select_related("partner"):
        html = client.get(place.partner.get_absolute_url()).text
        for line in hours.describe_all(place.hours):
            assert f"<li>{line}</li>" in html, (place.name, line)


def test_hours_longer_than_a_page_are_refused_before_they_are_read():
    from registry.staff.forms import HoursField

    field = HoursField(required=False)

    with pytest.raises(ValidationError) as refused:
        field.clean("Måndag 9–12\n" * 100)

    assert refused.value.messages == ["Skriv högst 1000 tecken. Nu är det 1199."]
    assert [rule["byday"] for rule in field.clean("Måndag 9–12")] == [["MO"]]
