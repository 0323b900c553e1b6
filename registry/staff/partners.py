"""The advisors' partner pages: partners with their places and dated sessions."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from asfportal.core.pages import Crumb, staff_context
from asfportal.core.permissions import staff_view
from registry.models import Partner
from registry.services.common import RecordChanged
from registry.services.partners import partner_save, partner_sessions_save
from registry.staff import forms
from registry.staff.selectors import staff_partners


def _page(heading: str, *crumbs: Crumb, **extra) -> dict:
    """A page under "Partner": its heading, breadcrumbs and the rest."""
    listing = Crumb(_("Partner"), reverse("registry_staff:partner_list"))
    return staff_context(heading=heading, section="partners", crumbs=[listing, *crumbs], **extra)


@staff_view("registry.view_partner")
def partner_list(request):
    return render(
        request,
        "registry/staff/partner_list.html",
        staff_context(heading=_("Partner"), section="partners", partners=staff_partners()),
    )


def _save_partner(request, partner: Partner | None):
    form = forms.PartnerForm(request.POST or None, instance=partner)
    formset = forms.PlaceFormSet(request.POST or None, instance=partner, prefix="places")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            saved = partner_save(
                partner=partner,
                expected_version=form.cleaned_data["version"],
                fields=form.fields_to_save(),
                topics=form.cleaned_data["topics"],
                places=forms.row_changes(formset),
            )
        except RecordChanged:
            form.add_error(None, forms.PARTNER_CHANGED)
        else:
            messages.success(request, _("Partnern är sparad."))
            return redirect("registry_staff:partner_edit", pk=saved.pk)
    heading = partner.name if partner else _("Ny partner")
    return render(
        request,
        "registry/staff/partner_form.html",
        _page(heading, partner=partner, form=form, formset=formset),
        status=400 if request.method == "POST" else 200,
    )


@staff_view("registry.add_partner", "registry.add_place")
def partner_create(request):
    return _save_partner(request, None)


@staff_view(
    "registry.change_partner",
    "registry.add_place",
    "registry.change_place",
    "registry.delete_place",
)
def partner_edit(request, pk: int):
    return _save_partner(request, get_object_or_404(Partner, pk=pk))


@staff_view("registry.add_session", "registry.change_session", "registry.delete_session")
def partner_sessions(request, pk: int):
    partner = get_object_or_404(Partner, pk=pk)
    formset = forms.session_formset(partner, request.POST or None)
    version = forms.VersionForm(request.POST or None, initial={"version": partner.version})
    if request.method == "POST" and formset.is_valid() and version.is_valid():
        try:
            partner_sessions_save(
                partner=partner,
                changes=forms.row_changes(formset),
                expected_version=version.cleaned_data["version"],
            )
        except RecordChanged:
            messages.error(request, forms.PARTNER_CHANGED)
        else:
            messages.success(request, _("Tillfällena är sparade."))
            return redirect("registry_staff:partner_sessions", pk=pk)
    record = Crumb(partner.name, reverse("registry_staff:partner_edit", args=[pk]))
    return render(
        request,
        "registry/staff/partner_sessions.html",
        _page(_("Tillfällen"), record, partner=partner, formset=formset, version_form=version),
        status=400 if request.method == "POST" else 200,
    )
