from django.urls import path

from opendata import views

app_name = "opendata"

# Mounted at /api/hsds/ (no language prefix: the data is Swedish).
urlpatterns = [
    path("", views.root, name="root"),
    path("openapi.json", views.openapi_document, name="openapi"),
    path("schema/", views.schema_index, name="schema_index"),
    path("schema/<path:name>", views.schema_file, name="schema_file"),
    path("services", views.service_list, name="services"),
    path("services/<path:id>", views.service_detail, name="service"),
    path("organizations", views.organization_list, name="organizations"),
    path("organizations/<path:id>", views.organization_detail, name="organization"),
    path("service_at_locations", views.service_at_location_list, name="services_at_locations"),
    path(
        "service_at_locations/<path:id>",
        views.service_at_location_detail,
        name="service_at_location",
    ),
    path("taxonomies", views.taxonomy_list, name="taxonomies"),
    path("taxonomies/<path:id>", views.taxonomy_detail, name="taxonomy"),
    path("taxonomy_terms", views.taxonomy_term_list, name="taxonomy_terms"),
    path("taxonomy_terms/<path:id>", views.taxonomy_term_detail, name="taxonomy_term"),
]
