"""A person who types badly still finds what they mean, sees what was searched
for, and can search for exactly what they typed: in Chromium, with and without
JavaScript, by keyboard, with axe-core on each state."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.factories import EnterpriseFactory, IndustryFactory

pytestmark = pytest.mark.django_db(transaction=True)
SEARCH = "Sök på namn, bransch eller vad du vill göra"


@pytest.fixture
def enterprises():
    garden = IndustryFactory(name="Trädgård och grönytor", slug="tradgard")
    EnterpriseFactory(name="Gröna Händer", industries=[garden], description="Vi sköter parker.")
    EnterpriseFactory(name="Blomsterbruket", industries=[garden], description="Odling året runt.")
    EnterpriseFactory(name="Kafé Kornet", description="Lunch och fika varje dag.")


def result_names(page) -> list[str]:
    return sorted(page.locator("#results article h3").all_inner_texts())


def test_a_search_without_a_and_o_is_corrected_and_can_be_undone_by_keyboard(
    page, live_server, enterprises, axe_check, console_errors
):
    page.goto(live_server.url + reverse("registry:enterprise_list"))
    page.get_by_label(SEARCH).fill("tradgard")

    expect(page.locator("#results-heading")).to_contain_text("2 sociala företag")
    assert result_names(page) == ["Blomsterbruket", "Gröna Händer"]
    correction = page.locator(".search-correction")
    expect(correction).to_contain_text("Visar träffar för trädgård.")
    axe_check(page)

    # By keyboard: focus the link and press Enter. Leaving the search box
    # reloads the results; the link keeps its focus through that (its id).
    link = correction.get_by_role("link", name="Sök bara på det du skrev: tradgard")
    link.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"q=tradgard.*&exakt=1"))
    expect(page.locator("#results-heading")).to_contain_text("0 sociala företag")
    expect(page.locator(".search-correction")).to_contain_text(
        "Visar bara träffar för exakt det du skrev: tradgard."
    )
    axe_check(page)

    page.get_by_role("link", name="Visa även träffar för liknande ord").click()
    expect(page.locator("#results-heading")).to_contain_text("2 sociala företag")
    expect(page).not_to_have_url(re.compile(r"exakt"))
    assert console_errors == []


def test_menade_du_without_javascript(no_js_page, live_server, enterprises):
    page = no_js_page
    page.goto(live_server.url + reverse("registry:enterprise_list"))
    # "odlnig" is one swap from "odling".
    page.get_by_label(SEARCH).fill("odlnig")
    page.get_by_role("button", name="Sök", exact=True).click()
    assert result_names(page) == ["Blomsterbruket"]
    expect(page.locator(".search-correction")).to_contain_text("Visar träffar för odling.")

    # Two typos in a word of twelve letters are corrected.
    page.get_by_label(SEARCH).fill("Blomstrbrukt")
    page.get_by_role("button", name="Sök", exact=True).click()
    assert result_names(page) == ["Blomsterbruket"]

    # Three typos are past what is corrected; "Menade du" offers the query
    # with looser corrections and the closest name, as links.
    page.get_by_label(SEARCH).fill("kornetxyz lunch")
    page.get_by_role("button", name="Sök", exact=True).click()
    expect(page.get_by_text("Inga företag matchar din sökning.")).to_be_visible()
    page.get_by_role("link", name="kornet lunch").click()
    assert result_names(page) == ["Kafé Kornet"]
    expect(page.get_by_label(SEARCH)).to_have_value("kornet lunch")
