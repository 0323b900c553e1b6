"""The in-memory directory index against the database: every facet count and
every order must be exactly what SQL over the same filters gives, and it must
follow every write."""

import dataclasses
import datetime
import random

import pytest
from django.utils import timezone

from registry.models import (
    Criterion,
    Language,
    LegalForm,
    OfferingKind,
    PublicationStatus,
    SocialEnterprise,
)
from registry.selectors.directory import (
    DirectoryQuery,
    directory_page,
    directory_rows,
    filter_directory,
)
from registry.selectors.directory_index import directory_index
from registry.selectors.facets import ACCESS_FIELDS, FACETS
from registry.services.enterprises import enterprise_set_status
from tests.factories import (
    AreaFactory,
    EnterpriseFactory,
    IndustryFactory,
    OfferingFactory,
    TargetGroupFactory,
    VerificationFactory,
)

pytestmark = pytest.mark.django_db
CHECKBOXES = ("open_places", "verified", "confirmed", *ACCESS_FIELDS)


@pytest.fixture
def registry():
    """Forty enterprises with every kind of attribute, some stale, some drafts."""
    rng = random.Random(14)  # noqa: S311 - repeatable test data
    industries = [IndustryFactory(name=n) for n in ("Kafé", "Snickeri", "Städ")]
    groups = [TargetGroupFactory(name=n) for n in ("Unga", "Nyanlända")]
    areas = [AreaFactory(name=n) for n in ("Norrby", "Söderdal", "Ekbacken")]
    today = timezone.localdate()
    words = ["lunch", "bröd", "möbler", "städning", "cyklar"]
    languages = list(Language.objects.filter(code__in=["sv", "ar", "so", "swl"]))
    for n in range(40):
        checked = rng.choice([None, today - datetime.timedelta(days=rng.randint(0, 900))])
        enterprise = EnterpriseFactory(
            name=rng.choice(["Alfa", "Beta", "Ängen", "Åsen", "Ödet", "Zeta"]) + f" {n}",
            legal_form=rng.choice(LegalForm.values),
            area=rng.choice([*areas, None]),
            last_checked=checked,
            description=" ".join(rng.sample(words, 2)),
            industries=rng.sample(industries, rng.randint(0, 2)),
            status=rng.choice([PublicationStatus.PUBLISHED] * 5 + [PublicationStatus.DRAFT]),
            **{field: rng.random() < 0.4 for field in ACCESS_FIELDS},
        )
        enterprise.languages.set(rng.sample(languages, rng.randint(0, 2)))
        for kind in rng.sample(OfferingKind.values, rng.randint(0, 2)):
            OfferingFactory(
                enterprise=enterprise,
                kind=kind,
                open_places=rng.choice([0, 0, 2]),
                target_groups=rng.sample(groups, rng.randint(0, 2)),
            )
        if rng.random() < 0.4:
            for criterion in list(Criterion)[: rng.choice([2, 4])]:
                VerificationFactory(enterprise=enterprise, criterion=criterion)
    return {"industries": industries, "groups": groups, "areas": areas, "languages": languages}


def _options(registry) -> dict[str, list[tuple]]:
    """Per facet, each option as (the query's value, the value the page shows)."""
    terms = {
        "industry": "industries",
        "target_group": "groups",
        "area": "areas",
    }
    return {
        "offering_kind": [(v, v) for v in OfferingKind.values],
        **{facet: [(t.pk, t.slug) for t in registry[name]] for facet, name in terms.items()},
        "legal_form": [(v, v) for v in LegalForm.values],
        "language": [(t.pk, t.slug) for t in Language.objects.all()],  # every one, zeros too
        **{facet: [(True, "1")] for facet in CHECKBOXES},
    }


def _expected_counts(query: DirectoryQuery, options: dict) -> dict[str, dict[str, int]]:
    published = SocialEnterprise.objects.published()
    counts = {}
    for facet in FACETS:
        counts[facet] = {}
        for value, shown in options[facet]:
            chosen = dataclasses.replace(query, **{facet: value})
            counts[facet][shown] = filter_directory(published, chosen).count()
    return counts


def _shown_counts(page) -> dict[str, dict[str, int]]:
    facets = page.facets
    lists = ("offering_kind", "industry", "target_group", "area", "legal_form", "language")
    counts = {f: {o.value: o.count for o in getattr(facets, f)} for f in lists}
    counts |= {f: {"1": getattr(facets, f)} for f in ("open_places", "verified", "confirmed")}
    counts |= {f: {"1": facets.access[f]} for f in ACCESS_FIELDS}
    return counts


