"""Serializers list their fields, owner fields are never writable, and requests that try
to set them are refused (StrictSerializer) with nothing changed."""

from __future__ import annotations

import importlib
import pkgutil
from datetime import date
from typing import Any

import pytest
from rest_framework import serializers

import backend
import exercises
from backend.accounts.models import Clinic, User
from backend.api import RejectUnknownFieldsMixin
from backend.nudges.models import NudgePlan
from backend.programs.models import Assignment, Program, Session
from tests.factories import assign_program, session_payload

# Fields that say who owns a row or what a person may do. No request body may set them,
# except where a listed input serializer chooses them on purpose (and a service checks).
PRIVILEGED = {
    "user",
    "owner",
    "patient",
    "physio",
    "created_by",
    "assigned_by",
    "actor",
    "clinic",
    "role",
    "is_staff",
    "is_superuser",
    "is_active",
    "groups",
    "user_permissions",
    "password",
    "email",
}
ALLOWED_ON_PURPOSE = {
    # The clinic's public contact address, set by its administrators only (IsClinicAdmin).
    ("ClinicContactSerializer", "email"),
    # A physio chooses the patient; the service checks the patient is theirs.
    ("AssignmentInSerializer", "patient"),
    ("ScheduleInSerializer", "patient"),
    # An inviter chooses the invited role; the service checks what each role may invite.
    ("InviteCreateSerializer", "role"),
    ("InviteCreateSerializer", "email"),
    # Credentials and new accounts: the person's own address and password.
    ("CredentialsSerializer", "email"),
    ("CredentialsSerializer", "password"),
    ("InviteAcceptSerializer", "email"),
    ("InviteAcceptSerializer", "password"),
    ("PasswordResetSerializer", "email"),
    ("AccountDeleteSerializer", "password"),
    ("PasswordConfirmSerializer", "password"),  # switching two-factor off: checked, not stored
    ("CareLinkCreateSerializer", "physio"),
    # Staff name the patient whose thread, consent or time log it is; the view looks the
    # patient up among those the caller may see (404 otherwise). Patients' own are ignored.
    ("MessageInSerializer", "patient"),
    ("ThreadReadInSerializer", "patient"),
    ("ConsentInSerializer", "patient"),
    ("TimeEntryInSerializer", "patient"),
    ("TimerStartSerializer", "patient"),
}


def project_serializers() -> list[type[serializers.BaseSerializer[Any]]]:
    for package in (backend, exercises):
        for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if ".migrations" not in module.name and ".management" not in module.name:
                importlib.import_module(module.name)
    found: list[type[serializers.BaseSerializer[Any]]] = []
    pending: list[type[Any]] = [serializers.BaseSerializer]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls.__module__.startswith(("backend.", "exercises.")) and not issubclass(
            cls, serializers.ListSerializer
        ):
            found.append(cls)
    return sorted(set(found), key=lambda c: f"{c.__module__}.{c.__qualname__}")


SERIALIZERS = project_serializers()


def test_the_walk_finds_the_projects_serializers() -> None:
    names = {cls.__name__ for cls in SERIALIZERS}
    assert {"MeSerializer", "SessionSerializer", "SessionInSerializer", "PlanSerializer"} <= names


@pytest.mark.parametrize("cls", SERIALIZERS, ids=lambda c: c.__name__)
def test_model_serializers_list_their_fields(cls: type[Any]) -> None:
    meta = getattr(cls, "Meta", None)
    if meta is None or not hasattr(meta, "model"):
        return  # not a model serializer, or an abstract base
    assert not hasattr(meta, "exclude"), f"{cls.__name__}: list fields, do not exclude"
    assert isinstance(meta.fields, list | tuple), f"{cls.__name__}: fields must be listed"


def request_bodies() -> list[tuple[str, Any]]:
    """(operation, request serializer) of every operation in the API that takes a body,
    found the way the OpenAPI generator finds them."""
    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.settings import spectacular_settings

    generator = SchemaGenerator()
    generator._initialise_endpoints()
    bodies = []
    for path, regex, method, view in generator._get_paths_and_endpoints():
        if method not in ("POST", "PUT", "PATCH", "DELETE"):
            continue
        view.request = spectacular_settings.GET_MOCK_REQUEST(method, path, view, None)
        view.schema.get_operation(path, regex, "^/api/", method, generator.registry)
        serializer = view.schema.get_request_serializer()
        if serializer is not None:
            bodies.append((f"{method} {path}", serializer))
    return bodies


REQUEST_BODIES = request_bodies()


def test_the_walk_finds_the_request_bodies() -> None:
    operations = {operation for operation, _ in REQUEST_BODIES}
    assert {"POST /api/sessions/", "PATCH /api/me/", "PUT /api/nudges/plan/"} <= operations


