"""What the HSDS API reads: public records only, each list in a fixed number
of queries whatever its length.

Services come from two sources, listed one after the other: the offerings of
published enterprises (by id), then what partners help with (by id). A page
that spans the boundary reads from both. Drafts, archived records, staff and
inquiries are never read here.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import Max, Prefetch, Q, QuerySet
from django.utils import timezone

from opendata import vocabulary
from opendata.filters import service_filter
from opendata.params import ListParams
from registry import pagecache
from registry.models import (
    CriterionVerification,
    Offering,
    Partner,
    PartnerTopic,
    Place,
    Session,
    SocialEnterprise,
)
from registry.selectors.search import filter_text
from registry.selectors.taxonomies import taxonomies


def public_offerings() -> QuerySet[Offering]:
    return Offering.objects.filter(enterprise__status="published")


def _published_enterprises() -> QuerySet[SocialEnterprise]:
    return SocialEnterprise.objects.published()


# --- what each object needs loaded -------------------------------------------


def _enterprise_prefetches(full: bool) -> list:
    if not full:
        return []
    return [
        "industries",
        "languages",
        # Met and not met; a criterion not assessed yet has no attribute.
        Prefetch(
            "verifications",
            queryset=CriterionVerification.objects.filter(verified__isnull=False),
        ),
    ]


def _offerings(where_q: Q, full: bool) -> QuerySet[Offering]:
    queryset = public_offerings().filter(where_q).select_related("enterprise", "enterprise__area")
    if full:
        queryset = queryset.prefetch_related(
            "target_groups",
            "accepted_referrers",
            *[_prefixed("enterprise__", p) for p in _enterprise_prefetches(True)],
        )
    return queryset.order_by("pk")


def _prefixed(prefix: str, lookup):
    if isinstance(lookup, Prefetch):
        return Prefetch(prefix + lookup.prefetch_through, queryset=lookup.queryset)
    return prefix + lookup


def upcoming_sessions() -> QuerySet[Session]:
    return Session.objects.filter(ends_at__gte=timezone.now()).order_by("starts_at")


def _places(full: bool) -> Prefetch:
    places = Place.objects.order_by("pk")
    if full:
        places = places.prefetch_related(Prefetch("sessions", queryset=upcoming_sessions()))
    return Prefetch("partner__places", queryset=places)


def _topics(where_q: Q, full: bool) -> QuerySet[PartnerTopic]:
    queryset = PartnerTopic.objects.filter(where_q).select_related("partner").order_by("pk")
    return queryset.prefetch_related(_places(full)) if full else queryset


# --- services ------------------------------------------------------------------


@dataclass
class Page:
    total: int
    items: list


def services_page(params: ListParams) -> Page:
    """Offerings, then partner topics: two counts, two reads (more with full)."""
    where = service_filter(params)
    offerings = _offerings(where.offerings, params.full) if where.offerings is not None else None
    topics = _topics(where.topics, params.full) if where.topics is not None else None
    return _two_sources(offerings, topics, params)


def _size(source) -> int:
    if source is None:
        return 0
    return len(source) if isinstance(source, list) else source.count()


def _two_sources(first, second, params: ListParams) -> Page:
    """One page over two sources listed one after the other (a queryset or a list
    each, or None for a source no row of which can match)."""
    first_total, second_total = _size(first), _size(second)
    start, stop = params.offset, params.offset + params.per_page
    items: list = []
    if first is not None and start < first_total:
        items += list(first[start : min(stop, first_total)])
    if second is not None and stop > first_total:
        items += list(second[max(0, start - first_total) : stop - first_total])
    return Page(first_total + second_total, items)


def service(uuid: str):
    """A published enterprise's offering or a partner topic, fully loaded, or None."""
    offering = _offerings(Q(uuid=uuid), full=True).first()
    if offering is not None:
        return offering
    return _topics(Q(uuid=uuid), full=True).first()


# --- organizations -------------------------------------------------------------


def _enterprises(where_q: Q, params: ListParams) -> QuerySet[SocialEnterprise]:
    queryset = _published_enterprises().filter(where_q).select_related("area").order_by("pk")
    if params.full or params.full_service:
        offerings = Offering.objects.order_by("pk")
        if params.full_service:
            offerings = offerings.prefetch_related("target_groups", "accepted_referrers")
        queryset = queryset.prefetch_related(
            *_enterprise_prefetches(True), Prefetch("offerings", queryset=offerings)
        )
    return queryset


def _partners(where_q: Q, params: ListParams) -> QuerySet[Partner]:
    queryset = Partner.objects.filter(where_q).order_by("pk")
    if params.full or params.full_service:
        places = Place.objects.order_by("pk").prefetch_related(
            Prefetch("sessions", queryset=upcoming_sessions())
        )
        queryset = queryset.prefetch_related(
            Prefetch("places", queryset=places),
            Prefetch("topics", queryset=PartnerTopic.objects.order_by("pk")),
        )
    return queryset


