"""The advisors' inquiry inbox (/handlaggare/arenden/) and the dashboard's selector."""

import csv
import datetime
import io
import itertools

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from guidance.models import Inquiry, InquiryAccess, InquiryStatus, InquiryTopic
from guidance.selectors import dashboard_inquiries
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = "/handlaggare/arenden/"
_numbers = itertools.count(1)


def make_inquiry(*, minutes_ago: int = 0, **overrides) -> Inquiry:
    """An inquiry received ``minutes_ago`` minutes ago (created_at is auto_now_add)."""
    number = next(_numbers)
    fields = {
        "reference": f"ASF-2026-{number:05d}",
        "name": f"Person {number}",
        "email": f"person{number}@example.se",
        "topic": InquiryTopic.WORK,
    }
    inquiry = Inquiry.objects.create(**(fields | overrides))
    received = timezone.now() - datetime.timedelta(minutes=minutes_ago)
    Inquiry.objects.filter(pk=inquiry.pk).update(created_at=received)
    inquiry.created_at = received
    return inquiry


def references(response) -> list[str]:
    return [inquiry.reference for inquiry in response.context["page"].object_list]


# Who may see it -----------------------------------------------------------------


def test_url_is_swedish():
    assert reverse("inquiries:inbox") == URL


def test_anonymous_is_sent_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == f"/handlaggare/konto/logga-in/?next={URL}"


@pytest.mark.parametrize("who", ["no_role_user", "editor"])
def test_without_the_permission_is_403(client, request, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(URL).status_code == 403


def test_advisor_sees_the_inbox(advisor_client):
    make_inquiry(name="Sara Lind", reference="ASF-2026-00900")
    response = advisor_client.get(URL)
    assert response.status_code == 200
    assert "<h1>Ärenden</h1>" in response.text
    assert "<caption" in response.text and 'scope="col"' in response.text
    assert "Sara Lind" in response.text
    assert reverse("inquiries:detail", args=[Inquiry.objects.get().pk]) in response.text
    assert 'aria-current="page">Ärenden' in response.text


def test_inbox_is_not_cached(advisor_client):
    assert "no-store" in advisor_client.get(URL)["Cache-Control"]


# Filters --------------------------------------------------------------------------


def test_default_shows_open_inquiries_newest_first(advisor_client):
    older = make_inquiry(minutes_ago=30)
    newer = make_inquiry(minutes_ago=5, status=InquiryStatus.IN_PROGRESS)
    make_inquiry(minutes_ago=1, status=InquiryStatus.CLOSED, closed_at=timezone.now())
    response = advisor_client.get(URL)
    assert references(response) == [newer.reference, older.reference]
    assert "2 ärenden" in response.text


@pytest.mark.parametrize(
    ("value", "expected"),
    [("ny", ["new"]), ("pagar", ["in_progress"]), ("avslutad", ["closed"])],
)
def test_status_filter(advisor_client, value, expected):
    for status in InquiryStatus:
        make_inquiry(status=status, closed_at=timezone.now() if status == "closed" else None)
    response = advisor_client.get(URL, {"status": value})
    assert [i.status for i in response.context["page"].object_list] == expected


def test_status_all_includes_closed(advisor_client):
    for status in InquiryStatus:
        make_inquiry(status=status)
    assert len(references(advisor_client.get(URL, {"status": "alla"}))) == 3


def test_topic_filter(advisor_client):
    make_inquiry(topic=InquiryTopic.WORK)
    start = make_inquiry(topic=InquiryTopic.START)
    assert references(advisor_client.get(URL, {"amne": "starta"})) == [start.reference]


def test_assignee_filter_me_nobody_and_one_advisor(advisor_client, advisor, other_advisor):
    mine = make_inquiry(assigned_to=advisor)
    theirs = make_inquiry(assigned_to=other_advisor)
    nobodys = make_inquiry()
    assert references(advisor_client.get(URL, {"handlaggare": "mig"})) == [mine.reference]
    assert references(advisor_client.get(URL, {"handlaggare": "ingen"})) == [nobodys.reference]
    response = advisor_client.get(URL, {"handlaggare": str(other_advisor.pk)})
    assert references(response) == [theirs.reference]
    assert f'<option value="{other_advisor.pk}"' in response.text


def test_assignee_choices_are_active_advisors_only(advisor_client, editor):
    retired = UserFactory(username="gammal", is_active=False)
    retired.groups.add(Group.objects.get(name="Rådgivare"))
    text = advisor_client.get(URL).text
    assert f'<option value="{editor.pk}"' not in text
    assert f'<option value="{retired.pk}"' not in text


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"status": "hackad"}, "Den statusen finns inte. Du ser öppna ärenden i stället."),
        ({"amne": "<script>"}, "Det ämnet finns inte. Du ser ärenden om alla ämnen."),
        ({"handlaggare": "99999"}, "Den personen finns inte bland rådgivarna."),
        ({"handlaggare": "x' OR 1=1"}, "Den personen finns inte bland rådgivarna."),
        ({"sida": "abc"}, "Sidan du bad om finns inte. Du ser första sidan."),
        ({"sida": "999"}, "Sidan du bad om finns inte. Du ser första sidan."),
    ],
)
def test_bad_filter_values_are_ignored_with_a_message(advisor_client, params, message):
    open_one = make_inquiry()
    make_inquiry(status=InquiryStatus.CLOSED, closed_at=timezone.now())
    response = advisor_client.get(URL, params)
    assert response.status_code == 200
    assert message in response.text
    assert "Vi kunde inte använda allt du valde" in response.text
    assert references(response) == [open_one.reference]
    assert "<script>" not in response.text.split("<main")[1]


