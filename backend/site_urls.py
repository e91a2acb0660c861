"""Routes of the project rather than of an app: the health check and the API docs."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.urls import URLPattern, URLResolver, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.permissions import AllowAny, IsAdminUser

from backend.health import HealthView


def api_urlpatterns() -> list[URLPattern | URLResolver]:
    """Read when ``backend.urls`` is imported, so the docs follow ``API_DOCS`` then:
    public (default), staff (signed-in staff only) or off (not routed: 404)."""
    permissions: list[Any] = [AllowAny] if settings.API_DOCS == "public" else [IsAdminUser]
    docs: list[URLPattern | URLResolver] = [
        path("schema/", SpectacularAPIView.as_view(permission_classes=permissions), name="schema"),
        path(
            "docs/",
            SpectacularSwaggerSplitView.as_view(url_name="schema", permission_classes=permissions),
            name="docs",
        ),
    ]
    return [
        path("health/", HealthView.as_view(), name="health"),
        *([] if settings.API_DOCS == "off" else docs),
    ]
