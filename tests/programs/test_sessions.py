"""Logging sessions: idempotent replays, conflicts, local days, safety and adherence alerts."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine

from backend.inbox.models import InboxMessage
from backend.messaging.models import AlertNotice
from backend.programs import services
from backend.programs.models import Alert, Session, SessionItem
from backend.programs.safety import pain_advice
from backend.programs.services import adherence_scan
from tests.factories import session_payload

pytestmark = pytest.mark.django_db

UTC = ZoneInfo("UTC")
NOW = datetime(2026, 11, 24, 20, 0, tzinfo=UTC)


@pytest.fixture
def assignment(cast: Any) -> Any:
    program = services.program_create(
        actor=cast.phil,
        name="Daily core",
        items=[
            {"exercise": "glute-bridge", "sets": 2, "reps": 10, "rest_seconds": 30},
            {"exercise": "side-plank-knees", "sets": 2, "hold_seconds": 20, "per_side": True},
        ],
    )
    return services.assignment_create(
        actor=cast.phil,
        program=program,
        patient_id=cast.pat.pk,
        start_date=date(2026, 11, 2),
        end_date=None,
        days_of_week=[1, 3, 5],
        preferred_time=time(18, 0),
    )


def body(assignment: Any, /, **changes: Any) -> dict[str, Any]:
    """Tuesday evening's session: the bridge done, the side plank skipped."""
    tuesday: dict[str, Any] = {
        "started_at": "2026-11-24T19:00:00Z",
        "completed_at": "2026-11-24T19:20:00Z",
        "pain_before": 3,
        "items": [
            {"exercise": "glute-bridge", "sets_done": 2, "reps_done": 10},
            {"exercise": "side-plank-knees", "skipped": True, "skip_reason": "Shoulder sore"},
        ],
    }
    return session_payload(assignment, **(tuesday | changes))


@pytest.fixture
def patient(cast: Any, as_user: Any) -> Any:
    return as_user(cast.pat)


@time_machine.travel(NOW, tick=False)
def test_first_post_creates_and_replay_returns_the_original(assignment: Any, patient: Any) -> None:
    data = body(assignment)
    first = patient.post("/api/sessions/", data)
    assert first.status_code == 201, first.content
    replay = patient.post("/api/sessions/", data)
    assert replay.status_code == 200
    assert replay.json() == first.json()
    assert Session.objects.count() == 1
    assert SessionItem.objects.count() == 2
    assert first.json()["items"][1]["skipped"] is True


@time_machine.travel(NOW, tick=False)
def test_replay_with_equivalent_times_in_another_offset_is_still_a_replay(
    assignment: Any, patient: Any
) -> None:
    data = body(assignment)
    patient.post("/api/sessions/", data)
    same = {**data, "completed_at": "2026-11-24T20:20:00+01:00"}
    assert patient.post("/api/sessions/", same).status_code == 200


@time_machine.travel(NOW, tick=False)
def test_same_id_with_another_body_is_a_conflict(assignment: Any, patient: Any) -> None:
    data = body(assignment)
    patient.post("/api/sessions/", data)
    response = patient.post("/api/sessions/", {**data, "pain_after": 4})
    assert response.status_code == 409
    assert Session.objects.get().pain_after == 2


@time_machine.travel(NOW, tick=False)
def test_another_patient_cannot_reuse_or_read_a_session_id(
    assignment: Any, patient: Any, cast: Any, as_user: Any
) -> None:
    data = body(assignment)
    patient.post("/api/sessions/", data)
    olive = as_user(cast.olive)
    assert olive.post("/api/sessions/", data).status_code == 400  # not her assignment
    assert olive.get(f"/api/sessions/{data['id']}/").status_code == 404


