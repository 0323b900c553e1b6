"""Handling one inquiry: its page, assigning, notes, status, the access log,
the retention purge, and the advisors' notice mail."""

import datetime
import itertools
import uuid
import zoneinfo
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from guidance.models import Inquiry, InquiryAccess, InquiryNote, InquiryStatus, InquiryTopic
from guidance.services import (
    InquiryChangedError,
    inquiries_purge,
    inquiry_add_note,
    inquiry_assign,
    inquiry_log_access,
    inquiry_set_status,
    inquiry_submit,
)
from tests.factories import UserFactory
from tests.tasks import run_tasks

pytestmark = pytest.mark.django_db

STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")
_numbers = itertools.count(1)


def make_inquiry(**overrides) -> Inquiry:
    number = next(_numbers)
    fields = {
        "reference": f"ASF-2026-{number:05d}",
        "name": "Sara Lind",
        "email": "sara@example.se",
        "phone": "070-123 45 67",
        "topic": InquiryTopic.WORK,
        "message": "Jag vill veta mer om arbetsträning.",
    }
    return Inquiry.objects.create(**(fields | overrides))


def detail_url(inquiry: Inquiry) -> str:
    return reverse("inquiries:detail", args=[inquiry.pk])


def action_url(name: str, inquiry: Inquiry) -> str:
    return reverse(f"inquiries:{name}", args=[inquiry.pk])


def log_rows(inquiry: Inquiry, action: str | None = None) -> list[tuple]:
    rows = InquiryAccess.objects.filter(reference=inquiry.reference).order_by("pk")
    if action:
        rows = rows.filter(action=action)
    return list(rows.values_list("user__username", "action", "detail"))


def follow_messages(client, response) -> str:
    assert response.status_code == 302
    return client.get(response["Location"]).text


# The detail page: who may see it ------------------------------------------------------


def test_detail_url_is_swedish():
    assert reverse("inquiries:detail", args=[7]) == "/handlaggare/arenden/7/"


def test_detail_anonymous_is_sent_to_login(client):
    url = detail_url(make_inquiry())
    response = client.get(url)
    assert response["Location"] == f"/handlaggare/konto/logga-in/?next={url}"


@pytest.mark.parametrize("who", ["no_role_user", "editor"])
def test_detail_without_the_permission_is_403_and_logs_nothing(client, request, who):
    inquiry = make_inquiry()
    client.force_login(request.getfixturevalue(who))
    assert client.get(detail_url(inquiry)).status_code == 403
    assert log_rows(inquiry) == []


def test_detail_missing_inquiry_is_404(advisor_client):
    assert advisor_client.get(reverse("inquiries:detail", args=[4242])).status_code == 404


def test_detail_shows_the_inquiry(advisor_client, other_advisor):
    inquiry = make_inquiry(assigned_to=other_advisor, preferred_time="morning")
    response = advisor_client.get(detail_url(inquiry))
    text = response.text
    assert response.status_code == 200
    assert f"<h1>Ärende {inquiry.reference}</h1>" in text
    assert "Sara Lind" in text
    assert 'href="mailto:sara@example.se"' in text
    assert 'href="tel:0701234567"' in text
    assert "Förmiddag" in text
    assert "Jag vill veta mer om arbetsträning." in text
    assert "Jag vill jobba på ett socialt företag" in text
    assert "Ali" in text
    assert f'href="{reverse("inquiries:inbox")}">Ärenden</a>' in text  # the crumb
    assert "no-store" in response["Cache-Control"]


def test_detail_escapes_what_the_citizen_wrote(advisor_client):
    inquiry = make_inquiry(name="<b>Sara</b>", message="<script>alert(1)</script>")
    text = advisor_client.get(detail_url(inquiry)).text
    assert "<script>alert(1)</script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


# The access log ----------------------------------------------------------------------


def test_every_view_is_logged_with_the_user(client, advisor, other_advisor):
    inquiry = make_inquiry()
    client.force_login(advisor)
    client.get(detail_url(inquiry))
    client.force_login(other_advisor)
    response = client.get(detail_url(inquiry))
    assert log_rows(inquiry) == [("rut", "view", ""), ("ali", "view", "")]
    assert "Läste" in response.text and "Rut" in response.text


