"""Every write to the registry goes through these functions.

Each is keyword-only, validates with ``full_clean()`` before saving, and keeps
the enterprise's search document current.
"""

import datetime
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import Value
from django.db.models.expressions import CombinedExpression
from django.utils import timezone, translation
from django.utils.text import slugify

from asfportal.submissions import create_once
from registry.models import (
    AcceptedReferrer,
    Area,
    Criterion,
    CriterionVerification,
    EnterpriseReport,
    Industry,
    LegalForm,
    Offering,
    OfferingKind,
    Partner,
    PartnerTopic,
    Place,
    PublicationStatus,
    Session,
    SocialEnterprise,
    TargetGroup,
)
from registry.orgnr import normalise_org_number

# Slugs that would collide with fixed addresses such as /foretag/csv/.
RESERVED_SLUGS = frozenset({"csv"})


def unique_slug(model, text: str, *, max_length: int = 200) -> str:
    """A slug for ``text`` not yet used by any row of ``model``."""
    base = slugify(text)[: max_length - 4] or "post"
    slug, suffix = base, 2
    while slug in RESERVED_SLUGS or model.objects.filter(slug=slug).exists():
        slug, suffix = f"{base}-{suffix}", suffix + 1
    return slug


def search_document_for(enterprise: SocialEnterprise) -> str:
    """Casefolded text the directory's free-text search matches against.

    Costs two queries (industries, offerings). Offering kinds are included with
    their Swedish names so "arbetsträning" finds enterprises that offer it.
    """
    with translation.override("sv"):
        parts = [enterprise.name, enterprise.short_description, enterprise.description]
        parts += [industry.name for industry in enterprise.industries.all()]
        for offering in enterprise.offerings.all():
            parts += [str(offering.get_kind_display()), offering.description]
    return " ".join(part for part in parts if part).casefold()


def search_vector_for(enterprise: SocialEnterprise, rest: str) -> CombinedExpression:
    """The weighted 'swedish' vector: name A, short description B, the rest C."""
    parts = [
        (enterprise.name, "A"),
        (enterprise.short_description, "B"),
        (rest, "C"),
    ]
    vectors = [SearchVector(Value(text), weight=w, config="swedish") for text, w in parts]
    return vectors[0] + vectors[1] + vectors[2]


def enterprise_refresh_search_document(*, enterprise: SocialEnterprise) -> None:
    """Rebuild the search text (and on PostgreSQL the full-text vector) in one
    UPDATE, after the two queries that read industries and offerings."""
    document = search_document_for(enterprise)
    fields = {"search_document": document}
    if connection.vendor == "postgresql":
        fields["search_vector"] = search_vector_for(enterprise, document)
    SocialEnterprise.objects.filter(pk=enterprise.pk).update(**fields)
    enterprise.search_document = document


# The vector search_vector_for() builds, for every row at once: used after bulk
# loads, where one UPDATE beats a query per row.
_REBUILD_VECTORS = """
UPDATE registry_socialenterprise e SET search_vector =
  setweight(to_tsvector('swedish', e.name), 'A')
  || setweight(to_tsvector('swedish', e.short_description), 'B')
  || setweight(to_tsvector('swedish', concat_ws(' ', e.name, e.short_description, e.description,
       (SELECT string_agg(i.name, ' ') FROM registry_industry i
          JOIN registry_socialenterprise_industries ei ON ei.industry_id = i.id
         WHERE ei.socialenterprise_id = e.id),
       (SELECT string_agg(concat_ws(' ', %s, o.description), ' ')
          FROM registry_offering o WHERE o.enterprise_id = e.id))), 'C')
"""


def rebuild_search_vectors() -> None:
    """Rebuild every enterprise's full-text vector in one statement (PostgreSQL)."""
    if connection.vendor != "postgresql":
        return
    with translation.override("sv"):
        kinds = " ".join(f"WHEN '{value}' THEN '{label}'" for value, label in OfferingKind.choices)
    case = f"CASE o.kind {kinds} END"
    with connection.cursor() as cursor:
        cursor.execute(_REBUILD_VECTORS.replace("%s", case))


@transaction.atomic
def enterprise_create(
    *,
    name: str,
    org_number: str,
    legal_form: str,
    short_description: str,
    industries: Iterable[Industry] = (),
    status: str = PublicationStatus.DRAFT,
    **fields,
) -> SocialEnterprise:
    enterprise = SocialEnterprise(
        name=name,
        slug=fields.pop("slug", None) or unique_slug(SocialEnterprise, name),
        org_number=normalise_org_number(org_number),
        legal_form=legal_form,
        short_description=short_description,
        status=status,
        **fields,
    )
    enterprise.full_clean()
    enterprise.save()
    enterprise.industries.set(industries)
    enterprise_refresh_search_document(enterprise=enterprise)
    return enterprise