@time_machine.travel(NOW, tick=False)
def test_another_patients_session_id_answers_like_a_fresh_one(
    assignment: Any, patient: Any, cast: Any, as_user: Any
) -> None:
    """No 409 oracle: an id another patient used is, for Olive, an id nobody used; Pat's
    session is neither shown to her nor changed."""
    program = services.program_create(
        actor=cast.carla,
        name="Olive's plan",
        items=[{"exercise": "glute-bridge", "sets": 2, "reps": 10, "rest_seconds": 30}],
    )
    olives = services.assignment_create(
        actor=cast.carla,
        program=program,
        patient_id=cast.olive.pk,
        start_date=date(2026, 11, 2),
        end_date=None,
        days_of_week=[1, 3, 5],
        preferred_time=time(18, 0),
    )
    taken = body(assignment)
    assert patient.post("/api/sessions/", taken).status_code == 201
    olive = as_user(cast.olive)
    fresh = body(olives, items=[{"exercise": "glute-bridge", "sets_done": 2, "reps_done": 10}])
    reused = {**fresh, "id": taken["id"]}

    first = olive.post("/api/sessions/", reused)
    assert first.status_code == 201, first.content
    control = olive.post("/api/sessions/", fresh)
    assert control.status_code == 201
    strip = ("id",)
    assert {k: v for k, v in first.json().items() if k not in strip} == {
        k: v for k, v in control.json().items() if k not in strip
    }
    assert first.json()["id"] == taken["id"]
    # Her replay is a replay, her other body a conflict, exactly as with a fresh id.
    assert olive.post("/api/sessions/", reused).status_code == 200
    assert olive.post("/api/sessions/", {**reused, "pain_after": 5}).status_code == 409
    assert olive.get(f"/api/sessions/{taken['id']}/").json()["pain_after"] == 2
    assert olive.get(f"/api/sessions/{taken['id']}/").json()["assignment"] == olives.pk
    # Pat's row is untouched and still hers.
    pats = Session.objects.get(patient=cast.pat)
    assert str(pats.pk) == taken["id"] and pats.assignment_id == assignment.pk
    assert patient.get(f"/api/sessions/{taken['id']}/").json()["assignment"] == assignment.pk
    assert Session.objects.filter(client_id=taken["id"]).count() == 2


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"pain_before": 11}, "pain_before"),
        ({"pain_after": -1}, "pain_after"),
        ({"pain_after": "a lot"}, "pain_after"),
        ({"difficulty": "brutal"}, "difficulty"),
        ({"id": "not-a-uuid"}, "id"),
        ({"completed_at": "2026-11-24T18:00:00Z"}, "completed_at"),
        ({"completed_at": "2026-11-25T19:00:00Z"}, "completed_at"),
        (
            {"started_at": "2026-10-01T10:00:00Z", "completed_at": "2026-10-01T10:20:00Z"},
            "started_at",
        ),
        ({"items": [{"exercise": "moonwalk", "sets_done": 1}]}, "items"),
        ({"items": [{"exercise": "glute-bridge", "sets_done": 99}]}, "items"),
        ({"assignment": 999999}, "assignment"),
        ({"mood": "great"}, "mood"),
    ],
)
@time_machine.travel(NOW, tick=False)
def test_bad_sessions_are_refused_and_nothing_is_written(
    assignment: Any, patient: Any, change: dict[str, Any], field: str
) -> None:
    response = patient.post("/api/sessions/", body(assignment, **change))
    assert response.status_code == 400, response.content
    assert field in response.json()
    assert not Session.objects.exists()
    assert not Alert.objects.exists()


def test_a_physio_cannot_log_sessions(assignment: Any, cast: Any, as_user: Any) -> None:
    assert as_user(cast.phil).post("/api/sessions/", body(assignment)).status_code == 403


