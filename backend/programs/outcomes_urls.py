"""Outcome measures and handout routes (filled in by the outcomes/handouts work)."""

from django.urls import URLPattern, URLResolver

urlpatterns: list[URLPattern | URLResolver] = []
