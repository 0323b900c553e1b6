"""Social enterprises, their offerings, the referrers they accept and the
advisors' verdicts on the four ASF criteria."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from registry.models.ids import open_data_id
from registry.models.taxonomies import Area, Industry, Language, TargetGroup
from registry.orgnr import format_org_number, validate_org_number


class LegalForm(models.TextChoices):
    ECONOMIC_ASSOCIATION = "ekonomisk_forening", _("Ekonomisk förening")
    NONPROFIT_ASSOCIATION = "ideell_forening", _("Ideell förening")
    FOUNDATION = "stiftelse", _("Stiftelse")
    LIMITED_COMPANY = "aktiebolag", _("Aktiebolag")
    LIMITED_COMPANY_SVB = (
        "aktiebolag_svb",
        _("Aktiebolag med särskild vinstutdelningsbegränsning (svb)"),
    )
    OTHER = "annan", _("Annan")


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Utkast")
    PUBLISHED = "published", _("Publicerad")
    ARCHIVED = "archived", _("Arkiverad")


class CheckSource(models.TextChoices):
    """Who last vouched for a record's details."""

    ADVISOR = "advisor", _("kommunen")
    ENTERPRISE = "enterprise", _("företaget")


# The accessibility facts: (field, its parameter in the directory's address).
ACCESS_FACTS = [
    ("step_free_entrance", "trappfri_entre"),
    ("lift", "hiss"),
    ("accessible_toilet", "tillganglig_toalett"),
    ("hearing_loop", "horslinga"),
    ("disabled_parking", "parkering"),
    ("quiet_workplace", "lugn_arbetsplats"),
    ("public_transport", "kollektivtrafik"),
]


class EnterpriseQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=PublicationStatus.PUBLISHED)