@pytest.mark.parametrize(
    ("tz", "completed_utc", "local_day"),
    [
        # 23:30 local in a zone east of UTC is still 23:30 the same local day.
        ("Asia/Kathmandu", "2026-11-24T17:45:00Z", "2026-11-24"),
        # ... and west of UTC: 23:30 in Los Angeles is 07:30 UTC the next day.
        ("America/Los_Angeles", "2026-11-25T07:30:00Z", "2026-11-24"),
        ("Pacific/Auckland", "2026-11-24T10:30:00Z", "2026-11-24"),
    ],
)
def test_a_session_counts_for_its_own_local_day(
    assignment: Any, cast: Any, patient: Any, tz: str, completed_utc: str, local_day: str
) -> None:
    cast.pat.timezone = tz
    cast.pat.save()
    completed = datetime.fromisoformat(completed_utc)
    started = completed - timedelta(minutes=20)
    # Sent a day later from a phone that was offline: the session keeps its own time.
    with time_machine.travel(completed + timedelta(days=1), tick=False):
        response = patient.post(
            "/api/sessions/",
            body(assignment, started_at=started.isoformat(), completed_at=completed.isoformat()),
        )
    assert response.status_code == 201, response.content
    assert response.json()["local_date"] == local_day
    expected_local = completed.astimezone(ZoneInfo(tz))
    assert (expected_local.hour, expected_local.minute) == (23, 30)


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    ("before", "after", "reason"),
    [
        (3, 5, "pain_increase"),
        (3, 4, None),
        (6, 6, None),
        (5, 7, "pain_increase"),
        (7, 7, "pain_high"),
        (9, 8, "pain_high"),
        (8, 5, "pain_high_before"),
        (0, 1, None),
    ],
)
def test_pain_rules_raise_an_alert_with_the_advice_of_the_rule_that_fired(
    assignment: Any, patient: Any, cast: Any, before: int, after: int, reason: str | None
) -> None:
    alert = reason is not None
    response = patient.post(
        "/api/sessions/", body(assignment, pain_before=before, pain_after=after)
    )
    safety = response.json()["safety"]
    assert safety["alert"] is alert
    assert safety["reason"] == reason
    assert safety["advice"] == (pain_advice(reason) if reason else None)
    if reason == "pain_high_before":  # pain fell: no "higher than it should be … stop"
        assert "went up" not in safety["advice"]
    assert Alert.objects.filter(patient=cast.pat, kind="pain").exists() is alert
    physio_inbox = InboxMessage.objects.filter(user=cast.phil, kind="alert")
    assert physio_inbox.exists() is alert
    assert not InboxMessage.objects.filter(user=cast.carla).exists()


@time_machine.travel(NOW, tick=False)
def test_a_pain_alert_shows_on_the_caseload(
    assignment: Any, patient: Any, cast: Any, as_user: Any
) -> None:
    patient.post("/api/sessions/", body(assignment, pain_before=2, pain_after=6))
    rows = as_user(cast.phil).get("/api/patients/").json()["results"]
    pat = next(r for r in rows if r["id"] == cast.pat.pk)
    assert pat["open_alerts"] == 1
    assert pat["latest_pain"] == 6
    alerts = as_user(cast.phil).get("/api/alerts/").json()["results"]
    resolved = as_user(cast.phil).post(f"/api/alerts/{alerts[0]['id']}/resolve/")
    assert resolved.status_code == 200
    assert as_user(cast.hugo).post(f"/api/alerts/{alerts[0]['id']}/resolve/").status_code == 404
    rows = as_user(cast.phil).get("/api/patients/").json()["results"]
    assert next(r for r in rows if r["id"] == cast.pat.pk)["open_alerts"] == 0


def test_three_missed_sessions_in_a_row_raise_one_adherence_alert(
    assignment: Any, cast: Any
) -> None:
    # Program days are Mon/Wed/Fri from Mon 2 Nov. Nothing logged: by Sat 7 Nov three
    # scheduled days (2, 4, 6 Nov) were missed.
    with time_machine.travel(datetime(2026, 11, 6, 22, tzinfo=UTC), tick=False):
        assert adherence_scan() == 0  # Friday is not over in London yet: two missed
    with time_machine.travel(datetime(2026, 11, 7, 9, tzinfo=UTC), tick=False):
        assert adherence_scan() == 1
        assert adherence_scan() == 0  # the same run is reported once
    alert = Alert.objects.get(kind="adherence")
    assert alert.run_started_on == date(2026, 11, 2)
    assert InboxMessage.objects.filter(user=cast.phil, kind="alert").count() == 1


