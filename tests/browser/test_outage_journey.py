"""What a citizen sees in Chromium while the database is away: a calm page, a
page shown as it last was with a notice, and a form that keeps what was typed,
each scanned by axe and the Nu Html Checker, and usable by keyboard."""

import threading
from pathlib import Path

import pytest
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper
from playwright.sync_api import expect

from guidance.models import Inquiry
from registry.pagecache import bump_registry_version

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


@pytest.fixture
def database(monkeypatch):
    """Switch the site's database off and on: while off, every query the live
    server's thread makes fails as on a lost connection (the test's own thread
    keeps its database, to check what was stored)."""
    state = {"away": False}
    test_thread = threading.current_thread()
    execute = CursorWrapper._execute_with_wrappers

    def maybe_refuse(self, sql, params, many, executor):
        if state["away"] and threading.current_thread() is not test_thread:
            raise OperationalError("server closed the connection unexpectedly")
        return execute(self, sql, params, many, executor)

    monkeypatch.setattr(CursorWrapper, "_execute_with_wrappers", maybe_refuse)

    class Switch:
        def off(self):
            state["away"] = True

        def on(self):
            state["away"] = False

    return Switch()


def _shoot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / f"{name}-desktop.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=SHOTS / f"{name}-phone.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_an_inquiry_sent_while_the_database_is_away_is_kept_and_sent_later(
    page, demo, database, axe_check
):
    page.goto(demo + "/kontakt/")
    page.get_by_label("Ditt namn").fill("Sara Lind")
    page.get_by_label("E-post").fill("sara@example.se")
    page.get_by_label("Jag vill jobba på ett socialt företag").check()
    page.get_by_label("Förmiddag").check()
    page.get_by_label("Nej", exact=True).check()  # no interpreter
    page.get_by_label("Meddelande (frivilligt)").fill("Jag vill börja på ett kafé.")
    database.off()
    page.get_by_role("button", name="Skicka").click()

    expect(page.get_by_text("Inget har sparats")).to_be_visible()
    expect(page.get_by_label("Ditt namn")).to_have_value("Sara Lind")
    expect(page.get_by_label("Meddelande (frivilligt)")).to_have_value(
        "Jag vill börja på ett kafé."
    )
    axe_check(page)
    _shoot(page, "outage-form")
    assert Inquiry.objects.count() == 0

    database.on()
    page.get_by_role("button", name="Skicka").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Tack, vi har tagit emot din förfrågan"
    )
    assert Inquiry.objects.get().name == "Sara Lind"


def test_pages_while_the_database_is_away(page, demo, database, axe_check):
    page.goto(demo + "/foretag/")  # shown once: its last rendering is kept
    bump_registry_version()  # a later change: the kept copy is no longer current
    database.off()

    page.goto(demo + "/foretag/")
    expect(page.get_by_role("status")).to_contain_text("kanske inte är de senaste")
    expect(page.get_by_role("heading", name="Hitta sociala företag")).to_be_visible()
    axe_check(page)
    _shoot(page, "outage-stale-directory")

    response = page.goto(demo + "/policy/")
    assert response.status == 503
    expect(page.get_by_role("heading", name="Tjänsten är tillfälligt otillgänglig")).to_be_visible()
    axe_check(page)
    _shoot(page, "outage-503")
    page.keyboard.press("Tab")  # the skip link, then on through the page to "Försök igen"
    for _ in range(30):
        if page.evaluate("document.activeElement.textContent.trim()") == "Försök igen":
            break
        page.keyboard.press("Tab")
    database.on()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Policy", exact=False).first).to_be_visible()
    assert page.url.endswith("/policy/")


def test_the_503_page_in_english_without_javascript(no_js_page, demo, database):
    database.off()
    response = no_js_page.goto(demo + "/en/policy/")
    assert response.status == 503
    heading = no_js_page.get_by_role("heading", name="The service is temporarily unavailable")
    expect(heading).to_be_visible()
    assert no_js_page.get_attribute("html", "lang") == "en"
