"""registry.services.common: locking, slugs and the one child-row helper."""

import pytest

from registry.models import Partner, Place
from registry.services.common import RecordChanged, RowChange, apply_row_changes, lock_current
from tests.factories import PartnerFactory, PlaceFactory

pytestmark = pytest.mark.django_db


def apply_to(partner, changes):
    apply_row_changes(
        changes,
        new_row=lambda: Place(partner=partner),
        belongs=lambda place: place.partner_id == partner.pk,
    )


def test_rows_are_added_changed_and_deleted():
    partner = PartnerFactory()
    kept, removed = PlaceFactory(partner=partner, name="Kvar"), PlaceFactory(partner=partner)

    apply_to(
        partner,
        [
            RowChange(row=kept, fields={"name": "Nytt namn"}),
            RowChange(row=removed, fields={}, delete=True),
            RowChange(row=None, fields={"name": "Ny plats"}),
            RowChange(row=None, fields={"name": "Ångrad"}, delete=True),  # new and deleted
        ],
    )

    assert sorted(partner.places.values_list("name", flat=True)) == ["Ny plats", "Nytt namn"]


def test_a_row_of_another_parent_is_refused_and_nothing_of_it_changes():
    partner, other = PartnerFactory(), PartnerFactory()
    foreign = PlaceFactory(partner=other, name="Deras")

    with pytest.raises(ValueError, match="another parent"):
        apply_to(partner, [RowChange(row=foreign, fields={"name": "Vår nu"})])

    foreign.refresh_from_db()
    assert (foreign.name, foreign.partner_id) == ("Deras", other.pk)


def test_a_row_may_not_be_moved_to_another_parent():
    partner, other = PartnerFactory(), PartnerFactory()
    place = PlaceFactory(partner=partner)

    with pytest.raises(ValueError, match="another parent"):
        apply_to(partner, [RowChange(row=place, fields={"partner": other})])


def test_a_row_is_validated_before_it_is_saved():
    partner = PartnerFactory()
    with pytest.raises(Exception, match="name"):
        apply_to(partner, [RowChange(row=None, fields={"name": ""})])
    assert not partner.places.exists()


def test_lock_current_refuses_an_older_version():
    partner = PartnerFactory()
    Partner.objects.filter(pk=partner.pk).update(version=3)

    with pytest.raises(RecordChanged) as caught:
        lock_current(Partner, partner.pk, 2)

    assert caught.value.current.version == 3
    assert lock_current(Partner, partner.pk, 3).version == 3
    assert lock_current(Partner, partner.pk, None).version == 3
