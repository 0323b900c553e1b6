"""The directory's counts and order from an index in memory, the way search
engines count facets: for every filter option the set of published
enterprises that have it, as a compressed bitmap (``pyroaring``) of their
positions in name order. A facet count is then the size of an intersection,
not a GROUP BY over every matching row, and a page is a slice of a bitmap
instead of a sort.

Positions follow the directory's name order (fresh records before stale
ones, Swedish collation, id), so iterating a bitmap gives rows in that order.
The "checked" order has its own permutation.

The index belongs to one registry version and one day (staleness and the
"confirmed" filter depend on the date). Every registry write bumps the
version (``pagecache``), in whichever process it happens, so the next request
uses a new index: one process builds it (two queries, about 0.2 s at 10,000
enterprises and 1.8 s at 100,000) and puts it in the shared cache, where the
others read it in milliseconds. Between writes it is read-only and shared by
the threads of a process.
"""

import contextlib
import ctypes
import gc
import threading
from array import array
from collections import defaultdict
from dataclasses import dataclass
from functools import reduce
from operator import and_

from django.core.cache import cache
from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, F, Q, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from pyroaring import BitMap

from registry.models import SocialEnterprise
from registry.selectors.facets import ACCESS_FIELDS, FACETS, FacetCounts
from registry.selectors.listing import ALL_CRITERIA, name_ordering, stale_flag
from registry.selectors.paging import ResultPage, page_request, result_page

INDEX_SECONDS = 60 * 60 * 24
# From this many records a build's transient memory is worth a full garbage
# collection to give back (about 10 MB at 100,000); below it the collection
# would cost more than it frees.
RELEASE_AFTER = 20_000

# Every (facet, option, enterprise) that is not a column of the enterprise.
# Duplicates are harmless (a bitmap holds a position once), so there is no
# DISTINCT to pay for.
_LINKS_SQL = f"""
SELECT 'industry', CAST(industry_id AS TEXT), socialenterprise_id
  FROM registry_socialenterprise_industries
UNION ALL
SELECT 'offering_kind', kind, enterprise_id FROM registry_offering
UNION ALL
SELECT 'open_places', '1', enterprise_id FROM registry_offering WHERE open_places > 0
UNION ALL
SELECT 'target_group', CAST(t.targetgroup_id AS TEXT), o.enterprise_id
  FROM registry_offering_target_groups t JOIN registry_offering o ON o.id = t.offering_id
UNION ALL
SELECT 'language', CAST(language_id AS TEXT), socialenterprise_id
  FROM registry_socialenterprise_languages
UNION ALL
SELECT 'verified', '1', enterprise_id FROM registry_criterionverification
 WHERE verified GROUP BY enterprise_id HAVING COUNT(*) = {ALL_CRITERIA}
"""  # noqa: S608 - a constant, no input


@dataclass(frozen=True)
class DirectoryIndex:
    key: tuple  # (registry version, date)
    ids: array  # position -> enterprise id
    id_set: BitMap  # the published enterprises' ids
    by_id_rank: array  # (rank of an id in id_set) - 1 -> its position
    everything: BitMap
    stale: BitMap
    options: dict[str, dict[str, BitMap]]  # facet -> option key -> positions
    checked_order: array  # "checked" rank -> position
    checked_rank: array  # position -> "checked" rank
    positioned: BitMap  # those with coordinates ("nearest first" can place them)


def _positions():
    """The published enterprises with their position (from 0) in the
    directory's name order and in its "checked" order, computed by the
    database with the very ORDER BY the SQL path uses."""
    name_order = [stale_flag().asc(), name_ordering().asc(), F("pk").asc()]
    checked_order = [F("last_checked").desc(nulls_last=True), name_ordering().asc(), F("pk").asc()]
    return SocialEnterprise.objects.published().annotate(
        pos=Window(RowNumber(), order_by=name_order) - 1,
        checked_pos=Window(RowNumber(), order_by=checked_order) - 1,
    )


