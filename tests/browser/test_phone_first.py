"""Every public journey as a person with little Swedish on a 390 × 844 phone
walks it (issue 27), and at a desktop's width: what she came for is on the
first screen, positions measured in Chromium. Each page is scanned by axe and
sent to the Nu Html Checker (the ``page_recorder`` fixture)."""

import re
import urllib.request
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from guidance.models import Inquiry
from registry.models import CheckSource, SocialEnterprise
from tests.browser.shots import SHOTS
from tests.registry.selfservice.helpers import enterprise_with_link

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SIZES = {"phone": PHONE, "desktop": DESKTOP}
SCREEN = PHONE["height"]
HEADER_MAX = 80


@pytest.fixture
def phone(browser, page_recorder):
    """A page in a 390 × 844 context, its public pages checked as HTML."""
    context = browser.new_context(viewport=PHONE)
    page_recorder.attach(context)
    yield context.new_page()
    context.close()


@pytest.fixture(params=list(SIZES))
def sized(request, browser, page_recorder):
    """A page at a phone's size and at a desktop's: (page, size name)."""
    context = browser.new_context(viewport=SIZES[request.param])
    page_recorder.attach(context)
    yield context.new_page(), request.param
    context.close()


def top(page, selector: str) -> float:
    """Where ``selector``'s first element starts, from the top of the screen."""
    return page.locator(selector).first.bounding_box()["y"]


def keep(page, name: str) -> None:
    """A full-page screenshot to look at (test-artifacts/screenshots/phone-first/)."""
    folder = SHOTS / "phone-first"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=folder / f"{name}.png", full_page=True)


# The header -------------------------------------------------------------------


def sitemap_paths(base: str) -> list[str]:
    with urllib.request.urlopen(base + "/sitemap.xml", timeout=30) as answer:  # noqa: S310
        return [
            urlsplit(url).path for url in re.findall(r"<loc>(.*?)</loc>", answer.read().decode())
        ]


def test_the_header_is_one_row_of_at_most_80_px_and_the_same_on_every_page(browser, demo):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    heights = {}
    for path in sitemap_paths(demo):
        page.goto(demo + path)
        heights[path] = page.locator(".site-header").bounding_box()["height"]
    context.close()

    assert len(heights) > 90
    assert max(heights.values()) <= HEADER_MAX, heights
    assert len(set(heights.values())) == 1, {h: p for p, h in heights.items()}


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_phone_menu_opens_from_its_button_and_closes_again(browser, demo, javascript):
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(demo + "/foretag/")
    menu = page.get_by_role("navigation", name="Huvudmeny")
    expect(menu).to_be_hidden()

    page.get_by_text("Meny", exact=True).click()
    expect(menu.get_by_role("link", name="Prata med en rådgivare")).to_be_visible()
    expect(menu.get_by_role("link", name="Hitta företag")).to_have_attribute("aria-current", "page")
    assert page.locator(".site-header").bounding_box()["height"] <= HEADER_MAX  # drops over
    if javascript:
        page.keyboard.press("Escape")
        expect(menu).to_be_hidden()
        expect(page.locator(".site-menu__button")).to_be_focused()
    else:
        page.get_by_text("Meny", exact=True).click()
        expect(menu).to_be_hidden()
    context.close()


# The directory ----------------------------------------------------------------


def test_a_search_shows_the_count_and_the_first_result_on_the_first_screen(sized, demo, axe_check):
    page, size = sized
    page.goto(demo + "/foretag/?q=kafe")

    assert top(page, "#results article") < SCREEN
    count = page.locator("#results-heading")
    expect(count).to_contain_text("sociala företag")
    alert = page.locator("#alert-link")
    assert 0 < top(page, "#alert-link") - top(page, "#results-heading") < 120  # by the count
    expect(alert).to_be_in_viewport()
    axe_check(page)
    keep(page, f"directory-search-{size}")


