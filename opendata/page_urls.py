from django.urls import path, re_path

from opendata import page_views

app_name = "opendata_page"

urlpatterns = [
    path("oppna-data/", page_views.open_data, name="page"),
    path("oppna-data/asf-portalen-hsds.json", page_views.download, name="download"),
    re_path(
        r"^oppna-data/katalog\.(?P<extension>rdf|ttl|jsonld)$",
        page_views.catalogue,
        name="catalogue",
    ),
]
