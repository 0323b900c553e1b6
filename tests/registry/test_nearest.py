"""Nearest first: the places people can name, the order the database gives
(checked against distances computed here), its pages both ways, the
enterprises without a position, and what the directory page shows."""

import io
import math
import random
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from registry import localities
from registry.localities import chord_to_km, fold, km_to_chord, postal_code, read_geonames
from registry.models import Locality, OfferingKind, PublicationStatus, SocialEnterprise
from registry.pagecache import _key, registry_version
from registry.presentation import distance_text
from registry.selectors import nearest
from registry.selectors.directory_index import directory_index
from registry.selectors.localities import Origin, find_place
from tests.factories import EnterpriseFactory, OfferingFactory

URL = reverse("registry:enterprise_list")
ORIGIN = (59.1685, 18.1405)  # the shipped "136 30" and Centrum


@pytest.fixture(autouse=True)
def nothing_kept():
    """The database's answers kept in this process start empty, so a test's
    query counts do not depend on what an earlier test left (a full memo
    forgets everything at once)."""
    nearest._answers.clear()
    nearest._sorted_few.clear()
    nearest._leading.clear()


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * localities.EARTH_RADIUS_KM * math.asin(math.sqrt(h))


# --- pure ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "code"),
    [("136 40", "13640"), ("13640", "13640"), ("SE-136 40", "13640"), (" se13640 ", "13640")],
)
def test_a_postal_code_is_read_however_it_is_written(typed, code):
    assert postal_code(typed) == code


@pytest.mark.parametrize("typed", ["1364", "136 400", "Norrby", "13a40", ""])
def test_other_text_is_not_a_postal_code(typed):
    assert postal_code(typed) is None


def test_names_are_compared_folded():
    assert fold("  Västra   Frölunda-Centrum ") == "västra frölunda centrum"


def test_the_chord_gives_the_distance_along_the_surface():
    stockholm, gothenburg = (59.3293, 18.0686), (57.7089, 11.9746)
    here = localities.unit_vector(*stockholm)
    there = localities.unit_vector(*gothenburg)
    km = chord_to_km(localities.chord(here, there))
    assert km == pytest.approx(haversine_km(stockholm, gothenburg), rel=1e-9)
    assert 390 < km < 400
    assert chord_to_km(km_to_chord(12.5)) == pytest.approx(12.5)


GEONAMES = (
    "SE\t136 40\tHanden\tStockholm\t01\tHaninge Kommun\t0136\t\t\t59.1681\t18.1374\t4\n"
    "SE\t136 41\tHanden\tStockholm\t01\tHaninge Kommun\t0136\t\t\t59.1601\t18.1454\t4\n"
    "SE\t135 40\tTyresö\tStockholm\t01\tTyresö Kommun\t0138\t\t\t59.2440\t18.2290\t4\n"
    "SE\t999 99\tFel\tx\t\t\t\t\t\tnorth\teast\t1\n"  # unreadable position: left out
    "NO\t0150\tOslo\tOslo\t12\t\t\t\t\t59.91\t10.75\t4\n"  # another country: left out
)


def test_geonames_postal_codes_become_areas_and_towns_at_their_mean():
    rows = read_geonames(io.StringIO(GEONAMES))
    codes = {r.postal_code: r for r in rows if r.kind == "postal_code"}
    towns = {r.name: r for r in rows if r.kind == "town"}
    assert sorted(codes) == ["13540", "13640", "13641"]
    assert codes["13640"].name == "Handen"
    assert towns["Handen"].latitude == pytest.approx((59.1681 + 59.1601) / 2)
    assert sorted(towns) == ["Handen", "Tyresö"]


# --- the places ------------------------------------------------------------------

pytestmark = pytest.mark.django_db


def test_the_shipped_places_are_loaded_by_migrate_and_come_back_after_a_flush():
    shipped = localities.shipped_rows()
    assert Locality.objects.count() == len(shipped)
    Locality.objects.all().delete()
    call_command("migrate", verbosity=0)
    assert Locality.objects.filter(postal_code="13640").get().name == "Exempelkommunen"
    assert Locality.objects.count() == len(shipped)


def test_a_place_is_found_by_postal_code_or_name():
    version = registry_version()
    exact = find_place("136 40", version)
    assert exact.label == "136 40 Exempelkommunen" and exact.source == "Demodata"
    # An unknown code in a known post office's area: the nearest code there.
    near = find_place("13699", version)
    assert near.label == "136 99"
    last = find_place("13679", version)
    assert (near.latitude, near.longitude) == (last.latitude, last.longitude)
    assert find_place("99999", version) is None
    assert find_place("NORRBY", version).label == "Norrby"
    assert find_place("söder", version).label == "Söderdal"  # the start of a name
    assert find_place("Ingenstans", version) is None


