"""The demo content for tests that need a full portal, fast.

``manage.py load_demo`` makes about 10,000 queries (every record through the
services, with its history): 3 to 6 seconds. Some fifty tests need its result,
and the browser tests' database is emptied after each one. The first call in
a test session runs the real loader and keeps the rows it wrote, table by
table; later calls insert those rows again in bulk (a few queries), reset the
id sequences and start a new registry version, as the loader's writes would.
The loader itself is tested by calling it (tests/registry/test_demo.py,
tests/guidance/test_demo.py, tests/guidance/test_easy_read_flows.py).
"""

from dataclasses import dataclass

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

from registry.models import Language, Locality
from registry.pagecache import new_registry_version

# Refilled after every migrate and flush, with new ids: left out; links to a
# language are kept by its code.
_REFILLED = {Language, Locality}


@dataclass
class _Table:
    model: type
    columns: list[str]
    language_columns: list[int]  # positions of the columns that hold a language id
    rows: list[list]


_kept: dict[str, list[_Table]] = {}  # database name -> the demo content


def _models() -> list:
    return [
        model
        for name in ("registry", "guidance")
        for model in apps.get_app_config(name).get_models(include_auto_created=True)
        if model not in _REFILLED
    ]


def _read(model) -> _Table:
    fields = model._meta.concrete_fields
    columns = [field.attname for field in fields]
    languages = [
        i for i, field in enumerate(fields) if field.is_relation and field.related_model is Language
    ]
    code_of = dict(Language.objects.values_list("pk", "code"))
    rows = []
    for row in model.objects.order_by("pk").values_list(*columns):
        row = list(row)
        for i in languages:
            row[i] = code_of.get(row[i], row[i])
        rows.append(row)
    return _Table(model, columns, languages, rows)


def _write(tables: list[_Table]) -> None:
    id_of = dict(Language.objects.values_list("code", "pk"))
    with transaction.atomic():  # foreign keys are checked at the commit
        for table in tables:
            objects = []
            for row in table.rows:
                values = list(row)
                for i in table.language_columns:
                    values[i] = id_of.get(values[i], values[i])
                objects.append(table.model(**dict(zip(table.columns, values, strict=True))))
            table.model.objects.bulk_create(objects, batch_size=500)
        models = [table.model for table in tables]
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)
    new_registry_version()


def load_demo_content() -> None:
    """Add the demo content, as ``load_demo`` does, to an empty portal."""
    name = connection.settings_dict["NAME"]
    if name in _kept:
        _write(_kept[name])
        return
    empty = not any(model.objects.exists() for model in _models())
    call_command("load_demo")
    if empty:  # what is there now is the demo content and nothing else
        tables = [_read(model) for model in _models()]
        _kept[name] = [table for table in tables if table.rows]
