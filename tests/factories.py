"""factory_boy factories: the smallest valid rows, overridable per test."""

from __future__ import annotations

from datetime import date, time
from typing import Any

import factory

from backend.accounts.models import CareLink, Clinic, Role, User
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
