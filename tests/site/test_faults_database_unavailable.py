"""A database outage is a 503 with Retry-After on every kind of view, never a 500."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, JsonResponse
from django.test import Client
from django.urls import include, path
from rest_framework.test import APIClient


def plain_view_db_down(request: HttpRequest) -> JsonResponse:
    raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")


def plain_view_connection_gone(request: HttpRequest) -> JsonResponse:
    raise InterfaceError("connection already closed")


def plain_view_bug(request: HttpRequest) -> JsonResponse:
    raise ValueError("a bug stays a bug")


urlpatterns = [
    path("api/fault/down/", plain_view_db_down),
    path("api/fault/gone/", plain_view_connection_gone),
    path("page/down/", plain_view_db_down),
    path("api/fault/bug/", plain_view_bug),
    path("", include("backend.urls")),
]


@pytest.fixture
def fault_urls(settings: Any) -> None:
    settings.ROOT_URLCONF = __name__


@pytest.mark.parametrize("url", ["/api/fault/down/", "/api/fault/gone/"])
def test_plain_django_api_views_answer_503_with_retry_after(fault_urls: None, url: str) -> None:
    response = Client(raise_request_exception=False).get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response.json() == {"detail": "The service is briefly unavailable. Please try again."}
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_plain_pages_answer_503_too(fault_urls: None) -> None:
    response = Client(raise_request_exception=False).get("/page/down/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response["Content-Type"].startswith("text/plain")


def test_other_errors_are_still_500s(fault_urls: None) -> None:
    response = Client(raise_request_exception=False).get("/api/fault/bug/")
    assert response.status_code == 500


@pytest.mark.django_db
def test_drf_views_answer_503_with_retry_after(cast: Any, monkeypatch: Any) -> None:
    from backend.programs import selectors

    def down(*args: Any, **kwargs: Any) -> None:
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(selectors, "today_for", down)
    client = APIClient()
    client.force_authenticate(cast.pat)
    response = client.get("/api/today/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
