"""The site's URLs plus one view that fails for real, for the 500 page's test."""

from django.urls import path

from asfportal.urls import urlpatterns as site_urlpatterns


def broken(request):
    raise RuntimeError("a view that fails, as a bug would")


urlpatterns = [path("trasig/", broken), *site_urlpatterns]
