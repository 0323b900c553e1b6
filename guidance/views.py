"""The journeys' first pages. The question-by-question advice flows and the
policy pages with revisions replace these in the guidance issue."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from registry.models import HelpTopic, OfferingKind


@require_GET
def work(request: HttpRequest) -> HttpResponse:
    return render(request, "guidance/work.html", {"offering_kinds": OfferingKind.choices})


@require_GET
def start(request: HttpRequest) -> HttpResponse:
    return render(request, "guidance/start.html", {"start_topic": HelpTopic.START})


@require_GET
def policy(request: HttpRequest) -> HttpResponse:
    return render(request, "guidance/policy.html")
