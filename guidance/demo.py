"""Load the demo policy pages (with their revision history) and the two advice
flows. Idempotent: what exists already, by slug, is left alone."""

import datetime

from django.db import transaction
from django.utils import timezone

from guidance import services
from guidance.demo_flows import EASY_RESULTS, EASY_WORDING, FLOWS
from guidance.demo_policy import POLICY_PAGES
from guidance.models import (
    AdviceFlow,
    Choice,
    Page,
    PageStatus,
    Question,
    Recommendation,
    ResultEnterprises,
)
from registry.models import Area, Industry, Language, Partner


def load_demo() -> dict[str, int]:
    pages = sum(_load_page(spec) for spec in POLICY_PAGES)
    flows = sum(_load_flow(spec) for spec in FLOWS)
    for spec in FLOWS:
        _add_easy_wording(spec)
    return {"pages": pages, "flows": flows}


def _at_nine(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))


@transaction.atomic
def _load_page(spec: dict) -> bool:
    if Page.objects.filter(slug=spec["slug"]).exists():
        return False
    page = Page(
        slug=spec["slug"],
        issuer=spec["issuer"],
        valid_from=spec["valid_from"],
        last_reviewed=spec["last_reviewed"],
        menu_order=spec["menu_order"],
        status=PageStatus.PUBLISHED,
    )
    for revision in spec["revisions"]:
        page.title, page.summary, page.body = spec["title"], spec["summary"], revision["body"]
        services.page_save(
            page=page,
            change_summary=revision["change_summary"],
            published_at=_at_nine(revision["published_on"]),
        )
    return True


@transaction.atomic
def _load_flow(spec: dict) -> bool:
    if AdviceFlow.objects.filter(slug=spec["slug"]).exists():
        return False
    flow = AdviceFlow.objects.create(
        slug=spec["slug"],
        title=spec["title"],
        intro=spec["intro"],
        result_intro=spec["result_intro"],
        enterprises=spec.get("enterprises", ResultEnterprises.MATCHING),
        is_published=True,
    )
    questions = {
        q["key"]: Question.objects.create(
            flow=flow, text=q["text"], help_text=q["help_text"], kind=q["kind"], order=index * 10
        )
        for index, q in enumerate(spec["questions"], start=1)
    }
    for q in spec["questions"]:
        for index, c in enumerate(q["choices"], start=1):
            choice = Choice.objects.create(
                question=questions[q["key"]],
                value=c["value"],
                label=c["label"],
                order=index * 10,
                next_question=questions[c["next"]] if c["next"] else None,
            )
            for order, rec in enumerate(c["recommendations"], start=1):
                _create_recommendation(choice, rec, order)
    return True


@transaction.atomic
def _add_easy_wording(spec: dict) -> None:
    """Fill in the easy-to-read wording where it is still empty, also in a demo
    flow loaded before the wording existed. What an editor wrote is kept."""
    wording = EASY_WORDING.get(spec["slug"], {})
    flow = AdviceFlow.objects.filter(slug=spec["slug"]).first()
    if flow is None or not wording:
        return
    if not flow.easy_intro:
        flow.easy_intro = wording["intro"]
        flow.save(update_fields=["easy_intro"])
    for q in spec["questions"]:
        text, help_text, labels = wording[q["key"]]
        question = flow.questions.filter(text=q["text"]).first()
        if question is None:
            continue
        if not question.easy_text and not question.easy_help_text:
            question.easy_text, question.easy_help_text = text, help_text
            question.save(update_fields=["easy_text", "easy_help_text"])
        for choice in question.choices.filter(easy_label="", value__in=labels):
            choice.easy_label = labels[choice.value]
            choice.save(update_fields=["easy_label"])
    _add_easy_results(flow, spec)


def _add_easy_results(flow: AdviceFlow, spec: dict) -> None:
    """The result page's easy wording: its intro and each step, where empty."""
    wording = EASY_RESULTS.get(spec["slug"], {})
    if wording and not flow.easy_result_intro:
        flow.easy_result_intro = wording["result_intro"]
        flow.save(update_fields=["easy_result_intro"])
    texts = {q["key"]: q["text"] for q in spec["questions"]}
    for (key, value), steps in wording.get("steps", {}).items():
        recs = Recommendation.objects.filter(
            choice__question__flow=flow, choice__question__text=texts[key], choice__value=value
        ).order_by("order", "pk")
        for rec, easy in zip(recs, steps, strict=False):
            if not rec.easy_text:
                rec.easy_text = easy
                rec.save(update_fields=["easy_text"])


def _create_recommendation(choice: Choice, spec: dict, order: int) -> None:
    rec = Recommendation.objects.create(
        choice=choice,
        text=spec["text"],
        offering_kind=spec["offering_kind"],
        industry=Industry.objects.filter(name=spec["industry"]).first()
        if spec["industry"]
        else None,
        area=Area.objects.filter(name=spec["area"]).first() if spec["area"] else None,
        language=Language.objects.filter(slug=spec.get("language", "")).first(),
        access_need=spec.get("access_need", ""),
        order=order,
    )
    rec.partners.set(Partner.objects.filter(name__in=spec["partners"]))
