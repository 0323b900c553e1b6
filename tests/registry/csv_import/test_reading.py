"""Reading an uploaded file: pure, so these tests have no database."""

import pytest

from registry.csv_import.reading import parse, read_upload
from tests.registry.import_helpers import HEADER, csv_bytes, csv_text, file_error, row


def test_read_missing_required_columns_are_named():
    data = "namn;kort_beskrivning\nKafé;Fika\n".encode()

    message = file_error(data)

    assert "organisationsnummer, juridisk_form" in message
    assert "namn," not in message


def test_read_header_matched_case_insensitively_after_trimming():
    data = csv_bytes(row(), header=[f"  {column.upper()} " for column in HEADER])

    uploaded = read_upload(data)

    assert parse(uploaded.text).ok


def test_read_unknown_columns_are_a_warning():
    data = csv_bytes(row(), header=[*HEADER, "Antal anställda"])

    report = parse(read_upload(data).text)

    assert report.ok
    assert report.warnings == ["Kolumner som vi inte känner igen läses inte in: Antal anställda."]
    assert report.warning_count == 1


def test_read_cp1252_file_is_decoded_with_a_warning():
    data = csv_bytes(row(namn="Grönsaksodlarna i Åby"), encoding="cp1252")

    uploaded = read_upload(data)

    assert "Windows-1252" in uploaded.warnings[0]
    assert parse(uploaded.text).rows[0].name == "Grönsaksodlarna i Åby"


def test_read_utf8_with_bom_has_no_warning_and_a_clean_header():
    data = "\ufeff".encode() + csv_bytes(row(namn="Ölstugan"))

    uploaded = read_upload(data)

    assert uploaded.warnings == []
    assert parse(uploaded.text).rows[0].name == "Ölstugan"


@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_read_delimiter_is_sniffed(delimiter):
    text = csv_text(row(kort_beskrivning="Lunch, fika; catering."), delimiter=delimiter)

    report = parse(text)

    assert report.ok
    assert report.rows[0].cells["kort_beskrivning"] == "Lunch, fika; catering."


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

    report = parse(text)

    assert [r.number for r in report.rows] == [2, 4]
