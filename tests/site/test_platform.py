"""Health, schema, docs, headers, the PWA shell and production settings."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from rest_framework.test import APIClient

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_health_reports_database_and_broker() -> None:
    response = APIClient().get("/api/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "broker": "ok"}


@pytest.mark.django_db
def test_health_is_degraded_when_the_broker_is_unreachable(settings: Any) -> None:
    from tests.broker import use_broker

    with use_broker("redis://127.0.0.1:1/0"):  # nothing listens on port 1
        body = APIClient().get("/api/health/").json()
    assert body == {"status": "degraded", "database": "ok", "broker": "error"}


@pytest.mark.django_db
def test_schema_and_docs_are_served() -> None:
    schema = APIClient().get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    assert schema.json()["openapi"].startswith("3.")
    assert "/api/me/" in schema.json()["paths"]
    docs = APIClient().get("/api/docs/")
    assert docs.status_code == 200
    assert b"swagger" in docs.content.lower()


@pytest.mark.api  # runs manage.py in a fresh interpreter: not pure logic
def test_schema_generates_without_warnings() -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", "spectacular", "--fail-on-warn", "--file", os.devnull],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.django_db
def test_security_headers_on_api_responses() -> None:
    response = APIClient().get("/api/health/")
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "no-store" in response["Cache-Control"]


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.api  # runs manage.py in a fresh interpreter: not pure logic
def test_production_refuses_to_start_without_secret_key() -> None:
    result = _manage("check", DEBUG="0", ALLOWED_HOSTS="upright.example")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.api  # runs manage.py in a fresh interpreter: not pure logic
def test_production_refuses_to_start_without_allowed_hosts() -> None:
    result = _manage("check", DEBUG="0", SECRET_KEY="k" * 60)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


@pytest.mark.api  # runs manage.py in a fresh interpreter: not pure logic
def test_production_settings_pass_the_deploy_check_without_warnings() -> None:
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="upright.example",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNINGS" not in result.stdout + result.stderr


@pytest.mark.api  # runs manage.py in a fresh interpreter: not pure logic
def test_production_cookies_are_secure() -> None:
    code = (
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY,"
        " s.SESSION_COOKIE_SAMESITE, s.SECURE_HSTS_SECONDS > 0)"
    )
    result = _manage(
        "shell",
        "-c",
        code,
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="upright.example",
    )
    assert result.stdout.splitlines()[-1].split() == ["True", "True", "True", "Lax", "True"], (
        result.stderr
    )


@pytest.mark.django_db
def test_unknown_api_path_is_json_404_not_the_app_shell() -> None:
    response = APIClient().get("/api/no-such-thing/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}
