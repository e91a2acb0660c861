"""Building, revising and assigning programs; today; the caseload."""

from __future__ import annotations

import importlib
from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.apps import apps as django_apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.programs.models import Assignment, AssignmentPause, Program, ProgramVersion
from backend.programs.services import assignment_pause, assignment_resume
from exercises.models import Exercise
from tests.factories import CareLinkFactory, UserFactory, assign_program

pytestmark = pytest.mark.django_db

ITEMS = [
    {"exercise": "glute-bridge", "sets": 2, "reps": 10, "rest_seconds": 30},
    {"exercise": "bird-dog", "sets": 2, "reps": 8, "per_side": True},
    {"exercise": "side-plank-knees", "sets": 3, "hold_seconds": 20, "per_side": True},
]


def _program(client: Any, **overrides: Any) -> dict[str, Any]:
    body = {"name": "Core basics", "items": ITEMS, **overrides}
    response = client.post("/api/programs/", {k: v for k, v in body.items() if v is not None})
    assert response.status_code == 201, response.content
    return dict(response.json())


def test_physio_builds_a_program_from_library_exercises(cast: Any, as_user: Any) -> None:
    body = _program(as_user(cast.phil), notes="Go gently")
    assert body["version"] == 1
    assert [i["exercise"]["slug"] for i in body["items"]] == [i["exercise"] for i in ITEMS]
    assert body["items"][2]["hold_seconds"] == 20
    assert body["items"][2]["reps"] is None
    assert body["notes"] == "Go gently"


def test_a_program_can_start_from_a_routine(cast: Any, as_user: Any, library: Any) -> None:
    routine = as_user(cast.phil).get("/api/routines/").json()["results"][0]
    body = _program(as_user(cast.phil), items=None, routine=routine["slug"])
    assert [i["exercise"]["slug"] for i in body["items"]] == [
        i["exercise"]["slug"] for i in routine["items"]
    ]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"items": [{**ITEMS[0], "exercise": "moonwalk"}]}, "items"),
        ({"items": [{**ITEMS[0], "reps": None, "hold_seconds": None}]}, "items"),
        ({"items": [{**ITEMS[0], "sets": 0}]}, "items"),
        ({"items": [{**ITEMS[0], "rest_seconds": 9000}]}, "items"),
        ({"items": []}, "items"),
        ({"items": [{**ITEMS[0], "phase": 2}]}, "items"),
        ({"phases": [{"number": 1, "starts_week": 3}]}, "phases"),
        ({"name": ""}, "name"),
        ({"colour": "blue"}, "colour"),
    ],
)
def test_bad_programs_are_refused_and_nothing_is_written(
    cast: Any, as_user: Any, change: dict[str, Any], field: str
) -> None:
    body = {"name": "Core basics", "items": ITEMS, **change}
    response = as_user(cast.phil).post("/api/programs/", body)
    assert response.status_code == 400
    assert field in response.json()
    assert not Program.objects.exists()
    assert not ProgramVersion.objects.exists()


def test_patients_cannot_build_programs(cast: Any, as_user: Any) -> None:
    response = as_user(cast.pat).post("/api/programs/", {"name": "x", "items": ITEMS})
    assert response.status_code == 403


def test_editing_makes_a_new_version_and_keeps_the_old(cast: Any, as_user: Any) -> None:
    client = as_user(cast.phil)
    program = _program(client)
    new_items = [{**ITEMS[0], "exercise": "single-leg-bridge"}]
    response = client.put(f"/api/programs/{program['id']}/", {"name": "Next", "items": new_items})
    assert response.status_code == 200
    assert response.json()["version"] == 2
    assert [i["exercise"]["slug"] for i in response.json()["items"]] == ["single-leg-bridge"]
    old = ProgramVersion.objects.get(program_id=program["id"], number=1)
    assert [i.exercise.slug for i in old.items.all()] == [i["exercise"] for i in ITEMS]


def test_phases_switch_items_by_week(cast: Any, as_user: Any) -> None:
    client = as_user(cast.phil)
    items = [
        {**ITEMS[0], "phase": 1},
        {"exercise": "single-leg-bridge", "sets": 2, "reps": 8, "phase": 2},
    ]
    phases = [
        {"number": 1, "label": "Weeks 1-2", "starts_week": 1},
        {"number": 2, "label": "Weeks 3-4", "starts_week": 3},
    ]
    program = _program(client, items=items, phases=phases)
    _assign(client, program["id"], cast.pat.pk, start=date(2026, 11, 2), days=[1, 2, 3, 4, 5, 6, 7])
    patient = as_user(cast.pat)
    with time_machine.travel(datetime(2026, 11, 4, 12, tzinfo=ZoneInfo("UTC")), tick=False):
        week_one = patient.get("/api/today/").json()["assignments"][0]["items"]
    with time_machine.travel(datetime(2026, 11, 18, 12, tzinfo=ZoneInfo("UTC")), tick=False):
        week_three = patient.get("/api/today/").json()["assignments"][0]["items"]
    assert [i["exercise"]["slug"] for i in week_one] == ["glute-bridge"]
    assert [i["exercise"]["slug"] for i in week_three] == ["single-leg-bridge"]


