"""The person's rights, acted on by an advisor for one inquiry: a copy of their
data (export), withdrawn consent to the attached answers, and erasure."""

import datetime
import itertools
import json
import zoneinfo

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from guidance.models import Inquiry, InquiryAccess, InquiryNote, InquiryTopic
from guidance.services import (
    inquiry_add_note,
    inquiry_assign,
    inquiry_erase,
    inquiry_export,
    inquiry_log_access,
    inquiry_remove_answers,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")
CONSENT = datetime.datetime(2026, 3, 2, 9, 15, tzinfo=STOCKHOLM)
ANSWERS = [{"question": "Vad söker du?", "answers": ["Arbetsträning", "Stöd på jobbet"]}]
LOGIN = "/handlaggare/konto/logga-in/"
_numbers = itertools.count(1)


def make_inquiry(**overrides) -> Inquiry:
    fields = {
        "reference": f"ASF-2026-{next(_numbers):05d}",
        "name": "Sara Lind",
        "email": "sara@example.se",
        "phone": "070-123 45 67",
        "topic": InquiryTopic.WORK,
        "message": "Jag vill veta mer om arbetsträning.",
    }
    return Inquiry.objects.create(**(fields | overrides))


def with_answers(**overrides) -> Inquiry:
    return make_inquiry(flow_answers=ANSWERS, answers_consent_at=CONSENT, **overrides)


def url(name: str, inquiry_or_pk) -> str:
    return reverse(f"inquiries:{name}", args=[getattr(inquiry_or_pk, "pk", inquiry_or_pk)])


def log_rows(reference: str) -> list[tuple]:
    rows = InquiryAccess.objects.filter(reference=reference).order_by("pk")
    return list(rows.values_list("user__username", "action", "detail", "inquiry_id"))


def page_after(client, response) -> str:
    assert response.status_code == 302
    return client.get(response["Location"]).text


# Erase: the service --------------------------------------------------------------------


def test_erase_deletes_the_inquiry_and_its_notes_and_keeps_the_log(advisor):
    inquiry = make_inquiry()
    kept = make_inquiry()
    inquiry_log_access(inquiry=inquiry, user=advisor, action="view")
    inquiry_add_note(inquiry=inquiry, author=advisor, text="Personen vill bli raderad.")
    inquiry_add_note(inquiry=kept, author=advisor, text="Möte bokat.")

    entry = inquiry_erase(inquiry=inquiry, by=advisor)

    assert not Inquiry.objects.filter(pk=inquiry.pk).exists()
    assert list(InquiryNote.objects.values_list("text", flat=True)) == ["Möte bokat."]
    assert log_rows(inquiry.reference) == [
        ("rut", "view", "", None),
        ("rut", "change", "Anteckning tillagd", None),
        ("rut", "erase", "Raderad av en handläggare", None),
    ]
    assert (entry.reference, entry.user, entry.action) == (inquiry.reference, advisor, "erase")
    assert Inquiry.objects.get() == kept


def test_erase_service_raises_when_the_inquiry_is_already_gone(advisor):
    inquiry = make_inquiry()
    inquiry_erase(inquiry=inquiry, by=advisor)
    with pytest.raises(Inquiry.DoesNotExist):
        inquiry_erase(inquiry=inquiry, by=advisor)
    assert InquiryAccess.objects.filter(action="erase").count() == 1


# Erase: the pages ----------------------------------------------------------------------


def test_erase_url_is_swedish():
    assert reverse("inquiries:erase", args=[7]) == "/handlaggare/arenden/7/radera/"


def test_detail_page_links_to_the_erase_page(advisor_client):
    inquiry = make_inquiry()
    text = advisor_client.get(url("detail", inquiry)).text
    assert f'href="{url("erase", inquiry)}"' in text
    assert "Radera ärendet" in text


def test_erase_page_says_what_is_deleted_and_what_is_kept(advisor_client, advisor):
    inquiry = with_answers()
    inquiry_add_note(inquiry=inquiry, author=advisor, text="Ringt.")
    inquiry_add_note(inquiry=inquiry, author=advisor, text="Mejlat.")
    rows_before = log_rows(inquiry.reference)

    response = advisor_client.get(url("erase", inquiry))

    text = response.text
    assert response.status_code == 200
    assert f"<h1>Radera ärende {inquiry.reference}</h1>" in text
    assert "går inte att få tillbaka" in text
    assert f"Förfrågan {inquiry.reference}" in text
    assert "Personens kontaktuppgifter: namn, e-post och telefon" in text
    assert "Meddelandet som personen skrev" in text
    assert "Svaren från vägledningen som personen skickade med" in text
    assert "Anteckningarna (2 anteckningar)" in text
    assert "Åtkomstloggen sparar bara referensnumret" in text
    assert f'href="{url("export", inquiry)}"' in text
    assert f'action="{url("erase", inquiry)}"' in text
    assert f'name="referens" value="{inquiry.reference}"' in text
    assert "Sara" not in text and "sara@example.se" not in text  # no personal data
    assert log_rows(inquiry.reference) == rows_before  # so showing it is not logged
    assert "no-store" in response["Cache-Control"]


def test_erase_page_without_answers_or_notes_says_so(advisor_client):
    text = advisor_client.get(url("erase", make_inquiry())).text
    assert "Svar från vägledningen: inga skickades med" in text
    assert "Anteckningarna (0 anteckningar)" in text


def test_erase_deletes_and_goes_to_the_inbox_with_a_message(advisor_client, advisor):
    inquiry = make_inquiry()
    inquiry_add_note(inquiry=inquiry, author=advisor, text="Personen vill bli raderad.")

    response = advisor_client.post(url("erase", inquiry), {"referens": inquiry.reference})

    assert response["Location"] == reverse("inquiries:inbox")
    assert not Inquiry.objects.exists()
    assert not InquiryNote.objects.exists()
    assert log_rows(inquiry.reference)[-1] == ("rut", "erase", "Raderad av en handläggare", None)
    page = page_after(advisor_client, response)
    assert f"Ärendet {inquiry.reference} är raderat." in page
    assert "Sara Lind" not in page


def test_erase_twice_lands_in_the_inbox_and_logs_once(advisor_client):
    inquiry = make_inquiry()
    advisor_client.post(url("erase", inquiry), {"referens": inquiry.reference})

    again = advisor_client.post(url("erase", inquiry), {"referens": inquiry.reference})

    assert again["Location"] == reverse("inquiries:inbox")
    assert f"Ärendet {inquiry.reference} är raderat." in page_after(advisor_client, again)
    assert InquiryAccess.objects.filter(action="erase").count() == 1


@pytest.mark.parametrize("method", ["get", "post"])
def test_erase_missing_inquiry_is_404(advisor_client, method):
    response = getattr(advisor_client, method)(url("erase", 4242), {"referens": "ASF-2026-99999"})
    assert response.status_code == 404


def test_erase_post_for_a_reference_never_erased_is_404(advisor_client):
    kept = make_inquiry()
    response = advisor_client.post(url("erase", 4242), {"referens": kept.reference})
    assert response.status_code == 404
    assert Inquiry.objects.get() == kept


@pytest.mark.parametrize("method", ["get", "post"])
def test_erase_anonymous_is_sent_to_login(client, method):
    inquiry = make_inquiry()
    response = getattr(client, method)(url("erase", inquiry))
    assert response["Location"] == f"{LOGIN}?next={url('erase', inquiry)}"
    assert Inquiry.objects.filter(pk=inquiry.pk).exists()


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("who", ["no_role_user", "editor"])
def test_erase_without_the_permission_is_403(client, request, who, method):
    inquiry = make_inquiry()
    client.force_login(request.getfixturevalue(who))
    assert getattr(client, method)(url("erase", inquiry)).status_code == 403
    assert Inquiry.objects.filter(pk=inquiry.pk).exists()
    assert log_rows(inquiry.reference) == []


def test_erase_needs_the_delete_permission_too(client):
    """A user who may read inquiries but not delete them sees no erase section."""
    reader = UserFactory(username="lasare")
    reader.user_permissions.add(Permission.objects.get(codename="view_inquiry"))
    client.force_login(reader)
    inquiry = make_inquiry()
    assert "Radera ärendet" not in client.get(url("detail", inquiry)).text
    assert client.post(url("erase", inquiry)).status_code == 403
    assert Inquiry.objects.filter(pk=inquiry.pk).exists()


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_erase_by_another_method_is_405(advisor_client, method):
    inquiry = make_inquiry()
    assert getattr(advisor_client, method)(url("erase", inquiry)).status_code == 405
    assert Inquiry.objects.filter(pk=inquiry.pk).exists()


def test_erase_needs_the_csrf_token(advisor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(advisor)
    inquiry = make_inquiry()
    assert client.post(url("erase", inquiry)).status_code == 403
    assert Inquiry.objects.filter(pk=inquiry.pk).exists()


# Withdrawn consent: remove the attached answers ---------------------------------------------


def test_remove_answers_service_clears_answers_and_consent(advisor):
    inquiry = with_answers()

    inquiry_remove_answers(inquiry=inquiry, by=advisor)

    inquiry.refresh_from_db()
    assert (inquiry.flow_answers, inquiry.answers_consent_at) == ([], None)
    assert log_rows(inquiry.reference) == [("rut", "change", "Bifogade svar borttagna", inquiry.pk)]
    assert (inquiry.name, inquiry.message) == ("Sara Lind", "Jag vill veta mer om arbetsträning.")


def test_remove_answers_when_none_are_left_logs_nothing(advisor):
    inquiry = make_inquiry()
    inquiry_remove_answers(inquiry=inquiry, by=advisor)
    assert log_rows(inquiry.reference) == []


def test_remove_answers_button_only_with_consent(advisor_client):
    with_consent, without = with_answers(), make_inquiry()
    assert "Ta bort bifogade svar" in advisor_client.get(url("detail", with_consent)).text
    assert "Ta bort bifogade svar" not in advisor_client.get(url("detail", without)).text


def test_remove_answers_from_the_page(advisor_client):
    inquiry = with_answers()

    response = advisor_client.post(url("remove_answers", inquiry))

    assert response["Location"] == url("detail", inquiry)
    inquiry.refresh_from_db()
    assert (inquiry.flow_answers, inquiry.answers_consent_at) == ([], None)
    page = page_after(advisor_client, response)
    assert "De bifogade svaren är borttagna." in page
    assert "Inga svar från vägledningen skickades med." in page
    assert "Arbetsträning" not in page
    assert "Ändrade: Bifogade svar borttagna" in page


def test_remove_answers_anonymous_is_sent_to_login(client):
    inquiry = with_answers()
    response = client.post(url("remove_answers", inquiry))
    assert response["Location"] == f"{LOGIN}?next={url('remove_answers', inquiry)}"
    inquiry.refresh_from_db()
    assert inquiry.flow_answers == ANSWERS


@pytest.mark.parametrize("who", ["no_role_user", "editor"])
def test_remove_answers_without_the_permission_is_403(client, request, who):
    inquiry = with_answers()
    client.force_login(request.getfixturevalue(who))
    assert client.post(url("remove_answers", inquiry)).status_code == 403
    inquiry.refresh_from_db()
    assert inquiry.answers_consent_at == CONSENT


def test_remove_answers_by_get_is_405(advisor_client):
    inquiry = with_answers()
    assert advisor_client.get(url("remove_answers", inquiry)).status_code == 405
    inquiry.refresh_from_db()
    assert inquiry.flow_answers == ANSWERS


def test_remove_answers_on_missing_inquiry_is_404(advisor_client):
    assert advisor_client.post(url("remove_answers", 4242)).status_code == 404


# Export: a copy of the person's data --------------------------------------------------------


def test_export_service_has_the_fields_answers_and_notes(advisor, other_advisor):
    inquiry = with_answers(
        preferred_time="morning", language="annat", language_other="Tigrinja", interpreter="ja"
    )
    inquiry_assign(inquiry=inquiry, assignee=other_advisor, by=advisor)
    inquiry_add_note(inquiry=inquiry, author=other_advisor, text="Ringt, möte på tisdag.")
    gone = UserFactory(username="slutat")
    inquiry_add_note(inquiry=inquiry, author=gone, text="Mejlat broschyr.")
    gone.delete()
    inquiry = Inquiry.objects.select_related("assigned_to").get(pk=inquiry.pk)

    document = inquiry_export(inquiry=inquiry, by=advisor)

    assert document["reference"] == inquiry.reference
    assert document["inquiry"] == {
        "created_at": document["inquiry"]["created_at"],
        "name": "Sara Lind",
        "email": "sara@example.se",
        "phone": "070-123 45 67",
        "preferred_time": "Förmiddag",
        "topic": "Jag vill jobba på ett socialt företag",
        "language": "Tigrinja",
        "interpreter": "Ja, jag behöver tolk",
        "message": "Jag vill veta mer om arbetsträning.",
        "status": "Ny",
        "closed_at": None,
        "assigned_to": "Ali",
    }
    assert document["attached_answers"] == {
        "consent_at": "2026-03-02T09:15:00+01:00",
        "answers": ANSWERS,
    }
    notes = [(note["author"], note["text"]) for note in document["notes"]]
    assert notes == [("Ali", "Ringt, möte på tisdag."), (None, "Mejlat broschyr.")]
    assert all(note["created_at"] for note in document["notes"])
    assert log_rows(inquiry.reference)[-1] == (
        "rut",
        "view",
        "Exporterade uppgifterna",
        inquiry.pk,
    )


def test_export_download(advisor_client):
    inquiry = with_answers()

    response = advisor_client.get(url("export", inquiry))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="arende-{inquiry.reference}.json"'
    )
    assert "no-store" in response["Cache-Control"]
    raw = response.content.decode("utf-8")
    assert "arbetsträning" in raw  # UTF-8, not \\u escapes
    document = json.loads(raw)
    assert document["inquiry"]["name"] == "Sara Lind"
    assert document["attached_answers"]["answers"] == ANSWERS
    assert log_rows(inquiry.reference) == [("rut", "view", "Exporterade uppgifterna", inquiry.pk)]


def test_export_is_linked_from_the_detail_page(advisor_client):
    inquiry = make_inquiry()
    text = advisor_client.get(url("detail", inquiry)).text
    assert f'href="{url("export", inquiry)}"' in text


def test_export_anonymous_is_sent_to_login(client):
    inquiry = make_inquiry()
    response = client.get(url("export", inquiry))
    assert response["Location"] == f"{LOGIN}?next={url('export', inquiry)}"
    assert log_rows(inquiry.reference) == []


@pytest.mark.parametrize("who", ["no_role_user", "editor"])
def test_export_without_the_permission_is_403(client, request, who):
    inquiry = make_inquiry()
    client.force_login(request.getfixturevalue(who))
    response = client.get(url("export", inquiry))
    assert response.status_code == 403
    assert "Sara" not in response.text
    assert log_rows(inquiry.reference) == []


def test_export_by_post_is_405(advisor_client):
    inquiry = make_inquiry()
    assert advisor_client.post(url("export", inquiry)).status_code == 405
    assert log_rows(inquiry.reference) == []


def test_export_missing_inquiry_is_404(advisor_client):
    assert advisor_client.get(url("export", 4242)).status_code == 404
