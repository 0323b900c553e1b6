"""The import's pages: upload, dry-run report, go-ahead; who may use them."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from registry.csv_import.reading import read_upload
from registry.models import EnterpriseImport, SocialEnterprise
from registry.selectors.imports import import_check
from tests.factories import AreaFactory, EnterpriseFactory, IndustryFactory
from tests.registry.import_helpers import HEADER, csv_bytes, make_batch, number, row

pytestmark = pytest.mark.django_db

UPLOAD_URL = "/handlaggare/foretag/import/"


def report_url(batch) -> str:
    return reverse("registry_staff:import_report", args=[batch.pk])


def upload(client, data: bytes, name="foretag.csv", **extra):
    return client.post(UPLOAD_URL, {"file": SimpleUploadedFile(name, data), **extra})


def test_encoding_warning_stays_on_the_report_and_created_records_stay_listed(advisor_client):
    response = upload(
        advisor_client, csv_bytes(row(namn="Grönsaksodlarna i Åby"), encoding="cp1252")
    )
    batch = EnterpriseImport.objects.get()

    first = advisor_client.get(response["Location"]).content.decode()
    again = advisor_client.get(report_url(batch)).content.decode()
    advisor_client.post(report_url(batch))
    created = SocialEnterprise.objects.get()
    created.org_number = "7699999996"  # edited after the import
    created.save()
    applied = advisor_client.get(report_url(batch)).content.decode()

    assert "Windows-1252" in first and "Windows-1252" in again
    assert list(batch.created_enterprises.all()) == [created]
    assert "Grönsaksodlarna i Åby" in applied


def test_urls_are_swedish(advisor):
    batch = make_batch(advisor, row())
    assert reverse("registry_staff:import_upload") == UPLOAD_URL
    assert report_url(batch) == f"/handlaggare/foretag/import/{batch.pk}/"


def test_anonymous_is_sent_to_login(client, advisor):
    batch = make_batch(advisor, row())
    for url in (UPLOAD_URL, report_url(batch)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == f"/handlaggare/konto/logga-in/?next={url}"
    response = client.post(report_url(batch))
    assert response["Location"].startswith("/handlaggare/konto/logga-in/")
    assert SocialEnterprise.objects.count() == 0


@pytest.mark.parametrize("user_fixture", ["no_role_user", "editor"])
def test_users_without_the_import_permission_get_403(client, advisor, user_fixture, request):
    batch = make_batch(advisor, row())
    client.force_login(request.getfixturevalue(user_fixture))

    assert client.get(UPLOAD_URL).status_code == 403
    assert upload(client, csv_bytes(row(2))).status_code == 403
    assert client.get(report_url(batch)).status_code == 403
    assert client.post(report_url(batch)).status_code == 403
    assert EnterpriseImport.objects.count() == 1
    assert SocialEnterprise.objects.count() == 0


def test_wrong_method_is_405(advisor_client, advisor):
    batch = make_batch(advisor, row())

    assert advisor_client.put(UPLOAD_URL).status_code == 405
    assert advisor_client.delete(report_url(batch)).status_code == 405


def test_upload_page_shows_the_form_columns_and_industries(advisor_client):
    IndustryFactory(name="Cykelverkstad", slug="cykel")

    response = advisor_client.get(UPLOAD_URL)

    text = response.content.decode()
    assert "CSV-fil" in text
    assert "Publicera företagen direkt" in text
    assert 'enctype="multipart/form-data"' in text
    assert "<code>organisationsnummer</code> *" in text
    assert "Cykelverkstad" in text
    assert f'href="{UPLOAD_URL}?exempel=1"' in text


def test_example_file_is_a_valid_import(advisor_client):
    IndustryFactory(name="Café och restaurang", slug="cafe")
    IndustryFactory(name="Lokalvård och städ", slug="stad")
    AreaFactory(name="Centrum", slug="centrum")
    AreaFactory(name="Norrby", slug="norrby")

    response = advisor_client.get(UPLOAD_URL, {"exempel": "1"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    uploaded = read_upload(response.content)
    assert uploaded.warnings == []
    assert import_check(uploaded.text).ok


def test_advisor_uploads_checks_and_applies(advisor_client, advisor):
    IndustryFactory(name="Trädgård", slug="tradgard")

    response = upload(advisor_client, csv_bytes(row(1, branscher="Trädgård"), row(2)))

    batch = EnterpriseImport.objects.get()
    assert response["Location"] == report_url(batch)
    assert (batch.created_by, batch.filename, batch.publish) == (advisor, "foretag.csv", False)
    report = advisor_client.get(report_url(batch)).content.decode()
    assert "Klar att läsa in" in report
    assert "Läs in 2 företag" in report
    assert SocialEnterprise.objects.count() == 0

    response = advisor_client.post(report_url(batch))

    assert response["Location"] == report_url(batch)
    created = SocialEnterprise.objects.order_by("name")
    assert [e.name for e in created] == ["Kafé 1", "Kafé 2"]
    page = advisor_client.get(report_url(batch)).content.decode()
    assert "2 företag är inlästa." in page
    edit_url = reverse("registry_staff:enterprise_edit", args=[created[0].pk])
    assert f'<a href="{edit_url}">Kafé 1</a>' in page
    assert "Läs in 2 företag" not in page


def test_upload_with_publish_checked_is_kept_on_the_batch(advisor_client):
    upload(advisor_client, csv_bytes(row(1)), publish="on")

    assert EnterpriseImport.objects.get().publish is True


def test_report_with_errors_has_no_import_button_and_apply_saves_nothing(advisor_client, advisor):
    existing = EnterpriseFactory(name="Kafé Kornet", org_number=number(2).replace("-", ""))
    batch = make_batch(advisor, row(1), row(2), row(3, omrade="Atlantis"))

    page = advisor_client.get(report_url(batch)).content.decode()

    assert "Ingenting har sparats. Rätta raderna i filen och ladda upp den igen." in page
    assert "Läs in 3 företag" not in page
    assert "Området ”Atlantis” finns inte i portalen." in page
    edit_url = reverse("registry_staff:enterprise_edit", args=[existing.pk])
    assert f'<a href="{edit_url}">Kafé Kornet</a>' in page

    response = advisor_client.post(report_url(batch))

    assert response.status_code == 200
    assert "Ingenting har sparats." in response.content.decode()
    assert SocialEnterprise.objects.count() == 1


def test_apply_after_the_registry_changed_shows_the_report_again(advisor_client, advisor):
    batch = make_batch(advisor, row(1), row(2))
    advisor_client.get(report_url(batch))
    EnterpriseFactory(name="Hann före", org_number=number(2).replace("-", ""))

    response = advisor_client.post(report_url(batch))

    page = response.content.decode()
    assert "Registret kan ha ändrats sedan kontrollen." in page
    assert "Hann före</a>" in page
    assert SocialEnterprise.objects.count() == 1


def test_applying_an_applied_batch_again_says_so(advisor_client, advisor):
    batch = make_batch(advisor, row(1))
    advisor_client.post(report_url(batch))

    response = advisor_client.post(report_url(batch), follow=True)

    assert "Företagen i den här filen är redan inlästa." in response.content.decode()
    assert SocialEnterprise.objects.count() == 1


def test_other_advisors_batch_is_404(client, advisor, other_advisor):
    batch = make_batch(advisor, row(1))
    client.force_login(other_advisor)

    assert client.get(report_url(batch)).status_code == 404
    assert client.post(report_url(batch)).status_code == 404
    assert SocialEnterprise.objects.count() == 0


def test_missing_batch_is_404(advisor_client):
    assert advisor_client.get("/handlaggare/foretag/import/999999/").status_code == 404


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Välj en CSV-fil att ladda upp."),
        ({"file": SimpleUploadedFile("tom.csv", b"")}, "Filen är tom."),
        (
            {"file": SimpleUploadedFile("a.xlsx", b"PK\x03\x04\x00\x00")},
            "går inte att läsa som CSV",
        ),
        ({"file": SimpleUploadedFile("a.csv", b"namn\nKaf\xc3\xa9\n")}, "Filen saknar kolumner"),
    ],
)
def test_bad_upload_shows_a_swedish_error_and_saves_nothing(advisor_client, data, message):
    response = advisor_client.post(UPLOAD_URL, data)

    text = response.content.decode()
    assert response.status_code == 200
    assert message in text
    assert "Något behöver rättas" in text
    assert "<title>Fel:" in text
    assert EnterpriseImport.objects.count() == 0


def test_upload_of_10000_rows_is_refused(advisor_client):
    response = upload(advisor_client, csv_bytes(*(row(n) for n in range(10_000))))

    assert "Filen har 10\xa0000 rader med företag." in response.content.decode()
    assert EnterpriseImport.objects.count() == 0


def test_upload_larger_than_the_byte_limit_is_refused(advisor_client, settings):
    settings.IMPORT_MAX_BYTES = 100

    response = upload(advisor_client, csv_bytes(row(1), row(2), row(3)))

    assert "Den får vara högst 100\xa0byte." in response.content.decode()
    assert EnterpriseImport.objects.count() == 0


def test_unknown_column_is_warned_once_on_the_report(advisor_client):
    response = upload(advisor_client, csv_bytes(row(1), header=[*HEADER, "Antal anställda"]))

    page = advisor_client.get(response["Location"]).content.decode()
    assert page.count("läses inte in: Antal anställda.") == 1


def test_cp1252_upload_warns_on_the_report(advisor_client):
    response = upload(advisor_client, csv_bytes(row(namn="Åbyns Väveri"), encoding="cp1252"))

    page = advisor_client.get(response["Location"]).content.decode()
    assert "Vi har läst den som Windows-1252" in page
    assert "Åbyns Väveri" in page


@pytest.mark.parametrize("rows", [5, 50])
def test_report_query_count_does_not_grow_with_rows(
    advisor_client, advisor, rows, django_assert_max_num_queries
):
    IndustryFactory(name="Trädgård", slug="tradgard")
    AreaFactory(name="Norrby", slug="norrby")
    batch = make_batch(
        advisor, *(row(n, branscher="Trädgård", omrade="Norrby") for n in range(rows))
    )

    # Session, user, two for permissions, the batch, three for the check, and
    # the idle-timeout stamp saved to the session (an UPDATE in a savepoint).
    with django_assert_max_num_queries(11):
        response = advisor_client.get(report_url(batch))

    assert f"Läs in {rows} företag" in response.content.decode()
