"""Inbox API routes (the inbox, marking read, the push key and subscriptions)."""

from django.urls import URLPattern, URLResolver, path

from backend.inbox import api

urlpatterns: list[URLPattern | URLResolver] = [
    path("inbox/", api.InboxView.as_view(), name="inbox"),
    path("inbox/<int:pk>/read/", api.InboxReadView.as_view(), name="inbox-read"),
    path("push/key/", api.PushKeyView.as_view(), name="push-key"),
    path("push/subscriptions/", api.PushSubscriptionsView.as_view(), name="push-subscriptions"),
]