def test_access_log_shows_at_most_20_rows(advisor_client, advisor):
    inquiry = make_inquiry()
    for _ in range(25):
        inquiry_log_access(inquiry=inquiry, user=advisor, action="view")
    response = advisor_client.get(detail_url(inquiry))
    assert len(response.context["access_log"]) == 20
    assert response.text.count("<td>Läste</td>") == 20


def test_access_log_shows_only_this_inquiry(advisor_client, advisor):
    inquiry, other = make_inquiry(), make_inquiry()
    inquiry_set_status(inquiry=other, status="in_progress", by=advisor)
    response = advisor_client.get(detail_url(inquiry))
    assert "Status: Ny → Pågår" not in response.text


# Answers from the advice flow: only with consent ----------------------------------------

ANSWERS = [{"question": "Vad söker du?", "answers": ["Arbetsträning"]}]


def test_answers_are_hidden_without_consent(advisor_client):
    inquiry = make_inquiry(flow_answers=ANSWERS, answers_consent_at=None)
    text = advisor_client.get(detail_url(inquiry)).text
    assert "Vad söker du?" not in text
    assert "Inga svar från vägledningen skickades med." in text


def test_answers_are_shown_with_the_time_of_consent(advisor_client):
    consent = datetime.datetime(2026, 3, 2, 9, 15, tzinfo=STOCKHOLM)
    inquiry = make_inquiry(flow_answers=ANSWERS, answers_consent_at=consent)
    text = advisor_client.get(detail_url(inquiry)).text
    assert "Vad söker du?" in text and "Arbetsträning" in text
    assert "Personen samtyckte 2 mars 2026 09:15" in text


# Actions: who, method, missing object ---------------------------------------------------

ACTIONS = [
    ("assign", {"handlaggare": "ingen"}),
    ("add_note", {"text": "Ringt, inget svar."}),
    ("set_status", {"status": "in_progress", "sett": "new"}),
]


@pytest.mark.parametrize(("name", "data"), ACTIONS)
def test_action_anonymous_is_sent_to_login(client, name, data):
    url = action_url(name, make_inquiry())
    response = client.post(url, data)
    assert response["Location"] == f"/handlaggare/konto/logga-in/?next={url}"


@pytest.mark.parametrize(("name", "data"), ACTIONS)
@pytest.mark.parametrize("who", ["no_role_user", "editor"])
def test_action_without_the_permission_is_403(client, request, who, name, data):
    inquiry = make_inquiry()
    client.force_login(request.getfixturevalue(who))
    assert client.post(action_url(name, inquiry), data).status_code == 403
    assert log_rows(inquiry) == []
    assert not InquiryNote.objects.exists()


@pytest.mark.parametrize(("name", "data"), ACTIONS)
def test_action_by_get_is_405(advisor_client, name, data):
    inquiry = make_inquiry()
    assert advisor_client.get(action_url(name, inquiry), data).status_code == 405
    assert log_rows(inquiry) == []


@pytest.mark.parametrize(("name", "data"), ACTIONS)
def test_action_on_missing_inquiry_is_404(advisor_client, name, data):
    assert advisor_client.post(reverse(f"inquiries:{name}", args=[4242]), data).status_code == 404


def test_actions_need_the_csrf_token(advisor):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(advisor)
    inquiry = make_inquiry()
    response = client.post(action_url("set_status", inquiry), {"status": "closed", "sett": "new"})
    assert response.status_code == 403
    inquiry.refresh_from_db()
    assert inquiry.status == InquiryStatus.NEW


# Assign -------------------------------------------------------------------------------------


def test_take_the_inquiry(advisor_client, advisor):
    inquiry = make_inquiry()
    assert "Ta ärendet" in advisor_client.get(detail_url(inquiry)).text
    response = advisor_client.post(action_url("assign", inquiry), {"handlaggare": advisor.pk})
    assert response["Location"] == detail_url(inquiry)
    inquiry.refresh_from_db()
    assert inquiry.assigned_to == advisor
    assert log_rows(inquiry, "change") == [("rut", "change", "Handläggare: Ingen → Rut")]
    page = follow_messages(advisor_client, response)
    assert "Du har tagit ärendet." in page
    assert "Ta ärendet" not in page


