"""Stub."""

from asfportal.permissions import staff_view


@staff_view("registry.view_socialenterprise")
def report_list(request):
    raise NotImplementedError


@staff_view("registry.view_socialenterprise")
def report_detail(request, pk):
    raise NotImplementedError


@staff_view("registry.view_socialenterprise")
def report_approve(request, pk):
    raise NotImplementedError


@staff_view("registry.view_socialenterprise")
def report_reject(request, pk):
    raise NotImplementedError
