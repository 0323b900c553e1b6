from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from guidance.services import inquiries_purge, inquiry_retention_cutoff


class Command(BaseCommand):
    help = "Erase closed inquiries (with their notes) closed longer ago than "
    help += "INQUIRY_RETENTION_MONTHS, as the privacy notice promises. Run it daily; "
    help += "it is idempotent."

    def handle(self, *args, **options):
        now = timezone.now()
        erased = inquiries_purge(now=now)
        cutoff = timezone.localtime(inquiry_retention_cutoff(now))
        self.stdout.write(
            self.style.SUCCESS(
                f"Erased {erased} closed inquiries closed before {cutoff:%Y-%m-%d %H:%M} "
                f"(retention: {settings.INQUIRY_RETENTION_MONTHS} months)."
            )
        )
