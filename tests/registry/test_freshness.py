"""Freshness, one rule (registry/freshness.py): the notice on a stale profile,
the line on a stale card, the directory's filter and the advisors' queue, and
stale records sorted after fresh ones (across pages)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from asfportal.core import ordering
from asfportal.core.dates import months_before
from registry.models import SocialEnterprise
from registry.selectors.directory import directory_sort_keys
from tests.factories import EnterpriseFactory, OfferingFactory, TargetGroupFactory

pytestmark = pytest.mark.django_db
URL = reverse("registry:enterprise_list")
STALE_LINE = "De kan vara inaktuella."


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    """Some tests read the view's context, which a cached page has not."""
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0


def months_ago(months: int, extra_days: int = 0) -> datetime.date:
    return months_before(timezone.localdate(), months) - datetime.timedelta(days=extra_days)


def profile_html(client, enterprise) -> str:
    url = reverse("registry:enterprise_detail", kwargs={"slug": enterprise.slug})
    return client.get(url).content.decode()


def names(response) -> list[str]:
    return [e.name for e in response.context["page"].object_list]


def test_profile_checked_exactly_12_months_ago_has_no_notice(client):
    enterprise = EnterpriseFactory(last_checked=months_ago(12))

    html = profile_html(client, enterprise)

    assert STALE_LINE not in html


def test_profile_checked_12_months_and_a_day_ago_says_it_may_be_out_of_date(client):
    enterprise = EnterpriseFactory(last_checked=months_ago(12, extra_days=1), phone="08-12 34 56")

    html = profile_html(client, enterprise)

    assert "Ingen har kontrollerat uppgifterna på över 12 månader." in html
    assert STALE_LINE in html
    assert "Ring eller mejla företaget innan du åker dit." in html
    # The notice sits in the contact block, beside the number to call.
    notice = html.index(STALE_LINE)
    assert html.index('id="kontakt"') < notice < html.index('href="tel:081234')


def test_profile_never_checked_says_the_municipality_has_not_checked_it(client):
    enterprise = EnterpriseFactory(last_checked=None)

    html = profile_html(client, enterprise)

    assert "Kommunen har inte kontrollerat uppgifterna ännu." in html
    assert "på över 12 månader" not in html


def test_profile_notice_follows_the_setting(client, settings):
    settings.FRESH_MONTHS = 6
    enterprise = EnterpriseFactory(last_checked=months_ago(7))

    html = profile_html(client, enterprise)

    assert "Ingen har kontrollerat uppgifterna på över 6 månader." in html


def test_one_rule_for_the_card_the_profile_the_filter_and_the_advisors_queue(
    client, settings, django_user_model
):
    """A record is stale the day after FRESH_MONTHS: the card, the profile
    and the filter say so together; the advisors' queue starts
    REVIEW_NOTICE_DAYS earlier, and says which ones the public sees as stale."""
    from registry.staff.selectors import dashboard_records

    fresh = EnterpriseFactory(name="Färskt", last_checked=months_ago(12))
    stale = EnterpriseFactory(name="Gammalt", last_checked=months_ago(12, extra_days=1))
    EnterpriseFactory(name="Snart", last_checked=months_ago(11, extra_days=5))
    EnterpriseFactory(name="Nytt", last_checked=months_ago(1))

    listed = client.get(URL)
    filtered = client.get(URL, {"bekraftade": "on"})

    stale_cards = {e.name for e in listed.context["page"].object_list if e.is_stale}
    assert stale_cards == {"Gammalt"}
    assert listed.text.count(STALE_LINE) == 1
    assert set(names(filtered)) == {"Färskt", "Snart", "Nytt"}
    assert "vars uppgifter har kontrollerats de senaste 12 månaderna" in listed.text
    assert STALE_LINE in profile_html(client, stale)
    assert STALE_LINE not in profile_html(client, fresh)
    queue = dashboard_records()
    assert {e.name for e in queue.due} == {"Färskt", "Gammalt", "Snart"}
    assert {e.name: bool(e.is_stale) for e in queue.due}["Gammalt"] is True
    assert {e.name: bool(e.is_stale) for e in queue.due}["Snart"] is False


