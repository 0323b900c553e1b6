"""Writes of the places "nearest first" measures from."""

from django.db import transaction

from registry.localities import LocalityRow, as_objects
from registry.models import Locality
from registry.pagecache import bump_registry_version


@transaction.atomic
def localities_replace(*, rows: list[LocalityRow], source: str) -> int:
    """Make the places from ``source`` exactly ``rows`` (other sources' rows
    stay); pages and kept lookups see them at once. Returns the count."""
    Locality.objects.filter(source=source).delete()
    places = as_objects(Locality, rows, source)
    for place in places:
        place.full_clean(validate_unique=False, validate_constraints=False)
    # Another source may hold the same place already: that row is kept.
    Locality.objects.bulk_create(places, batch_size=2000, ignore_conflicts=True)
    bump_registry_version()
    return len(places)
