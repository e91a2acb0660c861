"""Two-factor sign-in: enrol with a QR, confirm, recovery codes; the API's session login,
token issue and the admin require the code once enrolled; a clinic can require it; code
guesses are throttled like passwords."""

from __future__ import annotations

import time
from typing import Any

import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.test import APIClient

from backend.accounts.tokens import token_issue
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db


def _code(device: TOTPDevice) -> str:
    value = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{value:06d}"


def _enrol(client: APIClient) -> tuple[TOTPDevice, list[str]]:
    setup = client.post("/api/me/two-factor/setup/")
    assert setup.status_code == 200
    body = setup.json()
    assert body["otpauth_url"].startswith("otpauth://totp/Upright")
    assert body["qr_svg"].startswith("<svg")
    device = TOTPDevice.objects.get(confirmed=False)
    confirm = client.post("/api/me/two-factor/confirm/", {"code": _code(device)})
    assert confirm.status_code == 200
    codes = confirm.json()["recovery_codes"]
    device.refresh_from_db()
    return device, codes


def _login(email: str, **extra: str) -> Any:
    return APIClient().post(
        "/api/auth/token/", {"email": email, "password": TEST_PASSWORD, **extra}
    )


def test_enrolment_then_token_issue_needs_the_code(cast: Any, as_user: Any) -> None:
    client = as_user(cast.phil)
    assert client.get("/api/me/").json()["two_factor"]["enrolled"] is False
    device, codes = _enrol(client)
    assert len(codes) == 10 and device.confirmed
    assert client.get("/api/me/two-factor/").json()["recovery_codes_left"] == 10

    missing = _login("phil@example.com")
    assert missing.status_code == 400 and missing.json()["otp_required"] is True
    assert "token" not in missing.json()
    assert _login("phil@example.com", otp="000000").status_code == 400
    # A fresh time step: TOTP codes are single-use.
    device.refresh_from_db()
    later = time.time() + 60
    import time_machine

    with time_machine.travel(later, tick=False):
        ok = _login("phil@example.com", otp=_code(device))
    assert ok.status_code == 200 and ok.json()["token"]


def test_a_recovery_code_works_once(cast: Any, as_user: Any) -> None:
    _, codes = _enrol(as_user(cast.phil))
    assert _login("phil@example.com", otp=codes[0]).status_code == 200
    assert _login("phil@example.com", otp=codes[0]).status_code == 400
    assert as_user(cast.phil).get("/api/me/two-factor/").json()["recovery_codes_left"] == 9


def test_session_login_needs_the_code_too(cast: Any, as_user: Any) -> None:
    _, codes = _enrol(as_user(cast.phil))
    browser = APIClient()
    body = {"email": "phil@example.com", "password": TEST_PASSWORD}
    assert browser.post("/api/auth/login/", body).status_code == 400
    assert browser.get("/api/me/").status_code == 401
    assert browser.post("/api/auth/login/", {**body, "otp": codes[1]}).status_code == 200
    assert browser.get("/api/me/").status_code == 200


def test_code_guesses_are_throttled_like_passwords(cast: Any, as_user: Any, settings: Any) -> None:
    _, codes = _enrol(as_user(cast.phil))
    for n in range(settings.LOGIN_THROTTLE_ACCOUNT_LIMIT):
        assert _login("phil@example.com", otp=f"{n:06d}").status_code == 400
    # Over the limit even a right code is not checked.
    assert _login("phil@example.com", otp=codes[2]).status_code == 429


def test_the_admin_asks_for_the_code(cast: Any, as_user: Any) -> None:
    _, codes = _enrol(as_user(cast.adam))
    browser = Client()
    page = browser.post(
        "/admin/login/", {"username": "adam@example.com", "password": TEST_PASSWORD}
    )
    assert page.status_code == 200 and b"code" in page.content
    assert "_auth_user_id" not in browser.session
    page = browser.post(
        "/admin/login/",
        {"username": "adam@example.com", "password": TEST_PASSWORD, "otp": codes[0]},
    )
    assert page.status_code == 302
    assert browser.get("/admin/").status_code == 200


def test_a_clinic_can_require_two_factor(cast: Any, as_user: Any) -> None:
    clinic = cast.phil.clinic
    clinic.require_two_factor = True
    clinic.save()
    # A real credential: the requirement lives in the API's authentication.
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_issue(cast.phil)[1]}")
    me = client.get("/api/me/").json()
    assert me["two_factor"] == {
        "enrolled": False,
        "required_by_clinic": True,
        "recovery_codes_left": 0,
    }
    refused = client.get("/api/patients/")
    assert refused.status_code == 403 and "two-factor" in refused.json()["detail"]
    # The admin is closed to a clinic admin who has not enrolled.
    page = Client().post(
        "/admin/login/", {"username": "adam@example.com", "password": TEST_PASSWORD}
    )
    assert b"requires two-factor" in page.content
    # Patients are not clinicians: unaffected.
    assert as_user(cast.pat).get("/api/today/").status_code == 200
    _enrol(client)
    assert client.get("/api/patients/").status_code == 200
    # Required: it cannot be switched off.
    response = client.delete("/api/me/two-factor/", {"password": TEST_PASSWORD}, format="json")
    assert response.status_code == 400


def test_two_factor_can_be_switched_off_with_the_password(cast: Any, as_user: Any) -> None:
    client = as_user(cast.phil)
    _enrol(client)
    assert (
        client.delete("/api/me/two-factor/", {"password": "wrong"}, format="json").status_code
        == 400
    )
    assert (
        client.delete("/api/me/two-factor/", {"password": TEST_PASSWORD}, format="json").status_code
        == 204
    )
    assert _login("phil@example.com").status_code == 200


def test_a_wrong_confirmation_code_enrols_nothing(cast: Any, as_user: Any) -> None:
    client = as_user(cast.phil)
    client.post("/api/me/two-factor/setup/")
    assert client.post("/api/me/two-factor/confirm/", {"code": "123"}).status_code == 400
    assert client.get("/api/me/two-factor/").json()["enrolled"] is False
    assert _login("phil@example.com").status_code == 200
