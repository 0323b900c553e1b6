"""Taxonomies editors keep in the admin (industries, target groups, areas) and
the closed list of languages (``registry.languages``), loaded by a migration."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from registry.models.ids import open_data_id


class Taxonomy(models.Model):
    """A named, sluggable category that editors maintain in the admin."""

    name = models.CharField(_("namn"), max_length=100, unique=True)
    slug = models.SlugField(_("kortnamn"), max_length=100, unique=True)
    uuid = open_data_id()

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Industry(Taxonomy):
    history = HistoricalRecords()

    class Meta(Taxonomy.Meta):
        verbose_name = _("bransch")
        verbose_name_plural = _("branscher")


class TargetGroup(Taxonomy):
    history = HistoricalRecords()

    class Meta(Taxonomy.Meta):
        verbose_name = _("målgrupp")
        verbose_name_plural = _("målgrupper")


class Area(Taxonomy):
    class Kind(models.TextChoices):
        DISTRICT = "district", _("Kommundel")
        NEIGHBOUR = "neighbour", _("Grannkommun")

    kind = models.CharField(_("typ"), max_length=20, choices=Kind, default=Kind.DISTRICT)
    history = HistoricalRecords()

    class Meta(Taxonomy.Meta):
        verbose_name = _("område")
        verbose_name_plural = _("områden")


class LanguageManager(models.Manager):
    def get_by_natural_key(self, code: str) -> "Language":
        return self.get(code=code)


class Language(models.Model):
    """A language supervisors can use at work. Closed: the rows come from
    ``registry.languages`` through a migration, not from the admin. Its code
    is its natural key (serialised links survive the table being refilled)."""

    code = models.CharField(_("språkkod"), max_length=3, unique=True)
    name = models.CharField(_("namn"), max_length=60, unique=True)
    slug = models.SlugField(_("kortnamn"), max_length=60, unique=True)
    order = models.PositiveSmallIntegerField(_("ordning"), default=100)

    objects = LanguageManager()

    class Meta:
        verbose_name = _("språk")
        verbose_name_plural = _("språk")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.code,)
