"""The advisors' enterprise pages: list, create, edit, status, check, verify, export."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from asfportal.core import spreadsheet
from asfportal.core.pages import Crumb, staff_context
from asfportal.core.permissions import staff_action, staff_view
from registry import exports
from registry.models import PublicationStatus
from registry.services import enterprises as services
from registry.services.common import RecordChanged
from registry.staff import forms
from registry.staff.selectors import (
    StaffEnterpriseFilter,
    enterprise_for_edit,
    staff_enterprises,
    verifications_of,
)

PAGE_SIZE = 50


def _page(heading: str, *crumbs: Crumb, **extra) -> dict:
    """A page under "Företag": its heading, breadcrumbs and the rest."""
    listing = Crumb(_("Företag"), reverse("registry_staff:enterprise_list"))
    return staff_context(heading=heading, section="enterprises", crumbs=[listing, *crumbs], **extra)


def _record_crumb(enterprise) -> Crumb:
    return Crumb(enterprise.name, reverse("registry_staff:enterprise_edit", args=[enterprise.pk]))


@staff_view("registry.view_socialenterprise")
def enterprise_list(request):
    filterset = StaffEnterpriseFilter(request.GET or None, queryset=staff_enterprises())
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("sida"))
    query = request.GET.copy()
    query.pop("sida", None)
    return render(
        request,
        "registry/staff/enterprise_list.html",
        staff_context(
            heading=_("Företag"),
            section="enterprises",
            filter=filterset,
            page=page,
            query=query.urlencode(),
        ),
    )


@staff_view("registry.add_socialenterprise", "registry.add_offering")
def enterprise_create(request):
    form = forms.EnterpriseForm(request.POST or None)
    formset = forms.OfferingFormSet(request.POST or None, prefix="offerings")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        enterprise = services.enterprise_create_with_offerings(
            fields=form.fields_to_save(),
            industries=form.cleaned_data["industries"],
            languages=form.cleaned_data["languages"],
            offerings=forms.row_changes(formset),
        )
        messages.success(request, _("Företaget är sparat som utkast."))
        return redirect("registry_staff:enterprise_edit", pk=enterprise.pk)
    return render(
        request,
        "registry/staff/enterprise_form.html",
        _page(_("Nytt företag"), form=form, formset=formset),
        status=400 if request.method == "POST" else 200,
    )


@staff_view(
    "registry.change_socialenterprise",
    "registry.add_offering",
    "registry.change_offering",
    "registry.delete_offering",
)
def enterprise_edit(request, pk: int):
    enterprise = enterprise_for_edit(pk)
    form = forms.EnterpriseForm(request.POST or None, instance=enterprise)
    formset = forms.OfferingFormSet(
        request.POST or None,
        instance=enterprise,
        prefix="offerings",
        queryset=enterprise.offerings.prefetch_related("accepted_referrers", "target_groups"),
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            services.enterprise_update(
                enterprise=enterprise,
                expected_version=form.cleaned_data["version"],
                fields=form.fields_to_save(),
                industries=form.cleaned_data["industries"],
                languages=form.cleaned_data["languages"],
                offerings=forms.row_changes(formset),
            )
        except RecordChanged as changed:
            form.add_error(None, forms.record_changed_message(changed.current))
        else:
            messages.success(request, _("Ändringarna är sparade."))
            return redirect("registry_staff:enterprise_edit", pk=enterprise.pk)
    return render(
        request,
        "registry/staff/enterprise_form.html",
        _page(enterprise.name, enterprise=enterprise, form=form, formset=formset),
        status=400 if request.method == "POST" else 200,
    )


@staff_action("registry.publish_socialenterprise")
def enterprise_status(request, pk: int):
    enterprise = enterprise_for_edit(pk)
    form = forms.StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Statusen gick inte att ändra. Försök igen."))
        return redirect("registry_staff:enterprise_edit", pk=pk)
    status = form.cleaned_data["status"]
    services.enterprise_set_status(enterprise=enterprise, status=status)
    messages.success(
        request, _("Status: %(status)s.") % {"status": PublicationStatus(status).label}
    )
    return redirect("registry_staff:enterprise_edit", pk=pk)


@staff_action("registry.change_socialenterprise")
def enterprise_checked(request, pk: int):
    enterprise = enterprise_for_edit(pk)
    services.enterprise_mark_checked(enterprise=enterprise, user=request.user)
    messages.success(
        request,
        _("%(name)s är markerat som kontrollerat i dag.") % {"name": enterprise.name},
    )
    if request.POST.get("next") == "list":
        return redirect("registry_staff:enterprise_list")
    return redirect("registry_staff:enterprise_edit", pk=pk)


@staff_view("registry.verify_socialenterprise")
def enterprise_verify(request, pk: int):
    enterprise = enterprise_for_edit(pk)
    verifications = verifications_of(enterprise)
    form = forms.VerificationForm(
        request.POST or None, instance=enterprise, verifications=verifications
    )
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                services.enterprise_verify(
                    enterprise=enterprise,
                    expected_version=form.cleaned_data["version"],
                    verdicts=form.verdicts(),
                    evidence=form.evidence(),
                    user=request.user,
                )
        except RecordChanged as changed:
            form.add_error(None, forms.record_changed_message(changed.current))
        else:
            messages.success(request, _("Kontrollen är sparad."))
            return redirect("registry_staff:enterprise_verify", pk=pk)
    return render(
        request,
        "registry/staff/enterprise_verify.html",
        _page(
            _("Kriterier och underlag"),
            _record_crumb(enterprise),
            enterprise=enterprise,
            form=form,
            verifications={v.criterion: v for v in verifications},
        ),
        status=400 if request.method == "POST" else 200,
    )


@staff_view("registry.export_socialenterprise")
def enterprise_export(request):
    rows = (
        exports.staff_row(enterprise)
        for enterprise in staff_enterprises()
        .select_related("last_checked_by")
        .prefetch_related("industries", "languages", "offerings", "verifications")
        .iterator(chunk_size=500)
    )
    response = StreamingHttpResponse(
        spreadsheet.csv_lines(exports.staff_columns(), rows), content_type="text/csv; charset=utf-8"
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="sociala-foretag-alla-{stamp}.csv"'
    return response
