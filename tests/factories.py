import datetime

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from guidance.models import (
    AdviceFlow,
    Choice,
    Issuer,
    Page,
    PageRevision,
    PageStatus,
    Question,
    QuestionKind,
    Recommendation,
)
from guidance.services import page_save
from registry.models import (
    AcceptedReferrer,
    Area,
    CriterionVerification,
    Industry,
    LegalForm,
    Offering,
    OfferingKind,
    Partner,
    PartnerKind,
    PartnerTopic,
    Place,
    PublicationStatus,
    Session,
    SocialEnterprise,
    TargetGroup,
)
from registry.orgnr import luhn_check_digit
from registry.services.search import enterprise_refresh_search_document


def org_number(n: int) -> str:
    first_nine = f"769{n:06d}"
    return first_nine + luhn_check_digit(first_nine)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.se")


class TaxonomyFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Term {n}")
    slug = factory.Sequence(lambda n: f"term-{n}")


class IndustryFactory(TaxonomyFactory):
    class Meta:
        model = Industry


class TargetGroupFactory(TaxonomyFactory):
    class Meta:
        model = TargetGroup


class AreaFactory(TaxonomyFactory):
    class Meta:
        model = Area


class EnterpriseFactory(factory.django.DjangoModelFactory):
    """A published enterprise. Its search document is built after creation."""

    class Meta:
        model = SocialEnterprise
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Företag {n}")
    slug = factory.Sequence(lambda n: f"foretag-{n}")
    org_number = factory.Sequence(org_number)
    legal_form = LegalForm.ECONOMIC_ASSOCIATION
    short_description = "Ett socialt företag."
    description = ""
    status = PublicationStatus.PUBLISHED
    area = factory.SubFactory(AreaFactory)
    last_checked = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))

    @factory.post_generation
    def industries(self, create, extracted, **kwargs):
        if create and extracted:
            self.industries.set(extracted)

    @factory.post_generation
    def refresh_search(self, create, extracted, **kwargs):
        if create:
            enterprise_refresh_search_document(enterprise=self)


class OfferingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Offering
        skip_postgeneration_save = True

    enterprise = factory.SubFactory(EnterpriseFactory)
    kind = OfferingKind.WORK_TRAINING
    description = "Arbetsträning med handledare."
    open_places = None

    @factory.post_generation
    def target_groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.target_groups.set(extracted)

    @factory.post_generation
    def referrers(self, create, extracted, **kwargs):
        if create and extracted:
            for referrer in extracted:
                AcceptedReferrer.objects.create(offering=self, referrer=referrer)

    @factory.post_generation
    def refresh_search(self, create, extracted, **kwargs):
        if create:
            enterprise_refresh_search_document(enterprise=self.enterprise)


class VerificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CriterionVerification

    enterprise = factory.SubFactory(EnterpriseFactory)
    criterion = 1
    verified = True
    verified_at = factory.LazyFunction(timezone.now)


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    name = factory.Sequence(lambda n: f"Partner {n}")
    slug = factory.Sequence(lambda n: f"partner-{n}")
    kind = PartnerKind.SUPPORT
    summary = "Hjälper sociala företag."


class PartnerTopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerTopic

    partner = factory.SubFactory(PartnerFactory)
    topic = "starta"


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Place

    partner = factory.SubFactory(PartnerFactory)
    name = factory.Sequence(lambda n: f"Bibliotek {n}")
    street_address = "Biblioteksgatan 1"
    opening_hours = "Tisdagar 13–16"


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    place = factory.SubFactory(PlaceFactory)
    title = "Drop-in"
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=3))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))


# Guidance ------------------------------------------------------------------


class PageFactory(factory.django.DjangoModelFactory):
    """A published policy page. Use ``publish_page`` to give it revisions."""

    class Meta:
        model = Page

    title = factory.Sequence(lambda n: f"Policy {n}")
    slug = factory.Sequence(lambda n: f"policy-{n}")
    issuer = Issuer.MUNICIPALITY
    summary = "Vad kommunen har bestämt."
    body = "## Bakgrund\n\nKommunen stöttar sociala företag."
    status = PageStatus.PUBLISHED
    last_reviewed = factory.LazyFunction(timezone.localdate)


def publish_page(page: Page, *, body: str, change_summary: str, **fields) -> PageRevision:
    for name, value in fields.items():
        setattr(page, name, value)
    page.body = body
    return page_save(page=page, change_summary=change_summary)


def build_flow(
    slug: str = "jobba", *, published: bool = True, partner=None, industry=None
) -> dict[str, Question]:
    """A small branching flow:

    situation (single): af → soker, ingen → plats
    soker (multiple):   traning, anstallning → plats
    plats (single):     centrum, egal → end

    Recommendations: af names ``partner``; traning filters on work training;
    centrum filters on ``industry`` (when given).
    """
    flow = AdviceFlow.objects.create(
        slug=slug,
        title=f"Flöde {slug}",
        intro="Svara på några frågor.\n\nDet tar två minuter.",
        result_intro="Det här föreslår vi.",
        is_published=published,
    )
    situation = Question.objects.create(flow=flow, text="Vilket stämmer in på dig?", order=1)
    soker = Question.objects.create(
        flow=flow, text="Vad söker du?", order=2, kind=QuestionKind.MULTIPLE
    )
    plats = Question.objects.create(flow=flow, text="Var vill du jobba?", order=3)
    af = Choice.objects.create(
        question=situation, value="af", label="Arbetsförmedlingen", order=1, next_question=soker
    )
    Choice.objects.create(
        question=situation, value="ingen", label="Inget", order=2, next_question=plats
    )
    traning = Choice.objects.create(
        question=soker, value="traning", label="Arbetsträning", order=1, next_question=plats
    )
    Choice.objects.create(
        question=soker, value="anstallning", label="Anställning", order=2, next_question=plats
    )
    centrum = Choice.objects.create(question=plats, value="centrum", label="Centrum", order=1)
    Choice.objects.create(question=plats, value="egal", label="Spelar ingen roll", order=2)
    rec = Recommendation.objects.create(choice=af, text="Prata med din handläggare.")
    if partner:
        rec.partners.add(partner)
    Recommendation.objects.create(
        choice=traning,
        text="Arbetsträning ger dig rutiner.",
        offering_kind=OfferingKind.WORK_TRAINING,
    )
    Recommendation.objects.create(choice=centrum, text="Företag i Centrum.", industry=industry)
    return {"flow": flow, "situation": situation, "soker": soker, "plats": plats}


HARVEST_SOURCE = "https://grannkommunen.example/api/hsds"


def harvested_enterprise(remote_id: str, fingerprint: str, **fields) -> SocialEnterprise:
    """A record made by harvest_hsds from HARVEST_SOURCE, through its service;
    call again with another fingerprint for a change at the source."""
    from registry.services.harvest import (
        Harvested,
        HarvestedOffering,
        harvest_source_for,
        harvested_enterprise_save,
    )

    fields = {
        "legal_form": "ekonomisk_forening",
        "short_description": "Ett socialt företag hos grannkommunen.",
        "phone": "08-123 45 67",
    } | fields
    item = Harvested(
        remote_id=remote_id,
        remote_url=f"https://grannkommunen.example/foretag/{remote_id}/",
        fingerprint=fingerprint,
        fields=fields,
        industries=[],
        offerings=[HarvestedOffering(kind="praktik", open_places=1)],
        summary={"fields": fields},
    )
    harvested_enterprise_save(source=harvest_source_for(HARVEST_SOURCE), item=item)
    return SocialEnterprise.objects.get(harvested__remote_id=remote_id)
