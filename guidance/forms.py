from django import forms
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from asfportal.core.languages import site_languages
from asfportal.core.publicforms import PublicFormMixin
from guidance.flows import QuestionNode
from guidance.models import (
    OTHER_LANGUAGE,
    Inquiry,
    InquiryTopic,
    Interpreter,
    Page,
    PreferredTime,
)
from guidance.services import page_needs_revision

TOO_LONG = _("Skriv högst %(limit_value)d tecken. Nu är det %(show_value)d.")


class AnswerForm(forms.Form):
    """One question of an advice flow. The choices come from the flow, so a
    tampered value is an ordinary validation error."""

    def __init__(self, *args, question: QuestionNode, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(c.value, c.label) for c in question.choices]
        if question.is_multiple:
            self.fields["svar"] = forms.MultipleChoiceField(
                choices=choices,
                widget=forms.CheckboxSelectMultiple,
                error_messages={
                    "required": _("Välj minst ett svar."),
                    "invalid_choice": _("Välj bland svaren i listan."),
                },
            )
        else:
            self.fields["svar"] = forms.ChoiceField(
                choices=choices,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Välj ett svar."),
                    "invalid_choice": _("Välj ett av svaren i listan."),
                },
            )
        self.fields["svar"].label = question.text
        self.fields["svar"].help_text = question.help_text

    def values(self) -> list[str]:
        value = self.cleaned_data["svar"]
        return list(value) if isinstance(value, list) else [value]


class ReadingForm(forms.Form):
    """The reading button on the advice-flow pages ("1": easy to read, "0":
    ordinary wording), and the page to go back to."""

    lattlast = forms.ChoiceField(choices=[("1", "1"), ("0", "0")], required=False)
    tillbaka = forms.CharField(required=False, max_length=500)

    def back_url(self, request, fallback: str) -> str:
        """The page the box was on, when it is a page of this site; else ``fallback``."""
        back = self.cleaned_data.get("tillbaka", "")
        safe = back.startswith("/") and url_has_allowed_host_and_scheme(
            back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
        return back if safe else fallback


class InquiryForm(PublicFormMixin, forms.ModelForm):
    """The "Prata med en rådgivare" form (a request to be called or written
    back), with the public forms' token and honeypot. It asks which language
    the person wants to talk in and whether they need an interpreter: an
    authority shall use one when needed (förvaltningslagen 13 §)."""

    autocomplete = {"name": "name", "email": "email", "phone": "tel", "language_other": "off"}

    message = forms.CharField(
        label=_("Meddelande (frivilligt)"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Berätta kort vad du vill ha hjälp med. Skriv inget om din hälsa som "
            "du inte vill att vi ska veta."
        ),
    )
    attach_answers = forms.BooleanField(
        required=False,
        label=_("Ja, skicka med mina svar från vägledningen"),
        help_text=_(
            "Svaren kan säga något om din hälsa eller din ekonomi. De skickas bara med "
            "om du kryssar i rutan. Du kan låta bli och ändå få ett samtal."
        ),
    )

    class Meta:
        model = Inquiry
        fields = [
            "name", "email", "phone", "preferred_time", "topic", "language", "language_other",
            "interpreter", "message",
        ]  # fmt: skip
        labels = {
            "name": _("Ditt namn"),
            "email": _("E-post"),
            "phone": _("Telefon"),
            "preferred_time": _("När passar det bäst att vi hör av oss?"),
            "topic": _("Vad vill du prata om?"),
            "language": _("Vilket språk vill du prata på?"),
            "language_other": _("Vilket annat språk?"),
            "interpreter": _("Behöver du tolk?"),
        }
        help_texts = {
            "email": _("Fyll i e-post, telefon eller båda."),
            "language_other": _("Skriv språket om du valde Ett annat språk."),
            "interpreter": _("Tolken är gratis för dig. Kommunen ordnar och betalar."),
        }
        widgets = {
            "preferred_time": forms.RadioSelect,
            "topic": forms.RadioSelect,
            "language": forms.RadioSelect,
            "interpreter": forms.RadioSelect,
        }

    def __init__(self, *args, answers_available: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].error_messages["required"] = _("Skriv ditt namn.")
        self.fields["topic"].error_messages["required"] = _("Välj vad du vill prata om.")
        self.fields["topic"].choices = InquiryTopic.choices
        self.fields["preferred_time"].choices = PreferredTime.choices
        self.fields["language"] = forms.ChoiceField(
            label=self.fields["language"].label,
            choices=[*site_languages(), (OTHER_LANGUAGE, _("Ett annat språk"))],
            widget=forms.RadioSelect,
            initial=get_language(),
            error_messages={"required": _("Välj vilket språk du vill prata på.")},
        )
        self.fields["interpreter"].required = True
        self.fields["interpreter"].choices = Interpreter.choices
        self.fields["interpreter"].error_messages["required"] = _("Välj om du behöver tolk.")
        self.fields["email"].error_messages["invalid"] = _(
            "Skriv e-postadressen så här: namn@exempel.se."
        )
        for field in self.fields.values():
            field.error_messages["max_length"] = TOO_LONG
        if not answers_available:
            del self.fields["attach_answers"]

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"].strip()
        if phone and not all(ch.isdigit() or ch in " +-()" for ch in phone):
            raise forms.ValidationError(
                _("Skriv telefonnumret med siffror, till exempel 070-123 45 67.")
            )
        if phone and sum(ch.isdigit() for ch in phone) < 5:
            raise forms.ValidationError(_("Telefonnumret är för kort."))
        return phone

    def clean(self):
        cleaned = super().clean()
        no_route = not cleaned.get("email") and not cleaned.get("phone")
        if no_route and not self.has_error("email") and not self.has_error("phone"):
            self.add_error("email", _("Fyll i e-post eller telefon, så att vi kan nå dig."))
        self._clean_other_language(cleaned)
        return cleaned

    def _clean_other_language(self, cleaned: dict) -> None:
        """The other language is kept only when "Ett annat språk" is chosen,
        and then it must be named."""
        other = cleaned.get("language_other", "").strip()
        if cleaned.get("language") != OTHER_LANGUAGE:
            cleaned["language_other"] = ""
        elif not other and not self.has_error("language_other"):
            self.add_error("language_other", _("Skriv vilket språk du vill prata på."))


class PageAdminForm(forms.ModelForm):
    """The editor's page form: publishing new text asks for a one-line summary
    of the change, which the public change history shows."""

    change_summary = forms.CharField(
        label=_("Vad har ändrats?"),
        max_length=200,
        required=False,
        help_text=_(
            "En mening som visas i sidans ändringshistorik, till exempel "
            "”Uppdaterade beloppet för 2026.” Krävs när du publicerar ny text."
        ),
    )

    class Meta:
        model = Page
        fields = [
            "title", "slug", "issuer", "summary", "body", "valid_from", "last_reviewed",
            "status", "menu_order",
        ]  # fmt: skip

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        candidate = self.instance
        for name in ("title", "summary", "body", "status"):
            setattr(candidate, name, cleaned.get(name))
        if page_needs_revision(candidate) and not cleaned.get("change_summary", "").strip():
            self.add_error(
                "change_summary",
                _("Skriv kort vad som har ändrats. Det visas i sidans ändringshistorik."),
            )
        return cleaned
