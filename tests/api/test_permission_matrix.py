"""Object-level access: every object endpoint, role and relation.

Each row names an endpoint that shows Pat's data (or Phil's invite) and, for every
persona, whether they may see it. "Same clinic, not assigned" (Carla, Olive) and
"another clinic" (Hugo, Hana, Heidi) must get a 404, never the data. Later features add
their endpoints to ENDPOINTS.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

pytestmark = pytest.mark.django_db

PERSONAS = ("pat", "phil", "carla", "olive", "adam", "hugo", "hana", "heidi")

# endpoint name → (URL builder, personas allowed). Everybody else must get 404/403.
ENDPOINTS: dict[str, tuple[Callable[[Any], str], set[str]]] = {
    "patient detail": (lambda c: f"/api/patients/{c.pat.pk}/", {"phil", "adam"}),
    "invite qr": (lambda c: f"/api/invites/{c.invite.code}/qr.svg", {"phil", "adam"}),
}
# Roles that may not use the endpoint at all get 403; everyone else of a role that may
# use it, but who has no right to this object, gets 404 (the object "does not exist").
ROLE_FORBIDDEN: dict[str, set[str]] = {
    "patient detail": {"pat", "olive", "hana"},
    "invite qr": {"pat", "olive", "hana"},
}


@pytest.fixture
def world(cast: Any) -> Any:
    from backend.accounts.services import invite_create

    cast.invite = invite_create(inviter=cast.phil, role="patient")
    return cast


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("endpoint", sorted(ENDPOINTS))
def test_object_access(world: Any, as_user: Any, endpoint: str, persona: str) -> None:
    url_for, allowed = ENDPOINTS[endpoint]
    response = as_user(getattr(world, persona)).get(url_for(world))
    if persona in allowed:
        assert response.status_code == 200
    elif persona in ROLE_FORBIDDEN[endpoint]:
        assert response.status_code == 403
    else:
        assert response.status_code == 404
        assert b"pat@example.com" not in response.content


@pytest.mark.parametrize(
    ("persona", "visible"),
    [
        ("phil", {"pat@example.com"}),
        ("carla", {"olive@example.com"}),
        ("adam", {"pat@example.com", "olive@example.com"}),
        ("hugo", {"hana@example.com"}),
        ("heidi", {"hana@example.com"}),
    ],
)
def test_patient_lists_are_scoped(cast: Any, as_user: Any, persona: str, visible: set[str]) -> None:
    results = as_user(getattr(cast, persona)).get("/api/patients/").json()["results"]
    assert {row["email"] for row in results} == visible


def test_anonymous_sees_nothing_private(cast: Any, as_user: Any) -> None:
    for url in ("/api/me/", "/api/patients/", f"/api/patients/{cast.pat.pk}/", "/api/invites/"):
        assert as_user(None).get(url).status_code in (401, 403)


def test_clinic_admin_assigns_a_physio_of_their_clinic_only(cast: Any, as_user: Any) -> None:
    url = f"/api/patients/{cast.pat.pk}/physios/"
    assert as_user(cast.adam).post(url, {"physio": cast.carla.pk}).status_code == 201
    assert as_user(cast.adam).post(url, {"physio": cast.hugo.pk}).status_code == 404
    assert as_user(cast.heidi).post(url, {"physio": cast.hugo.pk}).status_code == 404
    assert as_user(cast.phil).post(url, {"physio": cast.carla.pk}).status_code == 403
    emails = {p["email"] for p in as_user(cast.carla).get("/api/patients/").json()["results"]}
    assert "pat@example.com" in emails
