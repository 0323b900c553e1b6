"""The words and the journeys: policy pages with revisions, advice flows, inquiries.

Models stay thin; writes live in ``services.py``, the flow engine in ``flows.py``.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from asfportal.core.languages import language_name
from registry.models import (
    ACCESS_FACTS,
    Area,
    Industry,
    Language,
    OfferingKind,
    Partner,
    SocialEnterprise,
)


class Issuer(models.TextChoices):
    MUNICIPALITY = "kommunen", _("Kommunen")
    GOVERNMENT = "regeringen", _("Regeringen")
    SKR = "skr", _("Sveriges Kommuner och Regioner (SKR)")
    EMPLOYMENT_SERVICE = "arbetsformedlingen", _("Arbetsförmedlingen")
    SOCIAL_INSURANCE = "forsakringskassan", _("Försäkringskassan")
    COORDINATION = "samordningsforbund", _("Samordningsförbund")
    FAMNA = "famna_kugghjulet", _("Famna och Kugghjulet")
    OTHER = "annan", _("Annan utgivare")


class PageStatus(models.TextChoices):
    DRAFT = "draft", _("Utkast")
    PUBLISHED = "published", _("Publicerad")


class PageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=PageStatus.PUBLISHED)


class Page(models.Model):
    """A policy text. The public sees it only when published; every publish
    that changes the text leaves a ``PageRevision`` behind."""

    title = models.CharField(_("rubrik"), max_length=200)
    slug = models.SlugField(_("kortnamn i adressen"), max_length=200, unique=True)
    issuer = models.CharField(_("utgivare"), max_length=30, choices=Issuer)
    summary = models.CharField(_("sammanfattning"), max_length=300)
    body = models.TextField(
        _("text"),
        help_text=_(
            "Skriv i Markdown: ## för mellanrubrik, - för punktlista, [text](adress) för länk."
        ),
    )
    valid_from = models.DateField(_("gäller från"), null=True, blank=True)
    last_reviewed = models.DateField(_("senast granskad"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=PageStatus, default=PageStatus.DRAFT
    )
    menu_order = models.PositiveSmallIntegerField(_("ordning i listan"), default=100)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)
    history = HistoricalRecords()
    objects = PageQuerySet.as_manager()

    class Meta:
        verbose_name = _("policysida")
        verbose_name_plural = _("policysidor")
        ordering = ["menu_order", "title"]
        indexes = [
            # /policy/ lists published pages in menu order.
            models.Index(fields=["status", "menu_order"], name="page_status_order_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("guidance:policy_detail", kwargs={"slug": self.slug})


class PageRevision(models.Model):
    """A published version of a page, as the public saw it, with the editor's
    one-line summary of what changed."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("rubrik"), max_length=200)
    summary = models.CharField(_("sammanfattning"), max_length=300)
    body = models.TextField(_("text"))
    change_summary = models.CharField(_("vad som ändrades"), max_length=200)
    published_at = models.DateTimeField(_("publicerad"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("publicerad av"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("publicerad version")
        verbose_name_plural = _("publicerade versioner")
        ordering = ["page", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["page", "number"], name="page_revision_number_unique")
        ]
        indexes = [
            # The Atom feed: the newest revisions across all pages.
            models.Index(fields=["-published_at"], name="page_revision_published_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.page} v{self.number}"


class ResultEnterprises(models.TextChoices):
    """Which enterprises a flow's result shows, and why."""

    MATCHING = "matching", _("Företag som passar svaren (för den som vill jobba)")
    SAME_TRADE = "same_trade", _("Företag i samma bransch (för den som vill starta)")
    NONE = "none", _("Inga företag")


class AdviceFlow(models.Model):
    """A question-by-question journey such as "Jag vill jobba på ett socialt
    företag". Its first question is the one with the lowest order."""

    slug = models.SlugField(_("kortnamn i adressen"), max_length=50, unique=True)
    title = models.CharField(_("rubrik"), max_length=200)
    intro = models.TextField(_("inledning"), help_text=_("Visas på startsidan för flödet."))
    easy_intro = models.TextField(
        _("inledning på lättläst svenska"),
        blank=True,
        help_text=_("Frivillig. Visas i stället för inledningen för den som valt lättläst."),
    )
    result_intro = models.CharField(_("inledning på resultatsidan"), max_length=300)
    easy_result_intro = models.CharField(
        _("inledning på resultatsidan på lättläst svenska"),
        max_length=300,
        blank=True,
        help_text=_("Frivillig. Visas i stället för inledningen för den som valt lättläst."),
    )
    enterprises = models.CharField(
        _("företag på resultatsidan"),
        max_length=20,
        choices=ResultEnterprises,
        default=ResultEnterprises.MATCHING,
        help_text=_(
            "Vilka sociala företag resultatet visar. Den som vill starta har mest nytta av "
            "företag i samma bransch, och bara om hen har valt en."
        ),
    )
    is_published = models.BooleanField(_("publicerat"), default=False)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("frågeflöde")
        verbose_name_plural = _("frågeflöden")
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("guidance:flow_start", kwargs={"flow": self.slug})


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Ett svar")
    MULTIPLE = "multiple", _("Flera svar")


class Question(models.Model):
    flow = models.ForeignKey(AdviceFlow, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("fråga"), max_length=200)
    help_text = models.TextField(_("hjälptext"), blank=True)
    easy_text = models.CharField(
        _("fråga på lättläst svenska"),
        max_length=200,
        blank=True,
        help_text=_(
            "Frivillig. Korta meningar och vanliga ord. Tom ruta visar den vanliga texten."
        ),
    )
    easy_help_text = models.TextField(
        _("hjälptext på lättläst svenska"),
        blank=True,
        help_text=_("Frivillig. Tom ruta visar den vanliga hjälptexten."),
    )
    kind = models.CharField(
        _("typ av svar"), max_length=10, choices=QuestionKind, default=QuestionKind.SINGLE
    )
    order = models.PositiveSmallIntegerField(
        _("ordning"), default=0, help_text=_("Frågan med lägst nummer är den första.")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("fråga")
        verbose_name_plural = _("frågor")
        ordering = ["flow", "order", "pk"]

    def __str__(self) -> str:
        return self.text


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    label = models.CharField(_("svarsalternativ"), max_length=200)
    easy_label = models.CharField(
        _("svarsalternativ på lättläst svenska"),
        max_length=200,
        blank=True,
        help_text=_("Frivillig. Tom ruta visar det vanliga svarsalternativet."),
    )
    value = models.SlugField(
        _("värde"), max_length=50, help_text=_("Kort och unikt inom frågan, till exempel nej.")
    )
    order = models.PositiveSmallIntegerField(_("ordning"), default=0)
    next_question = models.ForeignKey(
        Question,
        verbose_name=_("leder till fråga"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="incoming_choices",
        help_text=_("Lämna tomt om svaret avslutar flödet."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("svarsalternativ")
        verbose_name_plural = _("svarsalternativ")
        ordering = ["question", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["question", "value"], name="choice_value_unique")
        ]

    def __str__(self) -> str:
        return self.label


class Recommendation(models.Model):
    """What a choice leads to on the result page: a next step, partners to
    contact and a directory filter for matching enterprises."""

    choice = models.ForeignKey(Choice, on_delete=models.CASCADE, related_name="recommendations")
    text = models.TextField(_("nästa steg"))
    easy_text = models.TextField(
        _("nästa steg på lättläst svenska"),
        blank=True,
        help_text=_(
            "Frivillig. Korta meningar och vanliga ord. Tom ruta visar den vanliga texten."
        ),
    )
    partners = models.ManyToManyField(
        Partner, verbose_name=_("kontakta"), related_name="+", blank=True
    )
    offering_kind = models.CharField(
        _("filter: erbjudande"), max_length=20, choices=OfferingKind, blank=True
    )
    industry = models.ForeignKey(
        Industry,
        verbose_name=_("filter: bransch"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    area = models.ForeignKey(
        Area,
        verbose_name=_("filter: område"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    language = models.ForeignKey(
        Language,
        verbose_name=_("filter: språk"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    access_need = models.CharField(
        _("filter: tillgänglighet"),
        max_length=30,
        blank=True,
        choices=[
            (field, capfirst(SocialEnterprise._meta.get_field(field).verbose_name))
            for field, _param in ACCESS_FACTS
        ],
        help_text=_("Företagen som visas måste ha det här. Det släpps aldrig för att få träffar."),
    )
    order = models.PositiveSmallIntegerField(_("ordning"), default=0)
    history = HistoricalRecords(m2m_fields=[partners])

    class Meta:
        verbose_name = _("rekommendation")
        verbose_name_plural = _("rekommendationer")
        ordering = ["choice", "order", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class InquiryTopic(models.TextChoices):
    WORK = "jobba", _("Jag vill jobba på ett socialt företag")
    START = "starta", _("Jag vill starta ett socialt företag")
    OTHER = "annat", _("Något annat")


class PreferredTime(models.TextChoices):
    ANY = "any", _("Spelar ingen roll")
    MORNING = "morning", _("Förmiddag")
    AFTERNOON = "afternoon", _("Eftermiddag")


class Interpreter(models.TextChoices):
    """Whether the person needs an interpreter (förvaltningslagen 13 §)."""

    YES = "ja", _("Ja, jag behöver tolk")
    NO = "nej", _("Nej")


# The conversation language: a language code of the site, or this for another
# language, named in ``Inquiry.language_other``.
OTHER_LANGUAGE = "annat"


class InquiryStatus(models.TextChoices):
    NEW = "new", _("Ny")
    IN_PROGRESS = "in_progress", _("Pågår")
    CLOSED = "closed", _("Avslutad")


class Inquiry(models.Model):
    """A citizen's request for a meeting with an advisor. Holds personal data:
    the minimum the advisor needs, kept as long as the privacy notice says."""

    reference = models.CharField(_("referensnummer"), max_length=20, unique=True)
    name = models.CharField(_("namn"), max_length=200)
    email = models.EmailField(_("e-post"), blank=True)
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    preferred_time = models.CharField(
        _("passar bäst"), max_length=20, choices=PreferredTime, default=PreferredTime.ANY
    )
    topic = models.CharField(_("ämne"), max_length=20, choices=InquiryTopic)
    # Empty on inquiries from before the form asked (2026-12).
    language = models.CharField(
        _("språk för samtalet"),
        max_length=10,
        blank=True,
        help_text=_("En av webbplatsens språkkoder, eller annat."),
    )
    language_other = models.CharField(_("annat språk"), max_length=60, blank=True)
    interpreter = models.CharField(
        _("behöver tolk"), max_length=10, choices=Interpreter, blank=True
    )
    message = models.TextField(_("meddelande"), blank=True)
    flow_answers = models.JSONField(
        _("svar från vägledningen"),
        default=list,
        blank=True,
        help_text=_("Bifogas bara om personen har samtyckt."),
    )
    answers_consent_at = models.DateTimeField(
        _("samtycke till bifogade svar"), null=True, blank=True
    )
    status = models.CharField(
        _("status"), max_length=20, choices=InquiryStatus, default=InquiryStatus.NEW
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handläggare"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_inquiries",
    )
    closed_at = models.DateTimeField(_("avslutad"), null=True, blank=True)
    # The form's one-time token: a double submit finds the first inquiry.
    submission_token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("inkommen"), auto_now_add=True)

    class Meta:
        verbose_name = _("förfrågan")
        verbose_name_plural = _("förfrågningar")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(email="") | ~Q(phone=""), name="inquiry_has_contact_route"
            ),
        ]
        indexes = [
            # The advisors' inbox: newest first within a status.
            models.Index(fields=["status", "-created_at"], name="inquiry_status_created_idx"),
            # "Assigned to me" on the dashboard and the inbox's assignee filter.
            models.Index(
                fields=["assigned_to", "status", "-created_at"], name="inquiry_assignee_idx"
            ),
            # The retention purge: closed inquiries by closing time.
            models.Index(fields=["closed_at"], name="inquiry_closed_at_idx"),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def language_name(self) -> str:
        """The conversation language in its own name ("العربية", "Svenska"), or
        what the person wrote for another; "" when not asked."""
        if self.language == OTHER_LANGUAGE:
            return self.language_other
        return language_name(self.language) if self.language else ""

    @property
    def needs_interpreter(self) -> bool:
        return self.interpreter == Interpreter.YES


class InquiryNote(models.Model):
    """An advisor's note on an inquiry; erased with the inquiry."""

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("skriven av"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    text = models.TextField(_("anteckning"))
    created_at = models.DateTimeField(_("skriven"), auto_now_add=True)

    class Meta:
        verbose_name = _("anteckning")
        verbose_name_plural = _("anteckningar")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.inquiry}: {self.text[:40]}"


class InquiryAccess(models.Model):
    """Who opened or changed an inquiry, and when: staff access to personal data
    is logged. The reference is copied so the log outlives an erased inquiry."""

    class Action(models.TextChoices):
        VIEW = "view", _("Läste")
        CHANGE = "change", _("Ändrade")
        ERASE = "erase", _("Raderade")

    inquiry = models.ForeignKey(
        Inquiry, on_delete=models.SET_NULL, null=True, related_name="access_log"
    )
    reference = models.CharField(_("referensnummer"), max_length=20)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("användare"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    action = models.CharField(_("åtgärd"), max_length=10, choices=Action)
    detail = models.CharField(_("vad"), max_length=200, blank=True)
    at = models.DateTimeField(_("tidpunkt"), auto_now_add=True)

    class Meta:
        verbose_name = _("åtkomst till förfrågan")
        verbose_name_plural = _("åtkomstlogg för förfrågningar")
        ordering = ["-at", "-pk"]
        indexes = [
            # An inquiry's own access log, newest first.
            models.Index(fields=["inquiry", "-at"], name="inquiry_access_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.action} {self.at:%Y-%m-%d %H:%M}"


class InquiryCounter(models.Model):
    """The last reference number handed out per year (ASF-2026-00042)."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("löpnummer")
        verbose_name_plural = _("löpnummer")

    def __str__(self) -> str:
        return f"{self.year}: {self.last_number}"
