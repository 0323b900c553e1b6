"""Reporting a missing social enterprise: a draft waiting for an advisor."""

import re
import uuid

import pytest
from django.urls import reverse

from registry.models import EnterpriseReport, LegalForm, PublicationStatus, SocialEnterprise
from tests.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db

URL = "/anmal-foretag/"


def form_data(**overrides):
    data = {
        "token": str(uuid.uuid4()),
        "name": "Gröna Kvarnen",
        "org_number": "556677-8899",
        "legal_form": LegalForm.ECONOMIC_ASSOCIATION,
        "short_description": "Kafé och bageri i Norrby.",
        "website": "www.gronakvarnen.se",
        "email": "",
        "phone": "",
        "reason": "Ett kooperativ där deltagarna äger företaget.",
        "reporter_name": "Ali",
        "reporter_email": "ali@example.se",
        "hemsida": "",
    }
    return data | overrides


def test_url_is_swedish():
    assert reverse("registry:enterprise_report") == URL


def test_report_creates_a_draft_marked_as_reported(client):
    response = client.post(URL, form_data())
    assert response["Location"] == reverse("registry:enterprise_report_thanks")
    enterprise = SocialEnterprise.objects.get()
    assert enterprise.status == PublicationStatus.DRAFT
    assert enterprise.org_number == "5566778899"
    assert enterprise.website == "https://www.gronakvarnen.se"
    assert enterprise.report.reason == "Ett kooperativ där deltagarna äger företaget."
    assert enterprise.report.reporter_email == "ali@example.se"
    assert enterprise.report.reviewed_at is None
    assert "Gröna Kvarnen" in client.get(response["Location"]).text


def test_reported_draft_is_not_public(client):
    client.post(URL, form_data())
    enterprise = SocialEnterprise.objects.get()
    assert client.get(enterprise.get_absolute_url()).status_code == 404
    assert "Gröna Kvarnen" not in client.get(reverse("registry:enterprise_list")).text


def test_unknown_legal_form_is_stored_as_other(client):
    client.post(URL, form_data(legal_form=""))
    assert SocialEnterprise.objects.get().legal_form == LegalForm.OTHER


def test_known_org_number_is_refused_kindly(client):
    EnterpriseFactory(org_number="5566778899")
    response = client.post(URL, form_data())
    assert "Företaget finns redan hos oss eller har redan anmälts" in response.text
    assert SocialEnterprise.objects.count() == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("org_number", "556677-8890", "Organisationsnumret stämmer inte."),
        ("org_number", "", "Skriv organisationsnumret."),
        ("name", "", "Skriv företagets namn."),
        ("reason", "", "Berätta kort varför det är ett socialt företag."),
        ("website", "inte en adress", "Skriv en webbadress"),
        ("short_description", "x" * 301, "Skriv högst 300 tecken. Nu är det 301."),
    ],
)
def test_bad_input_keeps_what_was_typed(client, field, value, message):
    response = client.post(URL, form_data(**{field: value}))
    assert response.status_code == 200
    assert message in response.text
    assert 'value="ali@example.se"' in response.text
    assert not SocialEnterprise.objects.exists()


def test_markup_is_stored_as_text(client):
    client.post(URL, form_data(name="<script>x</script>Kvarnen"))
    assert SocialEnterprise.objects.get().name == "<script>x</script>Kvarnen"


def test_double_submit_creates_one_report(client):
    data = form_data()
    client.post(URL, data)
    second = client.post(URL, data)
    assert second["Location"] == reverse("registry:enterprise_report_thanks")
    assert EnterpriseReport.objects.count() == 1


def test_honeypot_saves_nothing(client):
    response = client.post(URL, form_data(hemsida="spam"))
    assert response.status_code == 302
    assert not SocialEnterprise.objects.exists()


def test_report_is_get_or_post_only(client):
    assert client.put(URL).status_code == 405


def test_overlong_web_address_is_a_form_error(client):
    response = client.post(URL, form_data(website="https://exempel.se/" + "a" * 250))
    assert response.status_code == 200
    assert "Skriv högst 200 tecken" in response.text
    assert not SocialEnterprise.objects.exists()


def test_too_many_reports_from_one_address_are_refused(client, settings):
    settings.PUBLIC_FORM_RATE_PER_HOUR = 1
    client.post(URL, form_data())
    response = client.post(URL, form_data(org_number="556036-0793"))
    assert response.status_code == 429
    assert SocialEnterprise.objects.count() == 1


def test_fields_say_what_they_ask_for(client):
    html = client.get(URL).text
    tokens = {
        "name": ("text", "organization"),
        "org_number": ("text", "off"),
        "website": ("url", "url"),
        "email": ("email", "email"),
        "phone": ("tel", "tel"),
        "reporter_name": ("text", "name"),
        "reporter_email": ("email", "email"),
    }
    for name, (kind, token) in tokens.items():
        pattern = rf'<input type="{kind}" name="{name}"[^>]*autocomplete="{token}"'
        assert re.search(pattern, html), name
