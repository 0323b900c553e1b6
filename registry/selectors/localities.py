"""What place a person means: a postal code or a town or area name typed in,
or their browser's position, as an ``Origin`` to measure distance from."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from asfportal.core.kept import Kept
from registry.localities import fold, postal_code
from registry.models import Locality

# Kind order when a name matches several places: the municipality's own areas
# first, then towns.
_KIND_ORDER = {Locality.Kind.AREA: 0, Locality.Kind.TOWN: 1, Locality.Kind.POSTAL_CODE: 2}


@dataclass(frozen=True)
class Origin:
    """Where distances are measured from. ``label`` names it for the page
    ("136 40 Exempelkommunen", "Norrby"); ``source`` credits the table's data."""

    latitude: float
    longitude: float
    label: str
    source: str = ""

    @classmethod
    def of_position(cls, latitude: float, longitude: float) -> "Origin":
        """A browser's position, rounded to about a kilometre: enough for
        "ca 3 km", and nothing finer is used or shown."""
        return cls(round(latitude, 2), round(longitude, 2), str(_("din position")))


def _origin(place: Locality) -> Origin:
    return Origin(place.latitude, place.longitude, str(place), place.source)


def _by_postal_code(code: str) -> Origin | None:
    """The postal-code area, or the numerically nearest one with the same
    first three digits (they share a post office's area)."""
    places = list(
        Locality.objects.filter(kind=Locality.Kind.POSTAL_CODE, postal_code__startswith=code[:3])
    )
    if not places:
        return None
    place = min(places, key=lambda p: (abs(int(p.postal_code) - int(code)), p.postal_code))
    if place.postal_code != code:
        return Origin(place.latitude, place.longitude, f"{code[:3]} {code[3:]}", place.source)
    return _origin(place)


def _by_name(key: str) -> Origin | None:
    """An area or town of that name, else the first whose name starts so."""
    places = list(
        Locality.objects.filter(name_key__startswith=key)
        .exclude(kind=Locality.Kind.POSTAL_CODE)
        .order_by("name_key")[:50]
    )
    if not places:
        return None
    place = min(places, key=lambda p: (p.name_key != key, _KIND_ORDER[p.kind], p.name_key))
    return _origin(place)


_found: Kept[Origin | None] = Kept(500)


def find_place(text: str, version: int) -> Origin | None:
    """The place ``text`` names, or None: one query, none when this process
    has looked it up at this registry ``version`` (the places' loader bumps it)."""
    code = postal_code(text)
    key = fold(text)
    if not key:
        return None
    return _found.get(
        (version, code or key), lambda: _by_postal_code(code) if code else _by_name(key)
    )
