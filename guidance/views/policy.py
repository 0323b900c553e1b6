"""Policy pages: the list, one page with its change history, a diff, the feed."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from asfportal.core.pages import Crumb
from guidance import selectors
from guidance.text import diff_blocks, render_markdown


def policy_crumbs() -> list[Crumb]:
    return [Crumb(_("Policy"), reverse("guidance:policy_list"))]


@require_GET
def policy_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "guidance/policy_list.html", {"groups": selectors.policy_pages_by_issuer()}
    )


@require_GET
def policy_detail(request: HttpRequest, slug: str) -> HttpResponse:
    page = selectors.policy_page(slug)
    context = {
        "page": page,
        "crumbs": policy_crumbs(),
        "body_html": render_markdown(page.body),
        "revisions": page.revisions.all(),
    }
    return render(request, "guidance/policy_detail.html", context)


def _revision_number(raw: str | None) -> int | None:
    return int(raw) if raw and raw.isascii() and raw.isdigit() and len(raw) < 6 else None


@require_GET
def policy_diff(request: HttpRequest, slug: str) -> HttpResponse:
    """Compare two published revisions (?fran=1&till=3); by default the two newest.
    Unknown or missing numbers fall back to the default with a message."""
    page = selectors.policy_page(slug)
    revisions = {r.number: r for r in page.revisions.all()}
    numbers = sorted(revisions)
    wanted = (_revision_number(request.GET.get("fran")), _revision_number(request.GET.get("till")))
    old_no, new_no = wanted
    if old_no not in revisions or new_no not in revisions or old_no == new_no:
        if request.GET:
            messages.info(
                request, _("Vi kunde inte jämföra de versionerna, så du ser de två senaste.")
            )
        old_no, new_no = (numbers[-2], numbers[-1]) if len(numbers) > 1 else (None, None)
    old_no, new_no = sorted((old_no, new_no)) if old_no else (None, None)
    crumbs = [*policy_crumbs(), Crumb(page.title, page.get_absolute_url(), lang="sv")]
    context = {"page": page, "revisions": page.revisions.all(), "crumbs": crumbs}
    if old_no:
        old, new = revisions[old_no], revisions[new_no]
        context |= {"old": old, "new": new, "blocks": diff_blocks(old.body, new.body)}
        context["title_changed"] = old.title != new.title
        context["summary_changed"] = old.summary != new.summary
    return render(request, "guidance/policy_diff.html", context)
