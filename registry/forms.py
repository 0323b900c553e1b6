"""The public forms of the registry: the directory's search (GET) and the
report of a missing enterprise."""

import math

from django import forms
from django.utils.translation import gettext_lazy as _

from asfportal.core.publicforms import PublicFormMixin
from asfportal.core.queryforms import QueryFormMixin
from registry.models import (
    ACCESS_FACTS,
    EnterpriseReport,
    LegalForm,
    OfferingKind,
    SocialEnterprise,
)
from registry.orgnr import normalise_org_number
from registry.pagecache import registry_version
from registry.presentation import checked_filter_label
from registry.selectors.directory import DirectoryQuery
from registry.selectors.localities import Origin, find_place
from registry.selectors.taxonomies import Taxonomies, Term

QUERY_MAX_LENGTH = 200
SORT_CHOICES = [
    ("relevans", _("Bäst träff")),
    ("namn", _("Namn A–Ö")),
    ("kontrollerad", _("Senast kontrollerad")),
    ("narmast", _("Närmast först")),
]
SORTS = {"relevans": "relevance", "namn": "name", "kontrollerad": "checked", "narmast": "near"}
PLACE_MAX_LENGTH = 60


def _slugs(terms: list[Term]) -> list[tuple[str, str]]:
    return [(term.slug, term.name) for term in terms]


ACCESS_PARAMS = tuple(param for _field, param in ACCESS_FACTS)


