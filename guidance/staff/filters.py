"""The inbox's filter form (GET). Parameter names and values are Swedish
because they show in shareable addresses. A value that does not validate is
left out of the filtering and reported on the page (``problems``); it never
raises."""

from django import forms
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from asfportal.core.people import display_name
from asfportal.core.queryforms import QueryFormMixin
from guidance.models import Inquiry, InquiryStatus, InquiryTopic
from guidance.selectors import OPEN_STATUSES

DEFAULT_STATUS = "oppna"
STATUS_CHOICES = [
    (DEFAULT_STATUS, _("Öppna")),
    ("ny", InquiryStatus.NEW.label),
    ("pagar", InquiryStatus.IN_PROGRESS.label),
    ("avslutad", InquiryStatus.CLOSED.label),
    ("alla", _("Alla")),
]
STATUSES = {
    DEFAULT_STATUS: OPEN_STATUSES,
    "ny": (InquiryStatus.NEW,),
    "pagar": (InquiryStatus.IN_PROGRESS,),
    "avslutad": (InquiryStatus.CLOSED,),
    "alla": None,
}
ME, NOBODY = "mig", "ingen"


class InboxFilterForm(QueryFormMixin, forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=STATUS_CHOICES,
        required=False,
        error_messages={
            "invalid_choice": _("Den statusen finns inte. Du ser öppna ärenden i stället.")
        },
    )
    amne = forms.ChoiceField(
        label=_("Ämne"),
        choices=[("", _("Alla ämnen")), *InquiryTopic.choices],
        required=False,
        error_messages={"invalid_choice": _("Det ämnet finns inte. Du ser ärenden om alla ämnen.")},
    )
    handlaggare = forms.ChoiceField(
        label=_("Handläggare"),
        required=False,
        error_messages={
            "invalid_choice": _("Den personen finns inte bland rådgivarna. Du ser allas ärenden.")
        },
    )

    def __init__(self, data, *, user: AbstractBaseUser, advisors, **kwargs):
        data = data.copy()
        data.setdefault("status", DEFAULT_STATUS)
        super().__init__(data, **kwargs)
        self.user = user
        self.fields["handlaggare"].choices = [
            ("", _("Alla")),
            (ME, _("Mig")),
            (NOBODY, _("Ingen")),
            *[(str(advisor.pk), display_name(advisor)) for advisor in advisors],
        ]
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select"

    def filter(self, queryset: QuerySet[Inquiry]) -> QuerySet[Inquiry]:
        """``queryset`` narrowed by every value that validated; the default
        status (open inquiries) when the status did not."""
        self.is_valid()
        data = self.cleaned_data
        statuses = STATUSES[data.get("status") or DEFAULT_STATUS]
        if statuses is not None:
            queryset = queryset.filter(status__in=statuses)
        if data.get("amne"):
            queryset = queryset.filter(topic=data["amne"])
        assignee = data.get("handlaggare")
        if assignee == ME:
            queryset = queryset.filter(assigned_to=self.user.pk)
        elif assignee == NOBODY:
            queryset = queryset.filter(assigned_to__isnull=True)
        elif assignee:
            queryset = queryset.filter(assigned_to=int(assignee))
        return queryset

    @property
    def is_filtered(self) -> bool:
        self.is_valid()
        data = self.cleaned_data
        return (data.get("status") or DEFAULT_STATUS) != DEFAULT_STATUS or any(
            data.get(name) for name in ("amne", "handlaggare")
        )
