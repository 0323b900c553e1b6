"""Stub."""

from asfportal.permissions import staff_view


@staff_view("registry.view_socialenterprise")
def partner_list(request):
    raise NotImplementedError


@staff_view("registry.view_socialenterprise")
def partner_create(request):
    raise NotImplementedError


@staff_view("registry.view_socialenterprise")
def partner_edit(request, pk):
    raise NotImplementedError


@staff_view("registry.view_socialenterprise")
def partner_sessions(request, pk):
    raise NotImplementedError
