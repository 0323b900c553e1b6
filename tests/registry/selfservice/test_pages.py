"""/uppdatera/<token>/: an enterprise confirms or corrects its own record from
its personal link, without an account."""

import datetime
import re
import time

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from registry.models import (
    ChangeProposal,
    CheckSource,
    LinkReason,
    PublicationStatus,
    RecordCheck,
    SelfServiceLink,
)
from registry.selfservice import SALT
from registry.services.selfservice import link_create, links_revoke
from tests.registry.selfservice.helpers import change_form_data, enterprise_with_link, page_path
from tests.tasks import run_tasks

pytestmark = pytest.mark.django_db


def test_the_page_shows_the_record_privately(client, advisor):
    _enterprise, _link, path = enterprise_with_link(last_checked_by=advisor)

    response = client.get(path)

    assert response.status_code == 200
    text = response.text
    assert "Uppdatera Kafé Kornet" in text
    for shown in ("08-12 34 56", "info@kornet.se", "Storgatan 1", "Arbetsträning", "Unga vuxna"):
        assert shown in text
    assert "Allt stämmer" in text and "Något behöver ändras" in text
    assert "Lediga platser just nu" in text
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]
    assert '<meta name="robots" content="noindex, nofollow">' in text
    assert advisor.first_name not in text and advisor.username not in text  # no staff names


def test_all_correct_stamps_the_enterprises_confirmation(client):
    enterprise, _link, path = enterprise_with_link(last_checked=datetime.date(2025, 1, 5))
    version = enterprise.version

    response = client.post(path + "bekrafta/")

    assert response["Location"] == path + "klart/?vad=bekraftat"
    enterprise.refresh_from_db()
    assert enterprise.last_checked == timezone.localdate()
    assert enterprise.last_checked_source == CheckSource.ENTERPRISE
    assert enterprise.last_checked_by is None
    assert enterprise.version == version  # an advisor's open edit form still saves
    assert enterprise.history.first().history_change_reason == "Bekräftat av företaget via länk"
    assert RecordCheck.objects.get().source == CheckSource.ENTERPRISE
    done = client.get(response["Location"]).text
    assert "<h1>Klart</h1>" in done
    assert "Ni har bekräftat att uppgifterna stämmer." in done
    assert "Ni kan stänga sidan nu." in done
    profile = client.get(enterprise.get_absolute_url()).text
    today = timezone.localdate()
    assert "Uppgifterna bekräftades av företaget" in profile
    assert f"{today.day} " in profile.split("bekräftades av företaget")[1][:60]


def test_the_profile_says_when_the_municipality_checked(client, advisor):
    enterprise, _link, _path = enterprise_with_link(
        last_checked=datetime.date(2026, 11, 2), last_checked_source=CheckSource.ADVISOR
    )
    text = client.get(enterprise.get_absolute_url()).text
    assert "Uppgifterna kontrollerades av kommunen <strong>2 november 2026</strong>." in text


def test_open_places_apply_at_once_and_count_as_a_confirmation(client):
    enterprise, _link, path = enterprise_with_link(last_checked=datetime.date(2025, 1, 5))
    training, employment = sorted(
        enterprise.offerings.all(), key=lambda o: o.kind != "arbetstraning"
    )

    response = client.post(
        path + "platser/", {f"platser_{training.pk}": "4", f"platser_{employment.pk}": ""}
    )

    assert response["Location"] == path + "klart/?vad=platser"
    training.refresh_from_db()
    employment.refresh_from_db()
    assert (training.open_places, employment.open_places) == (4, None)
    assert training.history.first().history_change_reason == "Ändrat av företaget via länk"
    enterprise.refresh_from_db()
    assert enterprise.last_checked == timezone.localdate()
    assert enterprise.last_checked_source == CheckSource.ENTERPRISE
    assert "4 lediga platser" in client.get(reverse("registry:enterprise_list")).text


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("-1", "Antalet kan inte vara mindre än 0."),
        ("tre", "Skriv antalet som en siffra, till exempel 2."),
        ("10000", "Skriv ett antal som är högst 999."),
    ],
)
def test_bad_open_places_are_refused_in_swedish_and_kept(client, value, message):
    enterprise, _link, path = enterprise_with_link()
    offering = enterprise.offerings.get(kind="arbetstraning")

    response = client.post(path + "platser/", {f"platser_{offering.pk}": value})

    assert response.status_code == 400
    assert message in response.text
    assert f'value="{value}"' in response.text
    offering.refresh_from_db()
    assert offering.open_places == 1


# Every part of the change form (the owner chooses which ones, "?delar=").
ALL = "andra/?delar=kontakt&delar=erbjudanden&delar=foretaget&delar=adress&delar=sprak"


