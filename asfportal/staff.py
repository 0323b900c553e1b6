"""The advisors' dashboard, which composes both apps, and the account views."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from asfportal.core.mail import failed_mail
from asfportal.core.pages import staff_context
from asfportal.core.permissions import staff_view
from guidance.selectors import dashboard_inquiries
from registry.selectors.selfservice import pending_proposals
from registry.staff.selectors import dashboard_records, freshness_figures


class StaffLoginView(auth_views.LoginView):
    redirect_authenticated_user = True
    extra_context = staff_context(heading=_("Logga in"))

    def get_default_redirect_url(self):
        """Advisors land on their dashboard, editors in the admin."""
        user = self.request.user
        if user.has_perms(["registry.view_socialenterprise", "guidance.view_inquiry"]):
            return reverse("staff:dashboard")
        if user.is_staff:
            return reverse("admin:index")
        return reverse("home")


class StaffLogoutView(auth_views.LogoutView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.info(request, _("Du är utloggad."))
        return response


class StaffPasswordChangeView(auth_views.PasswordChangeView):
    extra_context = staff_context(heading=_("Byt lösenord"), section="account")


class StaffPasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    extra_context = staff_context(heading=_("Lösenordet är bytt"), section="account")


@staff_view("registry.view_socialenterprise", "guidance.view_inquiry")
def dashboard(request):
    """New inquiries, the advisor's own, records due for review, reports and
    proposals waiting, how fresh the registry is, mail that could not be sent
    and the latest changes: a fixed number of queries, pinned in the tests."""
    return render(
        request,
        "staff/dashboard.html",
        staff_context(
            heading=_("Översikt"),
            section="dashboard",
            inquiries=dashboard_inquiries(user=request.user),
            records=dashboard_records(),
            fresh_months=settings.FRESH_MONTHS,
            notice_days=settings.REVIEW_NOTICE_DAYS,
            freshness=freshness_figures(),
            proposals=list(pending_proposals()[:5]),
            failed_mail=failed_mail(),
        ),
    )
