"""Stub."""

from asfportal.permissions import staff_view


@staff_view("registry.view_socialenterprise")
def enterprise_history(request, pk):
    raise NotImplementedError


@staff_view("registry.view_socialenterprise")
def enterprise_restore(request, pk, history_id):
    raise NotImplementedError


@staff_view("registry.view_socialenterprise")
def partner_history(request, pk):
    raise NotImplementedError
