"""The advisors' forms (crispy-forms, Bootstrap 5). The admin's enterprise and
partner pages use the same forms, so both save through the same services."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout
from django import forms
from django.forms import inlineformset_factory, modelformset_factory
from django.utils.translation import gettext_lazy as _

from asfportal.core import hours
from asfportal.core.people import display_name
from registry.models import (
    ACCESS_FACTS,
    Criterion,
    CriterionState,
    HelpTopic,
    Offering,
    Partner,
    Place,
    PublicationStatus,
    Referrer,
    Session,
    SocialEnterprise,
    TargetGroup,
)
from registry.orgnr import normalise_org_number
from registry.services.common import RowChange
from registry.services.enterprises import offering_change
from registry.staff.selectors import last_editor

MAX_LENGTH_MESSAGE = _("Skriv högst %(limit_value)d tecken. Nu är det %(show_value)d.")


def _helper(*layout) -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    if layout:
        helper.layout = Layout(*layout)
    return helper


def swedish_blanks(form: forms.BaseForm) -> None:
    """Django 6.1's blank option reads "- Select an option -", which Swedish
    lacks a translation for; say "Välj" in our own words."""
    for field in form.fields.values():
        if isinstance(field, forms.ModelChoiceField) and field.empty_label is not None:
            field.empty_label = _("Välj")
        elif isinstance(field, forms.ChoiceField) and not isinstance(
            field, forms.MultipleChoiceField
        ):
            choices = list(field.choices)
            if choices and choices[0][0] == "":
                field.choices = [("", _("Välj")), *choices[1:]]


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def record_changed_message(current) -> str:
    """What an advisor or an admin user is told when someone else saved the
    enterprise after their form was opened (one query: who saved it)."""
    name = display_name(last_editor(current)) or _("Någon annan")
    return _(
        "%(name)s sparade ändringar i företaget efter att du öppnade sidan. Dina ändringar "
        "är inte sparade, så att inget skrivs över. Öppna sidan igen för att se det senaste "
        "och gör sedan dina ändringar på nytt."
    ) % {"name": name}


PARTNER_CHANGED = _(
    "Någon annan sparade partnern efter att du öppnade sidan. "
    "Dina ändringar är inte sparade. Öppna sidan igen och gör om ändringarna."
)


# Fields that look like the person's own (name, e-mail, address) but hold a
# record's: autocomplete off, so the browser does not fill in the advisor's own.
RECORD_CONTACT_FIELDS = (
    "name", "contact_name", "email", "phone", "website", "street_address", "postal_code", "city",
)  # fmt: skip


def no_autofill(form: forms.BaseForm) -> None:
    for name in RECORD_CONTACT_FIELDS:
        if name in form.fields:
            form.fields[name].widget.attrs["autocomplete"] = "off"


class VersionedForm(forms.ModelForm):
    """Carries the version the record had when the form was opened, and
    refuses to go on when the record has a newer one already (the services
    check again under a row lock, for a save that comes in between)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version if self.instance.pk else 1
        if "phone" in self.fields:  # a phone's number keyboard
            self.fields["phone"].widget.input_type = "tel"
        swedish_blanks(self)
        no_autofill(self)
        for field in self.fields.values():
            if getattr(field, "max_length", None):
                field.error_messages["max_length"] = MAX_LENGTH_MESSAGE

    def clean(self):
        cleaned = super().clean()
        version = cleaned.get("version")
        if self.instance.pk and version is not None and version != self.instance.version:
            self.add_error(None, self.changed_message())
        return cleaned

    def changed_message(self) -> str:
        return record_changed_message(self.instance)

    def fields_to_save(self) -> dict:
        skip = {"version", "industries", "languages", "topics"}
        return {name: value for name, value in self.cleaned_data.items() if name not in skip}


