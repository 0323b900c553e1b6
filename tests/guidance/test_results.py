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
