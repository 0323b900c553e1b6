"""Stub."""

from asfportal.permissions import staff_view


@staff_view("registry.view_socialenterprise")
def enterprise_list(request):
    raise NotImplementedError


@staff_view("registry.view_socialenterprise")
def enterprise_create(request):
    raise NotImplementedError


@staff_view("registry.view_socialenterprise")
def enterprise_export(request):
    raise NotImplementedError


@staff_view("registry.view_socialenterprise")
def enterprise_edit(request, pk):
    raise NotImplementedError


@staff_view("registry.view_socialenterprise")
def enterprise_status(request, pk):
    raise NotImplementedError


@staff_view("registry.view_socialenterprise")
def enterprise_checked(request, pk):
    raise NotImplementedError


@staff_view("registry.view_socialenterprise")
def enterprise_verify(request, pk):
    raise NotImplementedError