def test_editor_cannot_be_used_as_assignee_filter(advisor_client, editor):
    make_inquiry(assigned_to=None)
    response = advisor_client.get(URL, {"handlaggare": str(editor.pk)})
    assert "Den personen finns inte bland rådgivarna." in response.text
    assert len(references(response)) == 1


def test_empty_inbox_says_so(advisor_client):
    response = advisor_client.get(URL)
    assert "Det finns inga öppna ärenden just nu." in response.text
    filtered = advisor_client.get(URL, {"amne": "annat"})
    assert "Inga ärenden matchar filtret." in filtered.text


# Pages -----------------------------------------------------------------------------


def test_pages_of_25_newest_first(advisor_client):
    made = [make_inquiry(minutes_ago=minutes) for minutes in range(30)]
    first = advisor_client.get(URL)
    second = advisor_client.get(URL, {"sida": "2"})
    assert references(first) == [i.reference for i in made[:25]]
    assert references(second) == [i.reference for i in made[25:]]
    assert "Sida 1 av 2" in first.text
    assert "?sida=2" in first.text


def test_page_links_keep_the_filters(advisor_client):
    for minutes in range(26):
        make_inquiry(minutes_ago=minutes, topic=InquiryTopic.START)
    text = advisor_client.get(URL, {"amne": "starta"}).text
    assert "?amne=starta&amp;sida=2" in text


@pytest.mark.parametrize("count", [5, 40])
def test_query_count_does_not_grow_with_the_rows(
    advisor_client, advisor, other_advisor, count, django_assert_max_num_queries
):
    for n in range(count):
        make_inquiry(minutes_ago=n, assigned_to=[advisor, other_advisor, None][n % 3])
    # session, user, two permission lookups, advisors, count, rows, and the
    # idle timeout's session save (savepoint, update, release)
    with django_assert_max_num_queries(10):
        response = advisor_client.get(URL, {"status": "alla"})
    assert len(references(response)) == min(count, 25)


# The dashboard's selector ----------------------------------------------------------


def test_dashboard_inquiries_counts_and_lists(advisor, other_advisor):
    new = [make_inquiry(minutes_ago=m) for m in (1, 2, 3, 4, 5, 6, 7)]
    mine_open = make_inquiry(minutes_ago=10, assigned_to=advisor, status="in_progress")
    mine_new = make_inquiry(minutes_ago=11, assigned_to=advisor)
    make_inquiry(assigned_to=advisor, status=InquiryStatus.CLOSED, closed_at=timezone.now())
    make_inquiry(assigned_to=other_advisor, status="in_progress")
    result = dashboard_inquiries(user=advisor, limit=5)
    assert result.new_count == 8
    assert [i.reference for i in result.new] == [i.reference for i in new[:5]]
    assert result.mine_count == 2
    assert [i.reference for i in result.mine] == [mine_open.reference, mine_new.reference]


def test_dashboard_inquiries_costs_at_most_four_queries(advisor):
    for n in range(12):
        make_inquiry(minutes_ago=n, assigned_to=advisor if n % 2 else None)
    with CaptureQueriesContext(connection) as queries:
        result = dashboard_inquiries(user=advisor)
        names = [i.assigned_to.username for i in result.mine]
        _ = [i.assigned_to for i in result.new]
    assert len(queries) <= 4
    assert names == ["rut"] * 5


