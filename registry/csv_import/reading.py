"""Reading an uploaded CSV file into rows: decoding (UTF-8, else
Windows-1252), the separator, the header, the limits. Whole-file problems
raise ``ImportFileError`` with a Swedish message. No database."""

import csv
import io
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from registry.models import Industry
from registry.orgnr import format_org_number

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
    "sprak": "languages",
    "entre_utan_trappsteg": "step_free_entrance",
    "hiss": "lift",
    "tillganglig_toalett": "accessible_toilet",
    "horslinga": "hearing_loop",
    "parkering_for_rorelsehindrade": "disabled_parking",
    "lugn_arbetsplats": "quiet_workplace",
    "kollektivtrafik": "public_transport",
    "narmaste_hallplats": "transit_stop",
}
# The accessibility columns: ja or nej (empty is nej).
YES_NO_FIELDS = (
    "step_free_entrance", "lift", "accessible_toilet", "hearing_loop", "disabled_parking",
    "quiet_workplace", "public_transport",
)  # fmt: skip
REQUIRED_COLUMNS = ("namn", "organisationsnummer", "juridisk_form", "kort_beskrivning")
ALIASES = {
    "område": "omrade", "besöksadress": "besoksadress", "e-post": "epost", "språk": "sprak",
    "entré_utan_trappsteg": "entre_utan_trappsteg", "tillgänglig_toalett": "tillganglig_toalett",
    "hörslinga": "horslinga", "parkering_för_rörelsehindrade": "parkering_for_rorelsehindrade",
    "närmaste_hållplats": "narmaste_hallplats",
}  # fmt: skip
FIELD_COLUMNS = {model_field: column for column, model_field in COLUMNS.items()}
TEXT_FIELDS = (
    "name", "short_description", "description", "street_address", "postal_code", "city",
    "website", "email", "phone", "contact_name", "transit_stop",
)  # fmt: skip

_ZIP_MAGIC = b"PK\x03\x04"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Control characters other than tab and line breaks: no text file has them.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class ImportFileError(Exception):
    """The whole file is refused; ``message`` says why, in Swedish."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


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
    languages: list[str] = field(default_factory=list)  # ISO codes
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
