"""The public directory as one read: a ``DirectoryQuery`` (what the validated
form asked for) in, a ``DirectoryPage`` out: the page of rows with its links,
the total, every filter option's count and "Menade du …?" for an empty search.
"""

from array import array
from collections.abc import Sequence
from dataclasses import dataclass, fields

from django.db import connection
from django.db.models import F, QuerySet
from pyroaring import BitMap

from asfportal.core.kept import Kept
from asfportal.core.ordering import SortKey, ordered
from registry import freshness
from registry.models import LegalForm, OfferingKind, SocialEnterprise
from registry.pagecache import registry_version
from registry.selectors.directory_index import (
    RELEASE_AFTER,
    chosen_options,
    count,
    directory_index,
    ordering,
    paginate,
    release_memory,
    to_bitmap,
)
from registry.selectors.facets import ACCESS_FIELDS, FacetCounts
from registry.selectors.listing import (
    directory_queryset,
    filter_industry,
    filter_offering_kind,
    filter_open_places,
    filter_target_group,
    filter_verified,
    name_ordering,
    stale_flag,
)
from registry.selectors.localities import Origin
from registry.selectors.nearest import distance_expression, distances_km, nearest_page
from registry.selectors.paging import ResultPage
from registry.selectors.search import TextSearch, did_you_mean, filter_text, understand
from registry.selectors.taxonomies import Term, taxonomies

SORTS = ("relevance", "name", "checked", "near")


@dataclass(frozen=True)
class DirectoryQuery:
    """The directory's filters and order. Taxonomy terms are given by id; an
    empty value (or False) means no filter on it."""

    text: str = ""
    offering_kind: str = ""
    industry: int | None = None
    target_group: int | None = None
    area: int | None = None
    legal_form: str = ""
    open_places: bool = False
    verified: bool = False
    confirmed: bool = False
    language: int | None = None
    step_free_entrance: bool = False
    lift: bool = False
    accessible_toilet: bool = False
    hearing_loop: bool = False
    disabled_parking: bool = False
    quiet_workplace: bool = False
    public_transport: bool = False
    sort: str = "relevance"
    exact: bool = False  # search the text as typed, without corrections
    origin: Origin | None = None  # where distances are measured from, if anywhere

    @property
    def nearest_first(self) -> bool:
        return self.sort == "near" and self.origin is not None

    def filter_count(self) -> int:
        """How many filters narrow the results (a place counts as one, the
        text and the order do not): the number on the "Filtrera" button."""
        unfiltered = DirectoryQuery()
        chosen = [
            f.name
            for f in fields(self)
            if f.name not in ("text", "sort", "exact", "origin")
            and getattr(self, f.name) != getattr(unfiltered, f.name)
        ]
        return len(chosen) + (self.origin is not None)

    def scope(self) -> str:
        """Names this list (its filters and order), for what is kept per list."""
        values = [f"{f.name}={getattr(self, f.name)!r}" for f in fields(self)]
        return "directory?" + "&".join(values)


# How each filter narrows a queryset, by its DirectoryQuery field; the text
# filter is given the query as understood (see ``search_for``).
_FILTERS = {
    "text": filter_text,
    "offering_kind": filter_offering_kind,
    "industry": filter_industry,
    "target_group": filter_target_group,
    "area": lambda qs, area_id: qs.filter(area_id=area_id),
    "legal_form": lambda qs, legal_form: qs.filter(legal_form=legal_form),
    "open_places": lambda qs, _on: filter_open_places(qs),
    "verified": lambda qs, _on: filter_verified(qs),
    "confirmed": lambda qs, _on: qs.filter(freshness.checked_recently()),
    "language": lambda qs, language_id: qs.filter(languages__id=language_id),
    **{field: (lambda qs, _on, f=field: qs.filter(**{f: True})) for field in ACCESS_FIELDS},
}


def search_for(query: DirectoryQuery, version: int | None = None) -> TextSearch | None:
    """The query's text as it will be searched (one query, none when this
    process has understood it at this registry ``version``), or None."""
    if not query.text.strip():
        return None
    return understand(query.text, exact=query.exact, version=version)


