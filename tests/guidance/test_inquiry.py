"""Prata med en rådgivare: the inquiry form, its receipt and its mails."""

import re
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from asfportal.core.models import MailStatus, OutboundMail
from guidance.models import Inquiry, InquiryTopic
from guidance.services import inquiry_next_reference, inquiry_submit
from tests.factories import build_flow
from tests.tasks import run_tasks

pytestmark = pytest.mark.django_db

URL = "/kontakt/"


def form_data(**overrides):
    data = {
        "token": str(uuid.uuid4()),
        "name": "Sara Lind",
        "email": "sara@example.se",
        "phone": "",
        "preferred_time": "morning",
        "language": "sv",
        "interpreter": "nej",
        "topic": InquiryTopic.WORK,
        "message": "Jag vill veta mer om arbetsträning.",
        "hemsida": "",
    }
    return data | overrides


def test_url_is_swedish():
    assert reverse("guidance:inquiry") == URL


def test_form_shows_gdpr_information(client):
    text = client.get(URL).text
    assert "Personuppgiftsansvarig" in text
    assert "Rättslig grund" in text
    assert "12 månader" in text
    assert "dataskydd@exempelkommunen.se" in text


def test_privacy_page_has_the_same_information(client):
    text = client.get(reverse("privacy")).text
    assert "Rättslig grund" in text and "12 månader" in text


def test_submit_saves_with_reference_and_sends_two_mails(client, mailoutbox, settings):
    settings.ADVISORS_EMAIL = "radgivare@example.se"
    response = client.post(URL, form_data())
    assert response["Location"] == reverse("guidance:inquiry_receipt")
    inquiry = Inquiry.objects.get()
    year = timezone.localdate().year
    assert inquiry.reference == f"ASF-{year}-00001"
    assert (inquiry.name, inquiry.preferred_time) == ("Sara Lind", "morning")
    assert inquiry.flow_answers == [] and inquiry.answers_consent_at is None
    assert mailoutbox == []  # queued with the inquiry; the worker sends them
    assert run_tasks() == 2
    notice, receipt = sorted(mailoutbox, key=lambda m: m.to[0])
    assert notice.to == ["radgivare@example.se"]
    assert inquiry.reference in notice.subject
    assert "Sara" not in notice.body and "arbetsträning" not in notice.body
    assert receipt.to == ["sara@example.se"]
    assert inquiry.reference in receipt.body
    assert "Sara" not in receipt.body  # the mail can go to anyone: no text of theirs in it
    page = client.get(response["Location"])
    assert inquiry.reference in page.text


def test_phone_only_sends_just_the_advisors_notice(client, mailoutbox):
    client.post(URL, form_data(email="", phone="070-123 45 67"))
    assert Inquiry.objects.get().phone == "070-123 45 67"
    run_tasks()
    assert len(mailoutbox) == 1


def test_neither_email_nor_phone_is_refused_and_keeps_what_was_typed(client):
    response = client.post(URL, form_data(email="", phone="", message="Mitt meddelande"))
    assert response.status_code == 200
    assert "Fyll i e-post eller telefon" in response.text
    assert "Mitt meddelande" in response.text
    assert 'value="Sara Lind"' in response.text
    assert not Inquiry.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("email", "inte-en-adress", "Skriv e-postadressen så här"),
        ("phone", "ring mig", "Skriv telefonnumret med siffror"),
        ("name", "", "Skriv ditt namn."),
        ("name", "x" * 201, "Skriv högst 200 tecken. Nu är det 201."),
        ("message", "x" * 3001, "Skriv högst 3000 tecken. Nu är det 3001."),
        ("topic", "hacka", "Välj ett giltigt alternativ"),
        ("language", "", "Välj vilket språk du vill prata på."),
        ("language", "xx", "Välj ett giltigt alternativ"),
        ("interpreter", "", "Välj om du behöver tolk."),
        ("interpreter", "kanske", "Välj ett giltigt alternativ"),
        ("language", "annat", "Skriv vilket språk du vill prata på."),
    ],
)
def test_bad_input_gives_a_swedish_error(client, field, value, message):
    response = client.post(URL, form_data(**{field: value}))
    assert response.status_code == 200
    assert message in response.text
    assert "Något behöver rättas" in response.text
    assert not Inquiry.objects.exists()