def _assign(
    client: Any,
    program_id: int,
    patient_id: int,
    *,
    start: date,
    days: list[int],
    end: date | None = None,
    preferred: str | None = "18:00",
) -> Any:
    return client.post(
        "/api/assignments/",
        {
            "program": program_id,
            "patient": patient_id,
            "start_date": start.isoformat(),
            "end_date": end.isoformat() if end else None,
            "days_of_week": days,
            "preferred_time": preferred,
            "notes": "Morning is fine too.",
        },
    )


def test_physio_assigns_to_own_patient_only(cast: Any, as_user: Any) -> None:
    client = as_user(cast.phil)
    program = _program(client)
    ok = _assign(client, program["id"], cast.pat.pk, start=date(2026, 11, 23), days=[1, 3, 5])
    assert ok.status_code == 201, ok.content
    assert ok.json()["days_of_week"] == [1, 3, 5]
    for stranger in (cast.olive, cast.hana):
        refused = _assign(client, program["id"], stranger.pk, start=date(2026, 11, 23), days=[1])
        assert refused.status_code == 400
        assert "patient" in refused.json()
    assert Assignment.objects.count() == 1


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"start": date(2026, 11, 23), "end": date(2026, 11, 1), "days": [1]}, "end_date"),
        ({"start": date(2026, 11, 23), "days": [0]}, "days_of_week"),
        ({"start": date(2026, 11, 23), "days": []}, "days_of_week"),
        ({"start": date(2026, 11, 23), "days": [8]}, "days_of_week"),
    ],
)
def test_bad_assignments_write_nothing(
    cast: Any, as_user: Any, kwargs: dict[str, Any], field: str
) -> None:
    client = as_user(cast.phil)
    program = _program(client)
    response = _assign(client, program["id"], cast.pat.pk, **kwargs)
    assert response.status_code == 400
    assert field in response.json()
    assert not Assignment.objects.exists()


def test_another_clinics_program_cannot_be_assigned(cast: Any, as_user: Any) -> None:
    program = _program(as_user(cast.hugo))
    response = _assign(
        as_user(cast.phil), program["id"], cast.pat.pk, start=date(2026, 11, 23), days=[1]
    )
    assert response.status_code == 400
    assert "program" in response.json()


def test_pause_resume_and_end(cast: Any, as_user: Any) -> None:
    client = as_user(cast.phil)
    program = _program(client)
    assignment = _assign(client, program["id"], cast.pat.pk, start=date(2026, 11, 1), days=[1])
    url = f"/api/assignments/{assignment.json()['id']}"
    assert client.post(f"{url}/pause/").json()["status"] == "paused"
    assert client.post(f"{url}/pause/").status_code == 400
    assert client.post(f"{url}/resume/").json()["status"] == "active"
    assert client.post(f"{url}/end/").json()["status"] == "ended"
    assert as_user(cast.pat).post(f"{url}/pause/").status_code == 403
    assert as_user(cast.carla).post(f"{url}/pause/").status_code == 404


def _pat_with_program(cast: Any, items: list[dict[str, Any]], tz: str = "Europe/London") -> Any:
    cast.pat.timezone = tz
    cast.pat.save()
    return assign_program(
        cast.phil,
        cast.pat,
        name="Daily core",
        items=items,
        start=date(2026, 11, 1),
        preferred_time=time(18, 0),
    )


@time_machine.travel(datetime(2026, 11, 24, 12, tzinfo=ZoneInfo("UTC")), tick=False)
def test_today_has_everything_the_player_needs(cast: Any, as_user: Any) -> None:
    assignment = _pat_with_program(cast, ITEMS)
    body = as_user(cast.pat).get("/api/today/").json()
    assert body["date"] == "2026-11-24"
    entry = body["assignments"][0]
    assert (entry["id"], entry["due"], entry["done"]) == (assignment.pk, True, False)
    first = entry["items"][0]
    assert first["exercise"]["steps"]
    assert first["exercise"]["safety_notes"]
    assert first["exercise"]["poses"][0]["svg_url"]
    assert (first["sets"], first["reps"]) == (2, 10)
    # Daily since 1 Nov and nothing logged: 18-23 Nov were missed (today is not over yet).
    assert body["progress"] == {"streak": 0, "adherence_7d": 0.0}