def test_after_a_filter_the_count_has_focus_and_the_first_result_is_on_screen(
    phone, demo, axe_check
):
    page = phone
    page.goto(demo + "/foretag/")
    summary = page.locator(".filter-panel__toggle")
    expect(page.get_by_label("Bransch", exact=True)).to_be_hidden()
    expect(summary).to_have_text("Filtrera")

    summary.click()
    page.get_by_label("Bransch", exact=True).select_option("cafe-och-restaurang")
    show = page.get_by_role("button", name=re.compile(r"^Visa \d+ företag$"))
    expect(show).to_have_text(re.compile(r"^Visa 7 företag$"))  # the count, before sending
    expect(page.get_by_label("Bransch", exact=True)).to_be_visible()  # still open
    show.click()

    count = page.locator("#results-heading")
    expect(count).to_contain_text("7 sociala företag")
    expect(count).to_be_focused()
    expect(page.locator("#result-status")).to_contain_text("7 sociala företag")
    expect(page.get_by_label("Bransch", exact=True)).to_be_hidden()  # folded again
    expect(summary).to_contain_text("1 val")
    box = page.locator("#results article").first.bounding_box()
    assert 0 <= box["y"] < SCREEN
    axe_check(page)
    keep(page, "directory-filtered-phone")


def test_enter_in_the_search_box_moves_focus_to_the_count(phone, demo):
    page = phone
    page.goto(demo + "/foretag/")
    search = page.get_by_label("Sök på namn, bransch eller vad du vill göra")
    search.fill("cykel")
    search.press("Enter")

    expect(page.locator("#results-heading")).to_be_focused()
    expect(page.locator("#results-heading")).to_be_in_viewport()
    assert top(page, "#results article") < SCREEN


def test_my_position_sorts_nearest_first_and_moves_focus_to_the_count(browser, demo):
    context = browser.new_context(
        viewport=PHONE,
        geolocation={"latitude": 59.1856, "longitude": 18.1510},
        permissions=["geolocation"],
    )
    page = context.new_page()
    page.goto(demo + "/foretag/")
    page.locator(".filter-panel__toggle").click()
    page.get_by_role("button", name="Använd min position").click()

    expect(page.locator(".distance-note")).to_contain_text("Närmast först")
    expect(page.locator("#results-heading")).to_be_focused()
    assert 0 <= top(page, "#results article") < SCREEN
    context.close()


def test_a_search_without_javascript_lands_on_the_count(no_js_page, demo):
    page = no_js_page
    page.set_viewport_size(PHONE)
    page.goto(demo + "/foretag/")
    page.get_by_label("Sök på namn, bransch eller vad du vill göra").fill("kafe")
    page.get_by_role("button", name="Sök", exact=True).click()

    expect(page).to_have_url(re.compile(r"\?q=kafe&sortering=relevans#results-heading$"))
    # The browser scrolls to the fragment just after the load.
    for _ in range(50):
        if top(page, "#results-heading") < 5:
            break
        page.wait_for_timeout(100)
    assert 0 <= top(page, "#results-heading") < 5
    assert page.evaluate("window.scrollY") > 300  # past the heading band and the search box
    assert top(page, "#results article") < SCREEN


def test_page_links_are_short_and_a_stale_one_opens_the_last_page(phone, demo):
    page = phone
    page.goto(demo + "/foretag/")
    next_link = page.get_by_role("link", name="Nästa")
    href = next_link.get_attribute("href")
    assert len(href) <= 40, href
    next_link.click()
    expect(page.locator("#results-heading")).to_contain_text("sida 2 av 3")

    page.goto(demo + "/foretag/?sida=9")

    expect(page.locator("#results-heading")).to_contain_text("sida 3 av 3")
    expect(page.get_by_text("Den sidan finns inte längre")).to_be_visible()


def test_options_that_give_nothing_are_left_out(phone, demo):
    page = phone
    page.goto(demo + "/foretag/")
    page.locator(".filter-panel__toggle").click()
    options = page.get_by_label("Språk på arbetsplatsen").locator("option").all_inner_texts()

    assert options[0] == "Alla språk"
    assert all(not text.endswith("(0)") for text in options)


# Profiles ---------------------------------------------------------------------


def test_every_demo_profile_shows_the_way_to_get_in_touch_on_the_first_screen(phone, demo):
    page = phone
    slugs = list(SocialEnterprise.objects.published().values_list("slug", flat=True))
    assert len(slugs) == 55
    late = {}
    for slug in slugs:
        page.goto(f"{demo}/foretag/{slug}/")
        contact = page.locator("#kontakt")
        action = page.locator(".contact-box__action")
        bottom = action.bounding_box() if action.count() else contact.bounding_box()
        if bottom["y"] + bottom["height"] > SCREEN:
            late[slug] = bottom["y"]
    assert late == {}


