"""The HSDS API's filters as conditions on its two sources of services: the
offerings of published enterprises and the partners' topics. Cumulative
(AND); ``Where(None, …)`` means no row of that source can match."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q

from opendata import vocabulary
from opendata.params import ListParams
from registry.models import AcceptedReferrer, CriterionVerification, Offering, SocialEnterprise
from registry.selectors.search import filter_text
from registry.selectors.taxonomies import taxonomies


@dataclass(frozen=True)
class Where:
    """A filter on both sources; None means no row of that source can match."""

    offerings: Q | None
    topics: Q | None

    def __and__(self, other: "Where") -> "Where":
        return Where(_and(self.offerings, other.offerings), _and(self.topics, other.topics))


def _and(left: Q | None, right: Q | None) -> Q | None:
    return None if left is None or right is None else left & right


EVERYTHING = Where(Q(), Q())


def service_filter(params: ListParams) -> Where:
    """The AND of every filter the request gave."""
    where = EVERYTHING
    if params.search:
        where &= _search(params.search)
    if params.modified_after:
        moment = params.modified_after
        where &= Where(Q(enterprise__updated_at__gte=moment), Q(partner__updated_at__gte=moment))
    if params.organization_id:
        where &= Where(
            Q(enterprise__uuid=params.organization_id), Q(partner__uuid=params.organization_id)
        )
    if params.taxonomy_term_id:
        where &= term_filter(params.taxonomy_term_id)
    if params.taxonomy_id:
        where &= taxonomy_filter(params.taxonomy_id)
    return where


def _search(text: str) -> Where:
    enterprises = filter_text(SocialEnterprise.objects.published(), text).values("pk")
    words = Q()
    for word in text.split():
        words &= (
            Q(partner__name__icontains=word)
            | Q(partner__summary__icontains=word)
            | Q(partner__description__icontains=word)
        )
    return Where(Q(enterprise__in=enterprises), words)


def _industry(pk=None) -> Q:
    links = SocialEnterprise.industries.through.objects.filter(
        socialenterprise_id=OuterRef("enterprise_id")
    )
    return Q(Exists(links.filter(industry_id=pk) if pk else links))


def _target_group(pk=None) -> Q:
    links = Offering.target_groups.through.objects.filter(offering_id=OuterRef("pk"))
    return Q(Exists(links.filter(targetgroup_id=pk) if pk else links))


def _referrer(value=None) -> Q:
    rows = AcceptedReferrer.objects.filter(offering_id=OuterRef("pk"))
    return Q(Exists(rows.filter(referrer=value) if value else rows))


def _criterion(number=None, *, met: bool = True) -> Q:
    """Enterprises with a verdict on the criterion (any, without ``number``):
    met, or with ``met=False`` not met. Not assessed has no term."""
    rows = CriterionVerification.objects.filter(
        enterprise_id=OuterRef("enterprise_id"), verified=met
    )
    return Q(Exists(rows.filter(criterion=number) if number else rows))


FACT_FILTERS = {
    vocabulary.FACT_SKOOPI.id: Q(enterprise__skoopi_certified_on__isnull=False),
    vocabulary.FACT_SKOOPI_UNTIL.id: Q(enterprise__skoopi_valid_until__isnull=False),
    vocabulary.FACT_LOU_SHARE.id: Q(enterprise__lou_share_percent__isnull=False),
    vocabulary.FACT_LOU_CHECKED.id: Q(enterprise__lou_checked_on__isnull=False),
    vocabulary.FACT_OPEN_PLACES.id: Q(open_places__isnull=False),
    vocabulary.FACT_CHECKED_BY.id: ~Q(enterprise__last_checked_source=""),
}


def term_filter(term_id: str) -> Where:
    """Services that carry the term, or whose organization does."""
    for number, term in vocabulary.FACT_CRITERION.items():
        if term.id == term_id:
            return Where(_criterion(number), None)
    for number, term in vocabulary.FACT_CRITERION_NOT_MET.items():
        if term.id == term_id:
            return Where(_criterion(number, met=False), None)
    if term_id in FACT_FILTERS:
        return Where(FACT_FILTERS[term_id], None)
    for value, term in vocabulary.offering_kind_terms().items():
        if term.id == term_id:
            return Where(Q(kind=value), None)
    for value, term in vocabulary.referrer_terms().items():
        if term.id == term_id:
            return Where(_referrer(value), None)
    for value, term in vocabulary.help_topic_terms().items():
        if term.id == term_id:
            return Where(None, Q(topic=value))
    found = taxonomies()
    for term in found.industries:
        if term.uuid == term_id:
            return Where(_industry(term.pk), None)
    for term in found.target_groups:
        if term.uuid == term_id:
            return Where(_target_group(term.pk), None)
    for term in found.areas:
        if term.uuid == term_id:
            return Where(Q(enterprise__area_id=term.pk), None)
    return Where(None, None)


def taxonomy_filter(taxonomy_id: str) -> Where:
    """Services that carry any term of the taxonomy."""
    taxonomy = vocabulary.BY_ID.get(taxonomy_id)
    if taxonomy is vocabulary.OFFERING_KIND:
        return Where(Q(), None)
    if taxonomy is vocabulary.HELP_TOPIC:
        return Where(None, Q())
    if taxonomy is vocabulary.INDUSTRY:
        return Where(_industry(), None)
    if taxonomy is vocabulary.TARGET_GROUP:
        return Where(_target_group(), None)
    if taxonomy is vocabulary.AREA:
        return Where(Q(enterprise__area__isnull=False), None)
    if taxonomy is vocabulary.REFERRER:
        return Where(_referrer(), None)
    if taxonomy is vocabulary.ASF_FACT:
        facts = _criterion() | _criterion(met=False)
        for condition in FACT_FILTERS.values():
            facts |= condition
        return Where(facts, None)
    return Where(None, None)
