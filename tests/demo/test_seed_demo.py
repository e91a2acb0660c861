from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from backend.accounts.models import CareLink, User
from backend.outcomes.models import OutcomeResponse
from backend.programs.models import Alert, RedFlagScreening, Session
from backend.programs.screening import screening_state

pytestmark = pytest.mark.django_db


def test_seed_demo_creates_the_demo_people_and_is_repeatable(db: Any) -> None:
    out = StringIO()
    call_command("seed_demo", "--password", "demo password 123", stdout=out)
    call_command("seed_demo", "--password", "demo password 123", stdout=StringIO())
    assert "physio@example.com" in out.getvalue()
    assert User.objects.filter(email__in=["physio@example.com", "patient@example.com"]).count() == 2
    assert (
        CareLink.objects.filter(
            patient__email="patient@example.com", physio__email="physio@example.com"
        ).count()
        == 1
    )
    client = APIClient()
    login = {"email": "patient@example.com", "password": "demo password 123"}
    assert client.post("/api/auth/login/", login).status_code == 200
    # An active program (created once, however often the command runs) and a nudge plan.
    today = client.get("/api/today/").json()
    assert len(today["assignments"]) == 1
    assert today["assignments"][0]["items"]
    assert client.get("/api/nudges/plan/").status_code == 200


def test_seed_demo_prints_a_random_password_when_none_is_given(db: Any) -> None:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    password = out.getvalue().split("password: ")[1].split()[0]
    login = {"email": "physio@example.com", "password": password}
    assert APIClient().post("/api/auth/login/", login).status_code == 200


def test_seed_demo_gives_the_demo_patient_four_weeks_of_history_once(db: Any) -> None:
    call_command("seed_demo", "--password", "demo password 123", stdout=StringIO())
    patient = User.objects.get(email="patient@example.com")
    sessions = list(Session.objects.filter(patient=patient).order_by("completed_at"))
    snapshot = (
        [s.pk for s in sessions],
        list(Alert.objects.filter(patient=patient).values_list("pk", "resolved_at")),
        list(OutcomeResponse.objects.filter(patient=patient).values_list("pk", flat=True)),
    )
    call_command("seed_demo", "--password", "demo password 123", stdout=StringIO())
    assert snapshot == (
        list(
            Session.objects.filter(patient=patient)
            .order_by("completed_at")
            .values_list("pk", flat=True)
        ),
        list(Alert.objects.filter(patient=patient).values_list("pk", "resolved_at")),
        list(OutcomeResponse.objects.filter(patient=patient).values_list("pk", flat=True)),
    )
    # She answered the red-flag check ("no" throughout) before the first of them, once.
    assert not screening_state(patient)["due"]
    assert RedFlagScreening.objects.filter(patient=patient).count() == 1
    # Most days of four weeks, spread over them, with pain easing from start to end.
    days = sorted({s.local_date for s in sessions})
    assert 14 <= len(days) <= 28
    assert (days[-1] - days[0]).days >= 21
    first_week, last_week = sessions[:4], sessions[-4:]
    assert sum(s.pain_before for s in last_week) < sum(s.pain_before for s in first_week)
    # One pain alert, resolved by the physio with a note; the badge is clear.
    (alert,) = Alert.objects.filter(patient=patient)
    assert alert.kind == "pain" and alert.resolved_at is not None and alert.review_note
    assert alert.resolved_by is not None and alert.resolved_by.email == "physio@example.com"
    client = APIClient()
    client.post(
        "/api/auth/login/", {"email": "physio@example.com", "password": "demo password 123"}
    )
    (row,) = client.get("/api/patients/").json()["results"]
    assert row["open_alerts"] == 0 and row["adherence_28d"] is not None
    assert not row["needs_program"]
    history = client.get(f"/api/patients/{patient.pk}/").json()["alert_history"]
    assert [a["status"] for a in history] == ["resolved"]
    answers = client.get(f"/api/outcomes/responses/?patient={patient.pk}").json()["results"]
    assert len(answers) == 2 and {a["measure"] for a in answers} == {"nprs"}
    progress = client.get(f"/api/patients/{patient.pk}/").json()["progress"]
    assert len(progress["pain"]) == len(sessions) and len(progress["weeks"]) >= 4
