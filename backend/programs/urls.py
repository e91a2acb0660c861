"""Programs API routes."""

from django.urls import URLPattern, URLResolver, include, path
from rest_framework.routers import DefaultRouter

from backend.programs import api, safety_api

router = DefaultRouter()
router.include_root_view = False
router.register("programs", api.ProgramViewSet, basename="program")
router.register("assignments", api.AssignmentViewSet, basename="assignment")
# sessions/ and patients/ are routed by messaging, whose views add its part to these.
router.register("alerts", api.AlertViewSet, basename="alert")

urlpatterns: list[URLPattern | URLResolver] = [
    path("today/", api.TodayView.as_view(), name="today"),
    path("progress/", api.ProgressView.as_view(), name="progress"),
    path("progress/history/", api.ProgressHistoryView.as_view(), name="progress-history"),
    path("safety/", safety_api.SafetyView.as_view(), name="safety"),
    path("screening/", safety_api.ScreeningView.as_view(), name="screening"),
    path("", include(router.urls)),
    path("", include("backend.programs.outcomes_urls")),
]
