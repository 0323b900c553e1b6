"""The HSDS 3.0 API: every answer validates against the standard's schemas,
only public records appear, filters combine with AND, bad input is a 400
problem, and lists cost a fixed number of queries."""

import datetime
import json
import uuid

import pytest
from django.utils import timezone

from opendata import vocabulary
from opendata.selectors import all_organizations
from registry.models import Language, PartnerTopic, PublicationStatus, SocialEnterprise
from tests.factories import (
    EnterpriseFactory,
    IndustryFactory,
    OfferingFactory,
    PartnerFactory,
    PlaceFactory,
    SessionFactory,
    TargetGroupFactory,
    UserFactory,
    VerificationFactory,
)
from tests.opendata.hsds_schemas import errors, page_errors

pytestmark = pytest.mark.django_db

API = "/api/hsds/"


@pytest.fixture
def registry_data():
    advisor = UserFactory(username="handlaggare-hemlig", first_name="Hemlig", last_name="Rådgivare")
    cafe = IndustryFactory(name="Café", slug="cafe")
    young = TargetGroupFactory(name="Unga vuxna", slug="unga")
    kornet = EnterpriseFactory(
        name="Kafé Kornet",
        description="Kafé med lunch.",
        email="info@kornet.se",
        phone="08-12 34 56",
        street_address="Storgatan 1",
        postal_code="123 45",
        city="Exempelby",
        contact_name="Anna Lind",
        opening_hours="Mån–fre 8–16",
        industries=[cafe],
        last_checked_by=advisor,
        last_checked_source="advisor",
        skoopi_certified_on=datetime.date(2025, 3, 1),
        skoopi_valid_until=datetime.date(2027, 3, 1),
        lou_share_percent=45,
        lou_checked_on=datetime.date(2026, 1, 10),
        step_free_entrance=True,
        hearing_loop=True,
        public_transport=True,
        transit_stop="Busshållplats Torget, 200 meter",
    )
    kornet.languages.set(Language.objects.filter(code__in=["sv", "ar", "swl"]))
    training = OfferingFactory(
        enterprise=kornet,
        kind="arbetstraning",
        open_places=2,
        target_groups=[young],
        referrers=["arbetsformedlingen", "egen_anmalan"],
    )
    job = OfferingFactory(enterprise=kornet, kind="anstallning", description="")
    VerificationFactory(enterprise=kornet, criterion=1, verified_by=advisor)
    VerificationFactory(enterprise=kornet, criterion=2, verified=False, verified_at=None)
    VerificationFactory(enterprise=kornet, criterion=3, verified=None)  # set back: not assessed
    cykel = EnterpriseFactory(name="Cykelverkstan")
    repair = OfferingFactory(enterprise=cykel, kind="praktik")
    draft = EnterpriseFactory(name="Hemligt Utkast", status=PublicationStatus.DRAFT)
    OfferingFactory(enterprise=draft)
    archived = EnterpriseFactory(name="Gammalt Arkiv", status=PublicationStatus.ARCHIVED)
    OfferingFactory(enterprise=archived)
    partner = PartnerFactory(
        name="Coompanion Exempel", slug="coompanion", email="hej@coompanion.se"
    )
    start = PartnerTopic.objects.create(partner=partner, topic="starta")
    place = PlaceFactory(
        partner=partner, name="Stadsbiblioteket", city="Exempelby", postal_code="123 45"
    )
    session = SessionFactory(place=place, title="Drop-in om att starta")
    return {
        "kornet": kornet,
        "training": training,
        "job": job,
        "cykel": cykel,
        "repair": repair,
        "draft": draft,
        "archived": archived,
        "partner": partner,
        "start": start,
        "place": place,
        "session": session,
        "cafe": cafe,
        "young": young,
    }


