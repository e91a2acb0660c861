"""Invites: physios invite patients, clinic admins invite physios; codes are single-use."""

from __future__ import annotations

import socket
from datetime import timedelta
from typing import Any
from xml.etree import ElementTree

import pytest
import time_machine
from django.core import mail
from django.utils import timezone
from rest_framework.test import APIClient

from backend.accounts.models import CareLink, Invite, User

pytestmark = pytest.mark.django_db

NEW_PATIENT = {
    "email": "newbie@example.com",
    "full_name": "Nina Newbie",
    "password": "a long and lovely password",
    "timezone": "America/New_York",
}


def _invite(client: APIClient, **body: Any) -> dict[str, Any]:
    response = client.post("/api/invites/", body or {"role": "patient"})
    assert response.status_code == 201, response.content
    return dict(response.json())


def test_physio_invites_a_patient_who_joins_their_caseload(cast: Any, as_user: Any) -> None:
    invite = _invite(as_user(cast.phil))
    assert invite["url"].endswith(f"/invite/{invite['code']}")
    anon = APIClient()
    lookup = anon.get(f"/api/invites/{invite['code'].lower()}/")
    assert lookup.json() == {
        "code": invite["code"],
        "role": "patient",
        "clinic_name": "Riverside",
        "email": "",
        "expires_at": invite["expires_at"],
        "valid": True,
    }
    accepted = anon.post(f"/api/invites/{invite['code']}/accept/", NEW_PATIENT)
    assert accepted.status_code == 201
    assert accepted.json()["timezone"] == "America/New_York"
    nina = User.objects.get(email="newbie@example.com")
    assert nina.clinic == cast.phil.clinic
    assert CareLink.objects.filter(patient=nina, physio=cast.phil).exists()
    assert anon.get("/api/me/").json()["email"] == "newbie@example.com"  # signed in
    ids = [p["id"] for p in as_user(cast.phil).get("/api/patients/").json()["results"]]
    assert nina.pk in ids


def test_an_invite_with_an_address_is_emailed_and_its_lookup_prefills_it(
    cast: Any, as_user: Any
) -> None:
    invite = _invite(as_user(cast.phil), role="patient", email="Nina@Example.com")
    assert invite["emailed"] is True
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["nina@example.com"]
    assert "Riverside" in sent.subject
    assert invite["url"] in sent.body and invite["code"] in sent.body
    assert "Phil Physio" in sent.body
    lookup = APIClient().get(f"/api/invites/{invite['code']}/").json()
    assert lookup["email"] == "nina@example.com"
    # Without an address nothing is sent.
    assert _invite(as_user(cast.phil))["emailed"] is False
    assert len(mail.outbox) == 1


def test_an_invite_still_works_when_the_mail_server_is_down(
    cast: Any, as_user: Any, settings: Any
) -> None:
    with socket.socket() as probe:  # a port nothing listens on: the SMTP connect is refused
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 5
    invite = _invite(as_user(cast.phil), role="patient", email="nina@example.com")
    assert invite["emailed"] is False
    assert Invite.objects.filter(code=invite["code"], email="nina@example.com").exists()


def test_clinic_admin_invites_a_physio(cast: Any, as_user: Any) -> None:
    invite = _invite(as_user(cast.adam), role="physio")
    body = {**NEW_PATIENT, "email": "doc@example.com"}
    assert APIClient().post(f"/api/invites/{invite['code']}/accept/", body).status_code == 201
    doc = User.objects.get(email="doc@example.com")
    assert (doc.role, doc.clinic) == ("physio", cast.adam.clinic)


@pytest.mark.parametrize("who", ["pat", "phil"])
def test_patients_and_physios_cannot_invite_physios(cast: Any, as_user: Any, who: str) -> None:
    response = as_user(getattr(cast, who)).post("/api/invites/", {"role": "physio"})
    assert response.status_code in (400, 403)
    assert not Invite.objects.exists()


