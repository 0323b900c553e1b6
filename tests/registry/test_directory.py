import datetime
import re

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from registry.models import Criterion, OfferingKind, PublicationStatus, SocialEnterprise
from registry.pagecache import bump_registry_version
from tests.factories import (
    AreaFactory,
    EnterpriseFactory,
    IndustryFactory,
    OfferingFactory,
    TargetGroupFactory,
    VerificationFactory,
)

pytestmark = pytest.mark.django_db
URL = reverse("registry:enterprise_list")


def names(response) -> list[str]:
    return [e.name for e in response.context["page"].object_list]


def verify_all(enterprise):
    for criterion in Criterion:
        VerificationFactory(enterprise=enterprise, criterion=criterion)


def test_lists_only_published_enterprises_with_count_and_last_checked(client):
    EnterpriseFactory(name="Synligt", last_checked="2026-05-04")
    EnterpriseFactory(name="Utkast", status=PublicationStatus.DRAFT)
    EnterpriseFactory(name="Arkiverat", status=PublicationStatus.ARCHIVED)

    response = client.get(URL)

    assert names(response) == ["Synligt"]
    html = response.content.decode()
    assert "1 socialt företag" in html
    assert "Senast kontrollerad: 4 maj 2026" in html


def test_text_search_matches_name_description_industry_and_offering(client):
    bakery = EnterpriseFactory(name="Bageriet Surdegen")
    EnterpriseFactory(name="Cykelköket", description="Vi lagar cyklar")
    EnterpriseFactory(name="Gröna", industries=[IndustryFactory(name="Trädgård")])
    OfferingFactory(enterprise=EnterpriseFactory(name="Verkstan"), description="Snickeri")

    assert names(client.get(URL, {"q": "SURDEGEN"})) == [bakery.name]
    assert names(client.get(URL, {"q": "cyklar"})) == ["Cykelköket"]
    assert names(client.get(URL, {"q": "trädgård"})) == ["Gröna"]
    assert names(client.get(URL, {"q": "snickeri"})) == ["Verkstan"]
    assert names(client.get(URL, {"q": "bageriet cyklar"})) == []


def test_filters_combine(client):
    area = AreaFactory(slug="norrby")
    industry = IndustryFactory(slug="stad")
    group = TargetGroupFactory(slug="unga")
    match = EnterpriseFactory(name="Träff", area=area, industries=[industry])
    OfferingFactory(
        enterprise=match, kind=OfferingKind.PLACEMENT, open_places=2, target_groups=[group]
    )
    verify_all(match)
    near_miss = EnterpriseFactory(name="Nästan", area=area, industries=[industry])
    OfferingFactory(enterprise=near_miss, kind=OfferingKind.PLACEMENT, open_places=0)
    verify_all(near_miss)

    response = client.get(
        URL,
        {
            "erbjudande": "praktik",
            "bransch": "stad",
            "malgrupp": "unga",
            "omrade": "norrby",
            "juridisk_form": "ekonomisk_forening",
            "lediga_platser": "1",
            "verifierad": "1",
        },
    )

    assert names(response) == ["Träff"]
    assert "2 lediga platser" in response.content.decode()


def test_verified_filter_needs_all_four_criteria(client):
    full = EnterpriseFactory(name="Alla fyra")
    verify_all(full)
    partial = EnterpriseFactory(name="Tre av fyra")
    for criterion in list(Criterion)[:3]:
        VerificationFactory(enterprise=partial, criterion=criterion)

    assert names(client.get(URL, {"verifierad": "1"})) == ["Alla fyra"]


def test_sorting_by_name_and_by_last_checked(client):
    today = timezone.localdate()
    EnterpriseFactory(name="Björk", last_checked=today - datetime.timedelta(days=10))
    EnterpriseFactory(name="Alm", last_checked=today - datetime.timedelta(days=100))
    EnterpriseFactory(name="Ceder", last_checked=None)  # never checked: stale, so last

    assert names(client.get(URL)) == ["Alm", "Björk", "Ceder"]
    assert names(client.get(URL, {"sortering": "kontrollerad"})) == ["Björk", "Alm", "Ceder"]


