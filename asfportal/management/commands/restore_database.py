from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from asfportal.core import backups
from registry.pagecache import new_registry_version


class Command(BaseCommand):
    help = (
        "Restore a backup_database file into the configured PostgreSQL database, "
        "which must be empty; all of it or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="A file written by backup_database.")

    def handle(self, *args, path, **options):
        try:
            done = backups.restore(Path(path))
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        # Pages and indexes kept for the database before the restore must go.
        new_registry_version()
        self.stdout.write(self.style.SUCCESS(f"Restored {done.path} in {done.seconds:.1f} s."))
