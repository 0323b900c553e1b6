"""The advice flows: start, one question per page, check answers, result."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from guidance.models import AdviceFlow
from registry.models import OfferingKind
from tests.factories import (
    EnterpriseFactory,
    IndustryFactory,
    OfferingFactory,
    PartnerFactory,
    PlaceFactory,
    SessionFactory,
    build_flow,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def flow():
    return build_flow()


def q_url(flow, key, **params):
    url = reverse("guidance:flow_question", args=[flow["flow"].slug, flow[key].pk])
    return url + ("?andra=1" if params.get("change") else "")


def answer(client, flow, key, *values, change=False):
    return client.post(q_url(flow, key, change=change), {"svar": list(values)})


def walk_to_end(client, flow):
    answer(client, flow, "situation", "af")
    answer(client, flow, "soker", "traning", "anstallning")
    return answer(client, flow, "plats", "centrum")


def test_start_page_shows_intro_and_links_to_the_first_question(client, flow):
    response = client.get(reverse("guidance:flow_start", args=["jobba"]))
    assert "Svara på några frågor." in response.text
    assert q_url(flow, "situation") in response.text


def test_unknown_flow_is_404(client):
    assert client.get(reverse("guidance:flow_start", args=["finns-inte"])).status_code == 404


def test_question_page_shows_progress_and_back_link(client, flow):
    response = client.get(q_url(flow, "situation"))
    assert "Fråga 1 av 3" in response.text
    assert "Vilket stämmer in på dig?" in response.text
    assert response.context["back_url"] == reverse("guidance:flow_start", args=["jobba"])


def test_answer_redirects_to_the_chosen_branch_and_stores_it_in_the_session(client, flow):
    response = answer(client, flow, "situation", "ingen")
    assert response.status_code == 302
    assert response["Location"] == q_url(flow, "plats")
    assert client.session["advice:jobba"]["answers"] == {str(flow["situation"].pk): ["ingen"]}
    page = client.get(q_url(flow, "plats"))
    assert "Fråga 2 av 2" in page.text
    assert page.context["back_url"] == q_url(flow, "situation")


def test_answers_never_appear_in_a_url(client, flow):
    responses = [answer(client, flow, "situation", "af"), answer(client, flow, "soker", "traning")]
    responses.append(answer(client, flow, "plats", "centrum"))
    assert all("traning" not in r["Location"] and "centrum" not in r["Location"] for r in responses)


def test_no_answer_shows_an_error_summary(client, flow):
    response = client.post(q_url(flow, "situation"), {})
    assert response.status_code == 200
    assert "Något behöver rättas" in response.text
    assert 'href="#id_svar_0"' in response.text
    assert "Välj ett svar." in response.text
    assert "<title>Fel:" in response.text


def test_tampered_value_is_a_validation_error_not_a_500(client, flow):
    response = client.post(q_url(flow, "situation"), {"svar": "<script>x</script>"})
    assert response.status_code == 200
    assert "Välj ett av svaren i listan." in response.text
    assert "<script>x</script>" not in response.text
    assert "advice:jobba" not in client.session


def test_multiple_choice_needs_at_least_one(client, flow):
    answer(client, flow, "situation", "af")
    response = client.post(q_url(flow, "soker"), {})
    assert "Välj minst ett svar." in response.text


def test_jumping_ahead_by_url_goes_to_the_next_question_with_a_message(client, flow):
    answer(client, flow, "situation", "af")
    response = client.get(q_url(flow, "plats"), follow=True)
    assert response.redirect_chain[-1][0] == q_url(flow, "soker")
    assert "Svara på frågorna i tur och ordning" in response.text


def test_question_of_another_flow_is_404(client, flow):
    other = build_flow("starta")
    url = reverse("guidance:flow_question", args=["jobba", other["plats"].pk])
    assert client.get(url).status_code == 404


def test_expired_answers_restart_politely(client, flow, settings):
    answer(client, flow, "situation", "af")
    session = client.session
    session["advice:jobba"]["at"] -= settings.ADVICE_ANSWERS_MINUTES * 60 + 1
    session.save()
    response = client.get(q_url(flow, "soker"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("guidance:flow_start", args=["jobba"])
    assert "så vi har tagit bort dina svar" in response.text
    assert "advice:jobba" not in client.session


def test_flow_unpublished_mid_walk_gets_a_polite_page(client, flow):
    answer(client, flow, "situation", "af")
    AdviceFlow.objects.filter(slug="jobba").update(is_published=False)
    response = client.get(q_url(flow, "soker"))
    assert response.status_code == 404
    assert "Vägledningen är inte tillgänglig just nu" in response.text
    assert "advice:jobba" not in client.session


def test_check_page_lists_answers_with_change_links(client, flow):
    response = walk_to_end(client, flow)
    assert response["Location"] == reverse("guidance:flow_check", args=["jobba"])
    page = client.get(response["Location"])
    assert [row["answers"] for row in page.context["rows"]] == [
        ["Arbetsförmedlingen"],
        ["Arbetsträning", "Anställning"],
        ["Centrum"],
    ]
    assert q_url(flow, "soker", change=True) in page.text


def test_check_page_before_the_end_goes_to_the_next_question(client, flow):
    answer(client, flow, "situation", "af")
    response = client.get(reverse("guidance:flow_check", args=["jobba"]))
    assert response["Location"] == q_url(flow, "soker")


def test_changing_an_answer_returns_to_the_check_page(client, flow):
    walk_to_end(client, flow)
    response = answer(client, flow, "plats", "egal", change=True)
    assert response["Location"] == reverse("guidance:flow_check", args=["jobba"])
    assert client.session["advice:jobba"]["answers"][str(flow["plats"].pk)] == ["egal"]


def test_changing_to_another_branch_asks_the_new_question_then_returns(client, flow):
    answer(client, flow, "situation", "ingen")
    answer(client, flow, "plats", "centrum")
    response = answer(client, flow, "situation", "af", change=True)
    assert response["Location"] == q_url(flow, "soker", change=True)
    response = answer(client, flow, "soker", "traning", change=True)
    assert response["Location"] == reverse("guidance:flow_check", args=["jobba"])


def test_result_shows_steps_partners_with_next_session_and_matching_enterprises(client):
    partner = PartnerFactory(name="Arbetsförmedlingen Syd")
    place = PlaceFactory(partner=partner, name="Biblioteket")
    SessionFactory(
        place=place,
        title="Drop-in",
        starts_at=timezone.now() + datetime.timedelta(days=2),
        ends_at=timezone.now() + datetime.timedelta(days=2, hours=2),
    )
    cafe = IndustryFactory(name="Café", slug="cafe")
    match = EnterpriseFactory(name="Kafé Kornet", industries=[cafe])
    OfferingFactory(enterprise=match, kind=OfferingKind.WORK_TRAINING, open_places=2)
    other = EnterpriseFactory(name="Fel bransch")
    OfferingFactory(enterprise=other, kind=OfferingKind.WORK_TRAINING)
    flow = build_flow(partner=partner, industry=cafe)
    walk_to_end(client, flow)
    response = client.get(reverse("guidance:flow_result", args=["jobba"]))
    text = response.text
    assert "Prata med din handläggare." in text
    assert "Arbetsträning ger dig rutiner." in text
    assert "Arbetsförmedlingen Syd" in text
    assert "Drop-in" in text and "Biblioteket" in text
    assert response.context["result"].match_count == 1
    assert "Kafé Kornet" in text and "Fel bransch" not in text
    directory = reverse("registry:enterprise_list")
    assert f"{directory}?erbjudande=arbetstraning&amp;bransch=cafe" in text
    assert reverse("guidance:inquiry") + "?flode=jobba&amp;amne=jobba" in text


def test_result_query_count_is_fixed(client, django_assert_max_num_queries):
    partners = [PartnerFactory() for _ in range(4)]
    flow = build_flow(partner=partners[0])
    rec = flow["situation"].choices.get(value="af").recommendations.get()
    rec.partners.set(partners)
    for partner in partners:
        SessionFactory(place=PlaceFactory(partner=partner))
    for _ in range(6):
        OfferingFactory(kind=OfferingKind.WORK_TRAINING)
    walk_to_end(client, flow)
    with django_assert_max_num_queries(14):
        client.get(reverse("guidance:flow_result", args=["jobba"]))


def test_result_before_the_end_redirects(client, flow):
    response = client.get(reverse("guidance:flow_result", args=["jobba"]))
    assert response["Location"] == q_url(flow, "situation")


def test_restart_forgets_the_answers(client, flow):
    walk_to_end(client, flow)
    response = client.post(reverse("guidance:flow_restart", args=["jobba"]), follow=True)
    assert "advice:jobba" not in client.session
    assert "Dina svar är borttagna" in response.text


def test_restart_is_post_only(client, flow):
    assert client.get(reverse("guidance:flow_restart", args=["jobba"])).status_code == 405


def test_question_is_get_or_post_only(client, flow):
    assert client.put(q_url(flow, "situation")).status_code == 405


def test_start_page_offers_to_continue_a_walk(client, flow):
    answer(client, flow, "situation", "af")
    response = client.get(reverse("guidance:flow_start", args=["jobba"]))
    assert "Fortsätt där du var" in response.text
    assert response.context["resume_url"] == q_url(flow, "soker")


def test_answers_make_an_anonymous_session_short_lived(client, flow, settings):
    answer(client, flow, "situation", "af")
    assert client.session.get_expiry_age() == settings.ADVICE_ANSWERS_MINUTES * 60


def test_english_page_marks_the_swedish_flow_text_as_swedish(client, flow):
    text = client.get("/en" + q_url(flow, "situation")).text
    assert '<html lang="en">' in text
    assert '<h1 class="question__heading" lang="sv">Vilket stämmer in på dig?</h1>' in text
    assert 'lang="sv">Arbetsförmedlingen</label>' in text
    assert "Question 1 of 3" in text