@pytest.mark.postgres
def test_name_sort_follows_swedish_alphabet_on_postgres(client):
    for name in ["Örby", "Ängby", "Åby", "Zeta"]:
        EnterpriseFactory(name=name)

    assert names(client.get(URL)) == ["Zeta", "Åby", "Ängby", "Örby"]


def test_pages_are_walked_with_short_numbered_links(client, settings):
    settings.DIRECTORY_PAGE_SIZE = 2
    for index in range(7):
        EnterpriseFactory(name=f"F{index}")

    first = client.get(URL)
    second = client.get(URL, {"sida": first.context["page"].next_page_number})
    third = client.get(URL, {"sida": "3"})
    last = client.get(URL, {"sida": "4"})

    assert names(first) == ["F0", "F1"]
    assert names(second) == ["F2", "F3"]
    assert names(third) == ["F4", "F5"]
    assert names(last) == ["F6"]
    assert "Sida 3 av 4" in third.text
    assert last.context["page"].has_next is False
    assert first.context["page"].has_previous is False
    links = re.findall(r'href="([^"]*)" rel="(prev|next)"', third.text)
    assert links == [("?sida=2#results-heading", "prev"), ("?sida=4#results-heading", "next")]
    assert all(len(href) <= 40 for href, _rel in links)
    assert re.search(r'href="\?sida=4#results-heading">Sista sidan', second.text)
    assert re.search(r'href="\?#results-heading">Första sidan', third.text)
    # Page 2's "previous" is the first page, whose address has no page number.
    assert 'href="?#results-heading" rel="prev"' in second.text


@pytest.mark.parametrize("value", ["två", "9" * 5000, "-3", "0", "1.5", "abc:def:ghi", "8" * 8])
def test_a_page_number_that_cannot_be_read_gives_the_first_page_and_says_so(
    client, settings, value
):
    settings.DIRECTORY_PAGE_SIZE = 2
    for index in range(5):
        EnterpriseFactory(name=f"F{index}")

    response = client.get(URL, {"sida": value})

    assert response.status_code == 200
    assert names(response) == ["F0", "F1"]
    assert "Sidan gick inte att läsa. Du ser första sidan." in response.text


def test_a_page_that_no_longer_exists_gives_the_last_page_and_says_so(client, settings):
    settings.DIRECTORY_PAGE_SIZE = 2
    for index in range(5):
        EnterpriseFactory(name=f"F{index}")
    shared = client.get(URL, {"sida": "3"})
    SocialEnterprise.objects.filter(name__in=["F0", "F1"]).update(status="draft")
    bump_registry_version()

    later = client.get(URL, {"sida": "3"})

    assert names(shared) == ["F4"]
    assert later.status_code == 200
    assert names(later) == ["F4"]
    assert later.context["page"].number == 2
    assert "Den sidan finns inte längre" in later.text
    assert "Du ser sista sidan." in later.text


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"bransch": "finns-inte"}, "Bransch: Välj ett giltigt alternativ"),
        ({"erbjudande": "<script>"}, "Erbjudande: Välj ett giltigt alternativ"),
        ({"q": "x" * 2000}, "som mest 200 tecken"),
        ({"sortering": "'; DROP TABLE"}, "Sortera efter: Välj ett giltigt alternativ"),
        ({"omrade": "\U0001f600\u202e"}, "Område: Välj ett giltigt alternativ"),
    ],
)
def test_bad_parameters_are_ignored_with_a_clear_message(client, params, message):
    EnterpriseFactory(name="Finns")

    response = client.get(URL, params)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert names(response) == ["Finns"]


def test_nul_byte_in_a_parameter_is_a_400_with_a_page(client):
    response = client.get(URL, {"q": "kafé\x00"})
    assert response.status_code == 400
    assert "tecken som inte är tillåtna" in response.content.decode()


def test_markup_in_the_query_is_escaped(client):
    response = client.get(URL, {"q": "<b>fet</b>"})
    assert "<b>fet</b>" not in response.content.decode()
    assert "&lt;b&gt;fet&lt;/b&gt;" in response.content.decode()


