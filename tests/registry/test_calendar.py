"""Partners' sessions as iCalendar feeds (read back with icalendar) and as
schema.org Events on the partner page."""

import datetime
import json
import re
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from tests.factories import PartnerFactory, PlaceFactory, SessionFactory

pytestmark = pytest.mark.django_db

STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")


@pytest.fixture
def partner_with_sessions():
    partner = PartnerFactory(name="Coompanion Exempel", slug="coompanion")
    place = PlaceFactory(
        partner=partner,
        name="Stadsbiblioteket",
        street_address="Biblioteksgatan 1",
        postal_code="123 45",
        city="Exempelby",
    )
    soon = timezone.now() + datetime.timedelta(days=3)
    winter = datetime.datetime(soon.year + 1, 1, 14, 13, 0, tzinfo=STOCKHOLM)
    summer = datetime.datetime(soon.year + 1, 6, 10, 9, 30, tzinfo=STOCKHOLM)
    sessions = [
        SessionFactory(place=place, title="Rådgivning om att starta", starts_at=winter),
        SessionFactory(
            place=place,
            title="Frågestund",
            starts_at=summer,
            ends_at=summer + datetime.timedelta(minutes=90),
        ),
    ]
    SessionFactory(  # over: not in any feed
        place=place,
        starts_at=timezone.now() - datetime.timedelta(days=2),
        ends_at=timezone.now() - datetime.timedelta(days=2, hours=-1),
    )
    return partner, sessions


def read(response) -> Calendar:
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def test_a_partner_feed_has_its_upcoming_sessions_in_swedish_time(client, partner_with_sessions):
    partner, (winter, _summer) = partner_with_sessions

    feed = read(client.get(reverse("registry:partner_calendar", args=[partner.slug])))

    events = sorted(feed.walk("VEVENT"), key=lambda e: e.decoded("dtstart"))
    assert [str(e["summary"]) for e in events] == [
        "Rådgivning om att starta – Coompanion Exempel",
        "Frågestund – Coompanion Exempel",
    ]
    start, end = events[1].decoded("dtstart"), events[1].decoded("dtend")
    assert (start.hour, start.minute, end.hour, end.minute) == (9, 30, 11, 0)
    assert str(start.tzinfo) == "Europe/Stockholm"
    assert events[1]["dtstart"].params["TZID"] == "Europe/Stockholm"
    assert events[0].decoded("dtstart").utcoffset() == datetime.timedelta(hours=1)  # winter
    assert start.utcoffset() == datetime.timedelta(hours=2)  # summer
    assert [tz["tzid"] for tz in feed.walk("VTIMEZONE")] == ["Europe/Stockholm"]
    assert str(events[0]["location"]) == "Stadsbiblioteket, Biblioteksgatan 1, 123 45 Exempelby"
    assert str(events[0]["url"]).endswith("/partner/coompanion/")
    assert str(events[0]["uid"]) == f"{winter.uuid}@asf-portalen"


def test_uids_stay_the_same_across_runs_and_renames(client, partner_with_sessions):
    partner, _sessions = partner_with_sessions
    url = reverse("registry:partner_calendar", args=[partner.slug])
    first = {str(e["uid"]) for e in read(client.get(url)).walk("VEVENT")}
    partner.name = "Coompanion Nytt Namn"
    partner.save()

    again = read(client.get(url))

    assert {str(e["uid"]) for e in again.walk("VEVENT")} == first
    assert len(first) == 2


def test_the_feed_of_all_partners_and_one_sessions_own_file(client, partner_with_sessions):
    partner, (winter, _summer) = partner_with_sessions
    other = SessionFactory(title="Nätverksträff")

    everything = read(client.get(reverse("registry:partners_calendar")))
    single = read(
        client.get(reverse("registry:session_calendar", args=[partner.slug, winter.uuid]))
    )

    uids = {str(e["uid"]) for e in everything.walk("VEVENT")}
    assert uids == {f"{s.uuid}@asf-portalen" for s in (*partner_with_sessions[1], other)}
    assert [str(e["uid"]) for e in single.walk("VEVENT")] == [f"{winter.uuid}@asf-portalen"]


def test_another_partners_session_or_an_unknown_one_is_404(client, partner_with_sessions):
    partner, _sessions = partner_with_sessions
    other = SessionFactory()

    wrong = client.get(reverse("registry:session_calendar", args=[partner.slug, other.uuid]))
    unknown = client.get(reverse("registry:partner_calendar", args=["finns-inte"]))

    assert (wrong.status_code, unknown.status_code) == (404, 404)


def test_feed_queries_are_fixed(client, partner_with_sessions, django_assert_num_queries):
    partner, _sessions = partner_with_sessions
    for _ in range(5):
        SessionFactory()

    with django_assert_num_queries(1):
        client.get(reverse("registry:partners_calendar"))
    with django_assert_num_queries(2):
        client.get(reverse("registry:partner_calendar", args=[partner.slug]))


def test_the_partner_page_links_the_feeds_and_describes_each_session(
    client, partner_with_sessions, settings
):
    settings.SITE_URL = "https://testserver.example"
    partner, (winter, summer) = partner_with_sessions

    page = client.get(partner.get_absolute_url()).text

    assert f'href="/partner/coompanion/kalender/{winter.uuid}.ics"' in page
    # A real subscription beside the one-off download, with the address to paste.
    assert 'href="webcal://testserver.example/partner/coompanion/kalender.ics"' in page
    assert "Så prenumererar du" in page and "Från webbadress" in page
    assert 'value="https://testserver.example/partner/coompanion/kalender.ics" readonly' in page
    assert 'href="/partner/coompanion/kalender.ics" download' in page
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    events = [json.loads(block) for block in blocks]
    assert [e["name"] for e in events] == ["Rådgivning om att starta", "Frågestund"]
    assert events[1]["startDate"] == summer.starts_at.isoformat()
    assert events[1]["location"]["address"]["addressLocality"] == "Exempelby"
    assert events[1]["organizer"]["name"] == "Coompanion Exempel"
