"""Free-text search: Swedish full-text search with typo tolerance on
PostgreSQL, whole words on SQLite, and "Menade du …?" on both."""

import pytest
from django.urls import reverse

from registry.models import OfferingKind
from tests.factories import AreaFactory, EnterpriseFactory, IndustryFactory, OfferingFactory

pytestmark = pytest.mark.django_db
URL = reverse("registry:enterprise_list")


def names(response) -> list[str]:
    return [e.name for e in response.context["page"].object_list]


def test_whole_words_are_found_on_every_backend(client):
    EnterpriseFactory(name="Bageriet Surdegen", description="Vi bakar bröd varje morgon.")
    EnterpriseFactory(name="Cykelköket")
    assert names(client.get(URL, {"q": "bröd"})) == ["Bageriet Surdegen"]
    assert names(client.get(URL, {"q": "Cykelköket"})) == ["Cykelköket"]


def test_empty_result_suggests_the_closest_names(client):
    EnterpriseFactory(name="Bageriet Surdegen")
    EnterpriseFactory(name="Cykelköket")
    response = client.get(URL, {"q": "Bagerit Surdgenx Lund"})
    assert names(response) == []
    assert response.context["suggestions"] == ["Bageriet Surdegen"]
    assert "Menade du" in response.text
    assert "?q=Bageriet%20Surdegen" in response.text


@pytest.mark.postgres
def test_swedish_stemming_finds_other_forms_of_a_word(client):
    EnterpriseFactory(name="Alfa", short_description="Kort.", description="Ett litet företag.")
    EnterpriseFactory(name="Beta", short_description="Kort.", description="Ett bageri.")
    assert names(client.get(URL, {"q": "företagen"})) == ["Alfa"]
    assert names(client.get(URL, {"q": "bagerier"})) == ["Beta"]


@pytest.mark.postgres
def test_prefixes_match_as_one_types(client):
    EnterpriseFactory(name="Kaféet Kornet")
    assert names(client.get(URL, {"q": "kafé"})) == ["Kaféet Kornet"]
    assert names(client.get(URL, {"q": "kor"})) == ["Kaféet Kornet"]


@pytest.mark.postgres
def test_name_hits_rank_before_description_hits(client):
    EnterpriseFactory(name="Ankaret", description="Vi gillar snickarglädje och trä.")
    EnterpriseFactory(name="Snickarglädje")
    assert names(client.get(URL, {"q": "snickarglädje"})) == ["Snickarglädje", "Ankaret"]


@pytest.mark.postgres
def test_a_misspelt_name_still_finds_it(client):
    EnterpriseFactory(name="Bageriet Surdegen")
    EnterpriseFactory(name="Cykelköket")
    assert names(client.get(URL, {"q": "Bagriet Surdegen"})) == ["Bageriet Surdegen"]
    assert names(client.get(URL, {"q": "Cykelkoket"})) == ["Cykelköket"]


@pytest.mark.postgres
def test_snippet_marks_the_hit_and_escapes_the_text(client):
    EnterpriseFactory(name="Bageriet", description='Vi bakar surdegsbröd & "limpor" <i>dagligen.')
    html = client.get(URL, {"q": "surdegsbröd"}).text
    assert "<mark>surdegsbröd</mark> &amp; &quot;limpor&quot;" in html
    assert "<i>" not in html


@pytest.mark.postgres
def test_search_query_syntax_is_just_text(client):
    EnterpriseFactory(name="Alfa")
    assert names(client.get(URL, {"q": "alfa:* | !"})) == ["Alfa"]  # operators are ignored
    for text in ["& | ! :* ( )", "'); DROP TABLE x; --", "!!!", "och"]:
        assert names(client.get(URL, {"q": text})) == []


@pytest.mark.postgres
def test_text_query_with_two_filters_query_count(client, django_assert_max_num_queries):
    area = AreaFactory(slug="norrby")
    cafe = IndustryFactory(slug="cafe")
    for index in range(30):
        enterprise = EnterpriseFactory(
            name=f"Kafé {index}", area=area, industries=[cafe], description="Lunch och bröd."
        )
        OfferingFactory(enterprise=enterprise, kind=OfferingKind.WORK_TRAINING)
    client.get(URL)  # the taxonomies are now cached, as on any busy site
    # The vocabulary, counts and facets, rows, industries, offerings: 5, within 6.
    with django_assert_max_num_queries(5):
        response = client.get(URL, {"q": "lunch", "bransch": "cafe", "omrade": "norrby"})
    assert response.context["page"].count == 30


