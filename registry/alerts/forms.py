"""The forms of alerts: ask for one, and change how often it comes."""

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from asfportal.core.publicforms import PublicFormMixin
from registry.forms import DirectoryForm
from registry.models import AlertFrequency
from registry.pagecache import registry_version
from registry.selectors.alerts import normalise_email
from registry.selectors.taxonomies import taxonomies


def directory_form(data: QueryDict | str) -> DirectoryForm:
    """The directory's own form over a filter set (the page's address, or a
    stored query string): what decides whether it validates, and what it means."""
    version = registry_version()
    if isinstance(data, str):
        data = QueryDict(data)
    return DirectoryForm(data, taxonomies=taxonomies(version), version=version)


def _frequency_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Hur ofta vill du få mejl?"),
        choices=AlertFrequency.choices,
        initial=AlertFrequency.WEEKLY,
        widget=forms.RadioSelect,
        help_text=_("Bara när det finns något nytt. Annars får du inget mejl."),
        error_messages={"required": _("Välj hur ofta du vill få mejl.")},
    )


MAX_EMAIL = 254


def _normalised(email: str) -> str:
    """The address as it is stored (lower case), still within the column's
    254 characters (lower-casing can lengthen a few letters, such as "İ")."""
    email = normalise_email(email)
    if len(email) > MAX_EMAIL:
        raise forms.ValidationError(
            _("Skriv högst %(limit)d tecken."), params={"limit": MAX_EMAIL}, code="max_length"
        )
    return email


class AlertSubscribeForm(PublicFormMixin, forms.Form):
    """The address and the frequency, with the public forms' token and
    honeypot; the filter set comes from the page's address."""

    autocomplete = {"email": "email"}

    email = forms.EmailField(
        label=_("Din e-postadress"),
        max_length=MAX_EMAIL,
        help_text=_("Vi skickar först ett mejl med en länk. Klicka på den för att börja."),
        error_messages={
            "required": _("Skriv din e-postadress."),
            "invalid": _("Skriv e-postadressen så här: namn@exempel.se."),
            "max_length": _("Skriv högst %(limit_value)d tecken. Nu är det %(show_value)d."),
        },
    )
    frequency = _frequency_field()

    def clean_email(self) -> str:
        return _normalised(self.cleaned_data["email"])


class AlertFrequencyForm(forms.Form):
    frequency = _frequency_field()


class AlertAddressForm(forms.Form):
    """The advisors' lookup: whose alerts (a request to see or erase one's data).
    Someone else's address, so the browser must not fill in the advisor's own."""

    email = forms.EmailField(
        label=_("E-postadress"),
        max_length=MAX_EMAIL,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
        error_messages={
            "required": _("Skriv e-postadressen."),
            "invalid": _("Skriv e-postadressen så här: namn@exempel.se."),
        },
    )

    def clean_email(self) -> str:
        return _normalised(self.cleaned_data["email"])
