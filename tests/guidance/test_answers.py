"""guidance.answers: a walk's answers in the session, never in the URL, and
gone ADVICE_ANSWERS_MINUTES after the last one."""

import time

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory

from guidance import answers
from tests.factories import build_flow

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_with_session():
    request = RequestFactory().get("/")
    request.session = SessionStore()
    request.user = AnonymousUser()
    return request


def test_written_answers_are_read_back_by_question(request_with_session):
    answers.write(request_with_session, "jobba", {7: ["af"], 8: ["traning", "anstallning"]})

    stored, expired = answers.read(request_with_session, "jobba")

    assert stored == {"7": ["af"], "8": ["traning", "anstallning"]}
    assert expired is False
    assert answers.read(request_with_session, "starta") == ({}, False)  # per flow


def test_an_anonymous_session_expires_with_the_answers(request_with_session, settings):
    settings.ADVICE_ANSWERS_MINUTES = 15
    answers.write(request_with_session, "jobba", {1: ["af"]})
    assert request_with_session.session.get_expiry_age() == 15 * 60


def test_old_answers_are_forgotten_and_reported_as_expired(request_with_session, settings):
    settings.ADVICE_ANSWERS_MINUTES = 60
    answers.write(request_with_session, "jobba", {1: ["af"]})
    request_with_session.session["advice:jobba"]["at"] = time.time() - 61 * 60

    assert answers.read(request_with_session, "jobba") == ({}, True)
    assert "advice:jobba" not in request_with_session.session
    assert answers.read(request_with_session, "jobba") == ({}, False)


@pytest.mark.parametrize("garbage", ["text", {"answers": "x"}, {"at": "nu"}, None])
def test_a_mangled_session_value_reads_as_no_answers(request_with_session, garbage):
    request_with_session.session["advice:jobba"] = garbage
    assert answers.read(request_with_session, "jobba") == ({}, False)


def test_clear_forgets_one_flow(request_with_session):
    answers.write(request_with_session, "jobba", {1: ["af"]})
    answers.write(request_with_session, "starta", {2: ["ja"]})

    answers.clear(request_with_session, "jobba")

    assert "advice:jobba" not in request_with_session.session
    assert "advice:starta" in request_with_session.session


def test_completed_gives_question_and_answer_texts_of_a_finished_walk(request_with_session):
    flow = build_flow()
    answers.write(
        request_with_session,
        "jobba",
        {
            flow["situation"].pk: ["af"],
            flow["soker"].pk: ["traning", "anstallning"],
            flow["plats"].pk: ["centrum"],
        },
    )

    assert answers.completed(request_with_session, "jobba") == [
        {"question": "Vilket stämmer in på dig?", "answers": ["Arbetsförmedlingen"]},
        {"question": "Vad söker du?", "answers": ["Arbetsträning", "Anställning"]},
        {"question": "Var vill du jobba?", "answers": ["Centrum"]},
    ]


def test_completed_is_none_for_an_unfinished_unpublished_or_unknown_flow(request_with_session):
    flow = build_flow()
    build_flow("utkast", published=False)
    answers.write(request_with_session, "jobba", {flow["situation"].pk: ["af"]})

    assert answers.completed(request_with_session, "jobba") is None
    assert answers.completed(request_with_session, "utkast") is None
    assert answers.completed(request_with_session, "finns-inte") is None
