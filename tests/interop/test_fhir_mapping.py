"""The pure FHIR mapping (backend/interop/fhir.py): ids, statuses, dose and timing."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any

import pytest
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.procedure import Procedure
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from fhir.resources.R4B.servicerequest import ServiceRequest

from backend.interop import codes, fhir, fhir_outcomes

AT = datetime(2026, 5, 4, 17, 30, tzinfo=UTC)
ASSIGNMENT = {
    "id": 7,
    "patient_id": 3,
    "assigned_by_id": 2,
    "start_date": date(2026, 5, 4),
    "end_date": None,
    "days_of_week": [1, 3, 5],
    "preferred_time": time(18, 0),
    "notes": "",
    "created_at": AT,
}
ITEM = {
    "id": 11,
    "phase": 1,
    "sets": 2,
    "reps": None,
    "hold_seconds": 20,
    "rest_seconds": 30,
    "per_side": True,
    "tempo": "",
    "notes": "Keep breathing.",
}


def test_ids_are_stable_uuids_that_differ_by_kind_and_key() -> None:
    first = fhir.resource_id("Patient", 5)
    assert first == fhir.resource_id("Patient", 5)
    assert uuid.UUID(first).version == 5
    assert len({first, fhir.resource_id("Patient", 6), fhir.resource_id("Practitioner", 5)}) == 3
    assert fhir.full_url("Patient", 5) == f"urn:uuid:{first}"


def test_instants_are_utc_with_a_z() -> None:
    local = datetime(2026, 5, 4, 19, 30, tzinfo=timezone(timedelta(hours=2)))
    assert fhir.instant(local) == "2026-05-04T17:30:00.000Z"


@pytest.mark.parametrize(
    ("status", "end", "sessions", "expected"),
    [
        ("active", None, 0, "active"),
        ("active", date(2026, 5, 1), 3, "completed"),  # its end date has passed
        ("active", date(2026, 5, 4), 3, "active"),  # ends today: still running
        ("paused", None, 3, "on-hold"),
        ("ended", date(2026, 5, 1), 3, "completed"),
        ("ended", date(2026, 5, 1), 0, "revoked"),  # stopped before anything was done
    ],
)
def test_careplan_status(status: str, end: date | None, sessions: int, expected: str) -> None:
    assert fhir.careplan_status(status, end, date(2026, 5, 4), sessions) == expected


def test_dosage_in_words() -> None:
    assert fhir.dosage_text(ITEM) == (
        "2 sets of a 20-second hold, each side; rest 30 s between sets. Keep breathing."
    )
    reps = {**ITEM, "reps": 1, "hold_seconds": None, "sets": 1, "per_side": False, "notes": ""}
    assert fhir.dosage_text(reps) == "1 set of 1 repetition; rest 30 s between sets."


def test_phases_bound_when_an_item_is_prescribed() -> None:
    phases = [{"number": 1, "starts_week": 1}, {"number": 2, "starts_week": 3}]
    start = date(2026, 5, 4)
    assert fhir.phase_period(start, None, phases, 1) == (start, date(2026, 5, 17))
    assert fhir.phase_period(start, None, phases, 2) == (date(2026, 5, 18), None)
    assert fhir.phase_period(start, date(2026, 5, 10), phases, 1) == (start, date(2026, 5, 10))
    assert fhir.phase_period(start, None, [], 1) == (start, None)


def test_a_service_request_carries_timing_and_dose() -> None:
    resource = fhir.service_request(
        ITEM,
        ASSIGNMENT,
        fhir.RequestVersion(key="7/11", status="active", authored=AT, updated=AT),
        exercise_name="Side plank",
        phases=[],
    )
    ServiceRequest.model_validate(resource)
    repeat = resource["occurrenceTiming"]["repeat"]
    assert repeat["dayOfWeek"] == ["mon", "wed", "fri"]
    assert repeat["timeOfDay"] == ["18:00:00"]
    assert repeat["boundsPeriod"] == {"start": "2026-05-04"}
    assert resource["patientInstruction"].startswith("Side plank: 2 sets of a 20-second hold")
    assert resource["patientInstruction"].endswith("On Mon, Wed, Fri.")
    dose = {e["url"]: e for e in resource["extension"][0]["extension"]}
    assert dose["hold"]["valueDuration"]["value"] == 20
    assert "reps" not in dose


def test_pain_observations_and_the_procedure_validate() -> None:
    session = {
        "id": uuid.UUID(int=1),
        "patient_id": 3,
        "assignment_id": 7,
        "started_at": AT,
        "completed_at": AT + timedelta(minutes=20),
        "pain_before": 6,
        "pain_after": 4,
        "difficulty": "too_hard",
        "notes": "",
        "created_at": AT + timedelta(hours=3),  # sent later, from offline
    }
    before = fhir.pain_observation(session, when="before")
    after = fhir.pain_observation(session, when="after")
    for resource in (before, after):
        Observation.model_validate(resource)
        assert resource["code"]["coding"][0]["code"] == "72514-3"
    assert before["effectiveDateTime"] == "2026-05-04T17:30:00.000Z"
    assert after["effectiveDateTime"] == "2026-05-04T17:50:00.000Z"
    assert before["meta"]["lastUpdated"] == "2026-05-04T20:30:00.000Z"
    assert "component" not in before and after["valueInteger"] == 4
    items = [
        {
            "exercise_id": 1,
            "program_item_id": 11,
            "sets_done": 2,
            "reps_done": None,
            "hold_seconds_done": 18,
            "skipped": False,
            "skip_reason": "",
        }
    ]
    procedure = fhir.session_procedure(
        session,
        items,
        exercise_names={1: "Side plank"},
        service_request_keys={11: "7/11"},
        program_name="Core",
    )
    Procedure.model_validate(procedure)
    assert procedure["status"] == "completed"
    assert procedure["note"][0]["text"] == "Side plank: 2 sets, holds of 18 s"
    skipped = fhir.session_procedure(
        session,
        [{**items[0], "skipped": True, "sets_done": 0, "hold_seconds_done": None}],
        exercise_names={},
        service_request_keys={},
        program_name="Core",
    )
    assert skipped["status"] == "not-done"


def test_questionnaires_answers_and_scores() -> None:
    measure: dict[str, Any] = {
        "code": "rmdq",
        "name": "Roland-Morris Disability Questionnaire",
        "items": [
            {"index": 0, "text": "Statement 1", "kind": "yes_no", "choices": []},
            {"index": 1, "text": "Statement 2", "kind": "yes_no", "choices": []},
        ],
    }
    questionnaire = fhir_outcomes.questionnaire(
        measure, clinic_id=4, licensed_wording=False, language="en"
    )
    Questionnaire.model_validate(questionnaire)
    assert "licensed by its owner" in questionnaire["description"]
    assert "copyright" not in questionnaire
    assert (
        questionnaire["id"]
        != fhir_outcomes.questionnaire(measure, clinic_id=5, licensed_wording=False, language="en")[
            "id"
        ]
    )
    response = {
        "id": 9,
        "patient_id": 3,
        "measure": "rmdq",
        "answers": [True, False],
        "score": 1.0,
        "answered_at": AT,
    }
    answers = fhir_outcomes.questionnaire_response(response, item_kinds=["yes_no", "yes_no"])
    QuestionnaireResponse.model_validate(answers)
    assert [i["answer"][0]["valueBoolean"] for i in answers["item"]] == [True, False]
    assert answers["questionnaire"] == questionnaire["url"]
    score = fhir_outcomes.score_observation(response, measure_name=measure["name"])
    Observation.model_validate(score)
    assert score["code"]["coding"][0]["system"] == codes.LOCAL_SYSTEM
    assert score["note"][0]["text"] == codes.LOCAL_ONLY_NOTE
    odi = fhir_outcomes.score_observation(
        {**response, "measure": "odi", "score": 26.0}, measure_name="ODI"
    )
    assert odi["code"]["coding"][0]["code"] == "97909-6" and "note" not in odi
    assert odi["valueQuantity"]["unit"] == "%"


def test_an_unanswered_odi_section_has_no_answer() -> None:
    response = {
        "id": 1,
        "patient_id": 3,
        "measure": "odi",
        "answers": [1, None],
        "score": 20.0,
        "answered_at": AT,
    }
    resource = fhir_outcomes.questionnaire_response(response, item_kinds=["choice", "choice"])
    QuestionnaireResponse.model_validate(resource)
    assert resource["item"][1] == {"linkId": "1"}
    assert resource["item"][0]["answer"] == [{"valueCoding": {"code": "1"}}]
