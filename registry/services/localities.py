"""Writes of the places "nearest first" measures from."""

from django.db import transaction

from registry.localities import LocalityRow, fold
from registry.models import Locality
from registry.pagecache import bump_registry_version


@transaction.atomic
def localities_replace(*, rows: list[LocalityRow], source: str) -> int:
    """Make the places from ``source`` exactly ``rows`` (other sources' rows
    stay); pages and kept lookups see them at once. Returns the count."""
    Locality.objects.filter(source=source).delete()
    places = [
        Locality(
            kind=row.kind,
            name=row.name,
            name_key=fold(row.name),
            postal_code=row.postal_code,
            latitude=row.latitude,
            longitude=row.longitude,
            source=source,
        )
        for row in rows
    ]
    for place in places[:1]:
        place.full_clean(validate_unique=False)  # the rows are alike: one shows the shape
    # Another source may hold the same place already: that row is kept.
    Locality.objects.bulk_create(places, batch_size=2000, ignore_conflicts=True)
    bump_registry_version()
    return len(places)
