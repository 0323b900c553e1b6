import datetime

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

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
from registry.services import enterprise_refresh_search_document


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
