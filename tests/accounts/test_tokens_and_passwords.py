"""API tokens end: on logout, after idling, on any password change; the owner can list
and revoke them. Every password change, by any path, ends sessions and tells the user."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from io import StringIO
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.test import Client
from rest_framework.test import APIClient

from backend.accounts.models import ApiToken, UserSession
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db

START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def _token(email: str = "pat@example.com") -> str:
    response = APIClient().post("/api/auth/token/", {"email": email, "password": TEST_PASSWORD})
    assert response.status_code == 200
    return str(response.json()["token"])


def _with(token: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def test_logout_with_a_token_deletes_it(cast: Any) -> None:
    token = _token()
    client = _with(token)
    assert client.get("/api/me/").status_code == 200
    assert client.post("/api/auth/logout/").status_code == 204
    assert _with(token).get("/api/me/").status_code == 401


def test_an_idle_token_expires_and_a_used_one_lives_on(cast: Any, settings: Any) -> None:
    settings.API_TOKEN_IDLE_DAYS = 30
    with time_machine.travel(START, tick=False) as clock:
        idle, used = _token(), _token()
        for _ in range(3):
            clock.shift(timedelta(days=20))
            assert _with(used).get("/api/me/").status_code == 200
        response = _with(idle).get("/api/me/")
        assert response.status_code == 401
        assert "expired" in response.json()["detail"]
        assert response["WWW-Authenticate"] == "Token"
    assert ApiToken.objects.filter(user=cast.pat).count() == 1  # the expired one is gone


def test_tokens_stop_at_the_absolute_limit_however_used(cast: Any, settings: Any) -> None:
    settings.API_TOKEN_MAX_DAYS = 60
    with time_machine.travel(START, tick=False) as clock:
        token = _token()
        for _ in range(6):
            clock.shift(timedelta(days=10))
            status = _with(token).get("/api/me/").status_code
        assert status == 401


def test_the_user_lists_and_revokes_their_tokens(cast: Any) -> None:
    mine, other_device = _token(), _token()
    phils = _token("phil@example.com")
    client = _with(mine)
    listed = client.get("/api/me/tokens/").json()["results"]
    assert len(listed) == 2
    assert {row["current"] for row in listed} == {True, False}
    assert all(mine not in str(row) and other_device not in str(row) for row in listed)
    other_id = next(row["id"] for row in listed if not row["current"])
    assert client.delete(f"/api/me/tokens/{other_id}/").status_code == 204
    assert _with(other_device).get("/api/me/").status_code == 401
    assert _with(mine).get("/api/me/").status_code == 200
    # Another person's token is a 404, and it keeps working.
    phil_id = ApiToken.objects.get(user=cast.phil).pk
    assert client.delete(f"/api/me/tokens/{phil_id}/").status_code == 404
    assert _with(phils).get("/api/me/").status_code == 200


def test_only_a_digest_of_the_key_is_stored(cast: Any) -> None:
    key = _token()
    stored = ApiToken.objects.get(user=cast.pat)
    assert key not in (stored.key_digest, stored.prefix)
    assert key.startswith(stored.prefix)


def _signed_in_browser() -> Client:
    browser = Client()
    browser.login(email="pat@example.com", password=TEST_PASSWORD)
    assert browser.get("/api/me/").status_code == 200
    return browser


def test_changepassword_command_revokes_tokens_and_sessions_and_mails(
    cast: Any, monkeypatch: Any
) -> None:
    token = _token()
    browser = _signed_in_browser()
    assert UserSession.objects.filter(user=cast.pat).exists()
    mail.outbox.clear()
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "an entirely new passphrase")
    call_command("changepassword", "pat@example.com", stdout=StringIO())
    assert _with(token).get("/api/me/").status_code == 401
    assert browser.get("/api/me/").status_code in (401, 403)
    assert not UserSession.objects.filter(user=cast.pat).exists()
    assert [m.to for m in mail.outbox] == [["pat@example.com"]]
    assert "password was changed" in mail.outbox[0].subject


def test_a_superuser_setting_a_password_in_the_admin_revokes_tokens(cast: Any) -> None:
    from backend.accounts.models import User

    root = User.objects.create_superuser("root@example.com", "a long root passphrase")
    token = _token()
    mail.outbox.clear()
    admin = Client()
    admin.force_login(root)
    page = admin.post(
        f"/admin/accounts/user/{cast.pat.pk}/password/",
        {"password1": "another fine passphrase", "password2": "another fine passphrase"},
    )
    assert page.status_code == 302
    assert _with(token).get("/api/me/").status_code == 401
    assert [m.to for m in mail.outbox] == [["pat@example.com"]]


def test_a_new_account_gets_no_password_changed_mail(db: Any) -> None:
    from backend.accounts.models import User

    User.objects.create_user("new@example.com", "a first passphrase")
    assert mail.outbox == []


def test_deleting_an_account_deletes_its_sessions(cast: Any) -> None:
    browser = _signed_in_browser()
    response = browser.delete(
        "/api/me/", {"password": TEST_PASSWORD}, content_type="application/json"
    )
    assert response.status_code == 204
    assert not UserSession.objects.filter(user_id=cast.pat.pk).exists()