def test_a_profile_reads_plainly_and_leads_back_to_the_advice_result(sized, demo, axe_check):
    page, size = sized
    # An aktiebolag svb with Skoopi and LOU evidence: every term to explain.
    enterprise = SocialEnterprise.objects.filter(
        legal_form="aktiebolag_svb", skoopi_certified_on__isnull=False, lou_share_percent__gte=0
    ).first()
    page.goto(f"{demo}{enterprise.get_absolute_url()}?fran=jobba")

    expect(page.get_by_role("link", name="Tillbaka till ditt resultat")).to_have_attribute(
        "href", "/vagledning/jobba/resultat/"
    )
    expect(page.get_by_role("heading", name=f"Kontakta {enterprise.name}")).to_be_in_viewport()
    expect(page.get_by_role("link", name=re.compile(r"^Ring \d"))).to_be_in_viewport()
    main = page.locator("main")
    expect(main).not_to_contain_text("Inte kontrollerat")
    expect(main).not_to_contain_text("Koordinater")
    professionals = page.locator(".professionals")
    expect(professionals).to_contain_text("Svb betyder")
    expect(professionals).to_contain_text("Skoopi är branschorganisationen")
    expect(professionals).to_contain_text("LOU 4 kap. 18 §")
    axe_check(page)
    keep(page, f"profile-{size}")


# Advice flows -----------------------------------------------------------------


def walk(page, demo: str, flow: str, *, easy: bool, last: bool) -> None:
    """Through a flow to its result, the first (or last) answer to each question."""
    page.goto(f"{demo}/vagledning/{flow}/" + ("?lattlast=1" if easy else ""))
    page.get_by_role("button", name="Starta nu").click()
    while "/fraga/" in page.url:
        choices = page.locator("form.question .form-check-input")
        (choices.last if last else choices.first).check()
        page.get_by_role("button", name="Fortsätt").click()
        page.wait_for_load_state()
    page.get_by_role("button", name="Visa mitt resultat").click()


@pytest.mark.parametrize("flow", ["jobba", "starta"])
@pytest.mark.parametrize("easy", [False, True], ids=["ordinary", "lattlast"])
@pytest.mark.parametrize("last", [False, True], ids=["first-answers", "last-answers"])
def test_the_advisor_comes_within_one_and_a_half_screens_of_a_result(phone, demo, flow, easy, last):
    page = phone
    walk(page, demo, flow, easy=easy, last=last)

    expect(page.get_by_role("heading", level=1)).to_have_text("Ditt resultat")
    advisor = page.locator(".advice-line")
    expect(advisor.get_by_role("link", name=re.compile(r"^08-"))).to_be_visible()
    expect(advisor.get_by_role("button", name="Prata med en rådgivare")).to_be_visible()
    assert top(page, ".advice-line") < 1.5 * SCREEN
    assert top(page, ".advice-line") > top(page, "#steps-heading")  # after the first steps
    keep(page, f"result-{flow}-{'easy' if easy else 'ordinary'}-{'last' if last else 'first'}")


def test_a_question_is_the_pages_heading_and_one_button_switches_the_wording(
    sized, demo, axe_check
):
    page, size = sized
    page.goto(demo + "/vagledning/jobba/")
    page.get_by_role("button", name="Starta nu").click()

    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Vilket av det här stämmer in på dig?")
    assert top(page, "h1") < 250  # no switch or notice above the question
    expect(page.get_by_role("checkbox")).to_have_count(0)
    page.get_by_role("button", name="Visa lättläst").click()
    expect(heading).to_have_text("Vilket stämmer för dig?")
    expect(page.get_by_text("Vi sparar inte")).to_have_count(0)
    axe_check(page)
    keep(page, f"question-easy-{size}")


def test_a_founders_result_leads_with_the_partners_and_explains_the_enterprises(
    sized, demo, axe_check
):
    page, size = sized
    walk(page, demo, "starta", easy=False, last=False)  # a café, from an idea

    partners = top(page, "#partners-heading")
    enterprises = top(page, "#match-heading")
    assert partners < enterprises
    expect(page.get_by_role("heading", name="Sociala företag i samma bransch")).to_be_visible()
    expect(page.locator("#match-heading + p")).to_contain_text("gör redan det du vill göra")
    expect(page.locator(".next-session").first).to_be_visible()
    axe_check(page)
    keep(page, f"result-starta-{size}")


