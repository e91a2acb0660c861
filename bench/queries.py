"""SQL queries per request for the main endpoints at two data sizes: they must not grow.

In-process, with Django's test client and CaptureQueriesContext, on a SQLite database of
its own under a temp directory (query counts are the ORM's, the same on PostgreSQL).
"Baseline" is the count with little data; "ours" the count with much more of everything.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

from bench import Result

ENDPOINTS = [
    ("GET /api/today/", "patient", "/api/today/"),
    ("GET /api/sessions/", "patient", "/api/sessions/"),
    ("GET /api/exercises/", "patient", "/api/exercises/"),
    ("GET /api/inbox/", "patient", "/api/inbox/"),
    ("GET /api/progress/", "patient", "/api/progress/"),
    ("GET /api/patients/", "physio", "/api/patients/"),
    ("GET /api/patients/{id}/", "physio", "/api/patients/{patient}/"),
    ("GET /api/patients/{id}/sessions/", "physio", "/api/patients/{patient}/sessions/"),
]
SMALL = {"patients": 2, "assignments": 1, "sessions": 3, "messages": 2}
LARGE = {"patients": 40, "assignments": 4, "sessions": 120, "messages": 60}
SLUGS = ["glute-bridge", "bird-dog", "side-plank-knees", "dead-bug", "cat-cow", "pelvic-tilt"]


def _setup() -> None:
    os.environ["VAR_DIR"] = tempfile.mkdtemp(prefix="upright-bench-queries-")
    for name in ("DATABASE_URL", "REDIS_URL"):
        os.environ.pop(name, None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    from exercises.services import library_load

    library_load()


def _grow(size: dict[str, int], tag: str) -> dict[str, Any]:
    """One clinic, a physio and ``patients`` patients; the first patient ("pat") gets
    ``assignments`` assignments, ``sessions`` sessions (some with pain alerts) and
    ``messages`` inbox messages."""
    from backend.accounts.models import CareLink, Clinic, User
    from backend.inbox.models import InboxMessage
    from backend.programs import services
    from backend.programs.services import session_log

    clinic = Clinic.objects.create(name=f"Clinic {tag}")
    physio = User.objects.create_user(f"physio-{tag}@bench.test", None, role="physio",
                                      clinic=clinic)  # fmt: skip
    patients = []
    for n in range(size["patients"]):
        patient = User.objects.create_user(
            f"p{n}-{tag}@bench.test", None, role="patient", clinic=clinic, full_name=f"P {n}"
        )
        CareLink.objects.create(patient=patient, physio=physio)
        patients.append(patient)
    pat = patients[0]
    now = datetime.now(UTC).replace(microsecond=0)
    assignments = []
    for k in range(size["assignments"]):
        program = services.program_create(
            actor=physio, name=f"Program {k}",
            items=[{"exercise": s, "sets": 2, "reps": 8} for s in SLUGS],
        )  # fmt: skip
        for patient in patients:
            assignment = services.assignment_create(
                actor=physio, program=program, patient_id=patient.pk,
                start_date=date(2020, 1, 6), end_date=None,
                days_of_week=[1, 2, 3, 4, 5, 6, 7], preferred_time=None,
            )  # fmt: skip
            if patient == pat:
                assignments.append(assignment)
    for n in range(size["sessions"]):
        done = now - timedelta(hours=7 * n)
        session_log(
            patient=pat,
            data={
                "id": uuid.uuid4(), "assignment": assignments[n % len(assignments)],
                "started_at": done - timedelta(minutes=20), "completed_at": done,
                "pain_before": 2, "pain_after": 8 if n % 10 == 0 else 2,
                "difficulty": "about_right",
                "items": [{"exercise": s, "sets_done": 2, "reps_done": 8} for s in SLUGS],
                "notes": "",
            },
        )  # fmt: skip
    for n in range(size["messages"]):
        InboxMessage.objects.create(user=pat, kind="tip", title=f"Tip {n}", body="Stand up.")
    return {"patient": pat, "physio": physio}


def _count(people: dict[str, Any], who: str, path: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(people[who])
    url = path.format(patient=people["patient"].pk)
    client.get(url)  # warm caches that are per process, not per request
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"{url}: {response.status_code} {response.content[:300]!r}")
    return len(queries)


def run() -> list[Result]:
    _setup()
    small = _grow(SMALL, "small")
    large = _grow(LARGE, "large")
    results = []
    for name, who, path in ENDPOINTS:
        few, many = _count(small, who, path), _count(large, who, path)
        results.append(
            Result(
                f"SQL queries {name}", many, few, "= small data (no growth)", "queries",
                higher_is_better=False, baseline_label="small data", met=many <= few,
            )
        )  # fmt: skip
    return results


if __name__ == "__main__":
    from bench.__main__ import RESULT_PREFIX

    for result in run():
        print(RESULT_PREFIX + result.to_json(), flush=True)