def test_the_language_and_the_interpreter_are_kept_and_reach_the_advisor(client, mailoutbox):
    client.post(URL, form_data(language="annat", language_other="Tigrinja", interpreter="ja"))
    another = form_data(language="en", language_other="ignored", interpreter="nej")
    client.post(URL, another)

    first, second = Inquiry.objects.order_by("pk")
    assert (first.language, first.language_other, first.interpreter) == ("annat", "Tigrinja", "ja")
    assert first.language_name == "Tigrinja" and first.needs_interpreter
    # Another language's text is kept only with "Ett annat språk".
    assert (second.language, second.language_other, second.language_name) == ("en", "", "English")
    run_tasks()
    receipt = next(m for m in mailoutbox if m.to == ["sara@example.se"])
    assert "Vi ordnar en tolk till samtalet." in receipt.body


def test_the_form_offers_the_site_languages_in_their_own_names_and_another(client):
    html = client.get(URL).text

    assert re.search(r'value="sv"[^>]*checked', html)  # the page's language first chosen
    assert ">Svenska</label>" in html and ">English</label>" in html
    assert ">Ett annat språk</label>" in html
    assert "Behöver du tolk?" in html and "Tolken är gratis för dig." in html
    english = client.get("/en" + URL).text
    assert re.search(r'value="en"[^>]*checked', english)


@pytest.mark.parametrize(
    ("email", "phone", "interpreter", "says", "never"),
    [
        (
            "",
            "070-123 45 67",
            "nej",
            ["En rådgivare ringer dig inom tre arbetsdagar", "Vi skickar inget mejl"],
            ["mejlar dig", "bekräftelse till din e-post", "tolk"],
        ),
        (
            "sara@example.se",
            "",
            "nej",
            ["En rådgivare mejlar dig inom tre arbetsdagar", "bekräftelse till din e-post"],
            ["ringer", "Vi skickar inget mejl", "tolk"],
        ),
        (
            "sara@example.se",
            "070-123 45 67",
            "ja",
            [
                "En rådgivare ringer eller mejlar dig inom tre arbetsdagar",
                "bekräftelse till din e-post",
                "Vi ordnar en tolk till samtalet.",
            ],
            ["Vi skickar inget mejl", "Om du gav oss"],
        ),
    ],
    ids=["phone-only", "email-only", "both-and-interpreter"],
)
def test_the_receipt_says_what_happens_next_for_what_was_given(
    client, mailoutbox, email, phone, interpreter, says, never
):
    response = client.post(URL, form_data(email=email, phone=phone, interpreter=interpreter))
    page = client.get(response["Location"]).text
    run_tasks()
    mails = [m for m in mailoutbox if m.to == [email]] if email else []

    reference = Inquiry.objects.get().reference
    assert reference in page
    for text in says:
        assert text in page, text
    for text in never:
        assert text not in page, text
    # The session keeps the reference and which ways back, not the address or number.
    kept = client.session["guidance:inquiry_receipt"]
    assert kept == {
        "reference": reference,
        "by_phone": bool(phone),
        "by_email": bool(email),
        "interpreter": interpreter == "ja",
    }
    if email:
        (mail,) = mails
        expected = "ringer eller mejlar dig" if phone else "mejlar dig inom tre arbetsdagar"
        assert expected in mail.body
        assert ("Vi ordnar en tolk" in mail.body) is (interpreter == "ja")
        assert "Prata med en rådgivare" in mail.subject
    else:
        assert len(mailoutbox) == 1  # only the advisors' notice


def test_markup_is_stored_as_text_and_never_rendered(client, admin_client):
    client.post(URL, form_data(name="<b>Sara</b>", message="<script>alert(1)</script>"))
    inquiry = Inquiry.objects.get()
    assert inquiry.message == "<script>alert(1)</script>"
    text = admin_client.get(reverse("admin:guidance_inquiry_change", args=[inquiry.pk])).text
    assert "<script>alert(1)</script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_double_submit_creates_one_inquiry_and_one_set_of_mails(client, mailoutbox):
    data = form_data()
    first = client.post(URL, data)
    second = client.post(URL, data)
    assert first["Location"] == second["Location"]
    assert Inquiry.objects.count() == 1
    run_tasks()
    assert len(mailoutbox) == 2
    assert Inquiry.objects.get().reference in client.get(second["Location"]).text


def test_honeypot_filled_saves_nothing_and_looks_like_success(client, mailoutbox):
    response = client.post(URL, form_data(hemsida="http://spam.example"))
    assert response["Location"] == reverse("guidance:inquiry_receipt")
    assert not Inquiry.objects.exists()
    assert mailoutbox == []
    assert "Tack" in client.get(response["Location"]).text


def test_receipt_without_a_submission_goes_to_the_form(client):
    response = client.get(reverse("guidance:inquiry_receipt"))
    assert response["Location"] == URL


def test_reference_numbers_count_up_per_year():
    assert inquiry_next_reference(year=2026) == "ASF-2026-00001"
    assert inquiry_next_reference(year=2026) == "ASF-2026-00002"
    assert inquiry_next_reference(year=2027) == "ASF-2027-00001"


