"""The registry in /admin/: every save goes through the back office's services."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from registry.models import Offering, Partner, PublicationStatus, SocialEnterprise
from registry.staff.forms import EnterpriseForm
from tests.factories import (
    AreaFactory,
    EnterpriseFactory,
    IndustryFactory,
    OfferingFactory,
    PartnerFactory,
    SessionFactory,
)
from tests.registry.staff.helpers import enterprise_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client():
    """A browser of its own, so a test can also use an advisor's."""
    admin = get_user_model().objects.create_superuser(
        "admin", "a@example.se", "pw-Lång-nog-1", first_name="Ada", last_name="Admin"
    )
    client = Client()
    client.force_login(admin)
    return client


def admin_url(enterprise) -> str:
    return reverse("admin:registry_socialenterprise_change", args=[enterprise.pk])


def admin_enterprise_data(enterprise=None, **overrides) -> dict:
    """The admin's change form as a browser posts it: the back office's fields
    and the inlines' management forms (no offerings changed)."""
    data = enterprise_data(enterprise, **overrides)
    offerings = [key for key in data if key.startswith("offerings-")]
    for key in offerings:
        del data[key]
    data |= {"offerings-TOTAL_FORMS": "0", "offerings-INITIAL_FORMS": "0"}
    for prefix in ("verifications", "report"):
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    return data


