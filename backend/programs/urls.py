"""Programs API routes."""

from django.urls import URLPattern, URLResolver, include, path
from rest_framework.routers import DefaultRouter

from backend.programs import api, handouts_api, safety_api

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
    path(
        "assignments/<int:pk>/handout.pdf",
        handouts_api.HandoutView.as_view(),
        name="assignment-handout",
    ),
    path(
        "assignments/<int:pk>/calendar/",
        handouts_api.CalendarFeedControlView.as_view(),
        name="assignment-calendar",
    ),
    path("calendar/<str:token>.ics", handouts_api.CalendarFeedView.as_view(), name="calendar-feed"),
]
