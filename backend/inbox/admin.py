"""Read-mostly admin views for support staff: devices and the inbox."""

from __future__ import annotations

from django.contrib import admin

from backend.accounts.admin import SuperuserOnlyAdmin
from backend.inbox.models import InboxMessage, PushSubscription


@admin.register(PushSubscription)
class PushSubscriptionAdmin(SuperuserOnlyAdmin):
    list_display = ("user", "endpoint")
    search_fields = ("user__email",)


@admin.register(InboxMessage)
class InboxMessageAdmin(SuperuserOnlyAdmin):
    list_display = ("user", "kind", "title", "created_at", "read_at")
    list_filter = ("kind",)
    search_fields = ("user__email", "title")
