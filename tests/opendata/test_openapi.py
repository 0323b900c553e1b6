"""Our OpenAPI document: every reference resolves to a schema file this site
serves, and schemathesis, driving the live API from it, finds no server error
and no answer that breaks its schema."""

import json

import pytest
import schemathesis
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings

from opendata.openapi import upstream
from tests.opendata.test_hsds_api import registry_data  # noqa: F401 - a fixture

API = "/api/hsds/"


def refs(node):
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            yield node["$ref"]
        for value in node.values():
            yield from refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from refs(value)


@pytest.mark.django_db
def test_every_reference_is_served_here(client):
    document = client.get(API + "openapi.json").json()

    external = sorted({ref for ref in refs(document) if not ref.startswith("#")})

    assert document["openapi"].startswith("3.1")
    assert document["servers"] == [{"url": "http://127.0.0.1:8000/api/hsds"}]
    assert document["info"]["license"]["name"] == "CC0 1.0"  # the data's
    assert "an Open Referral resource" in document["info"]["description"]
    assert "CC BY-SA 4.0" in document["info"]["description"]
    assert not [
        ref for ref in external if not ref.startswith("http://127.0.0.1:8000/api/hsds/schema/")
    ]
    for ref in external:
        answer = client.get(ref.removeprefix("http://127.0.0.1:8000"))
        assert answer.status_code == 200, ref
        assert answer["Content-Type"] == "application/schema+json"
        assert "properties" in json.loads(b"".join(answer.streaming_content))
    assert set(document["paths"]) == set(upstream()["paths"])
    sal = document["paths"]["/service_at_locations/{id}"]["get"]["responses"]["200"]
    assert sal["content"]["application/json"]["schema"]["$ref"].endswith(
        "/service_at_location.json"
    )


@pytest.mark.django_db
def test_a_schema_file_outside_the_folder_is_404(client):
    for name in ("../openapi.py", "openapi.json", "nope.json", "..%2F..%2Fsettings.py"):
        assert client.get(API + "schema/" + name).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_the_live_api_keeps_its_openapi_promises(live_server, settings, registry_data):  # noqa: F811
    """Every operation, 40 generated requests each (fixed seed), with all of
    schemathesis's checks: no 5xx, documented status codes and content types,
    every body valid against its schema. (Its pytest plugin does not run on
    pytest 9, so the operations are driven with Hypothesis here.)"""
    settings.SITE_URL = live_server.url  # the document's references point there
    schema = schemathesis.openapi.from_url(live_server.url + API + "openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]

    for operation in operations:

        @given(case=operation.as_strategy())
        @hypothesis_settings(
            max_examples=40,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def run(case):
            case.call_and_validate()

        run()
    assert len(operations) == 11