class VersionForm(forms.Form):
    """The version a page without a model form was read at."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


# The premises' accessibility facts and the nearest stop, in the forms' order.
ACCESS_FIELDS = [field for field, _word in ACCESS_FACTS] + ["transit_stop"]


class EnterpriseForm(VersionedForm):
    org_number = forms.CharField(
        label=_("Organisationsnummer"),
        max_length=20,
        help_text=_("Tio siffror, till exempel 556677-8899."),
    )

    class Meta:
        model = SocialEnterprise
        fields = [
            "name", "org_number", "legal_form", "short_description", "description",
            "industries", "area", "street_address", "postal_code", "city", "latitude",
            "longitude", "website", "email", "phone", "contact_name", "opening_hours",
            "employee_count", "is_example", "languages", *ACCESS_FIELDS,
        ]  # fmt: skip
        widgets = {
            "industries": forms.CheckboxSelectMultiple,
            "languages": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org_number"].initial = self.instance.org_number_display or None
        if self.instance.pk:
            self.initial["org_number"] = self.instance.org_number_display
        self.helper = _helper(
            Fieldset(
                _("Företaget"),
                "name", "org_number", "legal_form", "short_description", "description",
                "industries", "employee_count", "is_example",
            ),
            Fieldset(_("Adress"), "street_address", "postal_code", "city", "area",
                     "latitude", "longitude"),
            Fieldset(_("Kontakt"), "contact_name", "email", "phone", "website", "opening_hours"),
            Fieldset(_("Språk och tillgänglighet"), "languages", *ACCESS_FIELDS),
            "version",
        )  # fmt: skip

    def clean_org_number(self) -> str:
        return normalise_org_number(self.cleaned_data["org_number"])


class OfferingForm(forms.ModelForm):
    """An offering with its target groups and the referrers it accepts as
    checkboxes. It never saves itself: ``change()`` is what the service applies."""

    referrers = forms.MultipleChoiceField(
        label=_("Vem kan skicka en person hit"),
        choices=Referrer.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Offering
        fields = ["kind", "description", "open_places", "target_groups", "referrers"]
        widgets = {
            "target_groups": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, target_group_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:  # .all() uses the formset's prefetch
            self.fields["referrers"].initial = [
                row.referrer for row in self.instance.accepted_referrers.all()
            ]
        if target_group_choices is not None:  # read once for the whole formset
            self.fields["target_groups"].choices = target_group_choices
        swedish_blanks(self)

    def change(self) -> RowChange:
        data = self.cleaned_data
        return offering_change(
            self.instance if self.instance.pk else None,
            kind=data.get("kind", ""),
            description=data.get("description", ""),
            open_places=data.get("open_places"),
            target_groups=data.get("target_groups", []),
            referrers=data.get("referrers", []),
            delete=bool(data.get("DELETE")),
        )


class BaseOfferingFormSet(forms.BaseInlineFormSet):
    def get_form_kwargs(self, index):
        if not hasattr(self, "_target_group_choices"):
            self._target_group_choices = [
                (group.pk, group.name) for group in TargetGroup.objects.all()
            ]
        return {
            **super().get_form_kwargs(index),
            "target_group_choices": self._target_group_choices,
        }


OfferingFormSet = inlineformset_factory(
    SocialEnterprise,
    Offering,
    form=OfferingForm,
    formset=BaseOfferingFormSet,
    extra=1,
    can_delete=True,
    max_num=20,
)


class VerificationForm(VersionedForm):
    """The four ASF criteria, Skoopi certification and the LOU 4:18 evidence."""

    class Meta:
        model = SocialEnterprise
        fields = [
            "skoopi_certified_on",
            "skoopi_valid_until",
            "lou_share_percent",
            "lou_checked_on",
        ]
        widgets = {name: _date_input() for name in
                   ["skoopi_certified_on", "skoopi_valid_until", "lou_checked_on"]}  # fmt: skip

    def __init__(self, *args, verifications=(), **kwargs):
        super().__init__(*args, **kwargs)
        states = {v.criterion: v.state for v in verifications}
        names = []
        for criterion in Criterion:
            name = f"criterion_{criterion.value}"
            self.fields[name] = forms.ChoiceField(
                label=criterion.label,
                choices=CriterionState.choices,
                initial=states.get(criterion.value, CriterionState.NOT_ASSESSED),
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": _("Välj ett av de tre alternativen.")},
            )
            names.append(name)
        self.helper = _helper(
            Fieldset(_("Kriterier för arbetsintegrerande sociala företag"), *names),
            Fieldset(_("Skoopi-certifiering"), "skoopi_certified_on", "skoopi_valid_until"),
            Fieldset(_("Reserverad upphandling (LOU 4 kap. 18 §)"),
                     "lou_share_percent", "lou_checked_on"),
            "version",
        )  # fmt: skip

    VERDICTS = {
        CriterionState.MET: True,
        CriterionState.NOT_MET: False,
        CriterionState.NOT_ASSESSED: None,
    }

    def verdicts(self) -> dict[int, bool | None]:
        """Per criterion: True met, False not met, None not assessed yet."""
        return {
            c.value: self.VERDICTS[self.cleaned_data[f"criterion_{c.value}"]] for c in Criterion
        }

    def evidence(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=PublicationStatus.choices)


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Skäl till avslag"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Syns bara för rådgivare."),
        error_messages={
            "required": _("Skriv varför anmälan avslås."),
            "max_length": MAX_LENGTH_MESSAGE,
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper()


class PartnerForm(VersionedForm):
    topics = forms.MultipleChoiceField(
        label=_("Hjälper med"),
        choices=HelpTopic.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Partner
        fields = ["name", "kind", "summary", "description", "website", "email", "phone"]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["topics"] = [t.topic for t in self.instance.topics.all()]
        self.helper = _helper()

    def changed_message(self) -> str:
        return str(PARTNER_CHANGED)


class HoursField(forms.CharField):
    """A place's regular hours, typed as short Swedish lines ("Måndag–torsdag
    8–16.30") and kept as rules (``asfportal.core.hours``)."""

    widget = forms.Textarea(attrs={"rows": 3})
    longest = 1000

    def to_python(self, value) -> list:
        text = super().to_python(value)
        if len(text) > self.longest:
            raise forms.ValidationError(
                MAX_LENGTH_MESSAGE, params={"limit_value": self.longest, "show_value": len(text)}
            )
        try:
            return hours.parse(text)
        except hours.HoursError as problem:
            raise forms.ValidationError(problem.message) from None

    def prepare_value(self, value) -> str:
        return hours.to_text(value) if isinstance(value, list) else (value or "")

    def has_changed(self, initial, data) -> bool:
        try:
            return self.to_python(data) != (initial or [])
        except forms.ValidationError:
            return True


