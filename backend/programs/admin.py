"""Admin pages for programs, assignments, sessions and alerts: read-only, and a clinic
admin sees only their clinic's (``accounts.admin.ClinicScopedAdmin``: the lists, the
relation filters, and another clinic's object is not found).

Read-only for everyone, superusers too: every write to programs goes through
``programs.services``, which keeps the caseload summary, the reminder and adherence-scan
instants and the physios' alerts in step in the same transaction; a form here would
change a row behind their back.
"""

from __future__ import annotations

from django.contrib import admin

from backend.accounts.admin import ClinicScopedReadOnlyAdmin, ClinicScopedReadOnlyInline
from backend.programs.models import (
    Alert,
    Assignment,
    Program,
    ProgramItem,
    ProgramVersion,
    Session,
    SessionItem,
)


class ProgramVersionInline(ClinicScopedReadOnlyInline):
    model = ProgramVersion
    fields = ("number", "notes", "created_by", "created_at")
    ordering = ("-number",)


@admin.register(Program)
class ProgramAdmin(ClinicScopedReadOnlyAdmin):
    list_display = ("name", "created_by", "current_version", "created_at", "updated_at")
    search_fields = ("name",)
    date_hierarchy = "created_at"
    list_select_related = ("created_by", "current_version")
    inlines = (ProgramVersionInline,)


class ProgramItemInline(ClinicScopedReadOnlyInline):
    model = ProgramItem
    fields = (
        "phase",
        "position",
        "exercise",
        "sets",
        "reps",
        "hold_seconds",
        "rest_seconds",
        "per_side",
        "tempo",
        "notes",
    )


@admin.register(ProgramVersion)
class ProgramVersionAdmin(ClinicScopedReadOnlyAdmin):
    """A version with its items (items are never changed in place: a new version is)."""

    clinic_field = "program__clinic"
    list_display = ("program", "number", "created_by", "created_at")
    search_fields = ("program__name",)
    list_select_related = ("program", "created_by")
    inlines = (ProgramItemInline,)


@admin.register(Assignment)
class AssignmentAdmin(ClinicScopedReadOnlyAdmin):
    clinic_field = "patient__clinic"
    list_display = ("patient", "program", "status", "start_date", "end_date", "assigned_by")
    list_filter = ("status",)
    search_fields = ("patient__email", "patient__full_name", "program__name")
    date_hierarchy = "start_date"
    list_select_related = ("patient", "program", "assigned_by")
    # The calendar token is the feed's credential: whether there is one, never its value.
    exclude = ("calendar_token",)
    readonly_fields = ("calendar_feed",)

    @admin.display(boolean=True, description="Calendar feed on")
    def calendar_feed(self, assignment: Assignment) -> bool:
        return bool(assignment.calendar_token)


class SessionItemInline(ClinicScopedReadOnlyInline):
    model = SessionItem
    fields = (
        "position",
        "exercise",
        "sets_done",
        "reps_done",
        "hold_seconds_done",
        "skipped",
        "skip_reason",
    )


@admin.register(Session)
class SessionAdmin(ClinicScopedReadOnlyAdmin):
    clinic_field = "patient__clinic"
    list_display = ("patient", "completed_at", "pain_before", "pain_after", "difficulty")
    list_filter = ("difficulty",)
    search_fields = ("patient__email", "patient__full_name")
    date_hierarchy = "completed_at"
    list_select_related = ("patient",)
    exclude = ("body_hash",)
    inlines = (SessionItemInline,)


@admin.register(Alert)
class AlertAdmin(ClinicScopedReadOnlyAdmin):
    clinic_field = "patient__clinic"
    list_display = ("patient", "kind", "reason", "created_at", "acknowledged_at", "resolved_at")
    list_filter = ("kind",)
    search_fields = ("patient__email", "patient__full_name")
    date_hierarchy = "created_at"
    list_select_related = ("patient",)
