"""The advisors' CSV import: upload, dry-run report, go-ahead.

GET/POST /handlaggare/foretag/import/ uploads a file (whole-file errors come
back on the form; nothing is saved), keeps its text as an EnterpriseImport and
redirects to the report. GET .../import/<pk>/ re-checks the kept text and shows
every row; POST to the same address applies it, all rows or none.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods

from asfportal.core.pages import Crumb, staff_context
from asfportal.core.permissions import staff_view
from registry.csv_import import reading
from registry.csv_import.reading import ImportFileError
from registry.models import Area, EnterpriseImport, Industry, LegalForm
from registry.selectors.imports import import_check, imported_enterprises
from registry.services.imports import ImportAlreadyApplied, import_apply, import_create

PERMISSION = "registry.import_socialenterprise"
EXAMPLE_FILE = settings.BASE_DIR / "docs" / "import-example.csv"


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV-fil"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
        error_messages={
            "required": gettext_lazy("Välj en CSV-fil att ladda upp."),
            "empty": gettext_lazy("Filen är tom. Välj en CSV-fil med en rubrikrad och företag."),
            "invalid": gettext_lazy("Välj en CSV-fil att ladda upp."),
        },
    )
    publish = forms.BooleanField(
        label=gettext_lazy("Publicera företagen direkt"),
        required=False,
        help_text=gettext_lazy(
            "Om du inte kryssar i sparas företagen som utkast, som du granskar och "
            "publicerar ett i taget."
        ),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "En CSV-fil med rubriker på första raden, högst %(rows)s företag och %(size)s. "
            "Vilka kolumner som finns står längre ner på sidan."
        ) % {
            "rows": number_format(settings.IMPORT_MAX_ROWS, force_grouping=True),
            "size": filesizeformat(settings.IMPORT_MAX_BYTES),
        }
        if not user.has_perm("registry.publish_socialenterprise"):
            del self.fields["publish"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            reading.check_size(upload.size)  # before reading it into memory
            self.uploaded = reading.read_upload(upload.read())
        except ImportFileError as error:
            raise forms.ValidationError(error.message, code="import_file") from None
        return upload


def _context(heading: str, *crumbs: Crumb, **extra) -> dict:
    listing = Crumb(_("Företag"), reverse("registry_staff:enterprise_list"))
    return staff_context(heading=heading, section="enterprises", crumbs=[listing, *crumbs], **extra)


def _example_file() -> HttpResponse:
    # With a BOM, so Excel opens å, ä and ö right; semicolons for Swedish Excel.
    text = "\ufeff" + EXAMPLE_FILE.read_text(encoding="utf-8")
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="foretag-exempel.csv"'
    return response


@staff_view(PERMISSION)
@require_http_methods(["GET", "POST"])
def import_upload(request):
    if request.method == "GET" and request.GET.get("exempel") == "1":
        return _example_file()
    if request.method == "POST":
        form = ImportUploadForm(request.POST, request.FILES, user=request.user)
    else:
        form = ImportUploadForm(user=request.user)
    if form.is_bound and form.is_valid():
        batch = import_create(
            user=request.user,
            filename=form.cleaned_data["file"].name,
            text=form.uploaded.text,
            publish=form.cleaned_data.get("publish", False),
            warnings=form.uploaded.warnings,
        )
        return redirect("registry_staff:import_report", pk=batch.pk)
    context = _context(
        _("Läs in företag från en fil"),
        form=form,
        industries=Industry.objects.all(),
        areas=Area.objects.all(),
        legal_forms=LegalForm.choices,
    )
    return render(request, "registry/staff/import_upload.html", context)


@staff_view(PERMISSION)
@require_http_methods(["GET", "POST"])
def import_report(request, pk):
    batch = get_object_or_404(EnterpriseImport, pk=pk, created_by=request.user)
    if request.method == "POST":
        return _apply(request, batch)
    return _report(request, batch)


def _apply(request, batch: EnterpriseImport):
    try:
        report = import_apply(batch=batch, user=request.user)
    except ImportAlreadyApplied:
        messages.info(request, _("Företagen i den här filen är redan inlästa."))
        return redirect("registry_staff:import_report", pk=batch.pk)
    except ImportFileError as error:
        return _report(request, batch, file_error=error.message)
    if not report.ok:
        messages.error(
            request,
            _(
                "Ingenting har sparats. Några rader har fel, se nedan. Registret "
                "kan ha ändrats sedan kontrollen."
            ),
        )
        return _report(request, batch, report=report)
    count = batch.applied_count
    text = ngettext("%(count)s företag är inläst.", "%(count)s företag är inlästa.", count)
    messages.success(request, text % {"count": count})
    return redirect("registry_staff:import_report", pk=batch.pk)


def _report(request, batch: EnterpriseImport, *, report=None, file_error: str = ""):
    upload = Crumb(_("Läs in företag från en fil"), reverse("registry_staff:import_upload"))
    if batch.applied_at:
        created = imported_enterprises(batch=batch)
        context = _context(_("Företagen är inlästa"), upload, batch=batch, created=created)
        return render(request, "registry/staff/import_report.html", context)
    if report is None and not file_error:
        try:
            report = import_check(batch.text)
        except ImportFileError as error:
            file_error = error.message
    heading = _("Kontrollera filen innan du läser in")
    context = _context(heading, upload, batch=batch, file_error=file_error, report=report)
    return render(request, "registry/staff/import_report.html", context)
