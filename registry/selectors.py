"""Reads that span models, with the joins and prefetches their pages need.

Query costs are fixed per page, whatever the number of rows: each list selector
documents how many queries it takes.
"""

import datetime
import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    TrigramSimilarity,
)
from django.core.cache import cache
from django.db import connection
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Collate, Concat
from django.shortcuts import get_object_or_404
from django.utils import timezone

from asfportal.core import keyset
from asfportal.core.keyset import SortKey
from registry import freshness, pagecache
from registry.models import (
    Area,
    CriterionVerification,
    Industry,
    Offering,
    Partner,
    PartnerTopic,
    Session,
    SocialEnterprise,
    TargetGroup,
)

ALL_CRITERIA = 4


def name_ordering():
    """Order by name the Swedish way (å, ä, ö after z) where the database can.

    PostgreSQL has ICU's Swedish collation; SQLite compares code points, which
    puts ä before å, so the order there is close but not exact.
    """
    if connection.vendor == "postgresql":
        return Collate("name", "sv-x-icu")
    return F("name")


def _verified_criteria_count() -> Subquery:
    counts = (
        CriterionVerification.objects.filter(enterprise=OuterRef("pk"), verified=True)
        .order_by()
        .values("enterprise")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), 0)


def _open_places_total() -> Subquery:
    totals = (
        Offering.objects.filter(enterprise=OuterRef("pk"))
        .order_by()
        .values("enterprise")
        .annotate(n=Sum("open_places"))
        .values("n")
    )
    return Subquery(totals, output_field=IntegerField())


def stale_flag() -> Case:
    """1 for a record the public is told may be out of date (see
    ``freshness.stale``), else 0. An integer, so it can lead a keyset order.
    The cutoff is today's, fixed when the queryset is built."""
    return Case(
        When(freshness.stale(), then=Value(1)), default=Value(0), output_field=IntegerField()
    )


def with_listing_annotations(queryset: QuerySet[SocialEnterprise]) -> QuerySet:
    """Add ``verified_criteria`` and ``open_places_total`` as subqueries, and
    ``is_stale`` (0 or 1), which the card shows and the directory sorts by."""
    return queryset.annotate(
        verified_criteria=_verified_criteria_count(),
        open_places_total=_open_places_total(),
        is_stale=stale_flag(),
    )


def directory_queryset() -> QuerySet[SocialEnterprise]:
    """Published enterprises with what a directory card shows.

    Evaluating a page costs three queries: the rows (with area and the two
    annotations), their industries, their offerings.
    """
    return with_listing_annotations(
        SocialEnterprise.objects.published()
        .select_related("area")
        .prefetch_related("industries", "offerings")
    )


# The snippet marks hits with these; the template escapes the text, then turns
# them into <mark>, so nothing in a description can become markup.
MARK_START, MARK_END = "\x02", "\x03"
MAX_QUERY_WORDS = 10
TYPO_SIMILARITY = 0.5


def filter_text(queryset: QuerySet[SocialEnterprise], text: str) -> QuerySet:
    """Keep enterprises that match ``text``.

    PostgreSQL: every word as a prefix of a Swedish stem ("företagen" finds
    "företag", "kafé" finds "kaféet"), or a name within trigram distance (a typo);
    annotated with ``search_rank``, ``name_similarity`` and a ``snippet``.
    SQLite: every word must occur in the casefolded search document.
    """
    if connection.vendor == "postgresql":
        return _filter_text_postgres(queryset, text)
    for word in text.casefold().split():
        queryset = queryset.filter(search_document__contains=word)
    return queryset


def _tsquery(text: str) -> SearchQuery | None:
    words = re.findall(r"\w+", text.casefold())[:MAX_QUERY_WORDS]
    if not words:
        return None
    # \w+ words cannot carry tsquery syntax, so the raw form is safe here.
    return SearchQuery(" & ".join(f"{w}:*" for w in words), search_type="raw", config="swedish")


