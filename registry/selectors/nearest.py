"""The directory in "nearest first" order, computed by the database.

The results (a bitmap of positions from the directory index) are fixed by the
filters; this module only orders them by distance from an ``Origin`` and
cuts a page. The distance is the chord between points on the unit sphere
(``registry.localities``), which orders exactly like the distance along the
surface.

- PostgreSQL walks its GiST index over the points (``cube``, migration
  ``registry/0011``) nearest first (``ORDER BY point <-> origin``), in
  growing batches, and keeps the rows among the results; page n reads on
  until its rows are known (the answers are kept, so the next page asks only
  for what is new).
- SQLite reads the rows in a bounding box of latitude and longitude around the
  origin, computes the exact distance, and widens the box until the page is
  full.
- When at most ``SMALL`` results have a position, one query reads all their
  distances: a walk through the whole index would cost more.

What the database answers is kept in this process for the directory index's
registry version (``_answers``), as the text search's hits are: paging back,
changing a filter that keeps the same rows, or the next visitor from the same
place asks nothing again; a new place or position asks once.

Results without a position (no coordinates on record) come after all the
others, in name order. Pages are numbered (``registry.selectors.paging``).
"""

import math
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice

from django.db import connection
from django.db.models import FloatField
from django.db.models.functions import Cast, Cos, Power, Radians, Sin
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from pyroaring import BitMap

from asfportal.core.kept import Kept
from registry.localities import chord, chord_to_km, km_to_chord, unit_vector
from registry.models import PublicationStatus
from registry.selectors.localities import Origin
from registry.selectors.paging import ResultPage, page_request, result_page

SMALL = 2000
# Nearest first shows this many pages at most (5,000 results at 20 a page):
# each page reads on through the distance order from the first, so a deeper
# one would let any visitor make the database walk the whole table.
MAX_PAGES = 250
# The first batch of rows read from the index; each next one is four times larger.
FIRST_BATCH = 64
# Pages up to this one are walked to on every request (a few hundred rows from
# the kept answers); a deeper page's leading rows are kept (``_leading``).
SHALLOW_PAGES = 5
# The point of each enterprise on the unit sphere: the very expression the
# GiST index of migration registry/0011 is built on.
POINT = (
    "cube(ARRAY[cos(radians(latitude)) * cos(radians(longitude)),"
    " cos(radians(latitude)) * sin(radians(longitude)), sin(radians(latitude))])"
)
_POSITIONED = "status = %s AND latitude IS NOT NULL AND longitude IS NOT NULL"
DISTANCE, TAIL = "d", "t"

type Row = tuple[float, int]  # (chord, enterprise id)


# What the database answered, per registry version and question: reads are
# kept in this process like the directory's text hits, so paging back and
# forth or refining the filters does not ask again. Arrays: about 16 bytes a
# row; at most 32 answers of up to MAX_PAGES pages' rows (the batches grow
# four times, so an answer may hold up to about four times that).
_answers: Kept[tuple[array, array]] = Kept(32)
# The few results' rows sorted, per index version, place and list (``scope``):
# at most SMALL rows each.
_sorted_few: Kept[list[Row]] = Kept(8)
# The results' leading rows in order, per index version, place, list and depth
# (a power of two): a deep page is then a slice, not a walk from the first row
# through the kept answers, which cost 23 ms at page 200 of 100,000 records.
# Arrays of about 16 bytes a row, at most MAX_PAGES pages' rows each.
_leading: Kept[tuple[array, array]] = Kept(16)


def _kept_rows(version: tuple | None, key: tuple, read: Callable[[], list[Row]]) -> list[Row]:
    if version is None:
        return read()

    def as_arrays() -> tuple[array, array]:
        rows = read()
        return array("d", (r[0] for r in rows)), array("q", (r[1] for r in rows))

    lengths, ids = _answers.get((version, *key), as_arrays)
    return list(zip(lengths, ids, strict=True))


def _postgres(sql: str, params: list) -> list[Row]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [(float(length), pk) for pk, length in cursor.fetchall()]


def _sqlite(where: str, params: list, origin: Origin) -> list[Row]:
    """Rows matching ``where`` with their chord, computed here from the
    coordinates (SQLite has no index for the distance itself)."""
    sql = f"SELECT id, latitude, longitude FROM registry_socialenterprise WHERE {_POSITIONED}"  # noqa: S608 - constants
    with connection.cursor() as cursor:
        cursor.execute(f"{sql} AND {where}", [PublicationStatus.PUBLISHED, *params])
        found = cursor.fetchall()
    here = unit_vector(origin.latitude, origin.longitude)
    return [(chord(here, unit_vector(float(lat), float(lon))), pk) for pk, lat, lon in found]


