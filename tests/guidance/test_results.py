"""guidance.results.flow_result: what a finished walk recommends."""

import pytest

from guidance import selectors
from guidance.flows import walk
from guidance.results import flow_result
from registry.models import Language, OfferingKind
from tests.factories import (
    AreaFactory,
    EnterpriseFactory,
    IndustryFactory,
    OfferingFactory,
    PartnerFactory,
    PlaceFactory,
    SessionFactory,
    build_flow,
)

pytestmark = pytest.mark.django_db


def finished(flow, *, situation="af", soker=("traning",), plats="centrum"):
    loaded = selectors.load_flow(flow["flow"].slug)
    stored = {str(flow["situation"].pk): [situation], str(flow["plats"].pk): [plats]}
    if situation == "af":
        stored[str(flow["soker"].pk)] = list(soker)
    done = walk(loaded.graph, stored)
    assert done.complete
    return done


def trainee(**fields):
    enterprise = EnterpriseFactory(**fields)
    OfferingFactory(enterprise=enterprise, kind=OfferingKind.WORK_TRAINING)
    return enterprise


def test_steps_partners_and_matches_follow_the_answers():
    partner = PartnerFactory(name="Arbetsförmedlingen")
    session = SessionFactory(place=PlaceFactory(partner=partner))
    industry = IndustryFactory(name="Café", slug="cafe")
    match = trainee(name="Kafé Kornet", industries=[industry])
    trainee(name="Utan bransch")
    flow = build_flow(partner=partner, industry=industry)

    result = flow_result(finished(flow))

    assert result.steps == [
        "Prata med din handläggare.",
        "Arbetsträning ger dig rutiner.",
        "Företag i Centrum.",
    ]
    assert [(p.partner, p.next_session) for p in result.partners] == [(partner, session)]
    assert (result.match_count, result.enterprises, result.widened) == (1, [match], "")
    assert result.directory_links == [
        ("Arbetsträning", "/foretag/?erbjudande=arbetstraning&bransch=cafe")
    ]


def test_with_no_match_in_the_industry_the_search_lets_go_of_it():
    industry = IndustryFactory(name="Café", slug="cafe")
    other = trainee(name="Snickeriet", industries=[IndustryFactory(name="Snickeri")])
    flow = build_flow(industry=industry)

    result = flow_result(finished(flow))

    assert (result.widened, result.match_count, result.enterprises) == ("industry", 1, [other])
    assert result.directory_links == [("Arbetsträning", "/foretag/?erbjudande=arbetstraning")]


def test_a_walk_without_recommended_kinds_links_the_whole_directory():
    flow = build_flow()
    EnterpriseFactory(area=AreaFactory())

    result = flow_result(finished(flow, situation="ingen", plats="egal"))

    assert result.steps == []
    assert result.partners == []
    assert result.directory_links == [("", "/foretag/")]
    assert result.match_count == 1


def test_nothing_found_even_widened_says_so():
    flow = build_flow(industry=IndustryFactory(slug="cafe"))

    result = flow_result(finished(flow))

    assert (result.match_count, result.enterprises, result.widened) == (0, [], "")


def language_and_access(flow, *, language, access_need):
    """Recommendations on the flow's last answer that filter on a language and
    on an accessibility need (as the demo flow's last two questions do)."""
    from guidance.models import Recommendation

    centrum = flow["plats"].choices.get(value="centrum")
    Recommendation.objects.create(choice=centrum, text="Språket.", language=language)
    Recommendation.objects.create(choice=centrum, text="Lokalerna.", access_need=access_need)


def test_the_language_and_the_access_needs_narrow_the_matches_and_the_links():
    arabic = Language.objects.get(code="ar")
    speaks = trainee(name="Kafé Arabiska", step_free_entrance=True)
    speaks.languages.set([arabic])
    trainee(name="Utan trappfri entré").languages.set([arabic])
    trainee(name="Bara svenska", step_free_entrance=True)
    flow = build_flow()
    language_and_access(flow, language=arabic, access_need="step_free_entrance")

    result = flow_result(finished(flow))

    assert (result.match_count, result.enterprises, result.widened) == (1, [speaks], "")
    assert result.directory_links == [
        ("Arbetsträning", "/foretag/?erbjudande=arbetstraning&sprak=arabiska&trappfri_entre=on")
    ]


