"""Which wording a person reads the advice flows in: the ordinary one or the
easy-to-read one (lättläst). One choice for every flow, kept in the session;
nothing about the person is in it."""

from django.http import HttpRequest

SESSION_KEY = "easy_read"
PARAM = "lattlast"  # ?lattlast=1 on a flow's start page, from the lättläst pages


def easy(request: HttpRequest) -> bool:
    return request.session.get(SESSION_KEY) is True


def choose(request: HttpRequest, *, easy: bool) -> None:
    if easy:
        request.session[SESSION_KEY] = True
    else:
        request.session.pop(SESSION_KEY, None)
