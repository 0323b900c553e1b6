"""The advice flows in easy-to-read Swedish (lättläst): the editors' optional
wording, chosen from the lättläst pages or with "Visa lättläst", and readable
by LIX in both wordings."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from asfportal.core.readability import lix, main_text
from guidance import selectors
from guidance.models import AdviceFlow, Choice, Question, Recommendation
from tests.demo_content import load_demo_content
from tests.factories import build_flow

pytestmark = pytest.mark.django_db
EASY_LIMIT, ORDINARY_LIMIT = 30, 45


@pytest.fixture
def demo():
    load_demo_content()


def route_to(slug: str, target: int) -> list[tuple[int, str]]:
    """The (question, answer) pairs that lead from the first question to ``target``."""
    graph = selectors.load_flow(slug).graph
    routes = {graph.first_id: []}
    todo = [graph.first_id]
    while todo:
        qid = todo.pop(0)
        for choice in graph.questions[qid].choices:
            if choice.next_id is not None and choice.next_id not in routes:
                routes[choice.next_id] = [*routes[qid], (qid, choice.value)]
                todo.append(choice.next_id)
    return routes[target]


def question_page(client, slug: str, question: Question) -> str:
    for qid, value in route_to(slug, question.pk):
        client.post(reverse("guidance:flow_question", args=[slug, qid]), {"svar": value})
    response = client.get(reverse("guidance:flow_question", args=[slug, question.pk]))
    assert response.status_code == 200
    return response.text


def flow_pages(client, flow: AdviceFlow, *, result: bool = False) -> dict[str, str]:
    """Every page of the walk: the start, each question, the check page and,
    with ``result``, the result page."""
    pages = {"start": client.get(reverse("guidance:flow_start", args=[flow.slug])).text}
    for question in flow.questions.order_by("order"):
        pages[question.text] = question_page(client, flow.slug, question)
    last = Question.objects.filter(flow=flow, choices__next_question=None).first()
    client.post(
        reverse("guidance:flow_question", args=[flow.slug, last.pk]),
        {"svar": last.choices.first().value},
    )
    pages["check"] = client.get(reverse("guidance:flow_check", args=[flow.slug])).text
    if result:
        pages["result"] = client.get(reverse("guidance:flow_result", args=[flow.slug])).text
    return pages


def choose_easy(client, slug: str) -> None:
    response = client.get(reverse("guidance:flow_start", args=[slug]) + "?lattlast=1")
    assert response.status_code == 302


@pytest.mark.parametrize("slug", ["jobba", "starta"])
def test_every_page_of_a_demo_flow_is_easy_by_lix_in_the_easy_wording(client, demo, slug):
    """Lättläst lasts to the end: the check page and the result too."""
    choose_easy(client, slug)
    flow = AdviceFlow.objects.get(slug=slug)

    pages = flow_pages(client, flow, result=True)

    assert "Här ser du vad du kan göra nu." in pages["result"]
    for name, html in pages.items():
        score = lix(main_text(html))
        assert score < EASY_LIMIT, f"{slug} {name}: LIX {score:.1f}"


def walk_to_the_end(client, slug: str, answers: list[tuple[int, str]]) -> None:
    """Give ``answers``, then the first choice of every question that follows."""
    for qid, value in answers:
        response = client.post(reverse("guidance:flow_question", args=[slug, qid]), {"svar": value})
    while "/fraga/" in response["Location"]:
        question = Question.objects.get(pk=int(response["Location"].split("/")[-2]))
        response = client.post(response["Location"], {"svar": question.choices.first().value})


@pytest.mark.parametrize("slug", ["jobba", "starta"])
def test_every_answer_of_a_demo_flow_gives_an_easy_result(client, demo, slug):
    """Whatever was answered, the easy result page reads easily: each choice
    of each question (the steps are the choices' own)."""
    choose_easy(client, slug)
    flow = AdviceFlow.objects.get(slug=slug)
    for question in flow.questions.all():
        for choice in question.choices.all():
            client.post(reverse("guidance:flow_restart", args=[slug]))
            walk_to_the_end(
                client, slug, [*route_to(slug, question.pk), (question.pk, choice.value)]
            )
            response = client.get(reverse("guidance:flow_result", args=[slug]))
            assert response.status_code == 200, (question.text, choice.value)
            assert "Här ser du vad du kan göra nu." in response.text
            score = lix(main_text(response.text))
            assert score < EASY_LIMIT, f"{slug} {question.text} = {choice.value}: LIX {score:.1f}"


@pytest.mark.parametrize("slug", ["jobba", "starta"])
def test_the_ordinary_flow_texts_stay_below_lix_45(client, demo, slug):
    flow = AdviceFlow.objects.get(slug=slug)

    for name, html in flow_pages(client, flow).items():
        score = lix(main_text(html))
        assert score < ORDINARY_LIMIT, f"{slug} {name}: LIX {score:.1f}"


def test_every_demo_question_and_choice_has_an_easy_wording(demo):
    for question in Question.objects.all():
        assert question.easy_text and question.easy_help_text, question.text
    assert not AdviceFlow.objects.filter(easy_intro="").exists()
    place_names = {"Centrum", "Norrby", "Söderdal", "Västerhöjden", "Ekbacken", "Sjöstaden"}
    without = set(Choice.objects.filter(easy_label="").values_list("label", flat=True))
    assert without == place_names  # names are already easy
    # The result page's words too: every step and both intros.
    assert not Recommendation.objects.filter(easy_text="").exists()
    assert not AdviceFlow.objects.filter(easy_result_intro="").exists()


def test_the_lattlast_link_chooses_the_easy_wording_for_the_walk(client, demo):
    flow = AdviceFlow.objects.get(slug="jobba")
    first = flow.questions.order_by("order").first()

    response = client.get(reverse("guidance:flow_start", args=["jobba"]) + "?lattlast=1")
    assert response.url == reverse("guidance:flow_start", args=["jobba"])
    start = client.get(response.url).text
    page = question_page(client, "jobba", first)

    assert "Här svarar du på sex frågor." in start
    assert "Svara på sex korta frågor" not in start
    assert "Vilket stämmer för dig?" in page
    assert "Jag är sjuk och får pengar från Försäkringskassan." in page
    assert "aktivitetsersättning" not in page
    # One button switches back; no checkbox.
    assert '<input type="hidden" name="lattlast" value="0">' in page
    assert ">Visa vanlig text</button>" in page
    assert 'type="checkbox"' not in page


def test_the_easy_wording_follows_to_the_other_flow_and_the_check_page(client, demo):
    choose_easy(client, "jobba")
    flow = AdviceFlow.objects.get(slug="starta")

    pages = flow_pages(client, flow)

    assert "Här svarar du på några frågor om din idé." in pages["start"]
    assert "Vad vill du ha hjälp med?" in pages["check"]  # the question in easy words
    assert "Vad behöver du hjälp med?" not in pages["check"]


def test_the_box_switches_the_wording_and_returns_to_the_same_question(client, demo):
    flow = AdviceFlow.objects.get(slug="starta")
    first = flow.questions.order_by("order").first()
    here = reverse("guidance:flow_question", args=["starta", first.pk])
    toggle = reverse("guidance:flow_reading", args=["starta"])

    before = client.get(here).text
    assert '<input type="hidden" name="lattlast" value="1">' in before
    response = client.post(toggle, {"lattlast": "1", "tillbaka": here})
    assert response.url == here
    easy = client.get(here).text
    assert "Ditt svar hjälper oss att ge dig rätt råd." in easy
    assert ">Visa vanlig text</button>" in easy

    response = client.post(toggle, {"lattlast": "0", "tillbaka": here})
    assert response.url == here
    ordinary = client.get(here).text
    assert "Vi frågar för att kunna ge råd som passar där du är just nu." in ordinary
    assert ">Visa lättläst</button>" in ordinary


@pytest.mark.parametrize("back", ["https://example.com/", "//example.com/x", "", "javascript:x"])
def test_the_box_never_sends_anyone_to_another_site(client, demo, back):
    response = client.post(
        reverse("guidance:flow_reading", args=["jobba"]), {"lattlast": "on", "tillbaka": back}
    )
    assert response.status_code == 302
    assert response.url == reverse("guidance:flow_start", args=["jobba"])


def test_the_box_is_post_only(client, demo):
    response = client.get(reverse("guidance:flow_reading", args=["jobba"]))
    assert response.status_code == 405


def test_empty_easy_texts_fall_back_to_the_ordinary_ones(client):
    flow = build_flow()
    flow["situation"].easy_text = "Vem hjälper dig nu?"
    flow["situation"].save()
    choose_easy(client, "jobba")

    page = client.get(reverse("guidance:flow_question", args=["jobba", flow["situation"].pk])).text

    assert "Vem hjälper dig nu?" in page
    assert "Arbetsförmedlingen" in page  # a choice without easy label keeps its own


def test_a_flow_without_any_easy_wording_offers_no_box(client):
    flow = build_flow()
    choose_easy(client, "jobba")

    page = client.get(reverse("guidance:flow_question", args=["jobba", flow["situation"].pk])).text

    assert "Visa lättläst" not in page
    assert "Vilket stämmer in på dig?" in page


def test_a_flow_loads_in_the_same_queries_in_either_wording(demo, django_assert_num_queries):
    with django_assert_num_queries(3):
        easy = selectors.load_flow("jobba", easy=True)
    assert easy.easy and easy.has_easy_wording
    assert easy.graph.questions[easy.graph.first_id].text == "Vilket stämmer för dig?"


def test_the_demo_loader_adds_the_easy_wording_to_flows_loaded_before_it(demo):
    Question.objects.update(easy_text="", easy_help_text="")
    Choice.objects.update(easy_label="")
    AdviceFlow.objects.update(easy_intro="", easy_result_intro="")
    Recommendation.objects.update(easy_text="")
    edited = Question.objects.get(flow__slug="jobba", text="Vad söker du?")
    edited.easy_text = "Redaktörens egen fråga?"
    edited.save()

    call_command("load_demo", verbosity=0)  # the loader itself, not a snapshot

    edited.refresh_from_db()
    assert edited.easy_text == "Redaktörens egen fråga?"  # an editor's text is kept
    assert Question.objects.get(text="Hur långt har du kommit?").easy_help_text
    assert Choice.objects.get(question__flow__slug="jobba", value="cykel").easy_label == (
        "Laga cyklar"
    )
    assert not Recommendation.objects.filter(easy_text="").exists()
    assert not AdviceFlow.objects.filter(easy_result_intro="").exists()


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_lattlast_start_page_leads_into_both_flows_in_easy_words(client, demo, prefix):
    html = client.get(f"{prefix}/lattlast/").content.decode()

    for slug in ("jobba", "starta"):
        assert f'href="{prefix}/vagledning/{slug}/?lattlast=1"' in html


def test_on_the_english_pages_the_box_is_in_english_and_the_easy_wording_marked_swedish(
    client, demo
):
    client.get("/en/vagledning/jobba/?lattlast=1")
    flow = AdviceFlow.objects.get(slug="jobba")
    first = flow.questions.order_by("order").first()

    html = client.get(f"/en/vagledning/jobba/fraga/{first.pk}/").text

    assert ">Show ordinary text</button>" in html
    assert '<h1 class="question__heading" lang="sv">Vilket stämmer för dig?</h1>' in html


@pytest.mark.parametrize("value", ["0", "ja", "", "1; DROP"])
def test_any_other_lattlast_value_chooses_the_ordinary_wording(client, demo, value):
    choose_easy(client, "jobba")

    response = client.get(reverse("guidance:flow_start", args=["jobba"]), {"lattlast": value})

    assert response.status_code == 302
    assert "Svara på sex korta frågor" in client.get(response.url).text
