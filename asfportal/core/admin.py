"""The mail queue in the admin: what was sent, what waits, what failed."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from asfportal.core.mail import mail_retry
from asfportal.core.models import MailStatus, OutboundMail


@admin.register(OutboundMail)
class OutboundMailAdmin(admin.ModelAdmin):
    list_display = ["created_at", "what", "to", "status", "attempts", "last_error", "sent_at"]
    list_filter = ["status"]
    search_fields = ["what", "to"]
    date_hierarchy = "created_at"
    actions = ["send_again"]
    fields = [
        "what", "to", "reply_to", "subject", "body", "status", "attempts", "last_error",
        "next_attempt_at", "created_at", "sent_at",
    ]  # fmt: skip
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser

    @admin.action(description=_("Skicka de markerade igen"), permissions=["change"])
    def send_again(self, request, queryset):
        failed = list(queryset.filter(status=MailStatus.FAILED))
        for mail in failed:
            mail_retry(mail)
        self.message_user(
            request,
            ngettext(
                "%(count)d meddelande läggs i kön igen.",
                "%(count)d meddelanden läggs i kön igen.",
                len(failed),
            )
            % {"count": len(failed)},
            messages.SUCCESS,
        )
