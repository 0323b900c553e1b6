import os
import subprocess
import sys

import pytest
from django.urls import reverse

from tests.factories import (
    EnterpriseFactory,
    OfferingFactory,
    PageFactory,
    PartnerFactory,
    build_flow,
    publish_page,
)

pytestmark = pytest.mark.django_db


def test_start_page_shows_journeys_counts_and_recently_checked(client):
    enterprise = EnterpriseFactory(name="Kafé Kornet")
    OfferingFactory(enterprise=enterprise, open_places=2)
    PartnerFactory()

    html = client.get(reverse("home")).content.decode()

    assert "Jag vill jobba på ett socialt företag" in html
    assert "Jag vill starta ett socialt företag" in html
    assert '<span class="fact">1</span> sociala företag i registret' in html
    assert '<span class="fact">1</span> har lediga platser just nu' in html
    assert "Kafé Kornet" in html
    assert "Kommunen samarbetar med 1 organisation " in html


def test_every_page_links_the_accessibility_statement_and_privacy_notice(client):
    html = client.get(reverse("registry:partner_list")).content.decode()
    assert 'href="/tillganglighet/"' in html
    assert 'href="/integritet/"' in html


def test_accessibility_statement_has_what_the_law_asks_for(client):
    html = client.get(reverse("accessibility")).content.decode()
    assert "delvis förenlig" in html
    assert "Innehåll som inte är tillgängligt" in html
    assert "digg.se" in html


def test_accessibility_statement_says_how_and_when_the_site_was_tested(client):
    html = client.get(reverse("accessibility")).content.decode()
    tested = html.split("Så har vi testat webbplatsen", 1)[1]
    for method in (
        "320 pixlar bred",
        "teckenavstånd",
        "200 procents förstoring",
        "tvingade färger",
        "minska rörelse",
        "tillgänglighetsträd",
        "(1.3.5)",
        "(1.4.11)",
        "390 pixlar",
    ):
        assert method in tested, method
    assert '<time datetime="2026-12-08">8 december 2026</time>' in tested
    assert "skärmläsare" in tested  # what was not tested is said too
    assert "Senaste bedömning" in html
    assert "axe-core" in html


def test_privacy_notice_names_controller_and_rights(client):
    html = client.get(reverse("privacy")).content.decode()
    assert "personuppgiftsansvarig" in html
    assert "Integritetsskyddsmyndigheten" in html


def test_start_page_links_to_both_flows_and_the_latest_policy_changes(client):
    build_flow("jobba")
    page = PageFactory(title="Kommunens policy")
    publish_page(page, body="Ny text.", change_summary="Förtydligade vem som får stöd.")
    html = client.get(reverse("home")).content.decode()
    assert reverse("guidance:flow_start", args=["jobba"]) in html
    assert reverse("guidance:flow_start", args=["starta"]) in html
    assert "Förtydligade vem som får stöd." in html
    assert f"{page.get_absolute_url()}#version-1" in html


def test_english_start_page_is_under_en_with_english_text(client):
    html = client.get("/en/").content.decode()
    assert '<html lang="en">' in html
    assert "I want to work at a social enterprise" in html
    assert 'href="/" lang="sv"' in html


def test_healthz_is_200_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_is_503_when_the_database_does_not(client, database_down):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


def test_robots_and_sitemap(client):
    enterprise = EnterpriseFactory()
    robots = client.get("/robots.txt").content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "Disallow: /admin/" in robots
    assert "Sitemap: http://testserver/sitemap.xml" in robots
    assert f"/foretag/{enterprise.slug}/" in sitemap
    assert f"/en/foretag/{enterprise.slug}/" in sitemap
    for path in (
        "/lattlast/",
        "/lattlast/fa-hjalp/",
        "/en/lattlast/dina-uppgifter/",
        "/oppna-data/",
    ):
        assert f"<loc>http://testserver{path}</loc>" in sitemap


def test_pages_send_a_strict_content_security_policy(client):
    policy = client.get(reverse("home"))["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy


@pytest.mark.urls("tests.asfportal.failing_urls")
def test_500_page_renders_in_the_site_look(client):
    client.raise_request_exception = False
    response = client.get("/trasig/")
    assert response.status_code == 500
    assert "Något gick fel hos oss" in response.content.decode()
    assert '<html lang="sv">' in response.content.decode()


def test_server_refuses_to_start_without_secret_key_when_debug_is_off():
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    result = subprocess.run(
        [sys.executable, "-c", "import asfportal.settings"],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr
