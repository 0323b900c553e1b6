from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from registry import services
from registry.forms import EnterpriseForm, OfferingForm
from registry.models import (
    Area,
    CriterionVerification,
    EnterpriseReport,
    Industry,
    Offering,
    Partner,
    PartnerTopic,
    Place,
    Session,
    SocialEnterprise,
    TargetGroup,
)


class TaxonomyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Industry)
class IndustryAdmin(TaxonomyAdmin):
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # Industry names are part of each enterprise's search document.
        for enterprise in obj.enterprises.all():
            services.enterprise_refresh_search_document(enterprise=enterprise)


@admin.register(TargetGroup)
class TargetGroupAdmin(TaxonomyAdmin):
    pass


@admin.register(Area)
class AreaAdmin(TaxonomyAdmin):
    list_display = ["name", "kind", "slug"]
    list_filter = ["kind"]


class OfferingInline(admin.StackedInline):
    model = Offering
    form = OfferingForm
    extra = 0
    filter_horizontal = ["target_groups"]


class CriterionVerificationInline(admin.TabularInline):
    model = CriterionVerification
    extra = 0
    fields = ["criterion", "verified", "verified_by", "verified_at"]
    raw_id_fields = ["verified_by"]


class EnterpriseReportInline(admin.StackedInline):
    """A citizen's report, shown on the draft it created."""

    model = EnterpriseReport
    extra = 0
    can_delete = False
    fields = ["created_at", "reason", "reporter_name", "reporter_email", "reviewed_at"]
    readonly_fields = ["created_at", "reason", "reporter_name", "reporter_email"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(SocialEnterprise)
class SocialEnterpriseAdmin(SimpleHistoryAdmin):
    form = EnterpriseForm
    list_display = ["name", "org_number_display", "legal_form", "area", "status", "last_checked"]
    list_filter = ["status", "legal_form", "area", "industries", "is_example", "report__created_at"]
    search_fields = ["name", "org_number", "short_description"]
    date_hierarchy = "last_checked"
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["industries"]
    inlines = [OfferingInline, CriterionVerificationInline, EnterpriseReportInline]
    readonly_fields = ["created_at", "updated_at"]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.enterprise_refresh_search_document(enterprise=form.instance)


class PartnerTopicInline(admin.TabularInline):
    model = PartnerTopic
    extra = 0


class PlaceInline(admin.StackedInline):
    model = Place
    extra = 0
    show_change_link = True


@admin.register(Partner)
class PartnerAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "website"]
    list_filter = ["kind", "topics__topic"]
    search_fields = ["name", "summary", "description"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PartnerTopicInline, PlaceInline]


class SessionInline(admin.TabularInline):
    model = Session
    extra = 0


@admin.register(Place)
class PlaceAdmin(SimpleHistoryAdmin):
    list_display = ["name", "partner", "city"]
    list_filter = ["partner"]
    search_fields = ["name", "street_address", "city"]
    inlines = [SessionInline]


@admin.register(Session)
class SessionAdmin(SimpleHistoryAdmin):
    list_display = ["title", "place", "starts_at", "ends_at"]
    list_filter = ["place__partner"]
    search_fields = ["title", "place__name"]
    date_hierarchy = "starts_at"
