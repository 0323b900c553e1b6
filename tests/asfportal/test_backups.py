"""Backups that restore: backup_database and restore_database on a real
PostgreSQL, the restore in a database of its own, compared table by table."""

import os
import re
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from tests.demo_content import load_demo_content

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
ROOT = Path(__file__).resolve().parents[2]
CARD_NAME = re.compile(r'<article class="enterprise-card">\s*<h3><a href="[^"]+">([^<]+)</a>')


def _url(name: str) -> str:
    settings = connection.settings_dict
    return (
        f"postgres://{settings['USER'] or 'postgres'}@{settings['HOST'] or '127.0.0.1'}:"
        f"{settings['PORT'] or 5432}/{name}"
    )


def _counts(url: str) -> dict[str, int]:
    with psycopg.connect(url) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1"
            )
        ]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}  # noqa: S608 - names from the catalogue


def _manage(url: str, *args: str) -> str:
    env = {**os.environ, "DATABASE_URL": url, "ALLOWED_HOSTS": "testserver"}
    done = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


FIRST_PAGE = "from django.test import Client; print(Client().get('/foretag/').content.decode())"


def test_a_restored_backup_has_every_row_and_the_same_directory(tmp_path, client):
    load_demo_content()
    call_command("rebuild_search_index")
    dump = tmp_path / "asfportal.dump"
    call_command("backup_database", str(dump))
    name = connection.settings_dict["NAME"]
    original = _counts(_url(name))
    directory = CARD_NAME.findall(client.get("/foretag/").content.decode())
    copy = f"{name}_restored"
    with psycopg.connect(_url("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{copy}"')
        admin.execute(f'CREATE DATABASE "{copy}"')
    try:
        said = _manage(_url(copy), "restore_database", str(dump))
        restored = _counts(_url(copy))
        restored_directory = CARD_NAME.findall(_manage(_url(copy), "shell", "-c", FIRST_PAGE))
    finally:
        with psycopg.connect(_url("postgres"), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{copy}" WITH (FORCE)')

    assert "Restored" in said
    assert original["registry_socialenterprise"] > 50  # the demo content is in it
    assert restored == original  # every table, every row
    assert len(directory) == 20
    assert restored_directory == directory


def test_a_restore_never_overwrites_a_database_in_use(tmp_path):
    dump = tmp_path / "asfportal.dump"
    call_command("backup_database", str(dump))

    with pytest.raises(CommandError, match="is not empty"):
        call_command("restore_database", str(dump))


def test_a_missing_file_is_said_plainly(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        call_command("restore_database", str(tmp_path / "nothing.dump"))
