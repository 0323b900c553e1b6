import pytest
from django.core.exceptions import ValidationError

from registry.models import (
    AcceptedReferrer,
    Area,
    Criterion,
    Industry,
    LegalForm,
    OfferingKind,
    Referrer,
    SocialEnterprise,
)
from registry.services.common import unique_slug
from registry.services.enterprises import (
    criterion_set,
    enterprise_create,
    offering_create,
    offering_set_referrers,
)
from registry.services.taxonomies import taxonomy_get_or_create
from tests.factories import EnterpriseFactory, IndustryFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_enterprise_create_normalises_org_number_and_builds_slug_and_search_text():
    industry = IndustryFactory(name="Café och restaurang")

    enterprise = enterprise_create(
        name="Kafé Kornet",
        org_number="16556036-0793",
        legal_form=LegalForm.ECONOMIC_ASSOCIATION,
        short_description="Lunch och fika",
        industries=[industry],
    )

    stored = SocialEnterprise.objects.get(pk=enterprise.pk)
    assert stored.org_number == "5560360793"
    assert stored.slug == "kafe-kornet"
    assert "café och restaurang" in stored.search_document
    assert "kafé kornet" in stored.search_document


def test_enterprise_create_refuses_a_bad_org_number_and_saves_nothing():
    with pytest.raises(ValidationError):
        enterprise_create(
            name="Fel",
            org_number="556036-0794",
            legal_form=LegalForm.OTHER,
            short_description="x",
        )
    assert not SocialEnterprise.objects.exists()


def test_unique_slug_skips_taken_and_reserved_slugs():
    EnterpriseFactory(slug="returverket")
    assert unique_slug(SocialEnterprise, "Returverket") == "returverket-2"
    assert unique_slug(SocialEnterprise, "CSV") == "csv-2"


def test_offering_create_sets_referrers_and_updates_search_text():
    enterprise = EnterpriseFactory()

    offering = offering_create(
        enterprise=enterprise,
        kind=OfferingKind.WORK_TRIAL,
        description="Prova på snickeri",
        referrers=[Referrer.SOCIAL_INSURANCE, Referrer.SELF_REFERRAL],
    )

    assert set(offering.accepted_referrers.values_list("referrer", flat=True)) == {
        "forsakringskassan",
        "egen_anmalan",
    }
    enterprise.refresh_from_db()
    assert "arbetsprövning" in enterprise.search_document
    assert "snickeri" in enterprise.search_document


def test_offering_set_referrers_replaces_the_set():
    enterprise = EnterpriseFactory()
    offering = offering_create(
        enterprise=enterprise, kind=OfferingKind.EMPLOYMENT, referrers=[Referrer.SOCIAL_SERVICES]
    )

    offering_set_referrers(offering=offering, referrers=[Referrer.EMPLOYMENT_SERVICE])

    assert list(AcceptedReferrer.objects.values_list("referrer", flat=True)) == [
        "arbetsformedlingen"
    ]


def test_criterion_set_stamps_who_and_when_and_updates_in_place():
    enterprise = EnterpriseFactory()
    advisor = UserFactory(username="radgivare")

    criterion_set(enterprise=enterprise, criterion=Criterion.PURPOSE, verified=False, user=None)
    verification = criterion_set(
        enterprise=enterprise, criterion=Criterion.PURPOSE, verified=True, user=advisor
    )

    assert enterprise.verifications.count() == 1
    assert verification.verified is True
    assert verification.verified_by == advisor
    assert verification.verified_at is not None


def test_taxonomy_get_or_create_reuses_by_name():
    first = taxonomy_get_or_create(Industry, "Städ")
    again = taxonomy_get_or_create(Industry, "Städ")
    area = taxonomy_get_or_create(Area, "Norrby", kind=Area.Kind.DISTRICT)
    assert first.pk == again.pk
    assert first.slug == "stad"
    assert area.kind == "district"
