"""The advisors' CSV import of social enterprises: a dry run, then all or nothing.

``read_upload`` decodes an uploaded file and refuses one that cannot be an
import at all (not text, broken quoting, required columns missing, too many
rows): whole-file errors. ``import_check`` is the dry run: every row is checked
against the registry and nothing is written. ``import_apply`` checks once more
inside a transaction, because the registry may have changed since the dry run,
and creates every row through ``services.enterprise_create``, or none.

Validation costs three queries whatever the number of rows: industries, areas
and the registry's records with the file's organisation numbers.
"""

import csv
import io
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import number_format
from django.utils.text import slugify
from django.utils.translation import gettext as _

from registry.models import (
    Area,
    EnterpriseImport,
    Industry,
    LegalForm,
    PublicationStatus,
    SocialEnterprise,
)
from registry.orgnr import format_org_number, normalise_org_number
from registry.services import enterprise_create

# Header -> SocialEnterprise field. The headers are what advisors type, so they
# are Swedish, lower case and without å/ä/ö (see ALIASES for the spellings with).
COLUMNS: dict[str, str] = {
    "namn": "name",
    "organisationsnummer": "org_number",
    "juridisk_form": "legal_form",
    "kort_beskrivning": "short_description",
    "branscher": "industries",
    "omrade": "area",
    "beskrivning": "description",
    "besoksadress": "street_address",
    "postnummer": "postal_code",
    "ort": "city",
    "webbplats": "website",
    "epost": "email",
    "telefon": "phone",
    "kontaktperson": "contact_name",
}
REQUIRED_COLUMNS = ("namn", "organisationsnummer", "juridisk_form", "kort_beskrivning")
ALIASES = {"område": "omrade", "besöksadress": "besoksadress", "e-post": "epost"}
FIELD_COLUMNS = {model_field: column for column, model_field in COLUMNS.items()}
TEXT_FIELDS = (
    "name", "short_description", "description", "street_address", "postal_code", "city",
    "website", "email", "phone", "contact_name",
)  # fmt: skip

