"""/oppna-data/: what the portal publishes, under which licence, how fresh."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from opendata import selectors


@require_GET
def open_data(request: HttpRequest) -> HttpResponse:
    context = {
        "last_changed": selectors.last_changed(),
        "licence_name": settings.OPEN_DATA_LICENCE_NAME,
        "licence_url": settings.OPEN_DATA_LICENCE_URL,
    }
    return render(request, "opendata/page.html", context)