class SocialEnterprise(models.Model):
    name = models.CharField(_("namn"), max_length=200)
    slug = models.SlugField(_("kortnamn i adressen"), max_length=200, unique=True)
    uuid = open_data_id()
    # The visiting address as its own HSDS location.
    location_uuid = open_data_id(_("platsens id i öppna data"))
    org_number = models.CharField(
        _("organisationsnummer"),
        max_length=10,
        unique=True,
        validators=[validate_org_number],
        help_text=_("Tio siffror, till exempel 556677-8899."),
        error_messages={
            "unique": _("Det finns redan ett socialt företag med det här organisationsnumret.")
        },
    )
    legal_form = models.CharField(_("juridisk form"), max_length=30, choices=LegalForm)
    short_description = models.CharField(_("kort beskrivning"), max_length=300)
    description = models.TextField(_("beskrivning"), blank=True)
    industries = models.ManyToManyField(
        Industry, verbose_name=_("branscher"), related_name="enterprises", blank=True
    )
    area = models.ForeignKey(
        Area,
        verbose_name=_("område"),
        on_delete=models.PROTECT,
        related_name="enterprises",
        null=True,
        blank=True,
    )
    street_address = models.CharField(_("besöksadress"), max_length=200, blank=True)
    postal_code = models.CharField(_("postnummer"), max_length=6, blank=True)
    city = models.CharField(_("ort"), max_length=100, blank=True)
    latitude = models.DecimalField(
        _("latitud"), max_digits=8, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitud"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    website = models.URLField(_("webbplats"), blank=True)
    email = models.EmailField(_("e-post"), blank=True)
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    opening_hours = models.CharField(
        _("öppettider"),
        max_length=200,
        blank=True,
        help_text=_("Till exempel: Måndag–fredag 8–16."),
    )
    contact_name = models.CharField(_("kontaktperson"), max_length=200, blank=True)
    languages = models.ManyToManyField(
        Language,
        verbose_name=_("språk på arbetsplatsen"),
        related_name="enterprises",
        blank=True,
        help_text=_("Språk som handledarna kan använda i arbetet."),
    )
    # The premises' accessibility, as facts (ACCESS_FACTS lists them with their words).
    step_free_entrance = models.BooleanField(_("entré utan trappsteg"), default=False)
    lift = models.BooleanField(_("hiss"), default=False)
    accessible_toilet = models.BooleanField(_("tillgänglighetsanpassad toalett"), default=False)
    hearing_loop = models.BooleanField(_("hörslinga"), default=False)
    disabled_parking = models.BooleanField(_("parkering för rörelsehindrade"), default=False)
    quiet_workplace = models.BooleanField(
        _("lugn arbetsplats med lite intryck"),
        default=False,
        help_text=_("Till exempel ett eget rum, lite ljud eller ett tyst rum att gå undan till."),
    )
    public_transport = models.BooleanField(_("nära kollektivtrafik"), default=False)
    transit_stop = models.CharField(
        _("närmaste hållplats"),
        max_length=200,
        blank=True,
        help_text=_("Till exempel: Busshållplats Torget, 200 meter."),
    )
    employee_count = models.PositiveIntegerField(_("antal anställda"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=PublicationStatus, default=PublicationStatus.DRAFT
    )
    last_checked = models.DateField(_("senast kontrollerad"), null=True, blank=True)
    last_checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("kontrollerad av"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    last_checked_source = models.CharField(
        _("kontrollerad av"), max_length=20, choices=CheckSource, blank=True
    )
    is_example = models.BooleanField(
        _("påhittat exempel"),
        default=False,
        help_text=_("Demoinnehåll. Profilen visar att företaget inte finns på riktigt."),
    )
    skoopi_certified_on = models.DateField(_("Skoopi-certifierad"), null=True, blank=True)
    skoopi_valid_until = models.DateField(
        _("Skoopi-certifiering gäller till"), null=True, blank=True
    )
    lou_share_percent = models.PositiveSmallIntegerField(
        _("andel anställda långt från arbetsmarknaden (%)"),
        null=True,
        blank=True,
        help_text=_("Underlag för reserverad upphandling enligt LOU 4 kap. 18 § (minst 30 %)."),
    )
    lou_checked_on = models.DateField(_("LOU-underlag kontrollerat"), null=True, blank=True)
    search_document = models.TextField(editable=False, default="")
    # PostgreSQL full-text vector ('swedish'): name A, short description B, the
    # rest C; kept by services.enterprise_refresh_search_document. Its GIN index
    # and the name's trigram index are created in migration 0003 on PostgreSQL only.
    search_vector = SearchVectorField(null=True, editable=False)
    # Optimistic locking: an edit form carries the version it was read at, and
    # services refuse to save over a newer one (two advisors editing at once).
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)

    history = HistoricalRecords(
        excluded_fields=["search_document", "search_vector"], m2m_fields=[industries, languages]
    )
    objects = EnterpriseQuerySet.as_manager()

    class Meta:
        verbose_name = _("socialt företag")
        verbose_name_plural = _("sociala företag")
        ordering = ["name"]
        permissions = [
            ("publish_socialenterprise", _("Kan publicera, avpublicera och arkivera företag")),
            ("verify_socialenterprise", _("Kan kontrollera företag mot kriterierna")),
            ("import_socialenterprise", _("Kan läsa in företag från CSV")),
            ("export_socialenterprise", _("Kan ladda ner alla uppgifter om företag")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(lou_share_percent__lte=100), name="enterprise_lou_share_at_most_100"
            ),
            models.CheckConstraint(
                condition=Q(skoopi_valid_until__isnull=True)
                | Q(skoopi_certified_on__isnull=True)
                | Q(skoopi_valid_until__gte=F("skoopi_certified_on")),
                name="enterprise_skoopi_valid_after_certified",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="enterprise_latitude_in_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="enterprise_longitude_in_range",
            ),
        ]
        indexes = [
            # The public directory's default listing: published, ordered by name.
            models.Index(fields=["status", "name"], name="enterprise_status_name_idx"),
            # The directory sorted by "senast kontrollerad", newest first.
            models.Index(fields=["status", "-last_checked"], name="enterprise_status_checked_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("registry:enterprise_detail", kwargs={"slug": self.slug})

    @property
    def org_number_display(self) -> str:
        return format_org_number(self.org_number)


class Referrer(models.TextChoices):
    """Who can send a person to an offering (remittent)."""

    EMPLOYMENT_SERVICE = "arbetsformedlingen", _("Arbetsförmedlingen")
    SOCIAL_INSURANCE = "forsakringskassan", _("Försäkringskassan")
    SOCIAL_SERVICES = "socialtjansten", _("Socialtjänsten")
    COORDINATION_ASSOCIATION = "samordningsforbund", _("Samordningsförbund")
    SELF_REFERRAL = "egen_anmalan", _("Egen anmälan")


class OfferingKind(models.TextChoices):
    EMPLOYMENT = "anstallning", _("Anställning")
    WORK_TRAINING = "arbetstraning", _("Arbetsträning")
    WORK_TRIAL = "arbetsprovning", _("Arbetsprövning")
    PLACEMENT = "praktik", _("Praktik")
    REHABILITATION = "rehabilitering", _("Rehabilitering")
    OCCUPATION = "sysselsattning", _("Sysselsättning")


class Offering(models.Model):
    """What a person can get at an enterprise: a job, work training and so on."""

    enterprise = models.ForeignKey(
        SocialEnterprise,
        verbose_name=_("företag"),
        on_delete=models.CASCADE,
        related_name="offerings",
    )
    kind = models.CharField(_("typ av erbjudande"), max_length=20, choices=OfferingKind)
    uuid = open_data_id()
    # The offering at the enterprise's address, as an HSDS service_at_location.
    at_location_uuid = open_data_id(_("id för erbjudandet på platsen i öppna data"))
    description = models.TextField(_("beskrivning"), blank=True)
    target_groups = models.ManyToManyField(
        TargetGroup, verbose_name=_("målgrupper"), related_name="offerings", blank=True
    )
    open_places = models.PositiveSmallIntegerField(
        _("lediga platser"),
        null=True,
        blank=True,
        help_text=_("Lämna tomt om antalet inte är känt."),
    )
    history = HistoricalRecords(m2m_fields=[target_groups])

    class Meta:
        verbose_name = _("erbjudande")
        verbose_name_plural = _("erbjudanden")
        ordering = ["enterprise", "kind", "pk"]
        indexes = [
            # Directory filters "offering kind" and "has open places" join on these.
            models.Index(fields=["kind", "enterprise"], name="offering_kind_enterprise_idx"),
            models.Index(
                fields=["enterprise", "open_places"], name="offering_enterprise_places_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.enterprise}"


class AcceptedReferrer(models.Model):
    """One referrer an offering accepts; a closed list, so no lookup table."""

    offering = models.ForeignKey(
        Offering, on_delete=models.CASCADE, related_name="accepted_referrers"
    )
    referrer = models.CharField(_("remittent"), max_length=30, choices=Referrer)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("remittent")
        verbose_name_plural = _("remittenter")
        ordering = ["offering", "referrer"]
        constraints = [
            models.UniqueConstraint(
                fields=["offering", "referrer"], name="accepted_referrer_unique_per_offering"
            )
        ]

    def __str__(self) -> str:
        return self.get_referrer_display()


class Criterion(models.IntegerChoices):
    """Tillväxtverket's four criteria for a work-integrating social enterprise."""

    PURPOSE = 1, _("Integrerar människor som har svårt att få eller behålla ett arbete")
    PARTICIPATION = 2, _("Medarbetarna har verkligt inflytande i verksamheten")
    REINVESTMENT = 3, _("Vinsten återinvesteras i huvudsak i verksamheten")
    INDEPENDENCE = 4, _("Organisatoriskt fristående från offentlig sektor")


class CriterionState(models.TextChoices):
    """The three states of a criterion, everywhere: the advisors' form, the
    profile, the open data. "Not assessed" is no row, or a row whose verdict
    an advisor set back (``verified`` null), so who did that is kept too."""

    MET = "uppfyllt", _("Uppfyllt")
    NOT_MET = "inte_uppfyllt", _("Inte uppfyllt")
    NOT_ASSESSED = "inte_bedomt", _("Inte bedömt ännu")


class CriterionVerification(models.Model):
    """An advisor's verdict on one ASF criterion for one enterprise."""

    enterprise = models.ForeignKey(
        SocialEnterprise, on_delete=models.CASCADE, related_name="verifications"
    )
    criterion = models.PositiveSmallIntegerField(_("kriterium"), choices=Criterion)
    # True: met, False: not met, None: not assessed (set back by an advisor).
    verified = models.BooleanField(_("uppfyllt"), null=True, blank=True, default=None)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("kontrollerat av"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    verified_at = models.DateTimeField(_("kontrollerat"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kontroll av kriterium")
        verbose_name_plural = _("kontroller av kriterier")
        ordering = ["enterprise", "criterion"]
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise", "criterion"], name="verification_unique_per_criterion"
            ),
            models.CheckConstraint(
                condition=Q(criterion__gte=1, criterion__lte=4),
                name="verification_criterion_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.enterprise}: {self.get_criterion_display()}"

    @property
    def state(self) -> CriterionState:
        if self.verified is None:
            return CriterionState.NOT_ASSESSED
        return CriterionState.MET if self.verified else CriterionState.NOT_MET
