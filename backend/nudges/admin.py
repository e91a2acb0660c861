"""Read-mostly admin views for support staff: plans and nudges."""

from __future__ import annotations

from django.contrib import admin

from backend.accounts.admin import SuperuserOnlyAdmin
from backend.nudges.models import Nudge, NudgePlan


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
