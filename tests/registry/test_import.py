"""The advisors' CSV import: the dry run, all-or-nothing apply, and its views."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from registry import imports
from registry.models import EnterpriseImport, PublicationStatus, SocialEnterprise
from tests.factories import AreaFactory, EnterpriseFactory, IndustryFactory, org_number

pytestmark = pytest.mark.django_db

UPLOAD_URL = "/handlaggare/foretag/import/"
HEADER = ["namn", "organisationsnummer", "juridisk_form", "kort_beskrivning", "branscher", "omrade"]


def number(n: int) -> str:
    """A valid organisation number the factories' sequence never reaches."""
    digits = org_number(500_000 + n)
    return f"{digits[:6]}-{digits[6:]}"


def row(n: int = 1, **cells) -> dict:
    return {
        "namn": f"Kafé {n}",
        "organisationsnummer": number(n),
        "juridisk_form": "Ekonomisk förening",
        "kort_beskrivning": "Lunch och fika.",
        "branscher": "",
        "omrade": "",
    } | cells


def csv_text(*rows: dict, header=HEADER, delimiter=";") -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    for cells in rows:
        writer.writerow([cells.get(column.strip().lower(), "") for column in header])
    return out.getvalue()


def csv_bytes(*rows: dict, encoding="utf-8", **kwargs) -> bytes:
    return csv_text(*rows, **kwargs).encode(encoding)


def errors_of(report: imports.ImportReport) -> dict[int, list[str]]:
    return {r.number: [str(p) for p in r.errors] for r in report.rows if r.errors}


def file_error(data: bytes) -> str:
    with pytest.raises(imports.ImportFileError) as caught:
        imports.read_upload(data)
    return caught.value.message


def make_batch(user, *rows: dict, publish=False, text=None) -> EnterpriseImport:
    return imports.import_create(
        user=user, filename="foretag.csv", text=text or csv_text(*rows), publish=publish
    )


# Reading the file ----------------------------------------------------------


def test_read_missing_required_columns_are_named():
    data = "namn;kort_beskrivning\nKafé;Fika\n".encode()

    message = file_error(data)

    assert "organisationsnummer, juridisk_form" in message
    assert "namn," not in message


def test_read_header_matched_case_insensitively_after_trimming():
    data = csv_bytes(row(), header=[f"  {column.upper()} " for column in HEADER])

    uploaded = imports.read_upload(data)

    assert imports.import_check(uploaded.text).ok


def test_read_unknown_columns_are_a_warning():
    data = csv_bytes(row(), header=[*HEADER, "Antal anställda"])

    report = imports.import_check(imports.read_upload(data).text)

    assert report.ok
    assert report.warnings == ["Kolumner som vi inte känner igen läses inte in: Antal anställda."]
    assert report.warning_count == 1


def test_read_cp1252_file_is_decoded_with_a_warning():
    data = csv_bytes(row(namn="Grönsaksodlarna i Åby"), encoding="cp1252")

    uploaded = imports.read_upload(data)

    assert "Windows-1252" in uploaded.warnings[0]
    assert imports.import_check(uploaded.text).rows[0].name == "Grönsaksodlarna i Åby"


def test_read_utf8_with_bom_has_no_warning_and_a_clean_header():
    data = "\ufeff".encode() + csv_bytes(row(namn="Ölstugan"))

    uploaded = imports.read_upload(data)

    assert uploaded.warnings == []
    assert imports.import_check(uploaded.text).rows[0].name == "Ölstugan"


@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_read_delimiter_is_sniffed(delimiter):
    text = csv_text(row(kort_beskrivning="Lunch, fika; catering."), delimiter=delimiter)

    report = imports.import_check(text)

    assert report.ok
    assert report.rows[0].fields["short_description"] == "Lunch, fika; catering."


def test_read_nul_bytes_are_refused():
    data = csv_bytes(row()) + b"\x00\x01\x02"

    assert file_error(data).startswith("Filen går inte att läsa som CSV")


def test_read_xlsx_uploaded_by_mistake_is_refused():
    data = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml"

    message = file_error(data)

    assert message.startswith("Filen går inte att läsa som CSV")
    assert "Excel" in message


def test_read_broken_quotes_are_a_file_error_naming_the_row():
    data = csv_bytes(row(1), row(2)) + '"Kafé 3;"oj"x;rest\r\n'.encode()

    message = file_error(data)

    assert message.startswith("Filen går inte att läsa som CSV")
    assert "rad 4" in message


