"""Journeys through the advice flows, the inquiry, the policy pages and the
report form in Chromium, with and without JavaScript, each page scanned by axe."""

import re

import pytest
from playwright.sync_api import expect

from guidance.models import Inquiry
from registry.models import EnterpriseReport
from tests.tasks import run_tasks

pytestmark = pytest.mark.django_db(transaction=True)


def choose(page, label: str) -> None:
    page.get_by_label(label, exact=True).check()
    page.get_by_role("button", name="Fortsätt").click()


def test_work_flow_to_an_inquiry_with_javascript(page, demo, axe_check, console_errors, mailoutbox):
    page.goto(demo + "/vagledning/jobba/")
    axe_check(page)
    page.get_by_role("button", name="Starta nu").click()
    expect(page.locator(".question__position")).to_have_text("Fråga 1 av 6")

    page.get_by_role("button", name="Fortsätt").click()  # nothing chosen
    summary = page.locator("#error-summary")
    expect(summary).to_contain_text("Välj ett svar.")
    expect(summary).to_be_focused()
    axe_check(page)

    choose(page, "Jag är inskriven på Arbetsförmedlingen")
    expect(page.locator(".question__position")).to_have_text("Fråga 2 av 6")
    page.get_by_label("Arbetsträning", exact=False).first.check()
    page.get_by_role("button", name="Fortsätt").click()
    choose(page, "Café och restaurang")
    axe_check(page)
    page.get_by_role("link", name="Tillbaka").click()
    expect(page.get_by_label("Café och restaurang", exact=True)).to_be_checked()
    page.get_by_role("button", name="Fortsätt").click()
    choose(page, "Spelar ingen roll")
    expect(page.locator(".question__position")).to_have_text("Fråga 5 av 6")
    choose(page, "Spelar ingen roll")  # the language
    page.get_by_label("Entré utan trappsteg", exact=True).check()
    page.get_by_role("button", name="Fortsätt").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Kontrollera dina svar")
    expect(page.locator(".summary-list")).to_contain_text("Entré utan trappsteg")
    axe_check(page)
    page.get_by_role("link", name=re.compile("^Ändra svaret på frågan Var")).click()
    choose(page, "Centrum")
    expect(page).to_have_url(re.compile(r"/kontrollera/$"))
    expect(page.locator(".summary-list")).to_contain_text("Centrum")

    page.get_by_role("button", name="Visa mitt resultat").click()
    expect(page.get_by_role("heading", name="Det här kan du göra nu")).to_be_visible()
    expect(page.locator(".partner-card").first).to_be_visible()
    expect(page.get_by_role("button", name="Skriv ut")).to_be_visible()  # shown by site.js
    assert "svar=" not in page.url
    axe_check(page)

    page.get_by_role("button", name="Prata med en rådgivare").click()
    expect(page.get_by_label("Jag vill jobba på ett socialt företag")).to_be_checked()
    expect(page.get_by_label("Svenska", exact=True)).to_be_checked()
    page.get_by_label("Ditt namn").fill("Sara Lind")
    page.get_by_label("E-post").fill("sara@example.se")
    page.get_by_label("Ett annat språk").check()
    page.get_by_label("Vilket annat språk?").fill("Dari")
    page.get_by_label("Ja, jag behöver tolk").check()
    page.get_by_label("Ja, skicka med mina svar från vägledningen").check()
    axe_check(page)
    page.get_by_role("button", name="Skicka").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Tack, vi har tagit emot din förfrågan"
    )
    reference = page.locator(".receipt__reference").inner_text()
    assert re.fullmatch(r"ASF-\d{4}-00001", reference)
    axe_check(page)
    inquiry = Inquiry.objects.get()
    assert inquiry.reference == reference
    assert inquiry.flow_answers[3]["answers"] == ["Centrum"]
    assert inquiry.flow_answers[-1]["answers"] == ["Entré utan trappsteg"]
    assert (inquiry.language_name, inquiry.needs_interpreter) == ("Dari", True)
    expect(page.locator(".next-steps")).to_contain_text("Vi ordnar en tolk till samtalet.")
    assert run_tasks() == 2
    assert len(mailoutbox) == 2
    assert console_errors == []


