"""Keyset pagination: every page costs the same, however deep.

A page is asked for with a signed cursor holding the sort keys of the row next
to it (and the page's number, for display), so the database seeks straight to
it instead of counting past every earlier row as OFFSET does. Links go to the
first, previous, next and last page; the cursor is signed, so it cannot be
forged into anything but a page of the same list, and a broken one gives the
first page and a message.
"""

import datetime
import math
from dataclasses import dataclass
from functools import reduce
from operator import and_, or_

from django.core import signing
from django.db.models import Expression, F, Q, QuerySet
from django.utils.translation import gettext as _

SALT = "asfportal.keyset"
FORWARD, BACKWARD, LAST = "f", "b", "l"


@dataclass(frozen=True)
class SortKey:
    """One column of the ordering. ``name`` is an annotation or field name;
    ``expression`` (optional) is annotated under that name first. ``kind``
    says how the value travels in a cursor: "str", "int", "float" or "date"."""

    name: str
    expression: Expression | None = None
    descending: bool = False
    nullable: bool = False  # NULLs sort last in either direction of reading
    kind: str = "str"

    def order(self, reverse: bool = False):
        descending = self.descending != reverse
        ref = F(self.name)
        if not self.nullable:
            return ref.desc() if descending else ref.asc()
        # Reading backwards, the NULLs that came last must come first.
        nulls = {"nulls_first": True} if reverse else {"nulls_last": True}
        return ref.desc(**nulls) if descending else ref.asc(**nulls)

    def beyond(self, value, reverse: bool) -> Q:
        """Rows strictly past ``value`` in reading order (or before, reversed)."""
        if value is None:  # NULLs are last: nothing is past them, all else before
            return Q(**{f"{self.name}__isnull": False}) if reverse else Q(pk__in=[])
        lookup = "lt" if self.descending != reverse else "gt"
        past = Q(**{f"{self.name}__{lookup}": value})
        if self.nullable and not reverse:
            past |= Q(**{f"{self.name}__isnull": True})
        return past

    def equal(self, value) -> Q:
        if value is None:
            return Q(**{f"{self.name}__isnull": True})
        return Q(**{self.name: value})

    def dump(self, value):
        if isinstance(value, datetime.date):
            return value.isoformat()
        return value

    def load(self, raw):
        if raw is None and self.nullable:
            return None
        loaders = {"str": str, "int": int, "float": float, "date": datetime.date.fromisoformat}
        if self.kind in ("str", "date") and not isinstance(raw, str):
            raise ValueError("wrong type in cursor")
        if self.kind in ("int", "float") and not isinstance(raw, int | float):
            raise ValueError("wrong type in cursor")
        return loaders[self.kind](raw)


@dataclass
class KeysetPage:
    object_list: list
    count: int
    number: int
    num_pages: int
    next_cursor: str | None = None
    previous_cursor: str | None = None
    last_cursor: str | None = None
    problem: str | None = None

    @property
    def has_next(self) -> bool:
        return self.next_cursor is not None

    @property
    def has_previous(self) -> bool:
        return self.previous_cursor is not None

    @property
    def has_other_pages(self) -> bool:
        return self.num_pages > 1


def ordered(queryset: QuerySet, keys: list[SortKey]) -> QuerySet:
    """``queryset`` annotated with the keys' expressions and ordered by them."""
    annotations = {k.name: k.expression for k in keys if k.expression is not None}
    return queryset.annotate(**annotations).order_by(*(k.order() for k in keys))


def _past(keys: list[SortKey], values: list, reverse: bool) -> Q:
    """Lexicographic "after" (or "before") over all the keys."""
    terms = []
    for index, key in enumerate(keys):
        equal_before = [k.equal(v) for k, v in zip(keys[:index], values[:index], strict=True)]
        terms.append(reduce(and_, [*equal_before, key.beyond(values[index], reverse)]))
    return reduce(or_, terms)


def cursor_after(scope: str, number: int, keys: list[SortKey], row) -> str:
    """A link to page ``number``, which starts after ``row`` (for tools such as
    the benchmark that need a deep page without walking to it)."""
    return _cursor(scope, FORWARD, number, keys, row)


def _cursor(scope: str, direction: str, number: int, keys: list[SortKey], row=None) -> str:
    values = [k.dump(getattr(row, k.name)) for k in keys] if row is not None else []
    return signing.dumps([scope, direction, number, values], salt=SALT, compress=True)


def _read_cursor(token: str, scope: str, keys: list[SortKey]):
    """(direction, number, values), or None for a cursor that is broken, forged
    or from another list or sort order."""
    try:
        cursor_scope, direction, number, raw = signing.loads(token, salt=SALT)
        if cursor_scope != scope or direction not in (FORWARD, BACKWARD, LAST):
            return None
        if not isinstance(number, int) or number < 1:
            return None
        if direction == LAST:
            return direction, number, []
        if not isinstance(raw, list) or len(raw) != len(keys):
            return None
        return direction, number, [k.load(v) for k, v in zip(keys, raw, strict=True)]
    except (signing.BadSignature, ValueError, TypeError):
        return None


def paginate(
    queryset: QuerySet,
    keys: list[SortKey],
    token: str | None,
    *,
    per_page: int,
    count: int,
    scope: str,
) -> KeysetPage:
    """One page of ``queryset`` (already filtered, not yet ordered) in the
    order of ``keys``. ``count`` is the number of rows, which the caller
    usually has from a query it makes anyway. ``scope`` names the list and
    its sort order, so a cursor only works where it was made. Costs one query.
    """
    num_pages = max(1, math.ceil(count / per_page))
    cursor = _read_cursor(token, scope, keys) if token else None
    problem = None
    if token and cursor is None:
        problem = _("Sidan gick inte att läsa. Du ser första sidan.")
    direction, number, values = cursor or (FORWARD, 1, None)
    number = min(number, num_pages)

    base = ordered(queryset, keys)
    reverse = direction in (BACKWARD, LAST)
    if reverse:
        base = base.order_by(*(k.order(reverse=True) for k in keys))
    if values:
        base = base.filter(_past(keys, values, reverse))
    # The last page holds what is left over, so it lines up with the pages
    # reached by walking forward from the first.
    size = count - (num_pages - 1) * per_page if direction == LAST else per_page
    rows = list(base[: max(size, 0) + 1])
    more = len(rows) > size
    rows = rows[:size]
    if reverse:
        rows.reverse()

    if direction == LAST:
        number = num_pages
        more_before, more_after = count > len(rows), False
    elif direction == BACKWARD:
        more_before, more_after = more, True
    else:
        more_before, more_after = values is not None, more
    if not more_before:
        number = 1
    elif not more_after:
        number = num_pages

    page = KeysetPage(
        object_list=rows, count=count, number=number, num_pages=num_pages, problem=problem
    )
    if rows and more_after:
        page.next_cursor = _cursor(scope, FORWARD, number + 1, keys, rows[-1])
        page.last_cursor = _cursor(scope, LAST, num_pages, keys)
    if rows and more_before:
        page.previous_cursor = _cursor(scope, BACKWARD, max(number - 1, 1), keys, rows[0])
    return page