def filter_directory(
    queryset: QuerySet, query: DirectoryQuery, skip: str = "", search: TextSearch | None = None
) -> QuerySet:
    """``queryset`` narrowed by every filter of ``query`` except ``skip``;
    ``search`` is ``search_for(query)`` when the caller has it already."""
    for name, apply in _FILTERS.items():
        value = getattr(query, name)
        if name == "text":
            value = search or search_for(query)
        if name != skip and value not in ("", None, False):
            queryset = apply(queryset, value)
    return queryset


def directory_sort_keys(queryset: QuerySet, sort: str) -> list[SortKey]:
    """The ordering of the directory as sort keys, in SQL (the CSV, and the
    tests' check of the in-memory index). ``relevance`` needs the annotations
    of a text search (the words as typed first, then name hits); without them
    it is name order.

    Name and relevance order put stale records after fresh ones (a leading
    0/1 key); "checked" order has them last anyway. The leading key means
    PostgreSQL sorts the published rows rather than reading the name-order
    index, which is cheap at a registry's size.
    """
    name = SortKey("sort_name", name_ordering())
    pk = SortKey("pk")
    annotations = queryset.query.annotations
    if sort == "checked":
        checked = SortKey("last_checked", descending=True, nullable=True)
        return [checked, name, pk]
    stale = SortKey("is_stale", None if "is_stale" in annotations else stale_flag())
    if sort == "relevance" and "exact_hit" in annotations:
        exact = SortKey("exact_hit", descending=True)
        name_hit = SortKey("name_hit", descending=True)
        return [stale, exact, name_hit, name, pk]
    return [stale, name, pk]


def directory_rows(query: DirectoryQuery) -> QuerySet[SocialEnterprise]:
    """Every result of ``query`` in page order, for the CSV export."""
    queryset = filter_directory(directory_queryset().prefetch_related("languages"), query)
    if query.nearest_first:
        return queryset.annotate(distance=distance_expression(query.origin)).order_by(
            F("distance").asc(nulls_last=True), name_ordering().asc(), "pk"
        )
    return ordered(queryset, directory_sort_keys(queryset, query.sort))


@dataclass(frozen=True)
class FacetOption:
    value: str  # the option's value in the address: a slug or a choice value
    label: str
    count: int  # the results choosing it would give, the other filters kept


@dataclass(frozen=True)
class Facets:
    offering_kind: list[FacetOption]
    industry: list[FacetOption]
    target_group: list[FacetOption]
    area: list[FacetOption]
    legal_form: list[FacetOption]
    open_places: int
    verified: int
    confirmed: int
    language: list[FacetOption]
    access: dict[str, int]  # per accessibility fact (its field), the count


def _term_options(terms: list[Term], counts: dict[str, int]) -> list[FacetOption]:
    return [FacetOption(t.slug, t.name, counts.get(str(t.pk), 0)) for t in terms]


def _choice_options(choices, counts: dict[str, int]) -> list[FacetOption]:
    return [FacetOption(value, str(label), counts.get(value, 0)) for value, label in choices]


def _facets(counts: FacetCounts, version: int | None = None) -> Facets:
    terms = taxonomies(version)
    return Facets(
        offering_kind=_choice_options(OfferingKind.choices, counts["offering_kind"]),
        industry=_term_options(terms.industries, counts["industry"]),
        target_group=_term_options(terms.target_groups, counts["target_group"]),
        area=_term_options(terms.areas, counts["area"]),
        legal_form=_choice_options(LegalForm.choices, counts["legal_form"]),
        open_places=counts["open_places"].get("1", 0),
        verified=counts["verified"].get("1", 0),
        confirmed=counts["confirmed"].get("1", 0),
        language=_term_options(terms.languages, counts["language"]),
        access={field: counts[field].get("1", 0) for field in ACCESS_FIELDS},
    )


@dataclass(frozen=True)
class DirectoryPage:
    page: ResultPage  # the rows, the total (count), its number and the number of pages
    facets: Facets
    suggestions: list[str]  # looser corrections and close names, when nothing was found
    search: TextSearch | None  # the text as searched ("Visar träffar för …")
    ids: list[int]  # the page's enterprises, in order
    distances: dict[int, float]  # km from the query's origin, for those with a position


# Up to about 40 KB each at 100,000 records.
_hits: Kept[tuple[BitMap, tuple[BitMap, BitMap]]] = Kept(50)


