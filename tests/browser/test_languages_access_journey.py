"""Languages spoken and accessible premises in Chromium: filter the directory
by both and see the counts, with and without JavaScript, then read them on a
profile. Each page scanned by axe and the Nu Html Checker."""

import re

import pytest
from playwright.sync_api import expect

from registry.models import SocialEnterprise
from tests.browser.shots import shoot

pytestmark = pytest.mark.django_db(transaction=True)


def published():
    return SocialEnterprise.objects.published()


def test_filter_by_language_and_step_free_entrance_with_javascript(page, demo, axe_check):
    arabic = published().filter(languages__code="ar").count()
    both = published().filter(languages__code="ar", step_free_entrance=True).count()
    step_free = published().filter(step_free_entrance=True).count()
    assert 0 < both < arabic  # the demo data makes the filters mean something

    page.goto(demo + "/foretag/")
    language = page.get_by_label("Språk på arbetsplatsen")
    expect(language.locator("option[value=arabiska]")).to_have_text(f"arabiska ({arabic})")
    expect(page.get_by_label(re.compile(r"^Entré utan trappsteg"))).to_be_visible()
    expect(page.locator("label[for=id_trappfri_entre]")).to_have_text(
        f"Entré utan trappsteg ({step_free})"
    )

    language.select_option("arabiska")
    expect(page.locator("#results-heading")).to_contain_text(f"{arabic} sociala företag")
    expect(page.locator("label[for=id_trappfri_entre]")).to_have_text(
        f"Entré utan trappsteg ({both})"
    )
    page.get_by_label(re.compile(r"^Entré utan trappsteg")).check()
    expect(page.locator("#results-heading")).to_contain_text(
        f"{both} socialt företag" if both == 1 else f"{both} sociala företag"
    )
    expect(page).to_have_url(re.compile(r"sprak=arabiska.*trappfri_entre=on"))
    axe_check(page)
    shoot(page, "directory-language-access")

    page.locator("#results article h3 a").first.click()
    box = page.locator("section", has=page.get_by_role("heading", name="Språk och tillgänglighet"))
    expect(box).to_contain_text("arabiska")
    expect(box).to_contain_text("Entré utan trappsteg")
    axe_check(page)
    shoot(page, "profile-language-access")


def test_the_filters_work_without_javascript(no_js_page, demo):
    hearing = published().filter(hearing_loop=True, languages__code="sv").count()
    page = no_js_page
    page.goto(demo + "/foretag/")
    page.get_by_text("Filtrera", exact=True).click()  # the fold opens without JavaScript
    page.get_by_label("Språk på arbetsplatsen").select_option("svenska")
    page.get_by_label(re.compile(r"^Hörslinga")).check()
    page.get_by_role("button", name="Visa resultat").click()

    expect(page).to_have_url(re.compile(r"sprak=svenska.*horslinga=on"))
    expect(page.locator("#results article")).to_have_count(min(hearing, 20))