def _filter_text_postgres(queryset: QuerySet, text: str) -> QuerySet:
    query = _tsquery(text)
    # A misspelt name: `%` (similarity above pg_trgm's 0.3) can use the trigram
    # index; the stricter bound keeps a query with an unrelated second word from
    # matching on the first word alone.
    matches = Q(name__trigram_similar=text, name_similarity__gte=TYPO_SIMILARITY)
    # Both scores are real (float4) in PostgreSQL; cast to double precision so
    # the value a page cursor carries compares exactly on the next page.
    annotations = {"name_similarity": Cast(TrigramSimilarity("name", text), FloatField())}
    if query is not None:
        matches |= Q(search_vector=query)
        annotations["search_rank"] = Cast(SearchRank(F("search_vector"), query), FloatField())
        annotations["snippet"] = SearchHeadline(
            Concat("short_description", Value(" "), "description", output_field=TextField()),
            query,
            config="swedish",
            start_sel=MARK_START,
            stop_sel=MARK_END,
            max_words=30,
            min_words=12,
        )
    return queryset.annotate(**annotations).filter(matches)


def did_you_mean(text: str, limit: int = 3) -> list[str]:
    """The published names closest to ``text``, for an empty result (one query)."""
    published = SocialEnterprise.objects.published()
    if connection.vendor == "postgresql":
        close = (
            published.annotate(similarity=TrigramSimilarity("name", text))
            .filter(similarity__gt=0.15)
            .order_by("-similarity", "name")
        )
        return list(close.values_list("name", flat=True)[:limit])
    names = list(published.values_list("name", flat=True))
    folded = {name.casefold(): name for name in names}
    close = difflib.get_close_matches(text.casefold(), folded, n=limit, cutoff=0.6)
    return [folded[name] for name in close]


def filter_offering_kind(queryset: QuerySet, kind: str) -> QuerySet:
    return queryset.filter(Exists(Offering.objects.filter(enterprise=OuterRef("pk"), kind=kind)))


def filter_industry(queryset: QuerySet, industry_id: int) -> QuerySet:
    links = SocialEnterprise.industries.through.objects.filter(
        socialenterprise_id=OuterRef("pk"), industry_id=industry_id
    )
    return queryset.filter(Exists(links))


def filter_target_group(queryset: QuerySet, target_group) -> QuerySet:
    offerings = Offering.objects.filter(enterprise=OuterRef("pk"), target_groups=target_group)
    return queryset.filter(Exists(offerings))


def filter_open_places(queryset: QuerySet) -> QuerySet:
    offerings = Offering.objects.filter(enterprise=OuterRef("pk"), open_places__gt=0)
    return queryset.filter(Exists(offerings))


def filter_verified(queryset: QuerySet) -> QuerySet:
    return queryset.alias(criteria_ok=_verified_criteria_count()).filter(criteria_ok=ALL_CRITERIA)


def directory_sort_keys(queryset: QuerySet, sort: str) -> list[SortKey]:
    """The ordering of the directory as keyset keys. ``relevance`` needs the
    annotations of a PostgreSQL text search; without them it is name order.

    Name and relevance order put stale records after fresh ones (a leading
    0/1 key, so cursors still work both ways); "checked" order has them last
    anyway. The leading key means PostgreSQL sorts the published rows rather
    than reading the name-order index, which is cheap at a registry's size.
    """
    name = SortKey("sort_name", name_ordering())
    pk = SortKey("pk", kind="int")
    annotations = queryset.query.annotations
    if sort == "checked":
        checked = SortKey("last_checked", descending=True, nullable=True, kind="date")
        return [checked, name, pk]
    stale = SortKey("is_stale", None if "is_stale" in annotations else stale_flag(), kind="int")
    if sort == "relevance" and "name_similarity" in annotations:
        rank = [SortKey("search_rank", descending=True, kind="float")]
        if "search_rank" not in annotations:
            rank = []
        similarity = SortKey("name_similarity", descending=True, kind="float")
        return [stale, *rank, similarity, name, pk]
    return [stale, name, pk]


def order_directory(queryset: QuerySet, sort: str) -> QuerySet:
    """The whole filtered directory in page order (for the CSV export)."""
    return keyset.ordered(queryset, directory_sort_keys(queryset, sort))


# Taxonomies change rarely and every page's filter form needs them: they are
# read in one query and cached until the next registry write.
@dataclass(frozen=True)
class Term:
    pk: int
    slug: str
    name: str


@dataclass(frozen=True)
class Taxonomies:
    industries: list[Term]
    target_groups: list[Term]
    areas: list[Term]


TAXONOMY_SECONDS = 3600
# Swedish alphabetical order without depending on the machine's locales:
# å, ä and ö come after z, and é sorts as e.
_SWEDISH_ORDER = str.maketrans({"å": "{", "ä": "|", "ö": "}", "é": "e", "ü": "y"})


