"""Journeys through the public pages in Chromium, with and without JavaScript,
and an axe-core scan of every public page."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from registry.models import OfferingKind
from tests.factories import (
    AreaFactory,
    EnterpriseFactory,
    IndustryFactory,
    OfferingFactory,
    PartnerTopicFactory,
    PlaceFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def registry_data():
    cafe = IndustryFactory(name="Café och restaurang", slug="cafe")
    garden = IndustryFactory(name="Trädgård", slug="tradgard")
    area = AreaFactory(name="Norrby", slug="norrby")
    kornet = EnterpriseFactory(
        name="Kafé Kornet",
        slug="kafe-kornet",
        industries=[cafe],
        area=area,
        description="Vi bakar bröd och lagar lunch.",
        latitude="59.168100",
        longitude="18.142900",
        street_address="Storgatan 1",
        city="Exempelkommunen",
        is_example=True,
    )
    OfferingFactory(enterprise=kornet, kind=OfferingKind.WORK_TRAINING, open_places=2)
    gardeners = EnterpriseFactory(name="Gröna Händer", industries=[garden])
    OfferingFactory(enterprise=gardeners, kind=OfferingKind.EMPLOYMENT, open_places=0)
    for index in range(22):
        EnterpriseFactory(name=f"Verkstad {index:02d}", industries=[garden])
    topic = PartnerTopicFactory(partner__name="Start Up Stockholm", partner__slug="start-up")
    SessionFactory(place=PlaceFactory(partner=topic.partner, name="Huvudbiblioteket"))
    return kornet


def result_names(page) -> list[str]:
    return page.locator("#results article h3").all_inner_texts()


def test_directory_search_and_filter_with_javascript(
    page, live_server, registry_data, console_errors
):
    page.goto(live_server.url + reverse("registry:enterprise_list"))
    expect(page.locator("#results-heading")).to_contain_text("24 sociala företag")

    page.get_by_label("Sök på namn, bransch eller vad du vill göra").fill("kornet")

    expect(page.locator("#results-heading")).to_contain_text("1 socialt företag")
    assert result_names(page) == ["Kafé Kornet"]
    expect(page).to_have_url(re.compile(r"/foretag/\?q=kornet"))
    expect(page.locator("#result-status")).to_contain_text("1 socialt företag")

    page.get_by_label("Sök på namn, bransch eller vad du vill göra").fill("")
    page.get_by_label("Bransch", exact=True).select_option("tradgard")
    expect(page.locator("#results-heading")).to_contain_text("23 sociala företag")
    expect(page).to_have_url(re.compile(r"bransch=tradgard"))

    # The other filters' options now count within this industry.
    expect(
        page.get_by_label("Erbjudande", exact=True).locator("option[value=anstallning]")
    ).to_have_text("Anställning (1)")

    page.get_by_role("link", name="Nästa").click()
    expect(page.locator("#results-heading")).to_contain_text("sida 2 av 2")
    expect(page.locator("#results-heading")).to_be_focused()
    expect(page.locator("#results-heading")).to_be_in_viewport()
    expect(page).to_have_url(re.compile(r"sida="))
    page.get_by_role("link", name="Föregående").click()
    expect(page.locator("#results-heading")).to_contain_text("sida 1 av 2")
    assert console_errors == []


def test_typing_goes_on_while_the_directory_updates(page, live_server, registry_data):
    page.goto(live_server.url + reverse("registry:enterprise_list"))
    search = page.get_by_label("Sök på namn, bransch eller vad du vill göra")
    search.press_sequentially("kafé", delay=50)
    expect(page.locator("#results-heading")).to_contain_text("1 socialt företag")
    search.press_sequentially(" kornet", delay=300)  # slower than the debounce

    expect(page).to_have_url(re.compile(r"q=kaf%C3%A9(%20|\+)kornet"))
    expect(search).to_have_value("kafé kornet")
    expect(search).to_be_focused()


def test_directory_search_and_filter_without_javascript(no_js_page, live_server, registry_data):
    page = no_js_page
    page.goto(live_server.url + reverse("registry:enterprise_list"))

    # The filters are folded behind "Filtrera", which opens without JavaScript.
    expect(page.get_by_label("Erbjudande", exact=True)).to_be_hidden()
    page.get_by_text("Filtrera", exact=True).click()
    page.get_by_label("Erbjudande", exact=True).select_option("arbetstraning")
    page.get_by_label("Bara företag med lediga platser").check()
    page.get_by_role("button", name="Visa resultat").click()

    expect(page).to_have_url(re.compile(r"erbjudande=arbetstraning.*lediga_platser=on"))
    # The search lands on the count, and the fold says what is chosen.
    expect(page).to_have_url(re.compile(r"#results-heading$"))
    expect(page.locator("#results-heading")).to_be_in_viewport()
    expect(page.locator(".filter-panel__count")).to_have_text("2 val")
    assert result_names(page) == ["Kafé Kornet"]
    page.get_by_role("link", name="Kafé Kornet").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kafé Kornet")
    expect(page.get_by_text("Det här företaget är påhittat")).to_be_visible()


def test_keyboard_user_can_skip_to_content_and_search(page, live_server, registry_data):
    page.goto(live_server.url + reverse("registry:enterprise_list"))

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Hoppa till innehållet")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("#main")).to_be_focused()

    page.get_by_label("Sök på namn, bransch eller vad du vill göra").focus()
    page.keyboard.type("gröna")
    page.keyboard.press("Enter")
    expect(page.locator("#results-heading")).to_contain_text("1 socialt företag")


def test_language_switch_keeps_the_page(page, live_server, registry_data):
    page.goto(live_server.url + registry_data.get_absolute_url())
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/foretag/kafe-kornet/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")


PUBLIC_PAGES = [
    "/",
    "/foretag/",
    "/foretag/?q=finns-inte",
    "/foretag/?bransch=okand&sida=x",
    "/foretag/kafe-kornet/",
    "/partner/",
    "/partner/start-up/",
    "/policy/",
    "/tillganglighet/",
    "/integritet/",
    "/oppna-data/",
    "/en/oppna-data/",
    "/en/partner/start-up/",
    "/en/",
    "/en/foretag/",
    "/en/foretag/kafe-kornet/",
    "/sidan-finns-inte/",
]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_page_has_no_axe_violations_and_no_console_errors(
    page, live_server, registry_data, axe_check, console_errors, path
):
    page.goto(live_server.url + path)
    axe_check(page)
    assert console_errors == [] or path == "/sidan-finns-inte/"


@pytest.mark.parametrize(
    "path", ["/", "/foretag/", "/foretag/kafe-kornet/", "/partner/start-up/", "/oppna-data/"]
)
def test_phone_width_has_no_sideways_scroll_and_passes_axe(
    browser, live_server, registry_data, axe_check, path
):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(live_server.url + path)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    axe_check(page)
    context.close()
    assert overflow <= 0


def test_from_the_footer_to_the_open_data_and_a_calendar_without_javascript(
    no_js_page, live_server, registry_data
):
    page = no_js_page
    page.goto(live_server.url + "/")
    page.get_by_role("contentinfo").get_by_role("link", name="Öppna data").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Öppna data")
    expect(page.locator("main")).to_contain_text("CC0 1.0")
    page.get_by_role("link", name="API:ets startpunkt").click()
    assert '"version":"3.0"' in page.content()

    page.goto(live_server.url + "/partner/start-up/")
    link = page.get_by_role("link", name=re.compile("^Lägg till i kalendern"))
    with page.expect_download() as download:
        link.first.click()
    assert download.value.suggested_filename.startswith("start-up-")
    feed = page.get_by_role("link", name="Prenumerera på kalendern")
    assert feed.get_attribute("href").startswith("webcal://")
    assert feed.get_attribute("href").endswith("/partner/start-up/kalender.ics")
    once = page.get_by_role("link", name="Ladda ner tillfällena som en fil")
    assert once.get_attribute("href") == "/partner/start-up/kalender.ics"