def test_topic_is_preselected_from_the_query_and_bad_values_are_ignored(client):
    assert client.get(URL, {"amne": "starta"}).context["form"]["topic"].value() == "starta"
    response = client.get(URL, {"amne": "<x>", "flode": "../../etc"})
    assert response.status_code == 200
    assert response.context["form"]["topic"].value() is None


def test_form_is_get_or_post_only(client):
    assert client.delete(URL).status_code == 405


# Attaching the advice-flow answers (opt-in) -----------------------------------


def finish_flow(client):
    flow = build_flow()
    for key, value in (("situation", "af"), ("soker", "traning"), ("plats", "centrum")):
        url = reverse("guidance:flow_question", args=["jobba", flow[key].pk])
        client.post(url, {"svar": [value]})
    return flow


def test_attach_checkbox_is_offered_only_with_finished_answers(client):
    assert "attach_answers" not in client.get(URL, {"flode": "jobba"}).context["form"].fields
    finish_flow(client)
    response = client.get(URL, {"flode": "jobba"})
    assert "attach_answers" in response.context["form"].fields
    assert 'name="attach_answers"' in response.text
    assert "checked" not in response.text.split('name="attach_answers"')[1].split(">")[0]
    assert "Arbetsträning" in response.text


def test_answers_are_attached_only_with_consent(client):
    finish_flow(client)
    client.post(URL + "?flode=jobba", form_data())
    assert Inquiry.objects.get().flow_answers == []
    client.post(URL + "?flode=jobba", form_data(attach_answers="on"))
    inquiry = Inquiry.objects.order_by("-pk").first()
    assert inquiry.answers_consent_at is not None
    assert inquiry.flow_answers[1] == {"question": "Vad söker du?", "answers": ["Arbetsträning"]}


def test_mangled_token_still_lets_the_form_be_sent(client):
    response = client.post(URL, form_data(token="inte-en-uuid"))
    assert response.status_code == 302
    assert Inquiry.objects.count() == 1


def test_too_many_sends_from_one_address_are_refused(client, settings):
    settings.PUBLIC_FORM_RATE_PER_HOUR = 2
    for _ in range(2):
        assert client.post(URL, form_data()).status_code == 302
    response = client.post(URL, form_data(message="Tredje"))
    assert response.status_code == 429
    assert "Du har skickat många förfrågningar på kort tid" in response.text
    assert "Tredje" in response.text
    assert Inquiry.objects.count() == 2


def test_a_failing_mail_server_keeps_the_inquiry_and_logs_no_address(
    client, settings, caplog, mailoutbox, refusing_mail_server
):
    settings.ADVISORS_EMAIL = "radgivare@example.se"
    response = client.post(URL, form_data(email="trasig@example.se"))
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    run_tasks()
    assert [mail.to for mail in mailoutbox] == [["radgivare@example.se"]]  # the notice
    assert f"receipt of inquiry {inquiry.reference} (attempt 1): SMTPRecipientsRefused" in (
        caplog.text
    )
    receipt = OutboundMail.objects.get(to="trasig@example.se")
    assert receipt.status == MailStatus.QUEUED  # waits for its next try
    assert "trasig@example.se" not in caplog.text


def test_honeypot_hit_is_logged(client, caplog):
    client.post(URL, form_data(hemsida="x"))
    assert "Honeypot" in caplog.text


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_simultaneous_double_submit_creates_one_inquiry():
    token = uuid.uuid4()
    barrier = threading.Barrier(2)

    def submit():
        barrier.wait()
        try:
            return inquiry_submit(
                submission_token=token, name="Sara", topic="jobba", phone="0701234"
            )
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda _: submit(), range(2)))
    assert Inquiry.objects.count() == 1
    assert {inquiry.reference for inquiry, _created in results} == {Inquiry.objects.get().reference}
    assert sorted(created for _inquiry, created in results) == [False, True]


def test_fields_about_the_person_say_what_they_ask_for(client):
    html = client.get(URL).text
    assert re.search(r'<input type="text" name="name"[^>]*autocomplete="name"', html)
    assert re.search(r'<input type="email" name="email"[^>]*autocomplete="email"', html)
    assert re.search(r'<input type="tel" name="phone"[^>]*autocomplete="tel"', html)


def test_a_receipt_kept_by_a_session_from_before_still_shows_its_reference(client):
    session = client.session
    session["guidance:inquiry_receipt"] = "ASF-2026-00042"
    session.save()

    page = client.get(reverse("guidance:inquiry_receipt")).text

    assert "ASF-2026-00042" in page
