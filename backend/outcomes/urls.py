"""Outcome-measure routes (included under /api/)."""

from django.urls import URLPattern, URLResolver, path

from backend.outcomes import api

urlpatterns: list[URLPattern | URLResolver] = [
    path("outcomes/measures/", api.MeasuresView.as_view(), name="outcome-measures"),
    path("outcomes/schedules/", api.ScheduleListView.as_view(), name="outcome-schedules"),
    path("outcomes/due/", api.DueView.as_view(), name="outcome-due"),
    path("outcomes/responses/", api.ResponseListView.as_view(), name="outcome-responses"),
    path(
        "outcomes/psfs-activities/",
        api.PsfsActivitiesView.as_view(),
        name="outcome-psfs-activities",
    ),
]
