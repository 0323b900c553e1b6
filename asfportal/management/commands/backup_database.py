from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from asfportal.core import backups


class Command(BaseCommand):
    help = "Back up the PostgreSQL database with pg_dump (custom format) to a file."

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            nargs="?",
            help="The file to write (default: asfportal-<date and time>.dump here).",
        )

    def handle(self, *args, path=None, **options):
        target = Path(path or f"asfportal-{timezone.now():%Y%m%d-%H%M%S}.dump")
        try:
            done = backups.backup(target)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up to {done.path} ({done.size / 1e6:.1f} MB) in {done.seconds:.1f} s."
            )
        )