def get(client, path: str, **params):
    response = client.get(API + path, params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def ids(answer) -> list[str]:
    return [item["id"] for item in answer["contents"]]


def test_the_root_announces_version_profile_and_openapi(client):
    answer = get(client, "")

    assert answer["version"] == "3.0"
    assert answer["profile"] == "http://127.0.0.1:8000/oppna-data/#hsds"
    assert answer["openapi_url"] == "http://127.0.0.1:8000/api/hsds/openapi.json"


LISTS = [
    ("services", {}, "compiled/service_list.json"),
    ("services", {"full": "true"}, "service.json"),
    ("services", {"minimal": "true"}, "compiled/service_list.json"),
    ("organizations", {}, "compiled/organization_list.json"),
    ("organizations", {"full": "true"}, "organization.json"),
    ("organizations", {"full_service": "true"}, "organization.json"),
    ("service_at_locations", {}, "compiled/service_at_location_list.json"),
    ("service_at_locations", {"full": "true"}, "service_at_location.json"),
    ("taxonomies", {}, "taxonomy.json"),
    ("taxonomy_terms", {}, "taxonomy_term.json"),
]


@pytest.mark.parametrize(("path", "params", "schema"), LISTS)
def test_every_list_validates_against_the_hsds_schemas(client, registry_data, path, params, schema):
    answer = get(client, path, per_page=100, **params)

    assert page_errors(answer, schema) == []
    assert answer["size"] == len(answer["contents"]) > 0


def test_every_object_validates_and_has_its_nested_parts(client, registry_data):
    data = registry_data
    service = get(client, f"services/{data['training'].uuid}")
    organization = get(client, f"organizations/{data['kornet'].uuid}", full_service="true")
    partner = get(client, f"organizations/{data['partner'].uuid}")
    at_location = get(client, f"service_at_locations/{data['training'].at_location_uuid}")
    topic = get(client, f"services/{data['start'].uuid}")
    kind = vocabulary.offering_kind_terms()["arbetstraning"]
    term = get(client, f"taxonomy_terms/{kind.id}")
    taxonomy = get(client, f"taxonomies/{vocabulary.ASF_FACT.id}")

    for answer, schema in [
        (service, "service.json"),
        (organization, "organization.json"),
        (partner, "organization.json"),
        (at_location, "service_at_location.json"),
        (topic, "service.json"),
        (term, "taxonomy_term.json"),
        (taxonomy, "taxonomy.json"),
    ]:
        assert errors(answer, schema) == []
    assert service["name"] == "Arbetsträning hos Kafé Kornet"
    assert service["organization_id"] == str(data["kornet"].uuid)
    assert service["eligibility_description"] == "Unga vuxna"
    (sal,) = service["service_at_locations"]
    assert sal["location"]["addresses"][0]["address_1"] == "Storgatan 1"
    assert sal["location"]["schedules"][0]["description"] == "Mån–fre 8–16"
    assert (term["name"], term["taxonomy"]) == ("Arbetsträning", "Typ av erbjudande")
    (identifier,) = organization["organization_identifiers"]
    assert identifier["identifier"] == data["kornet"].org_number_display
    assert identifier["identifier_scheme"] == "SE-BLV"
    assert [s["id"] for s in organization["services"]] == [
        str(data["training"].uuid),
        str(data["job"].uuid),
    ]
    (place,) = partner["locations"]
    session_schedule = [s for s in place["schedules"] if s["id"] == str(data["session"].uuid)]
    starts = timezone.localtime(data["session"].starts_at)
    assert session_schedule[0]["opens_at"] == starts.strftime("%H:%M")
    assert session_schedule[0]["valid_from"] == starts.date().isoformat()
    assert topic["service_at_locations"][0]["location_id"] == str(data["place"].uuid)


def test_languages_and_accessibility_are_hsds_objects(client, registry_data):
    kornet = registry_data["kornet"]
    service = get(client, f"services/{registry_data['training'].uuid}")
    location = service["service_at_locations"][0]["location"]

    assert [(x["code"], x["name"]) for x in service["languages"]] == [
        ("sv", "svenska"), ("ar", "arabiska"), ("swl", "svenskt teckenspråk"),
    ]  # fmt: skip
    assert {x["service_id"] for x in service["languages"]} == {str(registry_data["training"].uuid)}
    assert [x["code"] for x in location["languages"]] == ["sv", "ar", "swl"]
    assert [x["description"] for x in location["accessibility"]] == [
        "Entré utan trappsteg",
        "Hörslinga",
        "Nära kollektivtrafik",
    ]
    assert {x["location_id"] for x in location["accessibility"]} == {str(kornet.location_uuid)}
    assert location["transportation"] == "Busshållplats Torget, 200 meter"
    assert errors(service, "service.json") == []
    again = get(client, f"services/{registry_data['training'].uuid}")
    assert again["languages"][0]["id"] == service["languages"][0]["id"]  # stable ids


def attributes(answer) -> dict[str, str | None]:
    return {a["taxonomy_term"]["code"]: a.get("value") for a in answer["attributes"]}


def test_asf_facts_are_attributes_with_their_values(client, registry_data):
    data = registry_data
    organization = attributes(get(client, f"organizations/{data['kornet'].uuid}"))
    service = attributes(get(client, f"services/{data['training'].uuid}"))

    verified_on = timezone.localdate(data["kornet"].verifications.get(criterion=1).verified_at)
    assert organization == {
        # Three states: 1 met, 2 not met, 3 and 4 not assessed (no attribute).
        "kriterium-1": verified_on.isoformat(),
        "kriterium-2-inte-uppfyllt": None,
        "skoopi-certifierad": "2025-03-01",
        "skoopi-giltig-till": "2027-03-01",
        "lou-4-18-andel": "45",
        "lou-4-18-kontrollerat": "2026-01-10",
        "senast-kontrollerad-av": "kommunen",
        "cafe": None,
    }
    assert service == {
        "arbetstraning": None,
        "unga": None,
        "arbetsformedlingen": None,
        "egen_anmalan": None,
        "cafe": None,
        data["kornet"].area.slug: None,
        "lediga-platser": "2",
        "senast-kontrollerad-av": "kommunen",
    }
    assert get(client, f"services/{data['training'].uuid}")["assured_date"] == (
        data["kornet"].last_checked.isoformat()
    )


def test_drafts_archived_records_and_staff_never_appear(client, registry_data):
    data = registry_data
    texts = [
        client.get(API + path, {"per_page": 100, **params}).text for path, params, _s in LISTS
    ] + [client.get(API + f"organizations/{data['kornet'].uuid}", {"full_service": "true"}).text]

    for text in texts:
        for secret in ("Hemligt Utkast", "Gammalt Arkiv", "handlaggare-hemlig", "Hemlig"):
            assert secret not in text
        assert str(data["draft"].uuid) not in text
    for hidden in (data["draft"], data["archived"]):
        offering = hidden.offerings.get()
        assert client.get(API + f"organizations/{hidden.uuid}").status_code == 404
        assert client.get(API + f"services/{offering.uuid}").status_code == 404
        assert (
            client.get(API + f"service_at_locations/{offering.at_location_uuid}").status_code == 404
        )


def test_ids_stay_when_the_name_and_slug_change(client, registry_data):
    kornet = registry_data["kornet"]
    before = get(client, f"organizations/{kornet.uuid}")
    kornet.name, kornet.slug = "Kornet AB", "kornet-ab"
    kornet.save()

    after = get(client, f"organizations/{kornet.uuid}")

    assert after["name"] == "Kornet AB"
    assert after["id"] == before["id"]
    assert [s["id"] for s in after["services"]] == [s["id"] for s in before["services"]]


def test_filters_are_cumulative(client, registry_data):
    data = registry_data
    kind = vocabulary.offering_kind_terms()
    topic = vocabulary.help_topic_terms()["starta"]

    def service_ids(**params):
        return set(ids(get(client, "services", per_page=100, **params)))

    everything = service_ids()
    assert everything == {str(data[name].uuid) for name in ("training", "job", "repair", "start")}
    assert service_ids(organization_id=data["kornet"].uuid) == {
        str(data["training"].uuid),
        str(data["job"].uuid),
    }
    assert service_ids(taxonomy_term_id=kind["arbetstraning"].id) == {str(data["training"].uuid)}
    assert service_ids(taxonomy_term_id=data["young"].uuid) == {str(data["training"].uuid)}
    assert service_ids(taxonomy_term_id=data["cafe"].uuid) == {
        str(data["training"].uuid),
        str(data["job"].uuid),
    }
    assert service_ids(taxonomy_term_id=topic.id) == {str(data["start"].uuid)}
    assert service_ids(taxonomy_term_id=vocabulary.FACT_OPEN_PLACES.id) == {
        str(data["training"].uuid)
    }
    # The three states: criterion 2 not met, criterion 3 not assessed (no term matches).
    kornets = {str(data["training"].uuid), str(data["job"].uuid)}
    assert service_ids(taxonomy_term_id=vocabulary.FACT_CRITERION[1].id) == kornets
    assert service_ids(taxonomy_term_id=vocabulary.FACT_CRITERION_NOT_MET[2].id) == kornets
    assert service_ids(taxonomy_term_id=vocabulary.FACT_CRITERION[3].id) == set()
    assert service_ids(taxonomy_term_id=vocabulary.FACT_CRITERION_NOT_MET[3].id) == set()
    assert service_ids(taxonomy_id=vocabulary.HELP_TOPIC.id) == {str(data["start"].uuid)}
    assert service_ids(taxonomy_id=vocabulary.TARGET_GROUP.id) == {str(data["training"].uuid)}
    assert service_ids(taxonomy_term_id=uuid.uuid4()) == set()
    assert service_ids(search="Kornet") == {str(data["training"].uuid), str(data["job"].uuid)}
    assert service_ids(search="Coompanion") == {str(data["start"].uuid)}
    # AND: a term of one enterprise and the other enterprise's id give nothing.
    assert (
        service_ids(taxonomy_term_id=kind["arbetstraning"].id, organization_id=data["cykel"].uuid)
        == set()
    )
    assert service_ids(taxonomy_term_id=data["cafe"].uuid, taxonomy_id=vocabulary.REFERRER.id) == {
        str(data["training"].uuid)
    }


def test_modified_after_gives_what_changed_since(client, registry_data):
    data = registry_data
    long_ago = timezone.now() - datetime.timedelta(days=10)
    SocialEnterprise.objects.filter(pk=data["cykel"].pk).update(updated_at=long_ago)
    PartnerFactory._meta.model.objects.filter(pk=data["partner"].pk).update(updated_at=long_ago)
    since = (timezone.now() - datetime.timedelta(days=1)).isoformat()

    services = set(ids(get(client, "services", modified_after=since)))
    organizations = set(ids(get(client, "organizations", modified_after=since)))

    assert services == {str(data["training"].uuid), str(data["job"].uuid)}
    assert str(data["kornet"].uuid) in organizations
    assert str(data["cykel"].uuid) not in organizations
    assert set(ids(get(client, "services", modified_after="2000-01-01"))) >= services


@pytest.mark.parametrize(
    "moment",
    ["2000-09-05T12:03:37+23:18", "2000-09-05T12:03:37-23:59", "0001-01-01T00:00:00+05:00"],
)
def test_modified_after_takes_any_offset_iso_8601_allows(client, registry_data, moment):
    """PostgreSQL refuses offsets past 15:59; the API compares in UTC."""
    answer = get(client, "services", modified_after=moment)

    assert answer["total_items"] == 4


def test_pages_run_across_both_sources(client, registry_data):
    data = registry_data
    pages = [get(client, "services", per_page=2, page=n) for n in (1, 2, 3)]

    assert [ids(p) for p in pages] == [
        [str(data["training"].uuid), str(data["job"].uuid)],
        [str(data["repair"].uuid), str(data["start"].uuid)],
        [],
    ]
    assert [(p["total_items"], p["total_pages"]) for p in pages] == [(4, 2)] * 3
    assert [(p["first_page"], p["last_page"], p["empty"]) for p in pages] == [
        (True, False, False),
        (False, True, False),
        (False, True, True),
    ]


@pytest.mark.parametrize(
    ("path", "params", "parameter"),
    [
        ("services", {"page": "0"}, "page"),
        ("services", {"page": "abc"}, "page"),
        ("services", {"per_page": "101"}, "per_page"),
        ("services", {"per_page": "-1"}, "per_page"),
        ("services", {"per_page": "١٢"}, "per_page"),
        ("services", {"modified_after": "igår"}, "modified_after"),
        ("services", {"modified_after": "2026-13-45"}, "modified_after"),
        ("services", {"taxonomy_term_id": "cafe"}, "taxonomy_term_id"),
        ("services", {"organization_id": "1"}, "organization_id"),
        ("services", {"full": "kanske"}, "full"),
        ("services", {"search": "x" * 201}, "search"),
        ("services", {"format": "ndjson"}, "format"),
        ("services", {"okand": "1"}, "okand"),
        ("organizations", {"taxonomy_id": str(uuid.uuid4())}, "taxonomy_id"),
        ("taxonomy_terms", {"parent_id": "x"}, "parent_id"),
        ("", {"page": "1"}, "page"),
    ],
)
def test_bad_parameters_get_a_400_problem_naming_them(client, path, params, parameter):
    response = client.get(API + path, params)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert (problem["status"], problem["title"]) == (400, "Fel i frågan")
    assert parameter in [p["parameter"] for p in problem["invalid_params"]]


def test_a_repeated_parameter_is_a_400(client):
    response = client.get(API + "services?page=1&page=2")

    assert response.status_code == 400
    assert (
        response.json()["invalid_params"][0]["detail"] == "page: Parametern får bara anges en gång."
    )


@pytest.mark.parametrize(
    "path",
    ["services/", "organizations/", "service_at_locations/", "taxonomies/", "taxonomy_terms/"],
)
@pytest.mark.parametrize("id", ["c75fa600-0b96-49d3-bd93-2aad38bd78b6", "inte-ett-id", "1"])
def test_an_unknown_id_is_a_404_problem(client, path, id):
    response = client.get(API + path + id)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["title"] == "Finns inte"


def test_writes_are_refused(client, registry_data):
    response = client.post(API + "services", {})

    assert response.status_code == 405


def test_conditional_get_cors_and_the_cache_follows_edits(client, registry_data):
    first = client.get(API + "organizations")
    etag, modified = first["ETag"], first["Last-Modified"]

    again = client.get(API + "organizations", HTTP_IF_NONE_MATCH=etag)
    since = client.get(API + "organizations", HTTP_IF_MODIFIED_SINCE=modified)
    kornet = registry_data["kornet"]
    kornet.name = "Kornet Nytt Namn"
    kornet.save()
    changed = client.get(API + "organizations", HTTP_IF_NONE_MATCH=etag)

    assert first["Access-Control-Allow-Origin"] == "*"
    assert (again.status_code, since.status_code) == (304, 304)
    assert changed.status_code == 200
    assert "Kornet Nytt Namn" in changed.text
    assert changed["ETag"] != etag


def test_a_repeat_request_is_served_from_the_cache(
    client, registry_data, django_assert_num_queries
):
    client.get(API + "services", {"full": "true"})

    with django_assert_num_queries(0):
        response = client.get(API + "services", {"full": "true"})

    assert response.status_code == 200


@pytest.mark.parametrize(
    ("path", "params", "queries"),
    [
        # Two for Last-Modified, a count per source, then the rows and their parts
        # (in the full shapes one of them the enterprises' languages).
        ("services", {}, 6),
        ("services", {"full": "true"}, 13),
        ("organizations", {}, 6),
        ("organizations", {"full_service": "true"}, 15),
        ("service_at_locations", {}, 6),
        ("service_at_locations", {"full": "true"}, 12),
        ("taxonomy_terms", {}, 3),
    ],
)
def test_list_queries_do_not_grow_with_the_registry(
    client, settings, registry_data, django_assert_num_queries, path, params, queries
):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    for n in range(6):
        enterprise = EnterpriseFactory(industries=[registry_data["cafe"]])
        OfferingFactory(
            enterprise=enterprise,
            target_groups=[registry_data["young"]],
            referrers=["socialtjansten"],
        )
        VerificationFactory(enterprise=enterprise, criterion=1 + n % 4)
        place = PlaceFactory(partner=PartnerFactory())
        PartnerTopic.objects.create(partner=place.partner, topic="finansiering")
        SessionFactory(place=place)

    with django_assert_num_queries(queries):
        answer = get(client, path, per_page=100, **params)

    assert answer["size"] >= 10


def test_the_whole_registry_downloads_as_one_hsds_json_file(client, settings, registry_data):
    response = client.get("/oppna-data/asf-portalen-hsds.json")
    body = json.loads(b"".join(response.streaming_content))

    assert response["Content-Disposition"] == 'attachment; filename="asf-portalen-hsds.json"'
    assert (body["hsds_version"], body["license"]) == ("3.0", settings.OPEN_DATA_LICENCE_URL)
    names = [o["name"] for o in body["organizations"]]
    assert names == ["Kafé Kornet", "Cykelverkstan", "Coompanion Exempel"]
    for organization in body["organizations"]:
        assert errors(organization, "organization.json") == []
    assert [s["name"] for s in body["organizations"][0]["services"]] == [
        "Arbetsträning hos Kafé Kornet",
        "Anställning hos Kafé Kornet",
    ]


def test_the_download_reads_in_chunks_of_fixed_cost(registry_data, django_assert_num_queries):
    for _ in range(5):
        OfferingFactory(enterprise=EnterpriseFactory())
    # Enterprises (7) in chunks of 3: 3 chunks of 7 queries and an empty read;
    # the partner (1): one chunk of 4 queries and an empty read.
    with django_assert_num_queries(3 * 7 + 1 + 4 + 1):
        found = list(all_organizations(chunk=3))

    assert len(found) == 8