class PlaceForm(forms.ModelForm):
    hours = HoursField(
        label=_("Tider"),
        required=False,
        help_text=_(
            "En rad per regel, till exempel: Måndag–torsdag 8–16.30. Eller: Första tisdagen i "
            "månaden 13–16, drop-in. Eller: Varannan onsdag 17–19 från 2026-12-16. "
            "Tillfällen på platsen måste ligga inom tiderna."
        ),
    )

    class Meta:
        model = Place
        fields = ["name", "street_address", "postal_code", "city", "hours", "opening_hours"]
        widgets = {"opening_hours": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        no_autofill(self)

    def change(self) -> RowChange:
        return _row_change(self, skip=("partner",))


PlaceFormSet = inlineformset_factory(
    Partner, Place, form=PlaceForm, extra=1, can_delete=True, max_num=30
)


class SessionForm(forms.ModelForm):
    class Meta:
        model = Session
        fields = ["place", "title", "starts_at", "ends_at", "description"]
        widgets = {
            "starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "ends_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "description": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, places=None, place_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"].queryset = places  # validates a posted place
        # The options are read once for the whole formset, not once per row.
        self.fields["place"].choices = [("", _("Välj")), *place_choices]
        for name in ("starts_at", "ends_at"):
            self.fields[name].widget.format = "%Y-%m-%dT%H:%M"

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("Tillfället måste sluta efter att det har börjat."))
        return cleaned

    def change(self) -> RowChange:
        return _row_change(self)


BaseSessionFormSet = modelformset_factory(
    Session, form=SessionForm, extra=2, can_delete=True, max_num=100
)


def session_formset(partner: Partner, data=None):
    places = Place.objects.filter(partner=partner)
    choices = [(place.pk, place.name) for place in places]
    queryset = Session.objects.filter(place__partner=partner).select_related("place")
    return BaseSessionFormSet(
        data,
        queryset=queryset,
        prefix="sessions",
        form_kwargs={"places": places, "place_choices": choices},
    )


def _row_change(form: forms.ModelForm, skip: tuple[str, ...] = ()) -> RowChange:
    """A formset row's fields as a change for ``services.common.apply_row_changes``."""
    data = {k: v for k, v in form.cleaned_data.items() if k not in ("id", "DELETE", *skip)}
    return RowChange(
        row=form.instance if form.instance.pk else None,
        fields=data,
        delete=bool(form.cleaned_data.get("DELETE")),
    )


def row_changes(formset) -> list[RowChange]:
    """Only the rows the advisor changed (or marked for deletion): a row someone
    else changed meanwhile, and this advisor did not touch, is left as it is."""
    return [form.change() for form in formset.forms if form.cleaned_data and form.has_changed()]
