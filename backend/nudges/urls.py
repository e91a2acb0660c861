"""Nudges API routes (plan, preview, ack, summary, inbox, push)."""

from django.urls import URLPattern, URLResolver

urlpatterns: list[URLPattern | URLResolver] = []
