from django.core.management.base import BaseCommand, CommandError

from opendata.harvest.client import Client, HarvestError, check_url
from opendata.harvest.run import harvest
from registry.services.harvest import Outcome


class Command(BaseCommand):
    help = "Read another portal's HSDS 3.0 API (its base address, e.g. "
    help += "https://example.se/api/hsds) into draft enterprises that advisors review "
    help += "under 'Anmälda företag'. Only what changed since the last complete run is "
    help += "read; nothing is ever published. Exits 1 when a record or the run failed."

    def add_arguments(self, parser):
        parser.add_argument("url", help="The API's base address.")
        parser.add_argument(
            "--everything", action="store_true", help="Read every record, not only changes."
        )
        parser.add_argument("--timeout", type=float, default=10.0, help="Seconds per answer.")
        parser.add_argument(
            "--max-bytes", type=int, default=5 * 1024 * 1024, help="Largest answer accepted."
        )
        parser.add_argument("--max-pages", type=int, default=500, help="Pages per list at most.")

    def handle(self, *args, url, everything, timeout, max_bytes, max_pages, **options):
        try:
            base = check_url(url)
        except HarvestError as error:
            raise CommandError(str(error)) from None
        client = Client(base, timeout=timeout, max_bytes=max_bytes, max_pages=max_pages)
        report = harvest(base, client=client, everything=everything)
        since = report.since.isoformat() if report.since else "the beginning"
        self.stdout.write(f"Harvest of {report.url}, changes since {since}:")
        for line in report.lines:
            detail = f" ({line.detail})" if line.detail else ""
            self.stdout.write(f"  {line.outcome}: {line.name} [{line.remote_id}]{detail}")
        counts = ", ".join(
            f"{report.count(outcome)} {outcome}"
            for outcome in (*[o.value for o in Outcome], "skipped", "invalid", "failed")
        )
        self.stdout.write(f"Done: {counts}.")
        for error in report.errors:
            self.stderr.write(f"The run stopped: {error}")
        if not report.ok:
            raise CommandError("The harvest had problems; see above.", returncode=1)