def test_load_localities_adds_the_national_list_and_replaces_it_on_reload(tmp_path):
    path = tmp_path / "SE.txt"
    path.write_text(GEONAMES, encoding="utf-8")
    out = io.StringIO()
    call_command("load_localities", str(path), stdout=out)
    assert "3 postnummerområden och 2 orter" in out.getvalue()
    handen = find_place("Handen", registry_version())
    assert handen.source == "GeoNames" and handen.label == "Handen"
    assert find_place("135 40", registry_version()).label == "135 40 Tyresö"

    path.write_text(GEONAMES.splitlines(keepends=True)[0], encoding="utf-8")
    call_command("load_localities", str(path), stdout=io.StringIO())
    assert not Locality.objects.filter(source="GeoNames", postal_code="13540").exists()
    # The shipped places stay.
    assert Locality.objects.filter(source="Demodata", postal_code="13640").exists()


def test_load_localities_refuses_a_file_with_nothing_to_load(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("not geonames\n", encoding="utf-8")
    with pytest.raises(Exception, match="Inga platser"):
        call_command("load_localities", str(path), stdout=io.StringIO())
    assert not Locality.objects.filter(source="GeoNames").exists()


# --- the order ---------------------------------------------------------------------


@pytest.fixture
def spread():
    """Sixty published enterprises up to about 40 km around ORIGIN (two at
    the very same spot), six without a position, four drafts nearby."""
    rng = random.Random(17)  # noqa: S311 - repeatable test data
    where = {}
    for n in range(60):
        lat = ORIGIN[0] + rng.uniform(-0.35, 0.35)
        lon = ORIGIN[1] + rng.uniform(-0.6, 0.6)
        if n == 1:
            lat, lon = next(iter(where.values()))  # the same spot as the first
        enterprise = EnterpriseFactory(latitude=f"{lat:.6f}", longitude=f"{lon:.6f}")
        if n % 3 == 0:
            OfferingFactory(enterprise=enterprise, kind=OfferingKind.PLACEMENT, open_places=2)
        where[enterprise.pk] = (float(enterprise.latitude), float(enterprise.longitude))
    unplaced = [EnterpriseFactory(latitude=None, longitude=None).pk for _ in range(6)]
    for _ in range(4):
        EnterpriseFactory(
            status=PublicationStatus.DRAFT, latitude=f"{ORIGIN[0]:.6f}", longitude="18.140600"
        )
    return where, unplaced


def _expected(where: dict, unplaced: list, keep=lambda pk: True) -> list[int]:
    placed = sorted((haversine_km(ORIGIN, p), pk) for pk, p in where.items() if keep(pk))
    index = directory_index(registry_version())
    name_order = [index.ids[p] for p in index.everything - index.positioned]
    return [pk for _km, pk in placed] + [pk for pk in name_order if pk in unplaced and keep(pk)]


def _walk(client, params: dict) -> tuple[list[int], list]:
    """Every page forward, then back again from the last one."""
    pages, response = [], client.get(URL, params)
    while True:
        page = response.context["page"]
        pages.append(page)
        if not page.has_next:
            break
        response = client.get(URL, {**params, "sida": page.next_page_number})
    forward = [pk for page in pages for pk in page.object_list.ids]
    back = [pages[-1]]
    while back[-1].has_previous:
        back.append(
            client.get(URL, {**params, "sida": back[-1].previous_page_number}).context["page"]
        )
    assert [p.number for p in back] == list(range(len(pages), 0, -1))
    assert [p.object_list.ids for p in reversed(back)] == [p.object_list.ids for p in pages]
    return forward, pages


@pytest.fixture(params=["small", "walk"])
def mode(request, monkeypatch, settings):
    """Both ways the database is asked: every distance at once, or walking
    the index (PostgreSQL) or the growing boxes (SQLite) in small batches."""
    settings.DIRECTORY_PAGE_SIZE = 7
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    if request.param == "walk":
        monkeypatch.setattr(nearest, "SMALL", 0)
        monkeypatch.setattr(nearest, "FIRST_BATCH", 4)
    return request.param


def test_nearest_first_orders_every_result_by_distance_then_those_without_a_position(
    client, spread, mode
):
    where, unplaced = spread
    order, pages = _walk(client, {"nara": "13630"})

    assert order == _expected(where, unplaced)
    assert pages[0].count == 66 and len(pages) == 10
    assert [p.number for p in pages] == list(range(1, 11))


def test_a_deep_page_is_a_slice_of_the_leading_rows_kept_for_the_list(
    client, spread, mode, monkeypatch
):
    where, unplaced = spread
    expected = _expected(where, unplaced)
    client.get(URL, {"nara": "13630", "sida": "7"})  # rows 43-49: the first 64 kept
    walks = []
    walk = nearest._walk
    monkeypatch.setattr(
        nearest, "_walk", lambda order, count: walks.append(count) or walk(order, count)
    )

    eighth = client.get(URL, {"nara": "13630", "sida": "8"}).context["page"]
    last = client.get(URL, {"nara": "13630", "sida": "10"}).context["page"]
    shallow = client.get(URL, {"nara": "13630", "sida": "2"}).context["page"]

    assert eighth.object_list.ids == expected[49:56]
    assert last.object_list.ids == expected[63:66]
    assert shallow.object_list.ids == expected[7:14]
    assert walks == [66, 14]  # page 10 needs all 66 rows; page 2 is walked each time


def test_nearest_first_keeps_the_filters(client, spread, mode):
    where, unplaced = spread
    with_places = set(list(where)[::3])  # every third has open places
    order, pages = _walk(client, {"nara": "13630", "lediga_platser": "on"})

    assert order == _expected(where, unplaced, keep=lambda pk: pk in with_places)
    assert pages[0].count == len(with_places) == 20


def test_the_cards_say_how_far_and_the_page_says_from_where(client, spread, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    where, _unplaced = spread
    response = client.get(URL, {"nara": "136 30", "sortering": "relevans"}, follow=True)
    html = response.content.decode()
    first = response.context["page"].object_list.ids[0]

    km = haversine_km(ORIGIN, where[first])
    shown = re.findall(r'<p class="meta distance">([^<]+)</p>', html)
    assert shown[0] == distance_text(km)
    assert len(shown) == 20
    assert "Närmast först från 136 30 Exempelkommunen." in html
    assert 'value="136 30"' in html  # what was typed stays in the field
    assert '<option value="narmast" selected>' in html  # chosen by the place


def test_another_order_with_a_place_still_shows_the_distances(client, spread, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    response = client.get(URL, {"nara": "Centrum", "sortering": "namn"})
    html = response.content.decode()
    assert "Avstånd från Centrum." in html
    ids = response.context["page"].object_list.ids
    index = directory_index(registry_version())
    assert ids == [index.ids[p] for p in index.everything][:20]  # name order
    assert len(re.findall(r'class="meta distance"', html)) == sum(
        1 for pk in ids if pk in spread[0]
    )


def test_the_browser_position_is_rounded_used_and_never_cached(client, spread, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    response = client.get(URL, {"position": "59.168512,18.140499"})
    html = response.content.decode()
    assert "Närmast först från din position." in html
    assert 'name="position" id="id_position" value="59.17,18.14"' in html
    where = spread[0]
    nearest_one = min(where, key=lambda pk: haversine_km((59.17, 18.14), where[pk]))
    assert response.context["page"].object_list.ids[0] == nearest_one

    request = response.wsgi_request
    assert cache.get(_key(request)) is None  # not kept as a cached page
    plain = client.get(URL, {"nara": "13630"})
    assert cache.get(_key(plain.wsgi_request)) is not None


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"nara": "Ingenstans"}, "Vi hittade inte ”Ingenstans”. Skriv ett postnummer med fem"),
        ({"sortering": "narmast"}, "Skriv ett postnummer eller en ort för att se de närmaste"),
        ({"position": "91,18"}, "Vi kunde inte läsa din position. Skriv ett postnummer"),
        ({"position": "abc"}, "Vi kunde inte läsa din position."),
        ({"position": "nan,nan"}, "Vi kunde inte läsa din position."),
        ({"nara": "x" * 61}, "Säkerställ att detta värde har som mest 60 tecken"),
    ],
)
def test_a_place_that_cannot_be_used_is_told_and_the_list_stays(client, spread, params, message):
    response = client.get(URL, params)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert response.context["page"].count == 66
    assert 'class="meta distance"' not in html
    if "nara" in params and len(params["nara"]) < 61:
        assert f'value="{params["nara"]}"' in html