def swedish_sort_key(text: str) -> str:
    return text.casefold().translate(_SWEDISH_ORDER)


def taxonomies() -> Taxonomies:
    """Industries, target groups and areas: one query, then cached until the
    next registry write."""
    key = f"registry:taxonomies:{pagecache.registry_version()}"
    found = cache.get(key)
    if found is None:
        found = _load_taxonomies()
        cache.set(key, found, TAXONOMY_SECONDS)
    return found


def _load_taxonomies() -> Taxonomies:
    def terms(queryset, table: str):
        return (
            queryset.order_by()
            .annotate(table=Value(table))
            .values_list("table", "pk", "slug", "name", "order")
        )

    union = (
        terms(Industry.objects.annotate(order=Value("")), "industry")
        .union(
            terms(TargetGroup.objects.annotate(order=Value("")), "target_group"),
            terms(Area.objects.annotate(order=F("kind")), "area"),
            all=True,
        )
        .order_by()
    )
    grouped: dict[str, list[tuple]] = {"industry": [], "target_group": [], "area": []}
    for table, pk, slug, name, order in union:
        grouped[table].append((order, swedish_sort_key(name), pk, Term(pk, slug, name)))
    terms_of = {table: [row[-1] for row in sorted(rows)] for table, rows in grouped.items()}
    return Taxonomies(terms_of["industry"], terms_of["target_group"], terms_of["area"])


# Facet counts: for each filter, how many results choosing each of its options
# would give (with every other filter kept). All of them and the total come
# from one statement: each distinct set of filters is evaluated once, as a
# materialised CTE (the text search and the criteria check are the costly
# parts), and every facet is a small GROUP BY over the CTE it needs.
FACETS = (
    "erbjudande",
    "bransch",
    "malgrupp",
    "omrade",
    "juridisk_form",
    "lediga_platser",
    "verifierad",
)
FacetCounts = dict[str, dict[str, int]]

_FACET_SQL = {
    "erbjudande": (
        "SELECT 'erbjudande', o.kind, COUNT(DISTINCT o.enterprise_id) "
        "FROM registry_offering o JOIN {base} b ON b.id = o.enterprise_id GROUP BY o.kind"
    ),
    "malgrupp": (
        "SELECT 'malgrupp', CAST(t.targetgroup_id AS TEXT), COUNT(DISTINCT o.enterprise_id) "
        "FROM registry_offering_target_groups t "
        "JOIN registry_offering o ON o.id = t.offering_id "
        "JOIN {base} b ON b.id = o.enterprise_id GROUP BY t.targetgroup_id"
    ),
    "bransch": (
        "SELECT 'bransch', CAST(l.industry_id AS TEXT), COUNT(*) "
        "FROM registry_socialenterprise_industries l "
        "JOIN {base} b ON b.id = l.socialenterprise_id GROUP BY l.industry_id"
    ),
    "omrade": "SELECT 'omrade', CAST(b.area_id AS TEXT), COUNT(*) FROM {base} b GROUP BY b.area_id",
    "juridisk_form": (
        "SELECT 'juridisk_form', b.legal_form, COUNT(*) FROM {base} b GROUP BY b.legal_form"
    ),
    "lediga_platser": (
        "SELECT 'lediga_platser', '1', COUNT(*) FROM {base} b WHERE EXISTS ("
        "SELECT 1 FROM registry_offering o WHERE o.enterprise_id = b.id AND o.open_places > 0)"
    ),
    "verifierad": (
        "SELECT 'verifierad', '1', COUNT(*) FROM {base} b WHERE b.id IN ("
        "SELECT v.enterprise_id FROM registry_criterionverification v WHERE v.verified "
        "GROUP BY v.enterprise_id HAVING COUNT(*) = 4)"  # ALL_CRITERIA
    ),
}


