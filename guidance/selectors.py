"""Reads for the guidance pages, with their query costs."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from asfportal.core.people import display_name
from asfportal.core.roles import ADVISOR_GROUP
from guidance.flows import ChoiceNode, FlowGraph, QuestionNode
from guidance.models import (
    AdviceFlow,
    Choice,
    Inquiry,
    InquiryAccess,
    InquiryNote,
    InquiryStatus,
    Issuer,
    Page,
    PageRevision,
    Question,
    Recommendation,
)
from registry.selectors.alerts import alert_count, alert_export

OPEN_STATUSES = (InquiryStatus.NEW, InquiryStatus.IN_PROGRESS)
ACCESS_LOG_LENGTH = 20


def policy_pages_by_issuer() -> list[tuple[str, list[Page]]]:
    """Published pages grouped by issuer in the issuers' fixed order. One query."""
    pages = list(Page.objects.published().order_by("menu_order", "title"))
    groups = []
    for issuer in Issuer:
        members = [page for page in pages if page.issuer == issuer.value]
        if members:
            groups.append((issuer.label, members))
    return groups


def policy_page(slug: str) -> Page:
    """A published page with its revisions, newest first; drafts are 404. Two queries."""
    revisions = PageRevision.objects.order_by("-number")
    return get_object_or_404(
        Page.objects.published().prefetch_related(Prefetch("revisions", queryset=revisions)),
        slug=slug,
    )


def latest_revisions(limit: int = 20) -> QuerySet[PageRevision]:
    """The newest published revisions of published pages, for the Atom feed."""
    return (
        PageRevision.objects.filter(page__status="published")
        .select_related("page")
        .order_by("-published_at", "-pk")[:limit]
    )


def flow_graph_from(questions: Iterable[Question], *, easy: bool = False) -> FlowGraph:
    """A graph from questions whose choices are prefetched, in the ordinary
    wording or the easy-to-read one (each text falls back to the ordinary one
    where the editors left the easy one empty)."""

    def words(ordinary: str, easy_version: str) -> str:
        return (easy and easy_version) or ordinary

    nodes = {
        q.pk: QuestionNode(
            id=q.pk,
            text=words(q.text, q.easy_text),
            kind=q.kind,
            choices=tuple(
                ChoiceNode(c.value, words(c.label, c.easy_label), c.next_question_id)
                for c in q.choices.all()
            ),
            help_text=words(q.help_text, q.easy_help_text),
        )
        for q in sorted(questions, key=lambda q: (q.order, q.pk))
    }
    return FlowGraph(first_id=next(iter(nodes), None), questions=nodes)


@dataclass(frozen=True)
class LoadedFlow:
    flow: AdviceFlow
    graph: FlowGraph
    easy: bool = False  # the graph's texts are the easy-to-read wording
    has_easy_wording: bool = False  # the editors wrote one, for some text at least

    @property
    def intro(self) -> str:
        return (self.easy and self.flow.easy_intro) or self.flow.intro

    @property
    def result_intro(self) -> str:
        return (self.easy and self.flow.easy_result_intro) or self.flow.result_intro


def load_flow(slug: str, *, easy: bool = False) -> LoadedFlow:
    """A flow with its questions and choices (three queries) in the wording asked
    for; 404 when missing. The caller decides what an unpublished flow means."""
    flow = get_object_or_404(AdviceFlow, slug=slug)
    questions = list(
        flow.questions.prefetch_related(
            Prefetch("choices", queryset=Choice.objects.order_by("order", "pk"))
        )
    )
    has_easy = bool(flow.easy_intro or flow.easy_result_intro) or any(
        q.easy_text or q.easy_help_text or any(c.easy_label for c in q.choices.all())
        for q in questions
    )
    return LoadedFlow(
        flow=flow,
        graph=flow_graph_from(questions, easy=easy and has_easy),
        easy=easy and has_easy,
        has_easy_wording=has_easy,
    )


def recommendations_for(question_values: dict[int, tuple[str, ...]]) -> list[Recommendation]:
    """The recommendations attached to the chosen answers, in path order. Two queries."""
    if not question_values:
        return []
    chosen = Choice.objects.none()
    for qid, values in question_values.items():
        chosen |= Choice.objects.filter(question_id=qid, value__in=values)
    recs = (
        Recommendation.objects.filter(choice__in=chosen.values("pk"))
        .select_related("choice", "industry", "area", "language")
        .prefetch_related("partners")
    )
    order = {qid: index for index, qid in enumerate(question_values)}
    return sorted(recs, key=lambda r: (order[r.choice.question_id], r.choice.order, r.order))


# The advisors' inquiries ------------------------------------------------------


def active_advisors() -> QuerySet:
    """Active members of the advisors' group, by name: who can be given an
    inquiry. One query when evaluated."""
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name=ADVISOR_GROUP)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def inbox_inquiries() -> QuerySet[Inquiry]:
    """Every inquiry, newest first, with its assignee: the inbox filters and
    pages this (a COUNT and one SELECT per page)."""
    return Inquiry.objects.select_related("assigned_to").order_by("-created_at", "-pk")


def inquiry_for_detail(pk: int) -> Inquiry:
    """One inquiry with its assignee and its notes and their authors; 404 when
    missing. Two queries."""
    notes = InquiryNote.objects.select_related("author").order_by("created_at", "pk")
    return get_object_or_404(
        Inquiry.objects.select_related("assigned_to").prefetch_related(
            Prefetch("notes", queryset=notes)
        ),
        pk=pk,
    )


