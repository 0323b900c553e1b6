"""Editors' admin: policy pages with preview and revisions, advice flows whose
structure is checked before a published flow is saved, inquiries (read only
until the advisors' inbox arrives)."""

import copy

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, render
from django.urls import path
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from simple_history.admin import SimpleHistoryAdmin

from guidance import selectors, services
from guidance.flows import ChoiceNode, FlowGraph, QuestionNode, graph_problems
from guidance.forms import PageAdminForm
from guidance.models import (
    AdviceFlow,
    Choice,
    Inquiry,
    Page,
    PageRevision,
    Question,
    Recommendation,
)
from guidance.text import render_markdown
from guidance.views.policy import policy_crumbs


class PageRevisionInline(admin.TabularInline):
    model = PageRevision
    fields = ["number", "published_at", "published_by", "change_summary"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Page)
class PageAdmin(SimpleHistoryAdmin):
    form = PageAdminForm
    change_form_template = "admin/guidance/page/change_form.html"
    list_display = ["title", "issuer", "status", "valid_from", "last_reviewed", "menu_order"]
    list_filter = ["status", "issuer"]
    search_fields = ["title", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [PageRevisionInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "issuer", "summary", "body"]}),
        (_("Giltighet"), {"fields": ["valid_from", "last_reviewed"]}),
        (_("Publicering"), {"fields": ["status", "menu_order", "change_summary"]}),
    ]

    def save_model(self, request, obj, form, change):
        services.page_save(
            page=obj, change_summary=form.cleaned_data.get("change_summary", ""), user=request.user
        )

    def get_urls(self):
        preview = self.admin_site.admin_view(self.preview_view)
        return [
            path("preview/", preview, name="guidance_page_preview"),
            path("<int:object_id>/preview/", preview, name="guidance_page_preview_existing"),
            *super().get_urls(),
        ]

    def preview_view(self, request, object_id=None):
        """Render the page as the public would see it, from the unsaved form data.
        Posted by the change form's "Förhandsgranska" button; nothing is saved."""
        return require_POST(self._preview)(request, object_id)

    def _preview(self, request, object_id):
        page = get_object_or_404(Page, pk=object_id) if object_id else Page()
        allowed = (
            self.has_change_permission(request, page)
            if object_id
            else self.has_add_permission(request)
        )
        if not allowed:
            raise PermissionDenied
        form = PageAdminForm(request.POST, instance=copy.copy(page))
        form.is_valid()
        errors = {k: v for k, v in form.errors.items() if k != "change_summary"}
        candidate = form.instance
        context = {
            "page": candidate,
            "crumbs": policy_crumbs(),
            "body_html": render_markdown(candidate.body or ""),
            "revisions": page.revisions.all() if page.pk else [],
            "preview": True,
            "preview_errors": errors,
        }
        return render(request, "guidance/policy_detail.html", context)


# Advice flows --------------------------------------------------------------


def _stored_graph_parts(flow: AdviceFlow) -> tuple[dict, dict]:
    """The flow's questions (id → order, kind, text) and choices as saved."""
    questions, choices = {}, {}
    if flow.pk:
        for q in flow.questions.prefetch_related("choices"):
            questions[q.pk] = {"order": q.order, "kind": q.kind, "text": q.text}
            choices[q.pk] = [
                ChoiceNode(c.value, c.label, c.next_question_id) for c in q.choices.all()
            ]
    return questions, choices


def _sort_key(questions: dict, key) -> tuple:
    """The live site's order (order, then pk); questions not yet saved come last."""
    is_new = not isinstance(key, int)
    return (questions[key]["order"], is_new, 0 if is_new else key, str(key))


def _graph_from_parts(questions: dict, choices: dict) -> FlowGraph:
    ordered = sorted(questions, key=lambda k: _sort_key(questions, k))
    nodes = {
        key: QuestionNode(
            key, questions[key]["text"], questions[key]["kind"], tuple(choices.get(key, ()))
        )
        for key in ordered
    }
    return FlowGraph(first_id=ordered[0] if ordered else None, questions=nodes)


def _refuse_if_published(flow: AdviceFlow, graph: FlowGraph) -> None:
    if flow.is_published and (problems := graph_problems(graph)):
        intro = _("Ett publicerat flöde måste gå att svara på hela vägen. Ändringen sparades inte:")
        raise ValidationError([intro, *problems])


class QuestionFormSet(forms.BaseInlineFormSet):
    """Checks the flow as it would be after this save: order, kind, deletions."""

    def clean(self):
        super().clean()
        questions, choices = _stored_graph_parts(self.instance)
        if any(form.errors for form in self.forms):
            return  # the fields' own errors come first
        for index, form in enumerate(self.forms):
            if not form.cleaned_data:
                continue
            key = form.instance.pk or f"new-{index}"
            if form.cleaned_data.get("DELETE"):
                questions.pop(key, None)
                continue
            questions[key] = {
                "order": form.cleaned_data["order"],
                "kind": form.cleaned_data["kind"],
                "text": form.cleaned_data["text"],
            }
        _refuse_if_published(self.instance, _graph_from_parts(questions, choices))