def change_page(client, path, parts: str = ALL):
    response = client.get(path + parts)
    assert response.status_code == 200
    return response.context["form"]


def test_contact_details_apply_at_once_the_rest_becomes_a_proposal(client):
    enterprise, link, path = enterprise_with_link()
    form = change_page(client, path)
    data = change_form_data(form)
    offering = enterprise.offerings.get(kind="arbetstraning")
    data |= {
        "phone": "070-111 22 33",
        "opening_hours": "Mån–fre 8–16",
        "name": "Kafé Kornet & Bageri",
        f"o{offering.pk}_open_places": "3",
        f"o{offering.pk}_description": "Arbetsträning i bageriet.",
    }

    response = client.post(path + ALL, data)

    assert response["Location"] == path + "klart/?vad=bada"
    enterprise.refresh_from_db()
    assert enterprise.phone == "070-111 22 33"
    assert enterprise.opening_hours == "Mån–fre 8–16"
    assert enterprise.name == "Kafé Kornet"  # waits for an advisor
    offering.refresh_from_db()
    assert offering.open_places == 3
    assert offering.description == "Arbetsträning med handledare."
    assert enterprise.last_checked_source == CheckSource.ENTERPRISE
    assert enterprise.history.first().history_change_reason == "Ändrat av företaget via länk"
    proposal = ChangeProposal.objects.get()
    assert proposal.changes == {
        "name": {"old": "Kafé Kornet", "new": "Kafé Kornet & Bageri"},
        f"offering:{offering.pk}:description": {
            "old": "Arbetsträning med handledare.",
            "new": "Arbetsträning i bageriet.",
        },
    }
    assert (proposal.link, proposal.reply_to) == (link, "info@kornet.se")
    done = client.get(response["Location"]).text
    assert "De andra ändringarna visas när en rådgivare har godkänt dem." in done
    page = client.get(path).text
    assert "Ett ändringsförslag väntar på en rådgivare:" in page
    assert "Namn, Arbetsträning: beskrivning" in page  # what is waiting, in the form's words


def test_the_same_form_sent_twice_makes_one_proposal(client):
    _enterprise, _link, path = enterprise_with_link()
    data = change_form_data(change_page(client, path)) | {"name": "Nytt namn"}

    client.post(path + ALL, data)
    client.post(path + ALL, data)

    assert ChangeProposal.objects.count() == 1


def test_line_breaks_sent_as_crlf_are_no_change(client):
    enterprise, _link, path = enterprise_with_link(description="Första stycket.\n\nAndra.")
    offering = enterprise.offerings.get(kind="arbetstraning")
    offering.description = "Rad ett.\nRad två."
    offering.save()
    data = change_form_data(change_page(client, path))
    data["description"] = "Första stycket.\r\n\r\nAndra."  # as a browser sends a textarea
    data[f"o{offering.pk}_description"] = "Rad ett.\r\nRad två."

    response = client.post(path + ALL, data)

    assert response.status_code == 302
    assert not ChangeProposal.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("org_number", "123", "Organisationsnumret ska ha tio siffror"),
        ("website", "inte en adress", "Skriv en webbadress som börjar med https://"),
        ("description", "x" * 10_000, "Texten får vara högst 5000 tecken. Nu är den 10000."),
        ("email", "fel@", "Skriv en e-postadress som namn@exempel.se."),
        ("name", "", "Fyll i namn."),
    ],
)
def test_bad_changes_are_refused_with_everything_kept_and_nothing_saved(
    client, field, value, message
):
    enterprise, _link, path = enterprise_with_link()
    data = change_form_data(change_page(client, path)) | {
        field: value,
        "phone": "070-999 99 99",
        "short_description": "<script>alert(1)</script>",
    }

    response = client.post(path + ALL, data)

    assert response.status_code == 400
    assert message in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text  # kept, escaped
    assert "<script>alert(1)</script>" not in response.text
    assert 'value="070-999 99 99"' in response.text
    enterprise.refresh_from_db()
    assert enterprise.phone == "08-12 34 56"
    assert not ChangeProposal.objects.exists()


def test_a_script_in_a_proposal_is_stored_as_text_and_shown_escaped(client, advisor_client):
    _enterprise, _link, path = enterprise_with_link()
    data = change_form_data(change_page(client, path)) | {"name": "<script>alert(1)</script>"}
    client.post(path + ALL, data)
    proposal = ChangeProposal.objects.get()

    page = advisor_client.get(reverse("registry_staff:proposal_detail", args=[proposal.pk]))

    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    assert "<script>alert(1)</script>" not in page.text


