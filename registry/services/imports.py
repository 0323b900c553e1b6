"""Keeping an advisor's CSV file between its dry run and the go-ahead, and
applying it: every row or none."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from registry.csv_import.reading import ImportReport
from registry.models import EnterpriseImport, Language, PublicationStatus, SocialEnterprise
from registry.selectors.imports import import_check
from registry.services.enterprises import enterprise_create


class ImportAlreadyApplied(Exception):
    """The batch was applied before: a double click or a reload of the form."""


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
    languages = {language.code: language for language in Language.objects.all()}
    created = [
        enterprise_create(
            industries=row.industries,
            languages=[languages[code] for code in row.languages],
            status=status,
            **row.fields,
        )
        for row in report.rows
    ]
    # The history shows who imported and from which file, also when no request
    # carries the user (a command): one UPDATE for all rows.
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
