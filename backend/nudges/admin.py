"""Read-mostly admin views for support staff: plans, nudges, devices, inbox."""

from __future__ import annotations

from django.contrib import admin

from backend.accounts.admin import SuperuserOnlyAdmin
from backend.nudges.models import InboxMessage, Nudge, NudgePlan, PushSubscription


@admin.register(NudgePlan)
class NudgePlanAdmin(SuperuserOnlyAdmin):
    list_display = ("user", "enabled", "interval_minutes", "work_start", "work_end", "next_due_at")
    list_filter = ("enabled",)
    search_fields = ("user__email",)
    readonly_fields = ("next_due_at", "anchor_at", "content_cursor", "last_content")


@admin.register(Nudge)
class NudgeAdmin(SuperuserOnlyAdmin):
    list_display = ("user", "slot", "content", "acknowledged_at")
    search_fields = ("user__email",)
    date_hierarchy = "slot"

    def has_add_permission(self, request: object) -> bool:
        return False


@admin.register(PushSubscription)
class PushSubscriptionAdmin(SuperuserOnlyAdmin):
    list_display = ("user", "endpoint")
    search_fields = ("user__email",)


@admin.register(InboxMessage)
class InboxMessageAdmin(SuperuserOnlyAdmin):
    list_display = ("user", "kind", "title", "created_at", "read_at")
    list_filter = ("kind",)
    search_fields = ("user__email", "title")
