"""Outcome measures, handout and calendar-feed routes (included under /api/)."""

from django.urls import URLPattern, URLResolver, path

from backend.programs import handouts_api, outcomes_api

urlpatterns: list[URLPattern | URLResolver] = [
    path("outcomes/measures/", outcomes_api.MeasuresView.as_view(), name="outcome-measures"),
    path("outcomes/schedules/", outcomes_api.ScheduleListView.as_view(), name="outcome-schedules"),
    path("outcomes/due/", outcomes_api.DueView.as_view(), name="outcome-due"),
    path("outcomes/responses/", outcomes_api.ResponseListView.as_view(), name="outcome-responses"),
    path(
        "outcomes/psfs-activities/",
        outcomes_api.PsfsActivitiesView.as_view(),
        name="outcome-psfs-activities",
    ),
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
