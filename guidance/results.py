"""What a finished advice flow recommends: next steps, partners with their next
session, matching enterprises and links to the filtered directory."""

from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from django.urls import reverse

from guidance import selectors
from guidance.flows import Walk
from registry.models import ACCESS_FACTS, OfferingKind, Partner, Session, SocialEnterprise
from registry.selectors.enterprises import matching_enterprises
from registry.selectors.partners import next_session_by_partner

INLINE_ENTERPRISES = 3


@dataclass(frozen=True)
class PartnerToContact:
    partner: Partner
    next_session: Session | None


@dataclass(frozen=True)
class FlowResult:
    steps: list[str]
    partners: list[PartnerToContact]
    match_count: int
    enterprises: list[SocialEnterprise]
    directory_links: list[tuple[str, str]]
    # "", "area", "language" or "industry": which answer was let go to find
    # matches. Accessibility needs are never let go.
    widened: str = ""


def flow_result(walk: Walk) -> FlowResult:
    """Everything the result page shows, in a fixed number of queries (at most
    thirteen, when the search has to be widened three times)."""
    recs = selectors.recommendations_for(dict(walk.answers))
    steps = list(dict.fromkeys(rec.text for rec in recs))
    partners = list({p.pk: p for rec in recs for p in rec.partners.all()}.values())
    sessions = next_session_by_partner(p.pk for p in partners)
    kinds = list(dict.fromkeys(rec.offering_kind for rec in recs if rec.offering_kind))
    industries = list({rec.industry.pk: rec.industry for rec in recs if rec.industry}.values())
    areas = list({rec.area.pk: rec.area for rec in recs if rec.area}.values())
    languages = list({rec.language.pk: rec.language for rec in recs if rec.language}.values())
    access = list(dict.fromkeys(rec.access_need for rec in recs if rec.access_need))
    search = _find_matches(kinds, industries, areas, languages, access)
    return FlowResult(
        steps=steps,
        partners=[PartnerToContact(p, sessions.get(p.pk)) for p in partners],
        match_count=search.count,
        enterprises=search.enterprises,
        directory_links=_directory_links(
            kinds, search.industries, search.areas, search.languages, access
        ),
        widened=search.widened,
    )


@dataclass(frozen=True)
class _Search:
    widened: str
    industries: list
    areas: list
    languages: list
    count: int = 0
    enterprises: list = field(default_factory=list)


def _find_matches(kinds, industries, areas, languages, access) -> _Search:
    """Search with every filter; with no match, widen step by step (let go of
    the place, then of the language, then of the trade) rather than leave the
    person with nothing. Accessibility needs stay: a workplace without them is
    no match at all."""
    attempts = [_Search("", industries, areas, languages)]
    if areas:
        attempts.append(_Search("area", industries, [], languages))
    if languages:
        attempts.append(_Search("language", industries, [], []))
    if industries:
        attempts.append(_Search("industry", [], [], []))
    for attempt in attempts:
        count, enterprises = matching_enterprises(
            offering_kinds=kinds,
            industry_ids=[i.pk for i in attempt.industries],
            area_ids=[a.pk for a in attempt.areas],
            language_ids=[language.pk for language in attempt.languages],
            access=access,
            limit=INLINE_ENTERPRISES,
        )
        if count:
            return replace(attempt, count=count, enterprises=enterprises)
    return _Search("", industries, areas, languages)


def _directory_links(kinds, industries, areas, languages, access) -> list[tuple[str, str]]:
    """One link per chosen offering kind (the directory filters on one kind at a
    time), each narrowed by the industry, area and language when exactly one was
    chosen, and by every accessibility need."""
    base = {}
    if len(industries) == 1:
        base["bransch"] = industries[0].slug
    if len(areas) == 1:
        base["omrade"] = areas[0].slug
    if len(languages) == 1:
        base["sprak"] = languages[0].slug
    params = dict(ACCESS_FACTS)
    base |= {params[need]: "on" for need in access}
    url = reverse("registry:enterprise_list")
    links = []
    for kind in kinds or [""]:
        params = {"erbjudande": kind, **base} if kind else base
        label = OfferingKind(kind).label if kind else ""
        links.append((str(label), f"{url}?{urlencode(params)}" if params else url))
    return links
