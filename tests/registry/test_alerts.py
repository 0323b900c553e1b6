"""Alerts: a mail when the directory's results for one's filters get a new
enterprise or open places. Double opt-in, one digest per period, one-click
unsubscribe (RFC 8058), signed links, the retention purge, and bad input."""

import datetime
import json
import re
from unittest import mock

import pytest
from django.core import signing
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from asfportal.core.logfilters import redact
from asfportal.core.models import OutboundMail
from registry.alerts import (
    CONFIRM,
    MANAGE,
    canonical_filters,
    describe_filters,
    make_token,
    period_start,
    read_token,
)
from registry.forms import DirectoryForm
from registry.models import AlertSubscription, Industry, PublicationStatus
from registry.selectors.taxonomies import taxonomies
from registry.services import alerts
from registry.services.enterprises import enterprise_set_status
from tests.factories import EnterpriseFactory, IndustryFactory, OfferingFactory
from tests.tasks import run_tasks

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 12, 7)  # a Monday
FORM_TOKEN = "0b7e43d1-3f43-4a53-9d1a-9b6f1c2ea001"


def directory_form(query: str) -> DirectoryForm:
    from django.http import QueryDict

    return DirectoryForm(QueryDict(query), taxonomies=taxonomies())


def subscribe_url(query: str = "") -> str:
    return reverse("alerts:subscribe") + (f"?{query}" if query else "")


def post_subscribe(client, query="bransch=kafe", email="anna@exempel.se", frequency="daily"):
    data = {"email": email, "frequency": frequency, "token": FORM_TOKEN, "hemsida": ""}
    return client.post(subscribe_url(query), data)


def links_in(mail) -> list[str]:
    return re.findall(r"https?://[^/\s]+(/bevakning/\S+/)", mail.body)


def confirmed(query="bransch=kafe", email="anna@exempel.se", frequency="daily"):
    subscription = alerts.alert_subscribe(email=email, filters=query, frequency=frequency)
    return alerts.alert_confirm(subscription=subscription)


@pytest.fixture
def cafe():
    return IndustryFactory(slug="kafe", name="Kafé")


# --- the filter set, the periods and the links (pure) -----------------------------


def test_the_filter_set_keeps_only_valid_filters_in_a_fixed_order(cafe):
    form = directory_form(
        "sortering=namn&nara=Norrby&position=59.2,18.1&sida=abc&hiss=on&q=  bageri  kafe "
        "&omrade=finns-inte&bransch=kafe&exakt=1"
    )
    assert canonical_filters(form) == "q=bageri+kafe&bransch=kafe&hiss=on&exakt=on"
    assert describe_filters(form) == [
        "Sökord: ”bageri kafe”",
        "Bransch: Kafé",
        "Hiss",
        "Bara träffar för exakt det du skrev",
    ]
    # Unconfirmed addresses are never sent words someone else typed.
    assert describe_filters(form, with_text=False)[0] == (
        "Ett sökord (du ser det när du öppnar länken)"
    )
    assert canonical_filters(directory_form("exakt=1&q=%20&hiss=on")) == "hiss=on"
    assert canonical_filters(directory_form("")) == ""
    assert describe_filters(directory_form("")) == []


def test_periods_are_the_day_or_the_week_from_monday():
    sunday = datetime.date(2026, 12, 13)
    assert period_start(sunday, "daily") == sunday
    assert period_start(sunday, "weekly") == TODAY
    assert period_start(TODAY, "weekly") == TODAY


def test_a_link_reads_only_for_its_purpose_and_unaltered():
    token = make_token(purpose=MANAGE, subscription_id=7, secret="s3cret")
    claims = read_token(token, purpose=MANAGE)
    assert (claims.subscription_id, claims.matches("s3cret"), claims.matches("other")) == (
        7,
        True,
        False,
    )
    assert read_token(token, purpose=CONFIRM) is None
    assert read_token(token[:-1] + ("A" if token[-1] != "A" else "B"), purpose=MANAGE) is None
    assert read_token("x" * 201, purpose=MANAGE) is None
    forged = signing.TimestampSigner(salt="registry.alerts.m").sign_object(["7", 1])
    assert read_token(forged, purpose=MANAGE) is None


# --- subscribing: double opt-in -----------------------------------------------------


