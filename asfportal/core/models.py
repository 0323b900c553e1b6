"""The outbox: every mail the site sends is a row here first.

A mail is written in the same transaction as the change that causes it, with a
task that delivers it (django.tasks, django-tasks-db backend). The row, not the
task, is the mail's record: its attempts, its last error's class, and whether it
was sent or finally failed, so a mail that cannot be delivered is never lost
silently; staff see it in the dashboard and the admin.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MailStatus(models.TextChoices):
    QUEUED = "queued", _("I kö")
    SENT = "sent", _("Skickat")
    FAILED = "failed", _("Kunde inte skickas")


class OutboundMail(models.Model):
    created_at = models.DateTimeField(_("skapat"), auto_now_add=True)
    # What the mail is, for logs and staff: never personal data ("receipt of
    # inquiry ASF-2026-00012", "review reminder for enterprise 17").
    what = models.CharField(_("vad"), max_length=200)
    to = models.EmailField(_("mottagare"))
    reply_to = models.EmailField(_("svarsadress"), blank=True)
    subject = models.CharField(_("ämne"), max_length=300)
    # Emptied once the mail is sent: it can hold personal data and links.
    body = models.TextField(_("text"), blank=True)
    # Extra headers (List-Unsubscribe for alerts); emptied with the body, as
    # they can hold personal links.
    headers = models.JSONField(_("rubriker"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=MailStatus, default=MailStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("försök"), default=0)
    # While a worker sends, other deliveries of the same row wait until then.
    sending_until = models.DateTimeField(_("skickas till"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("nästa försök"), null=True, blank=True)
    last_error = models.CharField(_("senaste fel"), max_length=200, blank=True)
    sent_at = models.DateTimeField(_("skickat"), null=True, blank=True)

    class Meta:
        verbose_name = _("e-postmeddelande")
        verbose_name_plural = _("e-postmeddelanden")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "created_at"], name="outbound_status_idx")]

    def __str__(self) -> str:
        return self.what
