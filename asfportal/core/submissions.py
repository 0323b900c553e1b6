"""Public forms carry a one-time token so that a double click, a reload or
going back and resending creates one row, even when two requests race."""

import uuid
from collections.abc import Callable

from django.db import IntegrityError, models, transaction


def one_time_token(raw: str) -> uuid.UUID:
    """A public form's one-time token against double submits. A missing or
    mangled one gets a fresh token, so the form can always be sent."""
    try:
        return uuid.UUID(raw)
    except ValueError:
        return uuid.uuid4()


def create_once[M: models.Model](model: type[M], token, create: Callable[[], M]) -> tuple[M, bool]:
    """The row ``model`` holds for ``token``, or the one ``create()`` makes
    (inside a savepoint). ``model`` needs a unique ``submission_token``. An
    IntegrityError that is not the token's (another unique value) is raised.
    Returns (row, created)."""
    existing = model.objects.filter(submission_token=token).first()
    if existing:
        return existing, False
    try:
        with transaction.atomic():
            return create(), True
    except IntegrityError:
        existing = model.objects.filter(submission_token=token).first()
        if existing is None:
            raise
        return existing, False
