"""The advisors' inquiry inbox: the list, one inquiry, and the changes to it.

Every showing of an inquiry's page is written to its access log, and so is
every change, export and erasure (GDPR: staff access to personal data is logged).
The person's rights are acted on here: a copy of their data (export), withdrawn
consent to the attached answers, and erasure."""

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from asfportal.core import spreadsheet
from asfportal.core.pages import Crumb, staff_context
from asfportal.core.people import display_name
from asfportal.core.permissions import staff_action, staff_view
from guidance import selectors, services
from guidance.models import Inquiry, InquiryAccess, InquiryStatus
from guidance.staff.filters import InboxFilterForm
from guidance.staff.forms import NOBODY, AssignForm, NoteForm, StatusForm

PAGE_SIZE = 25


def _inbox_crumb() -> Crumb:
    return Crumb(_("Ärenden"), reverse("inquiries:inbox"))


def _page(queryset, number: str | None):
    """The page asked for, or the first page and a problem when it is not a page."""
    paginator = Paginator(queryset, PAGE_SIZE)
    try:
        return paginator.page(number or 1), None
    except InvalidPage:
        return paginator.page(1), _("Sidan du bad om finns inte. Du ser första sidan.")


@staff_view("guidance.view_inquiry")
def inbox(request):
    advisors = list(selectors.active_advisors())
    filters = InboxFilterForm(request.GET, user=request.user, advisors=advisors)
    page, page_problem = _page(filters.filter(selectors.inbox_inquiries()), request.GET.get("sida"))
    context = staff_context(
        heading=_("Ärenden"),
        section="inquiries",
        filters=filters,
        problems=filters.problems + ([("", page_problem)] if page_problem else []),
        page=page,
    )
    return render(request, "guidance/staff/inbox.html", context)


@staff_view("guidance.view_inquiry")
@require_GET
def inbox_export(request):
    """The inquiries the inbox's filters select, all pages, as a CSV list for
    planning (``selectors.inquiry_list_columns``); each one listed is logged."""
    advisors = list(selectors.active_advisors())
    filters = InboxFilterForm(request.GET, user=request.user, advisors=advisors)
    inquiries = list(filters.filter(selectors.inbox_inquiries()))
    services.inquiries_log_listed(inquiries=inquiries, user=request.user)
    rows = (selectors.inquiry_list_row(inquiry) for inquiry in inquiries)
    response = HttpResponse(
        "".join(spreadsheet.csv_lines(selectors.inquiry_list_columns(), rows)),
        content_type="text/csv; charset=utf-8",
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="arenden-{stamp}.csv"'
    return response


@staff_view("guidance.view_inquiry")
def inquiry_detail(request, pk):
    return _render_detail(request, selectors.inquiry_for_detail(pk))


def _render_detail(request, inquiry: Inquiry, *, failed=None):
    """The inquiry's page, with ``failed`` (a bound form with errors) in place of
    its empty twin; 200 like the public forms, the errors are in the page.
    Showing it is logged before the log is read."""
    services.inquiry_log_access(
        inquiry=inquiry, user=request.user, action=InquiryAccess.Action.VIEW
    )
    advisors = list(selectors.active_advisors())
    forms = {
        "assign_form": AssignForm(
            advisors=advisors,
            initial={"handlaggare": inquiry.assigned_to_id or NOBODY},
        ),
        "note_form": NoteForm(),
        "status_form": StatusForm(initial={"status": inquiry.status, "sett": inquiry.status}),
    }
    forms |= failed or {}
    context = staff_context(
        heading=_("Ärende %(reference)s") % {"reference": inquiry.reference},
        section="inquiries",
        crumbs=[_inbox_crumb()],
        inquiry=inquiry,
        can_take=request.user.pk in {advisor.pk for advisor in advisors}
        and inquiry.assigned_to_id != request.user.pk,
        access_log=selectors.inquiry_access_log(inquiry),
        access_log_limit=selectors.ACCESS_LOG_LENGTH,
        failed_form=next(iter((failed or {}).values()), None),
        **forms,
    )
    return render(request, "guidance/staff/detail.html", context)


@staff_action("guidance.change_inquiry")
def inquiry_assign(request, pk):
    inquiry = selectors.inquiry_for_detail(pk)
    form = AssignForm(request.POST, advisors=selectors.active_advisors())
    if not form.is_valid():
        return _render_detail(request, inquiry, failed={"assign_form": form})
    try:
        services.inquiry_assign(inquiry=inquiry, assignee=form.assignee, by=request.user)
    except ValidationError as error:  # the advisor left the group a moment ago
        form.add_error("handlaggare", error.message_dict["assigned_to"])
        return _render_detail(request, inquiry, failed={"assign_form": form})
    if form.assignee is None:
        messages.success(request, _("Ärendet har ingen handläggare nu."))
    elif form.assignee.pk == request.user.pk:
        messages.success(request, _("Du har tagit ärendet."))
    else:
        messages.success(
            request, _("%(name)s har nu ärendet.") % {"name": display_name(form.assignee)}
        )
    return redirect("inquiries:detail", pk=inquiry.pk)


@staff_action("guidance.add_inquirynote")
def inquiry_add_note(request, pk):
    inquiry = selectors.inquiry_for_detail(pk)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, inquiry, failed={"note_form": form})
    services.inquiry_add_note(inquiry=inquiry, author=request.user, text=form.cleaned_data["text"])
    messages.success(request, _("Anteckningen är sparad."))
    return redirect("inquiries:detail", pk=inquiry.pk)


