"""Editors change flows in the admin; a published flow that could not be walked
to an end is refused with a clear message."""

import pytest
from django.urls import reverse

from guidance.models import AdviceFlow, Choice
from tests.factories import build_flow

pytestmark = pytest.mark.django_db


def management(prefix, forms):
    return {
        f"{prefix}-TOTAL_FORMS": str(len(forms)),
        f"{prefix}-INITIAL_FORMS": str(sum(1 for f in forms if f.get("id"))),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def choice_data(question, overrides=None):
    """The question's change form as the admin posts it, with choice overrides."""
    forms = [
        {
            "id": str(c.pk),
            "question": str(question.pk),
            "order": str(c.order),
            "label": c.label,
            "value": c.value,
            "next_question": str(c.next_question_id or ""),
        }
        for c in question.choices.all()
    ]
    for index, changes in (overrides or {}).items():
        forms[index].update(changes)
    data = {"text": question.text, "help_text": "", "kind": question.kind, "order": question.order}
    data |= management("choices", forms)
    for index, form in enumerate(forms):
        data |= {f"choices-{index}-{key}": value for key, value in form.items()}
    return data


def test_admin_refuses_a_cycle_in_a_published_flow(admin_client):
    flow = build_flow()
    plats = flow["plats"]
    url = reverse("admin:guidance_question_change", args=[plats.pk])
    response = admin_client.post(
        url, choice_data(plats, {0: {"next_question": str(flow["situation"].pk)}})
    )
    assert response.status_code == 200
    assert "Flödet går i cirkel" in response.text
    assert Choice.objects.get(question=plats, value="centrum").next_question is None


def test_admin_refuses_a_dead_end_in_a_published_flow(admin_client):
    flow = build_flow()
    plats = flow["plats"]
    data = choice_data(plats, {0: {"DELETE": "on"}, 1: {"DELETE": "on"}})
    response = admin_client.post(reverse("admin:guidance_question_change", args=[plats.pk]), data)
    assert "har inga svarsalternativ, så flödet tar stopp där" in response.text
    assert plats.choices.count() == 2


def test_admin_refuses_disagreeing_multiple_choice(admin_client):
    flow = build_flow()
    soker = flow["soker"]
    data = choice_data(soker, {0: {"next_question": ""}})
    response = admin_client.post(reverse("admin:guidance_question_change", args=[soker.pk]), data)
    assert "måste leda till samma fråga" in response.text


def test_admin_saves_a_valid_change(admin_client):
    flow = build_flow()
    situation = flow["situation"]
    data = choice_data(situation, {1: {"label": "Inget av det här"}})
    response = admin_client.post(
        reverse("admin:guidance_question_change", args=[situation.pk]), data
    )
    assert response.status_code == 302
    assert situation.choices.get(value="ingen").label == "Inget av det här"


def test_a_draft_flow_may_be_saved_unfinished(admin_client):
    flow = build_flow(published=False)
    plats = flow["plats"]
    data = choice_data(plats, {0: {"next_question": str(flow["situation"].pk)}})
    response = admin_client.post(reverse("admin:guidance_question_change", args=[plats.pk]), data)
    assert response.status_code == 302
    assert plats.choices.get(value="centrum").next_question == flow["situation"]


def flow_data(flow, questions, **changes):
    data = {
        "title": flow.title,
        "slug": flow.slug,
        "intro": flow.intro,
        "result_intro": flow.result_intro,
        "enterprises": flow.enterprises,
        "is_published": "on",
    } | changes
    forms = [
        {
            "id": str(q.pk),
            "flow": str(flow.pk),
            "order": str(q.order),
            "text": q.text,
            "kind": q.kind,
        }
        for q in questions
    ]
    data |= management("questions", forms)
    for index, form in enumerate(forms):
        data |= {f"questions-{index}-{key}": value for key, value in form.items()}
    return data


def test_publishing_an_unfinished_flow_is_refused(admin_client):
    flow = build_flow(published=False)
    Choice.objects.filter(question=flow["situation"], value="af").update(
        next_question=flow["plats"]
    )
    questions = [flow["situation"], flow["soker"], flow["plats"]]
    response = admin_client.post(
        reverse("admin:guidance_adviceflow_change", args=[flow["flow"].pk]),
        flow_data(flow["flow"], questions),
    )
    assert response.status_code == 200
    assert "Flödet kan inte publiceras" in response.text
    assert "”Vad söker du?” går inte att nå" in response.text
    assert not AdviceFlow.objects.get().is_published


def test_reordering_questions_of_a_published_flow_is_checked(admin_client):
    flow = build_flow()
    questions = [flow["situation"], flow["soker"], flow["plats"]]
    data = flow_data(flow["flow"], questions)
    data["questions-2-order"] = "0"  # the last question would become the first
    response = admin_client.post(
        reverse("admin:guidance_adviceflow_change", args=[flow["flow"].pk]), data
    )
    assert response.status_code == 200
    assert "går inte att nå från den första frågan" in response.text


def test_flow_admin_shows_the_structure_check(admin_client):
    flow = build_flow()
    response = admin_client.get(reverse("admin:guidance_adviceflow_change", args=[flow["flow"].pk]))
    assert "Flödet går att svara på hela vägen" in response.text


def test_questions_and_choices_of_a_published_flow_cannot_be_deleted_one_by_one(admin_client):
    flow = build_flow()
    plats = flow["plats"]
    choice = plats.choices.first()
    assert (
        admin_client.post(reverse("admin:guidance_choice_delete", args=[choice.pk])).status_code
        == 403
    )
    assert (
        admin_client.post(reverse("admin:guidance_question_delete", args=[plats.pk])).status_code
        == 403
    )
    assert plats.choices.count() == 2


def test_question_of_a_draft_flow_can_be_deleted(admin_client):
    flow = build_flow(published=False)
    Choice.objects.filter(next_question=flow["soker"]).update(next_question=None)
    url = reverse("admin:guidance_question_delete", args=[flow["soker"].pk])
    response = admin_client.post(url, {"post": "yes"})
    assert response.status_code == 302
    assert not flow["flow"].questions.filter(pk=flow["soker"].pk).exists()


@pytest.mark.parametrize(
    "override", [{"value": "a b"}, {"label": ""}, {"order": "x"}, {"next_question": "99999"}]
)
def test_bad_choice_fields_are_form_errors_not_500s(admin_client, override):
    flow = build_flow()
    plats = flow["plats"]
    response = admin_client.post(
        reverse("admin:guidance_question_change", args=[plats.pk]),
        choice_data(plats, {0: override}),
    )
    assert response.status_code == 200
    assert "errornote" in response.text


def test_bad_question_rows_are_form_errors_not_500s(admin_client):
    flow = build_flow()
    data = flow_data(flow["flow"], [flow["situation"], flow["soker"], flow["plats"]])
    data |= {"questions-0-text": "", "questions-1-order": "x"}
    response = admin_client.post(
        reverse("admin:guidance_adviceflow_change", args=[flow["flow"].pk]), data
    )
    assert response.status_code == 200
    assert "errornote" in response.text


def test_first_question_is_chosen_the_same_way_as_on_the_site(admin_client):
    """Two questions with the same order: the lower pk is first, here and there."""
    flow = build_flow()
    questions = [flow["situation"], flow["soker"], flow["plats"]]
    data = flow_data(flow["flow"], questions)
    data["questions-1-order"] = "1"  # the same order as the first question
    response = admin_client.post(
        reverse("admin:guidance_adviceflow_change", args=[flow["flow"].pk]), data
    )
    assert response.status_code == 302  # situation (lower pk) stays first: still valid
    flow["soker"].refresh_from_db()
    assert flow["soker"].order == 1


def test_editors_write_the_easy_wording_next_to_the_ordinary_text(admin_client):
    flow = build_flow()
    situation = flow["situation"]
    url = reverse("admin:guidance_question_change", args=[situation.pk])
    form = admin_client.get(url).text
    assert form.index('name="text"') < form.index('name="easy_text"')
    assert form.index('name="help_text"') < form.index('name="easy_help_text"')
    assert 'name="choices-0-easy_label"' in form

    data = choice_data(situation, {0: {"easy_label": "Jag får hjälp av Arbetsförmedlingen."}})
    data |= {"easy_text": "Vem hjälper dig nu?", "easy_help_text": "Välj ett svar."}
    response = admin_client.post(url, data)

    assert response.status_code == 302
    situation.refresh_from_db()
    assert (situation.easy_text, situation.easy_help_text) == (
        "Vem hjälper dig nu?",
        "Välj ett svar.",
    )
    assert situation.choices.get(value="af").easy_label == "Jag får hjälp av Arbetsförmedlingen."
    assert situation.history.first().easy_text == "Vem hjälper dig nu?"  # in the change history
