"""The registry in /admin/, for editors (taxonomies) and superusers.

Every save goes through the same services as the back office: enterprises and
partners with their version check (a save over someone else's newer one is
refused with the back office's message), search text and a history reason;
taxonomies through ``taxonomy_save``, so a renamed industry rebuilds its
enterprises' search text. What has its own page and permission in
/handlaggare/ (publication, the check stamp, the criteria and their evidence,
sessions) is read-only here.
"""

from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from registry.models import (
    Area,
    CriterionVerification,
    EnterpriseReport,
    Industry,
    Offering,
    Partner,
    Place,
    Session,
    SocialEnterprise,
    TargetGroup,
)
from registry.services.common import RecordChanged
from registry.services.enterprises import enterprise_create_with_offerings, enterprise_update
from registry.services.partners import partner_delete, partner_save
from registry.services.taxonomies import taxonomy_delete, taxonomy_save
from registry.staff import forms as staff_forms


def _admin_reason(change: bool) -> str:
    with translation.override("sv"):  # history is written in the source language
        return _("Ändrad i administrationen") if change else _("Skapad i administrationen")


class TaxonomyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def save_model(self, request, obj, form, change):
        obj._history_user = request.user
        taxonomy_save(term=obj)

    def delete_model(self, request, obj):
        taxonomy_delete(term=obj)

    def delete_queryset(self, request, queryset):
        for term in queryset:
            taxonomy_delete(term=term)


@admin.register(Industry)
class IndustryAdmin(TaxonomyAdmin):
    pass


@admin.register(TargetGroup)
class TargetGroupAdmin(TaxonomyAdmin):
    pass


@admin.register(Area)
class AreaAdmin(TaxonomyAdmin):
    list_display = ["name", "kind", "slug"]
    list_filter = ["kind"]


class ReadOnlyInline(admin.TabularInline):
    """Shown for reference; changed on its own page in /handlaggare/."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class ServiceSavedAdmin(admin.ModelAdmin):
    """An admin page whose form and inlines are saved by one service call.

    The form is a ``VersionedForm``: a version older than the record's is a
    form error (what was typed is kept); a save that slips in between the
    check and the service's row lock raises ``RecordChanged``, which is shown
    as the same message on the page opened again.
    """

    back_office_url = ""  # URL name of the record's page in /handlaggare/

    def get_form(self, request, obj=None, change=False, **kwargs):
        # The form's own Meta.fields and its declared fields ("version" is not
        # an editable model field, so the admin may not name it itself).
        kwargs["fields"] = None
        return super().get_form(request, obj, change, **kwargs)

    def save_model(self, request, obj, form, change):
        """Nothing yet: the service saves the record with its inlines in
        ``save_related``, in the admin's transaction."""

    def save_related(self, request, form, formsets, change):
        saved = self.save_with_service(form, formsets, change)
        form.instance.pk = saved.pk
        form.instance.version = saved.version

    def save_with_service(self, form, formsets, change):
        raise NotImplementedError

    def construct_change_message(self, request, form, formsets, add=False):
        # The inlines were saved by the service, not by their formsets.
        return super().construct_change_message(request, form, [], add)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except RecordChanged as changed:
            self.message_user(request, self.changed_message(changed.current), messages.ERROR)
            return HttpResponseRedirect(request.path)

    def changed_message(self, current) -> str:
        return staff_forms.record_changed_message(current)

    @admin.display(description=gettext_lazy("I handläggarvyn"))
    def back_office_link(self, obj) -> str:
        if not obj.pk:
            return "–"
        url = reverse(self.back_office_url, args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("Öppna posten i handläggarvyn"))


def _inline_changes(formsets, model) -> list:
    return [
        change
        for formset in formsets
        if formset.model is model
        for change in staff_forms.row_changes(formset)
    ]


class OfferingInline(admin.StackedInline):
    model = Offering
    form = staff_forms.OfferingForm
    formset = staff_forms.BaseOfferingFormSet
    extra = 0


