"""The two staff groups and exactly the permissions their work needs.

Advisors (Rådgivare) keep the registry and handle inquiries in /handlaggare/;
editors (Redaktör) edit policy pages, advice flows and taxonomies in /admin/.
Staff accounts themselves are managed by superusers and `create_staff`: a
user-editing permission would let an editor make anyone a superuser.

The lists are frozen here, as migrations are; a later change of roles is a new
migration.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ADVISOR = "Rådgivare"
EDITOR = "Redaktör"

ADVISOR_PERMISSIONS = {
    "registry": [
        "view_socialenterprise",
        "add_socialenterprise",
        "change_socialenterprise",
        "publish_socialenterprise",
        "verify_socialenterprise",
        "import_socialenterprise",
        "export_socialenterprise",
        "view_offering",
        "add_offering",
        "change_offering",
        "delete_offering",
        "view_partner",
        "add_partner",
        "change_partner",
        "view_place",
        "add_place",
        "change_place",
        "delete_place",
        "view_session",
        "add_session",
        "change_session",
        "delete_session",
        "view_enterprisereport",
        "change_enterprisereport",
        "view_industry",
        "view_targetgroup",
        "view_area",
    ],
    "guidance": [
        "view_inquiry",
        "change_inquiry",
        "delete_inquiry",  # erasure at the person's request, logged
        "view_inquirynote",
        "add_inquirynote",
    ],
}

_CONTENT = ["page", "adviceflow", "question", "choice", "recommendation"]
_TAXONOMIES = ["industry", "targetgroup", "area"]
EDITOR_PERMISSIONS = {
    "guidance": [f"{action}_{model}" for model in _CONTENT for action in
                 ("view", "add", "change", "delete")] + ["view_pagerevision"],
    "registry": [f"{action}_{model}" for model in _TAXONOMIES for action in
                 ("view", "add", "change", "delete")],
}


def _permissions(apps, wanted):
    Permission = apps.get_model("auth", "Permission")
    found = []
    for app_label, codenames in wanted.items():
        rows = list(
            Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )
        missing = set(codenames) - {row.codename for row in rows}
        if missing:
            raise RuntimeError(f"Permissions not found: {app_label} {sorted(missing)}")
        found += rows
    return found


def create_groups(apps, schema_editor):
    # Permissions are normally made after all migrations have run; make them now.
    # (create_permissions skips an app config without a models module, which a
    # migration's app configs lack.)
    for label in ("registry", "guidance"):
        app_config = apps.get_app_config(label)
        original = getattr(app_config, "models_module", None)
        app_config.models_module = original or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = original
    Group = apps.get_model("auth", "Group")
    for name, wanted in ((ADVISOR, ADVISOR_PERMISSIONS), (EDITOR, EDITOR_PERMISSIONS)):
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(_permissions(apps, wanted))


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[ADVISOR, EDITOR]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("registry", "0005_back_office"),
        ("guidance", "0002_inquiry_handling"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