def test_start_flow_to_an_inquiry_without_javascript(no_js_page, demo):
    """axe-core needs JavaScript, so the JavaScript journey above does the scans."""
    page = no_js_page
    page.goto(demo + "/vagledning/starta/")
    page.get_by_role("button", name="Starta nu").click()
    page.get_by_role("button", name="Fortsätt").click()
    expect(page.locator("#error-summary")).to_contain_text("Välj ett svar.")
    choose(page, page.locator("fieldset .form-check-label").first.inner_text())
    for _ in range(8):  # the remaining questions: choose the first answer of each
        if "/fraga/" not in page.url:
            break
        page.locator("fieldset .form-check-input").first.check()
        page.get_by_role("button", name="Fortsätt").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kontrollera dina svar")
    page.get_by_role("button", name="Visa mitt resultat").click()
    expect(page.get_by_role("heading", name="Vem du kan kontakta")).to_be_visible()
    expect(page.get_by_role("button", name="Skriv ut")).to_be_hidden()  # needs JavaScript

    page.get_by_role("button", name="Prata med en rådgivare").click()
    page.get_by_role("button", name="Skicka").click()  # empty: errors, nothing lost
    expect(page.locator("#error-summary")).to_contain_text("Skriv ditt namn.")
    expect(page.locator("#error-summary")).to_contain_text("Välj om du behöver tolk.")
    page.get_by_label("Ditt namn").fill("Omar")
    page.get_by_label("Telefon").fill("070-123 45 67")
    page.get_by_label("Nej", exact=True).check()
    page.get_by_role("button", name="Skicka").click()
    expect(page.locator(".receipt__reference")).to_have_text(re.compile(r"ASF-\d{4}-\d{5}"))
    expect(page.locator(".next-steps")).to_contain_text("Vi skickar inget mejl")
    reference = page.locator(".receipt__reference").inner_text()
    page.go_back()  # back to the filled-in form, and send it again
    page.get_by_role("button", name="Skicka").click()
    expect(page.locator(".receipt__reference")).to_have_text(reference)
    inquiry = Inquiry.objects.get()
    assert (inquiry.topic, inquiry.flow_answers) == ("starta", [])


def test_question_page_can_be_answered_with_the_keyboard(page, demo):
    page.goto(demo + "/vagledning/jobba/")
    page.get_by_role("button", name="Starta nu").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".question__position")).to_have_text("Fråga 1 av 6")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "radio":
            break
    page.keyboard.press("Space")
    expect(page.locator("input[type=radio]").first).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Fortsätt")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".question__position")).to_have_text("Fråga 2 av 6")


def test_policy_history_and_diff(page, demo, axe_check):
    page.goto(demo + "/policy/")
    axe_check(page)
    page.get_by_role("link", name=re.compile("^Kugghjulet")).click()
    expect(page.get_by_role("heading", name="Ändringshistorik")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="Se vad som ändrades i version 3").click()
    expect(page.locator(".diff ins").first).to_be_visible()
    axe_check(page)
    page.get_by_label("Från version").select_option("1")
    page.get_by_role("button", name="Visa skillnaderna").click()
    expect(page).to_have_url(re.compile(r"fran=1&till=3"))
    expect(page.locator(".diff-intro")).to_contain_text("version 1")


def fill_report(page, org_number: str) -> None:
    page.get_by_label("Företagets namn").fill("Gröna Kvarnen")
    page.get_by_label("Organisationsnummer").fill(org_number)
    page.get_by_label("Vad gör företaget?").fill("Kafé och bageri.")
    page.get_by_label("Varför är det ett arbetsintegrerande socialt företag?").fill("Kooperativ.")
    page.get_by_role("button", name="Skicka tipset").click()


def test_report_a_missing_enterprise(page, demo, axe_check):
    page.goto(demo + "/anmal-foretag/")
    axe_check(page)
    fill_report(page, "556677-8890")
    expect(page.locator("#error-summary")).to_contain_text("Organisationsnumret stämmer inte")
    expect(page.get_by_label("Företagets namn")).to_have_value("Gröna Kvarnen")
    axe_check(page)
    page.get_by_label("Organisationsnummer").fill("556677-8899")
    page.get_by_role("button", name="Skicka tipset").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tack för tipset")
    axe_check(page)
    assert EnterpriseReport.objects.get().enterprise.name == "Gröna Kvarnen"


def test_report_a_missing_enterprise_without_javascript(no_js_page, demo):
    no_js_page.goto(demo + "/anmal-foretag/")
    fill_report(no_js_page, "556677-8899")
    expect(no_js_page.get_by_role("heading", level=1)).to_have_text("Tack för tipset")
    assert EnterpriseReport.objects.count() == 1


@pytest.mark.parametrize("path", ["/vagledning/jobba/", "/kontakt/", "/policy/kugghjulet/"])
def test_guidance_pages_fit_a_phone(browser, demo, axe_check, path):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(demo + path)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    axe_check(page)
    context.close()
    assert overflow <= 0


def test_english_flow_page(page, demo, axe_check):
    page.goto(demo + "/en/kontakt/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Talk to an advisor")
    axe_check(page)