def inquiry_for_erase(pk: int) -> Inquiry:
    """One inquiry with ``note_count``, for the erase page; 404 when missing.
    One query."""
    return get_object_or_404(Inquiry.objects.annotate(note_count=Count("notes")), pk=pk)


def alert_count_for(inquiry: Inquiry) -> int:
    """How many alerts of the directory the inquiry's address has. One query."""
    return alert_count(inquiry.email) if inquiry.email else 0


def inquiry_was_erased(reference: str) -> bool:
    """Whether the log says the inquiry with this reference was erased. One query."""
    if not reference:
        return False
    erased = InquiryAccess.objects.filter(reference=reference, action=InquiryAccess.Action.ERASE)
    return erased.exists()


def inquiry_access_log(inquiry: Inquiry, limit: int = ACCESS_LOG_LENGTH) -> list[InquiryAccess]:
    """The inquiry's latest access-log rows with their users. One query."""
    return list(
        InquiryAccess.objects.filter(inquiry=inquiry)
        .select_related("user")
        .order_by("-at", "-pk")[:limit]
    )


def _local_time(moment) -> str | None:
    return timezone.localtime(moment).isoformat() if moment else None


def _person(user: AbstractBaseUser | None) -> str | None:
    return display_name(user) or None


def inquiry_list_columns() -> list[str]:
    """The inbox as a list for planning (who needs an interpreter, in which
    language, who has it): no name, contact details, message or answers. Those
    stay on the inquiry's own page, whose every showing is logged."""
    return [
        _("Referens"),
        _("Inkommen"),
        _("Ämne"),
        _("Status"),
        _("Handläggare"),
        _("Språk för samtalet"),
        _("Tolk"),
        _("Vill bli kontaktad via"),
    ]


def _contact_route(inquiry: Inquiry) -> str:
    if inquiry.phone and inquiry.email:
        return _("Telefon eller e-post")
    return _("Telefon") if inquiry.phone else _("E-post")


def _interpreter(inquiry: Inquiry) -> str:
    """Yes or no, or empty for inquiries from before the form asked."""
    if not inquiry.interpreter:
        return ""
    return _("Ja") if inquiry.needs_interpreter else _("Nej")


def inquiry_list_row(inquiry: Inquiry) -> list[object]:
    """One row of ``inquiry_list_columns`` (the assignee selected with it)."""
    return [
        inquiry.reference,
        timezone.localtime(inquiry.created_at).strftime("%Y-%m-%d %H:%M"),
        inquiry.get_topic_display(),
        inquiry.get_status_display(),
        display_name(inquiry.assigned_to) if inquiry.assigned_to else "",
        inquiry.language_name,
        _interpreter(inquiry),
        _contact_route(inquiry),
    ]


def inquiry_export_document(inquiry: Inquiry) -> dict:
    """What is kept about the person in this inquiry, as plain JSON-ready data:
    the inquiry's fields (choices by their labels in the active language), the
    attached answers (all that are stored) with the time of consent, and the
    notes with author and time, and the alerts of the directory kept for the
    same address (``registry.selectors.alerts``). Times are local ISO 8601. One
    query (the alerts) when the inquiry comes from ``inquiry_for_detail``."""
    return {
        "reference": inquiry.reference,
        "exported_at": _local_time(timezone.now()),
        "inquiry": {
            "created_at": _local_time(inquiry.created_at),
            "name": inquiry.name,
            "email": inquiry.email,
            "phone": inquiry.phone,
            "preferred_time": inquiry.get_preferred_time_display(),
            "topic": inquiry.get_topic_display(),
            "language": inquiry.language_name,
            "interpreter": inquiry.get_interpreter_display(),
            "message": inquiry.message,
            "status": inquiry.get_status_display(),
            "closed_at": _local_time(inquiry.closed_at),
            "assigned_to": _person(inquiry.assigned_to),
        },
        "attached_answers": {
            "consent_at": _local_time(inquiry.answers_consent_at),
            "answers": list(inquiry.flow_answers),
        },
        "notes": [
            {
                "author": _person(note.author),
                "created_at": _local_time(note.created_at),
                "text": note.text,
            }
            for note in inquiry.notes.all()
        ],
        "alert_subscriptions": alert_export(inquiry.email),
    }


@dataclass(frozen=True)
class DashboardInquiries:
    new_count: int
    new: tuple[Inquiry, ...]
    mine_count: int
    mine: tuple[Inquiry, ...]


def dashboard_inquiries(*, user: AbstractBaseUser, limit: int = 5) -> DashboardInquiries:
    """For the dashboard: how many inquiries are new and the newest ``limit`` of
    them; how many open inquiries ``user`` has and the newest ``limit`` of those.
    Assignees are preloaded. Three queries (both counts in one)."""
    mine_filter = Q(assigned_to=user.pk, status__in=OPEN_STATUSES)
    counts = Inquiry.objects.aggregate(
        new_count=Count("pk", filter=Q(status=InquiryStatus.NEW)),
        mine_count=Count("pk", filter=mine_filter),
    )
    newest = inbox_inquiries()
    return DashboardInquiries(
        new_count=counts["new_count"],
        new=tuple(newest.filter(status=InquiryStatus.NEW)[:limit]),
        mine_count=counts["mine_count"],
        mine=tuple(newest.filter(mine_filter)[:limit]),
    )