def test_subscribing_stores_the_address_and_filters_and_mails_a_confirmation(
    client, cafe, mailoutbox
):
    page = client.get(subscribe_url("bransch=kafe&sortering=namn&nara=Norrby&position=59,18"))
    assert "Bransch: Kafé" in page.text and "Skicka bekräftelsen" in page.text
    assert 'action="/bevakning/ny/?bransch=kafe"' in page.text  # no place, position or order

    response = post_subscribe(client, "bransch=kafe", email=" Anna@Exempel.SE ")

    assert response["Location"] == reverse("alerts:sent")
    assert "anna@exempel.se" in client.get(response["Location"]).text
    row = AlertSubscription.objects.get()
    assert (row.email, row.filters, row.frequency, row.confirmed_at) == (
        "anna@exempel.se",
        "bransch=kafe",
        "daily",
        None,
    )
    assert mailoutbox == []  # queued, not sent in the request
    run_tasks()
    (mail,) = mailoutbox
    assert mail.to == ["anna@exempel.se"]
    assert mail.subject == "Bekräfta att du vill få mejl om sociala företag"
    assert "- Bransch: Kafé" in mail.body and "en gång om dagen" in mail.body
    assert "/bekrafta/" in mail.body
    # Every mail can be stopped in one click, this one too (it erases the row).
    erase = re.search(r"raderar adressen direkt i stället\? (\S+)", mail.body).group(1)
    assert mail.extra_headers == {
        "List-Unsubscribe": f"<{erase}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def test_nothing_is_sent_before_the_address_is_confirmed(cafe, mailoutbox):
    alerts.alert_subscribe(email="anna@exempel.se", filters="bransch=kafe", frequency="daily")
    run_tasks()
    mailoutbox.clear()
    EnterpriseFactory(industries=[cafe])

    run = alerts.alert_digests_run(today=TODAY)

    run_tasks()
    assert (dict(run.outcomes), mailoutbox) == ({}, [])


def test_a_bad_address_is_told_in_swedish_and_kept(client, cafe):
    response = post_subscribe(client, email="anna.exempel.se")

    assert response.status_code == 200
    assert "Skriv e-postadressen så här: namn@exempel.se." in response.text
    assert 'value="anna.exempel.se"' in response.text
    assert 'aria-invalid="true"' in response.text
    assert AlertSubscription.objects.count() == 0


def test_a_bad_frequency_or_filters_never_give_an_error_page(client, cafe):
    response = post_subscribe(client, "bransch=finns-inte&lediga_platser=kanske", frequency="x")
    assert response.status_code == 200
    assert "Välj ett giltigt alternativ" in response.text
    assert "Det här kunde vi inte använda" in response.text
    assert AlertSubscription.objects.count() == 0


def test_the_same_address_a_hundred_times_gets_one_row_and_one_mail(client, cafe, mailoutbox):
    statuses = [post_subscribe(client).status_code for _ in range(6)]

    assert statuses == [302] * 6  # the same receipt every time
    assert AlertSubscription.objects.count() == 1
    run_tasks()
    assert len(mailoutbox) == 1  # one pending confirmation, mailed once


def test_over_the_hourly_number_for_an_address_nothing_is_sent_and_nothing_told(
    client, cafe, settings, mailoutbox
):
    settings.ALERT_REQUESTS_PER_EMAIL = 2
    responses = [post_subscribe(client, f"hiss=on&bransch=kafe&sida={n}") for n in range(2)]
    responses += [post_subscribe(client, query) for query in ("lift=on", "hiss=on")]

    assert [r.status_code for r in responses] == [302] * 4
    receipts = {client.get(r["Location"]).text.count("anna@exempel.se") for r in responses}
    assert receipts == {1}  # the page never says the address was refused
    assert list(AlertSubscription.objects.values_list("filters", flat=True)) == [
        "bransch=kafe&hiss=on"
    ]
    run_tasks()
    assert len(mailoutbox) == 1


def test_another_address_from_the_same_connection_is_limited_too(client, cafe, settings):
    settings.PUBLIC_FORM_RATE_PER_HOUR = 3
    statuses = [post_subscribe(client, email=f"p{n}@exempel.se").status_code for n in range(4)]
    assert statuses == [302, 302, 302, 429]
    assert AlertSubscription.objects.count() == 3


def test_a_pending_confirmation_is_mailed_again_after_an_hour_a_confirmed_one_never(
    cafe, mailoutbox
):
    start = timezone.now()
    first = alerts.alert_subscribe(
        email="anna@exempel.se", filters="bransch=kafe", frequency="daily", now=start
    )
    soon = start + datetime.timedelta(minutes=30)
    later = start + datetime.timedelta(hours=2)
    kw = {"email": "anna@exempel.se", "filters": "bransch=kafe", "frequency": "weekly"}
    assert alerts.alert_subscribe(**kw, now=soon) is None
    assert alerts.alert_subscribe(**kw, now=later) == first
    alerts.alert_confirm(subscription=first)
    assert alerts.alert_subscribe(**kw, now=later + datetime.timedelta(hours=2)) is None
    run_tasks()
    assert len(mailoutbox) == 2
    assert AlertSubscription.objects.get().frequency == "weekly"  # the newest ask


def test_the_confirmation_link_shows_a_button_and_a_post_confirms(client, cafe, mailoutbox):
    post_subscribe(client)
    run_tasks()
    (path,) = [link for link in links_in(mailoutbox[0]) if link.endswith("/bekrafta/")]

    page = client.get(path)
    assert "Ja, börja bevakningen" in page.text and "anna@exempel.se" in page.text
    assert page["Referrer-Policy"] == "no-referrer" and "noindex" in page["X-Robots-Tag"]
    assert AlertSubscription.objects.get().confirmed_at is None  # a GET changes nothing

    response = client.post(path)

    assert response.status_code == 302 and response["Location"].startswith("/bevakning/")
    assert AlertSubscription.objects.get().confirmed_at is not None
    manage = client.get(response["Location"])
    assert "Klart! Nu får du mejl när det finns något nytt." in manage.text
    assert "Bransch: Kafé" in manage.text and "anna@exempel.se" in manage.text


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda t: t[:-2] + "xx", id="altered"),
        pytest.param(lambda t: "abc", id="not-a-token"),
        pytest.param(lambda t: t.replace(t.split(":")[0], t.split(":")[0][::-1]), id="swapped"),
    ],
)
def test_a_tampered_link_gets_the_calm_page(client, cafe, change):
    subscription = alerts.alert_subscribe(
        email="anna@exempel.se", filters="bransch=kafe", frequency="daily"
    )
    confirm = make_token(
        purpose=CONFIRM, subscription_id=subscription.pk, secret=subscription.secret
    )
    manage = make_token(purpose=MANAGE, subscription_id=subscription.pk, secret=subscription.secret)
    links = [("alerts:confirm", confirm), ("alerts:manage", manage), ("alerts:unsubscribe", manage)]
    for name, token in links:
        response = client.get(reverse(name, kwargs={"token": change(token)}))
        assert response.status_code == 404
        assert "Länken fungerar inte" in response.text
    for name, token in [links[0], links[2]]:  # the writes
        assert client.post(reverse(name, kwargs={"token": change(token)})).status_code == 404
    assert AlertSubscription.objects.get().confirmed_at is None  # still there, unconfirmed