class ChoiceFormSet(forms.BaseInlineFormSet):
    """Checks the flow as it would be with this question's new choices."""

    def clean(self):
        super().clean()
        question = self.instance
        if question.flow_id is None or any(form.errors for form in self.forms):
            return  # the fields' own errors come first
        questions, choices = _stored_graph_parts(question.flow)
        key = question.pk or "new"
        questions[key] = {"order": question.order, "kind": question.kind, "text": question.text}
        choices[key] = [
            ChoiceNode(
                form.cleaned_data["value"],
                form.cleaned_data["label"],
                getattr(form.cleaned_data.get("next_question"), "pk", None),
            )
            for form in self.forms
            if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE")
        ]
        _refuse_if_published(question.flow, _graph_from_parts(questions, choices))


class QuestionInline(admin.TabularInline):
    model = Question
    formset = QuestionFormSet
    fields = ["order", "text", "easy_text", "kind"]
    extra = 0
    show_change_link = True


class AdviceFlowForm(forms.ModelForm):
    class Meta:
        model = AdviceFlow
        fields = [
            "title", "slug", "intro", "easy_intro", "result_intro", "easy_result_intro",
            "enterprises", "is_published",
        ]  # fmt: skip

    def clean(self):
        cleaned = super().clean()
        # Publishing is checked against the saved questions; the question inline
        # checks the same flow again with its own changes applied.
        if cleaned.get("is_published") and self.instance.pk:
            problems = graph_problems(selectors.load_flow(self.instance.slug).graph)
            if problems:
                raise ValidationError(
                    [_("Flödet kan inte publiceras förrän det här är åtgärdat:"), *problems]
                )
        elif cleaned.get("is_published"):
            raise ValidationError(_("Spara flödet med sina frågor innan du publicerar det."))
        return cleaned


@admin.register(AdviceFlow)
class AdviceFlowAdmin(SimpleHistoryAdmin):
    form = AdviceFlowForm
    list_display = ["title", "slug", "is_published", "updated_at"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [QuestionInline]
    readonly_fields = ["structure_check"]

    @admin.display(description=_("Kontroll av flödet"))
    def structure_check(self, obj: AdviceFlow) -> str:
        if not obj.pk:
            return "–"
        problems = graph_problems(selectors.load_flow(obj.slug).graph)
        if not problems:
            return _("Flödet går att svara på hela vägen, utan återvändsgränder eller cirklar.")
        return format_html_join("\n", "<p>{}</p>", ((p,) for p in problems))


class ChoiceInline(admin.TabularInline):
    model = Choice
    formset = ChoiceFormSet
    fk_name = "question"
    fields = ["order", "label", "easy_label", "value", "next_question"]
    extra = 0
    show_change_link = True

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "next_question":
            flow_id = getattr(request, "_guidance_flow_id", None)
            kwargs["queryset"] = Question.objects.filter(flow_id=flow_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Question)
class QuestionAdmin(SimpleHistoryAdmin):
    list_display = ["text", "flow", "kind", "order"]
    list_filter = ["flow"]
    search_fields = ["text", "easy_text"]
    inlines = [ChoiceInline]
    fieldsets = [
        (None, {"fields": ["flow", "order", "kind"]}),
        (
            _("Texten, vanlig och lättläst"),
            {
                "description": _(
                    "Den lättlästa texten visas för den som kommer från de lättlästa sidorna "
                    "eller kryssar i Visa lättläst. Lämna den tom så visas den vanliga."
                ),
                "fields": [("text", "easy_text"), ("help_text", "easy_help_text")],
            },
        ),
    ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        # The choices may only lead to questions of the same flow.
        request._guidance_flow_id = obj.flow_id if obj else None
        return super().get_form(request, obj, change=change, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        return ["flow"] if obj else []

    def has_delete_permission(self, request, obj=None) -> bool:
        """A question of a published flow is removed on the flow's page, where
        the whole flow is checked; bulk deletion (obj None) is off for the same reason."""
        if obj is None or obj.flow.is_published:
            return False
        return super().has_delete_permission(request, obj)


class RecommendationInline(admin.StackedInline):
    model = Recommendation
    extra = 0
    filter_horizontal = ["partners"]
    fields = [
        "order", ("text", "easy_text"), "partners", "offering_kind", "industry", "area",
        "language", "access_need",
    ]  # fmt: skip


@admin.register(Choice)
class ChoiceAdmin(SimpleHistoryAdmin):
    """Recommendations are edited per choice; where a choice leads is edited on
    its question, where the whole flow is checked."""

    list_display = ["label", "question", "next_question"]
    list_filter = ["question__flow"]
    search_fields = ["label", "easy_label", "question__text"]
    fields = ["question", ("label", "easy_label"), "value", "order", "next_question"]
    readonly_fields = ["question", "value", "next_question"]
    inlines = [RecommendationInline]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        """Choices of a published flow are removed on the question's page, where
        the flow is checked; no bulk deletion."""
        if obj is None or obj.question.flow.is_published:
            return False
        return super().has_delete_permission(request, obj)


@admin.register(Inquiry)
class InquiryAdmin(admin.ModelAdmin):
    """Read only for now: the advisors' inbox (with access logging) replaces it."""

    list_display = ["reference", "topic", "status", "created_at"]
    list_filter = ["status", "topic"]
    search_fields = ["reference"]
    readonly_fields = [
        "reference", "name", "email", "phone", "preferred_time", "topic", "language",
        "language_other", "interpreter", "message", "flow_answers", "answers_consent_at",
        "created_at",
    ]  # fmt: skip
    fields = readonly_fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        """Status, notes and closing go through the inbox, which stamps the
        closing time (for the retention purge) and writes the access log."""
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        """Erasing goes through the inbox, which writes the access log."""
        return False
