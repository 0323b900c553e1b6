"""Advisors answer requests to see or erase one's alerts of the directory,
with the helpers of the migration before (the same group, other permissions)."""

import importlib

from django.db import migrations

previous = importlib.import_module("asfportal.migrations.0002_self_service_permissions")

ADVISOR_PERMISSIONS = {"registry": ["view_alertsubscription", "delete_alertsubscription"]}


def add_permissions(apps, schema_editor):
    previous.grant(apps, ADVISOR_PERMISSIONS)


def remove_permissions(apps, schema_editor):
    previous.revoke(apps, ADVISOR_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("asfportal", "0002_self_service_permissions"),
        ("registry", "0012_alerts"),
    ]

    operations = [migrations.RunPython(add_permissions, remove_permissions)]
