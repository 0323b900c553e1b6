"""Records of the registry's upkeep: citizens' reports of missing enterprises,
review reminders and digests, CSV import batches."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from registry.models.enterprises import SocialEnterprise


class ReportDecision(models.TextChoices):
    APPROVED = "approved", _("Godkänd")
    REJECTED = "rejected", _("Avslagen")


class EnterpriseReport(models.Model):
    """A citizen's report of a social enterprise missing from the directory.

    The enterprise it created stays a draft until an advisor has reviewed it.
    The reporter's contact details are personal data, kept apart from the
    enterprise so they can be erased without touching the record.
    """

    enterprise = models.OneToOneField(
        SocialEnterprise,
        verbose_name=_("företag"),
        on_delete=models.CASCADE,
        related_name="report",
    )
    reason = models.TextField(_("varför det är ett socialt företag"))
    reporter_name = models.CharField(_("anmälarens namn"), max_length=200, blank=True)
    reporter_email = models.EmailField(_("anmälarens e-post"), blank=True)
    submission_token = models.UUIDField(unique=True, editable=False)
    created_at = models.DateTimeField(_("anmält"), auto_now_add=True)
    reviewed_at = models.DateTimeField(_("granskat"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("granskat av"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decision = models.CharField(_("beslut"), max_length=10, choices=ReportDecision, blank=True)
    rejection_reason = models.TextField(_("skäl till avslag"), blank=True)

    class Meta:
        verbose_name = _("anmälan av företag")
        verbose_name_plural = _("anmälningar av företag")
        ordering = ["-created_at"]
        indexes = [
            # The advisors' review queue: reports not yet reviewed, oldest first.
            models.Index(fields=["reviewed_at", "created_at"], name="report_review_queue_idx"),
        ]

    def __str__(self) -> str:
        return str(self.enterprise)


class ReviewReminder(models.Model):
    """A reminder mailed to an enterprise asking it to confirm its details.

    One row per enterprise and day makes ``send_review_reminders`` idempotent:
    a second run the same day finds the row and sends nothing.
    """

    enterprise = models.ForeignKey(
        SocialEnterprise, on_delete=models.CASCADE, related_name="review_reminders"
    )
    sent_on = models.DateField(_("skickad"))
    sent_to = models.EmailField(_("mottagare"))

    class Meta:
        verbose_name = _("påminnelse om kontroll")
        verbose_name_plural = _("påminnelser om kontroll")
        ordering = ["-sent_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise", "sent_on"], name="review_reminder_once_a_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enterprise} {self.sent_on}"


class ReviewDigest(models.Model):
    """The advisors' daily list of records due for review; one per day."""

    sent_on = models.DateField(_("skickad"), unique=True)
    record_count = models.PositiveIntegerField(_("antal poster"))

    class Meta:
        verbose_name = _("lista över poster att kontrollera")
        verbose_name_plural = _("listor över poster att kontrollera")
        ordering = ["-sent_on"]

    def __str__(self) -> str:
        return str(self.sent_on)


class EnterpriseImport(models.Model):
    """An uploaded CSV file, kept between its dry run and the advisor's go-ahead.

    The text is read again when the import is applied, so what is saved is
    exactly what the dry run reported, checked once more against the registry.
    """

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uppladdad av"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uppladdad"), auto_now_add=True)
    filename = models.CharField(_("filnamn"), max_length=255)
    text = models.TextField(_("innehåll"))
    publish = models.BooleanField(_("publicera direkt"), default=False)
    # What reading the file noticed, such as a Windows-1252 encoding: the stored
    # text is already decoded, so the report could not tell it again.
    warnings = models.JSONField(_("varningar"), default=list, blank=True)
    created_enterprises = models.ManyToManyField(
        SocialEnterprise, verbose_name=_("inlästa företag"), blank=True, related_name="+"
    )
    applied_at = models.DateTimeField(_("inläst"), null=True, blank=True)
    applied_count = models.PositiveIntegerField(_("antal inlästa"), default=0)

    class Meta:
        verbose_name = _("inläsning av företag")
        verbose_name_plural = _("inläsningar av företag")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.filename
