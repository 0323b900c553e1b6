"""Applying an import: every row or none, once."""

import pytest

from registry.models import PublicationStatus, SocialEnterprise
from registry.selectors.imports import import_check
from registry.services.imports import ImportAlreadyApplied, import_apply
from tests.factories import AreaFactory, EnterpriseFactory, IndustryFactory
from tests.registry.import_helpers import make_batch, number, row

pytestmark = pytest.mark.django_db


def test_apply_creates_drafts_with_industries_and_area(advisor):
    cafe = IndustryFactory(name="Café och restaurang", slug="cafe")
    norrby = AreaFactory(name="Norrby", slug="norrby")
    batch = make_batch(advisor, row(1, branscher="cafe", omrade="Norrby"), row(2))

    report = import_apply(batch=batch, user=advisor)

    assert report.ok
    first, second = SocialEnterprise.objects.order_by("name")
    assert (first.name, first.org_number, first.area) == (
        "Kafé 1",
        number(1).replace("-", ""),
        norrby,
    )
    assert list(first.industries.all()) == [cafe]
    assert {first.status, second.status} == {PublicationStatus.DRAFT}
    assert first.slug == "kafe-1"
    assert "lunch och fika" in first.search_document
    batch.refresh_from_db()
    assert batch.applied_count == 2
    assert batch.applied_at is not None


def test_apply_publishes_when_the_batch_says_so(advisor):
    batch = make_batch(advisor, row(1), publish=True)

    import_apply(batch=batch, user=advisor)

    assert SocialEnterprise.objects.get().status == PublicationStatus.PUBLISHED


def test_apply_records_who_imported_in_the_history(advisor):
    batch = make_batch(advisor, row(1))

    import_apply(batch=batch, user=advisor)

    entry = SocialEnterprise.objects.get().history.get()
    assert entry.history_user == advisor
    assert entry.history_change_reason == "Inläst från foretag.csv"


def test_apply_saves_nothing_if_the_registry_changed_since_the_dry_run(advisor):
    batch = make_batch(advisor, row(1), row(2), row(3))
    assert import_check(batch.text).ok
    EnterpriseFactory(name="Hann före", org_number=number(2).replace("-", ""))

    report = import_apply(batch=batch, user=advisor)

    assert not report.ok
    assert [str(p) for p in report.rows[1].errors] == [
        "Det finns redan ett företag med det här organisationsnumret: Hann före"
    ]
    assert list(SocialEnterprise.objects.values_list("name", flat=True)) == ["Hann före"]
    batch.refresh_from_db()
    assert batch.applied_at is None


def test_apply_a_file_with_errors_saves_nothing(advisor):
    batch = make_batch(advisor, row(1), row(2, organisationsnummer="nej"))

    report = import_apply(batch=batch, user=advisor)

    assert report.error_count == 1
    assert SocialEnterprise.objects.count() == 0


def test_apply_twice_creates_nothing_more(advisor):
    batch = make_batch(advisor, row(1), row(2))
    import_apply(batch=batch, user=advisor)

    with pytest.raises(ImportAlreadyApplied):
        import_apply(batch=batch, user=advisor)

    assert SocialEnterprise.objects.count() == 2
    batch.refresh_from_db()
    assert batch.applied_count == 2