def test_read_empty_and_header_only_files_are_refused():
    assert file_error(b"  \r\n") == "Filen är tom."
    assert file_error(csv_bytes()) == "Filen har en rubrikrad men inga företag."


def test_read_10000_rows_are_refused_with_count_and_limit():
    data = csv_bytes(*(row(n) for n in range(10_000)))

    message = file_error(data)

    assert "10\xa0000 rader" in message
    assert "högst 1\xa0000" in message


def test_read_larger_than_the_byte_limit_is_refused(settings):
    settings.IMPORT_MAX_BYTES = 100

    message = file_error(csv_bytes(row(1), row(2), row(3)))

    assert "Den får vara högst 100\xa0byte" in message


def test_read_blank_lines_are_skipped_and_row_numbers_kept():
    text = csv_text(row(1)) + ";;;;;\r\n" + csv_text(row(2)).split("\r\n", 1)[1]

    report = imports.import_check(text)

    assert [r.number for r in report.rows] == [2, 4]


# Checking rows -------------------------------------------------------------


def test_check_clean_file_is_ready_and_writes_nothing():
    report = imports.import_check(csv_text(row(1), row(2)))

    assert (report.ready_count, report.error_count, report.ok) == (2, 0, True)
    assert SocialEnterprise.objects.count() == 0


def test_check_bad_org_number_gives_the_orgnr_message():
    report = imports.import_check(
        csv_text(row(1, organisationsnummer="556677-8890"), row(2, organisationsnummer="12"))
    )

    assert errors_of(report) == {
        2: ["Organisationsnumret stämmer inte. Kontrollera att alla siffror är rätt."],
        3: ["Organisationsnumret ska ha tio siffror, till exempel 556677-8899."],
    }


def test_check_unknown_industry_is_named():
    IndustryFactory(name="Café och restaurang", slug="cafe")

    report = imports.import_check(csv_text(row(branscher="Café och restaurang; Rymdfart")))

    assert errors_of(report) == {2: ["Branschen ”Rymdfart” finns inte i portalen."]}


def test_check_industries_by_name_or_slug_any_case_and_separator():
    cafe = IndustryFactory(name="Café och restaurang", slug="cafe")
    garden = IndustryFactory(name="Trädgård", slug="tradgard")

    report = imports.import_check(csv_text(row(branscher="CAFÉ OCH RESTAURANG, tradgard;cafe")))

    assert report.ok
    assert report.rows[0].industries == [cafe, garden]


def test_check_unknown_area_is_named_and_known_area_by_slug():
    norrby = AreaFactory(name="Norrby", slug="norrby")

    report = imports.import_check(csv_text(row(1, omrade="NORRBY"), row(2, omrade="Atlantis")))

    assert report.rows[0].fields["area"] == norrby
    assert errors_of(report) == {3: ["Området ”Atlantis” finns inte i portalen."]}


def test_check_legal_form_by_value_or_label_any_case():
    text = csv_text(row(1, juridisk_form="aktiebolag_svb"), row(2, juridisk_form="ideell FÖRENING"))

    report = imports.import_check(text)

    assert [r.fields["legal_form"] for r in report.rows] == ["aktiebolag_svb", "ideell_forening"]


def test_check_unknown_legal_form_lists_the_choices():
    report = imports.import_check(csv_text(row(juridisk_form="Kommanditbolag")))

    (message,) = errors_of(report)[2]
    assert message.startswith("Juridisk form ”Kommanditbolag” finns inte. Skriv en av: Ekonom")


def test_check_duplicate_of_existing_record_links_to_it():
    existing = EnterpriseFactory(name="Kafé Kornet", org_number=number(1).replace("-", ""))

    report = imports.import_check(csv_text(row(1, organisationsnummer=f"16{number(1)}")))

    (problem,) = report.rows[0].errors
    assert problem.text == "Det finns redan ett företag med det här organisationsnumret:"
    assert problem.link_text == "Kafé Kornet"
    assert problem.link_url == reverse("registry_staff:enterprise_edit", args=[existing.pk])


def test_check_same_org_number_twice_in_the_file():
    report = imports.import_check(csv_text(row(1), row(2), row(1, namn="Kafé igen")))

    assert errors_of(report) == {4: ["Raden har samma organisationsnummer som rad 2."]}


def test_check_overlong_name_and_empty_required_cells():
    report = imports.import_check(csv_text(row(namn="x" * 201, kort_beskrivning="")))

    assert errors_of(report) == {
        2: [
            "namn: Säkerställ att detta värde har som mest 200 tecken (den har 201).",
            "kort_beskrivning: Detta fält får inte vara tomt.",
        ]
    }


