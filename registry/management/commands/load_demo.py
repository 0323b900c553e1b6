from django.core.management.base import BaseCommand

from registry.demo import load_demo


class Command(BaseCommand):
    help = "Add the demo partners and fictional enterprises that are missing (idempotent)."

    def handle(self, *args, **options):
        added = load_demo()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content: {added['partners']} partners and "
                f"{added['enterprises']} enterprises added."
            )
        )
