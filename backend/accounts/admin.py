"""Django admin for staff and for clinic administrators (limited to their clinic)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest

from backend.accounts.models import AuditEvent, CareLink, Clinic, Invite, Role, User


class ClinicScopedAdmin(admin.ModelAdmin):
    """Superusers see everything; a clinic admin sees and edits only their clinic."""

    clinic_field = "clinic"

    def _is_clinic_admin(self, request: HttpRequest) -> bool:
        user = request.user
        return bool(user.is_active and getattr(user, "role", None) == Role.CLINIC_ADMIN)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        qs = super().get_queryset(request)
        if request.user.is_superuser:
            return qs
        return qs.filter(**{self.clinic_field: getattr(request.user, "clinic_id", None)})

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser or self._is_clinic_admin(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.has_module_permission(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.has_module_permission(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.is_superuser)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.is_superuser)


@admin.register(User)
class UserAdmin(ClinicScopedAdmin, BaseUserAdmin):
    ordering = ("email",)
    list_display = ("email", "full_name", "role", "clinic", "is_active")
    list_filter = ("role", "is_active")
    search_fields = ("email", "full_name")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Profile", {"fields": ("full_name", "role", "clinic", "timezone", "language")}),
        ("Access", {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
    )
    add_fieldsets = ((None, {"fields": ("email", "password1", "password2", "role", "clinic")}),)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if request.user.is_superuser:
            return ()
        return ("email", "role", "clinic", "is_staff", "is_superuser", "groups", "password")


@admin.register(Clinic)
class ClinicAdmin(ClinicScopedAdmin):
    clinic_field = "id"
    list_display = ("name", "phone", "email", "created_at")
    fields = ("name", "phone", "email", "hours")


@admin.register(Invite)
class InviteAdmin(ClinicScopedAdmin):
    list_display = ("code", "role", "clinic", "email", "expires_at", "used_at")
    readonly_fields = ("code", "clinic", "role", "created_by", "used_at", "used_by")


@admin.register(CareLink)
class CareLinkAdmin(ClinicScopedAdmin):
    clinic_field = "patient__clinic"
    list_display = ("patient", "physio", "created_at")


@admin.register(AuditEvent)
class AuditEventAdmin(ClinicScopedAdmin):
    """Read-only: the access log is written by the application, never edited by hand."""

    clinic_field = "patient__clinic"
    list_display = ("created_at", "actor", "action", "patient", "path")
    list_filter = ("action",)
    date_hierarchy = "created_at"
    readonly_fields = ("actor", "patient", "action", "path", "created_at")

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
