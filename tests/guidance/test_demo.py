"""The demo content: seven policy pages with history and the two advice flows."""

import pytest
from django.core.management import call_command

from guidance import selectors
from guidance.demo_flows import FLOWS
from guidance.flows import graph_problems
from guidance.models import AdviceFlow, Page, PageRevision, PageStatus, Recommendation

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("load_demo")


def test_load_demo_creates_the_seven_policy_pages_with_history_once(demo):
    call_command("load_demo")
    pages = Page.objects.all()
    assert pages.count() == 7
    assert {p.issuer for p in pages} == {
        "kommunen", "regeringen", "skr", "arbetsformedlingen", "forsakringskassan",
        "samordningsforbund", "famna_kugghjulet",
    }  # fmt: skip
    assert all(p.status == PageStatus.PUBLISHED for p in pages)
    with_history = [p for p in pages if p.revisions.count() >= 2]
    assert len(with_history) >= 4
    for page in pages:
        latest = page.revisions.order_by("-number").first()
        assert latest.body == page.body
    assert PageRevision.objects.filter(page__slug="regeringens-handlingsplan").exists()
    assert Page.objects.get(slug="regeringens-handlingsplan").valid_from.isoformat() == "2010-04-22"


def test_demo_policy_facts_carry_over(demo):
    text = " ".join(Page.objects.values_list("body", flat=True))
    for fact in ["100 miljoner kronor", "15 miljoner kronor", "2014", "Östra Södertörn", "55"]:
        assert fact in text


def test_demo_flows_are_published_and_can_be_walked_to_an_end(demo):
    for slug in ("jobba", "starta"):
        loaded = selectors.load_flow(slug)
        assert loaded.flow.is_published
        assert graph_problems(loaded.graph) == []
    assert AdviceFlow.objects.count() == 2


def _demo_recommendations() -> list[dict]:
    return [
        rec
        for flow in FLOWS
        for question in flow["questions"]
        for choice in question["choices"]
        for rec in choice["recommendations"]
    ]


def test_demo_recommendations_find_their_partners_and_filters(demo):
    specs = _demo_recommendations()
    named = sum(len(rec["partners"]) for rec in specs)
    assert Recommendation.partners.through.objects.count() == named
    with_industry = [rec for rec in specs if rec["industry"]]
    assert Recommendation.objects.filter(industry__isnull=False).count() == len(with_industry)
    with_area = [rec for rec in specs if rec["area"]]
    assert Recommendation.objects.filter(area__isnull=False).count() == len(with_area)