# Asking for help --------------------------------------------------------------


def test_asking_for_help_in_another_language_with_an_interpreter(sized, demo, axe_check):
    page, size = sized
    page.goto(demo + "/kontakt/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Prata med en rådgivare")
    expect(page.locator("main").get_by_role("link", name="08-123 456 00")).to_be_in_viewport()
    page.get_by_label("Ditt namn").fill("Amina")
    page.get_by_label("Telefon").fill("070-123 45 67")
    page.get_by_label("Ett annat språk").check()
    page.get_by_label("Vilket annat språk?").fill("Somaliska")
    page.get_by_label("Ja, jag behöver tolk").check()
    page.get_by_label("Jag vill jobba på ett socialt företag").check()
    axe_check(page)
    page.get_by_role("button", name="Skicka").click()

    steps = page.locator(".next-steps")
    expect(steps).to_contain_text("En rådgivare ringer dig inom tre arbetsdagar")
    expect(steps).to_contain_text("Vi skickar inget mejl")
    expect(steps).to_contain_text("Vi ordnar en tolk till samtalet.")
    axe_check(page)
    inquiry = Inquiry.objects.get()
    assert (inquiry.language_name, inquiry.needs_interpreter) == ("Somaliska", True)
    keep(page, f"receipt-{size}")


# Partners ---------------------------------------------------------------------


def test_a_partners_hours_and_sessions_agree_and_the_calendar_can_be_subscribed(
    sized, demo, axe_check
):
    page, size = sized
    page.goto(demo + "/partner/start-up-stockholm/")

    expect(page.get_by_text("Första tisdagen i månaden 13.00–16.00 (drop-in)")).to_be_visible()
    expect(page.get_by_text(re.compile(r"^tisdag \d+ \w+ \d{4}, 13\.00"))).to_have_count(1)
    subscribe = page.get_by_role("link", name="Prenumerera på kalendern")
    expect(subscribe).to_have_attribute("href", re.compile(r"^webcal://"))
    page.get_by_text("Så prenumererar du").click()
    expect(page.get_by_label("Kalenderns adress")).to_have_value(re.compile(r"^https?://"))
    axe_check(page)
    keep(page, f"partner-{size}")


# The enterprise's own page ----------------------------------------------------


def test_an_owner_confirms_from_the_link_and_gets_a_clear_done_page(sized, live_server, axe_check):
    page, size = sized
    enterprise, _link, path = enterprise_with_link()
    page.goto(live_server.url + path)

    choices = page.get_by_role("button", name="Allt stämmer")
    expect(choices).to_have_count(2)  # before the record and after it
    record = top(page, "#record-heading")
    assert choices.first.bounding_box()["y"] < record < choices.last.bounding_box()["y"]
    axe_check(page)
    choices.last.click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Klart")
    expect(page.get_by_text("Ni kan stänga sidan nu.")).to_be_in_viewport()
    axe_check(page)
    enterprise.refresh_from_db()
    assert enterprise.last_checked_source == CheckSource.ENTERPRISE
    keep(page, f"owner-done-{size}")


def test_an_owner_changes_only_the_part_they_choose(sized, live_server, axe_check):
    page, size = sized
    enterprise, _link, path = enterprise_with_link()
    page.goto(live_server.url + path)
    page.get_by_role("link", name="Något behöver ändras").first.click()

    expect(page.get_by_role("group", name="Vad vill ni ändra?")).to_be_visible()
    page.get_by_label("Kontaktuppgifter och öppettider").check()
    page.get_by_role("button", name="Fortsätt").click()
    expect(page.get_by_label("Telefon")).to_be_visible()
    expect(page.get_by_label("Namn", exact=True)).to_have_count(0)
    document = page.evaluate("document.documentElement.scrollHeight")
    assert document < 3 * SCREEN  # the 7,600 px form is gone
    axe_check(page)
    page.get_by_label("Telefon").fill("070-111 22 33")
    page.get_by_role("button", name="Skicka ändringarna").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Klart")
    enterprise.refresh_from_db()
    assert enterprise.phone == "070-111 22 33"
    keep(page, f"owner-change-{size}")
