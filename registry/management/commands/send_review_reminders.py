from django.core.management.base import BaseCommand

from asfportal.core import dates
from registry.services.reminders import send_review_reminders


class Command(BaseCommand):
    help = "Queue for each published enterprise due for review (REVIEW_NOTICE_DAYS before "
    help += "FRESH_MONTHS run out) a mail "
    help += "with a personal link to confirm or correct its details, at most once per "
    help += "REVIEW_REMINDER_INTERVAL_DAYS, and the advisors one list of all records due. "
    help += "Run it daily; a second run the same day queues nothing. The worker sends them."

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", help="Run as if today were this day (YYYY-MM-DD), for tests and backfills."
        )

    def handle(self, *args, date: str | None = None, **options):
        day = dates.date_option(date)
        result = send_review_reminders(today=day)
        digest = "digest queued" if result.digest_sent else "no digest"
        self.stdout.write(
            f"Review reminders for {day}: {result.reminded} queued, "
            f"{result.skipped_recently_reminded} reminded recently, "
            f"{result.without_email} without e-mail; {digest}."
        )