def test_htmx_request_gets_only_the_directory_fragment(client):
    EnterpriseFactory(name="Kafé Kornet")

    response = client.get(URL, {"q": "kornet"}, headers={"HX-Request": "true"})

    html = response.content.decode()
    assert html.lstrip().startswith('<div class="container" id="directory">')
    assert 'hx-preserve="true"' in html  # the search box survives the swap
    assert "Kafé Kornet" in html
    assert "<html" not in html
    assert "HX-Request" in response["Vary"]


def test_post_is_not_allowed(client):
    assert client.post(URL).status_code == 405


def _fill(count: int) -> None:
    industry, group = IndustryFactory(), TargetGroupFactory()
    for _ in range(count):
        enterprise = EnterpriseFactory(industries=[industry])
        OfferingFactory(enterprise=enterprise, open_places=1, target_groups=[group])
        verify_all(enterprise)


@pytest.mark.parametrize("count", [5, 50])
def test_query_count_does_not_grow_with_rows(client, django_assert_num_queries, count):
    _fill(count)
    params = {"q": "företag", "lediga_platser": "1", "sortering": "namn"}
    # After a write: the taxonomies and the directory index (2 queries), then
    # the vocabulary for the typed words, the ids the text finds, and the
    # rows, industries and offerings of the cards to render; on PostgreSQL
    # their search snippets.
    with django_assert_num_queries(9 if connection.vendor == "postgresql" else 8):
        response = client.get(URL, params)
    assert response.context["page"].count == count
    # The taxonomies, the index, the text's hits and the rendered cards are
    # kept until the next registry write: another order of the same rows
    # needs no query at all.
    with django_assert_num_queries(0):
        response = client.get(URL, {**params, "sortering": "kontrollerad"})
    assert response.context["page"].count == count


def test_query_count_does_not_grow_with_depth(client, settings, django_assert_num_queries):
    settings.DIRECTORY_PAGE_SIZE = 2
    _fill(9)
    page = client.get(URL).context["page"]
    # The rows, their industries and offerings; counts and order are in memory.
    with django_assert_num_queries(3):
        client.get(URL, {"sida": page.num_pages})
    with django_assert_num_queries(3):
        client.get(URL, {"sida": page.num_pages - 1})


def test_cards_are_kept_in_the_process_and_an_edit_shows_at_once(
    client, settings, django_assert_num_queries
):
    from django.core.cache import cache

    from registry.pagecache import VERSION_KEY

    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    enterprise = EnterpriseFactory(name="Kafé Kornet")
    first = client.get(URL).content.decode()
    # The shared cache loses everything but the version (as after a Redis
    # restart that kept the number): the cards this process rendered serve.
    version = cache.get(VERSION_KEY)
    cache.clear()
    cache.set(VERSION_KEY, version, timeout=None)
    with django_assert_num_queries(0):  # index, taxonomies and cards: all kept here
        again = client.get(URL).content.decode()
    assert again == first

    enterprise.name = "Kafé Kornet & bröd"
    enterprise.save()

    assert "Kafé Kornet &amp; bröd" in client.get(URL).content.decode()


def test_a_sent_forms_empty_fields_are_dropped_from_the_address(client):
    EnterpriseFactory(name="Kafé Kornet")

    sent = client.get(URL, {"q": "kafé", "nara": "", "bransch": "", "sortering": "relevans"})
    clean = client.get(sent["Location"])
    htmx = client.get(URL, {"q": "kafé", "bransch": ""}, headers={"HX-Request": "true"})

    assert sent.status_code == 302
    assert sent["Location"] == URL + "?q=kaf%C3%A9&sortering=relevans"
    assert clean.status_code == 200 and names(clean) == ["Kafé Kornet"]
    assert htmx.status_code == 200
    assert htmx["HX-Push-Url"] == URL + "?q=kaf%C3%A9"
    assert "bransch=" not in htmx.text.split('id="alert-link"')[0].rsplit("href=", 1)[1]