class CriterionVerificationInline(ReadOnlyInline):
    model = CriterionVerification
    fields = ["criterion", "verified", "verified_by", "verified_at"]
    readonly_fields = fields


class EnterpriseReportInline(ReadOnlyInline):
    """A citizen's report, shown on the draft it created."""

    model = EnterpriseReport
    fields = ["created_at", "reason", "reporter_name", "reporter_email", "reviewed_at"]
    readonly_fields = fields


@admin.register(SocialEnterprise)
class SocialEnterpriseAdmin(ServiceSavedAdmin):
    form = staff_forms.EnterpriseForm
    back_office_url = "registry_staff:enterprise_edit"
    list_display = ["name", "org_number_display", "legal_form", "area", "status", "last_checked"]
    list_filter = ["status", "legal_form", "area", "industries", "is_example", "report__created_at"]
    search_fields = ["name", "org_number", "short_description"]
    date_hierarchy = "last_checked"
    inlines = [OfferingInline, CriterionVerificationInline, EnterpriseReportInline]
    # Each of these has its own page and permission in /handlaggare/.
    readonly_fields = [
        "back_office_link", "slug", "status", "last_checked", "last_checked_by",
        "skoopi_certified_on", "skoopi_valid_until", "lou_share_percent", "lou_checked_on",
        "created_at", "updated_at",
    ]  # fmt: skip

    def has_delete_permission(self, request, obj=None) -> bool:
        """Records are archived in /handlaggare/, so their history stays."""
        return False

    def save_with_service(self, form, formsets, change):
        offerings = _inline_changes(formsets, Offering)
        industries = form.cleaned_data["industries"]
        languages = form.cleaned_data["languages"]
        if not change:
            return enterprise_create_with_offerings(
                fields=form.fields_to_save(),
                industries=industries,
                languages=languages,
                offerings=offerings,
                reason=_admin_reason(change),
            )
        return enterprise_update(
            enterprise=form.instance,
            expected_version=form.cleaned_data["version"],
            fields=form.fields_to_save(),
            industries=industries,
            languages=languages,
            offerings=offerings,
            reason=_admin_reason(change),
        )


class PlaceInline(admin.StackedInline):
    model = Place
    form = staff_forms.PlaceForm
    extra = 0


@admin.register(Partner)
class PartnerAdmin(ServiceSavedAdmin):
    form = staff_forms.PartnerForm
    back_office_url = "registry_staff:partner_edit"
    list_display = ["name", "kind", "website"]
    list_filter = ["kind", "topics__topic"]
    search_fields = ["name", "summary", "description"]
    readonly_fields = ["back_office_link", "slug"]
    inlines = [PlaceInline]

    def delete_model(self, request, obj):
        partner_delete(partner=obj)

    def delete_queryset(self, request, queryset):
        for partner in queryset:
            partner_delete(partner=partner)

    def save_with_service(self, form, formsets, change):
        return partner_save(
            partner=form.instance if change else None,
            expected_version=form.cleaned_data["version"] if change else None,
            fields=form.fields_to_save(),
            topics=form.cleaned_data["topics"],
            places=_inline_changes(formsets, Place),
            reason=_admin_reason(change),
        )

    def changed_message(self, current) -> str:
        return str(staff_forms.PARTNER_CHANGED)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Listed for reference; edited with their partner in /handlaggare/."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Place)
class PlaceAdmin(ReadOnlyAdmin):
    list_display = ["name", "partner", "city"]
    list_filter = ["partner"]
    search_fields = ["name", "street_address", "city"]


@admin.register(Session)
class SessionAdmin(ReadOnlyAdmin):
    list_display = ["title", "place", "starts_at", "ends_at"]
    list_filter = ["place__partner"]
    search_fields = ["title", "place__name"]
    date_hierarchy = "starts_at"