_LIST_SEPARATORS = re.compile(r"[;,]")
_HAS_SCHEME = re.compile(r"^[a-z][a-z0-9+.\-]*://", re.IGNORECASE)
_ZIP_MAGIC = b"PK\x03\x04"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Control characters other than tab and line breaks: no text file has them.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class ImportFileError(Exception):
    """The whole file is refused; ``message`` says why, in Swedish."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ImportAlreadyApplied(Exception):
    """The batch was applied before: a double click or a reload of the form."""


@dataclass(frozen=True)
class Problem:
    """An error or warning about one row, optionally linking to a record."""

    text: str
    link_url: str = ""
    link_text: str = ""

    def __str__(self) -> str:
        return f"{self.text} {self.link_text}".strip()


@dataclass
class ImportRow:
    number: int  # as the spreadsheet shows it: the header is row 1
    cells: dict[str, str]
    org_number: str = ""  # ten digits when valid, else empty
    fields: dict[str, object] = field(default_factory=dict)  # for enterprise_create
    industries: list[Industry] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.cells.get("namn", "")

    @property
    def org_number_display(self) -> str:
        if self.org_number:
            return format_org_number(self.org_number)
        return self.cells.get("organisationsnummer", "")


@dataclass
class ImportReport:
    rows: list[ImportRow]
    warnings: list[str]  # about the whole file

    @property
    def ready_count(self) -> int:
        return sum(1 for row in self.rows if not row.errors)

    @property
    def error_count(self) -> int:
        return sum(1 for row in self.rows if row.errors)

    @property
    def warning_count(self) -> int:
        return len(self.warnings) + sum(len(row.warnings) for row in self.rows)

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not self.error_count


@dataclass(frozen=True)
class UploadedText:
    text: str
    warnings: list[str]


# Reading the file ----------------------------------------------------------


def _not_csv(reason: str) -> ImportFileError:
    return ImportFileError(_("Filen går inte att läsa som CSV. %(reason)s") % {"reason": reason})


def decode(data: bytes) -> UploadedText:
    """UTF-8 (with or without BOM), else Windows-1252, which Swedish Excel saves
    in; the second is reported, since å, ä and ö may then need a look."""
    if data.startswith(_ZIP_MAGIC):
        raise _not_csv(
            _(
                "Det ser ut att vara en Excel-fil (.xlsx). Öppna den i Excel och välj "
                "Spara som, filformat CSV UTF-8."
            )
        )
    if data.startswith(_UTF16_BOMS):
        # Excel's "Unicode-text": UTF-16 with a byte order mark, tab-separated.
        try:
            return _checked(data.decode("utf-16"), [])
        except UnicodeDecodeError:
            raise _not_csv(_not_text()) from None
    if b"\x00" in data:
        raise _not_csv(_not_text())
    warnings = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise _not_csv(_not_text()) from None
        warnings.append(
            _(
                "Filen var inte sparad som UTF-8. Vi har läst den som Windows-1252, "
                "som Excel ofta sparar i. Kontrollera att å, ä och ö ser rätt ut."
            )
        )
    return _checked(text, warnings)


def _not_text() -> str:
    return _("Den innehåller tecken som inte är text. Spara filen som CSV och försök igen.")


def _checked(text: str, warnings: list[str]) -> UploadedText:
    if _CONTROLS.search(text):
        raise _not_csv(_not_text())
    return UploadedText(text=text.lstrip("\ufeff"), warnings=warnings)


def sniff_delimiter(text: str) -> str:
    """The separator the header row uses most: semicolon (Swedish Excel), tab or
    comma. The header alone decides: free text in the rows has commas in it,
    which is what makes csv.Sniffer guess wrong on real files."""
    header = text.lstrip("\ufeff").split("\n", 1)[0]
    counts = {delimiter: header.count(delimiter) for delimiter in (";", "\t", ",")}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def _records(text: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text), strict=True)
    records: list[list[str]] = []
    try:
        for record in reader:
            records.append(record)
    except csv.Error:
        raise _not_csv(
            _('Något är fel på rad %(row)s. Kontrollera att citattecknen (") på raden går ihop.')
            % {"row": len(records) + 1}
        ) from None
    return records


def _header(record: list[str]) -> tuple[dict[int, str], list[str]]:
    """Column index -> known column, and the warnings about the header."""
    columns: dict[int, str] = {}
    unknown = []
    for index, raw in enumerate(record):
        name = raw.strip().lstrip("\ufeff").strip().casefold()
        name = ALIASES.get(name, name)
        if not name:
            continue  # Excel leaves empty header cells after the last column
        if name not in COLUMNS:
            unknown.append(raw.strip())
        elif name in columns.values():
            raise ImportFileError(
                _("Kolumnen ”%(column)s” finns två gånger i rubrikraden.") % {"column": name}
            )
        else:
            columns[index] = name
    missing = [name for name in REQUIRED_COLUMNS if name not in columns.values()]
    if missing:
        raise ImportFileError(
            _(
                "Filen saknar kolumner som måste finnas: %(columns)s. Första raden "
                "ska vara rubrikerna."
            )
            % {"columns": ", ".join(missing)}
        )
    warnings = []
    if unknown:
        warnings.append(
            _("Kolumner som vi inte känner igen läses inte in: %(columns)s.")
            % {"columns": ", ".join(unknown)}
        )
    return columns, warnings


def _rows(text: str) -> ImportReport:
    records = _records(text)
    if not any(cell.strip() for record in records for cell in record):
        raise ImportFileError(_("Filen är tom."))
    columns, warnings = _header(records[0])
    width = len(records[0])
    rows = []
    for number, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue  # blank lines at the end of a spreadsheet
        cells = {name: record[i].strip() for i, name in columns.items() if i < len(record)}
        row = ImportRow(number=number, cells=cells)
        if any(cell.strip() for cell in record[width:]):
            row.errors.append(Problem(_("Raden har fler celler än rubrikraden har kolumner.")))
        rows.append(row)
    return ImportReport(rows=rows, warnings=warnings)


def parse(text: str) -> ImportReport:
    """The rows of the file, not yet checked. Raises ImportFileError for the
    whole file: empty, not CSV, required columns missing, no rows, too many."""
    report = _rows(text)
    rows = report.rows
    if not rows:
        raise ImportFileError(_("Filen har en rubrikrad men inga företag."))
    limit = settings.IMPORT_MAX_ROWS
    if len(rows) > limit:
        raise ImportFileError(
            _(
                "Filen har %(rows)s rader med företag. Du kan läsa in högst %(limit)s "
                "åt gången. Dela upp filen i flera och läs in dem en i taget."
            )
            % {
                "rows": number_format(len(rows), force_grouping=True),
                "limit": number_format(limit, force_grouping=True),
            }
        )
    return report


def check_size(size: int) -> None:
    limit = settings.IMPORT_MAX_BYTES
    if size > limit:
        raise ImportFileError(
            _("Filen är %(size)s. Den får vara högst %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(limit)}
        )


def read_upload(data: bytes) -> UploadedText:
    """Decode an uploaded file and refuse it whole if it cannot be an import.
    The warnings are the decoding's; those about the columns come with every
    parse of the text."""
    check_size(len(data))
    uploaded = decode(data)
    parse(uploaded.text)
    return uploaded


# Checking the rows ---------------------------------------------------------


@dataclass
class _Lookups:
    industries: dict[str, Industry]
    areas: dict[str, Area]
    legal_forms: dict[str, str]
    existing: dict[str, tuple[int, str]]  # org number -> (pk, name)


def _by_name_and_slug(terms) -> dict:
    found = {}
    for term in terms:
        found[term.slug.casefold()] = term
        found[term.name.casefold()] = term
    return found


def _legal_forms() -> dict[str, str]:
    """Value or label, in Swedish and in the active language, -> value."""
    found = {}
    for value, label in LegalForm.choices:
        found[value.casefold()] = value
        found[str(label).casefold()] = value
        with translation.override("sv"):
            found[str(label).casefold()] = value
    return found


def _normalised(row: ImportRow) -> str:
    try:
        return normalise_org_number(row.cells.get("organisationsnummer", ""))
    except ValidationError:
        return ""


def _lookups(rows: list[ImportRow]) -> _Lookups:
    numbers = {_normalised(row) for row in rows} - {""}
    existing = SocialEnterprise.objects.filter(org_number__in=numbers).values_list(
        "org_number", "pk", "name"
    )
    return _Lookups(
        industries=_by_name_and_slug(Industry.objects.all()),
        areas=_by_name_and_slug(Area.objects.all()),
        legal_forms=_legal_forms(),
        existing={number: (pk, name) for number, pk, name in existing},
    )


def _check_org_number(row: ImportRow, lookups: _Lookups, seen: dict[str, int]) -> None:
    raw = row.cells.get("organisationsnummer", "")
    if not raw:
        row.errors.append(Problem(_("Organisationsnummer saknas.")))
        return
    try:
        row.org_number = normalise_org_number(raw)
    except ValidationError as error:
        row.errors += [Problem(str(message)) for message in error.messages]
        return
    if row.org_number in lookups.existing:
        pk, name = lookups.existing[row.org_number]
        row.errors.append(
            Problem(
                _("Det finns redan ett företag med det här organisationsnumret:"),
                link_url=reverse("registry_staff:enterprise_edit", kwargs={"pk": pk}),
                link_text=name,
            )
        )
    if row.org_number in seen:
        row.errors.append(
            Problem(
                _("Raden har samma organisationsnummer som rad %(row)s.")
                % {"row": seen[row.org_number]}
            )
        )
    else:
        seen[row.org_number] = row.number


def _check_taxonomies(row: ImportRow, lookups: _Lookups) -> None:
    for name in _LIST_SEPARATORS.split(row.cells.get("branscher", "")):
        name = name.strip()
        if not name:
            continue
        industry = lookups.industries.get(name.casefold())
        if industry is None:
            row.errors.append(
                Problem(_("Branschen ”%(name)s” finns inte i portalen.") % {"name": name})
            )
        elif industry not in row.industries:
            row.industries.append(industry)
    area_name = row.cells.get("omrade", "")
    if area_name:
        area = lookups.areas.get(area_name.casefold())
        if area is None:
            row.errors.append(
                Problem(_("Området ”%(name)s” finns inte i portalen.") % {"name": area_name})
            )
        row.fields["area"] = area


def _text_fields(row: ImportRow, lookups: _Lookups) -> list[str]:
    """Fill row.fields from the text cells; the fields full_clean should skip."""
    for model_field in TEXT_FIELDS:
        row.fields[model_field] = row.cells.get(FIELD_COLUMNS[model_field], "")
    website = row.fields["website"]
    if website and not _HAS_SCHEME.match(website):
        row.fields["website"] = f"https://{website}"
    # The slug is made when saving; the area came from the database, and
    # checking that it exists would cost a query per row.
    exclude = ["slug", "area"]
    legal_form = row.cells.get("juridisk_form", "")
    row.fields["legal_form"] = lookups.legal_forms.get(legal_form.casefold(), legal_form)
    if legal_form and legal_form.casefold() not in lookups.legal_forms:
        exclude.append("legal_form")
        choices = ", ".join(str(label) for _value, label in LegalForm.choices)
        row.errors.append(
            Problem(
                _("Juridisk form ”%(value)s” finns inte. Skriv en av: %(choices)s.")
                % {"value": legal_form, "choices": choices}
            )
        )
    for column, text in row.cells.items():
        if text.startswith("="):
            row.warnings.append(
                Problem(
                    _(
                        "Cellen i kolumnen %(column)s börjar med = och sparas som text, "
                        "inte som formel."
                    )
                    % {"column": column}
                )
            )
    return exclude


def _check_model(row: ImportRow, exclude: list[str]) -> None:
    """The model's own rules (lengths, e-mail, web address, choices). Uniqueness
    is reported by _check_org_number instead, and the check constraints concern
    fields an import never sets; both would cost queries per row."""
    if not row.org_number:
        exclude.append("org_number")
    enterprise = SocialEnterprise(
        org_number=row.org_number,
        slug=slugify(row.name)[:200] or "foretag",
        **row.fields,
    )
    try:
        enterprise.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        for model_field, messages in error.message_dict.items():
            column = FIELD_COLUMNS.get(model_field, model_field)
            row.errors += [Problem(f"{column}: {message}") for message in messages]


def import_check(text: str) -> ImportReport:
    """The dry run: parse the file and check every row. Writes nothing; three
    queries (industries, areas, existing organisation numbers)."""
    report = parse(text)
    lookups = _lookups(report.rows)
    seen: dict[str, int] = {}
    for row in report.rows:
        _check_org_number(row, lookups, seen)
        _check_taxonomies(row, lookups)
        exclude = _text_fields(row, lookups)
        _check_model(row, exclude)
        row.fields["org_number"] = row.org_number
    return report


# Writing -------------------------------------------------------------------


def import_create(
    *, user: AbstractBaseUser, filename: str, text: str, publish: bool, warnings=()
) -> EnterpriseImport:
    """Keep an uploaded file's text for its dry run and the go-ahead."""
    batch = EnterpriseImport(
        created_by=user,
        filename=filename[-255:] or "import.csv",
        text=text,
        publish=publish,
        warnings=[str(warning) for warning in warnings],
    )
    batch.full_clean()
    batch.save()
    return batch


