"""Admin pages for questionnaire schedules, answers and wording: read-only (the services
and ``load_measure_wording`` write them), and a clinic admin sees only their clinic's
patients' rows and their clinic's licensed wording."""

from __future__ import annotations

from django.contrib import admin

from backend.accounts.admin import ClinicScopedReadOnlyAdmin
from backend.outcomes.models import MeasureWording, OutcomeResponse, OutcomeSchedule


@admin.register(OutcomeSchedule)
class OutcomeScheduleAdmin(ClinicScopedReadOnlyAdmin):
    clinic_field = "patient__clinic"
    list_display = ("patient", "measure", "every_weeks", "start_date", "active", "created_by")
    list_filter = ("measure", "active")
    search_fields = ("patient__email", "patient__full_name")
    list_select_related = ("patient", "created_by")


@admin.register(OutcomeResponse)
class OutcomeResponseAdmin(ClinicScopedReadOnlyAdmin):
    clinic_field = "patient__clinic"
    list_display = ("patient", "measure", "score", "answered_at", "local_date")
    list_filter = ("measure",)
    search_fields = ("patient__email", "patient__full_name")
    date_hierarchy = "answered_at"
    list_select_related = ("patient",)


@admin.register(MeasureWording)
class MeasureWordingAdmin(ClinicScopedReadOnlyAdmin):
    """The library's own wording (no clinic) is for superusers only."""

    list_display = ("measure", "language", "name", "clinic")
    list_filter = ("measure", "language")
