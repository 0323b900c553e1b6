"""Partner organisations, what they help with, where they meet people and when."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.models import HistoricalRecords

from asfportal.core import hours
from registry.models.ids import open_data_id


class PartnerKind(models.TextChoices):
    SUPPORT = "stodorganisation", _("Stödorganisation")
    AUTHORITY = "myndighet", _("Myndighet")
    COORDINATION = "samordningsforbund", _("Samordningsförbund")
    NETWORK = "natverk", _("Nätverk eller branschorganisation")
    MUNICIPAL = "kommunal", _("Kommunal verksamhet")


class HelpTopic(models.TextChoices):
    """What a partner helps with."""

    START = "starta", _("Starta")
    DEVELOP = "utveckla", _("Utveckla")
    FINANCING = "finansiering", _("Finansiering")
    REHABILITATION = "rehabilitering", _("Rehabilitering")
    TRAINING = "arbetstraning", _("Arbetsträning och placering")
    KNOWLEDGE = "kunskap", _("Kunskap")


class Partner(models.Model):
    name = models.CharField(_("namn"), max_length=200, unique=True)
    slug = models.SlugField(_("kortnamn i adressen"), max_length=200, unique=True)
    uuid = open_data_id()
    kind = models.CharField(_("typ"), max_length=30, choices=PartnerKind)
    summary = models.CharField(_("sammanfattning"), max_length=300)
    description = models.TextField(_("beskrivning"), blank=True)
    website = models.URLField(_("webbplats"), blank=True)
    email = models.EmailField(_("e-post"), blank=True)
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("samarbetspartner")
        verbose_name_plural = _("samarbetspartner")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("registry:partner_detail", kwargs={"slug": self.slug})


class PartnerTopic(models.Model):
    """One thing a partner helps with; a closed list, so no lookup table."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="topics")
    topic = models.CharField(_("hjälper med"), max_length=20, choices=HelpTopic)
    uuid = open_data_id()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("hjälper med")
        verbose_name_plural = _("hjälper med")
        ordering = ["partner", "topic"]
        constraints = [
            models.UniqueConstraint(fields=["partner", "topic"], name="partner_topic_unique")
        ]

    def __str__(self) -> str:
        return self.get_topic_display()


class Place(models.Model):
    """Where a partner meets people: an office, a library, a meeting place."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="places")
    name = models.CharField(_("namn"), max_length=200)
    uuid = open_data_id()
    street_address = models.CharField(_("adress"), max_length=200, blank=True)
    postal_code = models.CharField(_("postnummer"), max_length=6, blank=True)
    city = models.CharField(_("ort"), max_length=100, blank=True)
    latitude = models.DecimalField(
        _("latitud"), max_digits=8, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitud"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    # The regular hours as rules (asfportal.core.hours): the page shows them in
    # the reader's language, the sessions at the place must fit them, and the
    # open data publishes them as HSDS schedules.
    hours = models.JSONField(_("tider"), default=list, blank=True)
    opening_hours = models.TextField(
        _("övrigt om tiderna"),
        blank=True,
        help_text=_("Visas under tiderna, till exempel: Stängt i juli."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("plats")
        verbose_name_plural = _("platser")
        ordering = ["partner", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.partner})"

    def clean(self) -> None:
        """The upcoming sessions here must still fit new hours (one query)."""
        super().clean()
        if not self.pk or not self.hours:
            return
        upcoming = self.sessions.filter(starts_at__gte=timezone.now()).order_by("starts_at")
        outside = [s for s in upcoming if not hours.fits(self.hours, s.starts_at, s.ends_at)]
        if outside:
            first = timezone.localtime(outside[0].starts_at)
            raise ValidationError(
                {
                    "hours": ngettext(
                        "%(count)d kommande tillfälle stämmer inte med de nya tiderna "
                        "(%(first)s). Flytta eller ta bort det först.",
                        "%(count)d kommande tillfällen stämmer inte med de nya tiderna "
                        "(det första %(first)s). Flytta eller ta bort dem först.",
                        len(outside),
                    )
                    % {"count": len(outside), "first": date_format(first, "j F H.i")}
                }
            )


class Session(models.Model):
    """A dated visit at a place, such as a drop-in advice hour at a library."""

    place = models.ForeignKey(
        Place, verbose_name=_("plats"), on_delete=models.CASCADE, related_name="sessions"
    )
    title = models.CharField(_("rubrik"), max_length=200)
    uuid = open_data_id()
    description = models.TextField(_("beskrivning"), blank=True)
    starts_at = models.DateTimeField(_("börjar"))
    ends_at = models.DateTimeField(_("slutar"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tillfälle")
        verbose_name_plural = _("tillfällen")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="session_ends_after_start"
            )
        ]
        indexes = [
            # A partner page's "upcoming sessions": per place, from now on.
            models.Index(fields=["place", "starts_at"], name="session_place_start_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.starts_at:%Y-%m-%d})"

    def clean(self) -> None:
        """A session must lie within its place's regular hours, when the place
        has any: the page shows both, and they may not contradict each other."""
        super().clean()
        place = self.place if self.place_id else None
        if not (place and place.hours and self.starts_at and self.ends_at):
            return
        if not hours.fits(place.hours, self.starts_at, self.ends_at):
            raise ValidationError(
                {
                    "starts_at": _(
                        "Tillfället stämmer inte med tiderna för %(place)s: %(hours)s. Välj en "
                        "tid inom dem, eller ändra platsens tider först."
                    )
                    % {"place": place.name, "hours": "; ".join(hours.describe_all(place.hours))}
                }
            )
