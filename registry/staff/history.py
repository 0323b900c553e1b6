"""History pages: who changed what and when, and restoring an earlier version."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from asfportal.core.pages import Crumb, staff_context
from asfportal.core.permissions import staff_action, staff_view
from registry import history
from registry.models import Partner, SocialEnterprise
from registry.selectors.selfservice import proposals_for
from registry.services import enterprises as services


@staff_view("registry.view_socialenterprise")
def enterprise_history(request, pk: int):
    enterprise = get_object_or_404(SocialEnterprise, pk=pk)
    crumbs = [
        Crumb(_("Företag"), reverse("registry_staff:enterprise_list")),
        Crumb(enterprise.name, reverse("registry_staff:enterprise_edit", args=[pk])),
    ]
    context = staff_context(
        heading=_("Historik"),
        section="enterprises",
        crumbs=crumbs,
        subject=enterprise,
        entries=history.enterprise_history(enterprise),
        can_restore=request.user.has_perm("registry.change_socialenterprise"),
        restore_url="registry_staff:enterprise_restore",
        proposals=proposals_for(enterprise),
    )
    return render(request, "registry/staff/history.html", context)


@staff_action("registry.change_socialenterprise")
def enterprise_restore(request, pk: int, history_id: int):
    enterprise = get_object_or_404(SocialEnterprise, pk=pk)
    record = get_object_or_404(enterprise.history.all(), history_id=history_id)
    try:
        services.enterprise_restore(enterprise=enterprise, record=record)
    except ValidationError as error:
        messages.error(
            request,
            _("Versionen går inte att återställa: %(reason)s Ändra uppgifterna för hand i stället.")
            % {"reason": " ".join(error.messages)},
        )
        return redirect("registry_staff:enterprise_history", pk=pk)
    messages.success(
        request,
        _(
            "Företaget är återställt till versionen från %(when)s. "
            "Återställningen syns i historiken."
        )
        % {"when": timezone.localtime(record.history_date).strftime("%Y-%m-%d %H:%M")},
    )
    return redirect("registry_staff:enterprise_history", pk=pk)


@staff_view("registry.view_partner")
def partner_history(request, pk: int):
    partner = get_object_or_404(Partner, pk=pk)
    crumbs = [
        Crumb(_("Partner"), reverse("registry_staff:partner_list")),
        Crumb(partner.name, reverse("registry_staff:partner_edit", args=[pk])),
    ]
    context = staff_context(
        heading=_("Historik"),
        section="partners",
        crumbs=crumbs,
        subject=partner,
        entries=history.partner_history(partner),
        can_restore=False,
    )
    return render(request, "registry/staff/history.html", context)
