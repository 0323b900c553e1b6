"""The advisors' side of the enterprises' own pages: links sent from the edit
page, and change proposals approved in part, rejected, or refused when the
record changed meanwhile."""

import re
import uuid

import pytest
from django.urls import reverse

from registry.models import (
    ChangeProposal,
    LinkReason,
    ProposalStatus,
    SelfServiceLink,
)
from registry.services.selfservice import enterprise_self_update
from tests.registry.selfservice.helpers import enterprise_with_link
from tests.tasks import run_tasks

pytestmark = pytest.mark.django_db


def test_an_advisor_sends_a_link_from_the_edit_page(advisor_client, advisor, mailoutbox):
    enterprise, old, _path = enterprise_with_link()
    edit = reverse("registry_staff:enterprise_edit", args=[enterprise.pk])
    assert "Skicka länk för uppdatering" in advisor_client.get(edit).text

    response = advisor_client.post(
        reverse("registry_staff:enterprise_send_link", args=[enterprise.pk]), follow=True
    )

    assert "En länk för uppdatering skickas till info@kornet.se." in response.text
    link = SelfServiceLink.objects.exclude(pk=old.pk).get()
    assert (link.reason, link.created_by, link.sent_to) == (
        LinkReason.ADVISOR,
        advisor,
        "info@kornet.se",
    )
    run_tasks()
    (mail,) = mailoutbox
    assert mail.to == ["info@kornet.se"]
    assert "/uppdatera/" in mail.body
    assert advisor.username not in mail.body


def test_no_link_without_an_address_or_for_a_draft(advisor_client, mailoutbox):
    enterprise, _link, _path = enterprise_with_link(email="")
    url = reverse("registry_staff:enterprise_send_link", args=[enterprise.pk])
    response = advisor_client.post(url, follow=True)
    assert "Företaget har ingen e-postadress." in response.text

    enterprise.email, enterprise.status = "a@example.se", "draft"
    enterprise.save()
    response = advisor_client.post(url, follow=True)
    assert "Bara publicerade företag kan få en länk." in response.text
    run_tasks()
    assert mailoutbox == []


def test_sending_and_revoking_links_need_the_permission(client, no_role_user):
    enterprise, _link, path = enterprise_with_link()
    client.force_login(no_role_user)
    for name in ("enterprise_send_link", "enterprise_revoke_links"):
        assert (
            client.post(reverse(f"registry_staff:{name}", args=[enterprise.pk])).status_code == 403
        )
    assert client.get(reverse("registry_staff:proposal_list")).status_code == 403
    client.logout()
    assert client.get(path).status_code == 200


def test_revoking_stops_the_link(advisor_client, client):
    enterprise, _link, path = enterprise_with_link()

    response = advisor_client.post(
        reverse("registry_staff:enterprise_revoke_links", args=[enterprise.pk]), follow=True
    )

    assert "Alla länkar till Kafé Kornet är spärrade (1 st)." in response.text
    assert client.get(path).status_code == 404


def propose(link, **proposed):
    _enterprise, proposal = enterprise_self_update(
        link=link, submission_token=uuid.uuid4(), direct={}, places={}, proposed=proposed
    )
    return proposal


def decide(advisor_client, proposal, **data):
    version = proposal.enterprise.__class__.objects.get(pk=proposal.enterprise_id).version
    return advisor_client.post(
        reverse("registry_staff:proposal_decide", args=[proposal.pk]),
        {"version": version, **data},
    )


def test_an_advisor_approves_some_fields_and_the_enterprise_is_told(
    advisor_client, advisor, mailoutbox
):
    enterprise, link, _path = enterprise_with_link()
    offering = enterprise.offerings.get(kind="arbetstraning")
    key = f"offering:{offering.pk}:description"
    proposal = propose(
        link, name="Kornet Bageri", city="Nyby", **{key: "Arbetsträning i bageriet."}
    )

    page = advisor_client.get(reverse("registry_staff:proposal_detail", args=[proposal.pk]))
    assert "Kornet Bageri" in page.text and "Nyby" in page.text
    assert "Arbetsträning med handledare." in page.text  # the offering's value now
    assert "När förslaget skickades" not in page.text  # unchanged since

    response = decide(advisor_client, proposal, decision="approve", approve=["name", key])

    assert response["Location"] == reverse("registry_staff:proposal_list")
    enterprise.refresh_from_db()
    offering.refresh_from_db()
    assert (enterprise.name, enterprise.city) == ("Kornet Bageri", "Exempelby")
    assert offering.description == "Arbetsträning i bageriet."
    assert [g.name for g in offering.target_groups.all()] == ["Unga vuxna"]  # untouched
    assert [r.referrer for r in offering.accepted_referrers.all()] == ["arbetsformedlingen"]
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.PARTLY_APPROVED
    assert proposal.decided_by == advisor
    assert sorted(proposal.approved_keys) == sorted(["name", key])
    latest = enterprise.history.first()
    assert latest.history_change_reason == "Ändringsförslag från företaget godkänt"
    assert latest.history_user == advisor
    run_tasks()
    (mail,) = mailoutbox
    assert mail.to == ["info@kornet.se"]
    assert mail.subject == "Beslut om era ändringar för Kornet Bageri"
    changed, unchanged = mail.body.split("Det här ändrades inte:")
    assert "- Namn: Kornet Bageri" in changed
    assert "Arbetsträning, Beskrivning: Arbetsträning i bageriet." in changed
    assert "- Ort: Nyby" in unchanged
    history = advisor_client.get(reverse("registry_staff:enterprise_history", args=[enterprise.pk]))
    assert "Delvis godkänt" in history.text


