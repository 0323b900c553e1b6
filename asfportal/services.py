"""The site's own writes: staff accounts, in the group that gives the role."""

from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import Group
from django.db import transaction

from asfportal.core.roles import ADVISOR_GROUP, EDITOR_GROUP

ROLES = {"advisor": ADVISOR_GROUP, "editor": EDITOR_GROUP}


@transaction.atomic
def staff_create(
    *,
    username: str,
    email: str,
    role: str,
    password: str | None,
    first_name: str = "",
    last_name: str = "",
    validate_password: bool = True,
):
    """Create a staff account in the role's group. Editors get admin access
    (is_staff); advisors work in /handlaggare/ only. ``password`` None makes
    an account that must set its password through "Glömt lösenordet?"."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; choose {', '.join(ROLES)}")
    user = get_user_model()(
        username=username,
        email=email,
        first_name=first_name,
        last_name=last_name,
        is_staff=role == "editor",
    )
    user.full_clean(exclude=["password"])
    if password is None:
        user.set_unusable_password()
    else:
        if validate_password:
            password_validation.validate_password(password, user)
        user.set_password(password)
    user.save()
    user.groups.add(Group.objects.get(name=ROLES[role]))
    return user