@pytest.mark.postgres
def test_bulk_rebuild_gives_the_same_vector_as_a_single_write():
    from django.db import connection

    from registry.models import SocialEnterprise
    from registry.services.search import (
        enterprise_refresh_search_document,
        rebuild_search_vectors,
    )

    enterprise = EnterpriseFactory(
        name="Kafé Linden", short_description="Lunch.", industries=[IndustryFactory(name="Bageri")]
    )
    OfferingFactory(enterprise=enterprise, kind=OfferingKind.WORK_TRAINING, description="I köket.")
    enterprise_refresh_search_document(enterprise=enterprise)
    single = SocialEnterprise.objects.values_list("search_vector", flat=True).get()

    with connection.cursor() as cursor:
        cursor.execute("UPDATE registry_socialenterprise SET search_vector = NULL")
    rebuild_search_vectors()

    assert SocialEnterprise.objects.values_list("search_vector", flat=True).get() == single


def test_the_exact_spelling_ranks_above_the_one_with_diacritics(client):
    EnterpriseFactory(name="Alfa", description="Ett kafé vid torget.")
    EnterpriseFactory(name="Beta", description="Ett kafe vid hamnen.")
    response = client.get(URL, {"q": "kafe"})
    assert names(response) == ["Beta", "Alfa"]
    assert not response.context["search"].corrected  # "kafe" was found as typed
    # And the other way round: é finds e, the exact spelling first.
    assert names(client.get(URL, {"q": "kafé"})) == ["Alfa", "Beta"]


def test_target_groups_area_and_town_are_searched(client):
    from tests.factories import TargetGroupFactory

    group = TargetGroupFactory(name="Nyanlända")
    enterprise = EnterpriseFactory(name="Alfa", area=AreaFactory(name="Söderdal"), city="Tyresö")
    OfferingFactory(enterprise=enterprise, target_groups=[group])
    EnterpriseFactory(name="Beta")
    for query in ["nyanlanda", "Söderdal", "tyreso"]:
        assert names(client.get(URL, {"q": query})) == ["Alfa"], query


def test_only_published_words_enter_the_vocabulary_and_a_rebuild_drops_withdrawn_ones():
    from registry.models import PublicationStatus, SearchWord
    from registry.services.enterprises import enterprise_set_status
    from registry.services.search import rebuild_vocabulary

    draft = EnterpriseFactory(name="Hemligtnamn", status=PublicationStatus.DRAFT)
    assert not SearchWord.objects.filter(word="hemligtnamn").exists()
    enterprise_set_status(enterprise=draft, status=PublicationStatus.PUBLISHED)
    assert SearchWord.objects.filter(word="hemligtnamn", folded="hemligtnamn").exists()

    enterprise_set_status(enterprise=draft, status=PublicationStatus.ARCHIVED)
    assert SearchWord.objects.filter(word="hemligtnamn").exists()  # writes only add
    rebuild_vocabulary()
    assert not SearchWord.objects.filter(word="hemligtnamn").exists()


def test_a_renamed_area_or_target_group_is_searched_by_its_new_name(client):
    from registry.services.taxonomies import taxonomy_save
    from tests.factories import TargetGroupFactory

    area = AreaFactory(name="Söderdal")
    group = TargetGroupFactory(name="Unga vuxna")
    enterprise = EnterpriseFactory(name="Alfa", area=area)
    OfferingFactory(enterprise=enterprise, target_groups=[group])
    area.name = "Sjöstaden"
    taxonomy_save(term=area)
    group.name = "Ungdomar"
    taxonomy_save(term=group)
    assert names(client.get(URL, {"q": "sjöstaden ungdomar"})) == ["Alfa"]
    assert names(client.get(URL, {"q": "söderdal"})) == []


def test_punctuation_only_finds_nothing_and_an_empty_text_filters_nothing(client):
    EnterpriseFactory(name="Alfa")
    assert names(client.get(URL, {"q": "!!! ---"})) == []
    assert names(client.get(URL, {"q": "   "})) == ["Alfa"]


def test_the_longest_queries_are_searched_without_an_error(client):
    EnterpriseFactory(name="Alfa")
    for text in ["å" * 200, "alfa " + "x" * 194, " ".join(["abcdefghijklmnopqrs"] * 10)]:
        response = client.get(URL, {"q": text})
        assert response.status_code == 200
        assert names(response) == []
