"""The search vocabulary, and the indexes that find words near a typo.

PostgreSQL: a trigram GiST index on the folded word serves both
``folded <-> 'resturang'`` (nearest words first) and ``LIKE '%flytt%'``.
SQLite: an FTS5 table with the trigram tokenizer mirrors the folded words
(kept by triggers), for the same two questions.
"""

from django.db import migrations, models

POSTGRES = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS searchword_folded_trgm_gist "
    "ON registry_searchword USING gist (folded gist_trgm_ops)",
]
SQLITE = [
    "CREATE VIRTUAL TABLE registry_searchword_fts USING fts5("
    "folded, content='registry_searchword', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER registry_searchword_ai AFTER INSERT ON registry_searchword BEGIN "
    "INSERT INTO registry_searchword_fts(rowid, folded) VALUES (new.id, new.folded); END",
    "CREATE TRIGGER registry_searchword_ad AFTER DELETE ON registry_searchword BEGIN "
    "INSERT INTO registry_searchword_fts(registry_searchword_fts, rowid, folded) "
    "VALUES ('delete', old.id, old.folded); END",
    "CREATE TRIGGER registry_searchword_au AFTER UPDATE ON registry_searchword BEGIN "
    "INSERT INTO registry_searchword_fts(registry_searchword_fts, rowid, folded) "
    "VALUES ('delete', old.id, old.folded); "
    "INSERT INTO registry_searchword_fts(rowid, folded) VALUES (new.id, new.folded); END",
]
DROP = {
    "postgresql": ["DROP INDEX IF EXISTS searchword_folded_trgm_gist"],
    "sqlite": [
        "DROP TRIGGER IF EXISTS registry_searchword_au",
        "DROP TRIGGER IF EXISTS registry_searchword_ad",
        "DROP TRIGGER IF EXISTS registry_searchword_ai",
        "DROP TABLE IF EXISTS registry_searchword_fts",
    ],
}


def create_indexes(apps, schema_editor):
    statements = {"postgresql": POSTGRES, "sqlite": SQLITE}
    for statement in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def drop_indexes(apps, schema_editor):
    for statement in DROP.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("registry", "0008_harvest"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("word", models.CharField(max_length=40, unique=True)),
                ("folded", models.CharField(db_index=True, max_length=40)),
                ("stem", models.CharField(blank=True, db_index=True, max_length=40)),
            ],
            options={
                "verbose_name": "sökord",
                "verbose_name_plural": "sökord",
            },
        ),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
