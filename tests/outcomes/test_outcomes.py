"""Outcome measures through the API: scoring, change from baseline, what is due, who may
see what, and loading questionnaire wording (ours and a clinic's licensed file)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.utils import timezone

from backend.accounts.models import AuditEvent
from backend.outcomes.models import MeasureWording, OutcomeResponse, OutcomeSchedule
from backend.outcomes.services import library_wording_load, wording_load
from backend.outcomes.wording import MEASURE_CONTENT_DIR, WordingError, read_wording

pytestmark = pytest.mark.django_db

SCHEDULES = "/api/outcomes/schedules/"
RESPONSES = "/api/outcomes/responses/"
DUE = "/api/outcomes/due/"
MEASURES = "/api/outcomes/measures/"


def answer(as_user: Any, patient: Any, measure: str, answers: list[Any], **extra: Any) -> Any:
    if measure == "psfs" and "activities" not in extra and len(answers) >= 3:
        extra["activities"] = ACTIVITIES[: len(answers)]
    return as_user(patient).post(RESPONSES, {"measure": measure, "answers": answers, **extra})


@pytest.fixture
def riverside_licence(cast: Any, tmp_path: Path) -> None:
    """Riverside has loaded its licensed ODI and RMDQ wording, so its physios may schedule
    them (a clinic without it may not: test_licensed_questionnaires_need_the_clinics_wording)."""
    wording_load(licensed_file(tmp_path), clinic=cast.pat.clinic)


ACTIVITIES = ["Putting on socks", "Lifting a shopping bag", "Gardening", "Driving", "Running"]


def schedule(as_user: Any, physio: Any, patient: Any, measure: str, every: int | None) -> Any:
    body = {"patient": patient.pk, "measure": measure, "every_weeks": every}
    return as_user(physio).post(SCHEDULES, body)


# -- scoring through the API -----------------------------------------------------------------

RMDQ_NINE_YES = [True] * 9 + [False] * 15


@pytest.mark.parametrize(
    ("measure", "answers", "expected"),
    [
        ("nprs", [7], 7.0),
        # 3 + 4 + 6 + 8 = 21; 21 / 4 = 5.25, reported half-up to one decimal.
        ("psfs", [3, 4, 6, 8], 5.3),
        # 9 sections answered, 1+2+3+0+5+4+2+1+3 = 21 of 9 x 5 = 45 points: 46.66...%.
        ("odi", [1, 2, 3, 0, 5, 4, 2, 1, None, 3], 46.7),
        ("rmdq", RMDQ_NINE_YES, 9.0),
        # (4 + 3 + 2) / 3 = 3 on a 0..4 scale, x 25 = 75.
        ("adherence_self_report", [4, 3, 2], 75.0),
    ],
)
def test_a_response_is_scored_by_its_measure(
    cast: Any, as_user: Any, measure: str, answers: list[Any], expected: float
) -> None:
    response = answer(as_user, cast.pat, measure, answers)
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["measure"] == measure
    assert body["score"] == expected
    assert body["change"] is None  # the first response is the baseline
    assert OutcomeResponse.objects.get(pk=body["id"]).answers == answers


def test_change_is_measured_from_the_first_response(cast: Any, as_user: Any) -> None:
    assert answer(as_user, cast.pat, "nprs", [7]).json()["change"] is None
    # 7 -> 4: 3 points down, -3/7 = -42.857% -> -42.9; pain falling is better; 3 >= 2 points.
    second = answer(as_user, cast.pat, "nprs", [4]).json()["change"]
    assert second == {"delta": -3.0, "percent": -42.9, "direction": "improved", "meaningful": True}
    # 7 -> 6 (compared with the baseline, not the previous answer): -1/7 = -14.3%, too small.
    third = answer(as_user, cast.pat, "nprs", [6]).json()["change"]
    assert third == {"delta": -1.0, "percent": -14.3, "direction": "improved", "meaningful": False}
    # 7 -> 9 is worse; 2 points is the smallest meaningful change for the NPRS.
    fourth = answer(as_user, cast.pat, "nprs", [9]).json()["change"]
    assert fourth == {"delta": 2.0, "percent": 28.6, "direction": "worsened", "meaningful": True}


def test_a_baseline_of_zero_has_no_percent_change(cast: Any, as_user: Any) -> None:
    answer(as_user, cast.pat, "rmdq", [False] * 24)
    change = answer(as_user, cast.pat, "rmdq", [True] * 3 + [False] * 21).json()["change"]
    # 0 -> 3 "yes": 3 points worse, under the RMDQ's 5-point minimal important change.
    assert change == {"delta": 3.0, "percent": None, "direction": "worsened", "meaningful": False}


def test_the_list_carries_each_responses_change(cast: Any, as_user: Any) -> None:
    answer(as_user, cast.pat, "psfs", [2, 2, 2])  # mean 2
    answer(as_user, cast.pat, "psfs", [5, 5, 5])  # mean 5: +3 points, +150%
    answer(as_user, cast.olive, "psfs", [9, 9, 9])  # another patient's: not in Pat's list
    rows = as_user(cast.phil).get(RESPONSES, {"patient": cast.pat.pk}).json()["results"]
    assert [r["score"] for r in rows] == [5.0, 2.0]
    assert rows[0]["change"] == {
        "delta": 3.0,
        "percent": 150.0,
        "direction": "improved",
        "meaningful": True,
    }
    assert rows[1]["change"] is None
    own = as_user(cast.pat).get(RESPONSES).json()
    assert own["count"] == 2


def test_staff_reading_outcomes_is_logged_and_the_patient_is_not(cast: Any, as_user: Any) -> None:
    answer(as_user, cast.pat, "nprs", [5])
    answer(as_user, cast.pat, "nprs", [4])
    as_user(cast.pat).get(RESPONSES)
    assert not AuditEvent.objects.exists()
    as_user(cast.phil).get(RESPONSES, {"patient": cast.pat.pk})
    event = AuditEvent.objects.get()
    assert (event.actor, event.patient, event.action) == (cast.phil, cast.pat, "patient.outcomes")
    assert event.path == RESPONSES


def test_a_page_of_many_patients_is_logged_in_one_insert(
    cast: Any, as_user: Any, django_assert_max_num_queries: Any
) -> None:
    from backend.accounts.models import CareLink
    from tests.factories import UserFactory

    patients = [cast.pat]
    for i in range(6):
        other: Any = UserFactory(email=f"o{i}@example.com", clinic=cast.phil.clinic)
        CareLink.objects.create(physio=cast.phil, patient=other)
        patients.append(other)
    for patient in patients:
        answer(as_user, patient, "nprs", [5])
    physio = as_user(cast.phil)
    physio.get(RESPONSES)  # warm up (session, permissions)
    AuditEvent.objects.all().delete()
    with django_assert_max_num_queries(8) as captured:
        assert physio.get(RESPONSES).json()["count"] == len(patients)
    inserts = [q for q in captured.captured_queries if "INSERT" in q["sql"]]
    assert len(inserts) == 1
    assert AuditEvent.objects.count() == len(patients)


# -- bad input: 400 with the field, nothing written ----------------------------------------


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"measure": "sf36", "answers": [1]}, "measure"),
        ({"measure": "nprs", "answers": [3, 4]}, "answers"),
        ({"measure": "psfs", "answers": [3, 4]}, "answers"),
        ({"measure": "nprs", "answers": [11]}, "answers[0]"),
        ({"measure": "odi", "answers": [1, 2, 6, 0, 0, 0, 0, 0, 0, 0]}, "answers[2]"),
        ({"measure": "odi", "answers": [1, 2, None, None, None, 0, 0, 0, 0, 0]}, "answers"),
        ({"measure": "rmdq", "answers": [1] + [False] * 23}, "answers[0]"),
        ({"measure": "adherence_self_report", "answers": [4, "3", 2]}, "answers[1]"),
        ({"measure": "nprs", "answers": "7"}, "answers"),
        ({"measure": "nprs", "answers": [7], "mood": "fine"}, "mood"),
    ],
)
def test_bad_answers_are_refused_by_field(
    cast: Any, as_user: Any, body: dict[str, Any], field: str
) -> None:
    response = as_user(cast.pat).post(RESPONSES, body)
    assert response.status_code == 400
    assert field in response.json()
    assert not OutcomeResponse.objects.exists()


def test_a_response_may_not_name_another_patients_schedule(cast: Any, as_user: Any) -> None:
    olives = schedule(as_user, cast.carla, cast.olive, "nprs", 2).json()["id"]
    response = answer(as_user, cast.pat, "nprs", [3], schedule=olives)
    assert response.status_code == 400
    assert "schedule" in response.json()
    pats = schedule(as_user, cast.phil, cast.pat, "nprs", 2).json()["id"]
    assert "schedule" in answer(as_user, cast.pat, "odi", [0] * 10, schedule=pats).json()
    assert not OutcomeResponse.objects.exists()


@pytest.mark.parametrize("physio", ["carla", "hugo"])
def test_a_physio_cannot_schedule_for_someone_elses_patient(
    cast: Any, as_user: Any, physio: str
) -> None:
    response = schedule(as_user, getattr(cast, physio), cast.pat, "odi", 4)
    assert response.status_code == 400
    assert "patient" in response.json()
    assert not OutcomeSchedule.objects.exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"measure": "sf36", "every_weeks": 2}, "measure"),
        ({"measure": "odi", "every_weeks": 0}, "every_weeks"),
        ({"measure": "odi"}, "every_weeks"),
        ({"measure": "odi", "every_weeks": 2, "start_date": "soon"}, "start_date"),
    ],
)
def test_bad_schedules_are_refused_by_field(
    cast: Any, as_user: Any, body: dict[str, Any], field: str
) -> None:
    response = as_user(cast.phil).post(SCHEDULES, {"patient": cast.pat.pk, **body})
    assert response.status_code == 400
    assert field in response.json()
    assert not OutcomeSchedule.objects.exists()


def test_a_physio_lists_the_schedules_of_their_patients(
    cast: Any, as_user: Any, riverside_licence: None
) -> None:
    schedule(as_user, cast.phil, cast.pat, "odi", 4)
    schedule(as_user, cast.carla, cast.olive, "rmdq", 4)
    rows = as_user(cast.phil).get(SCHEDULES).json()["results"]
    assert [(r["patient"], r["measure"], r["every_weeks"]) for r in rows] == [
        (cast.pat.pk, "odi", 4)
    ]
    assert as_user(cast.adam).get(SCHEDULES).json()["count"] == 2


# -- what is due ---------------------------------------------------------------------------


def due(as_user: Any, patient: Any) -> list[tuple[str, str]]:
    response = as_user(patient).get(DUE)
    assert response.status_code == 200
    return [(row["measure"], row["due_date"]) for row in response.json()]


def test_baseline_then_every_n_weeks_after_the_last_answer(
    cast: Any, as_user: Any, time_machine: Any
) -> None:
    time_machine.move_to(datetime(2026, 11, 2, 9, 0, tzinfo=UTC), tick=False)
    assert schedule(as_user, cast.phil, cast.pat, "nprs", 2).status_code == 201
    assert due(as_user, cast.pat) == [("nprs", "2026-11-02")]  # the baseline, at once
    answer(as_user, cast.pat, "nprs", [6])
    assert due(as_user, cast.pat) == []
    time_machine.move_to(datetime(2026, 11, 15, 12, 0, tzinfo=UTC), tick=False)
    assert due(as_user, cast.pat) == []  # 13 days after the answer
    time_machine.move_to(datetime(2026, 11, 20, 12, 0, tzinfo=UTC), tick=False)
    assert due(as_user, cast.pat) == [("nprs", "2026-11-16")]  # overdue since the 16th
    answer(as_user, cast.pat, "nprs", [5])
    assert due(as_user, cast.pat) == []
    time_machine.move_to(datetime(2026, 12, 4, 12, 0, tzinfo=UTC), tick=False)
    assert due(as_user, cast.pat) == [("nprs", "2026-12-04")]  # two weeks after the 20th


def test_due_follows_the_patients_own_day(
    cast: Any, as_user: Any, time_machine: Any, riverside_licence: None
) -> None:
    cast.pat.timezone = "America/Los_Angeles"
    cast.pat.save()
    time_machine.move_to(datetime(2026, 11, 16, 5, 0, tzinfo=UTC), tick=False)  # 15th, 21:00
    body = {"patient": cast.pat.pk, "measure": "odi", "every_weeks": 4, "start_date": "2026-11-16"}
    assert as_user(cast.phil).post(SCHEDULES, body).status_code == 201
    assert due(as_user, cast.pat) == []
    time_machine.move_to(datetime(2026, 11, 16, 8, 0, tzinfo=UTC), tick=False)  # 16th, 00:00
    assert due(as_user, cast.pat) == [("odi", "2026-11-16")]


def test_a_baseline_only_schedule_is_due_once(
    cast: Any, as_user: Any, time_machine: Any, riverside_licence: None
) -> None:
    time_machine.move_to(datetime(2026, 11, 2, 9, 0, tzinfo=UTC), tick=False)
    schedule(as_user, cast.phil, cast.pat, "rmdq", None)
    # An answer from before the schedule started does not count as its baseline.
    OutcomeResponse.objects.create(
        patient=cast.pat, measure="rmdq", answers=[False] * 24, score=0, local_date="2026-10-01"
    )
    assert due(as_user, cast.pat) == [("rmdq", "2026-11-02")]
    answer(as_user, cast.pat, "rmdq", [False] * 24)
    time_machine.move_to(datetime(2027, 6, 1, 9, 0, tzinfo=UTC), tick=False)
    assert due(as_user, cast.pat) == []


def test_a_new_schedule_replaces_the_old_one(
    cast: Any, as_user: Any, time_machine: Any, riverside_licence: None
) -> None:
    time_machine.move_to(datetime(2026, 11, 2, 9, 0, tzinfo=UTC), tick=False)
    first = schedule(as_user, cast.phil, cast.pat, "odi", 4).json()["id"]
    second = schedule(as_user, cast.phil, cast.pat, "odi", 2).json()["id"]
    assert [row["schedule"] for row in as_user(cast.pat).get(DUE).json()] == [second]
    assert not OutcomeSchedule.objects.get(pk=first).active


# -- who may do what -------------------------------------------------------------------------

PERSONAS = ("pat", "phil", "carla", "olive", "adam", "hugo", "hana", "heidi")
# endpoint → (request maker, personas answered 2xx, personas refused by role with 403).
# Everyone else must get 404 (or, for a schedule, a 400 naming the patient), never Pat's data.
Call = Callable[[Any, Any], Any]
PATIENTS = {"pat", "olive", "hana"}
STAFF = {"phil", "carla", "adam", "hugo", "heidi"}
MATRIX: dict[str, tuple[Call, set[str], set[str]]] = {
    "responses of pat": (
        lambda client, c: client.get(RESPONSES, {"patient": c.pat.pk}),
        {"pat", "phil", "adam"},
        set(),
    ),
    "schedules of pat": (
        lambda client, c: client.get(SCHEDULES, {"patient": c.pat.pk}),
        {"phil", "adam"},
        {"pat", "olive", "hana"},
    ),
    "schedule for pat": (
        lambda client, c: client.post(
            SCHEDULES, {"patient": c.pat.pk, "measure": "nprs", "every_weeks": 2}
        ),
        {"phil"},
        {"pat", "olive", "hana", "adam", "heidi"},
    ),
    "due": (lambda client, c: client.get(DUE), PATIENTS, STAFF),
    "answer": (
        lambda client, c: client.post(RESPONSES, {"measure": "nprs", "answers": [3]}),
        PATIENTS,
        STAFF,
    ),
    "measures": (lambda client, c: client.get(MEASURES), set(PERSONAS), set()),
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("endpoint", sorted(MATRIX))
def test_outcome_access(
    cast: Any, as_user: Any, endpoint: str, persona: str, riverside_licence: None
) -> None:
    answer(as_user, cast.pat, "nprs", [8])
    schedule(as_user, cast.phil, cast.pat, "odi", 4)
    call, allowed, forbidden = MATRIX[endpoint]
    response = call(as_user(getattr(cast, persona)), cast)
    if persona in allowed:
        assert response.status_code in (200, 201)
    elif persona in forbidden:
        assert response.status_code == 403
    elif endpoint == "schedule for pat":
        assert response.status_code == 400
        assert OutcomeSchedule.objects.filter(created_by=getattr(cast, persona)).count() == 0
    else:
        assert response.status_code == 404
        assert b"pat@example.com" not in response.content


def test_anonymous_gets_no_outcomes(cast: Any, as_user: Any) -> None:
    for url in (MEASURES, SCHEDULES, DUE, RESPONSES):
        assert as_user(None).get(url).status_code in (401, 403)


# -- wording ---------------------------------------------------------------------------------


def items_of(measures: list[dict[str, Any]], code: str) -> list[dict[str, Any]]:
    return next(m for m in measures if m["code"] == code)["items"]


def test_measures_work_before_any_wording_is_loaded(cast: Any, as_user: Any) -> None:
    assert not MeasureWording.objects.exists()
    measures = as_user(cast.pat).get(MEASURES).json()
    assert [m["code"] for m in measures] == ["nprs", "psfs", "odi", "rmdq", "adherence_self_report"]
    odi = items_of(measures, "odi")
    assert len(odi) == 10 and odi[0]["text"] == "Section 1"
    assert odi[0]["kind"] == "choice" and (odi[0]["min"], odi[0]["max"]) == (0, 5)
    assert [c["value"] for c in odi[0]["choices"]] == [0, 1, 2, 3, 4, 5]
    rmdq = items_of(measures, "rmdq")
    assert len(rmdq) == 24 and rmdq[23]["kind"] == "yes_no"
    assert [c["value"] for c in rmdq[0]["choices"]] == [True, False]
    nprs = items_of(measures, "nprs")[0]
    assert (nprs["kind"], nprs["min"], nprs["max"]) == ("scale", 0, 10)
    psfs = next(m for m in measures if m["code"] == "psfs")
    assert (psfs["min_items"], psfs["max_items"], len(psfs["items"])) == (3, 5, 5)


def test_the_library_wording_loads_and_reloads(cast: Any, as_user: Any) -> None:
    before = as_user(cast.pat).get(MEASURES).json()
    rows = 5 + 3 * 2  # every measure in English; NPRS, PSFS and adherence also in es and de
    assert library_wording_load() == rows
    assert library_wording_load() == rows
    assert MeasureWording.objects.filter(clinic=None).count() == rows
    assert as_user(cast.pat).get(MEASURES).json() == before


LICENSED = """\
- measure: odi
  translations:
    en:
      name: Oswestry Disability Index (licensed)
      items:
{sections}
- measure: rmdq
  translations:
    en:
      name: Roland-Morris (licensed)
      yes_label: Applies to me
      no_label: Does not apply
      items:
{statements}
"""


def licensed_file(tmp_path: Path, *, broken_section: int | None = None) -> Path:
    sections = []
    for n in range(1, 11):
        count = 5 if n == broken_section else 6
        labels = ", ".join(f"Licensed statement {n}.{k}" for k in range(count))
        sections.append(f"        - text: Licensed section {n}\n          choices: [{labels}]")
    statements = [f"        - text: Licensed statement {n}" for n in range(1, 25)]
    path = tmp_path / "clinic-licence.yaml"
    text = LICENSED.format(sections="\n".join(sections), statements="\n".join(statements))
    path.write_text(text, encoding="utf-8")
    return path


def test_a_clinics_licensed_wording_is_shown_to_that_clinic_only(
    cast: Any, as_user: Any, tmp_path: Path
) -> None:
    call_command("load_measure_wording", "--library")
    path = licensed_file(tmp_path)
    call_command("load_measure_wording", "--clinic", cast.hugo.clinic_id, "--file", path)
    for persona in ("hugo", "hana"):
        measures = as_user(getattr(cast, persona)).get(MEASURES).json()
        assert items_of(measures, "odi")[4]["text"] == "Licensed section 5"
        assert items_of(measures, "odi")[4]["choices"][5]["label"] == "Licensed statement 5.5"
        assert items_of(measures, "rmdq")[0]["choices"][0]["label"] == "Applies to me"
    riverside = as_user(cast.pat).get(MEASURES).json()
    assert items_of(riverside, "odi")[4]["text"] == "Section 5"
    assert items_of(riverside, "rmdq")[0]["text"] == "Statement 1"


def test_a_broken_wording_file_is_refused_precisely_and_changes_nothing(
    cast: Any, tmp_path: Path
) -> None:
    clinic = cast.hugo.clinic_id
    call_command("load_measure_wording", "--clinic", clinic, "--file", licensed_file(tmp_path))
    before = list(MeasureWording.objects.order_by("pk").values())
    broken = licensed_file(tmp_path, broken_section=3)
    text = broken.read_text().replace("yes_label: Applies to me", "yes_label: ''")
    broken.write_text(text.replace("Roland-Morris (licensed)", "New name"))
    with pytest.raises(CommandError) as refused:
        call_command("load_measure_wording", "--clinic", clinic, "--file", broken)
    message = str(refused.value)
    assert "nothing changed" in message
    assert (
        "clinic-licence.yaml: entry 'odi': field 'translations.en.items[2].choices': "
        "needs 6 labels, one for each answer 0 to 5" in message
    )
    assert "entry 'rmdq': field 'translations.en.yes_label': must be non-empty text" in message
    assert list(MeasureWording.objects.order_by("pk").values()) == before


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("- measure: nprs\n  measure: odi\n  translations: {}\n", "found duplicate key 'measure'"),
        ("- measure: sf36\n  translations: {}\n", "entry 'sf36': field 'measure'"),
        ("- measure: nprs\n  translations: {en: {name: P, items: []}}\n", "has exactly 1 items"),
        (
            "- measure: nprs\n  translations: {en: {name: P, items: [{text: T, hint: H}]}}\n",
            "field 'translations.en.items[0].hint': unknown field",
        ),
        ("- measure: nprs\n  translations: {EN: {name: P, items: [{text: T}]}}\n", "two lower"),
        ("measure: nprs\n", "must be a non-empty list of measures"),
        (
            "- measure: rmdq\n  translations: {en: {name: R, yes_label: Yes, no_label: 'No',"
            " items: []}}\n",
            "field 'translations.en.yes_label': must be text: put it in quotes",
        ),
        ("- [unclosed\n", "YAML syntax error at line"),
    ],
)
def test_wording_problems_name_the_place(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "wording.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(WordingError) as refused:
        read_wording(path)
    assert problem in str(refused.value)
    assert str(refused.value).count("wording.yaml") == len(refused.value.issues)


def test_an_unknown_clinic_or_missing_file_is_refused(cast: Any, tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="no clinic"):
        call_command("load_measure_wording", "--clinic", 999999, "--file", tmp_path / "x.yaml")
    with pytest.raises(CommandError, match="cannot be read"):
        missing = tmp_path / "missing.yaml"
        call_command("load_measure_wording", "--clinic", cast.hugo.clinic_id, "--file", missing)
    assert not MeasureWording.objects.exists()


def test_shipped_files_hold_no_licensed_wording() -> None:
    for code in ("odi", "rmdq"):
        wording = read_wording(MEASURE_CONTENT_DIR / f"{code}.yaml", library=True)[0]
        texts = [item["text"] for item in wording.items]
        word = "Section" if code == "odi" else "Statement"
        assert texts == [f"{word} {n}" for n in range(1, len(texts) + 1)]


def test_licensed_questionnaires_need_the_clinics_wording(
    cast: Any, as_user: Any, tmp_path: Path
) -> None:
    for measure in ("odi", "rmdq"):
        refused = schedule(as_user, cast.phil, cast.pat, measure, 4)
        assert refused.status_code == 400
        assert "licensed wording" in refused.json()["measure"][0]
    assert not OutcomeSchedule.objects.exists()
    offered = {m["code"]: m for m in as_user(cast.phil).get(MEASURES).json()}
    assert not offered["odi"]["available"] and not offered["rmdq"]["available"]
    assert "licensed wording" in offered["odi"]["unavailable_reason"]
    assert offered["nprs"]["available"] and offered["nprs"]["unavailable_reason"] is None
    assert schedule(as_user, cast.phil, cast.pat, "nprs", 4).status_code == 201
    # Once Riverside loads its licensed copy, both can be scheduled; Hilltop still cannot.
    wording_load(licensed_file(tmp_path), clinic=cast.pat.clinic)
    assert schedule(as_user, cast.phil, cast.pat, "odi", 4).status_code == 201
    assert schedule(as_user, cast.phil, cast.pat, "rmdq", None).status_code == 201
    assert schedule(as_user, cast.hugo, cast.hana, "odi", 4).status_code == 400


# -- PSFS activities ---------------------------------------------------------------------------


def test_psfs_activities_are_stored_at_baseline_and_asked_again(cast: Any, as_user: Any) -> None:
    schedule(as_user, cast.phil, cast.pat, "psfs", 2)
    missing = as_user(cast.pat).post(RESPONSES, {"measure": "psfs", "answers": [2, 3, 4]})
    assert missing.status_code == 400 and "activities" in missing.json()
    first = answer(as_user, cast.pat, "psfs", [2, 3, 4])
    assert first.status_code == 201 and first.json()["activities"] == ACTIVITIES[:3]
    # Not due again for two weeks; the schedule's due entry names them when it is.
    with time_machine.travel(timezone.now() + timedelta(weeks=2, days=1)):
        [due] = as_user(cast.pat).get("/api/outcomes/due/").json()
    assert due["activities"] == ACTIVITIES[:3]
    other = answer(as_user, cast.pat, "psfs", [5, 5, 5], activities=["Swimming", "Tennis", "Golf"])
    assert other.status_code == 400 and "activities" in other.json()
    assert OutcomeResponse.objects.filter(patient=cast.pat).count() == 1
    follow_up = as_user(cast.pat).post(RESPONSES, {"measure": "psfs", "answers": [5, 5, 5]})
    assert follow_up.status_code == 201, follow_up.content
    assert follow_up.json()["activities"] == ACTIVITIES[:3]


def test_the_physio_corrects_psfs_activities(cast: Any, as_user: Any) -> None:
    url = "/api/outcomes/psfs-activities/"
    schedule(as_user, cast.phil, cast.pat, "psfs", 2)
    answer(as_user, cast.pat, "psfs", [2, 3, 4])
    fixed = ["Putting on shoes", "Carrying shopping", "Weeding the garden"]
    response = as_user(cast.phil).put(
        f"{url}?patient={cast.pat.pk}", {"activities": fixed}, format="json"
    )
    assert response.status_code == 200, response.content
    assert as_user(cast.phil).get(url, {"patient": cast.pat.pk}).json()["activities"] == fixed
    again = as_user(cast.pat).post(RESPONSES, {"measure": "psfs", "answers": [6, 6, 6]})
    assert again.json()["activities"] == fixed
    bad = as_user(cast.phil).put(
        f"{url}?patient={cast.pat.pk}", {"activities": ["x"]}, format="json"
    )
    assert bad.status_code == 400
    assert as_user(cast.hugo).get(url, {"patient": cast.pat.pk}).status_code == 404


def test_odi_shows_how_many_sections_were_answered(cast: Any, as_user: Any) -> None:
    answer(as_user, cast.pat, "odi", [1, 2, 3, 0, 5, 4, 2, 1, None, 3])
    [row] = as_user(cast.phil).get(RESPONSES, {"patient": cast.pat.pk}).json()["results"]
    assert (row["answered_items"], row["total_items"]) == (9, 10)
