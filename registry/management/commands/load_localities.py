"""Load Sweden's postal-code areas and towns for "nearest first".

Download GeoNames' postal-code dump for Sweden (https://download.geonames.org/
export/zip/SE.zip, CC BY 4.0), unzip it and run ``manage.py load_localities
SE.txt``. A reload replaces what the previous one loaded; the shipped places
(``registry/data/localities.csv``) stay. See docs/localities.md."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from registry.localities import GEONAMES_SOURCE, read_geonames
from registry.services.localities import localities_replace


class Command(BaseCommand):
    help = "Load GeoNames' Swedish postal codes (SE.txt) as places to measure distance from."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="GeoNames' SE.txt (tab separated, UTF-8)")

    def handle(self, *args, path: Path, **options):
        try:
            with path.open(encoding="utf-8") as lines:
                rows = read_geonames(lines)
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Kunde inte läsa {path}: {error}") from error
        if not rows:
            raise CommandError(f"Inga platser att läsa in i {path}: är det GeoNames SE.txt?")
        localities_replace(rows=rows, source=GEONAMES_SOURCE)
        codes = sum(1 for row in rows if row.kind == "postal_code")
        self.stdout.write(
            f"Läste in {codes} postnummerområden och {len(rows) - codes} orter från GeoNames."
        )