def _queries(registry) -> list[DirectoryQuery]:
    industry, area, group = registry["industries"][0], registry["areas"][1], registry["groups"][0]
    return [
        DirectoryQuery(),
        DirectoryQuery(industry=industry.pk),
        DirectoryQuery(area=area.pk, open_places=True),
        DirectoryQuery(target_group=group.pk, verified=True),
        DirectoryQuery(offering_kind=OfferingKind.WORK_TRAINING, confirmed=True),
        DirectoryQuery(legal_form=LegalForm.ECONOMIC_ASSOCIATION, industry=industry.pk),
        DirectoryQuery(text="lunch"),
        DirectoryQuery(text="lunch bröd", area=area.pk),
        DirectoryQuery(text="mobler", open_places=True, sort="checked"),
        DirectoryQuery(language=registry["languages"][1].pk, step_free_entrance=True),
        DirectoryQuery(lift=True, accessible_toilet=True, area=area.pk),
        DirectoryQuery(text="lunch", quiet_workplace=True, language=registry["languages"][0].pk),
    ]


def test_every_facet_count_is_what_sql_counts(registry):
    options = _options(registry)
    for query in _queries(registry):
        page = directory_page(query, page=None, per_page=10)
        assert (
            page.page.count == filter_directory(SocialEnterprise.objects.published(), query).count()
        ), query
        assert _shown_counts(page) == _expected_counts(query, options), query


@pytest.mark.parametrize("sort", ["relevance", "name", "checked"])
def test_walking_the_pages_gives_the_sql_order(registry, sort):
    for query in _queries(registry):
        query = dataclasses.replace(query, sort=sort)
        expected = [e.pk for e in directory_rows(query)]
        walked, number = [], 1
        while True:
            result = directory_page(query, page=str(number), per_page=7)
            walked += result.ids
            if not result.page.has_next:
                break
            number = result.page.next_page_number
        assert walked == expected, query
        assert result.page.num_pages == max(1, -(-len(expected) // 7)), query


def test_a_write_is_counted_at_once_and_a_page_link_still_works(registry, client):
    query = DirectoryQuery(sort="name")
    first = directory_page(query, page=None, per_page=5)
    before = directory_index(first_version := _version())
    # Someone publishes a record that sorts first, and withdraws one on page 2.
    EnterpriseFactory(name="AAA först")
    second = directory_page(query, page=None, per_page=5)
    withdrawn = directory_page(query, page="2", per_page=5).ids[2]
    enterprise_set_status(
        enterprise=SocialEnterprise.objects.get(pk=withdrawn), status=PublicationStatus.DRAFT
    )
    assert _version() != first_version
    assert directory_index(_version()) is not before
    # Page 2 is page 2 of today's order.
    page_two = directory_page(query, page="2", per_page=5)
    order = [e.pk for e in directory_rows(query)]
    assert page_two.ids == order[5:10]
    assert withdrawn not in page_two.ids
    assert second.page.count == first.page.count + 1


def _version() -> int:
    from registry.pagecache import registry_version

    return registry_version()


def test_one_process_builds_the_index_and_the_others_read_it(registry, django_assert_num_queries):
    from registry.selectors.directory_index import forget_index

    version = _version()
    built = directory_index(version)  # this "process" builds it and shares it
    forget_index()  # another process, which has nothing in memory
    with django_assert_num_queries(0):
        shared = directory_index(version)
    assert shared is not built
    assert shared.options == built.options
    assert list(shared.ids) == list(built.ids)


def test_old_signed_cursors_and_odd_exakt_values_give_a_first_page(registry, client):
    from django.core import signing

    first = directory_page(DirectoryQuery(), page=None, per_page=20).ids
    # A bookmark from before page numbers: a long signed cursor.
    old = signing.dumps(["directory?text=''", "f", 2, 7], salt="asfportal.directory", compress=True)
    for value in (old, "2x", " ", "١٢"):  # the last: Arabic-Indic digits
        response = client.get("/foretag/", {"sida": value})
        assert response.status_code == 200
        assert response.context["page"].problem
        assert [e.pk for e in response.context["page"].object_list] == first
    # Any value ticks the hidden checkbox; an empty one does not.
    for value, exact in (("ja", True), ("", False)):
        response = client.get("/foretag/", {"q": "lunch", "exakt": value})
        assert ("Visar bara träffar för exakt det du skrev" in response.text) is exact
