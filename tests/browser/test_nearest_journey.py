"""Nearest first in Chromium: by postal code with JavaScript off, by the
browser's position with it on (the position Chromium is given), and a place
that cannot be found. Pages scanned by axe and the Nu Html Checker."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.shots import shoot
from tests.demo_content import load_demo_content

pytestmark = pytest.mark.django_db(transaction=True)
NORRBY = {"latitude": 59.1856, "longitude": 18.1510}


def kilometres(page) -> list[float]:
    """The cards' distances in order ("Mindre än 1 km bort" counts as 0)."""
    texts = page.locator("#results article .distance").all_inner_texts()
    return [
        0.0 if text.startswith("Mindre") else float(re.search(r"\d+", text)[0]) for text in texts
    ]


def test_nearest_first_by_postal_code_without_javascript(no_js_page, demo):
    page = no_js_page
    page.goto(demo + "/foretag/")
    page.get_by_text("Filtrera", exact=True).click()  # the fold opens without JavaScript
    expect(page.get_by_role("button", name="Använd min position")).to_be_hidden()
    page.get_by_label("Nära postnummer eller ort").fill("136 37")
    page.get_by_role("button", name="Visa resultat").click()

    expect(page).to_have_url(re.compile(r"nara=136\+37"))
    expect(page.locator(".distance-note")).to_contain_text(
        "Närmast först från 136 37 Exempelkommunen."
    )
    expect(page.get_by_label("Sortera efter")).to_have_value("narmast")
    first = kilometres(page)
    assert len(first) == 20 and first == sorted(first)

    page.get_by_role("link", name="Nästa").click()
    expect(page.locator("#results-heading")).to_contain_text("sida 2 av 3")
    second = kilometres(page)
    assert second and second == sorted(second) and second[0] >= first[-1]
    page.get_by_role("link", name="Föregående").click()
    assert kilometres(page) == first


def test_nearest_first_from_the_browsers_position(browser, live_server, page_recorder, axe_check):
    load_demo_content()
    context = browser.new_context(geolocation=NORRBY, permissions=["geolocation"])
    page_recorder.attach(context)
    page = context.new_page()
    page.goto(live_server.url + "/foretag/")
    button = page.get_by_role("button", name="Använd min position")
    expect(button).to_be_visible()
    button.focus()
    page.keyboard.press("Enter")

    expect(page.locator(".distance-note")).to_contain_text("Närmast först från din position.")
    expect(page).to_have_url(re.compile(r"position=59\.19%2C18\.15|position=59\.19,18\.15"))
    expect(page.locator("#id_position")).to_have_value("59.19,18.15")
    distances = kilometres(page)
    assert distances[0] == 0.0 and distances == sorted(distances)
    axe_check(page)
    shoot(page, "directory-nearest")
    context.close()


def test_a_place_that_is_not_found_is_told_beside_the_field(page, demo, axe_check):
    page.goto(demo + "/foretag/?nara=Atlantis")
    field = page.get_by_label("Nära postnummer eller ort")
    expect(field).to_have_value("Atlantis")
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_nara_error")).to_contain_text("Vi hittade inte ”Atlantis”")
    expect(page.locator("#results-heading")).to_contain_text("sociala företag")
    axe_check(page)
