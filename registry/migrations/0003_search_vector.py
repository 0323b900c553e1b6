"""PostgreSQL full-text search and typo tolerance for the directory.

The GIN indexes use PostgreSQL-only syntax, so they are created here (and only
on PostgreSQL) rather than declared in Meta; SQLite keeps the casefolded
search_document and ignores the new column.
"""

import django.contrib.postgres.search
from django.db import migrations

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    # The directory's free-text search: search_vector @@ to_tsquery('swedish', …).
    "CREATE INDEX IF NOT EXISTS enterprise_search_vector_gin "
    "ON registry_socialenterprise USING gin (search_vector)",
    # "Menade du …?" and typo tolerance: similarity(name, …) / name % …
    "CREATE INDEX IF NOT EXISTS enterprise_name_trgm_gin "
    "ON registry_socialenterprise USING gin (name gin_trgm_ops)",
]
# Rows that exist before this migration get their vector the way the services
# build it (offering kinds by their Swedish names).
BACKFILL = """
UPDATE registry_socialenterprise e SET search_vector =
  setweight(to_tsvector('swedish', e.name), 'A')
  || setweight(to_tsvector('swedish', e.short_description), 'B')
  || setweight(to_tsvector('swedish', concat_ws(' ', e.description,
       (SELECT string_agg(i.name, ' ') FROM registry_industry i
          JOIN registry_socialenterprise_industries ei ON ei.industry_id = i.id
         WHERE ei.socialenterprise_id = e.id),
       (SELECT string_agg(concat_ws(' ', CASE o.kind
            WHEN 'anstallning' THEN 'Anställning' WHEN 'arbetstraning' THEN 'Arbetsträning'
            WHEN 'arbetsprovning' THEN 'Arbetsprövning' WHEN 'praktik' THEN 'Praktik'
            WHEN 'rehabilitering' THEN 'Rehabilitering' ELSE 'Sysselsättning' END,
            o.description), ' ')
          FROM registry_offering o WHERE o.enterprise_id = e.id))), 'C')
"""
CREATE.append(BACKFILL)

DROP = [
    "DROP INDEX IF EXISTS enterprise_name_trgm_gin",
    "DROP INDEX IF EXISTS enterprise_search_vector_gin",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("registry", "0002_enterprisereport"),
    ]

    operations = [
        migrations.AddField(
            model_name="socialenterprise",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(_run(CREATE), _run(DROP)),
    ]
