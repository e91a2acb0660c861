"""Sign-in, tokens, the profile, password reset and the error format."""

from __future__ import annotations

import json
import threading
from typing import Any

import pytest
from django.core import mail
from django.test import override_settings
from rest_framework.test import APIClient

from backend.accounts import throttle
from backend.accounts.models import User
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db


def test_login_starts_a_session_and_returns_the_profile(cast: Any, api: APIClient) -> None:
    response = api.post("/api/auth/login/", {"email": "PAT@example.com", "password": TEST_PASSWORD})
    assert response.status_code == 200
    assert response.json()["email"] == "pat@example.com"
    assert response.json()["role"] == "patient"
    assert api.get("/api/me/").status_code == 200


def test_wrong_password_and_unknown_email_get_the_same_message(cast: Any, api: APIClient) -> None:
    wrong = api.post("/api/auth/login/", {"email": "pat@example.com", "password": "nope-nope"})
    unknown = api.post("/api/auth/login/", {"email": "who@example.com", "password": "nope-nope"})
    assert wrong.status_code == unknown.status_code == 400
    assert wrong.json() == unknown.json()


def test_login_requires_csrf_for_browsers(cast: Any) -> None:
    browser = APIClient(enforce_csrf_checks=True)
    body = {"email": "pat@example.com", "password": TEST_PASSWORD}
    assert browser.post("/api/auth/login/", body).status_code == 403
    token = browser.get("/api/auth/csrf/").json()["csrfToken"]
    assert browser.post("/api/auth/login/", body, HTTP_X_CSRFTOKEN=token).status_code == 200


def test_session_api_enforces_csrf_on_writes(cast: Any) -> None:
    browser = APIClient(enforce_csrf_checks=True)
    token = browser.get("/api/auth/csrf/").json()["csrfToken"]
    browser.post(
        "/api/auth/login/",
        {"email": "pat@example.com", "password": TEST_PASSWORD},
        HTTP_X_CSRFTOKEN=token,
    )
    token = browser.cookies["csrftoken"].value
    assert browser.patch("/api/me/", {"full_name": "Pat P"}).status_code == 403
    ok = browser.patch("/api/me/", {"full_name": "Pat P"}, HTTP_X_CSRFTOKEN=token)
    assert ok.status_code == 200


def test_logout_ends_the_session(cast: Any, api: APIClient) -> None:
    api.post("/api/auth/login/", {"email": "pat@example.com", "password": TEST_PASSWORD})
    assert api.post("/api/auth/logout/").status_code == 204
    assert api.get("/api/me/").status_code in (401, 403)


def test_token_authenticates_api_clients(cast: Any, api: APIClient) -> None:
    response = api.post(
        "/api/auth/token/", {"email": "phil@example.com", "password": TEST_PASSWORD}
    )
    assert response.status_code == 200
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
    assert client.get("/api/me/").json()["email"] == "phil@example.com"


@override_settings(LOGIN_THROTTLE_ACCOUNT_LIMIT=3)
def test_account_is_throttled_after_repeated_failures(cast: Any, api: APIClient) -> None:
    for _ in range(3):
        bad = {"email": "pat@example.com", "password": "wrong-password"}
        assert api.post("/api/auth/login/", bad).status_code == 400
    good = {"email": "pat@example.com", "password": TEST_PASSWORD}
    response = api.post("/api/auth/login/", good)
    assert response.status_code == 429
    assert "Too many" in response.json()["detail"]


@override_settings(LOGIN_THROTTLE_IP_LIMIT=4, LOGIN_THROTTLE_ACCOUNT_LIMIT=100)
def test_address_is_throttled_across_accounts(cast: Any, api: APIClient) -> None:
    codes = [
        api.post("/api/auth/login/", {"email": f"x{i}@example.com", "password": "x"}).status_code
        for i in range(6)
    ]
    assert codes == [400, 400, 400, 400, 429, 429]


