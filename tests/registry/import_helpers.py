"""CSV files and import batches, as the import's tests build them."""

import csv
import io

import pytest

from registry.csv_import.reading import ImportFileError, ImportReport, read_upload
from registry.models import EnterpriseImport
from registry.services.imports import import_create
from tests.factories import org_number

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


def errors_of(report: ImportReport) -> dict[int, list[str]]:
    return {r.number: [str(p) for p in r.errors] for r in report.rows if r.errors}


def file_error(data: bytes) -> str:
    with pytest.raises(ImportFileError) as caught:
        read_upload(data)
    return caught.value.message


def make_batch(user, *rows: dict, publish=False, text=None) -> EnterpriseImport:
    return import_create(
        user=user, filename="foretag.csv", text=text or csv_text(*rows), publish=publish
    )
