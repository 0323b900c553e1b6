"""The advisors' dashboard, which composes both apps, and the account views."""

from django.contrib.auth import views as auth_views
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from asfportal.permissions import staff_view


class StaffLoginView(auth_views.LoginView):
    redirect_authenticated_user = True
    extra_context = {"heading": _("Logga in")}

    def get_default_redirect_url(self):
        """Advisors land on their dashboard, editors in the admin."""
        user = self.request.user
        if user.has_perm("registry.view_socialenterprise") or user.has_perm(
            "guidance.view_inquiry"
        ):
            return reverse("staff:dashboard")
        if user.is_staff:
            return reverse("admin:index")
        return reverse("home")


class StaffPasswordChangeView(auth_views.PasswordChangeView):
    extra_context = {"heading": _("Byt lösenord"), "staff_section": "account"}


class StaffPasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    extra_context = {"heading": _("Lösenordet är bytt"), "staff_section": "account"}


@staff_view("registry.view_socialenterprise", "guidance.view_inquiry")
def dashboard(request):
    return render(request, "staff/dashboard.html", {"heading": _("Översikt")})
