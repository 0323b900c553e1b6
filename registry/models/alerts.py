"""Alerts: a person asks for a mail when the directory's results for their
filters get a new enterprise or an enterprise with open places.

A subscription holds only what it needs: the e-mail address, the filter set
(the directory's own parameters) and how often. Nothing is sent before the
address is confirmed; unconfirmed rows are erased after
``ALERT_CONFIRM_DAYS`` and an ended subscription is erased at once.
"""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _


class AlertFrequency(models.TextChoices):
    DAILY = "daily", _("En gång om dagen")
    WEEKLY = "weekly", _("En gång i veckan")


def new_secret() -> str:
    return secrets.token_urlsafe(16)


class AlertSubscription(models.Model):
    """One address's alert for one filter set. Its links are signed and name
    this row and its ``secret``, so a link dies with the row."""

    email = models.EmailField(_("e-post"))
    # The directory's filter parameters, validated and in a fixed order
    # ("bransch=cafe&lediga_platser=on"); never a place or a position. A
    # search text of 200 letters makes it up to about 2,500 characters, more
    # than an index row may hold beside the address: ``filters_key`` (its
    # SHA-256) is what the uniqueness is checked on.
    filters = models.TextField(_("filter"), blank=True)
    filters_key = models.CharField(max_length=64, editable=False)
    frequency = models.CharField(
        _("hur ofta"), max_length=10, choices=AlertFrequency, default=AlertFrequency.WEEKLY
    )
    secret = models.CharField(max_length=32, default=new_secret, editable=False)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    confirmation_sent_at = models.DateTimeField(_("bekräftelse skickad"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("bekräftad"), null=True, blank=True)
    # The first day of the last period a digest run handled (sent or found
    # nothing new): at most one digest per period.
    last_period = models.DateField(_("senaste period"), null=True, blank=True)
    last_sent_at = models.DateTimeField(_("senaste utskick"), null=True, blank=True)
    # What matched at the last run, as serialised roaring bitmaps of enterprise
    # ids: every published result, and those of them with open places.
    known = models.BinaryField(default=b"", editable=False)
    open = models.BinaryField(default=b"", editable=False)
    # The filter set stopped validating (a taxonomy changed) and the person
    # has been told; nothing more is sent until they update it.
    needs_update = models.BooleanField(_("behöver uppdateras"), default=False)

    class Meta:
        verbose_name = _("bevakning")
        verbose_name_plural = _("bevakningar")
        ordering = ["-pk"]
        constraints = [
            # One subscription, pending or not, per address and filter set.
            models.UniqueConstraint(
                fields=["email", "filters_key"], name="alert_email_filters_uniq"
            ),
        ]
        indexes = [
            # The digest run: confirmed rows by frequency; the purge: pending by age.
            models.Index(fields=["frequency", "confirmed_at"], name="alert_due_idx"),
            models.Index(fields=["confirmed_at", "created_at"], name="alert_pending_idx"),
        ]

    def __str__(self) -> str:
        return f"{_('Bevakning')} {self.pk}"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None
