"""Nudges API routes (plan, preview, ack, summary, breaks, busy times, calendar), and the
account and invite routes whose views nudges extends."""

from django.urls import URLPattern, URLResolver, include, path
from rest_framework.routers import DefaultRouter

from backend.nudges import api, breaks_api

# The caller's account and the invites are accounts' views, extended here: accepting an
# invite gives a patient a plan, a new time zone moves it (``nudges.api``).
router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("invites", api.InviteViewSet, basename="invite")

urlpatterns: list[URLPattern | URLResolver] = [
    path("me/", api.MeView.as_view(), name="me"),
    path("invites/<str:code>/qr.svg", api.InviteViewSet.as_view({"get": "qr"}), name="invite-qr"),
    path("", include(router.urls)),
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
