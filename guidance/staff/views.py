"""The advisors' inquiry inbox (stub; replaced by the inbox work)."""

from asfportal.permissions import staff_view


@staff_view("guidance.view_inquiry")
def inbox(request):
    raise NotImplementedError


@staff_view("guidance.view_inquiry")
def inquiry_detail(request, pk):
    raise NotImplementedError
