"""Object-level access: every object endpoint, role and relation.

Each row names an endpoint that shows Pat's data (or Phil's invite) and, for every
persona, whether they may see it. "Same clinic, not assigned" (Carla, Olive) and
"another clinic" (Hugo, Hana, Heidi) must get a 404, never the data. Later features add
their endpoints to ENDPOINTS.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest

pytestmark = pytest.mark.django_db

PERSONAS = ("pat", "phil", "carla", "olive", "adam", "hugo", "hana", "heidi")

# endpoint name → (URL builder, personas allowed). Everybody else must get 404/403.
ENDPOINTS: dict[str, tuple[Callable[[Any], str], set[str]]] = {
    "patient detail": (lambda c: f"/api/patients/{c.pat.pk}/", {"phil", "adam"}),
    "patient sessions": (lambda c: f"/api/patients/{c.pat.pk}/sessions/", {"phil", "adam"}),
    "patient add physio": (lambda c: f"/api/patients/{c.pat.pk}/physios/", {"adam"}),
    "invite qr": (lambda c: f"/api/invites/{c.invite.code}/qr.svg", {"phil", "adam"}),
    "program detail": (lambda c: f"/api/programs/{c.program.pk}/", {"phil", "carla", "adam"}),
    # Colleagues use a program but only its author edits it (403 for Carla).
    "program edit": (lambda c: f"/api/programs/{c.program.pk}/", {"phil"}),
    "assignment detail": (
        lambda c: f"/api/assignments/{c.assignment.pk}/",
        {"pat", "phil", "adam"},
    ),
    "assignment pause": (lambda c: f"/api/assignments/{c.assignment.pk}/pause/", {"phil"}),
    "assignment end": (lambda c: f"/api/assignments/{c.assignment.pk}/end/", {"phil"}),
    "assignment handout": (
        lambda c: f"/api/assignments/{c.assignment.pk}/handout.pdf",
        {"pat", "phil", "adam"},
    ),
    "assignment calendar": (
        lambda c: f"/api/assignments/{c.assignment.pk}/calendar/",
        {"pat", "phil", "adam"},
    ),
    "session detail": (lambda c: f"/api/sessions/{c.session.pk}/", {"pat"}),
    "alert resolve": (lambda c: f"/api/alerts/{c.alert.pk}/resolve/", {"phil", "adam"}),
    "nudge ack": (lambda c: f"/api/nudges/{c.nudge.pk}/ack/", {"pat"}),
    "inbox read": (lambda c: f"/api/inbox/{c.message.pk}/read/", {"pat"}),
    "patient fhir": (lambda c: f"/api/patients/{c.pat.pk}/fhir/", {"phil", "adam"}),
    "assignment breaks": (
        lambda c: f"/api/assignments/{c.assignment.pk}/breaks/",
        {"phil", "adam"},
    ),
    "assignment breaks edit": (
        lambda c: f"/api/assignments/{c.assignment.pk}/breaks/",
        {"phil", "adam"},
    ),
    "patient break stats": (
        lambda c: f"/api/patients/{c.pat.pk}/breaks/stats/",
        {"phil", "adam"},
    ),
}
# Endpoints that change something: (method, body). The rest are GETs.
REQUESTS: dict[str, tuple[str, Callable[[Any], dict[str, Any]] | None]] = {
    "patient add physio": ("post", lambda c: {"physio": c.carla.pk}),
    "program edit": ("patch", lambda c: {"name": "Daily core, gentler"}),
    "assignment pause": ("post", None),
    "assignment end": ("post", None),
    "assignment calendar": ("post", None),
    "alert resolve": ("post", None),
    "nudge ack": ("post", lambda c: {"action": "dismiss"}),
    "inbox read": ("post", None),
    "assignment breaks edit": (
        "put",
        lambda c: {"items": [{"exercise": "chin-tuck", "reps": 10}], "excluded": []},
    ),
}
PATIENTS = {"pat", "olive", "hana"}
STAFF = {"phil", "carla", "adam", "hugo", "heidi"}
# Roles that may not use the endpoint at all get 403; everyone else of a role that may
# use it, but who has no right to this object, gets 404 (the object "does not exist").
ROLE_FORBIDDEN: dict[str, set[str]] = {
    "patient detail": PATIENTS,
    "patient sessions": PATIENTS,
    "patient add physio": PATIENTS | {"phil", "carla", "hugo"},
    "invite qr": PATIENTS,
    "program detail": PATIENTS,
    "program edit": PATIENTS | {"adam", "heidi", "carla"},
    "assignment detail": set(),
    "assignment pause": PATIENTS | {"adam", "heidi"},
    "assignment end": PATIENTS | {"adam", "heidi"},
    "assignment handout": set(),
    "assignment calendar": set(),
    "session detail": STAFF,
    "alert resolve": PATIENTS,
    "nudge ack": STAFF,
    "inbox read": set(),
    "patient fhir": PATIENTS,
    "assignment breaks": PATIENTS,
    "assignment breaks edit": PATIENTS,
    "patient break stats": PATIENTS,
}


@pytest.fixture
def world(cast: Any, library: Any) -> Any:
    """Pat's things: Phil's invite and program, her assignment, a session that raised a
    pain alert, a nudge and an inbox message."""
    from backend.accounts.services import invite_create
    from backend.inbox.models import InboxMessage
    from backend.nudges.models import Nudge, NudgePlan
    from backend.programs import services
    from backend.programs.models import Alert
    from backend.programs.services import session_log
    from tests.factories import session_data

    cast.invite = invite_create(inviter=cast.phil, role="patient")
    cast.program = services.program_create(
        actor=cast.phil,
        name="Daily core",
        items=[{"exercise": "glute-bridge", "sets": 2, "reps": 10, "rest_seconds": 30}],
    )
    cast.assignment = services.assignment_create(
        actor=cast.phil,
        program=cast.program,
        patient_id=cast.pat.pk,
        start_date=date(2020, 1, 6),
        end_date=None,
        days_of_week=[1, 3, 5],
        preferred_time=None,
    )
    cast.session, _ = session_log(
        patient=cast.pat,
        data=session_data(
            cast.assignment,
            completed_at=datetime(2024, 3, 4, 10, 20, tzinfo=UTC),
            pain_after=9,
            difficulty="too_hard",
            items=[],
        ),
    )
    cast.alert = Alert.objects.get(session=cast.session)
    plan = NudgePlan.objects.create(user=cast.pat)
    cast.nudge = Nudge.objects.create(
        plan=plan, user=cast.pat, slot=datetime(2024, 3, 4, 11, 0, tzinfo=UTC), content="tip:x"
    )
    cast.message = InboxMessage.objects.create(
        user=cast.pat, kind="nudge", title="Time to move", extra=cast.nudge.inbox_extra()
    )
    cast.nudge.message = cast.message
    cast.nudge.save(update_fields=["message"])
    return cast


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("endpoint", sorted(ENDPOINTS))
def test_object_access(world: Any, as_user: Any, endpoint: str, persona: str) -> None:
    url_for, allowed = ENDPOINTS[endpoint]
    method, body_for = REQUESTS.get(endpoint, ("get", None))
    body = body_for(world) if body_for else None
    response = getattr(as_user(getattr(world, persona)), method)(url_for(world), body)
    if persona in allowed:
        assert response.status_code in (200, 201), response.content
    elif persona in ROLE_FORBIDDEN[endpoint]:
        assert response.status_code == 403
    else:
        assert response.status_code == 404
        assert b"pat@example.com" not in response.content
        assert b"Pat Patient" not in response.content


def test_every_endpoint_has_a_rule_for_every_persona() -> None:
    assert set(ROLE_FORBIDDEN) == set(ENDPOINTS)
    for endpoint, (_, allowed) in ENDPOINTS.items():
        assert not allowed & ROLE_FORBIDDEN[endpoint], endpoint


@pytest.mark.parametrize("persona", ["carla", "olive", "hugo", "hana", "heidi"])
@pytest.mark.parametrize("path", ["/api/outcomes/responses/", "/api/outcomes/schedules/"])
def test_filtering_a_list_by_someone_elses_patient_shows_nothing(
    world: Any, as_user: Any, persona: str, path: str
) -> None:
    from backend.outcomes.models import OutcomeResponse, OutcomeSchedule

    schedule = OutcomeSchedule.objects.create(
        patient=world.pat, measure="nprs", start_date=date(2024, 3, 4), created_by=world.phil
    )
    OutcomeResponse.objects.create(
        patient=world.pat,
        measure="nprs",
        schedule=schedule,
        answers=[4],
        score=4,
        local_date=date(2024, 3, 4),
    )
    response = as_user(getattr(world, persona)).get(path, {"patient": world.pat.pk})
    assert response.status_code in (200, 403, 404)
    if response.status_code == 200:
        assert response.json()["results"] == []
    assert b"Pat Patient" not in response.content


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
