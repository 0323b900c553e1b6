"""Advice-flow answers in the session, never in the URL.

Answers can reveal health information, so they expire
``ADVICE_ANSWERS_MINUTES`` after the last answer and are removed on restart.
"""

import time
from collections.abc import Mapping, Sequence

from django.conf import settings
from django.http import Http404, HttpRequest

from guidance import selectors
from guidance.flows import answer_rows, walk


def _key(slug: str) -> str:
    return f"advice:{slug}"


def read(request: HttpRequest, slug: str) -> tuple[dict[str, list[str]], bool]:
    """The stored answers by question id, and whether they just expired."""
    stored = request.session.get(_key(slug))
    if not isinstance(stored, dict) or not isinstance(stored.get("answers"), dict):
        return {}, False
    age = time.time() - float(stored.get("at") or 0)
    if age > settings.ADVICE_ANSWERS_MINUTES * 60:
        clear(request, slug)
        return {}, True
    return stored["answers"], False


def write(request: HttpRequest, slug: str, answers: Mapping[int, Sequence[str]]) -> None:
    """Store the answers. For a visitor who is not logged in, the whole session
    then expires ``ADVICE_ANSWERS_MINUTES`` after this answer, and the scheduled
    ``clearsessions`` removes it from the database."""
    if not request.user.is_authenticated:
        request.session.set_expiry(settings.ADVICE_ANSWERS_MINUTES * 60)
    request.session[_key(slug)] = {
        "answers": {str(qid): list(values) for qid, values in answers.items()},
        "at": time.time(),
    }


def clear(request: HttpRequest, slug: str) -> None:
    request.session.pop(_key(slug), None)


def completed(request: HttpRequest, slug: str) -> list[dict] | None:
    """A published flow's finished answers as question and answer texts, for an
    inquiry; None when there are none (never started, expired, unpublished)."""
    try:
        loaded = selectors.load_flow(slug)
    except Http404:
        return None
    stored, _expired = read(request, slug)
    done = walk(loaded.graph, stored)
    if not loaded.flow.is_published or not done.complete:
        return None
    return [
        {"question": text, "answers": labels}
        for _qid, text, labels in answer_rows(loaded.graph, done)
    ]
