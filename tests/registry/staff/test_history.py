"""History of a record: who changed what, old → new per field, and restoring."""

import pytest
from django.urls import reverse

from registry import history
from registry.models import Language, SocialEnterprise
from registry.services.enterprises import enterprise_update
from registry.services.partners import partner_save
from tests.factories import EnterpriseFactory, IndustryFactory, OfferingFactory, PartnerFactory
from tests.registry.staff.helpers import enterprise_data

pytestmark = pytest.mark.django_db


def test_history_shows_who_changed_which_field_from_what_to_what(advisor_client, advisor):
    enterprise = EnterpriseFactory(name="Före", email="a@example.se")
    advisor_client.post(
        reverse("registry_staff:enterprise_edit", args=[enterprise.pk]),
        enterprise_data(enterprise, name="Efter", email="b@example.se"),
    )

    entries = history.enterprise_history(enterprise)

    newest = entries[0]
    changes = {c.label: (c.old, c.new) for c in newest.changes}
    assert newest.user == advisor
    assert changes["Namn"] == ("Före", "Efter")
    assert changes["E-post"] == ("a@example.se", "b@example.se")
    assert "Version" not in changes


def test_history_page_renders_industry_and_offering_changes(advisor_client):
    enterprise = EnterpriseFactory()
    cafe, catering = IndustryFactory(name="Café"), IndustryFactory(name="Catering")
    enterprise_update(enterprise=enterprise, expected_version=1, fields={}, industries=[cafe])
    enterprise_update(enterprise=enterprise, expected_version=2, fields={}, industries=[catering])
    OfferingFactory(enterprise=enterprise, kind="praktik", open_places=2)

    response = advisor_client.get(
        reverse("registry_staff:enterprise_history", args=[enterprise.pk])
    )

    body = response.content.decode()
    assert "Branscher" in body
    assert "Café" in body and "Catering" in body
    assert "Erbjudande: Praktik" in body


def test_history_page_query_count_is_fixed(advisor_client, django_assert_max_num_queries):
    enterprise = EnterpriseFactory()
    for number in range(15):
        enterprise_update(
            enterprise=enterprise,
            expected_version=number + 1,
            fields={"name": f"Namn {number}"},
            industries=[IndustryFactory()],
            languages=Language.objects.order_by("order")[number : number + 1],
        )
        OfferingFactory(enterprise=enterprise)
    url = reverse("registry_staff:enterprise_history", args=[enterprise.pk])
    advisor_client.get(url)

    with django_assert_max_num_queries(14):  # 12, + the languages' history and names
        response = advisor_client.get(url)
    assert "Språk på arbetsplatsen" in response.text
    assert "arabiska" in response.text


def test_restore_brings_back_fields_and_industries_and_is_recorded(advisor_client, advisor):
    cafe = IndustryFactory(name="Café")
    enterprise = EnterpriseFactory(name="Original", industries=[cafe])
    old = enterprise.history.first()
    enterprise_update(
        enterprise=enterprise, expected_version=1, fields={"name": "Fel namn"}, industries=[]
    )

    response = advisor_client.post(
        reverse("registry_staff:enterprise_restore", args=[enterprise.pk, old.history_id])
    )

    enterprise.refresh_from_db()
    assert response.status_code == 302
    assert enterprise.name == "Original"
    assert list(enterprise.industries.all()) == [cafe]
    latest = enterprise.history.first()
    assert latest.history_user == advisor
    assert latest.history_change_reason.startswith("Återställd till versionen från")
    page = advisor_client.get(response["Location"]).content.decode()
    assert "Återställd till versionen från" in page


def test_restore_refuses_another_records_history(advisor_client):
    enterprise = EnterpriseFactory()
    other = EnterpriseFactory()

    response = advisor_client.post(
        reverse(
            "registry_staff:enterprise_restore",
            args=[enterprise.pk, other.history.first().history_id],
        )
    )

    assert response.status_code == 404
    assert SocialEnterprise.objects.get(pk=enterprise.pk).version == 1


def test_partner_history_lists_changes(advisor_client):
    partner = PartnerFactory(summary="Gammal text")
    partner_save(
        partner=partner, expected_version=1, fields={"summary": "Ny text"}, topics=["starta"]
    )

    response = advisor_client.get(reverse("registry_staff:partner_history", args=[partner.pk]))

    body = response.content.decode()
    assert "Gammal text" in body and "Ny text" in body


def test_restore_keeps_status_slug_and_evidence(advisor_client):
    enterprise = EnterpriseFactory(name="Original", status="published")
    first = enterprise.history.first()
    enterprise_update(
        enterprise=enterprise,
        expected_version=1,
        fields={"name": "Nytt", "lou_share_percent": 40, "status": "archived"},
    )

    advisor_client.post(
        reverse("registry_staff:enterprise_restore", args=[enterprise.pk, first.history_id])
    )

    enterprise.refresh_from_db()
    assert enterprise.name == "Original"
    assert enterprise.status == "archived"  # publishing needs its own permission
    assert enterprise.lou_share_percent == 40  # evidence belongs to the criteria page


def test_restore_that_no_longer_fits_says_why_and_changes_nothing(advisor_client):
    enterprise = EnterpriseFactory(org_number="7699999996")
    first = enterprise.history.first()
    enterprise_update(
        enterprise=enterprise, expected_version=1, fields={"org_number": "7690000018"}
    )
    EnterpriseFactory(org_number="7699999996")  # another record took the old number

    response = advisor_client.post(
        reverse("registry_staff:enterprise_restore", args=[enterprise.pk, first.history_id]),
        follow=True,
    )

    enterprise.refresh_from_db()
    assert response.status_code == 200
    assert "Versionen går inte att återställa" in response.content.decode()
    assert enterprise.org_number == "7690000018"
    assert enterprise.version == 2
