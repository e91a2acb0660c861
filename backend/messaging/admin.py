"""Admin for messaging. Consent and the time log are clinic records (a clinic admin sees
their clinic's); message text is private to the thread, so only superusers see it here."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from backend.accounts.admin import ClinicScopedAdmin
from backend.messaging.models import Consent, Message, TimeEntry


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin[Message]):
    list_display = ("id", "patient", "sender", "created_at", "no_reply_needed_at")
    list_select_related = ("patient", "sender")

    def has_module_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.is_superuser)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.is_superuser)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(Consent)
class ConsentAdmin(ClinicScopedAdmin):
    clinic_field = "patient__clinic"
    list_display = ("patient", "given_on", "method", "recorded_by", "revoked_on")
    list_select_related = ("patient", "recorded_by")


@admin.register(TimeEntry)
class TimeEntryAdmin(ClinicScopedAdmin):
    clinic_field = "patient__clinic"
    list_display = ("patient", "physio", "category", "minutes", "on_date")
    list_select_related = ("patient", "physio")
