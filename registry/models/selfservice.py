"""An enterprise keeps its own record fresh: personal links to /uppdatera/,
the change proposals an advisor decides, and every check of a record."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from registry.models.enterprises import CheckSource, SocialEnterprise
from registry.models.workflow import ReviewReminder


class LinkReason(models.TextChoices):
    REMINDER = "reminder", _("Påminnelse")
    ADVISOR = "advisor", _("Skickad av en rådgivare")
    REQUESTED = "requested", _("Begärd av företaget")


class SelfServiceLink(models.Model):
    """One personal link mailed to an enterprise. Its token (signed, see
    ``registry.selfservice_tokens``) names this row; the link works until it
    expires, a newer link is sent for the record, or an advisor revokes it."""

    enterprise = models.ForeignKey(
        SocialEnterprise, on_delete=models.CASCADE, related_name="self_service_links"
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    reason = models.CharField(_("anledning"), max_length=20, choices=LinkReason)
    reminder = models.ForeignKey(
        ReviewReminder, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    sent_to = models.EmailField(_("skickad till"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("skickad av"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("spärrad"), null=True, blank=True)

    class Meta:
        verbose_name = _("länk för uppdatering")
        verbose_name_plural = _("länkar för uppdatering")
        ordering = ["-pk"]
        indexes = [models.Index(fields=["enterprise", "-id"], name="selfservice_link_latest_idx")]

    def __str__(self) -> str:
        return f"{self.enterprise} {self.created_at:%Y-%m-%d}"


class ProposalStatus(models.TextChoices):
    PENDING = "pending", _("Väntar på beslut")
    APPROVED = "approved", _("Godkänt")
    PARTLY_APPROVED = "partly_approved", _("Delvis godkänt")
    REJECTED = "rejected", _("Avslaget")


class ChangeProposal(models.Model):
    """Changes an enterprise asked for through its link, waiting for an advisor.

    ``changes`` maps a key ("name", "industries", "offering:12:kind") to
    {"old": value when proposed, "new": proposed value}; ids for industries,
    target groups and referrers. The record is unchanged until approval.
    """

    enterprise = models.ForeignKey(
        SocialEnterprise, on_delete=models.CASCADE, related_name="change_proposals"
    )
    link = models.ForeignKey(
        SelfServiceLink, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submission_token = models.UUIDField(unique=True, editable=False)
    created_at = models.DateTimeField(_("inskickat"), auto_now_add=True)
    base_version = models.PositiveIntegerField(_("postens version"))
    changes = models.JSONField(_("ändringar"))
    reply_to = models.EmailField(_("svar till"))
    status = models.CharField(
        _("status"), max_length=20, choices=ProposalStatus, default=ProposalStatus.PENDING
    )
    decided_at = models.DateTimeField(_("beslutat"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beslutat av"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    approved_keys = models.JSONField(_("godkända ändringar"), default=list, blank=True)
    decision_reason = models.TextField(_("motivering"), blank=True)

    class Meta:
        verbose_name = _("ändringsförslag")
        verbose_name_plural = _("ändringsförslag")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "created_at"], name="proposal_queue_idx")]

    def __str__(self) -> str:
        return f"{self.enterprise} {self.created_at:%Y-%m-%d}"


class CheckMethod(models.TextChoices):
    ADVISOR_CHECK = "advisor_check", _("Kontrollerad av en rådgivare")
    CONFIRMED = "confirmed", _("Bekräftad av företaget")
    UPDATED = "updated", _("Uppdaterad av företaget")
    PROPOSAL_DECIDED = "proposal_decided", _("Ändringsförslag beslutat")


class RecordCheck(models.Model):
    """One time someone vouched for a record: the dashboard counts these."""

    enterprise = models.ForeignKey(SocialEnterprise, on_delete=models.CASCADE, related_name="+")
    checked_at = models.DateTimeField(_("kontrollerad"), auto_now_add=True)
    source = models.CharField(_("av"), max_length=20, choices=CheckSource)
    method = models.CharField(_("hur"), max_length=20, choices=CheckMethod)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("kontroll av uppgifter")
        verbose_name_plural = _("kontroller av uppgifter")
        ordering = ["-checked_at"]
        indexes = [models.Index(fields=["checked_at", "source"], name="record_check_recent_idx")]

    def __str__(self) -> str:
        return f"{self.enterprise} {self.checked_at:%Y-%m-%d}"
