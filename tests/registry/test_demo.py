"""load_demo: the partners the policy names and 55 fictional enterprises, once."""

import pytest
from django.core.management import call_command

from registry.demo import ENTERPRISE_COUNT
from registry.models import Partner, Session, SocialEnterprise
from registry.orgnr import normalise_org_number

pytestmark = pytest.mark.django_db


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
