"""The demo clinic's people for ``seed_demo``: a physio, a patient and a clinic admin."""

from __future__ import annotations

from dataclasses import dataclass

from backend.accounts.models import CareLink, Clinic, Role, User

DEMO_CLINIC = "Upright Demo Clinic"
DEMO_USERS = (
    ("physio@example.com", "Priya Physio", Role.PHYSIO),
    ("patient@example.com", "Pat Patient", Role.PATIENT),
    ("admin@example.com", "Ada Admin", Role.CLINIC_ADMIN),
)


@dataclass(frozen=True)
class DemoPeople:
    clinic: Clinic
    physio: User
    patient: User
    admin: User


def demo_people(password: str) -> DemoPeople:
    """Create (or refresh) the demo clinic and its people, every one with ``password``;
    the patient is in the physio's care."""
    clinic, _ = Clinic.objects.get_or_create(name=DEMO_CLINIC)
    people: dict[str, User] = {}
    for email, name, role in DEMO_USERS:
        user, _created = User.objects.get_or_create(
            email=email,
            defaults={
                "full_name": name,
                "role": role,
                "clinic": clinic,
                "timezone": "Europe/London",
                "is_staff": role == Role.CLINIC_ADMIN,
            },
        )
        user.set_password(password)
        user.save(update_fields=["password"])
        people[role] = user
    CareLink.objects.get_or_create(patient=people[Role.PATIENT], physio=people[Role.PHYSIO])
    return DemoPeople(
        clinic=clinic,
        physio=people[Role.PHYSIO],
        patient=people[Role.PATIENT],
        admin=people[Role.CLINIC_ADMIN],
    )