def directory_counts(total: QuerySet, bases: dict[str, QuerySet]) -> tuple[int, FacetCounts]:
    """The number of results of ``total``, and per facet the number each option
    would give, where ``bases[facet]`` is filtered by everything but that facet.
    One query, whatever the number of options."""
    ctes: dict[str, tuple[str, list]] = {}

    def cte(queryset: QuerySet) -> str:
        sql, params = (
            queryset.order_by().values("pk", "area_id", "legal_form").query.sql_with_params()
        )
        key = sql + repr(params)
        if key not in ctes:
            ctes[key] = (f"base{len(ctes)}", sql, list(params))
        return ctes[key][0]

    # Only table names and CTE names are formatted in; values travel as params.
    selects = [f"SELECT '', '', COUNT(*) FROM {cte(total)}"]  # noqa: S608
    selects += [_FACET_SQL[facet].format(base=cte(base)) for facet, base in bases.items()]
    with_sql = ", ".join(
        f"{name} (id, area_id, legal_form) AS MATERIALIZED ({sql})"
        for name, sql, _p in ctes.values()
    )
    params = [param for _name, _sql, cte_params in ctes.values() for param in cte_params]
    with connection.cursor() as cursor:
        cursor.execute(f"WITH {with_sql} " + " UNION ALL ".join(selects), params)
        rows = cursor.fetchall()
    counts: FacetCounts = {facet: {} for facet in bases}
    found = 0
    for facet, key, n in rows:
        if facet == "":
            found = n
        elif key is not None:
            counts[facet][str(key)] = n
    return found, counts


def enterprise_for_profile(slug: str) -> SocialEnterprise:
    """A published enterprise with everything its profile shows, or 404.

    Five queries: the row, industries, offerings, their target groups and
    referrers, and the verifications with the advisor who made them.
    """
    offerings = Offering.objects.prefetch_related("target_groups", "accepted_referrers")
    queryset = (
        SocialEnterprise.objects.published()
        .select_related("area")
        .prefetch_related(
            "industries",
            Prefetch("offerings", queryset=offerings),
            Prefetch(
                "verifications",
                queryset=CriterionVerification.objects.select_related("verified_by"),
            ),
        )
    )
    return get_object_or_404(queryset, slug=slug)


def partner_list(topic: str | None = None) -> QuerySet[Partner]:
    """Partners with their topics and places: three queries."""
    queryset = Partner.objects.prefetch_related("topics", "places").order_by(name_ordering())
    if topic:
        queryset = queryset.filter(
            Exists(PartnerTopic.objects.filter(partner=OuterRef("pk"), topic=topic))
        )
    return queryset


def upcoming_sessions(now: datetime.datetime | None = None) -> QuerySet[Session]:
    return Session.objects.filter(ends_at__gte=now or timezone.now()).order_by("starts_at")


def partner_for_profile(slug: str) -> Partner:
    """A partner with its topics and places, or 404 (three queries)."""
    queryset = Partner.objects.prefetch_related("topics", "places")
    return get_object_or_404(queryset, slug=slug)


def upcoming_sessions_for_partner(partner: Partner, limit: int = 10) -> list[Session]:
    """The partner's next sessions across all its places, soonest first (one query)."""
    return list(upcoming_sessions().filter(place__partner=partner).select_related("place")[:limit])


def next_session_by_partner(partner_ids: Iterable[int]) -> dict[int, Session]:
    """Each partner's next session, if any (one query)."""
    sessions = upcoming_sessions().filter(place__partner__in=list(partner_ids))
    found: dict[int, Session] = {}
    for session in sessions.select_related("place"):
        found.setdefault(session.place.partner_id, session)
    return found


def matching_enterprises(
    *,
    offering_kinds: Iterable[str] = (),
    industry_ids: Iterable[int] = (),
    area_ids: Iterable[int] = (),
    limit: int = 3,
) -> tuple[int, list[SocialEnterprise]]:
    """Published enterprises that offer any of the kinds, in any of the industries
    and areas given (an empty list means no filter), those with open places first.
    Returns the number of matches and the first few: four queries."""
    queryset = directory_queryset()
    if kinds := list(offering_kinds):
        offerings = Offering.objects.filter(enterprise=OuterRef("pk"), kind__in=kinds)
        queryset = queryset.filter(Exists(offerings))
    if industries := list(industry_ids):
        links = SocialEnterprise.industries.through.objects.filter(
            socialenterprise_id=OuterRef("pk"), industry_id__in=industries
        )
        queryset = queryset.filter(Exists(links))
    if areas := list(area_ids):
        queryset = queryset.filter(area__in=areas)
    ordered = queryset.order_by(F("open_places_total").desc(nulls_last=True), name_ordering(), "pk")
    return queryset.count(), list(ordered[:limit])