def test_a_link_for_another_purpose_or_an_old_secret_does_not_work(client, cafe):
    subscription = alerts.alert_subscribe(
        email="anna@exempel.se", filters="bransch=kafe", frequency="daily"
    )
    manage = make_token(purpose=MANAGE, subscription_id=subscription.pk, secret=subscription.secret)
    old = make_token(purpose=CONFIRM, subscription_id=subscription.pk, secret="an-old-secret")
    assert client.post(reverse("alerts:confirm", kwargs={"token": manage})).status_code == 404
    assert client.post(reverse("alerts:confirm", kwargs={"token": old})).status_code == 404
    assert AlertSubscription.objects.get().confirmed_at is None


def test_the_confirmation_link_expires_with_the_pending_row(client, cafe, settings):
    subscription = alerts.alert_subscribe(
        email="anna@exempel.se", filters="bransch=kafe", frequency="daily"
    )
    token = make_token(purpose=CONFIRM, subscription_id=subscription.pk, secret=subscription.secret)
    eight_days = 8 * 24 * 3600
    with mock.patch(
        "django.core.signing.time.time", return_value=timezone.now().timestamp() + eight_days
    ):
        response = client.post(reverse("alerts:confirm", kwargs={"token": token}))
    assert response.status_code == 404
    assert "fungerar i 7 dagar" in response.text


# --- the digests --------------------------------------------------------------------


