"""In production (DEBUG off) every /api/ error page is JSON, never Django's HTML."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client, RequestFactory, override_settings
from django.urls import get_resolver

from backend import errors

pytestmark = pytest.mark.django_db


def test_the_url_conf_wires_the_json_handlers() -> None:
    resolver = get_resolver()
    for code in (400, 403, 404, 500):
        handler = resolver.resolve_error_handler(code)
        assert handler.__module__ == "backend.errors", code


@pytest.mark.parametrize(
    "call",
    [
        lambda r: errors.bad_request(r, ValueError()),
        lambda r: errors.permission_denied(r, PermissionError()),
        lambda r: errors.page_not_found(r, LookupError()),
        errors.server_error,
        lambda r: errors.csrf_failure(r, reason="no cookie"),
    ],
)
def test_api_error_pages_are_json(call: Any) -> None:
    response = call(RequestFactory().get("/api/anything/"))
    assert response["Content-Type"] == "application/json"
    assert "detail" in __import__("json").loads(response.content)


@override_settings(DEBUG=False)
def test_a_csrf_failure_on_the_api_is_json(cast: Any) -> None:
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(
        "/api/auth/login/",
        {"email": "pat@example.com", "password": "x"},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert response["Content-Type"] == "application/json"


@override_settings(DEBUG=False, ALLOWED_HOSTS=["upright.example.org"])
def test_a_bad_host_on_the_api_is_a_json_400(db: Any) -> None:
    response = Client().get("/api/health/", HTTP_HOST="evil.example.com")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
