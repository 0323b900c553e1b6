"""The directory's pages: a page number in the address (``?sida=3``), short
enough to share, read aloud or bookmark.

A number that no longer exists (the registry shrank since the link was made)
opens the last page, and one that cannot be read opens the first; both with a
sentence saying so, never an error. The pages of one result follow each other
in a fixed order, so each record added or removed meanwhile shifts the later
pages by one row.
"""

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

# 1 to 9999999, in ASCII digits: enough for any registry; anything else
# (a word, 0, a minus sign, other scripts' digits) is not a page number.
PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,6}")


@dataclass
class ResultPage:
    """One page of results, named as Django's own ``Page`` names things."""

    count: int
    number: int
    num_pages: int
    problem: str | None = None
    object_list: Sequence = field(default_factory=list)

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_other_pages(self) -> bool:
        return self.num_pages > 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1


@dataclass(frozen=True)
class PageRequest:
    """Where a page starts in the results, and what to tell the person."""

    number: int
    num_pages: int
    offset: int
    problem: str | None


def page_request(
    raw: str | None, *, total: int, per_page: int, past_end: str | None = None
) -> PageRequest:
    """The page ``raw`` (the address's ``sida``) asks for, within ``total``
    results: unreadable gives the first page, past the end the last (with
    ``past_end`` as the sentence, when the end is not fewer results but a limit)."""
    pages = max(1, math.ceil(total / per_page))
    number, problem = 1, None
    if raw not in (None, ""):
        text = raw.strip()
        if PAGE_NUMBER.fullmatch(text):
            number = int(text)
        else:
            problem = _("Sidan gick inte att läsa. Du ser första sidan.")
    if number > pages:
        number = pages
        problem = past_end or _(
            "Den sidan finns inte längre, eftersom det nu finns färre träffar. Du ser sista sidan."
        )
    return PageRequest(number, pages, (number - 1) * per_page, problem)


def result_page(request: PageRequest, count: int) -> ResultPage:
    return ResultPage(
        count=count, number=request.number, num_pages=request.num_pages, problem=request.problem
    )
