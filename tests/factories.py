"""factory_boy factories: the smallest valid rows, overridable per test."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import factory
from django.utils import timezone

from backend.accounts.models import CareLink, Clinic, Role, User
from backend.nudges.schedule import NudgeWindow
from backend.programs.models import Assignment
from backend.programs.services import assignment_create, program_create

TEST_PASSWORD = "correct horse battery staple"


class ClinicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Clinic

    name = factory.Sequence(lambda n: f"Clinic {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.com")
    full_name = factory.Sequence(lambda n: f"Person {n}")
    role = Role.PATIENT
    clinic = factory.SubFactory(ClinicFactory)
    timezone = "Europe/London"
    password = factory.django.Password(TEST_PASSWORD)


class PhysioFactory(UserFactory):
    role = Role.PHYSIO


class ClinicAdminFactory(UserFactory):
    role = Role.CLINIC_ADMIN
    is_staff = True


class CareLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CareLink

    patient = factory.SubFactory(UserFactory)
    physio = factory.SubFactory(PhysioFactory)


GLUTE_BRIDGE = {"exercise": "glute-bridge", "sets": 2, "reps": 10, "rest_seconds": 30}


def assign_program(
    physio: User,
    patient: User,
    *,
    items: list[dict[str, Any]] | None = None,
    start: date = date(2020, 1, 6),
    days: list[int] | None = None,
    preferred_time: time | None = None,
    name: str = "Core",
    notes: str = "",
) -> Assignment:
    """A program built by ``physio`` and assigned to ``patient`` through the services, as
    the API would do it (daily from a Monday in 2020 unless told otherwise)."""
    program = program_create(actor=physio, name=name, items=items or [GLUTE_BRIDGE])
    return assignment_create(
        actor=physio,
        program=program,
        patient_id=patient.pk,
        start_date=start,
        end_date=None,
        days_of_week=days or [1, 2, 3, 4, 5, 6, 7],
        preferred_time=preferred_time,
        notes=notes,
    )


# What a session's items say when the patient did the glute bridge as assigned.
DONE_ITEMS = [{"exercise": "glute-bridge", "sets_done": 2, "reps_done": 10}]


def _moment(value: datetime | str) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


def session_payload(
    assignment: Assignment | int,
    /,
    *,
    completed_at: datetime | str | None = None,
    minutes: int = 20,
    **changes: Any,
) -> dict[str, Any]:
    """The body of a ``POST /api/sessions/``: a new id, ``minutes`` long and ending at
    ``completed_at`` (now, to the second, unless told), pain 2 → 2, about right, the glute
    bridge done 2 x 10, no notes. Any other field is given as a keyword (``started_at``
    too); datetimes are sent as ISO 8601, strings as they are."""
    done = _moment(completed_at) if completed_at else timezone.now().replace(microsecond=0)
    body: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "assignment": assignment if isinstance(assignment, int) else assignment.pk,
        "started_at": (done - timedelta(minutes=minutes)).isoformat(),
        "completed_at": completed_at if isinstance(completed_at, str) else done.isoformat(),
        "pain_before": 2,
        "pain_after": 2,
        "difficulty": "about_right",
        "items": [dict(item) for item in DONE_ITEMS],
        "notes": "",
    }
    return body | {k: v.isoformat() if isinstance(v, datetime) else v for k, v in changes.items()}


def session_data(assignment: Assignment, /, **changes: Any) -> dict[str, Any]:
    """``session_payload`` as ``session_log`` receives it once the API's serializer has
    validated it (a UUID, the assignment itself, datetimes): for tests that log through the
    service, as the API does."""
    body = session_payload(assignment, **changes)
    return body | {
        "id": uuid.UUID(str(body["id"])),
        "assignment": assignment,
        "started_at": _moment(body["started_at"]),
        "completed_at": _moment(body["completed_at"]),
    }


def nudge_window(**fields: Any) -> NudgeWindow:
    """A plan's nudge window: every 30 minutes on weekdays from 09:00 to 17:00 in London, no
    quiet hours, unless told. Invalid fields raise as ``NudgeWindow`` does."""
    usual: dict[str, Any] = {
        "tz": ZoneInfo("Europe/London"),
        "interval": timedelta(minutes=30),
        "work_days": frozenset(range(1, 6)),
        "work_start": time(9),
        "work_end": time(17),
    }
    return NudgeWindow(**(usual | fields))