@time_machine.travel(datetime(2026, 11, 18, 12, tzinfo=UTC), tick=False)
def test_progress_counts_adherence_by_week_and_streak(assignment: Any, patient: Any) -> None:
    # Scheduled: Mon/Wed/Fri from 2 Nov to 18 Nov = 2,4,6, 9,11,13, 16,18 (8 days).
    done = ["2026-11-02", "2026-11-04", "2026-11-11", "2026-11-13", "2026-11-16"]
    for day in done:
        start = f"{day}T09:00:00Z"
        patient.post(
            "/api/sessions/",
            body(assignment, started_at=start, completed_at=f"{day}T09:20:00Z"),
        )
    progress = patient.get("/api/progress/").json()
    weeks = {w["week_start"]: (w["prescribed"], w["completed"]) for w in progress["weeks"]}
    assert weeks == {"2026-11-02": (3, 2), "2026-11-09": (3, 2), "2026-11-16": (2, 1)}
    assert progress["adherence_overall"] == pytest.approx(5 / 8)
    # 18 Nov (today) is not done yet, which does not break the streak: 11, 13, 16.
    assert progress["streak"] == 3
    assert [p["before"] for p in progress["pain"]] == [3] * 5


@time_machine.travel(NOW, tick=False)
def test_the_physio_sees_the_patients_session_and_what_was_prescribed(
    assignment: Any, patient: Any, cast: Any, as_user: Any
) -> None:
    patient.post("/api/sessions/", body(assignment))
    program = assignment.program
    services.program_revise(
        program,
        actor=cast.phil,
        items=[{"exercise": "single-leg-bridge", "sets": 2, "reps": 6}],
    )
    physio = as_user(cast.phil)
    sessions = physio.get(f"/api/patients/{cast.pat.pk}/sessions/").json()["results"]
    assert sessions[0]["program_version"] == 1
    assert [i["exercise"] for i in sessions[0]["items"]] == ["glute-bridge", "side-plank-knees"]
    detail = physio.get(f"/api/patients/{cast.pat.pk}/").json()
    assert detail["assignments"][0]["program"]["version"] == 2
    assert as_user(cast.carla).get(f"/api/patients/{cast.pat.pk}/sessions/").status_code == 404


def test_a_session_done_before_a_program_change_still_logs_against_its_version(
    assignment: Any, patient: Any, cast: Any
) -> None:
    # Done offline on Tuesday evening; the physio changes the program on Wednesday; the
    # phone sends the session on Thursday.
    with time_machine.travel(datetime(2026, 11, 25, 9, tzinfo=UTC), tick=False):
        services.program_revise(
            assignment.program,
            actor=cast.phil,
            items=[{"exercise": "single-leg-bridge", "sets": 2, "reps": 6}],
        )
    with time_machine.travel(datetime(2026, 11, 26, 9, tzinfo=UTC), tick=False):
        response = patient.post("/api/sessions/", body(assignment, pain_after=6))
    assert response.status_code == 201, response.content
    assert response.json()["program_version"] == 1
    assert response.json()["safety"]["alert"] is True
    assert Alert.objects.filter(patient=cast.pat, kind="pain").exists()


