from django.core.management.base import BaseCommand

from asfportal.core import dates
from registry.services.alerts import alert_digests_task


class Command(BaseCommand):
    help = "Enqueue the alerts' digest run for today: the worker erases subscriptions "
    help += "not confirmed within ALERT_CONFIRM_DAYS and mails each confirmed alert whose "
    help += "day or week has not been handled what is new for its filters. Run it daily "
    help += "(weekly alerts go out on the first run of the week); a second run queues a "
    help += "task that finds nothing left to do."

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", help="Run as if today were this day (YYYY-MM-DD), for tests and backfills."
        )

    def handle(self, *args, date: str | None = None, **options):
        day = dates.date_option(date)
        result = alert_digests_task.enqueue(day.isoformat())
        self.stdout.write(f"Alert digests for {day} queued as task {result.id}.")