@staff_action("guidance.change_inquiry")
def inquiry_set_status(request, pk):
    inquiry = selectors.inquiry_for_detail(pk)
    form = StatusForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, inquiry, failed={"status_form": form})
    status = form.cleaned_data["status"]
    try:
        services.inquiry_set_status(
            inquiry=inquiry,
            status=status,
            by=request.user,
            expected_status=form.cleaned_data["sett"],
        )
    except services.InquiryChangedError:
        messages.error(
            request,
            _(
                "Någon annan har ändrat ärendet medan du hade det öppet. "
                "Kontrollera och försök igen."
            ),
        )
    else:
        label = InquiryStatus(status).label
        messages.success(request, _("Ärendet har status %(status)s.") % {"status": label})
    return redirect("inquiries:detail", pk=inquiry.pk)


@staff_action("guidance.change_inquiry")
def inquiry_remove_answers(request, pk):
    inquiry = get_object_or_404(Inquiry, pk=pk)
    services.inquiry_remove_answers(inquiry=inquiry, by=request.user)
    messages.success(request, _("De bifogade svaren är borttagna."))
    return redirect("inquiries:detail", pk=inquiry.pk)


@staff_view("guidance.view_inquiry")
@require_GET
def inquiry_export(request, pk):
    """The person's data as a JSON file, for a request to see it (GDPR art. 15)."""
    inquiry = selectors.inquiry_for_detail(pk)
    document = services.inquiry_export(inquiry=inquiry, by=request.user)
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    filename = f"arende-{inquiry.reference}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@staff_view("guidance.view_inquiry", "guidance.delete_inquiry")
@require_http_methods(["GET", "POST"])
def inquiry_erase(request, pk):
    """GET: what erasing deletes and what is kept; POST: erase. The page shows no
    personal data (the reference, dates and counts), so showing it is not logged."""
    if request.method == "POST":
        return _erase(request, pk)
    inquiry = selectors.inquiry_for_erase(pk)
    context = staff_context(
        heading=_("Radera ärende %(reference)s") % {"reference": inquiry.reference},
        section="inquiries",
        crumbs=[
            _inbox_crumb(),
            Crumb(inquiry.reference, reverse("inquiries:detail", args=[inquiry.pk])),
        ],
        inquiry=inquiry,
        alert_count=selectors.alert_count_for(inquiry),
    )
    return render(request, "guidance/staff/erase.html", context)


def _erase(request, pk):
    """Erase and go to the inbox. A second POST for an inquiry already erased
    (a double click, or two advisors at once) lands there too, with the same
    message, when the form's reference is in the log as erased; otherwise 404."""
    reference = request.POST.get("referens", "")
    try:
        inquiry = Inquiry.objects.get(pk=pk)
        reference = inquiry.reference
        services.inquiry_erase(inquiry=inquiry, by=request.user)
    except Inquiry.DoesNotExist:
        if not selectors.inquiry_was_erased(reference):
            raise Http404 from None
    messages.success(request, _("Ärendet %(reference)s är raderat.") % {"reference": reference})
    return redirect("inquiries:inbox")
