"""Take full-page screenshots of the main pages, desktop and phone width.

Usage: .venv/bin/python scripts/screenshots.py [base-url] [out-dir]
Needs a running server (make run) and Chromium at $CHROMIUM (default /usr/bin/chromium).
It opens the same SQLite database as make run to make a personal self-service link.
"""

import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

PROFILE_SLUG = "bageriet-surdegen-ab-svb"
PAGES = {
    "start": "/",
    "directory": "/foretag/",
    "directory-filtered": "/foretag/?q=kafé&erbjudande=arbetstraning",
    "profile": "/foretag/" + PROFILE_SLUG + "/",
    "partners": "/partner/",
    "partner": "/partner/start-up-stockholm/",
    "accessibility": "/tillganglighet/",
    "policy-list": "/policy/",
    "policy-page": "/policy/kugghjulet/",
    "policy-diff": "/policy/kugghjulet/jamfor/?fran=1&till=3",
    "flow-start": "/vagledning/jobba/",
    "flow-start-founder": "/vagledning/starta/",
    "inquiry": "/kontakt/",
    "report": "/anmal-foretag/",
    "open-data": "/oppna-data/",
    "en-directory": "/en/foretag/",
    "not-found": "/finns-inte/",
}
# Staff pages, signed in as the demo advisor (make run creates it).
STAFF_PAGES = {
    "staff-dashboard": "/handlaggare/",
    "staff-enterprises": "/handlaggare/foretag/?freshness=due",
    "staff-inbox": "/handlaggare/arenden/",
    "staff-reports": "/handlaggare/anmalningar/",
    "staff-partners": "/handlaggare/partner/",
    "staff-import": "/handlaggare/foretag/import/",
    "staff-proposals": "/handlaggare/forslag/",
}
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


def main() -> None:
    base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "test-artifacts/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    link_path = urlsplit(self_service_path(PROFILE_SLUG)).path  # before Playwright's event loop
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
        for size_name, viewport in SIZES.items():
            page = browser.new_page(viewport=viewport)
            for name, path in PAGES.items():
                page.goto(base + path)
                page.screenshot(path=out / f"{name}-{size_name}.png", full_page=True)
            walk_flow(page, base, out, size_name)
            walk_self_service(page, base + link_path, out, size_name)
            walk_staff(page, base, out, size_name)
            page.close()
        browser.close()
    print(f"Screenshots in {out}/")


def walk_flow(page, base: str, out: Path, size_name: str) -> None:
    """The work flow: a question with an error, the check page, the result."""
    page.goto(base + "/vagledning/jobba/")
    page.get_by_role("button", name="Starta nu").click()
    page.get_by_role("button", name="Fortsätt").click()
    page.screenshot(path=out / f"flow-question-error-{size_name}.png", full_page=True)
    while "/fraga/" in page.url:
        page.locator("form.question .form-check-input").first.check()
        page.get_by_role("button", name="Fortsätt").click()
        page.wait_for_load_state()
    page.screenshot(path=out / f"flow-check-{size_name}.png", full_page=True)
    page.get_by_role("button", name="Visa mitt resultat").click()
    page.screenshot(path=out / f"flow-result-{size_name}.png", full_page=True)
    page.emulate_media(media="print")
    page.screenshot(path=out / f"flow-result-print-{size_name}.png", full_page=True)
    page.emulate_media(media="screen")
    page.context.clear_cookies()


def self_service_path(slug: str) -> str:
    """A fresh personal link for a demo record, made in make run's database."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asfportal.settings")
    os.environ.setdefault("DEBUG", "true")
    import django

    django.setup()
    from registry.models import LinkReason, SocialEnterprise
    from registry.services.selfservice import link_create, link_url

    enterprise = SocialEnterprise.objects.get(slug=slug)
    link = link_create(enterprise=enterprise, reason=LinkReason.ADVISOR, sent_to=enterprise.email)
    return link_url(link)


def walk_self_service(page, link: str, out: Path, size_name: str) -> None:
    """The enterprise's own page: the record, an error, the change form, a proposal."""
    page.goto(link)
    page.screenshot(path=out / f"selfservice-page-{size_name}.png", full_page=True)
    page.locator(".places-form input[type=number]").first.fill("-1")
    page.get_by_role("button", name="Spara lediga platser").click()
    page.screenshot(path=out / f"selfservice-places-error-{size_name}.png", full_page=True)
    page.get_by_role("link", name="Något behöver ändras").first.click()
    page.screenshot(path=out / f"selfservice-parts-{size_name}.png", full_page=True)
    page.get_by_label("Namn, beskrivning och bransch").check()
    page.get_by_role("button", name="Fortsätt").click()
    page.screenshot(path=out / f"selfservice-change-{size_name}.png", full_page=True)
    page.get_by_label("Kort beskrivning").fill("Surdegsbröd och fika, bakat på plats varje morgon.")
    page.get_by_role("button", name="Skicka ändringarna").click()
    page.screenshot(path=out / f"selfservice-sent-{size_name}.png", full_page=True)
    page.goto(link.replace("/uppdatera/", "/uppdatera/x", 1))
    page.screenshot(path=out / f"selfservice-invalid-{size_name}.png", full_page=True)
    page.goto(link.split("/uppdatera/")[0] + "/uppdatera/")
    page.screenshot(path=out / f"selfservice-request-{size_name}.png", full_page=True)


def walk_staff(page, base: str, out: Path, size_name: str) -> None:
    """Sign in as the demo advisor; edit a record, its history, an inquiry."""
    page.goto(base + "/handlaggare/konto/logga-in/")
    page.screenshot(path=out / f"staff-login-{size_name}.png", full_page=True)
    page.get_by_label("Användarnamn").fill("radgivare")
    page.get_by_label("Lösenord").fill("demo-radgivare")
    page.get_by_role("button", name="Logga in").click()
    for name, path in STAFF_PAGES.items():
        page.goto(base + path)
        page.screenshot(path=out / f"{name}-{size_name}.png", full_page=True)
    page.goto(base + "/handlaggare/forslag/")
    page.locator(".staff-list a").first.click()
    page.screenshot(path=out / f"staff-proposal-{size_name}.png", full_page=True)
    page.goto(base + "/handlaggare/foretag/")
    page.locator(".staff-table tbody a").first.click()
    page.screenshot(path=out / f"staff-edit-{size_name}.png", full_page=True)
    page.get_by_role("button", name="Kontrollerad idag").click()
    page.get_by_role("link", name="Kriterier, Skoopi och LOU").click()
    page.screenshot(path=out / f"staff-verify-{size_name}.png", full_page=True)
    page.go_back()
    page.get_by_role("link", name="Historik").click()
    page.screenshot(path=out / f"staff-history-{size_name}.png", full_page=True)
    page.goto(base + "/handlaggare/arenden/")
    inquiry = page.locator("table a").first
    if inquiry.count():
        inquiry.click()
        page.screenshot(path=out / f"staff-inquiry-{size_name}.png", full_page=True)
    page.context.clear_cookies()


if __name__ == "__main__":
    main()