def test_an_old_freshness_setting_stops_the_server(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from asfportal.core.env import env_retired

    monkeypatch.setenv("STALE_AFTER_MONTHS", "18")
    with pytest.raises(ImproperlyConfigured, match="FRESH_MONTHS"):
        env_retired("STALE_AFTER_MONTHS", "FRESH_MONTHS")


def test_stale_profile_query_count_is_unchanged(client, django_assert_num_queries):
    enterprise = EnterpriseFactory(last_checked=None)
    OfferingFactory(
        enterprise=enterprise, target_groups=[TargetGroupFactory()], referrers=["egen_anmalan"]
    )
    url = reverse("registry:enterprise_detail", kwargs={"slug": enterprise.slug})

    # row, industries, languages, offerings, target groups, referrers, verifications
    with django_assert_num_queries(7):
        response = client.get(url)

    assert response.context["is_stale"] is True


def test_directory_card_marks_stale_records_only(client):
    EnterpriseFactory(name="Färskt", last_checked=months_ago(12))
    EnterpriseFactory(name="Gammalt", last_checked=months_ago(12, extra_days=1))
    EnterpriseFactory(name="Aldrig", last_checked=None)

    response = client.get(URL)

    flags = {e.name: e.is_stale for e in response.context["page"].object_list}
    assert flags == {"Färskt": 0, "Gammalt": 1, "Aldrig": 1}
    assert response.content.decode().count(STALE_LINE) == 2


@pytest.mark.parametrize("sort", ["namn", "relevans"])
def test_stale_aaa_comes_after_fresh_ooo(client, sort):
    EnterpriseFactory(name="Aaa", description="kafé", last_checked=months_ago(24))
    EnterpriseFactory(name="Ööö", description="kafé", last_checked=months_ago(1))

    listed = names(client.get(URL, {"sortering": sort}))
    searched = names(client.get(URL, {"sortering": sort, "q": "kafé"}))

    assert listed == ["Ööö", "Aaa"]
    assert searched == ["Ööö", "Aaa"]


def test_checked_order_is_unchanged_newest_first_never_checked_last(client):
    EnterpriseFactory(name="Aaa", last_checked=months_ago(24))
    EnterpriseFactory(name="Bbb", last_checked=None)
    EnterpriseFactory(name="Ööö", last_checked=months_ago(1))

    assert names(client.get(URL, {"sortering": "kontrollerad"})) == ["Ööö", "Aaa", "Bbb"]


@pytest.mark.parametrize("sort", ["namn", "relevans"])
def test_stale_records_come_last_across_page_boundaries_both_ways(client, settings, sort):
    settings.DIRECTORY_PAGE_SIZE = 2
    for name in ["Bbb", "Ddd", "Ööö"]:
        EnterpriseFactory(name=name, last_checked=months_ago(2))
    EnterpriseFactory(name="Aaa", last_checked=months_ago(30))
    EnterpriseFactory(name="Ccc", last_checked=None)
    expected = [["Bbb", "Ddd"], ["Ööö", "Aaa"], ["Ccc"]]

    forward, response = [], client.get(URL, {"sortering": sort})
    forward.append(names(response))
    while response.context["page"].has_next:
        cursor = response.context["page"].next_page_number
        response = client.get(URL, {"sortering": sort, "sida": cursor})
        forward.append(names(response))
    backward = [names(response)]
    while response.context["page"].has_previous:
        cursor = response.context["page"].previous_page_number
        response = client.get(URL, {"sortering": sort, "sida": cursor})
        backward.insert(0, names(response))

    assert forward == expected
    assert backward == expected


def test_name_order_puts_stale_last_without_the_listing_annotation():
    EnterpriseFactory(name="Aaa", last_checked=None)
    EnterpriseFactory(name="Bbb", last_checked=months_ago(1))
    plain = SocialEnterprise.objects.published()

    ordered = ordering.ordered(plain, directory_sort_keys(plain, "name"))

    assert [e.name for e in ordered] == ["Bbb", "Aaa"]


def test_directory_query_count_is_unchanged_with_stale_records(client, django_assert_num_queries):
    for index in range(6):
        EnterpriseFactory(last_checked=None if index % 2 else months_ago(1))
    # The taxonomies, the directory index (2), the cards' rows, industries
    # and offerings: the same as without stale records.
    with django_assert_num_queries(6):
        response = client.get(URL, {"sortering": "namn"})

    assert response.context["page"].count == 6
