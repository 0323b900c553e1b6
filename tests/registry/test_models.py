import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from registry.models import Session
from tests.factories import EnterpriseFactory, PlaceFactory, VerificationFactory

pytestmark = pytest.mark.django_db


def test_org_number_is_unique_with_a_swedish_message():
    existing = EnterpriseFactory()
    duplicate = EnterpriseFactory.build(org_number=existing.org_number, area=existing.area)
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "Det finns redan ett socialt företag" in str(error.value)


def test_stored_org_number_must_be_normalised():
    enterprise = EnterpriseFactory.build(org_number="556036-0793")
    with pytest.raises(ValidationError) as error:
        enterprise.full_clean(exclude=["area"])
    assert "org_number" in error.value.message_dict


def test_lou_share_above_100_is_refused_by_the_database():
    with pytest.raises(IntegrityError):
        EnterpriseFactory(lou_share_percent=101)


def test_skoopi_validity_must_end_after_certification():
    with pytest.raises(IntegrityError):
        EnterpriseFactory(
            skoopi_certified_on=datetime.date(2026, 1, 1),
            skoopi_valid_until=datetime.date(2025, 1, 1),
        )


def test_one_verification_per_criterion():
    verification = VerificationFactory(criterion=2)
    with pytest.raises(IntegrityError):
        VerificationFactory(enterprise=verification.enterprise, criterion=2)


def test_session_must_end_after_it_starts():
    place = PlaceFactory()
    start = datetime.datetime(2026, 12, 1, 13, tzinfo=datetime.UTC)
    with pytest.raises(IntegrityError):
        Session.objects.create(place=place, title="Fel", starts_at=start, ends_at=start)


def test_enterprise_history_records_who_changed_what():
    enterprise = EnterpriseFactory(name="Gamla namnet")
    enterprise.name = "Nya namnet"
    enterprise.save()
    latest, previous = enterprise.history.all()[:2]
    changes = latest.diff_against(previous).changes
    assert [(c.field, c.old, c.new) for c in changes] == [("name", "Gamla namnet", "Nya namnet")]