def enterprise_report(
    *,
    submission_token,
    name: str,
    org_number: str,
    short_description: str,
    reason: str,
    legal_form: str = LegalForm.OTHER,
    website: str = "",
    email: str = "",
    phone: str = "",
    reporter_name: str = "",
    reporter_email: str = "",
) -> tuple[EnterpriseReport, bool]:
    """A citizen's report of a missing enterprise: a draft record marked as
    reported, waiting for an advisor's review. The same form token twice
    (double click, reload) returns the first report. Returns (report, created)."""

    def create() -> EnterpriseReport:
        enterprise = enterprise_create(
            name=name,
            org_number=org_number,
            legal_form=legal_form,
            short_description=short_description,
            website=website,
            email=email,
            phone=phone,
            status=PublicationStatus.DRAFT,
        )
        report = EnterpriseReport(
            enterprise=enterprise,
            reason=reason,
            reporter_name=reporter_name,
            reporter_email=reporter_email,
            submission_token=submission_token,
        )
        report.full_clean()
        report.save()
        return report

    # The same org number reported by someone else at the same moment raises.
    return create_once(EnterpriseReport, submission_token, create)


@transaction.atomic
def offering_create(
    *,
    enterprise: SocialEnterprise,
    kind: str,
    description: str = "",
    open_places: int | None = None,
    target_groups: Iterable[TargetGroup] = (),
    referrers: Iterable[str] = (),
) -> Offering:
    offering = Offering(
        enterprise=enterprise, kind=kind, description=description, open_places=open_places
    )
    offering.full_clean()
    offering.save()
    offering.target_groups.set(target_groups)
    offering_set_referrers(offering=offering, referrers=referrers)
    enterprise_refresh_search_document(enterprise=enterprise)
    return offering


@transaction.atomic
def offering_set_referrers(*, offering: Offering, referrers: Iterable[str]) -> None:
    """Make the offering accept exactly ``referrers`` (Referrer values)."""
    wanted = set(referrers)
    offering.accepted_referrers.exclude(referrer__in=wanted).delete()
    present = set(offering.accepted_referrers.values_list("referrer", flat=True))
    for referrer in sorted(wanted - present):
        row = AcceptedReferrer(offering=offering, referrer=referrer)
        row.full_clean()
        row.save()


@transaction.atomic
def criterion_set(
    *,
    enterprise: SocialEnterprise,
    criterion: Criterion,
    verified: bool,
    user: AbstractBaseUser | None,
    at: datetime.datetime | None = None,
) -> CriterionVerification:
    """Record an advisor's verdict on one ASF criterion, stamped with who and when."""
    verification, _created = CriterionVerification.objects.get_or_create(
        enterprise=enterprise, criterion=criterion
    )
    verification.verified = verified
    verification.verified_by = user
    verification.verified_at = at or timezone.now()
    verification.full_clean()
    verification.save()
    return verification


def taxonomy_get_or_create(model: type[Industry | TargetGroup | Area], name: str, **extra):
    """Find a taxonomy term by name, creating it with a fresh slug when missing."""
    term = model.objects.filter(name=name).first()
    if term is None:
        term = model(name=name, slug=unique_slug(model, name, max_length=100), **extra)
        term.full_clean()
        term.save()
    return term


@transaction.atomic
def partner_create(*, name: str, kind: str, summary: str, topics: Iterable[str] = (), **fields):
    partner = Partner(
        name=name,
        slug=fields.pop("slug", None) or unique_slug(Partner, name),
        kind=kind,
        summary=summary,
        **fields,
    )
    partner.full_clean()
    partner.save()
    for topic in topics:
        row = PartnerTopic(partner=partner, topic=topic)
        row.full_clean()
        row.save()
    return partner


def place_create(*, partner: Partner, name: str, **fields) -> Place:
    place = Place(partner=partner, name=name, **fields)
    place.full_clean()
    place.save()
    return place


def session_create(
    *,
    place: Place,
    title: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    description: str = "",
) -> Session:
    session = Session(
        place=place, title=title, starts_at=starts_at, ends_at=ends_at, description=description
    )
    session.full_clean()
    session.save()
    return session