def test_a_page_number_past_the_end_gives_the_last_page(client, spread, settings):
    settings.DIRECTORY_PAGE_SIZE = 7
    response = client.get(URL, {"nara": "Norrby", "sida": "99"})
    page = response.context["page"]
    assert page.number == page.num_pages == 10  # 66 results, 7 a page
    assert len(page.object_list.ids) == 3
    assert "Den sidan finns inte längre" in response.content.decode()


def test_nearest_first_stops_at_its_page_limit_with_a_sentence(
    client, spread, settings, monkeypatch, django_assert_max_num_queries
):
    settings.DIRECTORY_PAGE_SIZE = 7
    monkeypatch.setattr(nearest, "MAX_PAGES", 3)
    client.get(URL, {"nara": "13630"})  # the index, the place, the first page's cards

    with django_assert_max_num_queries(8):  # distances and cards, never the whole table
        response = client.get(URL, {"nara": "13630", "sida": "9999999"})

    page = response.context["page"]
    assert (page.number, page.num_pages, page.count) == (3, 3, 66)
    assert "Närmast först visar de 21 närmaste. Du ser sista sidan." in response.text


def test_query_count_of_nearest_first(client, spread, settings, django_assert_num_queries):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    settings.DIRECTORY_PAGE_SIZE = 66  # one page: every card rendered once below
    client.get(URL, {"nara": "13630"})  # index, taxonomies, place, distances, cards
    # The same place again: the distances are kept in this process.
    with django_assert_num_queries(0):
        response = client.get(URL, {"nara": "13630"})
    assert len(response.context["page"].object_list.ids) == 66
    # Another position: the distances of the results, one query.
    with django_assert_num_queries(1):
        client.get(URL, {"position": "59.30,18.00"})
    # After a registry write the distances are asked again.
    EnterpriseFactory(latitude=None, longitude=None)
    client.get(URL, {"nara": "13630"})
    with django_assert_num_queries(0):
        client.get(URL, {"nara": "13630"})


