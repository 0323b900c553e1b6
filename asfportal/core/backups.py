"""Backups of the PostgreSQL database with its own tools: ``pg_dump`` in the
custom format (one consistent snapshot: everything committed before the dump
started, nothing after) and ``pg_restore`` into an empty database.

The connection comes from ``DATABASES["default"]``; a password goes to the
tools in ``PGPASSWORD``, never on a command line.
"""

import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from django.db import connection


class BackupError(Exception):
    """Said to the operator as it is (a missing tool, a refused restore)."""


@dataclass(frozen=True)
class Done:
    path: Path
    seconds: float
    size: int  # bytes of the dump


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise BackupError(f"{name} is missing: apt-get install postgresql-client")
    return found


def _connection_arguments() -> tuple[list[str], dict[str, str]]:
    if connection.vendor != "postgresql":
        raise BackupError(
            "Backups are for PostgreSQL (DATABASE_URL=postgres://…); a SQLite file is "
            "backed up by copying it while the site is stopped."
        )
    settings = connection.settings_dict
    arguments = [
        f"--host={settings['HOST'] or 'localhost'}",
        f"--port={settings['PORT'] or 5432}",
        f"--username={settings['USER'] or 'postgres'}",
        f"--dbname={settings['NAME']}",
    ]
    env = {**os.environ}
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = settings["PASSWORD"]
    return arguments, env


def _run(command: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603 - our own arguments
    if done.returncode != 0:
        raise BackupError(done.stderr.strip() or f"{command[0]} failed ({done.returncode})")


def backup(path: Path) -> Done:
    """Dump the database to ``path`` (custom format, compressed)."""
    arguments, env = _connection_arguments()
    started = time.monotonic()
    _run([_tool("pg_dump"), "--format=custom", "--no-owner", f"--file={path}", *arguments], env)
    return Done(path, time.monotonic() - started, path.stat().st_size)


def _is_empty() -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        )
        return cursor.fetchone()[0] == 0


def restore(path: Path) -> Done:
    """Restore ``path`` into the configured database, which must be empty (a
    restore never overwrites a database in use); all of it or nothing."""
    if not path.is_file():
        raise BackupError(f"No such file: {path}")
    arguments, env = _connection_arguments()
    if not _is_empty():
        raise BackupError(
            f"The database {connection.settings_dict['NAME']} is not empty. Restore into a "
            "new, empty database and point DATABASE_URL at it (docs/deploy.md)."
        )
    connection.close()
    started = time.monotonic()
    _run(
        [_tool("pg_restore"), "--no-owner", "--exit-on-error", "--single-transaction",
         *arguments, str(path)],
        env,
    )  # fmt: skip
    return Done(path, time.monotonic() - started, path.stat().st_size)
