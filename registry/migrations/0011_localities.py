"""Nearest first: the places to measure from, and the indexes that serve the
distance order.

PostgreSQL: a GiST index over each enterprise's point on the unit sphere (the
``cube`` extension, in PostgreSQL's contrib), which serves ``ORDER BY point <->
origin`` (nearest neighbour) and the box test ``point <@ cube``. The
expression must stay the very one ``registry.selectors.nearest`` queries with.
The cube functions are called directly, not through ``earthdistance``'s
``ll_to_earth``, whose body names ``earth()`` without its schema and so
breaks a restore (``pg_restore`` runs with an empty search_path).
SQLite: a plain index on latitude for the bounding box.
"""

from django.db import migrations, models

POINT = (
    "cube(ARRAY[cos(radians(latitude)) * cos(radians(longitude)),"
    " cos(radians(latitude)) * sin(radians(longitude)), sin(radians(latitude))])"
)
CREATE = [
    "CREATE EXTENSION IF NOT EXISTS cube",
    "CREATE INDEX IF NOT EXISTS enterprise_position_gist ON registry_socialenterprise"
    f" USING gist ({POINT}) WHERE latitude IS NOT NULL AND longitude IS NOT NULL",
]
DROP = ["DROP INDEX IF EXISTS enterprise_position_gist"]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


def _sqlite_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS enterprise_latitude ON registry_socialenterprise (latitude)"
        )


def _drop_sqlite_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP INDEX IF EXISTS enterprise_latitude")


class Migration(migrations.Migration):
    dependencies = [
        ("registry", "0010_languages_and_access"),
    ]

    operations = [
        migrations.CreateModel(
            name="Locality",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("area", "område i kommunen"),
                            ("town", "ort"),
                            ("postal_code", "postnummerområde"),
                        ],
                        max_length=20,
                        verbose_name="typ",
                    ),
                ),
                ("name", models.CharField(max_length=100, verbose_name="namn")),
                (
                    "name_key",
                    models.CharField(db_index=True, max_length=100, verbose_name="namn för sökning"),
                ),
                (
                    "postal_code",
                    models.CharField(
                        blank=True, db_index=True, max_length=5, verbose_name="postnummer"
                    ),
                ),
                ("latitude", models.FloatField(verbose_name="latitud")),
                ("longitude", models.FloatField(verbose_name="longitud")),
                ("source", models.CharField(max_length=40, verbose_name="källa")),
            ],
            options={
                "verbose_name": "plats",
                "verbose_name_plural": "platser",
                "ordering": ["kind", "name", "postal_code"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("kind", "name_key", "postal_code"), name="locality_unique"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("latitude__gte", -90),
                            ("latitude__lte", 90),
                            ("longitude__gte", -180),
                            ("longitude__lte", 180),
                        ),
                        name="locality_position_in_range",
                    ),
                ],
            },
        ),
        migrations.RunPython(_run(CREATE), _run(DROP)),
        migrations.RunPython(_sqlite_index, _drop_sqlite_index),
    ]
