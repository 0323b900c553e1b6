"""The advice flows in the GOV.UK question-page pattern: start page, one question
per page, check your answers, result. Answers live in the session."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from guidance import answers, reading, results, selectors
from guidance.flows import Walk, answer_rows, answers_to_keep, longest_remaining, walk
from guidance.forms import AnswerForm, ReadingForm
from guidance.selectors import LoadedFlow

CHANGE_PARAM = "andra"


@dataclass(frozen=True)
class FlowState:
    loaded: LoadedFlow
    walk: Walk
    expired: bool

    @property
    def slug(self) -> str:
        return self.loaded.flow.slug


def with_flow(view: Callable) -> Callable:
    """Load the flow and the person's walk through it. An unpublished flow
    answers with a polite page (404) and forgets the answers."""

    @wraps(view)
    def wrapper(request: HttpRequest, flow: str, **kwargs) -> HttpResponse:
        loaded = selectors.load_flow(flow, easy=reading.easy(request))
        if not loaded.flow.is_published or loaded.graph.first_id is None:
            answers.clear(request, flow)
            return render(
                request, "guidance/flow_unavailable.html", {"flow": loaded.flow}, status=404
            )
        stored, expired = answers.read(request, flow)
        state = FlowState(loaded=loaded, walk=walk(loaded.graph, stored), expired=expired)
        return view(request, state, **kwargs)

    return wrapper


def _question_url(slug: str, question_id: int, *, changing: bool = False) -> str:
    url = reverse("guidance:flow_question", kwargs={"flow": slug, "question_id": question_id})
    return f"{url}?{CHANGE_PARAM}=1" if changing else url


def _resume(request: HttpRequest, state: FlowState) -> HttpResponse:
    """Send someone who is not where they may be to where they are."""
    if state.expired:
        messages.info(
            request,
            _("Det har gått en stund sedan ditt senaste svar, så vi har tagit bort dina svar. "
              "Börja gärna om."),
        )  # fmt: skip
        return redirect("guidance:flow_start", flow=state.slug)
    if state.walk.complete:
        return redirect("guidance:flow_check", flow=state.slug)
    messages.info(request, _("Svara på frågorna i tur och ordning. Här är nästa fråga."))
    return redirect(_question_url(state.slug, state.walk.next_id))


@require_GET
@with_flow
def flow_start(request: HttpRequest, state: FlowState) -> HttpResponse:
    if reading.PARAM in request.GET:
        # A link from the lättläst pages (?lattlast=1) chooses the wording, then
        # the address is made plain again so it is not bookmarked with it.
        reading.choose(request, easy=request.GET[reading.PARAM] == "1")
        return redirect("guidance:flow_start", flow=state.slug)
    if state.expired:
        messages.info(request, _("Dina tidigare svar har tagits bort eftersom det gått en stund."))
    context = {
        "flow": state.loaded.flow,
        "loaded": state.loaded,
        "first_url": _question_url(state.slug, state.loaded.graph.first_id),
        "walk": state.walk,
        "resume_url": _question_url(state.slug, state.walk.next_id)
        if state.walk.path and state.walk.next_id
        else None,
    }
    return render(request, "guidance/flow_start.html", context)


@require_http_methods(["GET", "POST"])
@with_flow
def flow_question(request: HttpRequest, state: FlowState, question_id: int) -> HttpResponse:
    graph, current = state.loaded.graph, state.walk
    node = graph.questions.get(question_id)
    if node is None:
        raise Http404
    if state.expired or not current.allows(question_id):
        return _resume(request, state)
    changing = request.GET.get(CHANGE_PARAM) == "1"
    previous = current.answers.get(question_id, ())
    initial = {"svar": list(previous) if node.is_multiple else next(iter(previous), None)}
    form = AnswerForm(
        request.POST if request.method == "POST" else None,
        question=node,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        return _answer(request, state, question_id, form.values(), changing=changing)
    position = current.position(question_id)
    context = {
        "flow": state.loaded.flow,
        "loaded": state.loaded,
        "question": node,
        "form": form,
        "position": position,
        "total": position - 1 + longest_remaining(graph, question_id),
        "back_url": _back_url(state, question_id, changing),
    }
    return render(request, "guidance/flow_question.html", context)


def _answer(
    request: HttpRequest, state: FlowState, question_id: int, values: list[str], *, changing: bool
) -> HttpResponse:
    stored = {int(q): v for q, v in answers.read(request, state.slug)[0].items()}
    kept = answers_to_keep(state.loaded.graph, {**stored, question_id: values})
    answers.write(request, state.slug, kept)
    new_walk = walk(state.loaded.graph, {str(q): v for q, v in kept.items()})
    if new_walk.complete and changing:
        return redirect("guidance:flow_check", flow=state.slug)
    next_id = state.loaded.graph.questions[question_id].next_after(values)
    if next_id is None:
        return redirect("guidance:flow_check", flow=state.slug)
    return redirect(_question_url(state.slug, next_id, changing=changing))


def _back_url(state: FlowState, question_id: int, changing: bool) -> str:
    if changing:
        return reverse("guidance:flow_check", kwargs={"flow": state.slug})
    previous = state.walk.previous(question_id)
    if previous is None:
        return reverse("guidance:flow_start", kwargs={"flow": state.slug})
    return _question_url(state.slug, previous)


@require_GET
@with_flow
def flow_check(request: HttpRequest, state: FlowState) -> HttpResponse:
    if state.expired or not state.walk.complete:
        return _resume(request, state)
    context = _answers_context(state)
    context["back_url"] = _question_url(state.slug, state.walk.path[-1])
    return render(request, "guidance/flow_check.html", context)


def _answers_context(state: FlowState) -> dict:
    rows = [
        {
            "question": text,
            "answers": labels,
            "change_url": _question_url(state.slug, qid, changing=True),
        }
        for qid, text, labels in answer_rows(state.loaded.graph, state.walk)
    ]
    return {"flow": state.loaded.flow, "loaded": state.loaded, "rows": rows}


@require_GET
@with_flow
def flow_result(request: HttpRequest, state: FlowState) -> HttpResponse:
    if state.expired or not state.walk.complete:
        return _resume(request, state)
    result = results.flow_result(
        state.walk, easy=state.loaded.easy, kind=state.loaded.flow.enterprises
    )
    context = _answers_context(state) | {"result": result}
    return render(request, "guidance/flow_result.html", context)


@require_POST
def flow_restart(request: HttpRequest, flow: str) -> HttpResponse:
    """Forget this flow's answers. POST, so a link preview cannot erase them."""
    answers.clear(request, flow)
    messages.success(request, _("Dina svar är borttagna. Du kan börja om när du vill."))
    return redirect("guidance:flow_start", flow=flow)


@require_POST
def flow_reading(request: HttpRequest, flow: str) -> HttpResponse:
    """The "Visa lättläst" / "Visa vanlig text" button: choose the wording,
    then back to the same page."""
    form = ReadingForm(request.POST)
    form.is_valid()
    reading.choose(request, easy=form.cleaned_data.get("lattlast") == "1")
    fallback = reverse("guidance:flow_start", kwargs={"flow": flow})
    return redirect(form.back_url(request, fallback))
