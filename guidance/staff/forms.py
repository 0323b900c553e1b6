"""The forms on an inquiry's page: assign, add a note, change the status.
Every bad value is an ordinary validation error in Swedish."""

from django import forms
from django.contrib.auth.models import AbstractBaseUser
from django.utils.translation import gettext_lazy as _

from asfportal.core.people import display_name
from guidance.models import InquiryStatus
from guidance.services import NOTE_MAX_LENGTH

NOBODY = "ingen"


class AssignForm(forms.Form):
    """Who handles the inquiry: one of the active advisors, or nobody."""

    handlaggare = forms.ChoiceField(
        label=_("Handläggare"),
        error_messages={
            "required": _("Välj en handläggare eller Ingen handläggare."),
            "invalid_choice": _("Välj en rådgivare i listan. Ärenden kan bara ges till rådgivare."),
        },
    )

    def __init__(self, *args, advisors, **kwargs):
        super().__init__(*args, **kwargs)
        self.advisors = {str(advisor.pk): advisor for advisor in advisors}
        self.fields["handlaggare"].choices = [
            (NOBODY, _("Ingen handläggare")),
            *[(pk, display_name(advisor)) for pk, advisor in self.advisors.items()],
        ]

    @property
    def assignee(self) -> AbstractBaseUser | None:
        return self.advisors.get(self.cleaned_data["handlaggare"])


class NoteTextField(forms.CharField):
    """Browsers count a line break as one character and send two (CR LF); count
    it as one here too, so a note that fitted the text box is never refused."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n") if value else value


class NoteForm(forms.Form):
    text = NoteTextField(
        label=_("Ny anteckning"),
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Skriv bara det som behövs för att hjälpa personen. Anteckningen raderas "
            "tillsammans med ärendet."
        ),
        error_messages={
            "required": _("Skriv en anteckning."),
            "max_length": _("Skriv högst %(limit_value)d tecken. Nu är det %(show_value)d."),
        },
    )


class StatusForm(forms.Form):
    """The new status, and the status the advisor saw when the page was made
    (``sett``), so a change made by someone else meanwhile is not overwritten."""

    status = forms.ChoiceField(
        label=_("Status"),
        choices=InquiryStatus.choices,
        error_messages={
            "required": _("Välj en status."),
            "invalid_choice": _("Välj en status i listan."),
        },
    )
    sett = forms.ChoiceField(choices=InquiryStatus.choices, widget=forms.HiddenInput, required=True)

    def clean(self):
        if "sett" in self.errors:
            # A hidden field: the person cannot fix it, so say what to do instead.
            del self.errors["sett"]
            self.add_error(None, _("Sidan var inte komplett. Ladda om sidan och försök igen."))
        return super().clean()
