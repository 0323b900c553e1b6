"""A list's order as named sort keys, so one description of an order serves
the queryset (``ordered``) and whoever needs to compare with it (the
directory's tests compare its in-memory order with this SQL one)."""

from dataclasses import dataclass

from django.db.models import Expression, F, QuerySet


@dataclass(frozen=True)
class SortKey:
    """One column of the ordering. ``name`` is an annotation or field name;
    ``expression`` (optional) is annotated under that name first."""

    name: str
    expression: Expression | None = None
    descending: bool = False
    nullable: bool = False  # NULLs sort last

    def order(self):
        ref = F(self.name)
        if not self.nullable:
            return ref.desc() if self.descending else ref.asc()
        return ref.desc(nulls_last=True) if self.descending else ref.asc(nulls_last=True)


def ordered(queryset: QuerySet, keys: list[SortKey]) -> QuerySet:
    """``queryset`` annotated with the keys' expressions and ordered by them."""
    annotations = {k.name: k.expression for k in keys if k.expression is not None}
    return queryset.annotate(**annotations).order_by(*(k.order() for k in keys))