@pytest.mark.parametrize(("operation", "serializer"), REQUEST_BODIES, ids=lambda v: str(v))
def test_request_bodies_refuse_unknown_and_owner_fields(operation: str, serializer: Any) -> None:
    cls = serializer if isinstance(serializer, type) else type(serializer)
    assert issubclass(cls, RejectUnknownFieldsMixin), (
        f"{operation}: {cls.__name__} would silently ignore unknown fields; base it on "
        "StrictSerializer / StrictModelSerializer"
    )
    fields = (serializer() if isinstance(serializer, type) else serializer).fields
    writable = {name for name, field in fields.items() if not field.read_only}
    risky = {n for n in writable & PRIVILEGED if (cls.__name__, n) not in ALLOWED_ON_PURPOSE}
    assert not risky, f"{operation}: {cls.__name__} lets a request set {sorted(risky)}"


# --- The same over HTTP: each attempt is refused, and nothing changed -----------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "change",
    [
        {"role": "clinic_admin"},
        {"email": "mallory@example.com"},
        {"is_staff": True},
        {"is_superuser": True},
        {"clinic": 1},
        {"full_name": "Pat", "role": "physio"},
    ],
)
def test_a_patient_cannot_promote_herself(cast: Any, as_user: Any, change: dict[str, Any]) -> None:
    before = User.objects.values().get(pk=cast.pat.pk)
    response = as_user(cast.pat).patch("/api/me/", change)
    assert response.status_code == 400
    assert User.objects.values().get(pk=cast.pat.pk) == before


@pytest.fixture
def assignment(cast: Any, library: Any) -> Assignment:
    return assign_program(cast.phil, cast.pat, start=date(2020, 1, 1))


def test_a_session_cannot_be_logged_for_someone_else(
    cast: Any, as_user: Any, assignment: Assignment
) -> None:
    body = session_payload(
        assignment,
        id="3f0c6d6e-2d1b-4b8a-9d55-0d8a0e4c1a11",
        started_at="2024-03-04T10:00:00Z",
        completed_at="2024-03-04T10:20:00Z",
        pain_before=3,
        items=[],
    )
    for extra in ({"patient": cast.olive.pk}, {"body_hash": "0" * 64}, {"alert_reason": ""}):
        response = as_user(cast.pat).post("/api/sessions/", {**body, **extra})
        assert response.status_code == 400, extra
    assert not Session.objects.exists()
    # Someone else's assignment: refused too, never logged against Olive's program.
    assert as_user(cast.olive).post("/api/sessions/", body).status_code == 400
    assert not Session.objects.exists()


def test_a_physio_cannot_set_who_assigned_or_which_clinic(
    cast: Any, as_user: Any, assignment: Assignment
) -> None:
    hilltop = Clinic.objects.get(name="Hilltop")
    program = {
        "name": "Mine",
        "items": [{"exercise": "glute-bridge", "sets": 1, "reps": 5}],
        "clinic": hilltop.pk,
    }
    assert as_user(cast.phil).post("/api/programs/", program).status_code == 400
    assert not Program.objects.filter(clinic=hilltop).exists()
    body = {
        "program": assignment.program_id,
        "patient": cast.pat.pk,
        "start_date": "2026-01-05",
        "days_of_week": [1],
        "assigned_by": cast.carla.pk,
    }
    assert as_user(cast.phil).post("/api/assignments/", body).status_code == 400
    assert Assignment.objects.count() == 1


def test_a_nudge_plan_cannot_be_moved_to_another_person(cast: Any, as_user: Any) -> None:
    client = as_user(cast.pat)
    plan = client.get("/api/nudges/plan/").json()
    assert client.put("/api/nudges/plan/", {**plan, "user": cast.olive.pk}).status_code == 400
    # A read-only key sent back (PUT what you GOT) is ignored, never stored.
    sent = client.put("/api/nudges/plan/", {**plan, "next_due_at": "2026-01-01T00:00:00Z"})
    assert sent.status_code == 200
    assert sent.json()["next_due_at"] != "2026-01-01T00:00:00Z"
    assert not NudgePlan.objects.filter(user=cast.olive).exists()


def test_an_invite_cannot_choose_a_clinic_or_grant_admin(cast: Any, as_user: Any) -> None:
    hilltop = Clinic.objects.get(name="Hilltop")
    response = as_user(cast.phil).post("/api/invites/", {"role": "patient", "clinic": hilltop.pk})
    assert response.status_code == 400
    response = as_user(cast.adam).post("/api/invites/", {"role": "clinic_admin"})
    assert response.status_code == 400
