from django import forms
from django.utils.translation import gettext_lazy as _

from registry import services
from registry.models import Offering, Referrer, SocialEnterprise
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
        if self.instance.pk:
            self.fields["referrers"].initial = list(
                self.instance.accepted_referrers.values_list("referrer", flat=True)
            )

    def _save_m2m(self) -> None:
        super()._save_m2m()
        services.offering_set_referrers(
            offering=self.instance, referrers=self.cleaned_data.get("referrers", [])
        )
