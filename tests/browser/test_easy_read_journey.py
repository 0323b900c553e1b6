"""Lättläst in Chromium: from the start page through the easy-to-read pages to
the directory, by keyboard, on a phone, without JavaScript and in English,
each page scanned by axe and the Nu Html Checker."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.demo_content import load_demo_content

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


def test_from_the_start_page_to_the_directory_in_easy_words(page, live_server, axe_check):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Läs om sociala företag på lättläst svenska").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lättläst om sociala företag")
    axe_check(page)

    page.get_by_role("link", name="Så hittar du ett socialt företag").click()
    expect(page.get_by_role("heading", name="Steg 1: Gå till listan")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="Gå till listan nu").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hitta sociala företag")

    for path, name in [
        ("/lattlast/", "lattlast"),
        ("/lattlast/fa-hjalp/", "lattlast-hjalp"),
        ("/lattlast/dina-uppgifter/", "lattlast-uppgifter"),
    ]:
        page.goto(live_server.url + path)
        axe_check(page)
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.set_viewport_size({"width": 390, "height": 844})
        page.screenshot(path=SHOTS / f"{name}-phone.png", full_page=True)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path} scrolls sideways on a phone ({width}px)"
        page.set_viewport_size({"width": 1280, "height": 900})
        page.screenshot(path=SHOTS / f"{name}-desktop.png", full_page=True)


def test_the_menu_link_works_without_javascript_and_in_english(no_js_page, live_server):
    no_js_page.goto(live_server.url + "/en/foretag/")
    no_js_page.get_by_role("navigation", name="Main menu").get_by_role(
        "link", name="Easy read"
    ).click()
    expect(no_js_page.get_by_role("heading", level=1)).to_have_text(
        "Social enterprises in easy words"
    )
    expect(no_js_page.get_by_text("A job with pay.")).to_be_visible()


def test_from_lattlast_through_an_advice_flow_in_easy_words(page, live_server, axe_check):
    load_demo_content()
    page.goto(live_server.url + "/lattlast/")
    page.get_by_role("link", name="Frågor för dig som vill jobba på ett socialt företag").click()
    expect(page.get_by_text("Här svarar du på sex frågor.")).to_be_visible()
    expect(page.get_by_role("button", name="Visa vanlig text")).to_be_visible()
    axe_check(page)

    page.get_by_role("button", name="Starta nu").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vilket stämmer för dig?")
    expect(page.get_by_text("Ditt svar visar vem som kan hjälpa dig")).to_be_visible()
    axe_check(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=SHOTS / "flow-lattlast-phone.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.screenshot(path=SHOTS / "flow-lattlast-desktop.png", full_page=True)

    page.get_by_label("Jag får hjälp av Arbetsförmedlingen.", exact=True).check()
    page.get_by_role("button", name="Fortsätt").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vad vill du göra?")

    # One button, by keyboard: back to the ordinary wording on the same question.
    page.get_by_role("button", name="Fortsätt").focus()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Visa vanlig text")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Vad söker du?")
    expect(page.get_by_role("button", name="Visa lättläst")).to_be_visible()
    expect(page.locator(".question__position")).to_have_text("Fråga 2 av 6")


def test_the_easy_wording_box_works_without_javascript(no_js_page, live_server):
    load_demo_content()
    no_js_page.goto(live_server.url + "/vagledning/starta/")
    no_js_page.get_by_role("button", name="Visa lättläst").click()
    expect(no_js_page.get_by_text("Här svarar du på några frågor om din idé.")).to_be_visible()
    no_js_page.get_by_role("button", name="Starta nu").click()
    expect(no_js_page.get_by_role("heading", level=1)).to_have_text("Hur långt har du kommit?")
    expect(
        no_js_page.get_by_label("Jag har en plan och vill börja nu.", exact=True)
    ).to_be_visible()
