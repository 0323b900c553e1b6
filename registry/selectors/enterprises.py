"""Enterprises for the public pages: a profile, and the matches an advice
flow's result shows."""

from collections.abc import Iterable

from django.db.models import (
    Exists,
    F,
    OuterRef,
    Prefetch,
)
from django.shortcuts import get_object_or_404

from registry.models import (
    CriterionVerification,
    Offering,
    SocialEnterprise,
)
from registry.selectors.listing import directory_queryset, name_ordering


def enterprise_for_profile(slug: str) -> SocialEnterprise:
    """A published enterprise with everything its profile shows, or 404.

    Six queries: the row, industries, languages, offerings, their target
    groups and referrers, and the verifications with the advisor who made them.
    """
    offerings = Offering.objects.prefetch_related("target_groups", "accepted_referrers")
    queryset = (
        SocialEnterprise.objects.published()
        .select_related("area")
        .prefetch_related(
            "industries",
            "languages",
            Prefetch("offerings", queryset=offerings),
            Prefetch(
                "verifications",
                queryset=CriterionVerification.objects.select_related("verified_by"),
            ),
        )
    )
    return get_object_or_404(queryset, slug=slug)


def matching_enterprises(
    *,
    offering_kinds: Iterable[str] = (),
    industry_ids: Iterable[int] = (),
    area_ids: Iterable[int] = (),
    language_ids: Iterable[int] = (),
    access: Iterable[str] = (),
    limit: int = 3,
) -> tuple[int, list[SocialEnterprise]]:
    """Published enterprises that offer any of the kinds, in any of the industries
    and areas, speaking any of the languages given (an empty list means no
    filter), with every accessibility fact in ``access`` (field names), those
    with open places first. Returns the number of matches and the first few:
    four queries."""
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
    if languages := list(language_ids):
        spoken = SocialEnterprise.languages.through.objects.filter(
            socialenterprise_id=OuterRef("pk"), language_id__in=languages
        )
        queryset = queryset.filter(Exists(spoken))
    queryset = queryset.filter(**{field: True for field in access})
    ordered = queryset.order_by(F("open_places_total").desc(nulls_last=True), name_ordering(), "pk")
    return queryset.count(), list(ordered[:limit])