def test_invite_qr_code_is_an_svg_for_the_inviter_only(cast: Any, as_user: Any) -> None:
    invite = _invite(as_user(cast.phil))
    response = as_user(cast.phil).get(invite["qr_svg_url"])
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert ElementTree.fromstring(response.content)  # noqa: S314 (our own output).tag.endswith("svg")
    assert as_user(cast.hugo).get(invite["qr_svg_url"]).status_code == 404


def test_a_code_works_once(cast: Any, as_user: Any) -> None:
    code = _invite(as_user(cast.phil))["code"]
    assert APIClient().post(f"/api/invites/{code}/accept/", NEW_PATIENT).status_code == 201
    again = APIClient().post(
        f"/api/invites/{code}/accept/", {**NEW_PATIENT, "email": "second@example.com"}
    )
    assert again.status_code == 400
    assert "already been used" in again.json()["code"][0]
    assert not User.objects.filter(email="second@example.com").exists()


def test_an_expired_code_is_refused(cast: Any, as_user: Any) -> None:
    code = _invite(as_user(cast.phil))["code"]
    with time_machine.travel(timezone.now() + timedelta(days=4)):
        response = APIClient().post(f"/api/invites/{code}/accept/", NEW_PATIENT)
        assert APIClient().get(f"/api/invites/{code}/").json()["valid"] is False
    assert response.status_code == 400
    assert "expired" in response.json()["code"][0]
    assert not User.objects.filter(email=NEW_PATIENT["email"]).exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"timezone": "Atlantis/Capital"}, "timezone"),
        ({"password": "short"}, "password"),
        ({"full_name": ""}, "full_name"),
        ({"email": "not-an-email"}, "email"),
        ({"email": "pat@example.com"}, "email"),
        ({"role": "clinic_admin"}, "role"),
    ],
)
def test_bad_acceptance_writes_nothing_and_keeps_the_code_usable(
    cast: Any, as_user: Any, change: dict[str, str], field: str
) -> None:
    code = _invite(as_user(cast.phil))["code"]
    users_before = User.objects.count()
    response = APIClient().post(f"/api/invites/{code}/accept/", {**NEW_PATIENT, **change})
    assert response.status_code == 400
    assert field in response.json()
    assert User.objects.count() == users_before
    assert Invite.objects.get(code=code).used_at is None


def test_invite_for_a_named_address_accepts_only_that_address(cast: Any, as_user: Any) -> None:
    code = _invite(as_user(cast.phil), role="patient", email="Named@Example.com")["code"]
    wrong = APIClient().post(f"/api/invites/{code}/accept/", NEW_PATIENT)
    assert wrong.status_code == 400
    right = {**NEW_PATIENT, "email": "named@example.com"}
    assert APIClient().post(f"/api/invites/{code}/accept/", right).status_code == 201


def test_unknown_code_is_404_on_lookup_and_400_on_accept(db: Any) -> None:
    assert APIClient().get("/api/invites/NOSUCHCODE/").status_code == 404
    assert APIClient().post("/api/invites/NOSUCHCODE/accept/", NEW_PATIENT).status_code == 400


def test_physio_lists_only_own_invites(cast: Any, as_user: Any) -> None:
    mine = _invite(as_user(cast.phil))["code"]
    _invite(as_user(cast.carla))
    codes = [i["code"] for i in as_user(cast.phil).get("/api/invites/").json()["results"]]
    assert codes == [mine]


def test_accepting_an_invite_needs_the_csrf_token(cast: Any, as_user: Any) -> None:
    """Accepting signs the browser in: another site must not be able to do that."""
    code = _invite(as_user(cast.phil))["code"]
    browser = APIClient(enforce_csrf_checks=True)
    assert browser.post(f"/api/invites/{code}/accept/", NEW_PATIENT).status_code == 403
    token = browser.get("/api/auth/csrf/").json()["csrfToken"]
    accepted = browser.post(f"/api/invites/{code}/accept/", NEW_PATIENT, HTTP_X_CSRFTOKEN=token)
    assert accepted.status_code == 201
