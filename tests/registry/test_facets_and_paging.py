"""Facet counts against a brute-force count, and numbered pages against the
whole ordered list, for every sort order."""

import datetime
import random

import pytest
from django.urls import reverse

from registry.models import Criterion, LegalForm, OfferingKind, SocialEnterprise
from registry.selectors.directory import directory_rows
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
WORDS = ["kafé", "cykel", "trädgård", "städ", "bageri", "snickeri"]


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    """These tests read the view's context, which a cached page has not."""
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0


@pytest.fixture
def registry():
    """A seeded, varied registry of 40 enterprises."""
    rng = random.Random(5)  # noqa: S311 - seeded test data, not secrets
    industries = [IndustryFactory() for _ in range(4)]
    groups = [TargetGroupFactory() for _ in range(3)]
    areas = [AreaFactory() for _ in range(3)]
    for index in range(40):
        enterprise = EnterpriseFactory(
            name=f"{rng.choice(WORDS).capitalize()} {index:02d}",
            description=" ".join(rng.sample(WORDS, 2)),
            area=rng.choice([*areas, None]),
            legal_form=rng.choice(LegalForm.values),
            industries=rng.sample(industries, rng.randint(0, 2)),
            last_checked=rng.choice([None, datetime.date(2026, 1, 1 + index % 3)]),
        )
        for kind in rng.sample(OfferingKind.values, rng.randint(0, 2)):
            OfferingFactory(
                enterprise=enterprise,
                kind=kind,
                open_places=rng.choice([0, 0, 2]),
                target_groups=rng.sample(groups, rng.randint(0, 2)),
            )
        if rng.random() < 0.3:
            for criterion in Criterion:
                VerificationFactory(enterprise=enterprise, criterion=criterion)
    return {"industries": industries, "groups": groups, "areas": areas}


def result_ids(client, params) -> set[int]:
    """Brute force: every page of the result, followed link by link."""
    ids, response = set(), client.get(URL, params)
    while True:
        page = response.context["page"]
        ids |= {e.pk for e in page.object_list}
        if not page.has_next:
            return ids
        response = client.get(URL, {**params, "sida": page.next_page_number})


@pytest.mark.parametrize(
    "params",
    [{}, {"q": "kafé"}, {"lediga_platser": "on"}, {"q": "cykel", "verifierad": "on"}],
    ids=["all", "text", "open-places", "text-and-verified"],
)
def test_every_facet_count_is_the_number_of_results_choosing_it_gives(client, registry, params):
    response = client.get(URL, params)
    facets = response.context["facets"]
    checked = 0
    for name, options in [
        ("erbjudande", facets.offering_kind),
        ("bransch", facets.industry),
        ("malgrupp", facets.target_group),
        ("omrade", facets.area),
        ("juridisk_form", facets.legal_form),
    ]:
        for option in options:
            expected = len(result_ids(client, {**params, name: option.value}))
            assert option.count == expected, (name, option)
            checked += 1
    for name, count in [("lediga_platser", facets.open_places), ("verifierad", facets.verified)]:
        assert count == len(result_ids(client, {**params, name: "on"})), name
    assert checked > 15
    assert response.context["page"].count == len(result_ids(client, params))


def test_facet_counts_show_in_the_form(client, registry):
    industry = registry["industries"][0]
    expected = SocialEnterprise.objects.published().filter(industries=industry).count()
    html = client.get(URL).text
    assert f'<option value="{industry.slug}">{industry.name} ({expected})</option>' in html


SORTS = ["namn", "kontrollerad", "relevans"]


@pytest.mark.parametrize("sort", SORTS)
@pytest.mark.parametrize("query", ["", "kafé"])
def test_walking_the_pages_both_ways_gives_each_result_once_in_order(
    client, settings, registry, sort, query
):
    settings.DIRECTORY_PAGE_SIZE = 3
    params = {"sortering": sort, **({"q": query} if query else {})}
    first = client.get(URL, params, follow=True)
    whole = list(directory_rows(first.context["form"].query()).values_list("pk", flat=True))

    forward, response = [], first
    while True:
        page = response.context["page"]
        forward += [e.pk for e in page.object_list]
        if not page.has_next:
            break
        response = client.get(URL, {**params, "sida": page.next_page_number}, follow=True)
    assert forward == whole
    assert response.context["page"].number == response.context["page"].num_pages

    backward = [e.pk for e in response.context["page"].object_list]
    while response.context["page"].has_previous:
        response = client.get(
            URL, {**params, "sida": response.context["page"].previous_page_number}
        )
        backward = [e.pk for e in response.context["page"].object_list] + backward
    assert backward == whole
    assert response.context["page"].number == 1


def test_checked_order_puts_never_checked_records_last(client, registry):
    response = client.get(URL, {"sortering": "kontrollerad"})
    page = response.context["page"]
    last = client.get(URL, {"sortering": "kontrollerad", "sida": page.num_pages})
    assert all(e.last_checked is None for e in last.context["page"].object_list)
    assert page.object_list[0].last_checked == datetime.date(2026, 1, 3)


def test_checkbox_labels_carry_their_counts_on_the_page(client, registry):
    expected = len(result_ids(client, {"q": "kafé", "lediga_platser": "on"}))
    html = client.get(URL, {"q": "kafé"}).text
    assert f"Bara företag med lediga platser ({expected})</label>" in html