def test_dashboard_inquiries_is_frozen(advisor):
    result = dashboard_inquiries(user=advisor)
    assert (result.new_count, result.new, result.mine_count, result.mine) == (0, (), 0, ())
    with pytest.raises(AttributeError):
        result.new_count = 3


def test_the_inbox_and_the_inquiry_say_which_language_and_whether_an_interpreter_is_needed(
    advisor_client,
):
    needs = make_inquiry(language="annat", language_other="Somaliska", interpreter="ja")
    make_inquiry(language="sv", interpreter="nej")
    make_inquiry()  # from before the form asked

    inbox = advisor_client.get(URL).text
    detail = advisor_client.get(reverse("inquiries:detail", args=[needs.pk])).text

    assert 'Somaliska <span class="status status--interpreter">tolk</span>' in inbox
    assert inbox.count("status--interpreter") == 1
    assert ">Svenska</td>" in inbox
    assert "Behöver tolk: boka en till samtalet" in detail
    assert "Somaliska" in detail


# The inbox as a CSV list -------------------------------------------------------------

EXPORT = "/handlaggare/arenden/lista.csv"


def read_list(response) -> list[list[str]]:
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))


def test_the_list_has_the_filtered_inquiries_with_language_and_interpreter_and_no_contact(
    advisor_client, advisor
):
    somali = make_inquiry(
        minutes_ago=1,
        phone="070-123 45 67",
        email="",
        language="annat",
        language_other="Somaliska",
        interpreter="ja",
        assigned_to=advisor,
    )
    english = make_inquiry(minutes_ago=2, language="en", interpreter="nej")
    old = make_inquiry(minutes_ago=3, phone="08-1", email="gammal@example.se")
    make_inquiry(minutes_ago=4, topic=InquiryTopic.START)

    response = advisor_client.get(EXPORT, {"amne": "jobba", "sida": "7"})

    rows = read_list(response)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="arenden-')
    assert rows[0] == [
        "Referens",
        "Inkommen",
        "Ämne",
        "Status",
        "Handläggare",
        "Språk för samtalet",
        "Tolk",
        "Vill bli kontaktad via",
    ]
    assert [row[0] for row in rows[1:]] == [somali.reference, english.reference, old.reference]
    assert rows[1][2:] == [
        "Jag vill jobba på ett socialt företag",
        "Ny",
        "Rut",
        "Somaliska",
        "Ja",
        "Telefon",
    ]
    assert rows[2][5:] == ["English", "Nej", "E-post"]
    assert rows[3][5:] == ["", "", "Telefon eller e-post"]
    body = response.content.decode()
    assert "Person" not in body and "@example.se" not in body and "070" not in body


def test_each_listed_inquiry_gets_a_row_in_its_access_log(advisor_client, advisor):
    listed = [make_inquiry(minutes_ago=m) for m in (1, 2)]
    left_out = make_inquiry(status=InquiryStatus.CLOSED, closed_at=timezone.now())

    advisor_client.get(EXPORT)

    logged = InquiryAccess.objects.filter(user=advisor).order_by("reference")
    assert [(row.reference, row.action, row.detail) for row in logged] == [
        (inquiry.reference, "view", "Ingick i en lista som laddades ner (CSV)")
        for inquiry in sorted(listed, key=lambda i: i.reference)
    ]
    assert not left_out.access_log.exists()


def test_the_list_is_for_advisors_only(client, editor):
    client.force_login(editor)
    make_inquiry()

    assert client.get(EXPORT).status_code == 403
    assert not InquiryAccess.objects.exists()


def test_the_inbox_links_to_the_list_with_its_filters(advisor_client):
    make_inquiry(topic=InquiryTopic.START)

    text = advisor_client.get(URL, {"amne": "starta", "sida": "1"}).text

    assert f'href="{EXPORT}?amne=starta" download>Ladda ner listan som CSV-fil</a>' in text


@pytest.mark.parametrize("count", [5, 40])
def test_the_lists_query_count_does_not_grow_with_the_rows(
    advisor_client, advisor, other_advisor, count, django_assert_max_num_queries
):
    for n in range(count):
        make_inquiry(minutes_ago=n, assigned_to=[advisor, other_advisor, None][n % 3])
    # session, user, two permission lookups, advisors, rows, the access log's
    # insert, and the idle timeout's session save (savepoint, update, release)
    with django_assert_max_num_queries(10):
        response = advisor_client.get(EXPORT, {"status": "alla"})
    assert len(read_list(response)) == count + 1
