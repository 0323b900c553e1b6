from django.core.management.base import BaseCommand

from guidance import demo as guidance_demo
from registry import demo as registry_demo


class Command(BaseCommand):
    help = "Add the demo content that is missing (idempotent): partners, fictional "
    help += "enterprises, policy pages with their history, the two advice flows."

    def handle(self, *args, **options):
        registry = registry_demo.load_demo()
        guidance = guidance_demo.load_demo()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content: {registry['partners']} partners, "
                f"{registry['enterprises']} enterprises, {guidance['pages']} policy pages "
                f"and {guidance['flows']} advice flows added."
            )
        )