def build_index(key: tuple) -> DirectoryIndex:
    """Read the published registry into bitmaps: two queries."""
    rows = (
        _positions()
        .annotate(
            is_stale=stale_flag(),
            positioned=ExpressionWrapper(
                Q(latitude__isnull=False, longitude__isnull=False), output_field=BooleanField()
            ),
        )
        .order_by("pos")
        .values_list(
            "pk",
            "area_id",
            "legal_form",
            "is_stale",
            "checked_pos",
            "positioned",
            *ACCESS_FIELDS,
        )
    )
    found: dict[str, dict[str, array]] = {f: defaultdict(lambda: array("I")) for f in FACETS}
    ids, stale, checked_rank = array("I"), array("I"), array("I")  # roaring holds 32 bits
    positioned = array("I")
    for position, row in enumerate(
        rows.iterator(chunk_size=20_000)  # a server-side cursor on PostgreSQL: bounded memory
    ):
        pk, area_id, legal_form, is_stale, checked, has_position, *access = row
        ids.append(pk)
        if has_position:
            positioned.append(position)
        for field, present in zip(ACCESS_FIELDS, access, strict=True):
            if present:
                found[field]["1"].append(position)
        checked_rank.append(checked)
        if area_id is not None:
            found["area"][str(area_id)].append(position)
        found["legal_form"][legal_form].append(position)
        if is_stale:  # one rule: the "kontrollerade" filter is the fresh records
            stale.append(position)
        else:
            found["confirmed"]["1"].append(position)
    # Only while building: the lookups below are ten times faster than by rank.
    position_of = {pk: position for position, pk in enumerate(ids)}
    with connection.chunked_cursor() as cursor:
        cursor.execute(_LINKS_SQL)
        while chunk := cursor.fetchmany(20_000):
            for facet, option, pk in chunk:
                position = position_of.get(pk)
                if position is not None:
                    found[facet][option].append(position)
    del position_of
    checked_order = array("I", bytes(4 * len(ids)))
    for position, rank in enumerate(checked_rank):
        checked_order[rank] = position
    # An id's position is looked up by its rank among the ids: far smaller
    # than a dict at 100,000 records.
    id_set = BitMap(ids)
    by_id_rank = array("I", bytes(4 * len(ids)))
    for position, pk in enumerate(ids):
        by_id_rank[id_set.rank(pk) - 1] = position
    return DirectoryIndex(
        key=key,
        ids=ids,
        id_set=id_set,
        by_id_rank=by_id_rank,
        everything=BitMap(range(len(ids))),
        stale=BitMap(stale),
        options={f: {k: BitMap(v) for k, v in opts.items()} for f, opts in found.items()},
        checked_order=checked_order,
        checked_rank=checked_rank,
        positioned=BitMap(positioned),
    )


_current: DirectoryIndex | None = None
_lock = threading.Lock()


def release_memory(*, collect: bool = True) -> None:
    """Give the memory a large read used back to the system: glibc keeps
    freed blocks otherwise, and a web worker would stay 10 MB larger for
    good. ``collect`` first frees what only the garbage collector can."""
    if collect:
        gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # not glibc: it is reused anyway
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _shared(key: tuple) -> DirectoryIndex:
    """The index from the shared cache (about 2 MB at 100,000 records, read
    in milliseconds), or built here and put there for the other processes."""
    # The "v4" names the index's shape: an index an older release put in the
    # cache, without this release's facets, is never read.
    cache_key = f"directory:index:v4:{key[0]}:{key[1]:%Y%m%d}"
    index = cache.get(cache_key)
    if not isinstance(index, DirectoryIndex) or index.key != key:
        index = build_index(key)
        cache.set(cache_key, index, INDEX_SECONDS)
        if len(index.ids) >= RELEASE_AFTER:
            release_memory()
    return index