def test_a_record_changed_since_shows_both_values_and_a_stale_page_saves_nothing(
    advisor_client,
):
    enterprise, link, _path = enterprise_with_link()
    proposal = propose(link, name="Kornet Bageri", city="Nyby")
    enterprise.refresh_from_db()
    stale_version = enterprise.version
    enterprise.name = "Kafé Kornet AB"  # an advisor renamed it meanwhile
    enterprise.version += 1
    enterprise.save()

    page = advisor_client.get(reverse("registry_staff:proposal_detail", args=[proposal.pk]))
    assert "Posten har ändrats sedan förslaget skickades." in page.text
    assert "När förslaget skickades" in page.text
    (conflict,) = re.findall(r'<tr class="proposal-row--conflict">(.*?)</tr>', page.text, re.S)
    assert "Namn" in conflict and "Ändrat av båda" in conflict
    assert "Kafé Kornet AB" in conflict and "Kornet Bageri" in conflict  # now, proposed

    response = advisor_client.post(
        reverse("registry_staff:proposal_decide", args=[proposal.pk]),
        {"version": stale_version, "decision": "approve_all"},
    )

    assert response.status_code == 409
    assert "efter att du öppnade sidan" in response.text
    enterprise.refresh_from_db()
    assert (enterprise.name, enterprise.city) == ("Kafé Kornet AB", "Exempelby")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.PENDING


def test_a_later_save_of_other_fields_is_no_warning(advisor_client):
    _enterprise, link, _path = enterprise_with_link()
    proposal = propose(link, name="Kornet Bageri")
    enterprise_self_update(  # the enterprise then changes its phone number
        link=link, submission_token=uuid.uuid4(), direct={"phone": "070-1"}, places={}, proposed={}
    )

    page = advisor_client.get(reverse("registry_staff:proposal_detail", args=[proposal.pk]))

    assert "Posten har ändrats sedan förslaget skickades." not in page.text
    assert "När förslaget skickades" not in page.text
    assert "Kornet Bageri" in page.text


def test_a_rejection_needs_a_reason_and_is_mailed(advisor_client, mailoutbox):
    enterprise, link, _path = enterprise_with_link()
    proposal = propose(link, name="Något annat")

    refused = decide(advisor_client, proposal, decision="reject", reason="  ")
    assert refused.status_code == 400
    assert "Skriv varför ingen ändring godkänns." in refused.text
    too_long = decide(advisor_client, proposal, decision="reject", reason="x" * 2001)
    assert "Motiveringen får vara högst 2 000 tecken." in too_long.text

    decide(
        advisor_client, proposal, decision="reject", reason="Namnet stämmer inte med Bolagsverket."
    )

    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.REJECTED
    enterprise.refresh_from_db()
    assert enterprise.name == "Kafé Kornet"
    run_tasks()
    (mail,) = mailoutbox
    assert "Namnet stämmer inte med Bolagsverket." in mail.body
    assert "Det här ändrades inte:" in mail.body and "- Namn: Något annat" in mail.body


def test_a_decided_proposal_is_not_decided_again(advisor_client, mailoutbox):
    _enterprise, link, _path = enterprise_with_link()
    proposal = propose(link, name="Nytt")
    decide(advisor_client, proposal, decision="approve_all")

    again = decide(advisor_client, proposal, decision="reject", reason="Fel")

    assert again["Location"] == reverse("registry_staff:proposal_detail", args=[proposal.pk])
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.APPROVED
    run_tasks()
    assert len(mailoutbox) == 1


def test_a_proposal_for_an_offering_removed_meanwhile_is_shown_and_skipped(advisor_client):
    enterprise, link, _path = enterprise_with_link()
    offering = enterprise.offerings.get(kind="anstallning")
    proposal = propose(link, **{f"offering:{offering.pk}:description": "Ny text"}, name="Nytt")
    offering.delete()

    page = advisor_client.get(reverse("registry_staff:proposal_detail", args=[proposal.pk]))
    assert "Erbjudandet är borttaget" in page.text
    decide(advisor_client, proposal, decision="approve_all")

    enterprise.refresh_from_db()
    assert enterprise.name == "Nytt"


def test_the_proposal_list_and_dashboard_show_what_waits(advisor_client):
    _enterprise, link, _path = enterprise_with_link()
    propose(link, name="Nytt")

    listing = advisor_client.get(reverse("registry_staff:proposal_list"))
    dashboard = advisor_client.get(reverse("staff:dashboard"))

    assert "Kafé Kornet" in listing.text and "1 ändring" in listing.text
    assert "Ändringsförslag som väntar" in dashboard.text
    assert dashboard.context["freshness"].proposals_waiting == 1
    assert ChangeProposal.objects.count() == 1