def test_the_digest_lists_what_is_new_and_what_got_open_places_once(cafe, mailoutbox):
    old = EnterpriseFactory(name="Kafé Gamla", industries=[cafe])
    offering = OfferingFactory(enterprise=old, open_places=0)
    subscription = confirmed()
    new = EnterpriseFactory(name="Kafé Nya", short_description="Kaffe och bröd.", industries=[cafe])
    EnterpriseFactory(name="Snickeriet", industries=[IndustryFactory(slug="snickeri")])
    draft = EnterpriseFactory(name="Kafé Utkast", industries=[cafe])
    enterprise_set_status(enterprise=draft, status=PublicationStatus.DRAFT)
    offering.open_places = 2
    offering.save()

    run = alerts.alert_digests_run(today=TODAY)
    run_tasks()

    assert dict(run.outcomes) == {"sent": 1}
    _confirmation, mail = mailoutbox
    assert mail.subject == "Nytt i katalogen över sociala företag"
    body = mail.body
    new_part, opened_part = body.split("Har fått lediga platser")
    assert "Nya företag som passar dina val" in new_part and "* Kafé Nya" in new_part
    assert "Kaffe och bröd." in new_part and new.get_absolute_url() in new_part
    assert "* Kafé Gamla" in opened_part and "Kafé Nya" not in opened_part
    assert "Snickeriet" not in body and "Utkast" not in body
    assert "/foretag/?bransch=kafe" in body
    unsubscribe = re.search(r"Sluta få mejl: (\S+)", body).group(1)
    assert mail.extra_headers == {
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    subscription.refresh_from_db()
    assert subscription.last_period == TODAY and subscription.last_sent_at is not None

    # The same day again, or twice at once: nothing more.
    assert dict(alerts.alert_digests_run(today=TODAY).outcomes) == {}
    assert alerts.alert_digest(subscription_id=subscription.pk, today=TODAY, matched={}) == (
        "not due"
    )
    # The next day: nothing new, so no mail.
    tomorrow = TODAY + datetime.timedelta(days=1)
    assert dict(alerts.alert_digests_run(today=tomorrow).outcomes) == {"nothing new": 1}
    run_tasks()
    assert len(mailoutbox) == 2


def test_a_weekly_alert_gets_at_most_one_digest_a_week(cafe, mailoutbox):
    confirmed(frequency="weekly")
    EnterpriseFactory(industries=[cafe])
    assert dict(alerts.alert_digests_run(today=TODAY).outcomes) == {"sent": 1}
    EnterpriseFactory(industries=[cafe])
    for day in range(1, 7):  # the rest of the week
        later = TODAY + datetime.timedelta(days=day)
        assert dict(alerts.alert_digests_run(today=later).outcomes) == {}
    next_monday = TODAY + datetime.timedelta(days=7)
    assert dict(alerts.alert_digests_run(today=next_monday).outcomes) == {"sent": 1}
    run_tasks()
    assert len(mailoutbox) == 2 + 1  # the confirmation and two digests


def test_the_scheduler_twice_queues_two_tasks_and_one_digest_goes_out(cafe, mailoutbox):
    confirmed()
    run_tasks()
    mailoutbox.clear()
    EnterpriseFactory(industries=[cafe])

    call_command("send_alert_digests", date=TODAY.isoformat())
    call_command("send_alert_digests", date=TODAY.isoformat())

    assert DBTaskResult.objects.filter(status="READY").count() == 2
    run_tasks()
    assert len(mailoutbox) == 1
    results = sorted(
        DBTaskResult.objects.filter(task_path__endswith="alert_digests_task").values_list(
            "return_value", flat=True
        )
    )
    assert results == ["1 sent; 0 unconfirmed erased", "none due; 0 unconfirmed erased"]


def test_a_filter_set_that_no_longer_validates_is_told_once_and_can_be_updated(
    client, cafe, mailoutbox
):
    subscription = confirmed("bransch=kafe&hiss=on")
    Industry.objects.filter(pk=cafe.pk).update(slug="kafe-och-bageri")  # renamed by an editor
    from registry.pagecache import bump_registry_version

    bump_registry_version()
    EnterpriseFactory(industries=[cafe], lift=True)

    assert dict(alerts.alert_digests_run(today=TODAY).outcomes) == {"told to update": 1}
    tomorrow = TODAY + datetime.timedelta(days=1)
    assert dict(alerts.alert_digests_run(today=tomorrow).outcomes) == {"not due": 1}
    run_tasks()
    (mail,) = mailoutbox[1:]
    assert mail.subject == "Din bevakning av sociala företag behöver uppdateras"
    assert "Bransch: Välj ett giltigt alternativ. kafe finns inte" in mail.body
    assert "- Hiss" in mail.body and "List-Unsubscribe" in mail.extra_headers

    manage = re.search(r"(/bevakning/\S+/)\n", mail.body).group(1)
    page = client.get(manage)
    assert "Bevakningen behöver uppdateras" in page.text
    response = client.post(manage + "uppdatera/")
    subscription.refresh_from_db()
    assert (subscription.filters, subscription.needs_update) == ("hiss=on", False)
    assert "Bevakningen är uppdaterad" in client.get(response["Location"]).text
    # From now on, news for the remaining filters.
    EnterpriseFactory(name="Hissen", lift=True)
    later = TODAY + datetime.timedelta(days=2)
    assert dict(alerts.alert_digests_run(today=later).outcomes) == {"sent": 1}


def test_the_frequency_can_be_changed_from_the_alerts_page(client, cafe):
    subscription = confirmed()
    token = make_token(purpose=MANAGE, subscription_id=subscription.pk, secret=subscription.secret)
    path = reverse("alerts:frequency", kwargs={"token": token})
    bad = client.post(path, {"frequency": "hourly"})
    assert bad.status_code == 400 and "Välj ett giltigt alternativ" in bad.text
    client.post(path, {"frequency": "weekly"})
    assert AlertSubscription.objects.get().frequency == "weekly"


def test_digests_cost_a_fixed_number_of_queries(cafe, django_assert_num_queries):
    for n in range(3):
        confirmed(email=f"p{n}@exempel.se")
    confirmed("hiss=on", email="q@exempel.se")
    for _ in range(3):
        EnterpriseFactory(industries=[cafe], lift=True)
    alerts.alert_digests_run(today=TODAY - datetime.timedelta(days=1))  # warm the caches
    for _ in range(2):
        EnterpriseFactory(industries=[cafe], lift=True)
    # The purge (its read in a savepoint: 3), the due ids, the taxonomies (a
    # write bumped the version): 5.
    # Per alert: the lock, the update, its digest's rows, the outbox row and its
    # task (5), plus two savepoints' SAVEPOINT and RELEASE in this test's
    # transaction (4). Per filter set, its two id lists, once: 2 x 2.
    with django_assert_num_queries(5 + 4 * (5 + 4) + 2 * 2):
        run = alerts.alert_digests_run(today=TODAY)
    assert dict(run.outcomes) == {"sent": 4}


# --- unsubscribing, retention, erasure ------------------------------------------------


def test_one_click_unsubscribe_without_a_login_or_csrf_token(cafe, mailoutbox):
    subscription = confirmed()
    EnterpriseFactory(industries=[cafe])
    alerts.alert_digests_run(today=TODAY)
    run_tasks()
    header = mailoutbox[-1].extra_headers["List-Unsubscribe"]
    path = re.search(r"<https?://[^/]+(/\S+)>", header).group(1)
    client = Client(enforce_csrf_checks=True)

    page = client.get(path)
    assert "Avsluta bevakningen" in page.text
    assert AlertSubscription.objects.filter(pk=subscription.pk).exists()  # GET changes nothing

    # What a mail program sends (RFC 8058 section 3.2).
    response = client.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 200
    assert "Bevakningen är avslutad" in response.text
    assert not AlertSubscription.objects.exists()
    again = client.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert (again.status_code, "Bevakningen är avslutad" in again.text) == (200, True)
    assert (
        client.get(reverse("alerts:manage", kwargs={"token": path.split("/")[2]})).status_code
        == 404
    )


def test_unconfirmed_alerts_are_erased_after_seven_days(cafe):
    now = timezone.now()
    old = alerts.alert_subscribe(email="old@exempel.se", filters="", frequency="daily")
    young = alerts.alert_subscribe(email="young@exempel.se", filters="", frequency="daily")
    kept = confirmed(email="kept@exempel.se")
    week_ago = now - datetime.timedelta(days=7, minutes=1)
    AlertSubscription.objects.filter(pk__in=[old.pk, kept.pk]).update(
        created_at=week_ago, confirmation_sent_at=week_ago
    )
    six_days = now - datetime.timedelta(days=6)
    AlertSubscription.objects.filter(pk=young.pk).update(
        created_at=six_days, confirmation_sent_at=six_days
    )

    run = alerts.alert_digests_run(today=TODAY)

    assert run.purged == 1
    assert sorted(AlertSubscription.objects.values_list("email", flat=True)) == [
        "kept@exempel.se",
        "young@exempel.se",
    ]


def test_erasing_an_address_erases_all_its_alerts(cafe):
    confirmed(email="anna@exempel.se")
    alerts.alert_subscribe(email="anna@exempel.se", filters="hiss=on", frequency="weekly")
    confirmed(email="bo@exempel.se")
    assert alerts.alerts_erase_address(email=" ANNA@exempel.se") == 2
    assert list(AlertSubscription.objects.values_list("email", flat=True)) == ["bo@exempel.se"]


# --- around the pages -----------------------------------------------------------------


def test_the_directory_links_to_an_alert_for_its_filters_without_place_or_order(client, cafe):
    page = client.get("/foretag/?bransch=kafe&hiss=on&sortering=namn&nara=Norrby&sida=x")
    link = re.search(r'href="(/bevakning/ny/[^"]*)" id="alert-link"', page.text).group(1)
    assert link == "/bevakning/ny/?bransch=kafe&amp;hiss=on"


def test_the_english_pages_exist(client, cafe):
    page = client.get("/en" + subscribe_url("bransch=kafe"))
    assert "Get an e-mail when there is something new" in page.text


def test_the_tokens_in_alert_links_never_reach_a_log():
    line = '"GET /bevakning/WzEsIk9u:1xaF:9LPj/avsluta/ HTTP/1.1" 404'
    assert redact(line) == '"GET /bevakning/[token]/avsluta/ HTTP/1.1" 404'
    assert redact("GET /bevakning/ny/?bransch=kafe") == "GET /bevakning/ny/?bransch=kafe"


def test_the_sent_page_without_a_send_goes_to_the_directory(client):
    assert client.get(reverse("alerts:sent"))["Location"] == reverse("registry:enterprise_list")


# --- a person's rights: export and erasure by address ---------------------------------


def test_an_advisor_finds_exports_and_erases_the_alerts_of_an_address(advisor_client, cafe):
    confirmed(email="anna@exempel.se")
    alerts.alert_subscribe(email="anna@exempel.se", filters="hiss=on", frequency="weekly")
    confirmed(email="bo@exempel.se")
    lookup = reverse("registry_staff:alert_lookup")

    found = advisor_client.post(lookup, {"email": "Anna@exempel.se"})
    assert "Bevakningar för anna@exempel.se" in found.text
    assert "Bransch: Kafé" in found.text and "Inte bekräftad" in found.text
    assert "bo@exempel.se" not in found.text

    export = advisor_client.post(
        reverse("registry_staff:alert_export"), {"email": "anna@exempel.se"}
    )
    assert export["Content-Disposition"] == 'attachment; filename="bevakningar.json"'
    document = json.loads(export.content)
    assert [(row["filters"], row["frequency"]) for row in document["alert_subscriptions"]] == [
        ("bransch=kafe", "En gång om dagen"),
        ("hiss=on", "En gång i veckan"),
    ]
    assert advisor_client.get(reverse("registry_staff:alert_export")).status_code == 405

    erased = advisor_client.post(
        reverse("registry_staff:alert_erase"), {"email": "anna@exempel.se"}
    )
    assert erased["Location"] == lookup
    assert "2 bevakningar raderade." in advisor_client.get(lookup).text
    assert list(AlertSubscription.objects.values_list("email", flat=True)) == ["bo@exempel.se"]


def test_the_lookup_tells_a_bad_address_and_needs_the_permissions(advisor_client, client, editor):
    bad = advisor_client.post(reverse("registry_staff:alert_lookup"), {"email": "anna"})
    assert bad.status_code == 400 and "Skriv e-postadressen så här" in bad.text
    for name in ("registry_staff:alert_export", "registry_staff:alert_erase"):
        refused = advisor_client.post(reverse(name), {"email": "anna"})
        assert refused.status_code == 400 and "Skriv e-postadressen så här" in refused.text
    client.force_login(editor)
    assert client.get(reverse("registry_staff:alert_lookup")).status_code == 403
    assert (
        client.post(reverse("registry_staff:alert_erase"), {"email": "a@b.se"}).status_code == 403
    )


def test_an_inquirys_export_holds_the_alerts_of_its_address_and_erasure_points_to_them(
    advisor_client, cafe
):
    from guidance.models import Inquiry, InquiryTopic

    inquiry = Inquiry.objects.create(
        reference="ASF-2026-00042", name="Sara", email="sara@example.se", topic=InquiryTopic.WORK
    )
    confirmed(email="sara@example.se")

    export = advisor_client.get(reverse("inquiries:export", args=[inquiry.pk]))
    (row,) = json.loads(export.content)["alert_subscriptions"]
    assert (row["email"], row["filters"]) == ("sara@example.se", "bransch=kafe")
    erase = advisor_client.get(reverse("inquiries:erase", args=[inquiry.pk])).text
    assert "Personens e-postadress har också 1 bevakning av katalogen." in erase
    assert reverse("registry_staff:alert_lookup") in erase


def test_the_privacy_notice_says_what_alerts_keep_and_for_how_long(client):
    html = client.get(reverse("privacy")).text
    assert 'id="bevakning"' in html
    assert "bara din e-postadress, dina val i katalogen och hur ofta" in html
    assert "inte inom 7 dagar raderar vi adressen" in html
    assert "Då raderar vi den direkt." in html


def test_the_unsubscribe_headers_reach_a_real_mail_server(cafe, settings):
    from email import message_from_string

    from tests.asfportal.core.test_mail_smtp import smtp_settings
    from tests.mailserver import SMTPServer, free_port

    port = free_port()
    smtp_settings(settings, port)
    confirmed()
    EnterpriseFactory(industries=[cafe])
    alerts.alert_digests_run(today=TODAY)

    with SMTPServer(port) as server:
        run_tasks()

    digest = next(
        message_from_string(text) for _to, text in server.received if "List-Unsubscribe" in text
    )
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert re.fullmatch(
        r"<http://127\.0\.0\.1:8000/bevakning/\S+/avsluta/>", digest["List-Unsubscribe"]
    )
    assert OutboundMail.objects.filter(headers={}).count() == 2  # emptied once sent


def test_a_row_erased_after_its_link_was_read_is_not_an_error(cafe):
    subscription = alerts.alert_subscribe(
        email="anna@exempel.se", filters="bransch=kafe", frequency="daily"
    )
    AlertSubscription.objects.all().delete()  # the purge ran in between
    assert alerts.alert_confirm(subscription=subscription) is None
    assert alerts.alert_update_filters(subscription=subscription) is None
    assert alerts.alert_set_frequency(subscription=subscription, frequency="weekly") is None


def test_the_longest_search_text_can_be_followed(client, cafe):
    """200 characters that each take nine in the address: the filter set is
    about 1,900 characters, and the uniqueness is checked on its digest."""
    query = (
        "q="
        + "%E2%82%AC" * 200
        + "&bransch=kafe&"
        + "&".join(
            f"{param}=on" for param in ("lediga_platser", "verifierad", "bekraftade", "hiss")
        )
    )
    assert post_subscribe(client, query).status_code == 302
    assert post_subscribe(client, query).status_code == 302  # the same again: one row
    (row,) = AlertSubscription.objects.all()
    assert len(row.filters) > 1800 and row.filters.startswith("q=%E2%82%AC")
    assert len(row.filters_key) == 64


def test_an_alert_told_to_update_works_again_when_the_term_comes_back(cafe, mailoutbox):
    from registry.pagecache import bump_registry_version

    subscription = confirmed()
    Industry.objects.filter(pk=cafe.pk).update(slug="borta")
    bump_registry_version()
    assert dict(alerts.alert_digests_run(today=TODAY).outcomes) == {"told to update": 1}
    Industry.objects.filter(pk=cafe.pk).update(slug="kafe")
    bump_registry_version()
    EnterpriseFactory(industries=[cafe])

    tomorrow = TODAY + datetime.timedelta(days=1)
    assert dict(alerts.alert_digests_run(today=tomorrow).outcomes) == {"sent": 1}
    subscription.refresh_from_db()
    assert subscription.needs_update is False


# --- what the review found --------------------------------------------------------------


def test_the_pages_reached_from_a_mail_refuse_a_post_from_another_site(cafe):
    subscription = confirmed()
    token = make_token(purpose=MANAGE, subscription_id=subscription.pk, secret=subscription.secret)
    pending = alerts.alert_subscribe(email="bo@exempel.se", filters="", frequency="daily")
    confirm = make_token(purpose=CONFIRM, subscription_id=pending.pk, secret=pending.secret)
    client = Client(enforce_csrf_checks=True)
    cross_site = {"HTTP_ORIGIN": "null", "HTTP_SEC_FETCH_SITE": "cross-site"}

    posts = [
        (reverse("alerts:confirm", kwargs={"token": confirm}), {}),
        (reverse("alerts:frequency", kwargs={"token": token}), {"frequency": "weekly"}),
        (reverse("alerts:update", kwargs={"token": token}), {}),
    ]
    assert [client.post(url, data, **cross_site).status_code for url, data in posts] == [403] * 3
    pending.refresh_from_db()
    subscription.refresh_from_db()
    assert (pending.confirmed_at, subscription.frequency) == (None, "daily")


def test_the_confirmation_mails_one_click_erases_the_unconfirmed_alert(cafe, mailoutbox):
    alerts.alert_subscribe(email="anna@exempel.se", filters="bransch=kafe", frequency="daily")
    run_tasks()
    header = mailoutbox[0].extra_headers["List-Unsubscribe"]
    path = re.search(r"<https?://[^/]+(/\S+)>", header).group(1)

    response = Client(enforce_csrf_checks=True).post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )

    assert "Bevakningen är avslutad" in response.text
    assert not AlertSubscription.objects.exists()
    assert not OutboundMail.objects.exists()  # the sent confirmation is erased from the outbox