class DirectoryForm(QueryFormMixin, forms.Form):
    """The directory's search and filters, read from the address (GET).

    Parameter names are Swedish because they show in shareable addresses. A
    value that does not validate is left out of the query and reported to the
    person (``problems``); it never raises. Taxonomy options come from the
    cached ``taxonomies()``, so validating a slug costs no query. The options'
    counts are not the form's: the template takes them from the page's facets.
    """

    q = forms.CharField(
        label=_("Sök på namn, bransch eller vad du vill göra"),
        max_length=QUERY_MAX_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    erbjudande = forms.ChoiceField(label=_("Erbjudande"), required=False)
    bransch = forms.ChoiceField(label=_("Bransch"), required=False)
    malgrupp = forms.ChoiceField(label=_("Målgrupp"), required=False)
    omrade = forms.ChoiceField(label=_("Område"), required=False)
    juridisk_form = forms.ChoiceField(label=_("Juridisk form"), required=False)
    lediga_platser = forms.BooleanField(label=_("Bara företag med lediga platser"), required=False)
    verifierad = forms.BooleanField(
        label=_("Bara företag där kommunen har kontrollerat alla fyra kriterierna"),
        required=False,
    )
    # Labelled from the freshness rule's months (presentation.checked_filter_label).
    bekraftade = forms.BooleanField(required=False)
    sprak = forms.ChoiceField(label=_("Språk på arbetsplatsen"), required=False)
    # The premises' accessibility: one checkbox each, named as in ACCESS_FACTS.
    trappfri_entre = forms.BooleanField(label=_("Entré utan trappsteg"), required=False)
    hiss = forms.BooleanField(label=_("Hiss"), required=False)
    tillganglig_toalett = forms.BooleanField(
        label=_("Tillgänglighetsanpassad toalett"), required=False
    )
    horslinga = forms.BooleanField(label=_("Hörslinga"), required=False)
    parkering = forms.BooleanField(label=_("Parkering för rörelsehindrade"), required=False)
    lugn_arbetsplats = forms.BooleanField(
        label=_("Lugn arbetsplats med lite intryck"), required=False
    )
    kollektivtrafik = forms.BooleanField(label=_("Nära kollektivtrafik"), required=False)
    sortering = forms.ChoiceField(label=_("Sortera efter"), choices=SORT_CHOICES, required=False)
    # "Nearest first" from a place typed in, or from the browser's position
    # (set by static/js/site.js when the person asks; never stored).
    nara = forms.CharField(
        label=_("Nära postnummer eller ort"),
        max_length=PLACE_MAX_LENGTH,
        required=False,
        help_text=_("Till exempel 136 40 eller Norrby. Då ser du hur långt bort företagen är."),
    )
    position = forms.CharField(label=_("Din position"), max_length=40, required=False)
    # Set by the "search for exactly what you typed" link; the form does not
    # render it, so a new search is forgiving again.
    exakt = forms.BooleanField(required=False)

    # The option every select starts with, meaning "no filter".
    EMPTY_LABELS = {
        "erbjudande": _("Alla erbjudanden"),
        "bransch": _("Alla branscher"),
        "malgrupp": _("Alla målgrupper"),
        "omrade": _("Alla områden"),
        "juridisk_form": _("Alla former"),
        "sprak": _("Alla språk"),
    }

    def __init__(self, data, *, taxonomies: Taxonomies, version: int | None = None):
        super().__init__(data)
        self.version = registry_version() if version is None else version
        self._ids = {
            "bransch": {t.slug: t.pk for t in taxonomies.industries},
            "malgrupp": {t.slug: t.pk for t in taxonomies.target_groups},
            "omrade": {t.slug: t.pk for t in taxonomies.areas},
            "sprak": {t.slug: t.pk for t in taxonomies.languages},
        }
        options = {
            "erbjudande": OfferingKind.choices,
            "bransch": _slugs(taxonomies.industries),
            "malgrupp": _slugs(taxonomies.target_groups),
            "omrade": _slugs(taxonomies.areas),
            "juridisk_form": LegalForm.choices,
            "sprak": _slugs(taxonomies.languages),
        }
        for name, choices in options.items():
            self.fields[name].choices = [("", self.EMPTY_LABELS[name]), *choices]
        # htmx swaps the whole directory as one types; the search box itself is
        # kept (data-hx-preserve), so nothing typed during a request is lost.
        self.fields["q"].widget.attrs |= {
            "maxlength": QUERY_MAX_LENGTH,
            "data-hx-preserve": "true",
            "class": "form-control",
        }
        self.fields["sortering"].widget.attrs["class"] = "form-select"
        self.fields["bekraftade"].label = checked_filter_label()
        for name in ("lediga_platser", "verifierad", "bekraftade", *ACCESS_PARAMS):
            self.fields[name].widget.attrs["class"] = "form-check-input"

    def clean_nara(self) -> Origin | None:
        text = self.cleaned_data["nara"].strip()
        if not text:
            return None
        origin = find_place(text, self.version)
        if origin is None:
            raise forms.ValidationError(
                _(
                    "Vi hittade inte ”%(place)s”. Skriv ett postnummer med fem siffror,"
                    " till exempel 136 40, eller namnet på en ort eller ett område."
                ),
                params={"place": text},
            )
        return origin

    def clean_position(self) -> Origin | None:
        """ "59.17,18.14": the browser's position, rounded to about a kilometre."""
        text = self.cleaned_data["position"].strip()
        if not text:
            return None
        try:
            latitude, longitude = (float(part) for part in text.split(","))
        except ValueError:
            latitude = longitude = math.nan
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise forms.ValidationError(
                _("Vi kunde inte läsa din position. Skriv ett postnummer i stället.")
            )
        return Origin.of_position(latitude, longitude)

    def clean(self):
        cleaned = super().clean()
        near = cleaned.get("sortering") == "narmast"
        if (
            near
            and not (cleaned.get("nara") or cleaned.get("position"))
            and "nara" not in self.errors
        ):
            self.add_error(
                "sortering",
                _("Skriv ett postnummer eller en ort för att se de närmaste företagen först."),
            )
        return cleaned

    def origin(self) -> Origin | None:
        """The place typed in, else the browser's position, else None. A
        place typed in that is not found wins too: no distances from an
        earlier position the person has just replaced."""
        self.is_valid()
        if str(self.data.get("nara", "")).strip():
            return self.cleaned_data.get("nara")
        return self.cleaned_data.get("position")

    def query(self) -> DirectoryQuery:
        """What the valid parameters ask for; the invalid ones are left out.
        A place without a search text sorts nearest first unless another
        order than "Bäst träff" is chosen; ``sort_param`` is the order used."""
        self.is_valid()
        data = self.cleaned_data
        origin = self.origin()
        sort = data.get("sortering") or "relevans"
        if origin and sort == "relevans" and not data.get("q", "").strip():
            sort = "narmast"  # the best match for a place alone is the nearest
        if sort == "narmast" and not origin:
            sort = "relevans"  # nowhere to measure from (the form says so)
        self.sort_param = sort
        ids = {name: self._ids[name].get(data.get(name) or "") for name in self._ids}
        return DirectoryQuery(
            text=data.get("q", ""),
            offering_kind=data.get("erbjudande", ""),
            industry=ids["bransch"],
            target_group=ids["malgrupp"],
            area=ids["omrade"],
            legal_form=data.get("juridisk_form", ""),
            open_places=bool(data.get("lediga_platser")),
            verified=bool(data.get("verifierad")),
            confirmed=bool(data.get("bekraftade")),
            language=ids["sprak"],
            **{field: bool(data.get(param)) for field, param in ACCESS_FACTS},
            sort=SORTS[sort],
            exact=bool(data.get("exakt")),
            origin=origin,
        )


class EnterpriseReportForm(PublicFormMixin, forms.Form):
    """A citizen reports a social enterprise missing from the directory, with
    the public forms' token and honeypot."""

    autocomplete = {
        "name": "organization",
        "org_number": "off",
        "website": "url",
        "email": "email",
        "phone": "tel",
        "reporter_name": "name",
        "reporter_email": "email",
    }
    ALREADY_KNOWN = _(
        "Företaget finns redan hos oss eller har redan anmälts. "
        "Du behöver inte göra något mer. Tack!"
    )

    name = forms.CharField(
        label=_("Företagets namn"),
        max_length=200,
        error_messages={"required": _("Skriv företagets namn.")},
    )
    org_number = forms.CharField(
        label=_("Organisationsnummer"),
        max_length=20,
        help_text=_(
            "Tio siffror, till exempel 556677-8899. Finns på allabolag.se eller hos Bolagsverket."
        ),
        error_messages={"required": _("Skriv organisationsnumret.")},
    )
    legal_form = forms.ChoiceField(
        label=_("Juridisk form"),
        choices=[("", _("Vet inte")), *LegalForm.choices],
        required=False,
    )
    short_description = forms.CharField(
        label=_("Vad gör företaget?"),
        max_length=300,
        help_text=_("En mening, till exempel ”Café och catering i Centrum”."),
        error_messages={"required": _("Beskriv kort vad företaget gör.")},
    )
    website = forms.URLField(
        label=_("Webbplats (frivilligt)"),
        max_length=200,
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("Skriv en webbadress, till exempel www.exempel.se.")},
    )
    email = forms.EmailField(
        label=_("Företagets e-post (frivilligt)"),
        max_length=254,
        required=False,
        error_messages={"invalid": _("Skriv e-postadressen så här: namn@exempel.se.")},
    )
    phone = forms.CharField(
        label=_("Företagets telefon (frivilligt)"), max_length=30, required=False
    )
    reason = forms.CharField(
        label=_("Varför är det ett arbetsintegrerande socialt företag?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Till exempel vilka som får jobb där och vem som äger företaget."),
        error_messages={"required": _("Berätta kort varför det är ett socialt företag.")},
    )
    reporter_name = forms.CharField(
        label=_("Ditt namn (frivilligt)"), max_length=200, required=False
    )
    reporter_email = forms.EmailField(
        label=_("Din e-post (frivilligt)"),
        max_length=254,
        required=False,
        help_text=_("Om rådgivaren behöver fråga något. Vi använder den inte till något annat."),
        error_messages={"invalid": _("Skriv e-postadressen så här: namn@exempel.se.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages["max_length"] = _(
                "Skriv högst %(limit_value)d tecken. Nu är det %(show_value)d."
            )

    def clean_org_number(self) -> str:
        return normalise_org_number(self.cleaned_data["org_number"])

    def clean(self):
        cleaned = super().clean()
        number, token = cleaned.get("org_number"), cleaned.get("token")
        if EnterpriseReport.objects.filter(submission_token=token).exists():
            return cleaned  # a resubmit of a report we have: the view says thanks again
        if number and SocialEnterprise.objects.filter(org_number=number).exists():
            self.add_error("org_number", self.ALREADY_KNOWN)
        return cleaned
