"""The advisors' side of the enterprises' own pages: send or stop a record's
links, and decide the change proposals that come in through them."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from asfportal.core.pages import Crumb, staff_context
from asfportal.core.permissions import staff_action, staff_view
from registry.models import LinkReason, ProposalStatus
from registry.selectors.selfservice import (
    enterprise_for_self_service,
    pending_proposals,
    proposal_rows,
)
from registry.services import selfservice as services
from registry.services.common import RecordChanged
from registry.staff.forms import record_changed_message
from registry.staff.selectors import decided_proposals, enterprise_for_edit, proposal_for_decision

REASON_MAX_LENGTH = 2000


@staff_action("registry.change_socialenterprise")
def enterprise_send_link(request, pk: int):
    """ "Skicka länk för uppdatering": a new link to the record's address."""
    enterprise = enterprise_for_edit(pk)
    if enterprise.status != "published":
        messages.error(request, _("Bara publicerade företag kan få en länk."))
    elif services.link_send(enterprise=enterprise, reason=LinkReason.ADVISOR, user=request.user):
        messages.success(
            request,
            _("En länk för uppdatering skickas till %(email)s. Äldre länkar slutar fungera.")
            % {"email": enterprise.email},
        )
    else:
        messages.error(request, _("Företaget har ingen e-postadress. Lägg till en först."))
    return redirect("registry_staff:enterprise_edit", pk=pk)


@staff_action("registry.change_socialenterprise")
def enterprise_revoke_links(request, pk: int):
    """Stop every link of the record, for example one sent to the wrong person."""
    enterprise = enterprise_for_edit(pk)
    count = services.links_revoke(enterprise=enterprise)
    messages.success(
        request,
        _("Alla länkar till %(name)s är spärrade (%(count)s st).")
        % {"name": enterprise.name, "count": count},
    )
    return redirect("registry_staff:enterprise_edit", pk=pk)


@staff_view("registry.view_changeproposal")
def proposal_list(request):
    return render(
        request,
        "registry/staff/proposal_list.html",
        staff_context(
            heading=_("Ändringsförslag från företag"),
            section="proposals",
            waiting=pending_proposals(),
            decided=decided_proposals(),
        ),
    )


class DecisionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    approve = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple)
    reason = forms.CharField(
        label=gettext_lazy("Motivering till företaget"),
        help_text=gettext_lazy("Krävs när du inte godkänner något. Företaget får läsa den."),
        required=False,
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": gettext_lazy("Motiveringen får vara högst 2 000 tecken.")},
    )
    decision = forms.ChoiceField(
        choices=[("approve", "approve"), ("approve_all", "approve_all"), ("reject", "reject")]
    )

    def __init__(self, *args, keys: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["approve"].choices = [(key, key) for key in keys]
        self.keys = keys

    def clean(self):
        data = super().clean()
        decision = data.get("decision")
        if decision == "approve_all":
            data["approve"] = list(self.keys)
        elif decision == "reject":
            data["approve"] = []
        if decision and not data.get("approve") and not (data.get("reason") or "").strip():
            self.add_error(
                "reason",
                _("Skriv varför ingen ändring godkänns. Motiveringen skickas till företaget."),
            )
        return data


def _render_proposal(request, proposal, form, status=200):
    enterprise = enterprise_for_self_service(proposal.enterprise_id)
    rows = proposal_rows(proposal, enterprise)
    return render(
        request,
        "registry/staff/proposal_detail.html",
        staff_context(
            heading=enterprise.name,
            section="proposals",
            crumbs=[
                Crumb(_("Ändringsförslag från företag"), reverse("registry_staff:proposal_list"))
            ],
            proposal=proposal,
            enterprise=enterprise,
            rows=rows,
            # A later save elsewhere (a confirmation, another field) is no news here.
            changed_since=any(row.current != row.old for row in rows),
            form=form,
            version=enterprise.version,
        ),
        status=status,
    )


@staff_view("registry.view_changeproposal")
def proposal_detail(request, pk: int):
    proposal = proposal_for_decision(pk)
    return _render_proposal(request, proposal, DecisionForm(keys=list(proposal.changes)))


@staff_action("registry.change_changeproposal", "registry.change_socialenterprise")
def proposal_decide(request, pk: int):
    """Approve all, approve the ticked fields, or reject with a reason."""
    proposal = proposal_for_decision(pk)
    if proposal.status != ProposalStatus.PENDING:
        messages.info(request, _("Förslaget är redan beslutat."))
        return redirect("registry_staff:proposal_detail", pk=pk)
    form = DecisionForm(request.POST, keys=list(proposal.changes))
    if not form.is_valid():
        return _render_proposal(request, proposal, form, status=400)
    try:
        decided = services.proposal_decide(
            proposal=proposal,
            user=request.user,
            approve=form.cleaned_data["approve"],
            expected_version=form.cleaned_data["version"],
            reason=form.cleaned_data["reason"],
        )
    except services.ProposalAlreadyDecided:
        messages.info(request, _("Förslaget är redan beslutat."))
        return redirect("registry_staff:proposal_detail", pk=pk)
    except RecordChanged as changed:
        form.add_error(None, record_changed_message(changed.current))
        return _render_proposal(request, proposal, form, status=409)
    messages.success(request, _decided_message(decided))
    return redirect("registry_staff:proposal_list")


def _decided_message(proposal) -> str:
    name = proposal.enterprise.name
    if proposal.status == ProposalStatus.REJECTED:
        return _("Förslaget från %(name)s är avslaget. Företaget får besked.") % {"name": name}
    return _("Ändringarna för %(name)s är sparade. Företaget får besked.") % {"name": name}