def test_ending_or_erasing_an_alert_erases_its_mails_and_stops_the_queued_ones(cafe):
    kept = confirmed(email="anna@exempel.se", query="hiss=on")
    ended = confirmed(email="anna@exempel.se")
    other = confirmed(email="bo@exempel.se")
    run_tasks()
    EnterpriseFactory(industries=[cafe], lift=True)
    alerts.alert_digests_run(today=TODAY)  # three digests queued, not yet sent

    alerts.alert_unsubscribe(subscription=ended)

    whats = set(OutboundMail.objects.values_list("what", flat=True))
    assert whats == {
        f"alert {kind} for subscription {pk}"
        for kind in ("confirm", "digest")
        for pk in (kept.pk, other.pk)
    }
    assert run_tasks() == 3  # the ended alert's queued digest finds nothing to send
    assert alerts.alerts_erase_address(email="ANNA@exempel.se") == 1
    assert set(OutboundMail.objects.values_list("to", flat=True)) == {"bo@exempel.se"}


def test_an_address_longer_once_lower_cased_is_told_not_an_error(client, cafe):
    domain = "İ" * 10 + "b" * 20 + "." + "c" * 60 + "." + "d" * 60 + ".se"
    email = "a" * (253 - len(domain)) + "@" + domain  # valid, 254 characters
    assert (len(email), len(email.lower())) == (254, 264)
    response = post_subscribe(client, email=email)
    assert response.status_code == 200
    assert "Skriv högst 254 tecken." in response.text
    assert not AlertSubscription.objects.exists()


