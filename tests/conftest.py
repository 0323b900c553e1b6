import os
import shutil
from smtplib import SMTPRecipientsRefused

import pytest
from django.core.mail.backends.locmem import EmailBackend
from django.db import connection


def _on_postgres() -> bool:
    return connection.vendor == "postgresql"


def _postgres_run_only(item) -> bool:
    """Tests that need PostgreSQL, and the browser tests: they drive the site as
    a person does against the production database, and CI runs them once (in
    its PostgreSQL run) to stay within its time."""
    return bool(item.get_closest_marker("postgres")) or "tests/browser/" in str(item.fspath)


def pytest_collection_modifyitems(config, items):
    """On SQLite, deselect the PostgreSQL run's tests and say so; never skip them."""
    if _on_postgres():
        return
    postgres_only = [item for item in items if _postgres_run_only(item)]
    if postgres_only:
        items[:] = [item for item in items if not _postgres_run_only(item)]
        config.hook.pytest_deselected(items=postgres_only)
        config._asf_postgres_deselected = len(postgres_only)


def pytest_report_header(config):
    return f"database: {connection.vendor} ({connection.settings_dict['NAME']})"


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    checked = getattr(config, "_asf_html_checked", None)
    if checked is not None:
        paths = {url.split("//", 1)[-1].split("/", 1)[-1].split("?")[0] for url in checked}
        terminalreporter.write_line(
            f"Nu Html Checker: {len(checked)} public page loads ({len(paths)} distinct paths) "
            "checked; any error fails the test that loaded the page."
        )
    count = getattr(config, "_asf_postgres_deselected", 0)
    if count:
        terminalreporter.write_line(
            f"NOTE: {count} tests of the PostgreSQL run were not run: this run uses SQLite. "
            "Set DATABASE_URL=postgres://… to run them.",
            yellow=True,
        )


CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Drive Debian's Chromium; Playwright cannot download its own here."""
    if not shutil.which(CHROMIUM):
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--disable-background-networking", "--disable-component-update", "--no-first-run"],
    }


@pytest.fixture(autouse=True)
def swedish_by_default():
    """Each test starts in Swedish: a request to /en/ leaves English active in the
    thread, and reverse() would then build /en/ addresses in the next test."""
    from django.utils import translation

    translation.activate("sv")
    yield
    translation.activate("sv")


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache, so rate limits do not carry over."""
    from django.core.cache import cache, caches

    cache.clear()
    caches["local"].clear()
    yield
    cache.clear()
    caches["local"].clear()


@pytest.fixture
def database_down():
    """Every query fails as it does when the database has gone away (Django's
    own execute_wrapper hook, on the test's connection)."""
    from django.db import OperationalError

    def refuse(execute, sql, params, many, context):
        raise OperationalError("server closed the connection unexpectedly")

    with connection.execute_wrapper(refuse):
        yield


@pytest.fixture
def redis_away(settings):
    """The shared cache is the site's Redis backend at a closed port."""
    from tests.mailserver import free_port

    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "asfportal.core.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        },
    }


@pytest.fixture
def refusing_mail_server(monkeypatch):
    """The test mail backend (mail leaves the process, so it is the one thing
    faked), refusing every mail to trasig@example.se as a real server would."""
    deliver = EmailBackend.send_messages

    def send_messages(self, messages):
        if any("trasig@example.se" in message.to for message in messages):
            raise SMTPRecipientsRefused({"trasig@example.se": (550, b"no such user")})
        return deliver(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", send_messages)


def ensure_staff_groups() -> None:
    """The staff groups as the data migration makes them. A transactional test
    (the browser tests) empties every table when it ends, groups included, so
    later tests make them again with the migration's own function."""
    import importlib

    from django.apps import apps
    from django.contrib.auth.models import Group

    if Group.objects.filter(name__in=["Rådgivare", "Redaktör"]).count() < 2:
        migration = importlib.import_module("asfportal.migrations.0001_staff_groups")
        migration.create_groups(apps, None)
        for name in ("0002_self_service_permissions", "0003_alert_permissions"):
            later = importlib.import_module(f"asfportal.migrations.{name}")
            later.add_permissions(apps, None)


def _user_in_group(username: str, group: str | None, **extra):
    from django.contrib.auth.models import Group

    from tests.factories import UserFactory

    ensure_staff_groups()
    user = UserFactory(username=username, first_name=username.capitalize(), **extra)
    user.set_password("korrekt-hast-batteri-42")
    user.save()
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def advisor(db):
    """A member of Rådgivare (the advisors' group made by the data migration)."""
    return _user_in_group("rut", "Rådgivare")


@pytest.fixture
def other_advisor(db):
    return _user_in_group("ali", "Rådgivare")


@pytest.fixture
def editor(db):
    """A member of Redaktör, with admin access."""
    return _user_in_group("eva", "Redaktör", is_staff=True)


@pytest.fixture
def no_role_user(db):
    """Signed in, but in no group: every staff page answers 403."""
    return _user_in_group("nils", None)


@pytest.fixture
def advisor_client(client, advisor):
    client.force_login(advisor)
    return client