def test_admin_edit_goes_through_the_service(admin_client):
    enterprise = EnterpriseFactory(name="Gammalt", status=PublicationStatus.DRAFT)

    response = admin_client.post(
        admin_url(enterprise), admin_enterprise_data(enterprise, name="Returverket")
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    enterprise.refresh_from_db()
    assert enterprise.name == "Returverket"
    assert enterprise.version == 2
    assert "returverket" in enterprise.search_document
    latest = enterprise.history.first()
    assert latest.history_change_reason == "Ändrad i administrationen"
    assert latest.history_user.username == "admin"


def test_admin_cannot_publish_or_stamp_the_check(admin_client):
    enterprise = EnterpriseFactory(status=PublicationStatus.DRAFT, last_checked=None)
    data = admin_enterprise_data(enterprise, status="published", last_checked="2026-01-01")

    admin_client.post(admin_url(enterprise), data)

    enterprise.refresh_from_db()
    assert (enterprise.status, enterprise.last_checked) == (PublicationStatus.DRAFT, None)
    page = admin_client.get(admin_url(enterprise)).content.decode()
    assert "Öppna posten i handläggarvyn" in page
    assert 'name="status"' not in page


def test_an_advisors_save_after_an_admin_save_is_refused(admin_client, advisor, client):
    enterprise = EnterpriseFactory(name="Original")
    client.force_login(advisor)
    edit_url = reverse("registry_staff:enterprise_edit", args=[enterprise.pk])
    opened = client.get(edit_url)  # the advisor's form carries version 1
    assert 'name="version" value="1"' in opened.content.decode()

    admin_client.post(admin_url(enterprise), admin_enterprise_data(enterprise, name="Admin"))
    response = client.post(edit_url, enterprise_data(enterprise, name="Rådgivaren"))

    enterprise.refresh_from_db()
    assert response.status_code == 400
    assert enterprise.name == "Admin"
    assert "Ada Admin sparade ändringar i företaget efter att du öppnade sidan" in response.text
    assert 'value="Rådgivaren"' in response.text


def test_an_admin_save_after_an_advisors_save_is_refused_and_keeps_the_input(
    admin_client, advisor_client
):
    enterprise = EnterpriseFactory(name="Original")
    stale = admin_enterprise_data(enterprise, name="Från admin")  # version 1
    edit_url = reverse("registry_staff:enterprise_edit", args=[enterprise.pk])
    advisor_client.post(edit_url, enterprise_data(enterprise, name="Från rådgivaren"))

    response = admin_client.post(admin_url(enterprise), stale)

    enterprise.refresh_from_db()
    assert response.status_code == 200  # the admin shows the form again
    assert enterprise.name == "Från rådgivaren"
    assert "Rut sparade ändringar i företaget efter att du öppnade sidan" in response.text
    assert 'value="Från admin"' in response.text


def test_admin_adds_a_draft_with_an_offering_through_the_service(admin_client):
    industry = IndustryFactory(name="Cykelverkstad")
    data = admin_enterprise_data(name="Cykelköket", org_number="556036-0793")
    data |= {
        "industries": [industry.pk],
        "offerings-TOTAL_FORMS": "1",
        "offerings-0-kind": "praktik",
        "offerings-0-description": "Lagar cyklar",
        "offerings-0-open_places": "2",
        "offerings-0-referrers": ["socialtjansten"],
    }

    response = admin_client.post(reverse("admin:registry_socialenterprise_add"), data)

    assert response.status_code == 302, response.content.decode()[:3000]
    enterprise = SocialEnterprise.objects.get(name="Cykelköket")
    offering = enterprise.offerings.get()
    assert (enterprise.status, enterprise.slug) == (PublicationStatus.DRAFT, "cykelkoket")
    assert [r.referrer for r in offering.accepted_referrers.all()] == ["socialtjansten"]
    assert "cykelverkstad" in enterprise.search_document
    assert "lagar cyklar" in enterprise.search_document
    assert enterprise.history.last().history_change_reason == "Skapad i administrationen"


def test_admin_deletes_an_offering_through_the_service(admin_client):
    enterprise = EnterpriseFactory()
    offering = OfferingFactory(enterprise=enterprise, description="Snickeri")
    data = admin_enterprise_data(enterprise)
    data |= {
        "offerings-TOTAL_FORMS": "1",
        "offerings-INITIAL_FORMS": "1",
        "offerings-0-id": str(offering.pk),
        "offerings-0-enterprise": str(enterprise.pk),
        "offerings-0-kind": offering.kind,
        "offerings-0-description": offering.description,
        "offerings-0-open_places": "",
        "offerings-0-DELETE": "on",
    }

    response = admin_client.post(admin_url(enterprise), data)

    assert response.status_code == 302, response.content.decode()[:3000]
    assert not Offering.objects.filter(pk=offering.pk).exists()
    enterprise.refresh_from_db()
    assert "snickeri" not in enterprise.search_document


def test_admin_may_not_delete_an_enterprise(admin_client):
    enterprise = EnterpriseFactory()
    url = reverse("admin:registry_socialenterprise_delete", args=[enterprise.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 403
    assert SocialEnterprise.objects.filter(pk=enterprise.pk).exists()


def partner_data(partner, **overrides) -> dict:
    data = {
        "name": partner.name,
        "kind": partner.kind,
        "summary": partner.summary,
        "description": "",
        "website": "",
        "email": "",
        "phone": "",
        "topics": ["starta"],
        "version": str(partner.version),
        "places-TOTAL_FORMS": "1",
        "places-INITIAL_FORMS": "0",
        "places-0-name": "Huvudbiblioteket",
        "places-0-street_address": "Biblioteksgatan 1",
        "places-0-postal_code": "",
        "places-0-city": "",
        "places-0-opening_hours": "",
    }
    return data | overrides


def test_admin_partner_save_goes_through_the_service(admin_client):
    partner = PartnerFactory(name="Coompanion")
    url = reverse("admin:registry_partner_change", args=[partner.pk])

    response = admin_client.post(url, partner_data(partner, summary="Rådgivning om kooperativ"))

    assert response.status_code == 302, response.content.decode()[:3000]
    partner.refresh_from_db()
    assert (partner.summary, partner.version) == ("Rådgivning om kooperativ", 2)
    assert [t.topic for t in partner.topics.all()] == ["starta"]
    assert [p.name for p in partner.places.all()] == ["Huvudbiblioteket"]
    assert partner.history.first().history_change_reason == "Ändrad i administrationen"


def test_admin_partner_save_over_a_newer_version_is_refused(admin_client, advisor_client):
    partner = PartnerFactory(summary="Först")
    stale = partner_data(partner, summary="Från admin")
    edit = reverse("registry_staff:partner_edit", args=[partner.pk])
    advisor_client.post(edit, partner_data(partner, summary="Från rådgivaren"))

    response = admin_client.post(reverse("admin:registry_partner_change", args=[partner.pk]), stale)

    partner.refresh_from_db()
    assert partner.summary == "Från rådgivaren"
    assert "Någon annan sparade partnern efter att du öppnade sidan" in response.text
    assert Partner.objects.get().places.filter(name="Huvudbiblioteket").count() == 1


def test_renaming_an_industry_rebuilds_search_text_in_one_statement(admin_client):
    industry = IndustryFactory(name="Trädgård", slug="tradgard")
    enterprises = [EnterpriseFactory(industries=[industry]) for _ in range(3)]
    EnterpriseFactory(name="Utanför")
    url = reverse("admin:registry_industry_change", args=[industry.pk])

    with CaptureQueriesContext(connection) as queries:
        response = admin_client.post(url, {"name": "Odling", "slug": "tradgard"})

    assert response.status_code == 302
    updates = [
        q["sql"] for q in queries if q["sql"].startswith('UPDATE "registry_socialenterprise"')
    ]
    assert len(updates) == 1
    for enterprise in enterprises:
        enterprise.refresh_from_db()
        assert "odling" in enterprise.search_document
        assert "trädgård" not in enterprise.search_document


def test_removing_an_industry_takes_it_out_of_the_search_text(admin_client):
    industry = IndustryFactory(name="Trädgård")
    enterprise = EnterpriseFactory(industries=[industry])
    url = reverse("admin:registry_industry_delete", args=[industry.pk])

    admin_client.post(url, {"post": "yes"})

    enterprise.refresh_from_db()
    assert "trädgård" not in enterprise.search_document


def test_places_and_sessions_are_read_only_in_the_admin(admin_client):
    session = SessionFactory()
    place = session.place
    change = reverse("admin:registry_place_change", args=[place.pk])
    assert admin_client.get(reverse("admin:registry_place_add")).status_code == 403
    assert admin_client.post(change, {"name": "Nytt namn"}).status_code == 403
    assert admin_client.get(reverse("admin:registry_session_add")).status_code == 403
    place.refresh_from_db()
    assert place.name != "Nytt namn"
    assert admin_client.get(change).status_code == 200  # can still be looked at


def test_admin_changelists_list_their_rows(admin_client):
    enterprise = EnterpriseFactory(name="Kafé Kornet")
    session = SessionFactory(title="Drop-in på biblioteket")
    rows = {
        "socialenterprise": enterprise.name,
        "partner": session.place.partner.name,
        "place": session.place.name,
        "session": session.title,
        "industry": "Lägg till bransch",
        "area": enterprise.area.name,
    }
    for model, text in rows.items():
        response = admin_client.get(f"/admin/registry/{model}/")
        assert response.status_code == 200
        assert text in response.text, model


@pytest.mark.parametrize("version", ["abc", "", "0"])
def test_a_tampered_version_is_a_form_error_and_saves_nothing(admin_client, version):
    enterprise = EnterpriseFactory(name="Original")

    response = admin_client.post(
        admin_url(enterprise), admin_enterprise_data(enterprise, name="Nytt", version=version)
    )

    enterprise.refresh_from_db()
    assert response.status_code == 200
    assert "Var god rätta felet nedan." in response.text
    assert (enterprise.name, enterprise.version) == ("Original", 1)


def test_enterprise_form_normalises_org_number():
    form = EnterpriseForm(data=enterprise_data(org_number="16556036-0793", area=AreaFactory().pk))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["org_number"] == "5560360793"


def test_enterprise_form_gives_swedish_errors_and_keeps_input():
    EnterpriseFactory(org_number="5560360793")
    bad = EnterpriseForm(data=enterprise_data(org_number="556036-0794"))
    duplicate = EnterpriseForm(data=enterprise_data(org_number="5560360793"))

    assert not bad.is_valid()
    assert bad.errors["org_number"] == [
        "Organisationsnumret stämmer inte. Kontrollera att alla siffror är rätt."
    ]
    assert bad["org_number"].value() == "556036-0794"
    assert not duplicate.is_valid()
    assert "Det finns redan ett socialt företag" in duplicate.errors["org_number"][0]
