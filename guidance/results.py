"""What a finished advice flow recommends: next steps, partners with their next
session, enterprises and links to the filtered directory.

The steps name only what was found: a step tied to a place, a language or a
trade (a recommendation with that filter) is left out when the search for
enterprises had to let go of it (``_let_go``). Which enterprises a result shows is the
flow's choice (``AdviceFlow.enterprises``): those that fit the answers (for
someone who wants to work at one), those in the same trade (for someone who
wants to start one: they can tell how they began), or none.
"""

from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from django.urls import reverse

from guidance import selectors
from guidance.flows import Walk
from guidance.models import Recommendation, ResultEnterprises
from registry.models import ACCESS_FACTS, OfferingKind, Partner, Session, SocialEnterprise
from registry.selectors.enterprises import matching_enterprises
from registry.selectors.partners import next_session_by_partner

INLINE_ENTERPRISES = 3
# The steps shown before the way to an advisor; the rest follow it, so that on
# a phone the advisor is never far down, however many answers gave a step.
FIRST_STEPS = 3
# What each widening lets go of, in the order the search widens.
LET_GO = {"": (), "area": ("area",), "language": ("area", "language")}
LET_GO["industry"] = ("area", "language", "industry")
# When nothing matched at all: the steps that would send the person to an
# enterprise in a place, or promise enterprises speaking a language. A trade's
# step is advice about the trade, and stays.
NOTHING_FOUND = ("area", "language")


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
    kind: str = ResultEnterprises.MATCHING  # which enterprises are shown, and why

    @property
    def shows_matching(self) -> bool:
        return self.kind == ResultEnterprises.MATCHING

    @property
    def shows_same_trade(self) -> bool:
        return self.kind == ResultEnterprises.SAME_TRADE and bool(self.match_count)

    @property
    def first_steps(self) -> list[str]:
        return self.steps[:FIRST_STEPS]

    @property
    def more_steps(self) -> list[str]:
        return self.steps[FIRST_STEPS:]


@dataclass(frozen=True)
class _Search:
    widened: str
    industries: list
    areas: list
    languages: list
    count: int = 0
    enterprises: list = field(default_factory=list)


def flow_result(
    walk: Walk, *, easy: bool = False, kind: str = ResultEnterprises.MATCHING
) -> FlowResult:
    """Everything the result page shows, in a fixed number of queries (at most
    thirteen, when the search has to be widened three times). ``easy``: the
    steps in their easy-to-read wording where the editors wrote one."""
    recs = selectors.recommendations_for(dict(walk.answers))
    partners = list({p.pk: p for rec in recs for p in rec.partners.all()}.values())
    sessions = next_session_by_partner(p.pk for p in partners)
    kinds = list(dict.fromkeys(rec.offering_kind for rec in recs if rec.offering_kind))
    industries = _distinct(rec.industry for rec in recs)
    areas = _distinct(rec.area for rec in recs)
    languages = _distinct(rec.language for rec in recs)
    access = list(dict.fromkeys(rec.access_need for rec in recs if rec.access_need))
    if kind == ResultEnterprises.MATCHING:
        search = _find_matches(kinds, industries, areas, languages, access)
        links = _directory_links(kinds, search.industries, search.areas, search.languages, access)
    elif kind == ResultEnterprises.SAME_TRADE and industries:
        search, kinds = _same_trade(industries), []
        links = _directory_links([], industries, [], [], []) if search.count else []
    else:
        search, links = _Search("", [], [], []), []
    return FlowResult(
        steps=_steps(recs, _let_go(kind, search), easy=easy),
        partners=[PartnerToContact(p, sessions.get(p.pk)) for p in partners],
        match_count=search.count,
        enterprises=search.enterprises,
        directory_links=links,
        widened=search.widened,
        kind=kind,
    )


def _distinct(terms) -> list:
    return list({term.pk: term for term in terms if term is not None}.values())


def _let_go(kind: str, search: _Search) -> tuple[str, ...]:
    """The filters whose steps would name what the enterprises shown were not
    found by: those the matching search let go of (or, when nothing matched,
    place and language); for a founder, the trade when no enterprise is in it."""
    if kind == ResultEnterprises.MATCHING:
        return LET_GO[search.widened] if search.count else NOTHING_FOUND
    if kind == ResultEnterprises.SAME_TRADE and not search.count:
        return ("industry",)
    return ()


def _steps(recs: list[Recommendation], let_go: tuple[str, ...], *, easy: bool) -> list[str]:
    """The recommendations' texts (easy wording where written), without those
    tied to a filter in ``let_go``, each text once."""
    kept = [rec for rec in recs if not any(getattr(rec, f"{name}_id") for name in let_go)]
    return list(dict.fromkeys((easy and rec.easy_text) or rec.text for rec in kept))


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
        found = _search(attempt, kinds, access)
        if found.count:
            return found
    return _Search("", industries, areas, languages)


def _same_trade(industries) -> _Search:
    """Enterprises in the trades a founder chose, whatever they offer."""
    return _search(_Search("", industries, [], []), [], [])


def _search(attempt: _Search, kinds, access) -> _Search:
    count, enterprises = matching_enterprises(
        offering_kinds=kinds,
        industry_ids=[i.pk for i in attempt.industries],
        area_ids=[a.pk for a in attempt.areas],
        language_ids=[language.pk for language in attempt.languages],
        access=access,
        limit=INLINE_ENTERPRISES,
    )
    return replace(attempt, count=count, enterprises=enterprises)


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