def test_a_long_lapse_stays_one_alert(assignment: Any, patient: Any, cast: Any) -> None:
    # One session on Mon 2 Nov, then nothing for months: one run, one alert, not a new
    # and larger one when the last session drops out of any window.
    with time_machine.travel(datetime(2026, 11, 2, 20, tzinfo=UTC), tick=False):
        start = "2026-11-02T19:00:00Z"
        patient.post(
            "/api/sessions/",
            body(assignment, started_at=start, completed_at="2026-11-02T19:20:00Z"),
        )
    for day in (date(2026, 11, 10), date(2027, 1, 15), date(2027, 3, 20)):
        with time_machine.travel(datetime.combine(day, time(12), tzinfo=UTC), tick=False):
            adherence_scan()
    alerts = Alert.objects.filter(kind="adherence")
    assert [a.run_started_on for a in alerts] == [date(2026, 11, 4)]


@pytest.mark.parametrize(
    ("url", "method", "data"),
    [
        ("/api/nudges/summary/?date=9999-12-31", "get", None),
        ("/api/nudges/plan/preview/?from=0001-01-01T00:00:00Z", "get", None),
        ("/api/sessions/", "post", {"started_at": "0001-01-01T00:00:00Z"}),
    ],
)
def test_dates_far_out_are_a_400_not_a_crash(
    assignment: Any, patient: Any, url: str, method: str, data: dict[str, Any] | None
) -> None:
    payload = body(assignment, **data) if data is not None else None
    response = getattr(patient, method)(url, payload)
    assert response.status_code == 400, response.content


def test_an_assignment_cannot_start_in_year_one(cast: Any, as_user: Any, assignment: Any) -> None:
    response = as_user(cast.phil).post(
        "/api/assignments/",
        {"program": assignment.program_id, "patient": cast.pat.pk, "start_date": "0001-01-01",
         "days_of_week": [1]},
    )  # fmt: skip
    assert response.status_code == 400
    assert "start_date" in response.json()


def _hurt_items(skip_bridge: bool) -> list[dict[str, Any]]:
    bridge: dict[str, Any] = (
        {"exercise": "glute-bridge", "skipped": True, "skip_reason": "It hurt"}
        if skip_bridge
        else {"exercise": "glute-bridge", "sets_done": 2, "reps_done": 10}
    )
    return [bridge, {"exercise": "side-plank-knees", "sets_done": 2, "hold_seconds_done": 40}]


@time_machine.travel(NOW, tick=False)
def test_it_hurt_skips_are_counted_and_two_in_a_row_alert_the_physio(
    assignment: Any, patient: Any, cast: Any, as_user: Any
) -> None:
    times = [("2026-11-20T18:00:00Z", "2026-11-20T18:20:00Z"),
             ("2026-11-22T18:00:00Z", "2026-11-22T18:20:00Z"),
             ("2026-11-24T18:00:00Z", "2026-11-24T18:20:00Z")]  # fmt: skip
    skips = [True, False, True]
    for (start, end), skip in zip(times, skips, strict=True):
        response = patient.post(
            "/api/sessions/",
            body(assignment, started_at=start, completed_at=end, items=_hurt_items(skip)),
        )
        assert response.status_code == 201, response.content
    # Not in a row (a session in between did it): no alert yet.
    assert not Alert.objects.filter(patient=cast.pat, kind="skipped_hurt").exists()
    response = patient.post(
        "/api/sessions/",
        body(
            assignment,
            started_at="2026-11-24T19:00:00Z",
            completed_at="2026-11-24T19:20:00Z",
            items=_hurt_items(True),
        ),
    )
    assert response.status_code == 201
    alert = Alert.objects.get(patient=cast.pat, kind="skipped_hurt")
    assert "glute-bridge" in alert.message
    assert InboxMessage.objects.filter(user=cast.phil, title__startswith="Exercise hurt").exists()
    # Messaging told the physio too (push, e-mail): its ledger has the alert.
    assert AlertNotice.objects.filter(alert=alert, user=cast.phil).exists()
    [row] = as_user(cast.phil).get("/api/patients/").json()["results"]
    assert row["hurt_skips_28d"] == 3


