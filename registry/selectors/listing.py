"""Published enterprises as lists show them (the directory, an advice flow's
matches, the start page): what a card needs, the name order, each filter."""

from django.db import connection
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Collate

from registry import freshness
from registry.models import (
    CriterionVerification,
    Offering,
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


def stale_flag() -> Case:
    """1 for a record the public is told may be out of date (see
    ``freshness.stale``), else 0. An integer, so it can lead an order.
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
