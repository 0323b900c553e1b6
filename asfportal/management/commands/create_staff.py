import getpass

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from asfportal.services import ROLES, staff_create


class Command(BaseCommand):
    help = "Create a staff account: an advisor (Rådgivare) or an editor (Redaktör)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=sorted(ROLES))
        parser.add_argument("--email", required=True)
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")
        parser.add_argument(
            "--no-password",
            action="store_true",
            help="Do not ask for a password; the person sets one with 'Glömt lösenordet?'.",
        )

    def handle(self, *args, username, role, email, first_name, last_name, no_password, **kw):
        password = None if no_password else self._ask_password()
        try:
            user = staff_create(
                username=username,
                email=email,
                role=role,
                password=password,
                first_name=first_name,
                last_name=last_name,
            )
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        self.stdout.write(self.style.SUCCESS(f"Created {user.username} ({ROLES[role]})."))

    def _ask_password(self) -> str:
        password = getpass.getpass("Password: ")
        if password != getpass.getpass("Password (again): "):
            raise CommandError("The passwords differ.")
        return password
