"""Partners' sessions as iCalendar (RFC 5545) feeds and as schema.org Events.

No queries here: the selectors load the sessions with their place and partner.
"""

import datetime
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from registry.models import Partner, Place, Session

PRODID = "-//ASF-portalen//Tillfällen hos samarbetspartner//SV"


def session_uid(session: Session) -> str:
    """The event's UID: the session's open-data id, the same in every feed and run."""
    return f"{session.uuid}@asf-portalen"


def place_text(place: Place) -> str:
    """The place as one line: name, street, postal code and city."""
    town = " ".join(part for part in (place.postal_code, place.city) if part)
    return ", ".join(part for part in (place.name, place.street_address, town) if part)


def sessions_calendar(sessions: Iterable[Session], *, name: str, url: str) -> bytes:
    """A VCALENDAR of ``sessions`` (with ``revised``, when each was last changed,
    for DTSTAMP), in Swedish time; ``url`` is the page the feed belongs to."""
    # icalendar is imported here, not with the module: it costs each web process
    # about 9 MB, and only the .ics feeds need it (the pages use session_jsonld).
    from icalendar import Calendar

    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    calendar.add("url", url)
    # How often a subscribed calendar should fetch the feed again (RFC 7986,
    # and the older name Outlook and Google read).
    calendar.add("refresh-interval", datetime.timedelta(hours=12), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT12H")
    sessions = list(sessions)
    for session in sessions:
        calendar.add_component(_event(session, zone, getattr(session, "revised", None)))
    if sessions:  # the zone's rules for the years the feed covers, not since 1970
        calendar.add_missing_timezones(
            first_date=datetime.date(min(s.starts_at for s in sessions).year, 1, 1),
            last_date=datetime.date(max(s.ends_at for s in sessions).year + 1, 1, 1),
        )
    return calendar.to_ical()


def _event(session: Session, zone, revised: datetime.datetime | None):
    from icalendar import Event

    partner = session.place.partner
    page = settings.SITE_URL + partner.get_absolute_url()
    event = Event()
    event.add("uid", session_uid(session))
    event.add("dtstamp", (revised or session.starts_at).astimezone(datetime.UTC))
    event.add("dtstart", session.starts_at.astimezone(zone))
    event.add("dtend", session.ends_at.astimezone(zone))
    event.add("summary", f"{session.title} – {partner.name}")
    event.add("location", place_text(session.place))
    description = "\n\n".join(part for part in (session.description, page) if part)
    event.add("description", description)
    event.add("url", page)
    if session.place.latitude is not None and session.place.longitude is not None:
        event.add("geo", (float(session.place.latitude), float(session.place.longitude)))
    return event


def session_jsonld(session: Session, partner: Partner, url: str) -> dict:
    """schema.org Event for one of ``partner``'s sessions on its page."""
    place = session.place
    address = {"@type": "PostalAddress", "addressCountry": "SE"}
    for key, value in (
        ("streetAddress", place.street_address),
        ("postalCode", place.postal_code),
        ("addressLocality", place.city),
    ):
        if value:
            address[key] = value
    return {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": session.title,
        "description": session.description or session.title,
        "startDate": timezone.localtime(session.starts_at).isoformat(),
        "endDate": timezone.localtime(session.ends_at).isoformat(),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled",
        "location": {"@type": "Place", "name": place.name, "address": address},
        "organizer": {"@type": "Organization", "name": partner.name, "url": url},
        "url": url,
    }


@dataclass(frozen=True)
class Subscription:
    """A feed as the page offers it: ``webcal`` (a phone or calendar program
    offers to subscribe, and then keeps it updated, instead of importing the
    file once), ``address`` to paste into Google or Outlook, ``path`` to
    download once."""

    path: str
    address: str
    webcal: str


def subscription(path: str) -> Subscription:
    address = settings.SITE_URL + path
    scheme, _sep, rest = address.partition("://")
    webcal = f"webcal://{rest}" if scheme in ("http", "https") else address
    return Subscription(path=path, address=address, webcal=webcal)