def organizations_page(params: ListParams) -> Page:
    enterprises, partners = Q(), Q()
    if params.search:
        enterprises &= Q(pk__in=filter_text(_published_enterprises(), params.search).values("pk"))
        for word in params.search.split():
            partners &= (
                Q(name__icontains=word)
                | Q(summary__icontains=word)
                | Q(description__icontains=word)
            )
    if params.modified_after:
        enterprises &= Q(updated_at__gte=params.modified_after)
        partners &= Q(updated_at__gte=params.modified_after)
    return _two_sources(_enterprises(enterprises, params), _partners(partners, params), params)


def organization(uuid: str, params: ListParams):
    found = _enterprises(Q(uuid=uuid), params).first()
    if found is not None:
        return found
    return _partners(Q(uuid=uuid), params).first()


def all_organizations(chunk: int = 200):
    """Every published enterprise, then every partner, fully loaded with their
    services, in chunks by id (a fixed number of queries per chunk), so a
    download of the whole registry never holds it all in memory."""
    params = ListParams(full=True, full_service=True)
    for source in (_enterprises(Q(), params), _partners(Q(), params)):
        last = 0
        while rows := list(source.filter(pk__gt=last)[:chunk]):
            yield from rows
            last = rows[-1].pk


# --- services at locations -------------------------------------------------------


@dataclass(frozen=True)
class PartnerServiceAtLocation:
    """What a partner helps with, at one of its places."""

    topic: PartnerTopic
    place: Place

    @property
    def id(self) -> str:
        return vocabulary.derived_id("service_at_location", self.topic.uuid, self.place.uuid)


def _partner_pairs(where_q: Q | None, full: bool) -> list[PartnerServiceAtLocation]:
    """Every (topic, place) pair of the matching topics. Partners are few (tens),
    so the pairs are made in Python: two or three queries."""
    if where_q is None:
        return []
    topics = (
        _topics(where_q, full=True)
        if full
        else _topics(where_q, False).prefetch_related(_places(False))
    )
    return [
        PartnerServiceAtLocation(topic, place)
        for topic in topics
        for place in topic.partner.places.all()
    ]


def services_at_locations_page(params: ListParams) -> Page:
    where = service_filter(params)
    offerings = _offerings(where.offerings, params.full) if where.offerings is not None else None
    return _two_sources(offerings, _partner_pairs(where.topics, params.full), params)


def service_at_location(uuid: str):
    offering = _offerings(Q(at_location_uuid=uuid), full=True).first()
    if offering is not None:
        return offering
    for pair in _partner_pairs(Q(), full=True):
        if pair.id == uuid:
            return pair
    return None


# --- taxonomies ------------------------------------------------------------------


def _matches(search: str, *texts: str) -> bool:
    haystack = " ".join(texts).casefold()
    return all(word.casefold() in haystack for word in search.split())


def taxonomies_found(params: ListParams) -> list[vocabulary.Taxonomy]:
    """The published taxonomies matching ``search`` (no query)."""
    return [t for t in vocabulary.TAXONOMIES if _matches(params.search, t.name, t.description)]


def all_terms() -> list[vocabulary.Term]:
    """Industries, target groups and areas (cached: one query at most) and the
    closed lists."""
    found = taxonomies()
    rows = [
        *[(vocabulary.INDUSTRY, t) for t in found.industries],
        *[(vocabulary.TARGET_GROUP, t) for t in found.target_groups],
        *[(vocabulary.AREA, t) for t in found.areas],
    ]
    return [vocabulary.Term(t.uuid, t.slug, t.name, tax) for tax, t in rows] + (
        vocabulary.closed_terms()
    )


def terms_found(params: ListParams) -> list[vocabulary.Term]:
    """Terms matching ``taxonomy_id``, ``parent_id`` and ``search``. Every term is
    at the top, so a ``parent_id`` finds none."""
    if params.parent_id:
        return []
    terms = all_terms()
    if params.taxonomy_id:
        terms = [t for t in terms if t.taxonomy.id == params.taxonomy_id]
    return [t for t in terms if _matches(params.search, t.name, t.code)]


def term(term_id: str) -> vocabulary.Term | None:
    return next((t for t in all_terms() if t.id == term_id), None)


# --- freshness -------------------------------------------------------------------


def last_changed(version: int | None = None) -> datetime.datetime | None:
    """When a public record last changed (two queries, then cached until the
    next registry write). ``version``: the registry version, if already read."""
    key = f"opendata:last-changed:{version or pagecache.registry_version()}"
    found = cache.get(key)
    if found is None:
        moments = [
            _published_enterprises().aggregate(at=Max("updated_at"))["at"],
            Partner.objects.aggregate(at=Max("updated_at"))["at"],
        ]
        found = max((m for m in moments if m), default=None) or False
        cache.set(key, found, settings.PUBLIC_PAGE_CACHE_SECONDS or 60)
    return found or None