def test_give_to_another_advisor_and_then_to_nobody(advisor_client, other_advisor):
    inquiry = make_inquiry()
    response = advisor_client.post(action_url("assign", inquiry), {"handlaggare": other_advisor.pk})
    assert "Ali har nu ärendet." in follow_messages(advisor_client, response)
    response = advisor_client.post(action_url("assign", inquiry), {"handlaggare": "ingen"})
    assert "Ärendet har ingen handläggare nu." in follow_messages(advisor_client, response)
    inquiry.refresh_from_db()
    assert inquiry.assigned_to is None
    assert [row[2] for row in log_rows(inquiry, "change")] == [
        "Handläggare: Ingen → Ali",
        "Handläggare: Ali → Ingen",
    ]


@pytest.mark.parametrize("value", ["editor", "inactive", "99999", "abc", ""])
def test_assign_to_someone_not_an_active_advisor_is_a_form_error(advisor_client, editor, value):
    inactive = UserFactory(username="borta", is_active=False)
    inactive.groups.add(Group.objects.get(name="Rådgivare"))
    posted = {"editor": editor.pk, "inactive": inactive.pk}.get(value, value)
    inquiry = make_inquiry()
    response = advisor_client.post(action_url("assign", inquiry), {"handlaggare": posted})
    assert response.status_code == 200
    assert "Något behöver rättas" in response.text
    assert (
        "Välj en rådgivare i listan." in response.text
        or "Välj en handläggare eller Ingen handläggare." in response.text
    )
    inquiry.refresh_from_db()
    assert inquiry.assigned_to is None
    assert log_rows(inquiry, "change") == []


def test_assign_service_refuses_a_non_advisor(advisor, editor):
    inquiry = make_inquiry()
    with pytest.raises(ValidationError):
        inquiry_assign(inquiry=inquiry, assignee=editor, by=advisor)
    inquiry.refresh_from_db()
    assert inquiry.assigned_to is None


def test_assigning_the_same_person_again_logs_nothing(advisor):
    inquiry = make_inquiry(assigned_to=advisor)
    inquiry_assign(inquiry=inquiry, assignee=advisor, by=advisor)
    assert log_rows(inquiry) == []


# Notes --------------------------------------------------------------------------------------


def test_add_a_note(advisor_client):
    inquiry = make_inquiry()
    response = advisor_client.post(
        action_url("add_note", inquiry), {"text": "Ringt, bokat möte på tisdag."}
    )
    assert response["Location"] == detail_url(inquiry)
    note = InquiryNote.objects.get()
    assert (note.inquiry, note.author.username, note.text) == (
        inquiry,
        "rut",
        "Ringt, bokat möte på tisdag.",
    )
    assert log_rows(inquiry, "change") == [("rut", "change", "Anteckning tillagd")]
    page = follow_messages(advisor_client, response)
    assert "Anteckningen är sparad." in page
    assert "Ringt, bokat möte på tisdag." in page
    assert "Rut," in page  # the author beside the note


def test_overlong_note_keeps_the_text_and_saves_nothing(advisor_client):
    inquiry = make_inquiry()
    text = "Lång anteckning " + "x" * 4000
    response = advisor_client.post(action_url("add_note", inquiry), {"text": text})
    assert response.status_code == 200
    assert f"Skriv högst 4000 tecken. Nu är det {len(text)}." in response.text
    assert "Något behöver rättas" in response.text
    assert text in response.text
    assert not InquiryNote.objects.exists()
    assert log_rows(inquiry, "change") == []


def test_note_of_exactly_4000_characters_with_line_breaks_is_saved(advisor_client):
    inquiry = make_inquiry()
    text = ("x" * 99 + "\r\n") * 40  # 4000 characters as the browser counts them
    response = advisor_client.post(action_url("add_note", inquiry), {"text": text})
    assert response.status_code == 302
    assert len(InquiryNote.objects.get().text) == 3999  # stripped of the last newline


@pytest.mark.parametrize("text", ["", "   \n  "])
def test_empty_note_is_a_form_error(advisor_client, text):
    inquiry = make_inquiry()
    response = advisor_client.post(action_url("add_note", inquiry), {"text": text})
    assert response.status_code == 200
    assert "Skriv en anteckning." in response.text
    assert not InquiryNote.objects.exists()


# Status ---------------------------------------------------------------------------------


