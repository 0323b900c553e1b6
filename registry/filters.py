"""The public directory's search form, as a django-filter FilterSet.

Parameter names are Swedish because they show in shareable addresses. Values
that do not validate are left out of the filtering and reported to the person
(see ``DirectoryFilter.problems``); they never raise.
"""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from registry import selectors
from registry.models import Area, Industry, LegalForm, OfferingKind, TargetGroup

QUERY_MAX_LENGTH = 200


SORT_CHOICES = [
    ("relevans", _("Bäst träff")),
    ("namn", _("Namn A–Ö")),
    ("kontrollerad", _("Senast kontrollerad")),
]
SORTS = {"relevans": "relevance", "namn": "name", "kontrollerad": "checked"}


class DirectoryFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Sök på namn, bransch eller vad du vill göra"),
        method="filter_q",
        max_length=QUERY_MAX_LENGTH,
    )
    erbjudande = django_filters.ChoiceFilter(
        label=_("Erbjudande"),
        choices=OfferingKind.choices,
        empty_label=_("Alla erbjudanden"),
        method="filter_offering",
    )
    bransch = django_filters.ModelChoiceFilter(
        label=_("Bransch"),
        queryset=Industry.objects.order_by("name"),
        to_field_name="slug",
        field_name="industries",
        empty_label=_("Alla branscher"),
    )
    malgrupp = django_filters.ModelChoiceFilter(
        label=_("Målgrupp"),
        queryset=TargetGroup.objects.order_by("name"),
        to_field_name="slug",
        empty_label=_("Alla målgrupper"),
        method="filter_target_group",
    )
    omrade = django_filters.ModelChoiceFilter(
        label=_("Område"),
        queryset=Area.objects.order_by("kind", "name"),
        to_field_name="slug",
        field_name="area",
        empty_label=_("Alla områden"),
    )
    juridisk_form = django_filters.ChoiceFilter(
        label=_("Juridisk form"),
        choices=LegalForm.choices,
        empty_label=_("Alla former"),
        field_name="legal_form",
    )
    lediga_platser = django_filters.BooleanFilter(
        label=_("Bara företag med lediga platser"),
        widget=forms.CheckboxInput,
        method="filter_open_places",
    )
    verifierad = django_filters.BooleanFilter(
        label=_("Bara företag där kommunen har kontrollerat alla fyra kriterierna"),
        widget=forms.CheckboxInput,
        method="filter_verified",
    )
    sortering = django_filters.ChoiceFilter(
        label=_("Sortera efter"),
        choices=SORT_CHOICES,
        empty_label=None,
        method="filter_sort",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.form.fields.values():
            css = {
                forms.CheckboxInput: "form-check-input",
                forms.Select: "form-select",
            }.get(type(field.widget), "form-control")
            field.widget.attrs["class"] = css
        self.form.fields["q"].widget.input_type = "search"
        self.form.fields["q"].widget.attrs.update(autocomplete="off", maxlength=QUERY_MAX_LENGTH)

    def filter_q(self, queryset, name, value):
        return selectors.filter_text(queryset, value) if value.strip() else queryset

    def filter_offering(self, queryset, name, value):
        return selectors.filter_offering_kind(queryset, value)

    def filter_target_group(self, queryset, name, value):
        return selectors.filter_target_group(queryset, value)

    def filter_open_places(self, queryset, name, value):
        return selectors.filter_open_places(queryset) if value else queryset

    def filter_verified(self, queryset, name, value):
        return selectors.filter_verified(queryset) if value else queryset

    def filter_sort(self, queryset, name, value):
        # Ordering is applied once, after all filters, in ``ordered_qs``.
        return queryset

    @property
    def ordered_qs(self):
        queryset = self.qs  # validates the form, so cleaned_data exists after this
        sort = self.form.cleaned_data.get("sortering") if self.is_bound else None
        return selectors.order_directory(queryset, SORTS.get(sort or "relevans", "name"))

    @property
    def problems(self) -> list[tuple[str, str]]:
        """(field label, message) for every parameter that was ignored."""
        self.form.is_valid()
        return [
            (str(self.form.fields[name].label), message)
            for name, messages in self.form.errors.items()
            if name in self.form.fields
            for message in messages
        ]

    @property
    def is_filtered(self) -> bool:
        if not self.is_bound:
            return False
        self.form.is_valid()
        data = self.form.cleaned_data
        return any(value for key, value in data.items() if key != "sortering")