def test_a_resent_confirmation_link_lives_its_seven_days(cafe):
    start = timezone.now() - datetime.timedelta(days=6, hours=23)
    kw = {"email": "anna@exempel.se", "filters": "", "frequency": "daily"}
    subscription = alerts.alert_subscribe(**kw, now=start)
    AlertSubscription.objects.filter(pk=subscription.pk).update(created_at=start)
    alerts.alert_subscribe(**kw, now=timezone.now())  # asked again: a new mail, a new week

    assert alerts.alerts_purge() == 0
    assert alerts.alerts_purge(now=timezone.now() + datetime.timedelta(days=7, minutes=1)) == 1


@pytest.mark.parametrize("twin_confirmed", [True, False], ids=["confirmed-twin", "pending-twin"])
def test_updating_onto_filters_the_address_already_follows(cafe, twin_confirmed):
    stale = confirmed("bransch=kafe&hiss=on")
    if twin_confirmed:
        twin = confirmed("hiss=on")
    else:
        twin = alerts.alert_subscribe(email="anna@exempel.se", filters="hiss=on", frequency="daily")
    Industry.objects.filter(pk=cafe.pk).update(slug="borta")
    from registry.pagecache import bump_registry_version

    bump_registry_version()

    kept = alerts.alert_update_filters(subscription=stale)

    (row,) = AlertSubscription.objects.all()
    assert (row.pk, row.filters, row.is_confirmed) == (
        (twin if twin_confirmed else stale).pk,
        "hiss=on",
        True,  # never an unconfirmed row that would send nothing
    )
    assert kept.pk == row.pk


def test_updating_a_valid_alert_changes_nothing(cafe):
    subscription = confirmed("bransch=kafe")
    EnterpriseFactory(industries=[cafe])  # news it has not been told yet
    alerts.alert_update_filters(subscription=subscription)
    stored = AlertSubscription.objects.get()
    assert stored.filters == "bransch=kafe"
    assert bytes(stored.known) == bytes(subscription.known)  # the news is still news


def test_the_advisors_message_counts_in_swedish(advisor_client, cafe):
    confirmed(email="anna@exempel.se")
    erased = advisor_client.post(
        reverse("registry_staff:alert_erase"), {"email": "anna@exempel.se"}, follow=True
    )
    assert "1 bevakning raderad." in erased.text


def test_a_non_ascii_site_address_is_encoded_not_lost(settings):
    import email.policy

    from asfportal.core.mail import _Message

    message = _Message(
        "Ämne",
        "Text",
        to=["a@exempel.se"],
        headers={"List-Unsubscribe": "<https://kommunen.se/å/>"},
    ).message(policy=email.policy.SMTP)
    assert b"List-Unsubscribe: =?utf-8?" in message.as_bytes()