class _Database:
    """The two reads, per database: distances of given ids, and every row
    nearest first."""

    def __init__(self, origin: Origin, version: tuple | None = None):
        """``version``: the directory index's key, to keep the answers under
        (None: ask every time)."""
        self.origin = origin
        self.vector = list(unit_vector(origin.latitude, origin.longitude))
        self.postgres = connection.vendor == "postgresql"
        self.version = version

    def _pg(self, sql: str, params: list) -> list[Row]:
        key = ("pg", sql, repr(params))
        return _kept_rows(self.version, key, lambda: _postgres(sql, params))

    def _lite(self, where: str, params: list) -> list[Row]:
        key = ("sqlite", where, repr(params), self.origin.latitude, self.origin.longitude)
        return _kept_rows(self.version, key, lambda: _sqlite(where, params, self.origin))

    def of_ids(self, ids: list[int]) -> list[Row]:
        if not ids:
            return []
        if self.postgres:
            sql = (
                f"SELECT id, {POINT} <-> cube(%s::float8[]) FROM registry_socialenterprise"  # noqa: S608 - constants
                f" WHERE {_POSITIONED} AND id = ANY(%s)"
            )
            return self._pg(sql, [self.vector, PublicationStatus.PUBLISHED, ids])
        rows: list[Row] = []
        for start in range(0, len(ids), 900):  # SQLite's limit on parameters
            chunk = ids[start : start + 900]
            marks = ",".join("%s" for _ in chunk)
            rows += self._lite(f"id IN ({marks})", chunk)
        return rows

    def nearest(self, batch: int = FIRST_BATCH) -> Iterator[Row]:
        """Every positioned published row, nearest first; ``batch``: how many
        rows the first read from the index asks for."""
        return self._knn(batch) if self.postgres else self._rings()

    def _knn(self, limit: int) -> Iterator[Row]:
        """PostgreSQL: the GiST index nearest first, in batches four times
        larger each time, each starting at the last batch's distance."""
        start: Row | None = None
        sql = (
            f"SELECT id, {POINT} <-> cube(%s::float8[]) AS chord FROM registry_socialenterprise"  # noqa: S608 - constants
            f" WHERE {_POSITIONED} AND {POINT} <-> cube(%s::float8[]) >= %s"
            " ORDER BY chord LIMIT %s"
        )
        while True:
            least = start[0] if start else 0.0
            params = [self.vector, PublicationStatus.PUBLISHED, self.vector, least, limit]
            rows = sorted(self._pg(sql, params))
            done = len(rows) < limit
            if start:
                rows = [row for row in rows if row > start]
            if not done:
                # Rows at the batch's last distance may go on in the next one.
                rows = [row for row in rows if row[0] < rows[-1][0]] if rows else []
            yield from rows
            if done:
                return
            start = rows[-1] if rows else start
            limit *= 4

    def _rings(self) -> Iterator[Row]:
        """SQLite: boxes of growing size around the origin; a row is given
        once it is certain nothing nearer is outside the box."""
        start: Row | None = None
        km = 2.0
        while True:
            reach = km_to_chord(km)
            rows = sorted(row for row in self._box(km) if row[0] <= reach)
            if start:
                rows = [row for row in rows if row > start]
            yield from rows
            if reach >= 2.0:  # the box held the whole earth
                return
            start = rows[-1] if rows else start
            km *= 4

    def _box(self, km: float) -> list[Row]:
        """SQLite: the rows within a latitude and longitude box that holds
        every point ``km`` from the origin."""
        spread = math.degrees(km / 6371.0)
        lat = self.origin.latitude
        where, params = "latitude BETWEEN %s AND %s", [lat - spread, lat + spread]
        polar = max(abs(lat - spread), abs(lat + spread))
        if polar < 89 and spread < 60:
            wide = spread / math.cos(math.radians(polar))
            lon = self.origin.longitude
            if lon - wide > -180 and lon + wide < 180:
                where += " AND longitude BETWEEN %s AND %s"
                params += [lon - wide, lon + wide]
        return self._lite(where, params)


@dataclass
class NearestPage:
    page: ResultPage
    ids: list[int]
    distances: dict[int, float]  # km, for the rows that have a position


