"""The WCAG 2.1 AA checks a scanner cannot make (see tests/browser/wcag.py),
over every page the sitemap lists, the pages it cannot list (a flow's
questions, the self-service form, the sign-in pages) and the advisors' pages.

Each page is loaded once at 320 px in a context that prefers reduced motion;
the checks then change the width, the text spacing and the colour scheme on
the same page. One failure report lists every page's problems."""

import re
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.urls import reverse

from guidance.models import AdviceFlow, Inquiry, InquiryTopic
from registry.alerts import CONFIRM, MANAGE, make_token
from registry.models import EnterpriseImport, EnterpriseReport, Partner, SocialEnterprise
from registry.models.enterprises import PublicationStatus
from registry.services import alerts
from registry.services.selfservice import enterprise_self_update
from tests.browser import wcag
from tests.factories import EnterpriseFactory
from tests.registry.import_helpers import make_batch
from tests.registry.selfservice.helpers import enterprise_with_link

pytestmark = pytest.mark.django_db(transaction=True)

SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots" / "wcag"
# Pages whose checked states are also kept as screenshots, to look at.
PHOTOGRAPHED = {"/", "/foretag/", "/kontakt/", "/lattlast/", "/handlaggare/foretag/"}
PHONE, DESKTOP, ZOOMED = (
    {"width": 320, "height": 800},
    {"width": 1280, "height": 900},
    {"width": 640, "height": 450},  # 1280 x 900 at 200 %
)


def check_page(page, base: str, path: str) -> list[str]:
    page.set_viewport_size(PHONE)
    response = page.goto(base + path)
    assert response.status < 500, f"{path} answered {response.status}"
    found = [f"reflow: {p}" for p in wcag.reflow(page)]
    found += [f"reduced motion: {p}" for p in wcag.reduced_motion(page)]
    found += [f"names and headings: {p}" for p in wcag.names_and_headings(page)]
    found += [f"input purpose: {p}" for p in wcag.input_purpose(page, path)]
    found += [f"non-text contrast: {p}" for p in wcag.non_text_contrast(page)]
    shoot = _photographer(page, path)
    found += [f"text spacing at 320 px: {p}" for p in wcag.text_spacing(page, shoot)]
    page.set_viewport_size(DESKTOP)
    found += [f"text spacing at 1280 px: {p}" for p in wcag.text_spacing(page, shoot)]
    page.set_viewport_size(ZOOMED)
    found += [f"zoom 200 %: {p}" for p in wcag.reflow(page)]
    _stops, problems = wcag.keyboard_walk(page)
    found += [f"keyboard: {p}" for p in problems]
    found += [f"forced colours: {p}" for p in wcag.forced_colours(page, shoot)]
    return found


def _photographer(page, path: str):
    """Saves the page as the check sees it, for the pages in PHOTOGRAPHED."""
    if path not in PHOTOGRAPHED:
        return lambda state: None
    SHOTS.mkdir(parents=True, exist_ok=True)
    name = path.strip("/").replace("/", "-") or "start"

    def shoot(state: str) -> None:
        width = page.viewport_size["width"]
        page.screenshot(path=SHOTS / f"{name}-{state}-{width}.png", full_page=True)

    return shoot


def sweep(browser, base: str, paths: list[str], *, cookies=()) -> dict[str, list[str]]:
    context = browser.new_context(viewport=PHONE, reduced_motion="reduce", bypass_csp=True)
    context.add_cookies([{**cookie, "url": base} for cookie in cookies])
    page = context.new_page()
    try:
        report = {path: check_page(page, base, path) for path in paths}
    finally:
        context.close()
    return {path: problems for path, problems in report.items() if problems}


def as_text(report: dict[str, list[str]]) -> str:
    return "\n".join(f"{path}\n  " + "\n  ".join(problems) for path, problems in report.items())


def sitemap_paths(base: str) -> list[str]:
    with urllib.request.urlopen(base + "/sitemap.xml", timeout=30) as answer:  # noqa: S310
        xml = answer.read().decode()
    return [url.removeprefix(base) for url in re.findall(r"<loc>(.*?)</loc>", xml)]


def pages_outside_the_sitemap() -> list[str]:
    """Public pages a search engine does not get: the first question of each
    flow, the self-service form for an enterprise, the staff sign-in pages."""
    paths = [
        reverse("guidance:flow_question", args=[flow.slug, flow.questions.order_by("order")[0].pk])
        for flow in AdviceFlow.objects.filter(is_published=True)
    ]
    _enterprise, _link, self_service = enterprise_with_link(name="Kafé Självservice")
    return [
        *alert_pages(),
        *paths,
        self_service,
        self_service + "andra/",  # "Vad vill ni ändra?"
        self_service + "andra/?delar=kontakt&delar=erbjudanden&delar=foretaget&delar=adress"
        "&delar=sprak",
        self_service + "klart/?vad=bekraftat",
        "/sidan-finns-inte/",
        "/foretag/?nara=136+40",  # nearest first, distances on the cards
        "/foretag/?nara=Atlantis",  # a place that is not found
        reverse("staff:login"),
        reverse("staff:password_reset"),
    ]


