"""The stable ids the open-data API publishes (HSDS 3.0 wants UUIDs)."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


def open_data_id(label=None) -> models.UUIDField:
    """A UUID made once when the row is made and never changed, so a record keeps
    its id in the open data when its name or slug changes."""
    return models.UUIDField(
        label or _("id i öppna data"), default=uuid.uuid4, unique=True, editable=False
    )
