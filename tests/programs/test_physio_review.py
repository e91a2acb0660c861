"""The physio's review of alerts (acknowledge, resolve, a note, the patient's history) and the
caseload's search and "needs a program" mark."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine

from backend.programs import services
from backend.programs.models import Alert
from tests.factories import session_payload

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 24, 20, 0, tzinfo=ZoneInfo("UTC"))


def _assign(cast: Any, patient: Any, **changes: Any) -> Any:
    program = services.program_create(
        actor=cast.phil if patient == cast.pat else cast.carla,
        name="Daily core",
        items=[{"exercise": "glute-bridge", "sets": 2, "reps": 10, "rest_seconds": 30}],
    )
    values: dict[str, Any] = {
        "start_date": date(2026, 11, 2),
        "end_date": None,
        "days_of_week": [1, 2, 3, 4, 5, 6, 7],
    }
    values.update(changes)
    return services.assignment_create(
        actor=program.created_by, program=program, patient_id=patient.pk, **values
    )


def _pain_spike(as_user: Any, cast: Any, assignment: Any) -> dict[str, Any]:
    body = session_payload(
        assignment,
        started_at="2026-11-24T19:00:00Z",
        completed_at="2026-11-24T19:20:00Z",
        pain_after=7,
        difficulty="too_hard",
    )
    response = as_user(cast.pat).post("/api/sessions/", body)
    assert response.status_code == 201
    (alert,) = as_user(cast.phil).get("/api/alerts/").json()["results"]
    return dict(alert)


def _row(as_user: Any, user: Any, patient: Any, query: str = "") -> dict[str, Any]:
    rows = as_user(user).get(f"/api/patients/{query}").json()["results"]
    return dict(next(r for r in rows if r["id"] == patient.pk))


@time_machine.travel(NOW, tick=False)
def test_acknowledging_clears_the_badge_and_resolving_closes_the_alert_with_notes(
    cast: Any, as_user: Any
) -> None:
    alert = _pain_spike(as_user, cast, _assign(cast, cast.pat))
    assert alert["status"] == "new"
    assert alert["patient"] == {"id": cast.pat.pk, "full_name": "Pat Patient"}
    assert _row(as_user, cast.phil, cast.pat)["open_alerts"] == 1

    seen = as_user(cast.phil).post(
        f"/api/alerts/{alert['id']}/acknowledge/", {"note": "Phoned Pat, booked a review."}
    )
    assert seen.status_code == 200, seen.content
    assert seen.json()["status"] == "acknowledged"
    assert seen.json()["acknowledged_by"]["full_name"] == "Phil Physio"
    assert _row(as_user, cast.phil, cast.pat)["open_alerts"] == 0  # the badge clears
    # Still open (not resolved): listed under open and acknowledged, not under new.
    listed = {
        s: [a["id"] for a in as_user(cast.phil).get(f"/api/alerts/?status={s}").json()["results"]]
        for s in ("new", "open", "acknowledged", "resolved")
    }
    assert listed == {
        "new": [],
        "open": [alert["id"]],
        "acknowledged": [alert["id"]],
        "resolved": [],
    }

    done = as_user(cast.phil).post(f"/api/alerts/{alert['id']}/resolve/", {"note": "Settled."})
    assert done.json()["status"] == "resolved"
    assert done.json()["review_note"] == "Phoned Pat, booked a review.\nSettled."
    again = as_user(cast.phil).post(f"/api/alerts/{alert['id']}/resolve/")
    assert again.status_code == 400
    assert "already resolved" in again.json()["detail"][0]

    detail = as_user(cast.phil).get(f"/api/patients/{cast.pat.pk}/").json()
    assert detail["alerts"] == []
    (history,) = detail["alert_history"]
    assert history["status"] == "resolved"
    assert history["resolved_by"]["full_name"] == "Phil Physio"
    assert history["review_note"].endswith("Settled.")


@time_machine.travel(NOW, tick=False)
def test_alert_review_is_refused_for_others_and_bad_input_writes_nothing(
    cast: Any, as_user: Any
) -> None:
    alert = _pain_spike(as_user, cast, _assign(cast, cast.pat))
    url = f"/api/alerts/{alert['id']}"
    for stranger in (cast.hugo, cast.heidi, cast.carla):  # another clinic, not her physio
        assert as_user(stranger).post(f"{url}/acknowledge/").status_code == 404
        assert as_user(stranger).post(f"{url}/resolve/").status_code == 404
    assert as_user(cast.pat).post(f"{url}/resolve/").status_code == 403
    deep: Any = "x"
    for _ in range(200):
        deep = {"note": deep}
    for bad in (
        {"note": "x" * 1001},
        {"note": "ok", "extra": 1},
        {"note": ["a"]},
        {"note": "nul\x00byte"},
        deep,
    ):
        response = as_user(cast.phil).post(f"{url}/resolve/", bad, format="json")
        assert response.status_code == 400, bad
    assert as_user(cast.phil).get("/api/alerts/?status=sideways").status_code == 400
    assert as_user(cast.phil).get("/api/alerts/?patient=x").status_code == 400
    assert as_user(cast.phil).post("/api/alerts/99999999999999999999/resolve/").status_code == 404
    stored = Alert.objects.get(pk=alert["id"])
    assert (stored.acknowledged_at, stored.resolved_at, stored.review_note) == (None, None, "")


@time_machine.travel(NOW, tick=False)
def test_the_caseload_searches_by_name_or_email(cast: Any, as_user: Any) -> None:
    def names(user: Any, query: str) -> list[str]:
        rows = as_user(user).get("/api/patients/", {"search": query}).json()["results"]
        return [r["full_name"] for r in rows]

    assert names(cast.adam, "olive") == ["Olive Other"]
    assert names(cast.adam, "PAT@EXAMPLE") == ["Pat Patient"]
    assert names(cast.adam, "other olive") == ["Olive Other"]  # every word must match
    assert names(cast.adam, "  ") == ["Olive Other", "Pat Patient"]
    assert names(cast.phil, "olive") == []  # not Phil's patient
    assert names(cast.hugo, "pat") == []  # another clinic
    too_long = as_user(cast.adam).get("/api/patients/", {"search": "x" * 101})
    assert too_long.status_code == 400 and "search" in too_long.json()
    # A NUL is refused before any view runs (the request guard), with a message that says so.
    nul = as_user(cast.adam).get("/api/patients/", {"search": "pat\x00"})
    assert nul.status_code == 400 and "NUL" in nul.json()["detail"]


@time_machine.travel(NOW, tick=False)
def test_patients_without_a_current_program_need_one(cast: Any, as_user: Any) -> None:
    assert _row(as_user, cast.phil, cast.pat)["needs_program"] is True
    assignment = _assign(cast, cast.pat)
    assert _row(as_user, cast.phil, cast.pat)["needs_program"] is False
    services.assignment_pause(assignment, today=date(2026, 11, 24))
    assert _row(as_user, cast.phil, cast.pat)["needs_program"] is False  # paused on purpose
    services.assignment_end(assignment, today=date(2026, 11, 24))
    assert _row(as_user, cast.phil, cast.pat)["needs_program"] is True
    # A program that ran out yesterday needs a new one, too.
    _assign(cast, cast.olive, end_date=date(2026, 11, 24) - timedelta(days=1))
    assert _row(as_user, cast.adam, cast.olive)["needs_program"] is True


def test_a_program_starts_from_a_library_routine(cast: Any, as_user: Any) -> None:
    response = as_user(cast.phil).post(
        "/api/programs/", {"name": "From the library", "routine": "core-foundation-two-weeks"}
    )
    assert response.status_code == 201, response.content
    assert len(response.json()["items"]) >= 3
    bad = as_user(cast.phil).post("/api/programs/", {"name": "X", "routine": "no-such-routine"})
    assert bad.status_code == 400
    assert "routine" in bad.json()


@time_machine.travel(NOW, tick=False)
def test_patient_detail_lists_the_open_alerts_and_the_whole_history(
    cast: Any, as_user: Any
) -> None:
    assignment = _assign(cast, cast.pat)
    made = [
        Alert.objects.create(
            patient=cast.pat,
            kind="pain",
            reason="pain_high",
            message=f"Pain {n}",
            assignment=assignment,
            created_at=NOW - timedelta(days=n),
        )
        for n in range(4)
    ]
    services.alert_resolve(made[1], actor=cast.phil, note="Settled.")
    services.alert_acknowledge(made[2], actor=cast.phil, note="")
    detail = as_user(cast.phil).get(f"/api/patients/{cast.pat.pk}/").json()
    # Newest first; the resolved one only in the history, the acknowledged one in both.
    assert [a["message"] for a in detail["alerts"]] == ["Pain 0", "Pain 2", "Pain 3"]
    assert [a["message"] for a in detail["alert_history"]] == [f"Pain {n}" for n in range(4)]
    assert [a["status"] for a in detail["alerts"]] == ["new", "acknowledged", "new"]
    assert detail["alerts"][1] == detail["alert_history"][2]
