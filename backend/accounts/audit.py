"""The access log: which physiotherapist or clinic administrator read which patient's
record, when, and through which URL. Views call ``record_patient_access`` after they have
checked that the caller may see the patient (a refused request reads nothing)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from backend.accounts.models import AuditEvent, Role, User

AUDITED_ROLES = frozenset({Role.PHYSIO, Role.CLINIC_ADMIN})

# Actions, one per kind of read.
PATIENT_DETAIL = "patient.detail"
PATIENT_SESSIONS = "patient.sessions"
PATIENT_PROGRESS = "patient.progress"
PATIENT_HANDOUT = "patient.handout"
PATIENT_OUTCOMES = "patient.outcomes"


def record_patient_access(actor: Any, patient: User, action: str, path: str) -> AuditEvent | None:
    """Append one row when clinic staff read a patient's data; patients reading their own
    records are not logged. ``path`` must be the URL path only (``request.path``): query
    strings can carry free text and are never stored."""
    if not isinstance(actor, User) or actor.role not in AUDITED_ROLES:
        return None
    return AuditEvent.objects.create(
        actor=actor, patient=patient, action=action, path=path.split("?", 1)[0][:300]
    )


def record_patients_access(actor: Any, patients: Iterable[User], action: str, path: str) -> int:
    """``record_patient_access`` for every patient of a list page, in one insert."""
    if not isinstance(actor, User) or actor.role not in AUDITED_ROLES:
        return 0
    clean = path.split("?", 1)[0][:300]
    rows = [
        AuditEvent(actor=actor, patient=patient, action=action, path=clean)
        for patient in {p.pk: p for p in patients}.values()
    ]
    AuditEvent.objects.bulk_create(rows)
    return len(rows)
