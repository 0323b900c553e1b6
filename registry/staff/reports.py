"""The review queue: enterprises that citizens reported, waiting for an advisor."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from asfportal.core.pages import Crumb, staff_context
from asfportal.core.permissions import staff_action, staff_view
from registry.models import EnterpriseReport
from registry.services import reports as services
from registry.staff import forms
from registry.staff.selectors import decided_reports, source_changes, waiting_reports


@staff_view("registry.view_enterprisereport")
def report_list(request):
    return render(
        request,
        "registry/staff/report_list.html",
        staff_context(
            heading=_("Anmälda företag"),
            section="reports",
            waiting=waiting_reports(),
            decided=decided_reports(),
        ),
    )


def _report(pk: int) -> EnterpriseReport:
    return get_object_or_404(
        EnterpriseReport.objects.select_related("enterprise__harvested__source", "reviewed_by"),
        pk=pk,
    )


def _render_detail(request, report, reject_form, status=200):
    return render(
        request,
        "registry/staff/report_detail.html",
        staff_context(
            heading=report.enterprise.name,
            section="reports",
            crumbs=[Crumb(_("Anmälda företag"), reverse("registry_staff:report_list"))],
            report=report,
            source=source_changes(report),
            reject_form=reject_form,
        ),
        status=status,
    )


@staff_view("registry.view_enterprisereport")
def report_detail(request, pk: int):
    return _render_detail(request, _report(pk), forms.RejectForm())


@staff_action("registry.change_enterprisereport", "registry.publish_socialenterprise")
def report_approve(request, pk: int):
    report = _report(pk)
    if report.reviewed_at:
        messages.info(request, _("Anmälan är redan granskad."))
        return redirect("registry_staff:report_detail", pk=pk)
    try:
        services.report_approve(report=report, user=request.user)
    except services.AlreadyReviewed:
        messages.info(request, _("Anmälan är redan granskad."))
        return redirect("registry_staff:report_detail", pk=pk)
    messages.success(
        request, _("%(name)s är godkänt och publicerat.") % {"name": report.enterprise}
    )
    return redirect("registry_staff:report_list")


@staff_action("registry.change_enterprisereport", "registry.publish_socialenterprise")
def report_reject(request, pk: int):
    report = _report(pk)
    if report.reviewed_at:
        messages.info(request, _("Anmälan är redan granskad."))
        return redirect("registry_staff:report_detail", pk=pk)
    form = forms.RejectForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, report, form, status=400)
    try:
        services.report_reject(report=report, user=request.user, reason=form.cleaned_data["reason"])
    except services.AlreadyReviewed:
        messages.info(request, _("Anmälan är redan granskad."))
        return redirect("registry_staff:report_detail", pk=pk)
    messages.success(request, _("Anmälan om %(name)s är avslagen.") % {"name": report.enterprise})
    return redirect("registry_staff:report_list")