def _import_reason(filename: str) -> str:
    with translation.override("sv"):  # history is written in the source language
        return (_("Inläst från %(filename)s") % {"filename": filename})[:100]


def _create_all(batch: EnterpriseImport, report: ImportReport, user: AbstractBaseUser) -> None:
    status = PublicationStatus.PUBLISHED if batch.publish else PublicationStatus.DRAFT
    created = [
        enterprise_create(industries=row.industries, status=status, **row.fields)
        for row in report.rows
    ]
    # The history shows who imported and from which file: one UPDATE for all rows.
    SocialEnterprise.history.filter(id__in=[e.pk for e in created], history_type="+").update(
        history_user_id=user.pk,
        history_change_reason=_import_reason(batch.filename),
    )
    batch.applied_at = timezone.now()
    batch.applied_count = len(created)
    batch.save(update_fields=["applied_at", "applied_count"])
    batch.created_enterprises.set(created)


def import_apply(*, batch: EnterpriseImport, user: AbstractBaseUser) -> ImportReport:
    """Create every row of the batch, or none.

    The rows are checked again inside the transaction, since the registry may
    have changed since the dry run. Returns the report: when it has errors,
    nothing was saved. Raises ImportAlreadyApplied for a batch applied before
    (the row lock makes two simultaneous go-aheads wait for each other), and
    ImportFileError if the stored file no longer passes (a lowered row limit).
    """
    try:
        with transaction.atomic():
            locked = EnterpriseImport.objects.select_for_update().get(pk=batch.pk)
            if locked.applied_at is not None:
                raise ImportAlreadyApplied
            report = import_check(locked.text)
            if not report.ok:
                return report
            _create_all(locked, report, user)
    except (ValidationError, IntegrityError):
        # Someone saved one of the file's organisation numbers between the
        # check and the insert; the check now sees it and says which row.
        report = import_check(batch.text)
        if report.ok:
            raise
        return report
    batch.refresh_from_db(fields=["applied_at", "applied_count"])
    return report


def imported_enterprises(*, batch: EnterpriseImport) -> list[SocialEnterprise]:
    """The records an applied batch created, as they are now (one query)."""
    return list(batch.created_enterprises.order_by("name", "pk"))
