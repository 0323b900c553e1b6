"""Places to measure distance from, and the geometry of "nearest first".

The shipped table (``data/localities.csv``) holds the demo municipality's
areas, its towns and its postal-code areas; ``load_shipped_localities`` adds
any of its rows missing after every migrate. A real municipality adds the
national postal-code areas from GeoNames (``read_geonames``, through the
``load_localities`` command). Pure apart from the ``post_migrate`` receiver.

Distances: a point on the earth is a point on the unit sphere (``unit_vector``);
the straight line between two of them (the chord) grows with the distance
along the surface, so ordering by the chord is ordering by distance, and a
database index over the vectors (PostgreSQL's ``cube``) can serve it.
"""

import csv
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

SHIPPED = Path(__file__).parent / "data" / "localities.csv"
SHIPPED_SOURCE = "Demodata"
GEONAMES_SOURCE = "GeoNames"
EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True)
class LocalityRow:
    kind: str  # Locality.Kind's values
    name: str
    postal_code: str  # five digits, or ""
    latitude: float
    longitude: float


def fold(text: str) -> str:
    """A place name as compared: lower case, single spaces, no dashes."""
    return " ".join(re.sub(r"[-‐–—]", " ", text).casefold().split())


def postal_code(text: str) -> str | None:
    """Five digits when ``text`` is a Swedish postal code ("136 40",
    "13640", "SE-136 40"), else None."""
    digits = re.sub(r"^(se)[- ]?|\s", "", text.strip(), flags=re.IGNORECASE)
    return digits if re.fullmatch(r"\d{5}", digits) else None


def shipped_rows() -> list[LocalityRow]:
    lines = (line for line in SHIPPED.read_text(encoding="utf-8").splitlines() if line[:1] != "#")
    return [
        LocalityRow(
            r["kind"], r["name"], r["postal_code"], float(r["latitude"]), float(r["longitude"])
        )
        for r in csv.DictReader(lines)
    ]


def read_geonames(lines: Iterable[str]) -> list[LocalityRow]:
    """GeoNames' postal-code dump for Sweden (``SE.txt``: tab separated:
    country, postal code, place name, three admin levels with codes, latitude,
    longitude, accuracy) as postal-code areas, plus one town per place name at
    the mean of its postal codes. Lines that do not read are left out."""
    codes: dict[str, LocalityRow] = {}
    for line in lines:
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 11 or parts[0] != "SE":
            continue
        code, name = postal_code(parts[1]), parts[2].strip()
        try:
            latitude, longitude = float(parts[9]), float(parts[10])
        except ValueError:
            continue
        if code and name and -90 <= latitude <= 90 and -180 <= longitude <= 180:
            codes[code] = LocalityRow("postal_code", name[:100], code, latitude, longitude)
    towns: dict[str, list[LocalityRow]] = defaultdict(list)
    for row in codes.values():
        towns[row.name].append(row)
    town_rows = [
        LocalityRow(
            "town",
            name,
            "",
            sum(r.latitude for r in rows) / len(rows),
            sum(r.longitude for r in rows) / len(rows),
        )
        for name, rows in towns.items()
    ]
    return [*codes.values(), *town_rows]


def load_shipped_localities(sender=None, *, using: str = "default", apps=None, **kwargs) -> None:
    """Add the shipped places the table lacks (a ``post_migrate`` receiver;
    rows loaded from elsewhere are left alone)."""
    if apps is None:
        from django.apps import apps
    try:
        locality = apps.get_model("registry", "Locality")
    except LookupError:
        return  # migrating backwards, before the table existed
    places = as_objects(locality, shipped_rows(), SHIPPED_SOURCE)
    locality.objects.using(using).bulk_create(places, ignore_conflicts=True)


def as_objects(model, rows: Iterable[LocalityRow], source: str) -> list:
    """Unsaved ``model`` (Locality, or its migration-time copy) objects."""
    return [
        model(
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


def unit_vector(latitude: float, longitude: float) -> tuple[float, float, float]:
    """The point on the unit sphere; the database computes the same for each
    enterprise (``registry.selectors.nearest``)."""
    lat, lon = math.radians(latitude), math.radians(longitude)
    return (math.cos(lat) * math.cos(lon), math.cos(lat) * math.sin(lon), math.sin(lat))


def chord(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    return math.dist(a, b)


def chord_to_km(length: float) -> float:
    """The distance along the surface for a chord of the unit sphere."""
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, length / 2))


def km_to_chord(km: float) -> float:
    return 2 * math.sin(min(math.pi / 2, km / (2 * EARTH_RADIUS_KM)))
