"""The red-flag safety check: due first, stored with the answers, a "yes" stops the
session flow and alerts the physio urgently; the physio re-issues it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
import time_machine

from backend.inbox.models import InboxMessage
from backend.programs.models import Alert, RedFlagScreening
from backend.programs.screening import (
    latest_screening,
    screening_answer,
    screening_request,
    screening_state,
)
from exercises.safety_content import safety_content

pytestmark = pytest.mark.django_db


def all_no() -> dict[str, bool]:
    return {flag.code: False for flag in safety_content().red_flags}


@pytest.fixture
def patient(cast: Any, as_user: Any) -> Any:
    return as_user(cast.pat)


def test_the_check_is_due_before_the_first_session(patient: Any) -> None:
    state = patient.get("/api/screening/").json()
    assert state["due"] is True and state["blocked"] is False
    assert patient.get("/api/today/").json()["screening"]["due"] is True


def test_all_no_is_stored_with_the_questions_and_clears_the_check(patient: Any, cast: Any) -> None:
    response = patient.post("/api/screening/", {"answers": all_no()}, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["stop"] is False
    stored = RedFlagScreening.objects.get(patient=cast.pat)
    assert {a["code"]: a["answer"] for a in stored.answers} == all_no()
    assert all(a["question"] for a in stored.answers)
    assert patient.get("/api/screening/").json()["due"] is False
    assert not Alert.objects.filter(patient=cast.pat).exists()


def test_a_yes_stops_the_flow_with_its_advice_and_alerts_the_physio(
    patient: Any, cast: Any, as_user: Any
) -> None:
    answers = {**all_no(), "saddle-numbness": True, "weight-loss": True}
    response = patient.post("/api/screening/", {"answers": answers}, format="json")
    assert response.status_code == 201
    out = response.json()
    assert out["stop"] is True
    by_code = {a["code"]: a for a in out["advice"]}
    assert by_code["saddle-numbness"]["advice"] == safety_content().actions["urgent"]
    assert by_code["weight-loss"]["advice"] == safety_content().actions["today"]
    alert = Alert.objects.get(patient=cast.pat, kind="red_flag")
    assert "groin" in alert.message
    inbox = InboxMessage.objects.get(user=cast.phil, kind="alert")
    assert inbox.title.startswith("URGENT")
    assert not InboxMessage.objects.filter(user=cast.carla).exists()
    state = patient.get("/api/today/").json()["screening"]
    assert state["blocked"] is True and state["flagged"] == ["saddle-numbness", "weight-loss"]
    alerts = as_user(cast.phil).get("/api/alerts/").json()
    rows = alerts["results"] if isinstance(alerts, dict) else alerts
    assert [a["kind"] for a in rows] == ["red_flag"]


def test_the_physio_reissues_the_check(patient: Any, cast: Any, as_user: Any) -> None:
    patient.post("/api/screening/", {"answers": {**all_no(), "both-legs": True}}, format="json")
    response = as_user(cast.phil).post(f"/api/patients/{cast.pat.pk}/screening/")
    assert response.status_code == 201
    assert patient.get("/api/screening/").json()["due"] is True
    patient.post("/api/screening/", {"answers": all_no()}, format="json")
    state = patient.get("/api/screening/").json()
    assert state == {**state, "due": False, "blocked": False}
    assert RedFlagScreening.objects.filter(patient=cast.pat).count() == 2


def test_another_clinics_physio_gets_404(cast: Any, as_user: Any) -> None:
    assert as_user(cast.hugo).post(f"/api/patients/{cast.pat.pk}/screening/").status_code == 404
    assert not RedFlagScreening.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"answers": {"saddle-numbness": True}},
        {"answers": {**{f.code: False for f in safety_content().red_flags}, "x": True}},
        {"answers": {f.code: "no" for f in safety_content().red_flags}},
        {"answers": [True] * 11},
        {"answers": {f.code: False for f in safety_content().red_flags}, "extra": 1},
        {"answers": {"a\u0000b": True}},
    ],
)
def test_bad_answers_are_refused_and_store_nothing(patient: Any, body: Any) -> None:
    response = patient.post("/api/screening/", body, format="json")
    assert response.status_code == 400, response.content
    assert not RedFlagScreening.objects.exists()


def test_safety_document_is_the_content_file(patient: Any) -> None:
    document = patient.get("/api/safety/").json()
    assert document == safety_content().as_document()
    assert patient.get("/api/today/").json()["safety"] == document


@time_machine.travel(datetime(2026, 11, 24, 9, tzinfo=UTC), tick=False)
def test_the_state_is_the_latest_rows_at_every_step(cast: Any) -> None:
    """``screening_state`` reads its row with a statement of its own: at each step it says
    what the newest row (``latest_screening``, through the ORM) says, its time a real
    aware datetime. Frozen time: every row has the same ``requested_at``, so the newest is
    decided by its key, as the ORM's ordering decides it."""
    patient = cast.pat

    def expected() -> dict[str, Any]:
        latest = latest_screening(patient)
        answered = latest.answered_at if latest else None
        flagged = list(latest.flagged) if latest and answered else []
        return {"due": answered is None, "blocked": bool(flagged), "flagged": flagged,
                "answered_at": answered}  # fmt: skip

    states = [screening_state(patient)]
    screening_answer(patient=patient, answers={**all_no(), "both-legs": True})
    states.append(screening_state(patient))
    screening_request(patient=patient, physio=cast.phil)
    states.append(screening_state(patient))
    assert states[-1] == expected()
    screening_answer(patient=patient, answers=all_no())
    states.append(screening_state(patient))
    assert states[-1] == expected()
    assert [(s["due"], s["blocked"]) for s in states] == [
        (True, False), (False, True), (True, False), (False, False)
    ]  # fmt: skip
    assert states[1]["flagged"] == ["both-legs"]
    assert states[3]["answered_at"] == datetime(2026, 11, 24, 9, tzinfo=UTC)
    assert RedFlagScreening.objects.filter(patient=patient).count() == 2
