"""CSV import views (stub; replaced by the import work)."""

from asfportal.permissions import staff_view


@staff_view("registry.import_socialenterprise")
def import_upload(request):
    raise NotImplementedError


@staff_view("registry.import_socialenterprise")
def import_report(request, pk):
    raise NotImplementedError