def calm_page(response):
    assert response.status_code == 404
    assert "Länken fungerar inte längre" in response.text
    assert "Få en ny länk" in response.text
    assert "Kafé Kornet" not in response.text  # never says whose record it was
    assert response["Referrer-Policy"] == "no-referrer"
    return response


def test_a_tampered_or_truncated_token_gets_the_calm_page(client):
    enterprise, _link, path = enterprise_with_link()
    token = path.split("/")[2]
    tampered = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")

    for bad in (tampered, token[:20], "x", "a" * 300):
        calm_page(client.get(reverse("selfservice:page", kwargs={"token": bad})))
    assert calm_page(client.post(f"/uppdatera/{tampered}/bekrafta/"))
    enterprise.refresh_from_db()
    assert enterprise.last_checked_source == ""


def test_an_expired_token_gets_the_calm_page(client, settings, monkeypatch):
    settings.SELF_SERVICE_LINK_DAYS = 30
    _enterprise, link, _path = enterprise_with_link()
    long_ago = time.time() - 31 * 24 * 3600
    monkeypatch.setattr(signing.time, "time", lambda: long_ago)
    token = signing.TimestampSigner(salt=SALT).sign_object({"l": link.pk, "e": link.enterprise_id})
    monkeypatch.undo()

    calm_page(client.get(reverse("selfservice:page", kwargs={"token": token})))


def test_a_newer_link_or_a_revoked_one_stops_the_old_one(client):
    enterprise, _link, path = enterprise_with_link()
    newer = link_create(enterprise=enterprise, reason=LinkReason.ADVISOR, sent_to="info@kornet.se")

    calm_page(client.get(path))
    assert client.get(page_path(newer)).status_code == 200

    links_revoke(enterprise=enterprise)
    calm_page(client.get(page_path(newer)))


def test_a_link_of_an_archived_record_stops_working(client):
    enterprise, _link, path = enterprise_with_link()
    enterprise.status = PublicationStatus.ARCHIVED
    enterprise.save()

    calm_page(client.get(path))
    calm_page(client.post(path + "platser/", {}))


def test_the_token_never_reaches_the_log(client, caplog):
    _enterprise, _link, path = enterprise_with_link()
    token = path.split("/")[2]
    bad = token[:-2] + "zz"

    client.get(f"/uppdatera/{bad}/")

    assert "Not Found: /uppdatera/[token]/" in caplog.text
    assert bad not in caplog.text


def test_asking_for_a_new_link_mails_the_address_on_record(client, mailoutbox):
    _enterprise, old, _path = enterprise_with_link()

    response = client.post(reverse("selfservice:request"), {"email": "INFO@kornet.se"})

    assert "Titta i e-posten" in response.text
    run_tasks()
    (mail,) = mailoutbox
    assert mail.to == ["info@kornet.se"]
    assert mail.subject == "Er länk för att uppdatera Kafé Kornet i ASF-portalen"
    new = SelfServiceLink.objects.exclude(pk=old.pk).get()
    assert new.reason == LinkReason.REQUESTED
    path = re.search(r"http://127\.0\.0\.1:8000(/uppdatera/\S+/)", mail.body).group(1)
    assert client.get(path).status_code == 200


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, mailoutbox):
    enterprise_with_link()

    response = client.post(reverse("selfservice:request"), {"email": "okand@example.se"})

    assert response.status_code == 200
    assert "Om <strong>okand@example.se</strong> är e-postadressen" in response.text
    run_tasks()
    assert mailoutbox == []


def test_asking_for_links_is_limited_per_address(client, mailoutbox):
    enterprise_with_link()
    answers = [
        client.post(reverse("selfservice:request"), {"email": "info@kornet.se"}).status_code
        for _ in range(4)
    ]

    assert answers == [200, 200, 200, 429]
    refused = client.post(reverse("selfservice:request"), {"email": "info@kornet.se"})
    assert "Du har bett om många länkar på kort tid" in refused.text
    assert 'value="info@kornet.se"' in refused.text
    run_tasks()
    assert len(mailoutbox) == 3


def test_a_bad_address_in_the_request_form_is_explained(client):
    response = client.post(reverse("selfservice:request"), {"email": "inte-en-adress"})
    assert response.status_code == 400
    assert "Skriv en e-postadress som namn@exempel.se." in response.text


def test_sends_from_one_link_are_limited_per_record(client, settings):
    enterprise, _link, path = enterprise_with_link()
    offering = enterprise.offerings.get(kind="arbetstraning")
    statuses = [
        client.post(path + "platser/", {f"platser_{offering.pk}": str(n)}).status_code
        for n in range(21)
    ]
    assert statuses[:20] == [302] * 20
    assert statuses[20] == 429


def _csrf_client():
    from django.test import Client

    return Client(enforce_csrf_checks=True)


