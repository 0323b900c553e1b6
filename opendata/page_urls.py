from django.urls import path

from opendata import page_views

app_name = "opendata_page"

urlpatterns = [
    path("oppna-data/", page_views.open_data, name="page"),
]
