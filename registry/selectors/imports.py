"""The CSV import's dry run: a stored file's rows checked against the registry."""

from registry.csv_import.reading import ImportReport, ImportRow, parse
from registry.csv_import.rows import (
    Lookups,
    by_name_and_slug,
    check_rows,
    legal_forms,
    normalised_org_number,
)
from registry.models import Area, EnterpriseImport, Industry, SocialEnterprise


def import_lookups(rows: list[ImportRow]) -> Lookups:
    """What the rows are checked against: industries, areas and the records
    that already have one of the file's organisation numbers (three queries)."""
    numbers = {normalised_org_number(row) for row in rows} - {""}
    existing = SocialEnterprise.objects.filter(org_number__in=numbers).values_list(
        "org_number", "pk", "name"
    )
    return Lookups(
        industries=by_name_and_slug(Industry.objects.all()),
        areas=by_name_and_slug(Area.objects.all()),
        legal_forms=legal_forms(),
        existing={number: (pk, name) for number, pk, name in existing},
    )


def import_check(text: str) -> ImportReport:
    """The dry run: parse the file and check every row. Writes nothing; three
    queries whatever the number of rows. Raises ``ImportFileError`` for a file
    that is refused whole."""
    report = parse(text)
    return check_rows(report, import_lookups(report.rows))


def imported_enterprises(*, batch: EnterpriseImport) -> list[SocialEnterprise]:
    """The records an applied batch created, as they are now (one query)."""
    return list(batch.created_enterprises.order_by("name", "pk"))
