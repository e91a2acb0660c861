"""The caseload's unread-message and this-month day counts: right figures, and a query
count that does not grow with the caseload (20 vs 2,000 patients)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.accounts.models import CareLink, Role, User
from backend.messaging.models import Consent, Message
from backend.nudges.models import Break

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def _caseload_of(physio: User, size: int) -> None:
    patients = User.objects.bulk_create(
        User(
            email=f"p{size}-{i}@example.com",
            full_name=f"P {i:05d}",
            role=Role.PATIENT,
            clinic_id=physio.clinic_id,
            timezone="Europe/London",
        )
        for i in range(size)
    )
    CareLink.objects.bulk_create(CareLink(patient=p, physio=physio) for p in patients)
    Consent.objects.bulk_create(
        Consent(patient=p, given_on=date(2026, 11, 1), method="written", recorded_by=physio)
        for p in patients
    )
    Message.objects.bulk_create(
        Message(
            id=uuid.uuid4(),
            patient=p,
            sender=p,
            sender_is_patient=True,
            body="hi",
            body_hash="x",
            created_at=NOW,
        )
        for p in patients
    )
    Break.objects.bulk_create(Break(user=p, taken_at=NOW) for p in patients)


def _queries(client: Any) -> int:
    with CaptureQueriesContext(connection) as queries:
        answer = client.get("/api/patients/")
    assert answer.status_code == 200
    return len(queries)


@time_machine.travel(NOW, tick=False)
def test_counts_are_on_each_row(cast: Any, as_user: Any) -> None:
    Consent.objects.create(patient=cast.pat, given_on=date(2026, 11, 1), method="written")
    Break.objects.create(user=cast.pat, taken_at=datetime(2026, 11, 3, 9, 0, tzinfo=UTC))
    Break.objects.create(user=cast.pat, taken_at=datetime(2026, 10, 31, 9, 0, tzinfo=UTC))
    for body in ("one", "two"):
        as_user(cast.pat).post(
            "/api/messages/", {"id": str(uuid.uuid4()), "body": body}, format="json"
        )
    (row,) = as_user(cast.phil).get("/api/patients/").json()["results"]
    assert row["unread_messages"] == 2 and row["monitoring_days_this_month"] == 1
    detail = as_user(cast.phil).get(f"/api/patients/{cast.pat.pk}/").json()
    assert detail["unread_messages"] == 2
    # A clinic admin sees day counts; unread counts only when the clinic lets admins read.
    rows = {r["id"]: r for r in as_user(cast.adam).get("/api/patients/").json()["results"]}
    assert rows[cast.pat.pk]["unread_messages"] == 0
    assert rows[cast.pat.pk]["monitoring_days_this_month"] == 1


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_caseload_queries_do_not_grow_with_the_caseload(cast: Any, as_user: Any) -> None:
    small, large = cast.carla, cast.hugo
    _caseload_of(small, 20)
    _caseload_of(large, 2000)
    assert _queries(as_user(small)) == _queries(as_user(large))
