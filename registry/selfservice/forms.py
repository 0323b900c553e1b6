"""The forms on an enterprise's own page: ask for a new link, the open places
right now, and "Något behöver ändras" (contact details apply at once, the rest
becomes a change proposal)."""

import uuid
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from asfportal.core.submissions import one_time_token
from registry.models import (
    Industry,
    Language,
    Offering,
    OfferingKind,
    Referrer,
    SocialEnterprise,
    TargetGroup,
)
from registry.orgnr import normalise_org_number
from registry.selfservice import (
    DIRECT_FIELDS,
    OFFERINGS_SECTION,
    PROPOSED_FIELDS,
    PROPOSED_LINKS,
    SECTIONS,
    offering_key,
)

TEXT_LIMITS = {"description": 5000, "opening_hours": 200}
OFFERING_DESCRIPTION_LIMIT = 2000
PLACES_MAX = 999


class LinkRequestForm(forms.Form):
    email = forms.EmailField(
        label=_("Företagets e-postadress"),
        help_text=_("Den adress som står i katalogen. Dit skickar vi den nya länken."),
        max_length=254,
        error_messages={
            "required": _("Skriv företagets e-postadress."),
            "invalid": _("Skriv en e-postadress som namn@exempel.se."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


def _places_field(offering: Offering) -> forms.IntegerField:
    return forms.IntegerField(
        label=offering.get_kind_display(),
        required=False,
        min_value=0,
        max_value=PLACES_MAX,
        initial=offering.open_places,
        help_text=_("Lämna tomt om ni inte vet."),
        error_messages={
            "invalid": _("Skriv antalet som en siffra, till exempel 2."),
            "min_value": _("Antalet kan inte vara mindre än 0."),
            "max_value": _("Skriv ett antal som är högst 999."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


class OpenPlacesForm(forms.Form):
    """One number per offering: how many places are open right now."""

    def __init__(self, *args, offerings: list[Offering], **kwargs):
        super().__init__(*args, **kwargs)
        self.offerings = offerings
        for offering in offerings:
            self.fields[f"platser_{offering.pk}"] = _places_field(offering)

    def places(self) -> dict[int, int | None]:
        return {o.pk: self.cleaned_data.get(f"platser_{o.pk}") for o in self.offerings}


@dataclass
class OfferingFields:
    """The bound fields of one offering, for the template."""

    offering: Offering
    fields: list = field(default_factory=list)


SECTION_LABELS = {
    "kontakt": _("Kontaktuppgifter och öppettider"),
    "erbjudanden": _("Erbjudanden och lediga platser"),
    "foretaget": _("Namn, beskrivning och bransch"),
    "adress": _("Besöksadress"),
    "sprak": _("Språk och tillgänglighet"),
}


class SectionsForm(forms.Form):
    """ "Vad vill ni ändra?": the parts of the record the change form shows
    (GET, so it works without JavaScript and the address says what is open)."""

    delar = forms.MultipleChoiceField(
        label=_("Vad vill ni ändra?"),
        choices=list(SECTION_LABELS.items()),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Välj minst en del att ändra."),
            "invalid_choice": _("Välj bland delarna i listan."),
        },
    )


class SelfUpdateForm(forms.Form):
    """The record's public fields in the chosen ``sections``, prefilled.
    ``changes()`` splits what was changed into what applies at once and what an
    advisor decides; a field of a part not shown is never changed."""

    token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, enterprise: SocialEnterprise, sections=tuple(SECTIONS), **kwargs):
        super().__init__(*args, **kwargs)
        self.enterprise = enterprise
        self.sections = [name for name in SECTIONS if name in sections]
        shown = {field for name in self.sections for field in SECTIONS[name]}
        self.offerings = (
            list(enterprise.offerings.all()) if OFFERINGS_SECTION in self.sections else []
        )
        self.fields["token"].initial = uuid.uuid4()
        for name in PROPOSED_FIELDS + DIRECT_FIELDS:
            if name in shown:
                self.fields[name] = self._record_field(name)
                self.initial[name] = self._initial(name)
        for offering in self.offerings:
            self._add_offering_fields(offering)

    # Building ------------------------------------------------------------

    def _record_field(self, name: str) -> forms.Field:
        model_field = SocialEnterprise._meta.get_field(name)
        if name == "industries":
            return forms.ModelMultipleChoiceField(
                queryset=Industry.objects.order_by("name"),
                label=_("Bransch"),
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )
        if name == "languages":
            return forms.ModelMultipleChoiceField(
                queryset=Language.objects.all(),
                label=_("Språk som handledarna kan använda i arbetet"),
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )
        if name == "org_number":
            return forms.CharField(label=_("Organisationsnummer"), max_length=20)
        kwargs = {"max_length": TEXT_LIMITS[name]} if name in TEXT_LIMITS else {}
        formfield = model_field.formfield(**kwargs)
        if name == "description":
            formfield.widget = forms.Textarea(attrs={"rows": 5})
        formfield.error_messages |= _error_messages(name, formfield)
        formfield.label = str(model_field.verbose_name).capitalize()
        autocomplete = {
            "phone": "tel",
            "email": "email",
            "website": "url",
            "street_address": "address-line1",
            "postal_code": "postal-code",
            "city": "address-level2",
            "name": "organization",
            "contact_name": "name",
        }.get(name)
        if autocomplete:
            formfield.widget.attrs["autocomplete"] = autocomplete
            if autocomplete == "tel":
                formfield.widget.input_type = "tel"
        if isinstance(formfield, forms.ChoiceField):
            formfield.choices = [c for c in formfield.choices if c[0] != ""]
        return formfield

    def _initial(self, name: str):
        if name in PROPOSED_LINKS:
            return [row.pk for row in getattr(self.enterprise, name).all()]
        if name == "org_number":
            return self.enterprise.org_number_display
        return getattr(self.enterprise, name)

    def _add_offering_fields(self, offering: Offering) -> None:
        prefix = f"o{offering.pk}_"
        self.fields[prefix + "kind"] = forms.ChoiceField(
            label=_("Typ av erbjudande"), choices=OfferingKind.choices, initial=offering.kind
        )
        self.fields[prefix + "description"] = forms.CharField(
            label=_("Beskrivning"),
            required=False,
            max_length=OFFERING_DESCRIPTION_LIMIT,
            initial=offering.description,
            widget=forms.Textarea(attrs={"rows": 2}),
        )
        self.fields[prefix + "open_places"] = _places_field(offering)
        self.fields[prefix + "open_places"].label = _("Lediga platser")
        self.fields[prefix + "target_groups"] = forms.MultipleChoiceField(
            label=_("För vem"),
            required=False,
            choices=self._group_choices(),
            initial=[group.pk for group in offering.target_groups.all()],
            widget=forms.CheckboxSelectMultiple,
        )
        self.fields[prefix + "referrers"] = forms.MultipleChoiceField(
            label=_("Vem kan skicka en person hit"),
            required=False,
            choices=Referrer.choices,
            initial=[row.referrer for row in offering.accepted_referrers.all()],
            widget=forms.CheckboxSelectMultiple,
        )

    def _group_choices(self):
        if not hasattr(self, "_groups"):  # read once for every offering
            self._groups = [(str(g.pk), g.name) for g in TargetGroup.objects.order_by("name")]
        return self._groups

    def offering_fields(self) -> list[OfferingFields]:
        names = ("kind", "description", "open_places", "target_groups", "referrers")
        return [
            OfferingFields(offering, [self[f"o{offering.pk}_{name}"] for name in names])
            for offering in self.offerings
        ]

    # Checking ------------------------------------------------------------

    def clean_org_number(self) -> str:
        return normalise_org_number(self.cleaned_data["org_number"])

    def clean_token(self) -> uuid.UUID:
        return one_time_token(self.cleaned_data["token"])

    def clean(self):
        data = super().clean()
        for name, value in data.items():
            if isinstance(value, str):  # browsers send a textarea's line breaks as CRLF
                data[name] = value.replace("\r\n", "\n").replace("\r", "\n")
        org_number = data.get("org_number")
        if (
            org_number
            and org_number != self.enterprise.org_number
            and SocialEnterprise.objects.filter(org_number=org_number).exists()
        ):
            self.add_error(
                "org_number",
                ValidationError(
                    _("Ett annat företag i katalogen har redan det organisationsnumret.")
                ),
            )
        return data

    def changes(self) -> tuple[dict, dict[int, int | None], dict[str, object]]:
        """(direct field changes, open places, proposal key → new value); only
        what differs from the record."""
        data = self.cleaned_data
        direct = {
            name: data[name]
            for name in DIRECT_FIELDS
            if name in data and _norm(data[name]) != _norm(getattr(self.enterprise, name))
        }
        places = {
            o.pk: data[f"o{o.pk}_open_places"]
            for o in self.offerings
            if data[f"o{o.pk}_open_places"] != o.open_places
        }
        proposed: dict[str, object] = {}
        for name in (name for name in PROPOSED_FIELDS if name in data):
            new = data[name]
            if name in PROPOSED_LINKS:
                new = sorted(row.pk for row in new)
                old = sorted(self.initial[name])
            else:
                old = getattr(self.enterprise, name)
            if _norm(new) != _norm(old):
                proposed[name] = new
        for offering in self.offerings:
            proposed |= self._offering_changes(offering)
        return direct, places, proposed

    def _offering_changes(self, offering: Offering) -> dict[str, object]:
        data, prefix = self.cleaned_data, f"o{offering.pk}_"
        now = {
            "kind": offering.kind,
            "description": offering.description,
            "target_groups": sorted(g.pk for g in offering.target_groups.all()),
            "referrers": sorted(r.referrer for r in offering.accepted_referrers.all()),
        }
        new = {
            "kind": data[prefix + "kind"],
            "description": data[prefix + "description"],
            "target_groups": sorted(int(pk) for pk in data[prefix + "target_groups"]),
            "referrers": sorted(data[prefix + "referrers"]),
        }
        return {
            offering_key(offering.pk, name): new[name]
            for name in now
            if _norm(new[name]) != _norm(now[name])
        }


def _error_messages(name: str, formfield: forms.Field) -> dict:
    """Errors in plain Swedish, saying what to write instead."""
    messages = {}
    if name == "website":
        messages["invalid"] = _(
            "Skriv en webbadress som börjar med https://, till exempel https://exempel.se."
        )
    elif name == "email":
        messages["invalid"] = _("Skriv en e-postadress som namn@exempel.se.")
    if getattr(formfield, "max_length", None):
        messages["max_length"] = _(
            "Texten får vara högst %(limit_value)s tecken. Nu är den %(show_value)s."
        )
    if formfield.required:
        messages["required"] = _("Fyll i %(field)s.") % {"field": str(formfield.label).lower()}
    return messages


def _norm(value):
    if value is None:
        return ""
    return value.strip() if isinstance(value, str) else value
