"""Stable UUIDs for the open-data API: added empty, filled one per row (and
copied into each row's history), then made unique and required."""

import uuid

from django.db import migrations, models

FIELDS = {
    "area": ["uuid"],
    "industry": ["uuid"],
    "targetgroup": ["uuid"],
    "socialenterprise": ["uuid", "location_uuid"],
    "offering": ["uuid", "at_location_uuid"],
    "partner": ["uuid"],
    "partnertopic": ["uuid"],
    "place": ["uuid"],
    "session": ["uuid"],
}


def fill(apps, schema_editor):
    for model_name, names in FIELDS.items():
        model = apps.get_model("registry", model_name)
        history = apps.get_model("registry", "historical" + model_name)
        for pk in model.objects.filter(**{names[0] + "__isnull": True}).values_list(
            "pk", flat=True
        ):
            values = {name: uuid.uuid4() for name in names}
            model.objects.filter(pk=pk).update(**values)
            history.objects.filter(id=pk).update(**values)


class Migration(migrations.Migration):
    dependencies = [
        ("registry", "0006_self_service"),
    ]

    operations = [
        migrations.AddField(
            model_name="area",
            name="uuid",
            field=models.UUIDField(editable=False, null=True, verbose_name="id i öppna data"),
        ),
        migrations.AddField(
            model_name="historicalarea",
            name="uuid",
            field=models.UUIDField(editable=False, null=True, verbose_name="id i öppna data"),
        ),
        migrations.AddField(
            model_name="historicalindustry",
            name="uuid",
            field=models.UUIDField(editable=False, null=True, verbose_name="id i öppna data"),
        ),
        migrations.AddField(
            model_name="historicaloffering",
            name="at_location_uuid",
            field=models.UUIDField(
                editable=False, null=True, verbose_name="id för erbjudandet på platsen i öppna data"
            ),
        ),
        migrations.AddField(
            model_name="historicaloffering",
            name="uuid",
            field=models.UUIDField(editable=False, null=True, verbose_name="id i öppna data"),
        ),
        migrations.AddField(
            model_name="historicalpartner",
            name="uuid",
            field=models.UUIDField(editable=False, null=True, verbose_name="id i öppna data"),
        ),
        migrations.AddField(
            model_name="historicalpartnertopic",
            name="uuid",
            field=models.UUIDField(editable=False, null=True, verbose_name="id i öppna data"),
        ),
        migrations.AddField(
            model_name="historicalplace",
            name="uuid",
            field=models.UUIDField(editable=False, null=True, verbose_name="id i öppna data"),
        ),
        migrations.AddField(
            model_name="historicalsession",
            name="uuid",
            field=models.UUIDField(editable=False, null=True, verbose_name="id i öppna data"),
        ),
        migrations.AddField(
            model_name="historicalsocialenterprise",
            name="location_uuid",
            field=models.UUIDField(
                editable=False, null=True, verbose_name="platsens id i öppna data"
            ),
        ),
        migrations.AddField(
            model_name="historicalsocialenterprise",
            name="uuid",
            field=models.UUIDField(editable=False, null=True, verbose_name="id i öppna data"),
        ),
        migrations.AddField(
            model_name="historicaltargetgroup",
            name="uuid",
            field=models.UUIDField(editable=False, null=True, verbose_name="id i öppna data"),
        ),
        migrations.AddField(
            model_name="industry",
            name="uuid",
            field=models.UUIDField(editable=False, null=True, verbose_name="id i öppna data"),
        ),
        migrations.AddField(
            model_name="offering",
            name="at_location_uuid",
            field=models.UUIDField(
                editable=False, null=True, verbose_name="id för erbjudandet på platsen i öppna data"
            ),
        ),
        migrations.AddField(
            model_name="offering",
            name="uuid",
            field=models.UUIDField(editable=False, null=True, verbose_name="id i öppna data"),
        ),
        migrations.AddField(
            model_name="partner",
            name="uuid",
            field=models.UUIDField(editable=False, null=True, verbose_name="id i öppna data"),
        ),
        migrations.AddField(
            model_name="partnertopic",
            name="uuid",
            field=models.UUIDField(editable=False, null=True, verbose_name="id i öppna data"),
        ),
        migrations.AddField(
            model_name="place",
            name="uuid",
            field=models.UUIDField(editable=False, null=True, verbose_name="id i öppna data"),
        ),
        migrations.AddField(
            model_name="session",
            name="uuid",
            field=models.UUIDField(editable=False, null=True, verbose_name="id i öppna data"),
        ),
        migrations.AddField(
            model_name="socialenterprise",
            name="location_uuid",
            field=models.UUIDField(
                editable=False, null=True, verbose_name="platsens id i öppna data"
            ),
        ),
        migrations.AddField(
            model_name="socialenterprise",
            name="uuid",
            field=models.UUIDField(editable=False, null=True, verbose_name="id i öppna data"),
        ),
        migrations.AddField(
            model_name="targetgroup",
            name="uuid",
            field=models.UUIDField(editable=False, null=True, verbose_name="id i öppna data"),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="area",
            name="uuid",
            field=models.UUIDField(
                default=uuid.uuid4, editable=False, unique=True, verbose_name="id i öppna data"
            ),
        ),
        migrations.AlterField(
            model_name="historicalarea",
            name="uuid",
            field=models.UUIDField(
                db_index=True, default=uuid.uuid4, editable=False, verbose_name="id i öppna data"
            ),
        ),
        migrations.AlterField(
            model_name="industry",
            name="uuid",
            field=models.UUIDField(
                default=uuid.uuid4, editable=False, unique=True, verbose_name="id i öppna data"
            ),
        ),
        migrations.AlterField(
            model_name="historicalindustry",
            name="uuid",
            field=models.UUIDField(
                db_index=True, default=uuid.uuid4, editable=False, verbose_name="id i öppna data"
            ),
        ),
        migrations.AlterField(
            model_name="targetgroup",
            name="uuid",
            field=models.UUIDField(
                default=uuid.uuid4, editable=False, unique=True, verbose_name="id i öppna data"
            ),
        ),
        migrations.AlterField(
            model_name="historicaltargetgroup",
            name="uuid",
            field=models.UUIDField(
                db_index=True, default=uuid.uuid4, editable=False, verbose_name="id i öppna data"
            ),
        ),
        migrations.AlterField(
            model_name="socialenterprise",
            name="uuid",
            field=models.UUIDField(
                default=uuid.uuid4, editable=False, unique=True, verbose_name="id i öppna data"
            ),
        ),
        migrations.AlterField(
            model_name="historicalsocialenterprise",
            name="uuid",
            field=models.UUIDField(
                db_index=True, default=uuid.uuid4, editable=False, verbose_name="id i öppna data"
            ),
        ),
        migrations.AlterField(
            model_name="socialenterprise",
            name="location_uuid",
            field=models.UUIDField(
                default=uuid.uuid4,
                editable=False,
                unique=True,
                verbose_name="platsens id i öppna data",
            ),
        ),
        migrations.AlterField(
            model_name="historicalsocialenterprise",
            name="location_uuid",
            field=models.UUIDField(
                db_index=True,
                default=uuid.uuid4,
                editable=False,
                verbose_name="platsens id i öppna data",
            ),
        ),
        migrations.AlterField(
            model_name="offering",
            name="uuid",
            field=models.UUIDField(
                default=uuid.uuid4, editable=False, unique=True, verbose_name="id i öppna data"
            ),
        ),
        migrations.AlterField(
            model_name="historicaloffering",
            name="uuid",
            field=models.UUIDField(
                db_index=True, default=uuid.uuid4, editable=False, verbose_name="id i öppna data"
            ),
        ),
        migrations.AlterField(
            model_name="offering",
            name="at_location_uuid",
            field=models.UUIDField(
                default=uuid.uuid4,
                editable=False,
                unique=True,
                verbose_name="id för erbjudandet på platsen i öppna data",
            ),
        ),
        migrations.AlterField(
            model_name="historicaloffering",
            name="at_location_uuid",
            field=models.UUIDField(
                db_index=True,
                default=uuid.uuid4,
                editable=False,
                verbose_name="id för erbjudandet på platsen i öppna data",
            ),
        ),
        migrations.AlterField(
            model_name="partner",
            name="uuid",
            field=models.UUIDField(
                default=uuid.uuid4, editable=False, unique=True, verbose_name="id i öppna data"
            ),
        ),
        migrations.AlterField(
            model_name="historicalpartner",
            name="uuid",
            field=models.UUIDField(
                db_index=True, default=uuid.uuid4, editable=False, verbose_name="id i öppna data"
            ),
        ),
        migrations.AlterField(
            model_name="partnertopic",
            name="uuid",
            field=models.UUIDField(
                default=uuid.uuid4, editable=False, unique=True, verbose_name="id i öppna data"
            ),
        ),
        migrations.AlterField(
            model_name="historicalpartnertopic",
            name="uuid",
            field=models.UUIDField(
                db_index=True, default=uuid.uuid4, editable=False, verbose_name="id i öppna data"
            ),
        ),
        migrations.AlterField(
            model_name="place",
            name="uuid",
            field=models.UUIDField(
                default=uuid.uuid4, editable=False, unique=True, verbose_name="id i öppna data"
            ),
        ),
        migrations.AlterField(
            model_name="historicalplace",
            name="uuid",
            field=models.UUIDField(
                db_index=True, default=uuid.uuid4, editable=False, verbose_name="id i öppna data"
            ),
        ),
        migrations.AlterField(
            model_name="session",
            name="uuid",
            field=models.UUIDField(
                default=uuid.uuid4, editable=False, unique=True, verbose_name="id i öppna data"
            ),
        ),
        migrations.AlterField(
            model_name="historicalsession",
            name="uuid",
            field=models.UUIDField(
                db_index=True, default=uuid.uuid4, editable=False, verbose_name="id i öppna data"
            ),
        ),
    ]
