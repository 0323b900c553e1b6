"""The public directory's search form, as a django-filter FilterSet.

Parameter names are Swedish because they show in shareable addresses. Values
that do not validate are left out of the filtering and reported to the person
(see ``DirectoryFilter.problems``); they never raise.
"""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from registry import selectors
from registry.models import LegalForm, OfferingKind, SocialEnterprise

QUERY_MAX_LENGTH = 200


SORT_CHOICES = [
    ("relevans", _("Bäst träff")),
    ("namn", _("Namn A–Ö")),
    ("kontrollerad", _("Senast kontrollerad")),
]
SORTS = {"relevans": "relevance", "namn": "name", "kontrollerad": "checked"}


def _term_choices(terms: list[selectors.Term]) -> list[tuple[str, str]]:
    return [(term.slug, term.name) for term in terms]


class DirectoryFilter(django_filters.FilterSet):
    """Taxonomy options come from ``selectors.taxonomies()`` (cached), so
    validating a slug costs no query; ``show_counts`` adds facet counts to
    the labels once the view has them."""

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
    bransch = django_filters.ChoiceFilter(
        label=_("Bransch"), empty_label=_("Alla branscher"), method="filter_industry"
    )
    malgrupp = django_filters.ChoiceFilter(
        label=_("Målgrupp"), empty_label=_("Alla målgrupper"), method="filter_target_group"
    )
    omrade = django_filters.ChoiceFilter(
        label=_("Område"), empty_label=_("Alla områden"), method="filter_area"
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
        self.terms = selectors.taxonomies()
        self._ids = {
            "bransch": {t.slug: t.pk for t in self.terms.industries},
            "malgrupp": {t.slug: t.pk for t in self.terms.target_groups},
            "omrade": {t.slug: t.pk for t in self.terms.areas},
        }
        super().__init__(*args, **kwargs)
        self.filters["bransch"].extra["choices"] = _term_choices(self.terms.industries)
        self.filters["malgrupp"].extra["choices"] = _term_choices(self.terms.target_groups)
        self.filters["omrade"].extra["choices"] = _term_choices(self.terms.areas)
        for field in self.form.fields.values():
            css = {
                forms.CheckboxInput: "form-check-input",
                forms.Select: "form-select",
            }.get(type(field.widget), "form-control")
            field.widget.attrs["class"] = css
        self.form.fields["q"].widget.input_type = "search"
        # htmx swaps the whole directory as one types; the search box itself is kept
        # (hx-preserve), so nothing typed during a request is lost.
        self.form.fields["q"].widget.attrs.update(
            autocomplete="off", maxlength=QUERY_MAX_LENGTH, **{"hx-preserve": "true"}
        )

    def filter_q(self, queryset, name, value):
        return selectors.filter_text(queryset, value) if value.strip() else queryset

    def filter_offering(self, queryset, name, value):
        return selectors.filter_offering_kind(queryset, value)

    def filter_industry(self, queryset, name, value):
        return selectors.filter_industry(queryset, self._ids[name][value])

    def filter_target_group(self, queryset, name, value):
        return selectors.filter_target_group(queryset, self._ids[name][value])

    def filter_area(self, queryset, name, value):
        return queryset.filter(area_id=self._ids[name][value])

    def filter_open_places(self, queryset, name, value):
        return selectors.filter_open_places(queryset) if value else queryset

    def filter_verified(self, queryset, name, value):
        return selectors.filter_verified(queryset) if value else queryset

    def filter_sort(self, queryset, name, value):
        # Ordering is applied once, after all filters, by the view's pagination.
        return queryset

    @property
    def sort(self) -> str:
        """The sort order's internal name: relevance, name or checked."""
        self.form.is_valid()
        data = self.form.cleaned_data if self.is_bound else {}
        return SORTS[data.get("sortering") or "relevans"]

    @property
    def ordered_qs(self):
        return selectors.order_directory(self.qs, self.sort)

    def _apply(self, queryset, skip: str | None = None):
        """``queryset`` filtered by every valid parameter except ``skip``."""
        if not self.is_bound:
            return queryset
        self.form.is_valid()
        for name, value in self.form.cleaned_data.items():
            if name != skip:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def count_results(self) -> tuple[int, selectors.FacetCounts]:
        """The number of results and every option's facet count (one query)."""
        plain = SocialEnterprise.objects.published()
        bases = {facet: self._apply(plain, skip=facet) for facet in selectors.FACETS}
        return selectors.directory_counts(self._apply(plain), bases)

    def show_counts(self, counts: selectors.FacetCounts) -> None:
        """Put each option's count in its label: "Café (12)"."""
        ids = {
            name: {slug: str(pk) for slug, pk in by_slug.items()}
            for name, by_slug in self._ids.items()
        }
        for name in ("erbjudande", "bransch", "malgrupp", "omrade", "juridisk_form"):
            field = self.form.fields[name]
            keys = ids.get(name, {})
            field.choices = [
                (
                    value,
                    label
                    if value == ""
                    else f"{label} ({counts[name].get(keys.get(value, value), 0)})",
                )
                for value, label in field.choices
            ]
        for name in ("lediga_platser", "verifierad"):
            field = self.form.fields[name]
            field.label = f"{field.label} ({counts[name].get('1', 0)})"
            self.form[name].label = field.label  # the bound field copied it earlier

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
