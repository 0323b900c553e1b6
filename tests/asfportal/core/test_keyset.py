"""asfportal.core.keyset on its own: any list with a total order, paged by
signed cursors, every page one query."""

import datetime

import pytest
from django.core import signing

from asfportal.core import keyset
from asfportal.core.keyset import SortKey
from registry.models import SocialEnterprise
from tests.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db

BY_NAME = [SortKey("name"), SortKey("pk", kind="int")]
BY_CHECKED = [
    SortKey("last_checked", descending=True, nullable=True, kind="date"),
    SortKey("pk", kind="int"),
]


def make(count: int, **fields) -> list[SocialEnterprise]:
    return [EnterpriseFactory(name=f"F{index:02d}", **fields) for index in range(count)]


def page_of(token=None, keys=BY_NAME, per_page=3, scope="test"):
    queryset = SocialEnterprise.objects.all()
    return keyset.paginate(
        queryset, keys, token, per_page=per_page, count=queryset.count(), scope=scope
    )


def names(page) -> list[str]:
    return [row.name for row in page.object_list]


def test_forward_backward_and_last_page():
    make(7)
    first = page_of()
    second = page_of(first.next_cursor)
    last = page_of(first.last_cursor)
    back = page_of(last.previous_cursor)

    assert (names(first), first.number, first.num_pages) == (["F00", "F01", "F02"], 1, 3)
    assert (names(second), second.number) == (["F03", "F04", "F05"], 2)
    assert (names(last), last.number, last.has_next) == (["F06"], 3, False)
    assert (names(back), back.number) == (["F03", "F04", "F05"], 2)
    assert first.has_previous is False and first.has_other_pages


def test_nulls_come_last_in_both_directions():
    today = datetime.date(2026, 11, 1)
    EnterpriseFactory(name="Aldrig", last_checked=None)
    EnterpriseFactory(name="Nyss", last_checked=today)
    EnterpriseFactory(name="Länge sedan", last_checked=today - datetime.timedelta(days=400))
    EnterpriseFactory(name="Också aldrig", last_checked=None)

    first = page_of(keys=BY_CHECKED, per_page=2)
    second = page_of(first.next_cursor, keys=BY_CHECKED, per_page=2)
    back = page_of(second.previous_cursor, keys=BY_CHECKED, per_page=2)

    assert names(first) == ["Nyss", "Länge sedan"]
    assert names(second) == ["Aldrig", "Också aldrig"]
    assert names(back) == names(first)


def test_each_page_is_one_query(django_assert_num_queries):
    make(9)
    last = page_of().last_cursor
    with django_assert_num_queries(1):
        keyset.paginate(
            SocialEnterprise.objects.all(), BY_NAME, last, per_page=3, count=9, scope="test"
        )


@pytest.mark.parametrize(
    "token",
    [
        "inte-en-sida",
        signing.dumps(["test", "f", 2, ["F02"]], salt=keyset.SALT),  # wrong number of keys
        signing.dumps(["test", "x", 2, ["F02", 3]], salt=keyset.SALT),  # no such direction
        signing.dumps(["test", "f", 0, ["F02", 3]], salt=keyset.SALT),  # no page 0
        signing.dumps(["test", "f", 2, [3, "F02"]], salt=keyset.SALT),  # keys of wrong types
        signing.dumps(["test", "f", 2, ["F02", 3]], salt="another salt"),  # forged
    ],
    # Signed values hold the time: named, so every test process collects the same ids.
    ids=["not-a-cursor", "key-count", "direction", "page-0", "key-types", "forged"],
)
def test_a_broken_or_forged_cursor_gives_the_first_page_and_says_so(token):
    make(5)
    page = page_of(token)
    assert names(page) == ["F00", "F01", "F02"]
    assert page.problem == "Sidan gick inte att läsa. Du ser första sidan."


def test_a_cursor_works_only_in_the_list_it_was_made_for():
    make(5)
    cursor = page_of(scope="en lista").next_cursor
    assert page_of(cursor, scope="en annan lista").problem is not None
    assert page_of(cursor, scope="en lista").problem is None


def test_cursor_after_links_straight_to_a_deep_page():
    rows = make(10)
    ordered = list(keyset.ordered(SocialEnterprise.objects.all(), BY_NAME))
    cursor = keyset.cursor_after("test", 3, BY_NAME, ordered[5])

    page = page_of(cursor)

    assert (names(page), page.number) == (["F06", "F07", "F08"], 3)
    assert len(rows) == 10


def test_an_empty_list_is_one_empty_page():
    page = page_of()
    assert (page.object_list, page.number, page.num_pages, page.has_next) == ([], 1, 1, False)