def test_today_query_count_is_the_same_for_3_and_30_items(cast: Any, as_user: Any) -> None:
    slugs = list(Exercise.objects.filter(reps__isnull=False).values_list("slug", flat=True)[:30])
    counts = []
    for size in (3, 30):
        Assignment.objects.all().delete()
        items = [{"exercise": slug, "sets": 1, "reps": 5} for slug in slugs[:size]]
        _pat_with_program(cast, items)
        with CaptureQueriesContext(connection) as queries:
            body = as_user(cast.pat).get("/api/today/").json()
        assert len(body["assignments"][0]["items"]) == size
        counts.append(len(queries))
    assert counts[0] == counts[1]


@time_machine.travel(datetime(2026, 11, 24, 12, tzinfo=ZoneInfo("UTC")), tick=False)
def test_today_reads_pauses_only_of_a_program_that_was_paused(cast: Any, as_user: Any) -> None:
    """Never paused: no read of the pauses at all. Paused and resumed: the pause is read
    and counts (the paused days are not missed ones)."""
    assignment = _pat_with_program(cast, ITEMS)
    patient = as_user(cast.pat)
    patient.get("/api/today/")  # the sign-in's own first-request reads out of the count
    with CaptureQueriesContext(connection) as never:
        assert patient.get("/api/today/").json()["progress"]["adherence_7d"] == 0.0
    assert not [q for q in never if '"programs_assignmentpause"' in q["sql"]]
    assignment_pause(assignment, today=date(2026, 11, 17))
    assignment_resume(Assignment.objects.get(pk=assignment.pk), today=date(2026, 11, 24))
    with CaptureQueriesContext(connection) as paused:
        progress = patient.get("/api/today/").json()["progress"]
    assert len([q for q in paused if '"programs_assignmentpause"' in q["sql"]]) == 1
    # 17-23 Nov were paused: nothing in the last seven days was missed, or due.
    assert progress["adherence_7d"] is None
    assert len(paused) == len(never) + 1


def test_the_migration_marks_every_assignment_that_has_a_pause(cast: Any) -> None:
    """Rows paused before ``was_paused`` existed get it from the migration; others not."""
    paused = _pat_with_program(cast, ITEMS)
    second: Any = UserFactory(clinic=cast.phil.clinic)
    CareLinkFactory(patient=second, physio=cast.phil)
    other = assign_program(cast.phil, second, items=ITEMS)
    AssignmentPause.objects.create(assignment=paused, paused_on=date(2026, 11, 3))
    assert not Assignment.objects.filter(was_paused=True).exists()
    migration = importlib.import_module("backend.programs.migrations.0010_assignment_was_paused")
    migration.mark_paused(django_apps, None)
    assert list(Assignment.objects.filter(was_paused=True)) == [paused]
    assert Assignment.objects.get(pk=other.pk).was_paused is False


def test_caseload_query_count_does_not_grow_with_patients(cast: Any, as_user: Any) -> None:
    counts = []
    for extra in (1, 8):
        for _ in range(extra):
            patient = UserFactory(clinic=cast.phil.clinic)
            CareLinkFactory(patient=patient, physio=cast.phil)
        with CaptureQueriesContext(connection) as queries:
            response = as_user(cast.phil).get("/api/patients/?page_size=100")
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_caseload_rejects_unknown_ordering(cast: Any, as_user: Any) -> None:
    response = as_user(cast.phil).get("/api/patients/?ordering=shoe_size")
    assert response.status_code == 400
    assert "ordering" in response.json()


def test_patient_can_read_own_assignment_not_others(cast: Any, as_user: Any) -> None:
    assignment = _pat_with_program(cast, ITEMS)
    assert as_user(cast.pat).get(f"/api/assignments/{assignment.pk}/").status_code == 200
    assert as_user(cast.olive).get(f"/api/assignments/{assignment.pk}/").status_code == 404


def test_only_the_author_edits_a_program(cast: Any, as_user: Any) -> None:
    program = _program(as_user(cast.phil))
    body = {"name": "Changed by Carla", "items": ITEMS}
    assert as_user(cast.carla).put(f"/api/programs/{program['id']}/", body).status_code == 403
    assert as_user(cast.hugo).put(f"/api/programs/{program['id']}/", body).status_code == 404
    assert Program.objects.get(pk=program["id"]).name == "Core basics"


def test_a_notes_only_edit_keeps_a_retired_exercise(cast: Any, as_user: Any) -> None:
    program = _program(as_user(cast.phil))
    Exercise.objects.filter(slug="bird-dog").update(retired_at=datetime(2026, 11, 1, tzinfo=UTC))
    response = as_user(cast.phil).patch(f"/api/programs/{program['id']}/", {"notes": "Slower."})
    assert response.status_code == 200, response.content
    assert response.json()["version"] == 2
    assert "bird-dog" in [i["exercise"]["slug"] for i in response.json()["items"]]