@override_settings(LOGIN_THROTTLE_ACCOUNT_LIMIT=5)
def test_concurrent_attempts_cannot_slip_past_the_limit(cast: Any) -> None:
    """Twenty simultaneous guesses: exactly five reach the password check."""
    allowed: list[bool] = []
    lock = threading.Lock()
    barrier = threading.Barrier(20)

    def attempt() -> None:
        barrier.wait()
        ok = throttle.register_attempt("pat@example.com", "203.0.113.9")
        with lock:
            allowed.append(ok)

    threads = [threading.Thread(target=attempt) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert allowed.count(True) == 5


def test_successful_login_resets_the_account_counter(cast: Any, api: APIClient) -> None:
    with override_settings(LOGIN_THROTTLE_ACCOUNT_LIMIT=3):
        api.post("/api/auth/login/", {"email": "pat@example.com", "password": "wrong-one"})
        api.post("/api/auth/login/", {"email": "pat@example.com", "password": TEST_PASSWORD})
        for _ in range(2):
            api.post("/api/auth/login/", {"email": "pat@example.com", "password": "wrong-one"})
        good = api.post("/api/auth/login/", {"email": "pat@example.com", "password": TEST_PASSWORD})
        assert good.status_code == 200


def test_me_updates_name_timezone_and_language(cast: Any, as_user: Any) -> None:
    client = as_user(cast.pat)
    response = client.patch("/api/me/", {"full_name": "Pat Q", "timezone": "Asia/Kathmandu"})
    assert response.status_code == 200
    cast.pat.refresh_from_db()
    assert (cast.pat.full_name, cast.pat.timezone) == ("Pat Q", "Asia/Kathmandu")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"timezone": 5}, "timezone"),
        ({"language": "xx"}, "language"),
        ({"full_name": "  "}, "full_name"),
        ({"role": "physio"}, "role"),
        ({"clinic": 1}, "clinic"),
        ({"is_staff": True}, "is_staff"),
    ],
)
def test_bad_profile_changes_are_refused_and_nothing_changes(
    cast: Any, as_user: Any, body: dict[str, Any], field: str
) -> None:
    before = User.objects.values().get(pk=cast.pat.pk)
    response = as_user(cast.pat).patch("/api/me/", body)
    assert response.status_code == 400
    assert field in response.json()
    assert User.objects.values().get(pk=cast.pat.pk) == before


def test_malformed_json_is_a_400(cast: Any, as_user: Any) -> None:
    response = as_user(cast.pat).generic(
        "PATCH", "/api/me/", "{not json", content_type="application/json"
    )
    assert response.status_code == 400
    assert "detail" in response.json()


def test_oversized_body_is_a_413(cast: Any, as_user: Any) -> None:
    body = json.dumps({"full_name": "x" * 400_000})
    response = as_user(cast.pat).generic("PATCH", "/api/me/", body, content_type="application/json")
    assert response.status_code == 413


def test_password_reset_mails_a_link_that_sets_a_new_password(cast: Any, api: APIClient) -> None:
    assert api.post("/api/auth/password-reset/", {"email": "pat@example.com"}).status_code == 202
    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "forgot-password" in line)
    query = dict(part.split("=", 1) for part in link.split("?", 1)[1].split("&"))
    new = "a brand new passphrase"
    confirm = {"uid": query["uid"], "token": query["token"], "new_password": new}
    assert api.post("/api/auth/password-reset/confirm/", confirm).status_code == 204
    assert (
        api.post("/api/auth/login/", {"email": "pat@example.com", "password": new}).status_code
        == 200
    )
    # The link is single-use: the token is bound to the old password hash.
    assert api.post("/api/auth/password-reset/confirm/", confirm).status_code == 400


def test_password_reset_says_nothing_about_unknown_accounts(db: Any, api: APIClient) -> None:
    assert api.post("/api/auth/password-reset/", {"email": "ghost@example.com"}).status_code == 202
    assert mail.outbox == []


def test_weak_new_password_is_refused(cast: Any, api: APIClient) -> None:
    api.post("/api/auth/password-reset/", {"email": "pat@example.com"})
    link = next(line for line in mail.outbox[0].body.splitlines() if "forgot-password" in line)
    query = dict(part.split("=", 1) for part in link.split("?", 1)[1].split("&"))
    body = {"uid": query["uid"], "token": query["token"], "new_password": "12345"}
    response = api.post("/api/auth/password-reset/confirm/", body)
    assert response.status_code == 400
    assert "new_password" in response.json()


def test_a_password_reset_revokes_api_tokens(cast: Any, api: APIClient) -> None:
    token = api.post(
        "/api/auth/token/", {"email": "pat@example.com", "password": TEST_PASSWORD}
    ).json()["token"]
    api.post("/api/auth/password-reset/", {"email": "pat@example.com"})
    link = next(line for line in mail.outbox[0].body.splitlines() if "forgot-password" in line)
    query = dict(part.split("=", 1) for part in link.split("?", 1)[1].split("&"))
    confirm = {"uid": query["uid"], "token": query["token"], "new_password": "a fresh passphrase"}
    assert api.post("/api/auth/password-reset/confirm/", confirm).status_code == 204
    stolen = APIClient()
    stolen.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert stolen.get("/api/me/").status_code in (401, 403)
