"""Reads for the advisors' pages, with the joins their lists need."""

import datetime
import statistics
from dataclasses import dataclass

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from asfportal.core import dates
from asfportal.core.dates import months_before
from registry import freshness
from registry.models import (
    Area,
    ChangeProposal,
    CheckSource,
    CriterionVerification,
    EnterpriseReport,
    Industry,
    Partner,
    ProposalStatus,
    PublicationStatus,
    RecordCheck,
    Session,
    SocialEnterprise,
)
from registry.orgnr import format_org_number, normalise_org_number
from registry.selectors.listing import stale_flag


class StaffEnterpriseFilter(django_filters.FilterSet):
    """The advisors' enterprise list. An unknown value is a form error, shown
    on the page; django-filter then leaves that filter out."""

    FRESHNESS = [("due", _("Behöver kontrolleras")), ("fresh", _("Kontrollerade"))]

    q = django_filters.CharFilter(
        label=_("Namn eller organisationsnummer"), method="filter_q", max_length=100
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=PublicationStatus.choices, empty_label=_("Alla")
    )
    freshness = django_filters.ChoiceFilter(
        label=_("Kontroll"), choices=FRESHNESS, method="filter_freshness", empty_label=_("Alla")
    )
    area = django_filters.ModelChoiceFilter(
        label=_("Område"), queryset=Area.objects.all(), empty_label=_("Alla")
    )
    industries = django_filters.ModelChoiceFilter(
        label=_("Bransch"), queryset=Industry.objects.all(), empty_label=_("Alla")
    )

    class Meta:
        model = SocialEnterprise
        fields = ["q", "status", "freshness", "area", "industries"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.form.fields.values():
            css = "form-select" if hasattr(field, "choices") else "form-control"
            field.widget.attrs["class"] = css

    def filter_q(self, queryset, name, value):
        digits = "".join(ch for ch in value if ch.isdigit())
        match = Q(name__icontains=value)
        if len(digits) >= 4:
            match |= Q(org_number__contains=digits)
        return queryset.filter(match)

    def filter_freshness(self, queryset, name, value):
        due = freshness.due_for_review()
        return queryset.filter(due) if value == "due" else queryset.exclude(due)


def _is_due() -> Case:
    """True for a record an advisor should check: due, and not archived."""
    due = freshness.due_for_review() & ~Q(status=PublicationStatus.ARCHIVED)
    return Case(When(due, then=Value(True)), default=Value(False), output_field=BooleanField())


def staff_enterprises() -> QuerySet[SocialEnterprise]:
    """Every record with ``is_due``, for the advisors' list and export."""
    return (
        SocialEnterprise.objects.select_related("area", "last_checked_by")
        .annotate(is_due=_is_due())
        .order_by("name", "pk")
    )


def enterprise_for_edit(pk: int) -> SocialEnterprise:
    return get_object_or_404(staff_enterprises().prefetch_related("industries", "languages"), pk=pk)


def last_editor(enterprise: SocialEnterprise):
    """Who saved the record last (None for a command or a removed account)."""
    latest = enterprise.history.select_related("history_user").first()
    return latest.history_user if latest else None


def verifications_of(enterprise: SocialEnterprise) -> list[CriterionVerification]:
    return list(enterprise.verifications.select_related("verified_by"))


@dataclass(frozen=True)
class DashboardRecords:
    due_count: int
    due: list[SocialEnterprise]
    reports_count: int
    reports: list[EnterpriseReport]
    recent: list


def dashboard_records(*, limit: int = 5, today: datetime.date | None = None) -> DashboardRecords:
    """Due records (published ones first by oldest check), waiting reports and
    the latest changes: five queries."""
    due = SocialEnterprise.objects.exclude(status=PublicationStatus.ARCHIVED).filter(
        freshness.due_for_review(today)
    )
    waiting = EnterpriseReport.objects.filter(reviewed_at__isnull=True)
    recent = SocialEnterprise.history.select_related("history_user").order_by("-history_date")
    return DashboardRecords(
        due_count=due.count(),
        due=list(
            due.annotate(is_stale=stale_flag()).order_by("-status", "last_checked", "name")[:limit]
        ),
        reports_count=waiting.count(),
        reports=list(waiting.select_related("enterprise").order_by("created_at")[:limit]),
        recent=_distinct_records(recent[: limit * 10], limit),
    )


def _distinct_records(history, limit: int) -> list:
    """The latest change of each record: one save can write several rows."""
    seen, latest = set(), []
    for record in history:
        if record.id not in seen:
            seen.add(record.id)
            latest.append(record)
    return latest[:limit]


def waiting_reports() -> QuerySet[EnterpriseReport]:
    return (
        EnterpriseReport.objects.filter(reviewed_at__isnull=True)
        .select_related("enterprise")
        .order_by("created_at")
    )


def decided_reports(limit: int = 20) -> list[EnterpriseReport]:
    """The latest decisions; a harvested record's ``source_changes`` says what
    its source changed since (one query in all)."""
    reports = list(
        EnterpriseReport.objects.filter(reviewed_at__isnull=False)
        .select_related("enterprise__harvested__source", "reviewed_by")
        .order_by("-reviewed_at")[:limit]
    )
    for report in reports:
        report.source_changes = source_changes(report)
    return reports


@dataclass(frozen=True)
class SourceChange:
    label: str
    ours: str
    theirs: str


@dataclass(frozen=True)
class SourceChanges:
    """What a harvested record's source changed after an advisor took it over."""

    source: str
    remote_url: str
    held_at: datetime.datetime | None
    rows: list[SourceChange]


_HELD_FIELDS = {field.name for field in SocialEnterprise._meta.concrete_fields}


def source_changes(report: EnterpriseReport) -> SourceChanges | None:
    """The harvest's held changes that differ from the record now; None for a
    record that was not harvested. No query: the report's view joins it."""
    harvested = getattr(report.enterprise, "harvested", None)
    if harvested is None:
        return None
    enterprise, rows = report.enterprise, []
    for name, theirs in (harvested.held_changes or {}).get("fields", {}).items():
        if name not in _HELD_FIELDS:  # kept by an older version of the harvest
            continue
        ours = getattr(enterprise, name, None)
        ours_text = "" if ours is None else str(ours)
        theirs_text = "" if theirs is None else str(theirs)
        if name == "org_number":
            ours_text, theirs_text = enterprise.org_number_display, _org_number(theirs_text)
        if ours_text != theirs_text:
            label = SocialEnterprise._meta.get_field(name).verbose_name
            rows.append(SourceChange(str(label).capitalize(), ours_text, theirs_text))
    return SourceChanges(harvested.source.url, harvested.remote_url, harvested.held_at, rows)


def _org_number(text: str) -> str:
    try:
        return format_org_number(normalise_org_number(text))
    except ValidationError:
        return text


def staff_partners() -> QuerySet[Partner]:
    upcoming = Session.objects.filter(place__partner=OuterRef("pk"), starts_at__gte=timezone.now())
    return Partner.objects.annotate(has_upcoming=Exists(upcoming)).prefetch_related("places")


@dataclass(frozen=True)
class AgeBucket:
    label: str
    count: int
    percent: int  # of all published records, for the bar's length


@dataclass(frozen=True)
class Freshness:
    published: int
    checked_in_time: int  # not stale: last checked within FRESH_MONTHS
    median_age_days: int | None  # of the records ever checked
    by_enterprise: int  # checks in the last CHECKS_WINDOW_DAYS
    by_advisor: int
    proposals_waiting: int
    buckets: list[AgeBucket]

    @property
    def checked_share(self) -> int:
        return round(100 * self.checked_in_time / self.published) if self.published else 0


CHECKS_WINDOW_DAYS = 90
# Ages of the last check, in months: (from, to), None for "never checked".
AGE_BUCKETS = ((0, 3), (3, 6), (6, 12), (12, 18), (18, None))


def freshness_figures(today: datetime.date | None = None) -> Freshness:
    """How fresh the published registry is: three queries (the check dates,
    the checks of the last 90 days by source, the proposals waiting)."""
    today = today or dates.today()
    checked = list(SocialEnterprise.objects.published().values_list("last_checked", flat=True))
    ages = sorted((today - day).days for day in checked if day is not None)
    since = timezone.now() - datetime.timedelta(days=CHECKS_WINDOW_DAYS)
    by_source = dict(
        RecordCheck.objects.filter(checked_at__gte=since)
        .values("source")
        .annotate(n=Count("pk"))
        .values_list("source", "n")
    )
    fresh_cutoff = freshness.fresh_cutoff(today)
    return Freshness(
        published=len(checked),
        checked_in_time=sum(1 for day in checked if day is not None and day >= fresh_cutoff),
        median_age_days=round(statistics.median(ages)) if ages else None,
        by_enterprise=by_source.get(CheckSource.ENTERPRISE, 0),
        by_advisor=by_source.get(CheckSource.ADVISOR, 0),
        proposals_waiting=ChangeProposal.objects.filter(status=ProposalStatus.PENDING).count(),
        buckets=_age_buckets(checked, today),
    )


def _age_buckets(checked: list, today: datetime.date) -> list[AgeBucket]:
    total = len(checked) or 1
    counts = []
    for start, end in AGE_BUCKETS:
        newest = months_before(today, start)
        oldest = months_before(today, end) if end is not None else None
        count = sum(
            1
            for day in checked
            if day is not None and day <= newest and (oldest is None or day > oldest)
        )
        label = (
            _("%(start)s–%(end)s mån") % {"start": start, "end": end}
            if end is not None
            else _("över %(start)s mån") % {"start": start}
        )
        counts.append((label, count))
    counts.append((_("aldrig"), sum(1 for day in checked if day is None)))
    return [AgeBucket(label, n, round(100 * n / total)) for label, n in counts]


def proposal_for_decision(pk: int) -> ChangeProposal:
    return get_object_or_404(
        ChangeProposal.objects.select_related("enterprise", "decided_by"), pk=pk
    )


def decided_proposals(limit: int = 20) -> list[ChangeProposal]:
    return list(
        ChangeProposal.objects.exclude(status=ProposalStatus.PENDING)
        .select_related("enterprise", "decided_by")
        .order_by("-decided_at")[:limit]
    )