def test_forms_on_no_referrer_pages_pass_csrf_from_this_site_only():
    """The page sends no Referer, so the browser posts Origin: null: the token
    and Sec-Fetch-Site decide."""
    enterprise, _link, path = enterprise_with_link()
    browser = _csrf_client()
    browser.get(path)
    token = browser.cookies["csrftoken"].value
    same_site = {"HTTP_ORIGIN": "null", "HTTP_SEC_FETCH_SITE": "same-origin"}

    forged = browser.post(
        path + "bekrafta/",
        {"csrfmiddlewaretoken": token},
        HTTP_ORIGIN="null",
        HTTP_SEC_FETCH_SITE="cross-site",
    )
    no_token = browser.post(path + "bekrafta/", {}, **same_site)
    enterprise.refresh_from_db()
    assert (forged.status_code, no_token.status_code) == (403, 403)
    assert enterprise.last_checked_source == ""

    ok = browser.post(path + "bekrafta/", {"csrfmiddlewaretoken": token}, **same_site)
    assert ok.status_code == 302
    enterprise.refresh_from_db()
    assert enterprise.last_checked_source == "enterprise"


def test_the_change_page_first_asks_which_parts_and_then_shows_only_those(client):
    _enterprise, _link, path = enterprise_with_link()

    chooser = client.get(path + "andra/")
    contact = client.get(path + "andra/?delar=kontakt")
    two = client.get(path + "andra/?delar=adress&delar=erbjudanden")

    assert "Vad vill ni ändra?" in chooser.text
    for label in ("Kontaktuppgifter och öppettider", "Besöksadress", "Språk och tillgänglighet"):
        assert label in chooser.text
    assert 'name="phone"' not in chooser.text
    assert 'name="phone"' in contact.text and 'name="name"' not in contact.text
    assert "Erbjudande: Arbetsträning" not in contact.text
    assert 'name="street_address"' in two.text and "Erbjudande: Arbetsträning" in two.text
    assert 'name="phone"' not in two.text and 'name="languages"' not in two.text


@pytest.mark.parametrize("parts", ["?delar=allt", "?delar=<script>", "?delar="])
def test_an_unknown_part_is_told_not_an_error(client, parts):
    _enterprise, _link, path = enterprise_with_link()

    response = client.get(path + "andra/" + parts)

    assert response.status_code == 400
    assert "Välj bland delarna i listan." in response.text or "Välj minst en del" in response.text
    assert "<script>" not in response.text


def test_a_part_not_shown_is_never_changed_even_if_posted(client):
    enterprise, _link, path = enterprise_with_link()
    data = change_form_data(change_page(client, path, "andra/?delar=kontakt"))
    data |= {"phone": "070-111 22 33", "name": "Smugglat namn", "city": "Annanstans"}

    response = client.post(path + "andra/?delar=kontakt", data)

    assert response["Location"] == path + "klart/?vad=andrat"
    enterprise.refresh_from_db()
    assert enterprise.phone == "070-111 22 33"
    assert (enterprise.name, enterprise.city) == ("Kafé Kornet", "Exempelby")
    assert not ChangeProposal.objects.exists()


def test_the_done_page_says_what_happened_and_needs_a_working_link(client):
    _enterprise, _link, path = enterprise_with_link()

    places = client.get(path + "klart/?vad=platser")
    odd = client.get(path + "klart/?vad=<b>")
    forged = client.get("/uppdatera/inte-en-token/klart/?vad=platser")

    assert "De lediga platserna är sparade" in places.text
    assert places["Cache-Control"] == "no-store, private"
    assert (
        odd.status_code == 200 and "<b>" not in odd.text and "Ni kan stänga sidan nu." in odd.text
    )
    assert "är sparade" not in odd.text  # nothing happened, so nothing is said to have
    assert forged.status_code == 404 and "Länken fungerar inte längre" in forged.text


def test_the_page_offers_the_choice_before_and_after_the_record(client):
    _enterprise, _link, path = enterprise_with_link()

    html = client.get(path).text

    record = html.index("Så här står det i katalogen")
    buttons = [m.start() for m in re.finditer(r">Allt stämmer</button>", html)]
    assert len(buttons) == 2
    assert buttons[0] < record < buttons[1]


def test_a_change_sent_from_a_page_without_parts_in_its_address_is_read_whole(client):
    """A page opened before the parts were asked sends every field; nothing is lost."""
    enterprise, _link, path = enterprise_with_link()
    data = change_form_data(change_page(client, path)) | {"phone": "070-222 33 44"}

    response = client.post(path + "andra/", data)

    assert response["Location"] == path + "klart/?vad=andrat"
    enterprise.refresh_from_db()
    assert enterprise.phone == "070-222 33 44"