def test_without_a_match_the_language_is_let_go_but_never_the_access_need():
    arabic = Language.objects.get(code="ar")
    step_free = trainee(name="Bara svenska", step_free_entrance=True)
    trainee(name="Arabiska med trappor").languages.set([arabic])
    flow = build_flow()
    language_and_access(flow, language=arabic, access_need="step_free_entrance")

    result = flow_result(finished(flow))

    assert (result.widened, result.match_count, result.enterprises) == ("language", 1, [step_free])
    step_free.step_free_entrance = False
    step_free.save()
    result = flow_result(finished(flow))
    assert (result.match_count, result.enterprises) == (0, [])


def test_a_step_for_a_place_the_search_let_go_of_is_left_out():
    """The issue's "Ring ett företag i Norrby" when no Norrby enterprise matched."""
    centrum = AreaFactory(name="Centrum", slug="centrum")
    elsewhere = trainee(name="Långt bort", area=AreaFactory(name="Norr"))
    flow = build_flow()
    from guidance.models import Recommendation

    choice = flow["plats"].choices.get(value="centrum")
    Recommendation.objects.create(choice=choice, text="Ring ett företag i Centrum.", area=centrum)

    result = flow_result(finished(flow))

    assert (result.widened, result.enterprises) == ("area", [elsewhere])
    assert "Ring ett företag i Centrum." not in result.steps
    assert "Arbetsträning ger dig rutiner." in result.steps  # not tied to the place


def test_when_nothing_matches_the_trades_advice_stays_but_the_places_goes():
    from guidance.models import Recommendation

    industry = IndustryFactory(slug="cafe")
    flow = build_flow(industry=industry)
    choice = flow["plats"].choices.get(value="centrum")
    Recommendation.objects.create(
        choice=choice, text="Ring ett företag i Centrum.", area=AreaFactory(name="Centrum")
    )

    result = flow_result(finished(flow))

    assert result.match_count == 0
    assert "Ring ett företag i Centrum." not in result.steps
    assert "Företag i Centrum." in result.steps  # the trade's step (its filter is the trade)


def test_the_easy_wording_of_each_step_is_used_where_written():
    from guidance.models import Recommendation

    flow = build_flow()
    Recommendation.objects.filter(text="Arbetsträning ger dig rutiner.").update(
        easy_text="Här tränar du på att jobba."
    )

    easy = flow_result(finished(flow), easy=True)
    ordinary = flow_result(finished(flow))

    assert "Här tränar du på att jobba." in easy.steps
    assert "Prata med din handläggare." in easy.steps  # no easy wording: the ordinary one
    assert "Arbetsträning ger dig rutiner." in ordinary.steps


def test_a_founder_sees_enterprises_in_the_same_trade_whatever_they_offer():
    from guidance.models import ResultEnterprises

    industry = IndustryFactory(name="Café", slug="cafe")
    same = EnterpriseFactory(name="Kafé Utan Platser", industries=[industry])
    trainee(name="Annan bransch", industries=[IndustryFactory(name="Snickeri")])
    flow = build_flow(industry=industry)

    result = flow_result(finished(flow), kind=ResultEnterprises.SAME_TRADE)
    none = flow_result(finished(flow), kind=ResultEnterprises.NONE)

    assert (result.match_count, result.enterprises) == (1, [same])
    assert result.shows_same_trade and not result.shows_matching
    assert result.directory_links == [("", "/foretag/?bransch=cafe")]
    assert (none.match_count, none.enterprises, none.directory_links) == (0, [], [])
    assert "Företag i Centrum." in none.steps  # nothing searched, nothing pruned


def test_a_founder_without_an_enterprise_in_the_trade_gets_no_step_promising_one():
    from guidance.models import ResultEnterprises

    flow = build_flow(industry=IndustryFactory(slug="cafe"))

    result = flow_result(finished(flow), kind=ResultEnterprises.SAME_TRADE)

    assert result.match_count == 0 and not result.shows_same_trade
    assert "Företag i Centrum." not in result.steps


def test_the_first_three_steps_come_before_the_advisor_and_the_rest_after():
    from guidance.results import FlowResult

    result = FlowResult(
        steps=["1", "2", "3", "4", "5"],
        partners=[],
        match_count=0,
        enterprises=[],
        directory_links=[],
    )

    assert (result.first_steps, result.more_steps) == (["1", "2", "3"], ["4", "5"])