def test_query_count_when_walking_the_index(
    client, spread, settings, monkeypatch, django_assert_num_queries
):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    monkeypatch.setattr(nearest, "SMALL", 0)
    first = client.get(URL, {"nara": "13630"}).context["page"]
    with django_assert_num_queries(0):
        client.get(URL, {"nara": "13630"})
    # A new position: one batch from the index fills the page on PostgreSQL;
    # SQLite widens its box (2, 8, then 32 km: the 21 nearest are within it).
    with django_assert_num_queries(1 if connection.vendor == "postgresql" else 3):
        client.get(URL, {"position": "59.17,18.14"})
    # The next page: its cards are new (three queries). PostgreSQL's first batch
    # (FIRST_BATCH rows) already holds it; SQLite widens its box once more.
    with django_assert_num_queries(3 if connection.vendor == "postgresql" else 4):
        client.get(URL, {"nara": "13630", "sida": first.next_page_number})


def test_the_csv_follows_the_nearest_first_order(client, spread):
    where, unplaced = spread
    response = client.get(reverse("registry:enterprise_csv"), {"nara": "13630"})
    lines = b"".join(response.streaming_content).decode().splitlines()[1:]
    names = [line.split(",")[0].strip('"') for line in lines]
    by_pk = dict(SocialEnterprise.objects.values_list("pk", "name"))
    assert names == [by_pk[pk] for pk in _expected(where, unplaced)]


@pytest.mark.postgres
def test_postgresql_walks_its_index_for_the_distance_order(spread):
    origin = Origin(*ORIGIN, label="Centrum")
    database = nearest._Database(origin)
    with connection.cursor() as cursor:
        sql = (
            f"EXPLAIN SELECT id, {nearest.POINT} <-> cube(%s::float8[]) AS chord"  # noqa: S608
            f" FROM registry_socialenterprise WHERE {nearest._POSITIONED}"
            " ORDER BY chord LIMIT 10"
        )
        # A tiny table would be read and sorted anyway: ask for the index's plan.
        cursor.execute("SET enable_seqscan = off")
        cursor.execute("SET enable_sort = off")
        cursor.execute(sql, [database.vector, PublicationStatus.PUBLISHED])
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("RESET enable_seqscan")
        cursor.execute("RESET enable_sort")
    assert "Index Scan using enterprise_position_gist" in plan
    assert "Order By" in plan


def test_with_a_search_text_best_match_stays_the_order_and_distances_are_shown(
    client, spread, settings
):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    response = client.get(
        URL, {"nara": "13630", "q": "företag", "sortering": "relevans"}, follow=True
    )
    html = response.content.decode()
    assert '<option value="relevans" selected>' in html
    assert "Avstånd från 136 30 Exempelkommunen." in html
    assert response.context["page"].count == 66


def test_the_privacy_notice_says_what_happens_to_a_position(client):
    html = client.get(reverse("privacy")).content.decode()
    assert "När du söker företag nära dig" in html
    assert "Vi sparar den inte, inte heller i loggar eller i vår cache." in html


def test_a_position_never_reaches_a_log():
    import logging

    from asfportal.core.logfilters import RedactTokens

    record = logging.LogRecord(
        "django.request",
        logging.WARNING,
        __file__,
        1,
        "Not Found: %s",
        ("/foretag/?q=kafe&position=59.17%2C18.14&sida=x",),
        None,
    )
    RedactTokens().filter(record)
    assert record.getMessage() == "Not Found: /foretag/?q=kafe&position=[position]&sida=x"


def test_a_place_that_is_not_found_is_not_replaced_by_an_earlier_position(client, spread):
    response = client.get(URL, {"nara": "Atlantis", "position": "59.17,18.14"})
    html = response.content.decode()
    assert "Vi hittade inte ”Atlantis”" in html
    assert 'class="meta distance"' not in html
    assert response.context["origin"] is None
