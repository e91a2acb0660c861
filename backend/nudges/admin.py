"""Read-mostly admin views for support staff: plans and nudges."""

from __future__ import annotations

from django.contrib import admin

from backend.accounts.admin import ClinicScopedReadOnlyAdmin, SuperuserOnlyAdmin
from backend.nudges.models import BreakPrescription, BusyWindow, CalendarFeed, Nudge, NudgePlan


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


# Micro-breaks (issue #16): read-only, since the prescription and the feed go through
# their services' checks (the pool, the feed's address policy); a clinic admin sees only
# their clinic's patients' rows.


@admin.register(BreakPrescription)
class BreakPrescriptionAdmin(ClinicScopedReadOnlyAdmin):
    clinic_field = "assignment__patient__clinic"
    list_display = ("assignment", "patient", "updated_by", "updated_at")
    search_fields = ("assignment__patient__email", "assignment__patient__full_name")
    list_select_related = ("assignment__patient", "updated_by")
    fields = ("assignment", "items", "excluded", "updated_by", "updated_at")

    @admin.display(description="Patient")
    def patient(self, prescription: BreakPrescription) -> str:
        return str(prescription.assignment.patient)


@admin.register(BusyWindow)
class BusyWindowAdmin(ClinicScopedReadOnlyAdmin):
    clinic_field = "user__clinic"
    list_display = ("user", "start", "end", "source")
    list_filter = ("source",)
    search_fields = ("user__email", "user__full_name")
    date_hierarchy = "start"
    list_select_related = ("user",)


@admin.register(CalendarFeed)
class CalendarFeedAdmin(ClinicScopedReadOnlyAdmin):
    """The feed's URL is a credential (whoever has it reads the patient's calendar): only
    its host is shown, in the list and on the page."""

    clinic_field = "user__clinic"
    list_display = ("user", "host", "last_fetched_at", "last_error", "next_fetch_at")
    search_fields = ("user__email", "user__full_name", "host")
    list_select_related = ("user",)
    fields = ("user", "host", "last_fetched_at", "last_error", "next_fetch_at", "created_at")