def test_status_new_to_in_progress(advisor_client):
    inquiry = make_inquiry()
    response = advisor_client.post(
        action_url("set_status", inquiry), {"status": "in_progress", "sett": "new"}
    )
    assert response["Location"] == detail_url(inquiry)
    inquiry.refresh_from_db()
    assert (inquiry.status, inquiry.closed_at) == (InquiryStatus.IN_PROGRESS, None)
    assert log_rows(inquiry, "change") == [("rut", "change", "Status: Ny → Pågår")]
    assert "Ärendet har status Pågår." in follow_messages(advisor_client, response)


def test_closing_stamps_closed_at_and_reopening_clears_it(advisor_client):
    inquiry = make_inquiry(status=InquiryStatus.IN_PROGRESS)
    before = timezone.now()
    advisor_client.post(
        action_url("set_status", inquiry), {"status": "closed", "sett": "in_progress"}
    )
    inquiry.refresh_from_db()
    assert inquiry.status == InquiryStatus.CLOSED
    assert before <= inquiry.closed_at <= timezone.now()
    advisor_client.post(
        action_url("set_status", inquiry), {"status": "in_progress", "sett": "closed"}
    )
    inquiry.refresh_from_db()
    assert (inquiry.status, inquiry.closed_at) == (InquiryStatus.IN_PROGRESS, None)
    assert [row[2] for row in log_rows(inquiry, "change")] == [
        "Status: Pågår → Avslutad",
        "Status: Avslutad → Pågår",
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"status": "raderad", "sett": "new"}, "Välj en status i listan."),
        ({"sett": "new"}, "Välj en status."),
        ({"status": "closed"}, "Sidan var inte komplett. Ladda om sidan och försök igen."),
        ({"status": "closed", "sett": "x"}, "Sidan var inte komplett."),
    ],
)
def test_bad_status_input_is_a_form_error(advisor_client, data, message):
    inquiry = make_inquiry()
    response = advisor_client.post(action_url("set_status", inquiry), data)
    assert response.status_code == 200
    assert message in response.text
    inquiry.refresh_from_db()
    assert inquiry.status == InquiryStatus.NEW
    assert log_rows(inquiry, "change") == []


def test_status_changed_meanwhile_is_refused(advisor_client, other_advisor):
    inquiry = make_inquiry()
    page = advisor_client.get(detail_url(inquiry))
    assert 'name="sett" value="new"' in page.text
    inquiry_set_status(inquiry=inquiry, status="closed", by=other_advisor)  # someone else
    response = advisor_client.post(
        action_url("set_status", inquiry), {"status": "in_progress", "sett": "new"}
    )
    assert response["Location"] == detail_url(inquiry)
    inquiry.refresh_from_db()
    assert inquiry.status == InquiryStatus.CLOSED
    assert [row[2] for row in log_rows(inquiry, "change")] == ["Status: Ny → Avslutad"]
    assert (
        "Någon annan har ändrat ärendet medan du hade det öppet. Kontrollera och försök igen."
        in follow_messages(advisor_client, response)
    )


def test_set_status_service_raises_on_a_stale_expectation(advisor):
    inquiry = make_inquiry(status=InquiryStatus.IN_PROGRESS)
    with pytest.raises(InquiryChangedError):
        inquiry_set_status(inquiry=inquiry, status="closed", by=advisor, expected_status="new")
    inquiry.refresh_from_db()
    assert (inquiry.status, inquiry.closed_at) == ("in_progress", None)


def test_add_note_service_refuses_overlong_text(advisor):
    inquiry = make_inquiry()
    with pytest.raises(ValidationError):
        inquiry_add_note(inquiry=inquiry, author=advisor, text="x" * 4001)
    assert not InquiryNote.objects.exists()


# The retention purge ----------------------------------------------------------------------

NOW = datetime.datetime(2026, 3, 15, 12, 0, tzinfo=STOCKHOLM)
CUTOFF = datetime.datetime(2025, 3, 15, 12, 0, tzinfo=STOCKHOLM)  # 12 months earlier


def closed(at: datetime.datetime, **overrides) -> Inquiry:
    return make_inquiry(status=InquiryStatus.CLOSED, closed_at=at, **overrides)


def test_purge_boundaries(settings):
    settings.INQUIRY_RETENTION_MONTHS = 12
    outside = closed(CUTOFF - datetime.timedelta(seconds=1))
    inside = closed(CUTOFF + datetime.timedelta(seconds=1))
    assert inquiries_purge(now=NOW) == 1
    assert list(Inquiry.objects.values_list("reference", flat=True)) == [inside.reference]
    assert not Inquiry.objects.filter(pk=outside.pk).exists()


