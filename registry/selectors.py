"""Reads that span models, with the joins and prefetches their pages need.

Query costs are fixed per page, whatever the number of rows: each list selector
documents how many queries it takes.
"""

import datetime
import difflib
import re
from collections.abc import Iterable

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    TrigramSimilarity,
)
from django.db import connection
from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    TextField,
    Value,
)
from django.db.models.functions import Coalesce, Collate, Concat
from django.shortcuts import get_object_or_404
from django.utils import timezone

from registry.models import (
    CriterionVerification,
    Offering,
    Partner,
    PartnerTopic,
    Session,
    SocialEnterprise,
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


def with_listing_annotations(queryset: QuerySet[SocialEnterprise]) -> QuerySet:
    """Add ``verified_criteria`` and ``open_places_total`` as subqueries."""
    return queryset.annotate(
        verified_criteria=_verified_criteria_count(),
        open_places_total=_open_places_total(),
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
    annotations = {"name_similarity": TrigramSimilarity("name", text)}
    if query is not None:
        matches |= Q(search_vector=query)
        annotations["search_rank"] = SearchRank(F("search_vector"), query)
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


def filter_target_group(queryset: QuerySet, target_group) -> QuerySet:
    offerings = Offering.objects.filter(enterprise=OuterRef("pk"), target_groups=target_group)
    return queryset.filter(Exists(offerings))


def filter_open_places(queryset: QuerySet) -> QuerySet:
    offerings = Offering.objects.filter(enterprise=OuterRef("pk"), open_places__gt=0)
    return queryset.filter(Exists(offerings))


def filter_verified(queryset: QuerySet) -> QuerySet:
    return queryset.alias(criteria_ok=_verified_criteria_count()).filter(criteria_ok=ALL_CRITERIA)


def order_directory(queryset: QuerySet, sort: str) -> QuerySet:
    """``relevance`` needs the annotations of a PostgreSQL text search; without
    them it falls back to name order."""
    if sort == "relevance" and "name_similarity" in queryset.query.annotations:
        rank = F("search_rank").desc() if "search_rank" in queryset.query.annotations else None
        keys = [k for k in (rank, F("name_similarity").desc()) if k is not None]
        return queryset.order_by(*keys, name_ordering(), "pk")
    if sort == "checked":
        return queryset.order_by(F("last_checked").desc(nulls_last=True), name_ordering(), "pk")
    return queryset.order_by(name_ordering(), "pk")


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
