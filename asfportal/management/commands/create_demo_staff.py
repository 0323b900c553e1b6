from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from asfportal.services import staff_create

# Printed by `make run` and written in the README: for a laptop only.
DEMO_ACCOUNTS = [
    ("radgivare", "advisor", "Rut", "Rådgivare", "demo-radgivare"),
    ("redaktor", "editor", "Erik", "Redaktör", "demo-redaktor"),
]


class Command(BaseCommand):
    help = "Create the demo advisor and editor (only when DEBUG is on)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "Refusing to create demo accounts with known passwords: DEBUG is off. "
                "Use 'manage.py create_staff' for real accounts."
            )
        users = get_user_model().objects
        for username, role, first, last, password in DEMO_ACCOUNTS:
            if not users.filter(username=username).exists():
                staff_create(
                    username=username,
                    email=f"{username}@exempelkommunen.se",
                    role=role,
                    password=password,
                    first_name=first,
                    last_name=last,
                    validate_password=False,
                )
            self.stdout.write(f"Demo {role}: {username} / {password}")
        self.stdout.write("Sign in at http://127.0.0.1:8000/handlaggare/konto/logga-in/")
