from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from asfportal import views
from asfportal.sitemaps import SITEMAPS

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("admin/", admin.site.urls),
    path("api/hsds/", include("opendata.urls")),
]

# Swedish at the root, English under /en/ with the same paths.
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("tillganglighet/", views.accessibility, name="accessibility"),
    path("integritet/", views.privacy, name="privacy"),
    path("lattlast/", views.easy_read, name="easy_read"),
    path("lattlast/<slug:slug>/", views.easy_read, name="easy_read_page"),
    path("handlaggare/", include("asfportal.staff_urls")),
    path("handlaggare/", include("registry.staff.urls")),
    path("handlaggare/arenden/", include("guidance.staff.urls")),
    path("", include("registry.urls")),
    path("", include("registry.selfservice.urls")),
    path("", include("registry.alerts.urls")),
    path("", include("guidance.urls")),
    path("", include("opendata.page_urls")),
    prefix_default_language=False,
)
handler400 = "asfportal.outage.bad_request"
handler500 = "asfportal.outage.server_error"
