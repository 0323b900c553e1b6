from django import forms
from django.utils.translation import gettext_lazy as _

from asfportal.core.publicforms import PublicFormMixin
from registry import services
from registry.models import EnterpriseReport, LegalForm, Offering, Referrer, SocialEnterprise
from registry.orgnr import normalise_org_number


class EnterpriseForm(forms.ModelForm):
    """Accepts 556677-8899, 5566778899 and 16556677…; stores ten digits."""

    org_number = forms.CharField(
        label=_("Organisationsnummer"),
        max_length=20,
        help_text=_("Tio siffror, till exempel 556677-8899."),
    )

    class Meta:
        model = SocialEnterprise
        fields = [
            "name", "slug", "org_number", "legal_form", "short_description", "description",
            "industries", "area", "street_address", "postal_code", "city", "latitude",
            "longitude", "website", "email", "phone", "contact_name", "employee_count",
            "status", "last_checked", "is_example", "skoopi_certified_on",
            "skoopi_valid_until", "lou_share_percent", "lou_checked_on",
        ]  # fmt: skip

    def clean_slug(self) -> str:
        slug = self.cleaned_data["slug"]
        if slug in services.RESERVED_SLUGS:
            raise forms.ValidationError(
                _("Kortnamnet används redan av webbplatsen. Välj ett annat.")
            )
        return slug

    def clean_org_number(self) -> str:
        return normalise_org_number(self.cleaned_data["org_number"])


class OfferingForm(forms.ModelForm):
    """An offering with the referrers it accepts as a set of checkboxes."""

    referrers = forms.MultipleChoiceField(
        label=_("Vem kan skicka dig hit"),
        choices=Referrer.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Offering
        fields = ["kind", "description", "target_groups", "open_places", "referrers"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:  # .all() uses a prefetch where the formset made one
            self.fields["referrers"].initial = [
                row.referrer for row in self.instance.accepted_referrers.all()
            ]

    def _save_m2m(self) -> None:
        super()._save_m2m()
        services.offering_set_referrers(
            offering=self.instance, referrers=self.cleaned_data.get("referrers", [])
        )


class EnterpriseReportForm(PublicFormMixin, forms.Form):
    """A citizen reports a social enterprise missing from the directory, with
    the public forms' token and honeypot."""

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
