"""Messaging API routes, and the caseload and session routes of programs, whose views
messaging extends (their columns, their alerts' notices)."""

from django.urls import URLPattern, URLResolver, include, path
from rest_framework.routers import DefaultRouter

from backend.messaging import api, monitoring_api

router = DefaultRouter()
router.include_root_view = False
router.register("patients", api.CaseloadViewSet, basename="patient")
router.register("sessions", api.SessionViewSet, basename="session")

urlpatterns: list[URLPattern | URLResolver] = [
    path("messages/", api.MessagesView.as_view(), name="messages"),
    path("messages/read/", api.ThreadReadView.as_view(), name="messages-read"),
    path("messages/unread/", api.UnreadView.as_view(), name="messages-unread"),
    path(
        "messages/<uuid:message_id>/no-reply/", api.NoReplyView.as_view(), name="message-no-reply"
    ),
    path("messaging/prefs/", api.PrefsView.as_view(), name="messaging-prefs"),
    path("messaging/clinic-settings/", api.ClinicSettingsView.as_view(), name="messaging-clinic"),
    path("consents/", monitoring_api.ConsentsView.as_view(), name="consents"),
    path(
        "consents/<int:consent_id>/revoke/",
        monitoring_api.ConsentRevokeView.as_view(),
        name="consent-revoke",
    ),
    path("time-entries/", monitoring_api.TimeEntriesView.as_view(), name="time-entries"),
    path("time-entries/timer/", monitoring_api.TimerStartView.as_view(), name="time-timer"),
    path("time-entries/<int:entry_id>/", monitoring_api.TimeEntryView.as_view(), name="time-entry"),
    path(
        "time-entries/<int:entry_id>/stop/",
        monitoring_api.TimerStopView.as_view(),
        name="time-stop",
    ),
    path(
        "time-entries/<int:entry_id>/history/",
        monitoring_api.TimeEntryHistoryView.as_view(),
        name="time-history",
    ),
    path("reports/monthly/", monitoring_api.MonthlyReportView.as_view(), name="report-monthly"),
    path(
        "reports/monthly.pdf",
        monitoring_api.MonthlyReportPdfView.as_view(),
        name="report-monthly-pdf",
    ),
    path(
        "reports/clinic.csv", monitoring_api.ClinicReportCsvView.as_view(), name="report-clinic-csv"
    ),
    path("", include(router.urls)),
]