def distances_km(origin: Origin, ids: list[int], version: tuple | None = None) -> dict[int, float]:
    """How far each of ``ids`` (that has a position) is from ``origin``: one
    query, none when this process has asked it at the index's ``version``."""
    return {pk: chord_to_km(length) for length, pk in _Database(origin, version).of_ids(ids)}


class _Order:
    """The results nearest first, then those without a position: keys are
    (DISTANCE, chord, id) and (TAIL, id)."""

    def __init__(self, index, result: BitMap, origin: Origin, per_page: int, scope: str):
        self.index = index
        self.per_page = per_page
        positioned = result & index.positioned
        self.positioned = positioned
        # Enough rows from the index to fill a page at the results' share of
        # all positioned ones, so one read usually does.
        share = len(positioned) / max(1, len(index.positioned))
        self.batch = max(FIRST_BATCH, math.ceil((per_page + 1) / max(share, 1e-6) * 1.25))
        self.tail = result - index.positioned
        self.db = _Database(origin, index.key)
        self.small: list[Row] | None = None
        if len(positioned) <= SMALL:
            self.small = _sorted_few.get(
                (index.key, origin, scope),
                lambda: sorted(self.db.of_ids([index.ids[p] for p in positioned])),
            )

    def _position(self, pk: int) -> int | None:
        index = self.index
        if pk not in index.id_set:
            return None
        return index.by_id_rank[index.id_set.rank(pk) - 1]

    def _kept(self, rows: Iterator[Row] | list[Row]) -> Iterator[tuple]:
        """The rows among the results (the database reads all published ones)."""
        for length, pk in rows:
            position = self._position(pk)
            if position is not None and position in self.positioned:
                yield (DISTANCE, length, pk)

    def forward(self) -> Iterator[tuple]:
        """Every result nearest first, then those without a position."""
        if self.small is not None:
            yield from ((DISTANCE, length, pk) for length, pk in self.small)
        else:
            yield from self._kept(self.db.nearest(min(self.batch, 50_000)))
        ids = self.index.ids
        yield from ((TAIL, ids[p]) for p in self.tail)


def nearest_page(
    index, result: BitMap, origin: Origin, raw_page: str | None, *, per_page: int, scope: str
) -> NearestPage:
    """One page of ``result`` (positions in ``index``) nearest ``origin``
    first (``raw_page``: the address's page number, see ``paging``)."""
    order = _Order(index, result, origin, per_page, scope)
    shown = min(len(result), MAX_PAGES * per_page)
    count = number_format(shown, force_grouping=True)
    limit = _("Närmast först visar de %(count)s närmaste. Du ser sista sidan.") % {"count": count}
    request = page_request(
        raw_page, total=shown, per_page=per_page, past_end=limit if shown < len(result) else None
    )
    lengths, leading = _rows(order, (index.key, origin, scope), request.offset + per_page, shown)
    window = slice(request.offset, request.offset + per_page)
    ids = list(leading[window])
    distances = {
        pk: chord_to_km(length)
        for length, pk in zip(lengths[window], ids, strict=True)
        if not math.isnan(length)
    }
    return NearestPage(page=result_page(request, len(result)), ids=ids, distances=distances)


def _rows(order: _Order, key: tuple, needed: int, shown: int) -> tuple[array, array]:
    """At least the first ``needed`` results in order, as their chords (NaN
    without a position) and ids; kept for deep pages (``_leading``)."""
    if needed <= SHALLOW_PAGES * order.per_page or key[0] is None:
        return _walk(order, needed)
    depth = 1 << (needed - 1).bit_length()
    depth = min(depth, shown)
    return _leading.get((*key, depth), lambda: _walk(order, depth))


def _walk(order: _Order, count: int) -> tuple[array, array]:
    lengths, ids = array("d"), array("q")
    for key in islice(order.forward(), count):
        lengths.append(key[1] if key[0] == DISTANCE else math.nan)
        ids.append(key[-1])
    return lengths, ids


def distance_expression(origin: Origin):
    """The squared chord to ``origin`` as a Django expression (both
    databases), for ordering a queryset such as the CSV export; null
    without coordinates."""
    x0, y0, z0 = unit_vector(origin.latitude, origin.longitude)
    latitude = Radians(Cast("latitude", FloatField()))
    longitude = Radians(Cast("longitude", FloatField()))
    x = Cos(latitude) * Cos(longitude)
    y = Cos(latitude) * Sin(longitude)
    return Power(x - x0, 2) + Power(y - y0, 2) + Power(Sin(latitude) - z0, 2)