def test_purge_counts_calendar_months(settings):
    settings.INQUIRY_RETENTION_MONTHS = 1
    now = datetime.datetime(2026, 3, 31, 8, 0, tzinfo=STOCKHOLM)
    kept = closed(datetime.datetime(2026, 2, 28, 9, 0, tzinfo=STOCKHOLM))
    erased = closed(datetime.datetime(2026, 2, 28, 7, 0, tzinfo=STOCKHOLM))
    assert inquiries_purge(now=now) == 1
    assert list(Inquiry.objects.values_list("pk", flat=True)) == [kept.pk]
    assert erased.reference in InquiryAccess.objects.values_list("reference", flat=True)


def test_purge_never_erases_open_inquiries(settings):
    settings.INQUIRY_RETENTION_MONTHS = 12
    years_ago = NOW - datetime.timedelta(days=3 * 365)
    new = make_inquiry()
    stale = make_inquiry(status=InquiryStatus.IN_PROGRESS, closed_at=years_ago)
    Inquiry.objects.update(created_at=years_ago)
    assert inquiries_purge(now=NOW) == 0
    assert set(Inquiry.objects.values_list("pk", flat=True)) == {new.pk, stale.pk}


def test_purge_takes_the_notes_and_keeps_the_access_log(advisor):
    inquiry = make_inquiry()
    inquiry_log_access(inquiry=inquiry, user=advisor, action="view")
    inquiry_add_note(inquiry=inquiry, author=advisor, text="Möte bokat.")
    inquiry_set_status(inquiry=inquiry, status="closed", by=advisor)
    Inquiry.objects.filter(pk=inquiry.pk).update(closed_at=CUTOFF - datetime.timedelta(days=1))
    assert inquiries_purge(now=NOW) == 1
    assert not InquiryNote.objects.exists()
    rows = InquiryAccess.objects.filter(reference=inquiry.reference).order_by("pk")
    assert [(row.action, row.inquiry_id) for row in rows] == [
        ("view", None),
        ("change", None),
        ("change", None),
        ("erase", None),
    ]
    erase = rows.last()
    assert erase.user is None
    assert erase.detail == "Raderad enligt gallringsregeln (12 månader efter avslut)"


def test_purge_is_idempotent():
    closed(CUTOFF - datetime.timedelta(days=1))
    assert inquiries_purge(now=NOW) == 1
    assert inquiries_purge(now=NOW) == 0
    assert InquiryAccess.objects.filter(action="erase").count() == 1


def test_purge_command_prints_the_count(settings):
    settings.INQUIRY_RETENTION_MONTHS = 12
    long_ago = timezone.now() - datetime.timedelta(days=800)
    closed(long_ago)
    closed(long_ago)
    closed(timezone.now())
    out = StringIO()
    call_command("purge_inquiries", stdout=out)
    assert "Erased 2 closed inquiries" in out.getvalue()
    assert Inquiry.objects.count() == 1
    out = StringIO()
    call_command("purge_inquiries", stdout=out)
    assert "Erased 0 closed inquiries" in out.getvalue()


# The advisors' notice mail ------------------------------------------------------------------


def test_notice_links_to_the_inquiry_and_carries_no_personal_data(mailoutbox, settings):
    settings.SITE_URL = "https://asf.exempelkommunen.se"
    settings.ADVISORS_EMAIL = "radgivare@example.se"
    with translation.override("en"):  # the link is Swedish whatever the language
        inquiry, _created = inquiry_submit(
            submission_token=uuid.uuid4(),
            name="Sara Lind",
            topic=InquiryTopic.START,
            email="sara@example.se",
            phone="070-123 45 67",
            message="Jag har en idé om ett kafé.",
        )
    run_tasks()
    (notice,) = [mail for mail in mailoutbox if mail.to == ["radgivare@example.se"]]
    link = f"https://asf.exempelkommunen.se/handlaggare/arenden/{inquiry.pk}/"
    assert link in notice.body
    assert "/en/" not in notice.body
    for personal in ("Sara", "Lind", "sara@example.se", "070", "kafé"):
        assert personal not in notice.body
        assert personal not in notice.subject
