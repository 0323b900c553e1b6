"""/handlaggare/: the dashboard and the staff's own account pages."""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _

from asfportal import staff
from asfportal.core.pages import staff_context
from asfportal.forms import StaffLoginForm, StaffPasswordResetForm

app_name = "staff"


def _done(name: str):
    return reverse_lazy(f"staff:{name}")


urlpatterns = [
    path("", staff.dashboard, name="dashboard"),
    path(
        "konto/logga-in/",
        staff.StaffLoginView.as_view(authentication_form=StaffLoginForm),
        name="login",
    ),
    path("konto/logga-ut/", staff.StaffLogoutView.as_view(), name="logout"),
    path(
        "konto/losenord/",
        staff.StaffPasswordChangeView.as_view(success_url=_done("password_change_done")),
        name="password_change",
    ),
    path(
        "konto/losenord/klart/",
        staff.StaffPasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "konto/aterstall/",
        auth_views.PasswordResetView.as_view(
            form_class=StaffPasswordResetForm,
            success_url=_done("password_reset_done"),
            email_template_name="registration/password_reset_email.txt",
            subject_template_name="registration/password_reset_subject.txt",
            extra_context=staff_context(heading=_("Glömt lösenordet?")),
        ),
        name="password_reset",
    ),
    path(
        "konto/aterstall/skickat/",
        auth_views.PasswordResetDoneView.as_view(
            extra_context=staff_context(heading=_("Titta i din e-post"))
        ),
        name="password_reset_done",
    ),
    path(
        "konto/aterstall/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            success_url=_done("password_reset_complete"),
            extra_context=staff_context(heading=_("Välj ett nytt lösenord")),
        ),
        name="password_reset_confirm",
    ),
    path(
        "konto/aterstall/klart/",
        auth_views.PasswordResetCompleteView.as_view(
            extra_context=staff_context(heading=_("Lösenordet är bytt"))
        ),
        name="password_reset_complete",
    ),
]