def _text_hits(index, search: TextSearch) -> tuple[BitMap, tuple[BitMap, BitMap]]:
    """The positions the text finds, and of those the hits on the words as
    typed and the name hits: one query, kept in this process for the index's
    registry version, so refining a search with filters, re-sorting it or
    paging through it does not ask again."""
    key = (index.key, tuple((w.typed, w.groups) for w in search.words))
    return _hits.get(key, lambda: _read_text_hits(index, search))


def _read_text_hits(index, search: TextSearch) -> tuple[BitMap, tuple[BitMap, BitMap]]:
    rows = (
        filter_text(SocialEnterprise.objects.published(), search)
        .order_by()
        .values_list("pk", "exact_hit", "name_hit")
    )
    hits, exact, names = array("I"), array("I"), array("I")
    for pk, exact_hit, name_hit in rows:
        hits.append(pk)
        if exact_hit:
            exact.append(pk)
        if name_hit:
            names.append(pk)
    if len(hits) >= RELEASE_AFTER:
        release_memory(collect=False)
    return to_bitmap(index, hits), (to_bitmap(index, exact), to_bitmap(index, names))


def page_rows(ids: list[int], search: TextSearch | None = None) -> list[SocialEnterprise]:
    """The enterprises ``ids`` in that order, with what a card shows and, for
    a text, the snippet (three queries)."""
    rows = directory_queryset().filter(pk__in=ids)
    if search:
        rows = filter_text(rows, search)
    by_pk = {row.pk: row for row in rows}
    return [by_pk[pk] for pk in ids if pk in by_pk]


class LazyRows(Sequence):
    """A page's enterprises, read only when someone asks for them: the
    directory's template shows cached cards and needs them only for cards
    not in the cache (``registry.cards``)."""

    def __init__(self, ids: list[int], search: TextSearch | None):
        self.ids, self.search = ids, search
        self._rows: list[SocialEnterprise] | None = None

    def _load(self) -> list[SocialEnterprise]:
        if self._rows is None:
            self._rows = page_rows(self.ids, self.search)
        return self._rows

    def __getitem__(self, index):
        return self._load()[index]

    def __len__(self) -> int:
        return len(self._load())


def page_snippets(ids: list[int], search: TextSearch | None) -> dict[int, str]:
    """The description with the hits marked, for each of ``ids`` (PostgreSQL;
    one query)."""
    if not search or not ids or connection.vendor != "postgresql":
        return {}
    rows = filter_text(SocialEnterprise.objects.filter(pk__in=ids), search).order_by()
    return dict(rows.values_list("pk", "snippet"))


def directory_page(
    query: DirectoryQuery, *, page: str | None, per_page: int, version: int | None = None
) -> DirectoryPage:
    """Page ``page`` (the address's ``sida``, read by ``paging.page_request``)
    of the directory with everything its page shows.

    The total, every facet count and the order come from the in-memory
    ``directory_index`` of this registry version; a text costs two queries
    (the vocabulary, then the ids it finds; both kept per process and
    registry version); the page's rows cost three (rows, industries, offerings) when
    they are read (``LazyRows``: cached cards do not need them). "Menade du"
    adds up to three when nothing was found, the taxonomies one when they are
    not cached, and the first request in a process after a registry write
    two more to build the index (or none, when another process has built it).
    A place to measure from adds one query for the page's distances; "nearest
    first" reads them while ordering (usually one query, ``nearest_page``).
    """
    version = registry_version() if version is None else version
    index = directory_index(version)
    search = search_for(query, version)
    base, tiers = index.everything, None
    if search:
        base, tiers = _text_hits(index, search)
    result, counts = count(index, base, chosen_options(index, query))
    if query.nearest_first:
        near = nearest_page(
            index, result, query.origin, page, per_page=per_page, scope=query.scope()
        )
        shown, ids, distances = near.page, near.ids, near.distances
    else:
        order = ordering(index, result, query.sort, tiers)
        shown, ids = paginate(index, order, page, per_page=per_page)
        distances = distances_km(query.origin, ids, index.key) if query.origin else {}
    shown.object_list = LazyRows(ids, search)
    suggestions = did_you_mean(search) if search and not shown.count else []
    return DirectoryPage(
        page=shown,
        facets=_facets(counts, version),
        suggestions=suggestions,
        search=search,
        ids=ids,
        distances=distances,
    )
