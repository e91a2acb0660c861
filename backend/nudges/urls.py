"""Nudges API routes (plan, preview, ack, summary, inbox, push)."""

from django.urls import URLPattern, URLResolver, path

from backend.nudges import api

urlpatterns: list[URLPattern | URLResolver] = [
    path("nudges/plan/", api.PlanView.as_view(), name="nudge-plan"),
    path("nudges/plan/preview/", api.PlanPreviewView.as_view(), name="nudge-plan-preview"),
    path("nudges/summary/", api.SummaryView.as_view(), name="nudge-summary"),
    path("nudges/<int:pk>/ack/", api.NudgeAckView.as_view(), name="nudge-ack"),
    path("inbox/", api.InboxView.as_view(), name="inbox"),
    path("inbox/<int:pk>/read/", api.InboxReadView.as_view(), name="inbox-read"),
    path("push/key/", api.PushKeyView.as_view(), name="push-key"),
    path("push/subscriptions/", api.PushSubscriptionsView.as_view(), name="push-subscriptions"),
]
