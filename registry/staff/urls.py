from django.urls import path

from registry.staff import alerts, enterprises, history, imports, partners, reports, selfservice

app_name = "registry_staff"

urlpatterns = [
    path("foretag/", enterprises.enterprise_list, name="enterprise_list"),
    path("foretag/nytt/", enterprises.enterprise_create, name="enterprise_create"),
    path("foretag/export.csv", enterprises.enterprise_export, name="enterprise_export"),
    path("foretag/import/", imports.import_upload, name="import_upload"),
    path("foretag/import/<int:pk>/", imports.import_report, name="import_report"),
    path("foretag/<int:pk>/", enterprises.enterprise_edit, name="enterprise_edit"),
    path("foretag/<int:pk>/status/", enterprises.enterprise_status, name="enterprise_status"),
    path(
        "foretag/<int:pk>/kontrollerad/", enterprises.enterprise_checked, name="enterprise_checked"
    ),
    path(
        "foretag/<int:pk>/skicka-lank/",
        selfservice.enterprise_send_link,
        name="enterprise_send_link",
    ),
    path(
        "foretag/<int:pk>/sparra-lankar/",
        selfservice.enterprise_revoke_links,
        name="enterprise_revoke_links",
    ),
    path("forslag/", selfservice.proposal_list, name="proposal_list"),
    path("forslag/<int:pk>/", selfservice.proposal_detail, name="proposal_detail"),
    path("forslag/<int:pk>/beslut/", selfservice.proposal_decide, name="proposal_decide"),
    path("foretag/<int:pk>/kriterier/", enterprises.enterprise_verify, name="enterprise_verify"),
    path("foretag/<int:pk>/historik/", history.enterprise_history, name="enterprise_history"),
    path(
        "foretag/<int:pk>/historik/<int:history_id>/aterstall/",
        history.enterprise_restore,
        name="enterprise_restore",
    ),
    path("partner/", partners.partner_list, name="partner_list"),
    path("partner/ny/", partners.partner_create, name="partner_create"),
    path("partner/<int:pk>/", partners.partner_edit, name="partner_edit"),
    path("partner/<int:pk>/tillfallen/", partners.partner_sessions, name="partner_sessions"),
    path("partner/<int:pk>/historik/", history.partner_history, name="partner_history"),
    path("bevakningar/", alerts.alert_lookup, name="alert_lookup"),
    path("bevakningar/export/", alerts.alert_export, name="alert_export"),
    path("bevakningar/radera/", alerts.alert_erase, name="alert_erase"),
    path("anmalningar/", reports.report_list, name="report_list"),
    path("anmalningar/<int:pk>/", reports.report_detail, name="report_detail"),
    path("anmalningar/<int:pk>/godkann/", reports.report_approve, name="report_approve"),
    path("anmalningar/<int:pk>/avsla/", reports.report_reject, name="report_reject"),
]
