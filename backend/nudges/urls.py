"""Nudges API routes (plan, preview, ack, summary, breaks, busy times, calendar)."""

from django.urls import URLPattern, URLResolver, path

from backend.nudges import api, breaks_api

urlpatterns: list[URLPattern | URLResolver] = [
    path("nudges/plan/", api.PlanView.as_view(), name="nudge-plan"),
    path("nudges/plan/preview/", api.PlanPreviewView.as_view(), name="nudge-plan-preview"),
    path("nudges/summary/", api.SummaryView.as_view(), name="nudge-summary"),
    path("nudges/<int:pk>/ack/", api.NudgeAckView.as_view(), name="nudge-ack"),
    path("nudges/breaks/", breaks_api.BreakPoolView.as_view(), name="nudge-breaks"),
    path("nudges/breaks/stats/", breaks_api.BreakStatsView.as_view(), name="nudge-break-stats"),
    path("nudges/busy/", breaks_api.BusyView.as_view(), name="nudge-busy"),
    path("nudges/walk/", breaks_api.WalkView.as_view(), name="nudge-walk"),
    path("nudges/calendar/", breaks_api.CalendarView.as_view(), name="nudge-calendar"),
    path(
        "assignments/<int:pk>/breaks/",
        breaks_api.AssignmentBreaksView.as_view(),
        name="assignment-breaks",
    ),
    path(
        "patients/<int:pk>/breaks/stats/",
        breaks_api.PatientBreakStatsView.as_view(),
        name="patient-break-stats",
    ),
]
