import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from registry.demo import ENTERPRISE_COUNT
from registry.forms import EnterpriseForm, OfferingForm
from registry.models import Partner, Session, SocialEnterprise
from registry.orgnr import normalise_org_number
from tests.factories import AreaFactory, EnterpriseFactory

pytestmark = pytest.mark.django_db


def enterprise_data(**overrides) -> dict:
    data = {
        "name": "Nytt företag",
        "slug": "nytt-foretag",
        "org_number": "556036-0793",
        "legal_form": "ekonomisk_forening",
        "short_description": "Kort",
        "status": "draft",
        "area": AreaFactory().pk,
    }
    return data | overrides


def test_admin_form_normalises_org_number():
    form = EnterpriseForm(data=enterprise_data(org_number="16556036-0793"))
    assert form.is_valid(), form.errors
    assert form.save().org_number == "5560360793"


def test_admin_form_gives_swedish_errors_and_keeps_input():
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


def test_admin_form_refuses_a_reserved_slug():
    form = EnterpriseForm(data=enterprise_data(slug="csv"))
    assert not form.is_valid()
    assert form.errors["slug"] == ["Kortnamnet används redan av webbplatsen. Välj ett annat."]


def test_offering_form_saves_referrers():
    enterprise = EnterpriseFactory()
    form = OfferingForm(
        data={"kind": "praktik", "referrers": ["socialtjansten"], "open_places": ""},
        instance=enterprise.offerings.model(enterprise=enterprise),
    )
    assert form.is_valid(), form.errors
    offering = form.save()
    assert [r.referrer for r in offering.accepted_referrers.all()] == ["socialtjansten"]


def test_admin_edit_of_an_enterprise_updates_its_search_text(client):
    admin = get_user_model().objects.create_superuser("admin", "a@example.se", "pw-Lång-nog-1")
    enterprise = EnterpriseFactory(name="Gammalt")
    client.force_login(admin)
    data = enterprise_data(name="Returverket", slug=enterprise.slug, status="published")
    data |= {
        "offerings-TOTAL_FORMS": "0",
        "offerings-INITIAL_FORMS": "0",
        "verifications-TOTAL_FORMS": "0",
        "verifications-INITIAL_FORMS": "0",
        "report-TOTAL_FORMS": "0",
        "report-INITIAL_FORMS": "0",
    }

    response = client.post(f"/admin/registry/socialenterprise/{enterprise.pk}/change/", data)

    assert response.status_code == 302, response.content.decode()[:2000]
    enterprise.refresh_from_db()
    assert "returverket" in enterprise.search_document


def test_admin_changelists_open(client):
    admin = get_user_model().objects.create_superuser("admin", "a@example.se", "pw-Lång-nog-1")
    client.force_login(admin)
    EnterpriseFactory()
    for model in ["socialenterprise", "partner", "place", "session", "industry", "area"]:
        assert client.get(f"/admin/registry/{model}/").status_code == 200


def test_load_demo_creates_partners_and_55_valid_enterprises_once():
    call_command("load_demo")
    first = (Partner.objects.count(), SocialEnterprise.objects.count(), Session.objects.count())
    call_command("load_demo")

    assert (Partner.objects.count(), SocialEnterprise.objects.count()) == first[:2]
    assert Session.objects.count() == first[2]
    assert first[1] == ENTERPRISE_COUNT == 55
    assert Partner.objects.filter(name="Start Up Stockholm").get().places.count() >= 3
    assert {"Coompanion", "Famna", "Arbetsförmedlingen", "Försäkringskassan"} <= set(
        Partner.objects.values_list("name", flat=True)
    )
    enterprises = SocialEnterprise.objects.all()
    assert all(e.is_example for e in enterprises)
    assert all(normalise_org_number(e.org_number) == e.org_number for e in enterprises)
    assert len({e.legal_form for e in enterprises}) >= 5
    assert len({e.area_id for e in enterprises}) >= 6


def test_load_demo_keeps_an_advisors_edit():
    call_command("load_demo")
    enterprise = SocialEnterprise.objects.order_by("pk").first()
    enterprise.short_description = "Ändrat av rådgivare"
    enterprise.save()

    call_command("load_demo")

    enterprise.refresh_from_db()
    assert enterprise.short_description == "Ändrat av rådgivare"