def directory_index(version: int) -> DirectoryIndex:
    """The index of registry ``version`` today: once per process, and built
    once for all processes."""
    global _current
    key = (version, timezone.localdate())
    index = _current
    if index is None or index.key != key:
        with _lock:
            if _current is None or _current.key != key:
                _current = _shared(key)
            index = _current
    return index


def forget_index() -> None:
    """Drop this process's index (tests that reuse a version number)."""
    global _current
    _current = None


def to_bitmap(index: DirectoryIndex, pks) -> BitMap:
    """Positions of the published enterprises among ``pks``."""
    found = BitMap(pks) & index.id_set
    ranks, by_rank = index.id_set, index.by_id_rank
    return BitMap(by_rank[ranks.rank(pk) - 1] for pk in found)


def chosen_options(index: DirectoryIndex, query) -> dict[str, BitMap]:
    """For each facet the query filters on, the positions its choice keeps."""
    chosen = {}
    for facet in FACETS:
        value = getattr(query, facet)
        if value not in ("", None, False):
            key = "1" if value is True else str(value)
            chosen[facet] = index.options[facet].get(key, BitMap())
    return chosen


def count(
    index: DirectoryIndex, base: BitMap, chosen: dict[str, BitMap]
) -> tuple[BitMap, FacetCounts]:
    """The results, and for each facet how many results each of its options
    would give with the other filters kept: exact, from intersections."""
    result = reduce(and_, chosen.values(), base)
    counts: FacetCounts = {}
    for facet in FACETS:
        others = [bitmap for name, bitmap in chosen.items() if name != facet]
        within = result if facet not in chosen else reduce(and_, others, base)
        counts[facet] = {
            key: within.intersection_cardinality(bitmap)
            for key, bitmap in index.options[facet].items()
        }
    return result, counts


@dataclass(frozen=True)
class Ordering:
    """The results in page order: consecutive bitmaps, each iterated in
    ascending order. Their values are positions, or for the "checked" order
    ranks in it (``DirectoryIndex.checked_order`` turns them into positions)."""

    segments: list[BitMap]
    checked: bool = False

    @property
    def total(self) -> int:
        return sum(len(segment) for segment in self.segments)

    def slice(self, start: int, size: int) -> list[int]:
        values: list[int] = []
        for segment in self.segments:
            length = len(segment)
            if start >= length:
                start -= length
                continue
            stop = min(length, start + size - len(values))
            values += [segment[i] for i in range(start, stop)]
            start = 0
            if len(values) == size:
                break
        return values


def ordering(
    index: DirectoryIndex, result: BitMap, sort: str, tiers: tuple[BitMap, BitMap] | None
) -> Ordering:
    """The directory's orders. Relevance with a text: fresh before stale, and
    within each, hits on the words as typed, then name hits, then name order
    (``tiers`` = the exact hits and the name hits). Name order, and relevance
    without a text, is the positions' own order. "Checked" maps to its ranks."""
    if sort == "checked":
        ranks = index.checked_rank
        return Ordering([BitMap(ranks[p] for p in result)], checked=True)
    if sort != "relevance" or tiers is None:
        return Ordering([result])
    exact, name = tiers
    segments = []
    for part in (result - index.stale, result & index.stale):
        typed, other = part & exact, part - exact
        segments += [typed & name, typed - name, other & name, other - name]
    return Ordering([s for s in segments if s])


def paginate(
    index: DirectoryIndex, order: Ordering, raw_page: str | None, *, per_page: int
) -> tuple[ResultPage, list[int]]:
    """One page (``raw_page``: the address's page number, read as
    ``paging.page_request`` reads it) and the ids of its rows."""
    request = page_request(raw_page, total=order.total, per_page=per_page)
    values = order.slice(request.offset, per_page)
    if order.checked:
        values = [index.checked_order[v] for v in values]
    return result_page(request, order.total), [index.ids[p] for p in values]
