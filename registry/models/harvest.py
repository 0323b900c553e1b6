"""Enterprises harvested from another portal's HSDS 3.0 API: where each came
from, and what the source has changed since an advisor took the record over."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from registry.models.enterprises import SocialEnterprise


class HarvestSource(models.Model):
    """Another portal's HSDS API that ``manage.py harvest_hsds`` reads."""

    url = models.URLField(_("adress till API:t"), max_length=500, unique=True)
    last_run_at = models.DateTimeField(_("senaste körning"), null=True, blank=True)
    # When the last run that read everything began: the next run asks the
    # source only for what changed after it (modified_after).
    last_complete_run_at = models.DateTimeField(
        _("senaste fullständiga körning"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("källa för hämtning")
        verbose_name_plural = _("källor för hämtning")
        ordering = ["url"]

    def __str__(self) -> str:
        return self.url


class HarvestedRecord(models.Model):
    """One enterprise made from a source's organization.

    ``fingerprint`` is a digest of what the source said last time, so a run
    that reads the same again changes nothing. The harvest updates the record
    only while it is an unreviewed draft no one has edited since
    (``harvested_version``); after that, the source's changes wait in
    ``held_changes`` for an advisor to look at.
    """

    source = models.ForeignKey(HarvestSource, on_delete=models.PROTECT, related_name="records")
    remote_id = models.CharField(_("id hos källan"), max_length=200)
    remote_url = models.URLField(_("sida hos källan"), max_length=500, blank=True)
    enterprise = models.OneToOneField(
        SocialEnterprise, on_delete=models.CASCADE, related_name="harvested"
    )
    fingerprint = models.CharField(max_length=64)
    harvested_version = models.PositiveIntegerField()
    first_harvested_at = models.DateTimeField(_("först hämtad"), auto_now_add=True)
    harvested_at = models.DateTimeField(_("senast ändrad av hämtning"))
    held_changes = models.JSONField(_("ändringar hos källan"), default=dict, blank=True)
    held_at = models.DateTimeField(_("källan ändrade"), null=True, blank=True)

    class Meta:
        verbose_name = _("hämtat företag")
        verbose_name_plural = _("hämtade företag")
        ordering = ["source", "remote_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "remote_id"], name="harvested_record_unique_per_source"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.remote_id}"
