"""Forms of the staff's own account pages."""

from crispy_forms.helper import FormHelper
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm

from asfportal.core.mail import queue_templated_mail


class StaffLoginForm(AuthenticationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs["autocomplete"] = "username"
        self.fields["password"].widget.attrs["autocomplete"] = "current-password"
        self.helper = FormHelper()
        self.helper.form_tag = False


class StaffPasswordResetForm(PasswordResetForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email,
                  html_email_template_name=None):  # fmt: skip
        """Queued like every mail the site sends (asfportal.core.mail)."""
        queue_templated_mail(
            subject_template=subject_template_name,
            body_template=email_template_name,
            context=context,
            to=to_email,
            what=f"password reset for user {context['user'].pk}",
        )