def alert_pages() -> list[str]:
    """An alert's pages: asking for one, confirming, its own page (with a
    filter set that no longer validates), ending it, a link that does not work."""
    pending = alerts.alert_subscribe(email="a@exempel.se", filters="hiss=on", frequency="daily")
    stale = alerts.alert_confirm(
        subscription=alerts.alert_subscribe(
            email="b@exempel.se", filters="omrade=finns-inte&hiss=on", frequency="weekly"
        )
    )

    def link(name, purpose, row):
        token = make_token(purpose=purpose, subscription_id=row.pk, secret=row.secret)
        return reverse(name, kwargs={"token": token})

    return [
        "/bevakning/ny/?hiss=on&sprak=finns-inte",
        link("alerts:confirm", CONFIRM, pending),
        link("alerts:manage", MANAGE, stale),
        link("alerts:unsubscribe", MANAGE, stale),
        "/bevakning/trasig-lank/",
    ]


def test_every_public_page_passes_the_checks_a_scanner_cannot_make(browser, demo):
    paths = sitemap_paths(demo) + pages_outside_the_sitemap()
    assert len(paths) > 150  # the whole site: Swedish and English, every record

    report = sweep(browser, demo, paths)

    assert not report, "\n" + as_text(report)


def staff_pages(advisor) -> list[str]:
    """Every page an advisor reads, with a record of each kind to show."""
    enterprise = SocialEnterprise.objects.published().order_by("pk").first()
    partner = Partner.objects.order_by("pk").first()
    _linked, link, _path = enterprise_with_link(name="Kafé Förslaget")
    _record, proposal = enterprise_self_update(
        link=link, submission_token=uuid.uuid4(), direct={}, places={},
        proposed={"description": "Vi bakar bröd, lagar lunch och tar emot praktikanter."},
    )  # fmt: skip
    report = EnterpriseReport.objects.create(
        enterprise=EnterpriseFactory(status=PublicationStatus.DRAFT, last_checked=None),
        reason="Anställer personer som stått länge utan arbete.",
        submission_token=uuid.uuid4(),
        reporter_email="tipsare@example.se",
    )
    inquiry = Inquiry.objects.create(
        reference="ASF-2026-00001", name="Sara Exempel", email="sara@example.se",
        topic=InquiryTopic.WORK, message="Jag vill prova på arbetsträning.",
    )  # fmt: skip
    batch = make_batch(advisor, {"namn": "Tvätteriet i Åby"})
    names = [
        ("staff:dashboard", []),
        ("registry_staff:enterprise_list", []),
        ("registry_staff:enterprise_create", []),
        ("registry_staff:enterprise_edit", [enterprise.pk]),
        ("registry_staff:enterprise_verify", [enterprise.pk]),
        ("registry_staff:enterprise_history", [enterprise.pk]),
        ("registry_staff:import_upload", []),
        ("registry_staff:import_report", [batch.pk]),
        ("registry_staff:proposal_list", []),
        ("registry_staff:proposal_detail", [proposal.pk]),
        ("registry_staff:partner_list", []),
        ("registry_staff:partner_create", []),
        ("registry_staff:partner_edit", [partner.pk]),
        ("registry_staff:partner_sessions", [partner.pk]),
        ("registry_staff:partner_history", [partner.pk]),
        ("registry_staff:report_list", []),
        ("registry_staff:report_detail", [report.pk]),
        ("registry_staff:alert_lookup", []),
        ("inquiries:inbox", []),
        ("inquiries:detail", [inquiry.pk]),
        ("staff:password_change", []),
        ("staff:password_change_done", []),
    ]
    return [reverse(name, args=args) for name, args in names]


def test_every_staff_page_passes_the_checks_a_scanner_cannot_make(browser, demo, advisor):
    from django.conf import settings
    from django.test import Client

    paths = staff_pages(advisor)
    client = Client()
    client.force_login(advisor)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value

    report = sweep(
        browser, demo, paths, cookies=[{"name": settings.SESSION_COOKIE_NAME, "value": session}]
    )

    assert not report, "\n" + as_text(report)
    assert EnterpriseImport.objects.count() == 1  # the import report was there to check
