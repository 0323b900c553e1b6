from django.urls import path

from registry import views

app_name = "registry"

urlpatterns = [
    path("foretag/", views.enterprise_list, name="enterprise_list"),
    path("foretag/csv/", views.enterprise_csv, name="enterprise_csv"),
    path("foretag/<slug:slug>/", views.enterprise_detail, name="enterprise_detail"),
    path("anmal-foretag/", views.enterprise_report, name="enterprise_report"),
    path("anmal-foretag/tack/", views.enterprise_report_thanks, name="enterprise_report_thanks"),
    path("partner/", views.partner_list, name="partner_list"),
    path("partner/kalender.ics", views.partners_calendar, name="partners_calendar"),
    path("partner/<slug:slug>/", views.partner_detail, name="partner_detail"),
    path("partner/<slug:slug>/kalender.ics", views.partner_calendar, name="partner_calendar"),
    path(
        "partner/<slug:slug>/kalender/<uuid:session>.ics",
        views.session_calendar,
        name="session_calendar",
    ),
]