def test_after_a_pain_spike_today_keeps_the_advice_and_the_clinic_contact_until_midnight(
    assignment: Any, patient: Any, cast: Any
) -> None:
    clinic = cast.pat.clinic
    clinic.phone, clinic.email, clinic.hours = "+44 20 7946 0000", "desk@example.org", "Mon-Fri"
    clinic.save()
    with time_machine.travel(NOW, tick=False):
        assert patient.get("/api/today/").json()["pain_alert"] is None
        patient.post("/api/sessions/", body(assignment, pain_before=2, pain_after=6))
        calm = body(assignment, pain_before=2, pain_after=2, completed_at="2026-11-24T19:40:00Z")
        patient.post("/api/sessions/", calm)  # a later calm session does not hide it
        spike = patient.get("/api/today/").json()["pain_alert"]
    assert spike["advice"] == pain_advice("pain_increase")
    assert spike["physio_told"] is True
    assert spike["clinic"] == {
        "name": "Riverside",
        "phone": "+44 20 7946 0000",
        "email": "desk@example.org",
        "hours": "Mon-Fri",
    }
    # Still there late that evening in London; gone on the next local day.
    with time_machine.travel(datetime(2026, 11, 24, 23, 59, tzinfo=UTC), tick=False):
        assert patient.get("/api/today/").json()["pain_alert"] is not None
    with time_machine.travel(datetime(2026, 11, 25, 0, 1, tzinfo=UTC), tick=False):
        assert patient.get("/api/today/").json()["pain_alert"] is None


def _queries_of_a_post(patient: Any, data: dict[str, Any]) -> list[str]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert patient.post("/api/sessions/", data).status_code == 201
    return [q["sql"] for q in captured.captured_queries]


@time_machine.travel(NOW, tick=False)
def test_logging_a_session_costs_the_same_however_long_the_history(
    assignment: Any, patient: Any
) -> None:
    """The caseload row is marked stale and the adherence scan's next look left as a safe
    early one, without reading the patient's figures: the patient (already known) is not
    read again, and a long history adds no query."""
    first = _queries_of_a_post(patient, body(assignment))
    for days in range(1, 30):
        done = NOW - timedelta(days=days, hours=1)
        patient.post(
            "/api/sessions/",
            body(
                assignment,
                completed_at=done.isoformat(),
                started_at=(done - timedelta(minutes=20)).isoformat(),
            ),
        )
    later = body(assignment, completed_at="2026-11-24T19:40:00Z", started_at="2026-11-24T19:25:00Z")
    after_a_month = _queries_of_a_post(patient, later)
    assert len(after_a_month) == len(first)
    assert not [q for q in first if 'FROM "accounts_user"' in q]
    # A calm session raised no alert: nobody looks for its alerts to tell the physios.
    assert not [q for q in first if '"programs_alert"."session_id" =' in q]
    # The caseload's figures are not read at all: the patient's row is only marked stale
    # (the caseload page and the refresh job recompute it).
    assert not [q for q in first if 'MAX("programs_session"' in q]
    assert sum('UPDATE "programs_caseloadsummary"' in q for q in first) == 1


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"pain_before": 2, "pain_after": 6},
        {"items": _hurt_items(skip_bridge=True)},
    ],
    ids=["calm", "pain spike", "skipped because it hurt"],
)
def test_logging_reads_the_assignment_once_whatever_the_session_raises(
    assignment: Any, patient: Any, changes: dict[str, Any]
) -> None:
    """The assignment is read with only the columns logging needs; a column read later
    (by an alert or the response) would be a query of its own, by key. (An alert's summary
    refresh reads the patient's assignments afresh, as a set: not a deferred column.)"""
    queries = _queries_of_a_post(patient, body(assignment, **changes))
    reads = [
        q
        for q in queries
        if q.startswith("SELECT") and 'FROM "programs_assignment"' in q and " IN (" not in q
    ]
    assert len(reads) == 1, reads
    assert not [q for q in queries if q.startswith('SELECT "programs_session"."notes"')]
