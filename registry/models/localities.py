"""Places a person can measure distance from: the municipality's areas, towns
and Swedish postal-code areas with their centre points (``registry.localities``
loads them; ``load_localities`` adds a national list)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Locality(models.Model):
    """A named place with a centre point, for the directory's "nearest first".

    Not a registry fact: nothing links to it, it is not published, and it
    keeps no history (a reload replaces it)."""

    class Kind(models.TextChoices):
        AREA = "area", _("område i kommunen")
        TOWN = "town", _("ort")
        POSTAL_CODE = "postal_code", _("postnummerområde")

    kind = models.CharField(_("typ"), max_length=20, choices=Kind)
    name = models.CharField(_("namn"), max_length=100)
    # Folded for matching what people type: lower case, single spaces.
    name_key = models.CharField(_("namn för sökning"), max_length=100, db_index=True)
    postal_code = models.CharField(_("postnummer"), max_length=5, blank=True, db_index=True)
    latitude = models.FloatField(_("latitud"))
    longitude = models.FloatField(_("longitud"))
    source = models.CharField(_("källa"), max_length=40)

    class Meta:
        verbose_name = _("plats")
        verbose_name_plural = _("platser")
        ordering = ["kind", "name", "postal_code"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "name_key", "postal_code"], name="locality_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(latitude__gte=-90, latitude__lte=90)
                & models.Q(longitude__gte=-180, longitude__lte=180),
                name="locality_position_in_range",
            ),
        ]

    def __str__(self) -> str:
        if self.postal_code:
            return f"{self.postal_code[:3]} {self.postal_code[3:]} {self.name}"
        return self.name
