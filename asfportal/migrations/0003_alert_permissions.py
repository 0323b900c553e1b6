"""Advisors answer requests to see or erase one's alerts of the directory."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ADVISOR = "Rådgivare"
ADVISOR_PERMISSIONS = {"registry": ["view_alertsubscription", "delete_alertsubscription"]}


def add_permissions(apps, schema_editor):
    for label in ADVISOR_PERMISSIONS:
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
    for app_label, codenames in ADVISOR_PERMISSIONS.items():
        rows = list(
            Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )
        if len(rows) != len(codenames):
            raise RuntimeError(f"Permissions not found: {app_label} {codenames}")
        group.permissions.add(*rows)


def remove_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=ADVISOR).first()
    if group is not None:
        for app_label, codenames in ADVISOR_PERMISSIONS.items():
            group.permissions.remove(
                *group.permissions.filter(content_type__app_label=app_label, codename__in=codenames)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("asfportal", "0002_self_service_permissions"),
        ("registry", "0012_alerts"),
    ]

    operations = [migrations.RunPython(add_permissions, remove_permissions)]
