"""How the site names a staff user: the full name, else the username."""

from django.contrib.auth.models import AbstractBaseUser


def display_name(user: AbstractBaseUser | None) -> str:
    """ "Rut Rådgivare", or "rut" when no name is set; "" for no user."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()
