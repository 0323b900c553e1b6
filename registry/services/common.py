"""What the registry's writes share: optimistic locking, slugs, child rows."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import models
from django.utils.text import slugify

from registry.orgnr import normalise_org_number

# Slugs that would collide with fixed addresses such as /foretag/csv/.
RESERVED_SLUGS = frozenset({"csv"})


class RecordChanged(Exception):
    """Someone saved the record after the form was opened: refuse to overwrite."""

    def __init__(self, current):
        super().__init__(f"{current} changed (now version {current.version})")
        self.current = current


def lock_current[M: models.Model](model: type[M], pk: int, expected_version: int | None) -> M:
    """The row, locked for this transaction, if it is still at ``expected_version``
    (None: whatever its version). Raises ``RecordChanged`` otherwise.

    On PostgreSQL the row lock makes a concurrent save wait and then see the new
    version; on SQLite the IMMEDIATE transactions serialise writers the same way.
    """
    current = model.objects.select_for_update().get(pk=pk)
    if expected_version is not None and current.version != expected_version:
        raise RecordChanged(current)
    return current


def unique_slug(model: type[models.Model], text: str, *, max_length: int = 200) -> str:
    """A slug for ``text`` not yet used by any row of ``model``."""
    base = slugify(text)[: max_length - 4] or "post"
    slug, suffix = base, 2
    while slug in RESERVED_SLUGS or model.objects.filter(slug=slug).exists():
        slug, suffix = f"{base}-{suffix}", suffix + 1
    return slug


def set_fields(instance: models.Model, fields: dict) -> None:
    """Copy ``fields`` onto ``instance``; an organisation number is normalised."""
    for name, value in fields.items():
        setattr(instance, name, value)
    if "org_number" in fields:
        instance.org_number = normalise_org_number(instance.org_number)


@dataclass
class RowChange:
    """One row of a formset of child rows: ``row`` None for a new one.

    ``fields`` are the row's own columns; ``related`` holds what is set after
    the row is saved (many-to-many values), for ``after_save`` to use.
    """

    row: models.Model | None
    fields: dict
    delete: bool = False
    related: dict = field(default_factory=dict)


def apply_row_changes[M: models.Model](
    changes: Iterable[RowChange],
    *,
    new_row: Callable[[], M],
    belongs: Callable[[M], bool],
    after_save: Callable[[M, RowChange], None] | None = None,
) -> None:
    """Delete, change or add each child row. ``belongs`` says whether a row is
    the parent's: a row of another parent, posted by a tampered form, raises
    ValueError before and after its fields are set (a session may not be moved
    to another partner's place)."""
    for change in changes:
        row = change.row
        if row is not None and not belongs(row):
            raise ValueError("row of another parent")
        if change.delete:
            if row is not None:
                row.delete()
            continue
        row = row or new_row()
        set_fields(row, change.fields)
        if not belongs(row):
            raise ValueError("row moved to another parent")
        row.full_clean()
        row.save()
        if after_save is not None:
            after_save(row, change)


def set_values(rows: models.Manager, field_name: str, wanted: Iterable[str], make) -> None:
    """Make a parent's small value rows (an offering's referrers, a partner's
    topics) hold exactly ``wanted``: remove the others, add the missing ones
    with ``make(value)``, which returns an unsaved row."""
    wanted = set(wanted)
    rows.exclude(**{f"{field_name}__in": wanted}).delete()
    present = set(rows.values_list(field_name, flat=True))
    for value in sorted(wanted - present):
        row = make(value)
        row.full_clean()
        row.save()
