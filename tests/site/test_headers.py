"""Browser-enforced protections on every kind of response, in development and production."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from rest_framework.test import APIClient

ROOT = Path(__file__).resolve().parents[2]

PATHS = ("/api/health/", "/api/me/", "/api/no-such-thing/", "/admin/login/", "/today")


def assert_browser_protections(headers: Any) -> None:
    csp = {
        part.strip().split(" ", 1)[0]: part.strip()
        for part in headers["Content-Security-Policy"].split(";")
    }
    assert csp["default-src"] == "default-src 'self'"
    assert csp["script-src"] == "script-src 'self'"  # no inline or eval'd scripts
    assert csp["object-src"] == "object-src 'none'"
    assert csp["frame-ancestors"] == "frame-ancestors 'none'"
    assert csp["base-uri"] == "base-uri 'self'"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in headers["Permissions-Policy"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PATHS)
def test_every_kind_of_response_carries_the_browser_protections(cast: Any, path: str) -> None:
    client = APIClient()
    client.force_authenticate(cast.pat)
    response = client.get(path)
    assert response.status_code < 500
    assert_browser_protections(response)
    assert "Strict-Transport-Security" not in response  # plain-http development


@pytest.mark.django_db
def test_personal_api_responses_are_never_cached_by_shared_caches(cast: Any) -> None:
    client = APIClient()
    client.force_authenticate(cast.pat)
    for path in ("/api/me/", "/api/today/", "/api/me/export/", "/api/inbox/"):
        assert "no-store" in client.get(path)["Cache-Control"], path


# Runs in a fresh interpreter with the production settings (DEBUG=0), as gunicorn would.
PRODUCTION_PROBE = """
import json, django
django.setup()
from django.test import Client
client = Client()
host = {"HTTP_HOST": "upright.example"}
direct = client.get("/api/auth/csrf/", secure=True, **host)
proxied = client.get("/api/auth/csrf/", HTTP_X_FORWARDED_PROTO="https", **host)
plain = client.get("/api/auth/csrf/", **host)
missing = client.get("/api/no-such-thing/", secure=True, **host)
cookie = direct.cookies["csrftoken"]
print(json.dumps({
    "direct": dict(direct.headers),
    "proxied": dict(proxied.headers),
    "missing": dict(missing.headers),
    "plain_status": plain.status_code,
    "plain_location": plain.headers.get("Location"),
    "csrf_cookie": {"secure": bool(cookie["secure"]), "samesite": cookie["samesite"]},
}))
"""


@pytest.fixture(scope="module")
def production() -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "SECURE_SSL_REDIRECT"}}
    env.update(
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="upright.example",
        DJANGO_SETTINGS_MODULE="backend.settings",
    )
    result = subprocess.run(
        [sys.executable, "-c", PRODUCTION_PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


@pytest.mark.api  # the production fixture runs a fresh interpreter: not pure logic
@pytest.mark.parametrize("response", ["direct", "proxied", "missing"])
def test_production_https_responses_carry_hsts_and_the_protections(
    production: dict[str, Any], response: str
) -> None:
    headers = production[response]
    assert_browser_protections(headers)
    hsts = [part.strip() for part in headers["Strict-Transport-Security"].split(";")]
    assert hsts[0] == "max-age=31536000"
    assert {"includeSubDomains", "preload"} <= set(hsts)


@pytest.mark.api
def test_production_redirects_plain_http_to_https(production: dict[str, Any]) -> None:
    assert production["plain_status"] == 301
    assert production["plain_location"] == "https://upright.example/api/auth/csrf/"


@pytest.mark.api
def test_production_csrf_cookie_is_secure(production: dict[str, Any]) -> None:
    assert production["csrf_cookie"] == {"secure": True, "samesite": "Lax"}


def test_benchmark_views_are_not_routed_unless_asked_for() -> None:
    from django.urls import resolve

    assert resolve("/bench/today/").url_name == "pwa"  # the app shell, not a bench view
    assert resolve("/bench/sessions/").url_name == "pwa"
