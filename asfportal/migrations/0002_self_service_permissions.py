"""Advisors decide the enterprises' change proposals and see the links sent."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ADVISOR = "Rådgivare"
ADVISOR_PERMISSIONS = {
    "registry": ["view_changeproposal", "change_changeproposal", "view_selfservicelink"],
}


def add_permissions(apps, schema_editor):
    grant(apps, ADVISOR_PERMISSIONS)


def remove_permissions(apps, schema_editor):
    revoke(apps, ADVISOR_PERMISSIONS)


def grant(apps, permissions: dict[str, list[str]]) -> None:
    """Give the advisors' group ``permissions`` (app label -> codenames),
    creating them first (a later migration's models may be new)."""
    for label in permissions:
        app_config = apps.get_app_config(label)
        original = getattr(app_config, "models_module", None)
        app_config.models_module = original or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = original
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=ADVISOR).first()
    if group is None:
        return
    for app_label, codenames in permissions.items():
        rows = list(
            Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )
        if len(rows) != len(codenames):
            raise RuntimeError(f"Permissions not found: {app_label} {codenames}")
        group.permissions.add(*rows)


def revoke(apps, permissions: dict[str, list[str]]) -> None:
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=ADVISOR).first()
    if group is not None:
        for app_label, codenames in permissions.items():
            group.permissions.remove(
                *group.permissions.filter(
                    content_type__app_label=app_label, codename__in=codenames
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("asfportal", "0001_staff_groups"),
        ("registry", "0006_self_service"),
    ]

    operations = [migrations.RunPython(add_permissions, remove_permissions)]
