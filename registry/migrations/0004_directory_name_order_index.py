"""An index in the directory's own order (Swedish collation, then id) over the
published rows, so page 1 and any keyset page of the name-sorted directory is
an index range scan instead of a sort of every published row. PostgreSQL only,
like 0003."""

from django.db import migrations

CREATE = (
    "CREATE INDEX IF NOT EXISTS enterprise_published_name_sv_idx "
    'ON registry_socialenterprise ((name COLLATE "sv-x-icu"), id) '
    "WHERE status = 'published'"
)
DROP = "DROP INDEX IF EXISTS enterprise_published_name_sv_idx"


def _run(statement):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("registry", "0003_search_vector")]

    operations = [migrations.RunPython(_run(CREATE), _run(DROP), elidable=False)]