def test_check_bad_email_is_named_by_column():
    header = [*HEADER, "epost", "webbplats"]
    report = imports.import_check(
        csv_text(row(epost="inte en adress", webbplats="www.exempel.se"), header=header)
    )

    assert errors_of(report) == {2: ["epost: Fyll i en giltig e-postadress."]}
    assert report.rows[0].fields["website"] == "https://www.exempel.se"


def test_check_formula_is_kept_as_text_with_a_warning():
    report = imports.import_check(csv_text(row(namn='=HYPERLINK("http://x","Klicka")')))

    assert report.ok
    assert report.rows[0].fields["name"] == '=HYPERLINK("http://x","Klicka")'
    assert [str(w) for w in report.rows[0].warnings] == [
        "Cellen i kolumnen namn börjar med = och sparas som text, inte som formel."
    ]


def test_check_reads_the_registry_in_three_queries(django_assert_num_queries):
    IndustryFactory(name="Trädgård", slug="tradgard")
    AreaFactory(name="Norrby", slug="norrby")
    text = csv_text(*(row(n, branscher="Trädgård", omrade="Norrby") for n in range(40)))

    with django_assert_num_queries(3):
        report = imports.import_check(text)

    assert report.ok


# Applying ------------------------------------------------------------------


def test_apply_creates_drafts_with_industries_and_area(advisor):
    cafe = IndustryFactory(name="Café och restaurang", slug="cafe")
    norrby = AreaFactory(name="Norrby", slug="norrby")
    batch = make_batch(advisor, row(1, branscher="cafe", omrade="Norrby"), row(2))

    report = imports.import_apply(batch=batch, user=advisor)

    assert report.ok
    first, second = SocialEnterprise.objects.order_by("name")
    assert (first.name, first.org_number, first.area) == (
        "Kafé 1",
        number(1).replace("-", ""),
        norrby,
    )
    assert list(first.industries.all()) == [cafe]
    assert {first.status, second.status} == {PublicationStatus.DRAFT}
    assert first.slug == "kafe-1"
    assert "lunch och fika" in first.search_document
    batch.refresh_from_db()
    assert batch.applied_count == 2
    assert batch.applied_at is not None


def test_apply_publishes_when_the_batch_says_so(advisor):
    batch = make_batch(advisor, row(1), publish=True)

    imports.import_apply(batch=batch, user=advisor)

    assert SocialEnterprise.objects.get().status == PublicationStatus.PUBLISHED


def test_apply_records_who_imported_in_the_history(advisor):
    batch = make_batch(advisor, row(1))

    imports.import_apply(batch=batch, user=advisor)

    entry = SocialEnterprise.objects.get().history.get()
    assert entry.history_user == advisor
    assert entry.history_change_reason == "Inläst från foretag.csv"


def test_apply_saves_nothing_if_the_registry_changed_since_the_dry_run(advisor):
    batch = make_batch(advisor, row(1), row(2), row(3))
    assert imports.import_check(batch.text).ok
    EnterpriseFactory(name="Hann före", org_number=number(2).replace("-", ""))

    report = imports.import_apply(batch=batch, user=advisor)

    assert not report.ok
    assert [str(p) for p in report.rows[1].errors] == [
        "Det finns redan ett företag med det här organisationsnumret: Hann före"
    ]
    assert list(SocialEnterprise.objects.values_list("name", flat=True)) == ["Hann före"]
    batch.refresh_from_db()
    assert batch.applied_at is None


def test_apply_a_file_with_errors_saves_nothing(advisor):
    batch = make_batch(advisor, row(1), row(2, organisationsnummer="nej"))

    report = imports.import_apply(batch=batch, user=advisor)

    assert report.error_count == 1
    assert SocialEnterprise.objects.count() == 0


def test_apply_twice_creates_nothing_more(advisor):
    batch = make_batch(advisor, row(1), row(2))
    imports.import_apply(batch=batch, user=advisor)

    with pytest.raises(imports.ImportAlreadyApplied):
        imports.import_apply(batch=batch, user=advisor)

    assert SocialEnterprise.objects.count() == 2
    batch.refresh_from_db()
    assert batch.applied_count == 2


# Views ---------------------------------------------------------------------


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
    uploaded = imports.read_upload(response.content)
    assert uploaded.warnings == []
    assert imports.import_check(uploaded.text).ok


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
