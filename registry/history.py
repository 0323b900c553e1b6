"""A record's history as people read it: who changed what, old value → new value.

Built from django-simple-history's rows in a fixed number of queries, whatever
the length of the history: the historical rows, their industry rows, and one
lookup per kind of related name (areas, industries, users).
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import models
from django.utils.translation import gettext_lazy as _

from asfportal.core.people import display_name
from registry.models import Industry, Language, Offering, Partner, SocialEnterprise

# Bookkeeping that changes with every save and says nothing to a reader.
_HIDDEN = {"id", "version", "created_at", "updated_at", "slug"}
HISTORY_LIMIT = 100


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    record: object
    what: str
    kind: str  # "+" created, "~" changed, "-" deleted
    changes: list[FieldChange] = field(default_factory=list)
    restorable: bool = False

    @property
    def user(self):
        return self.record.history_user

    @property
    def when(self):
        return self.record.history_date

    @property
    def reason(self) -> str:
        return self.record.history_change_reason or ""


def _fields(model) -> list[models.Field]:
    return [f for f in model._meta.concrete_fields if f.editable and f.name not in _HIDDEN]


class _Names:
    """Display values for related ids, looked up in one query per model."""

    def __init__(self):
        self.wanted: dict[type, set] = {}
        self.names: dict[type, dict] = {}

    def want(self, model, pk) -> None:
        if pk is not None:
            self.wanted.setdefault(model, set()).add(pk)

    def load(self) -> None:
        for model, pks in self.wanted.items():
            self.names[model] = {obj.pk: str(obj) for obj in model.objects.filter(pk__in=pks)}
            if model is get_user_model():
                self.names[model] = {
                    user.pk: display_name(user) for user in model.objects.filter(pk__in=pks)
                }

    def name(self, model, pk) -> str:
        if pk is None:
            return ""
        return self.names.get(model, {}).get(pk, _("(borttagen)"))


def _display(model_field, value, names: _Names) -> str:
    if value is None or value == "":
        return "–"
    if model_field.is_relation:
        return names.name(model_field.related_model, value)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return str(_("Ja") if value else _("Nej"))
    return str(value)


def _sentence_case(label: str) -> str:
    """Raise only the first letter, so "LOU-underlag" keeps its capitals."""
    return label[:1].upper() + label[1:]


def _diff(model, old, new, names: _Names) -> list[FieldChange]:
    changes = []
    for model_field in _fields(model):
        if model_field.name == "enterprise":  # an offering's own record: implied
            continue
        before = getattr(old, model_field.attname) if old is not None else None
        after = getattr(new, model_field.attname)
        if before != after and not (old is None and after in (None, "", False)):
            changes.append(
                FieldChange(
                    _sentence_case(str(model_field.verbose_name)),
                    _display(model_field, before, names),
                    _display(model_field, after, names),
                )
            )
    return changes


def _collect(model, records, names: _Names) -> None:
    for model_field in _fields(model):
        if model_field.is_relation:
            for record in records:
                names.want(model_field.related_model, getattr(record, model_field.attname))
    for record in records:
        names.want(get_user_model(), record.history_user_id)


def _entries(model, records, names: _Names, what) -> list[HistoryEntry]:
    """Each record compared with the one before it of the same object."""
    entries, previous = [], {}
    for record in sorted(records, key=lambda r: (r.history_date, r.history_id)):
        old = previous.get(record.id)
        kind = record.history_type
        changes = [] if kind == "-" else _diff(model, old, record, names)
        entries.append(HistoryEntry(record, what(record), kind, changes))
        previous[record.id] = record
    return entries


# The record's many-to-many links shown in its history: (model, the history
# table's field, the link's id attribute, the label).
_LINKS = [
    (Industry, "historicalsocialenterprise_industries", "industry_id", _("Branscher")),
    (Language, "historicalsocialenterprise_languages", "language_id", _("Språk på arbetsplatsen")),
]


def _link_accessor(field: str) -> str:
    return SocialEnterprise.history.model._meta.get_field(field).get_accessor_name()


def _link_changes(records, names: _Names) -> dict[int, list[tuple]]:
    """Industry and language changes per history row, from the prefetched m2m
    history rows: history id → [(model, label, before, now)]."""
    result: dict[int, list[tuple]] = {}
    for model, link, attr, label in _LINKS:
        accessor, previous = _link_accessor(link), {}
        for record in sorted(records, key=lambda r: (r.history_date, r.history_id)):
            now = {getattr(row, attr) for row in getattr(record, accessor).all()}
            before = previous.get(record.id)
            if (before is not None and before != now) or (before is None and now):
                result.setdefault(record.history_id, []).append(
                    (model, str(label), before or set(), now)
                )
                for pk in (before or set()) | now:
                    names.want(model, pk)
            previous[record.id] = now
    return result


def _names_of(names: _Names, model, pks: set) -> str:
    return ", ".join(sorted(names.name(model, pk) for pk in pks)) or "–"


def enterprise_history(enterprise: SocialEnterprise) -> list[HistoryEntry]:
    """The enterprise's own changes and its offerings', newest first: five to
    eight queries for any length of history."""
    records = list(
        enterprise.history.select_related("history_user")
        .prefetch_related(*(_link_accessor(field) for _m, field, _a, _l in _LINKS))
        .order_by("-history_date")[:HISTORY_LIMIT]
    )
    offering_records = list(
        Offering.history.filter(enterprise_id=enterprise.pk)
        .select_related("history_user")
        .order_by("-history_date")[:HISTORY_LIMIT]
    )
    names = _Names()
    _collect(SocialEnterprise, records, names)
    _collect(Offering, offering_records, names)
    links = _link_changes(records, names)
    names.load()
    entries = _entries(SocialEnterprise, records, names, lambda r: str(_("Företaget")))
    for entry in entries[:-1]:  # the newest is the record as it is now
        entry.restorable = entry.kind != "-"
    for entry in entries:
        for model, label, before, now in links.get(entry.record.history_id, []):
            entry.changes.append(
                FieldChange(label, _names_of(names, model, before), _names_of(names, model, now))
            )
    entries += _entries(
        Offering,
        offering_records,
        names,
        lambda r: str(_("Erbjudande: %(kind)s") % {"kind": r.get_kind_display()}),
    )
    entries = [e for e in entries if e.changes or e.kind != "~" or e.reason]
    return sorted(entries, key=lambda e: (e.when, e.record.history_id), reverse=True)


def partner_history(partner: Partner) -> list[HistoryEntry]:
    records = list(
        partner.history.select_related("history_user").order_by("-history_date")[:HISTORY_LIMIT]
    )
    names = _Names()
    _collect(Partner, records, names)
    names.load()
    entries = _entries(Partner, records, names, lambda r: str(_("Partnern")))
    entries = [e for e in entries if e.changes or e.kind != "~"]
    return sorted(entries, key=lambda e: (e.when, e.record.history_id), reverse=True)
