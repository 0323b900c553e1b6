"""The site while its services fail: the shared cache (Redis at a closed
port) and the database (every query refused, and on PostgreSQL a connection
really terminated)."""

import logging

import psycopg
import pytest
from django.db import connection
from django.urls import reverse

from guidance.models import Inquiry
from registry.models import EnterpriseReport
from registry.pagecache import bump_registry_version
from tests.factories import EnterpriseFactory
from tests.guidance.test_inquiry import form_data as inquiry_data
from tests.registry.test_report import form_data as report_data

pytestmark = pytest.mark.django_db
UNAVAILABLE = "Tjänsten är tillfälligt otillgänglig"
STALE = "Uppgifterna kanske inte är de senaste"


# --- Redis away --------------------------------------------------------------


def test_with_redis_away_every_page_answers_and_edits_show_at_once(client, redis_away):
    enterprise = EnterpriseFactory(name="Kafé Kornet")
    for path in ("/", "/policy/", "/kontakt/", reverse("registry:partner_list")):
        assert client.get(path).status_code == 200, path
    assert "Kafé Kornet" in client.get("/foretag/").content.decode()
    assert client.get(enterprise.get_absolute_url()).status_code == 200

    enterprise.name = "Kafé Kornet och bröd"
    enterprise.save()

    assert "Kafé Kornet och bröd" in client.get("/foretag/").content.decode()


def test_with_redis_away_the_rate_limit_counts_in_each_process(client, settings, redis_away):
    settings.PUBLIC_FORM_RATE_PER_HOUR = 2
    statuses = [client.post("/kontakt/", inquiry_data()).status_code for _ in range(3)]

    assert statuses == [302, 302, 429]
    assert Inquiry.objects.count() == 2


def test_with_redis_away_the_log_gets_one_warning(client, redis_away, caplog):
    with caplog.at_level(logging.WARNING):
        for _ in range(5):
            client.get("/foretag/")
    warnings = [r for r in caplog.records if "Redis" in r.getMessage()]
    assert len(warnings) == 1


def test_full_health_says_degraded_with_redis_away(client, redis_away):
    report = client.get("/healthz", {"full": "1"}).json()

    assert report["status"] == "degraded"
    assert report["database"] == "ok"
    assert report["cache"] == {"kind": "redis", "status": "unavailable"}


def test_full_health_reports_the_task_queue(client):
    from asfportal.core.mail import deliver_mail

    deliver_mail.enqueue(123)
    report = client.get("/healthz", {"full": "1"}).json()

    assert report["status"] == "ok"
    assert report["cache"] == {"kind": "per process", "status": "ok"}
    assert report["tasks"]["ready"] == 1
    assert report["tasks"]["running"] == 0
    assert "password" not in str(report).lower()
    assert client.get("/healthz").json() == {"status": "ok", "database": "ok"}


# --- The database away ---------------------------------------------------------


def test_a_page_never_rendered_answers_a_calm_503(client, database_down, caplog):
    with caplog.at_level(logging.INFO):
        responses = [client.get("/policy/") for _ in range(3)]

    response = responses[0]
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert UNAVAILABLE in html
    assert '<footer class="site-footer">' in html  # the site's own look, with its settings
    assert "En tjänst från Exempelkommunen" in html
    assert 'hreflang="en"' in html
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1  # one line, not one per request, and no traceback
    assert "database is unavailable" in errors[0].getMessage()
    assert errors[0].exc_info is None


def test_english_visitors_get_it_in_english(client, database_down):
    html = client.get("/en/policy/").content.decode()
    assert "temporarily unavailable" in html.lower()


def test_a_public_page_rendered_before_is_shown_with_a_notice(client):
    EnterpriseFactory(name="Kafé Kornet")
    assert client.get("/foretag/").status_code == 200  # rendered and kept
    bump_registry_version()  # a later edit: the kept page is no longer current

    with connection.execute_wrapper(_refuse):
        response = client.get("/foretag/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Kafé Kornet" in html
    assert STALE in html
    assert response["Cache-Control"] == "no-store"


def test_a_current_cached_page_is_served_as_usual(client):
    EnterpriseFactory(name="Kafé Kornet")
    client.get("/foretag/")

    with connection.execute_wrapper(_refuse):
        response = client.get("/foretag/")

    assert response.status_code == 200
    assert STALE not in response.content.decode()


def _refuse(execute, sql, params, many, context):
    from django.db import OperationalError

    raise OperationalError("server closed the connection unexpectedly")


def test_an_inquiry_sent_while_the_database_is_away_keeps_what_was_typed(client):
    data = inquiry_data(message="Jag vill börja på ett kafé i höst.")
    with connection.execute_wrapper(_refuse):
        response = client.post("/kontakt/", data)

    html = response.content.decode()
    assert response.status_code == 503
    assert "Inget har sparats" in html
    assert "Jag vill börja på ett kafé i höst." in html
    assert 'value="Sara Lind"' in html
    assert Inquiry.objects.count() == 0
    # Sent again once it is back: saved, once.
    assert client.post("/kontakt/", data).status_code == 302
    assert Inquiry.objects.count() == 1


def test_a_report_sent_while_the_database_is_away_keeps_what_was_typed(client):
    with connection.execute_wrapper(_refuse):
        response = client.post("/anmal-foretag/", report_data())

    html = response.content.decode()
    assert response.status_code == 503
    assert "Inget har sparats" in html
    assert 'value="Gröna Kvarnen"' in html
    assert EnterpriseReport.objects.count() == 0


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_really_terminated_connection_gives_503_and_the_next_request_works(client):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    settings_dict = connection.settings_dict
    with psycopg.connect(
        host=settings_dict["HOST"] or "127.0.0.1",
        port=settings_dict["PORT"] or 5432,
        user=settings_dict["USER"],
        dbname=settings_dict["NAME"],
        autocommit=True,
    ) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [pid])

    response = client.get("/policy/")

    assert response.status_code == 503
    assert UNAVAILABLE in response.content.decode()
    connection.close()  # as Django does at the end of a request
    assert client.get("/policy/").status_code == 200


def test_the_api_answers_a_json_problem(client, database_down):
    response = client.get("/api/hsds/services")

    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 503
    assert response["Retry-After"] == "30"


def test_a_session_lost_with_the_database_is_a_calm_503_not_a_bad_request(client):
    """The inquiry was stored, then the database went away before the session
    (which carries the receipt) was saved."""
    session = client.session
    session["seen"] = True
    session.save()

    def refuse_session_writes(execute, sql, params, many, context):
        if sql.startswith('UPDATE "django_session"'):
            raise _database_error()
        return execute(sql, params, many, context)

    with connection.execute_wrapper(refuse_session_writes):
        response = client.post("/kontakt/", inquiry_data())

    assert response.status_code == 503
    assert UNAVAILABLE in response.content.decode()
    assert Inquiry.objects.count() == 1  # sent again, its one-time token keeps it one


def _database_error():
    from django.db import OperationalError

    return OperationalError("server closed the connection unexpectedly")


def test_other_bad_requests_are_still_400(client):
    response = client.get("/foretag/", headers={"host": "elak.example"})  # DisallowedHost

    assert response.status_code == 400
    assert UNAVAILABLE not in response.content.decode()
