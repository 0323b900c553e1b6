import csv
import io

import pytest
from django.urls import reverse

from asfportal.core.spreadsheet import neutralise
from registry.models import PublicationStatus
from tests.factories import EnterpriseFactory, OfferingFactory

pytestmark = pytest.mark.django_db


def read_csv(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))


def test_csv_holds_the_current_result_with_public_fields_only(client):
    kept = EnterpriseFactory(name="Kafé Kornet", phone="+46 8 123 45 67")
    OfferingFactory(enterprise=kept, open_places=2)
    EnterpriseFactory(name="Cykelköket")
    EnterpriseFactory(name="Utkastet", status=PublicationStatus.DRAFT)

    response = client.get(reverse("registry:enterprise_csv"), {"q": "kornet", "sida": "4"})

    rows = read_csv(response)
    assert response["Content-Disposition"].startswith('attachment; filename="sociala-foretag-')
    assert rows[0][:2] == ["Namn", "Organisationsnummer"]
    assert "search_document" not in rows[0]
    assert [row[0] for row in rows[1:]] == ["Kafé Kornet"]
    assert rows[1][7] == "2"
    assert rows[1][13] == "+46 8 123 45 67"
    assert rows[1][15].endswith("/foretag/" + kept.slug + "/")


def test_csv_neutralises_formulas():
    assert neutralise('=HYPERLINK("http://evil","klick")').startswith("'=")
    assert neutralise("@SUM(A1)") == "'@SUM(A1)"
    assert neutralise("+46 8 123 45 67") == "+46 8 123 45 67"
    assert neutralise("Vanlig text") == "Vanlig text"


def test_csv_with_formula_name_is_safe_end_to_end(client):
    EnterpriseFactory(name="=cmd|' /C calc'!A0")
    rows = read_csv(client.get(reverse("registry:enterprise_csv")))
    assert rows[1][0].startswith("'=")
