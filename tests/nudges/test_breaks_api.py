"""Prescribed micro-breaks end to end: the physio's choice, conflicts refused, what the
dispatcher then sends (with dose, never a conflicting one), acknowledgements with the
exercise, the busy pause, sit/stand, the preview's holds and the statistics."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine

from backend.inbox.delivery import payload_for
from backend.inbox.models import InboxMessage
from backend.nudges.dispatch import dispatch_due_nudges
from backend.nudges.models import Break, Nudge, NudgePlan
from backend.nudges.services import plan_for
from tests.factories import assign_program

pytestmark = pytest.mark.django_db
MONDAY = datetime(2026, 11, 23, tzinfo=UTC)  # Europe/London = UTC in November


def at(hour: int, minute: int = 0, days: int = 0) -> datetime:
    return MONDAY + timedelta(days=days, hours=hour, minutes=minute)


def _url(assignment: Any) -> str:
    return f"/api/assignments/{assignment.pk}/breaks/"


def _plan(user: Any) -> NudgePlan:
    with time_machine.travel(at(8), tick=False):
        return plan_for(user)


def _workday(user: Any, *, until: datetime | None = None) -> list[Nudge]:
    _plan(user)
    now = at(9)
    while now <= (until or at(17, 30)):
        dispatch_due_nudges(now=now)
        now += timedelta(minutes=5)
    return list(Nudge.objects.filter(user=user).order_by("slot"))


def test_defaults_are_desk_friendly_items_without_conflicts(
    cast: Any, as_user: Any, library: Any
) -> None:
    assignment = assign_program(cast.phil, cast.pat)
    as_user(cast.phil).put(
        f"/api/patients/{cast.pat.pk}/precautions/", {"codes": ["shoulder-caution"]}
    )
    body = as_user(cast.phil).get(_url(assignment)).json()
    assert body["items"] == [] and body["excluded"] == []
    conflicts = {c["slug"] for c in body["candidates"] if c["conflict"]}
    assert {"shoulder-rolls", "desk-push-up", "stand-and-reach"} <= conflicts
    assert all(c["conflict_reason"] for c in body["candidates"] if c["conflict"])
    effective = {row["exercise"] for row in body["effective"]}
    assert effective and not effective & conflicts
    assert "neck-side-stretch" in effective
    assert {c["source"] for c in body["candidates"]} == {"library"}  # glute bridge: not desk


def test_a_physio_prescribes_breaks_with_dose_and_exclusions(
    cast: Any, as_user: Any, library: Any
) -> None:
    assignment = assign_program(cast.phil, cast.pat)
    client = as_user(cast.phil)
    body = {
        "items": [
            {"exercise": "chin-tuck", "sets": 1, "reps": 10},
            {"exercise": "neck-side-stretch", "sets": 2, "hold_seconds": 20, "every_nth": 2},
        ],
        "excluded": ["seated-twist"],
    }
    answer = client.put(_url(assignment), body, format="json")
    assert answer.status_code == 200, answer.content
    got = client.get(_url(assignment)).json()
    assert got["items"][0] == {
        "exercise": "chin-tuck",
        "sets": 1,
        "reps": 10,
        "hold_seconds": None,
        "every_nth": 1,
    }
    assert got["excluded"] == ["seated-twist"]
    assert [row["exercise"] for row in got["effective"]] == ["chin-tuck", "neck-side-stretch"]
    assert got["effective"][0]["name"] == "Chin tuck"
    # The patient sees the same pool.
    pool = as_user(cast.pat).get("/api/nudges/breaks/").json()["items"]
    assert [row["exercise"] for row in pool] == ["chin-tuck", "neck-side-stretch"]
    assert pool[1]["hold_seconds"] == 20 and pool[1]["sets"] == 2

    # The dispatcher sends exactly these, with their dose, and the push carries it.
    nudges = _workday(cast.pat)
    moves = [n for n in nudges if n.kind == "move"]
    assert moves and {n.exercise for n in moves} == {"chin-tuck", "neck-side-stretch"}
    chin = next(n for n in moves if n.exercise == "chin-tuck")
    assert (chin.sets, chin.reps, chin.hold_seconds) == (1, 10, None)
    message = InboxMessage.objects.get(nudge=chin)
    assert message.url == f"/break/{chin.pk}"
    assert message.title == "Time to move: Chin tuck"
    payload = json.loads(payload_for(message))
    assert payload["nudge_kind"] == "move" and payload["exercise"] == "chin-tuck"
    assert payload["dose"] == {"sets": 1, "reps": 10, "hold_seconds": None}
    assert payload["url"] == f"/break/{chin.pk}"
    item = as_user(cast.pat).get("/api/inbox/").json()["results"][-1]
    assert item["nudge_kind"] in {"move", "tip"} and "dose" in item


@pytest.mark.parametrize(
    ("items", "message"),
    [
        ([{"exercise": "shoulder-rolls"}], "not suitable for this patient"),
        ([{"exercise": "glute-bridge"}], "not a desk-friendly exercise"),
        ([{"exercise": "no-such-thing"}], "not a desk-friendly exercise"),
        ([{"exercise": "chin-tuck"}, {"exercise": "chin-tuck"}], "listed twice"),
    ],
)
def test_conflicting_or_unsuitable_items_are_refused_and_nothing_is_stored(
    cast: Any, as_user: Any, library: Any, items: list[Any], message: str
) -> None:
    assignment = assign_program(cast.phil, cast.pat)
    client = as_user(cast.phil)
    client.put(f"/api/patients/{cast.pat.pk}/precautions/", {"codes": ["shoulder-caution"]})
    answer = client.put(_url(assignment), {"items": items, "excluded": []}, format="json")
    assert answer.status_code == 400
    assert any(message in text for text in answer.json()["items"]), answer.json()
    assert client.get(_url(assignment)).json()["items"] == []


def test_bad_doses_and_unknown_fields_are_field_errors(
    cast: Any, as_user: Any, library: Any
) -> None:
    assignment = assign_program(cast.phil, cast.pat)
    client = as_user(cast.phil)
    answer = client.put(
        _url(assignment), {"items": [{"exercise": "chin-tuck", "sets": 0}]}, format="json"
    )
    assert answer.status_code == 400 and "sets" in json.dumps(answer.json()["items"])
    answer = client.put(
        _url(assignment), {"items": [{"exercise": "chin-tuck", "colour": 1}]}, format="json"
    )
    assert answer.status_code == 400
    answer = client.put(
        _url(assignment),
        {"items": [{"exercise": "chin-tuck"}], "excluded": ["chin-tuck"]},
        format="json",
    )
    assert answer.status_code == 400 and "excluded" in answer.json()


def test_a_precaution_marked_later_keeps_a_prescribed_item_from_being_sent(
    cast: Any, as_user: Any, library: Any
) -> None:
    assignment = assign_program(cast.phil, cast.pat)
    client = as_user(cast.phil)
    body = {"items": [{"exercise": "shoulder-rolls", "reps": 5}, {"exercise": "chin-tuck"}]}
    assert client.put(_url(assignment), body, format="json").status_code == 200
    client.put(f"/api/patients/{cast.pat.pk}/precautions/", {"codes": ["shoulder-caution"]})
    effective = client.get(_url(assignment)).json()["effective"]
    assert [row["exercise"] for row in effective] == ["chin-tuck"]
    sent = {n.exercise for n in _workday(cast.pat)}
    assert "shoulder-rolls" not in sent and "chin-tuck" in sent


def test_done_records_the_break_with_the_exercise(cast: Any, as_user: Any, library: Any) -> None:
    nudges = _workday(cast.pat, until=at(9, 30))
    nudge = next(n for n in nudges if n.exercise)
    client = as_user(cast.pat)
    with time_machine.travel(at(9, 35), tick=False):
        answer = client.post(f"/api/nudges/{nudge.pk}/ack/", {"action": "moved"}, format="json")
    assert answer.status_code == 200, answer.content
    assert Break.objects.get(nudge=nudge).exercise == nudge.exercise
    other = Nudge.objects.create(
        plan=nudge.plan, user=cast.pat, slot=at(9, 40), content="tip:x", kind="tip"
    )
    answer = client.post(
        f"/api/nudges/{other.pk}/ack/", {"action": "moved", "exercise": "chin-tuck"}
    )
    assert answer.status_code == 200
    assert Break.objects.get(nudge=other).exercise == "chin-tuck"
    answer = client.post(
        f"/api/nudges/{other.pk}/ack/", {"action": "dismiss", "exercise": "chin-tuck"}
    )
    assert answer.status_code == 400


def test_the_busy_pause_holds_nudges_and_the_first_comes_five_minutes_after(
    cast: Any, as_user: Any, library: Any
) -> None:
    _plan(cast.pat)
    client = as_user(cast.pat)
    with time_machine.travel(at(9, 50), tick=False):
        answer = client.post("/api/nudges/busy/", {"minutes": 30}, format="json")
        assert answer.status_code == 200
        assert answer.json() == {"busy_until": "2026-11-23T10:20:00Z"}
        assert client.get("/api/nudges/plan/").json()["busy_until"] == "2026-11-23T10:20:00Z"
        preview = client.get("/api/nudges/plan/preview/", {"count": 3}).json()["nudges"]
    assert preview[0]["at"] == "2026-11-23T10:00:00Z"
    assert preview[0]["held"] == {"reason": "busy", "until": "2026-11-23T10:20:00Z"}
    assert preview[1]["at"] == "2026-11-23T10:25:00Z" and preview[1]["held"] is None
    assert preview[2]["at"] == "2026-11-23T10:55:00Z"  # the interval restarts from there
    now = at(9, 55)
    while now <= at(11):
        dispatch_due_nudges(now=now)
        now += timedelta(minutes=5)
    slots = list(Nudge.objects.filter(user=cast.pat).values_list("slot", flat=True))
    assert slots == [at(10, 25), at(10, 55)]

    for bad in ({"minutes": 20}, {}, {"minutes": 15, "until": "end_of_day"}, {"until": "noon"}):
        assert client.post("/api/nudges/busy/", bad, format="json").status_code == 400
    with time_machine.travel(at(12), tick=False):
        answer = client.post("/api/nudges/busy/", {"until": "end_of_day"}, format="json")
        assert answer.json() == {"busy_until": "2026-11-24T00:00:00Z"}
        assert client.delete("/api/nudges/busy/").json() == {"busy_until": None}


def test_a_logged_walk_pushes_the_next_nudge_back_one_interval(
    cast: Any, as_user: Any, library: Any
) -> None:
    _plan(cast.pat)
    with time_machine.travel(at(9, 20), tick=False):
        assert as_user(cast.pat).post("/api/nudges/walk/").status_code == 201
        preview = as_user(cast.pat).get("/api/nudges/plan/preview/", {"count": 2}).json()
    assert preview["nudges"][0]["at"] == "2026-11-23T09:30:00Z"
    assert preview["nudges"][0]["held"]["reason"] == "walk"
    assert preview["nudges"][1]["at"] == "2026-11-23T10:00:00Z"
    assert preview["nudges"][1]["held"] is None
    for minute in range(0, 61, 5):
        dispatch_due_nudges(now=at(9, 20) + timedelta(minutes=minute))
    slots = list(Nudge.objects.filter(user=cast.pat).values_list("slot", flat=True))
    assert slots == [at(10)]


def test_sit_stand_prompts_alternate_within_work_hours(
    cast: Any, as_user: Any, library: Any
) -> None:
    _plan(cast.pat)
    with time_machine.travel(at(8), tick=False):
        answer = as_user(cast.pat).put(
            "/api/nudges/plan/",
            {"sit_stand_enabled": True, "stand_minutes": 20},
            format="json",
        )
        assert answer.status_code == 200 and answer.json()["stand_minutes"] == 20
        preview = as_user(cast.pat).get("/api/nudges/plan/preview/", {"count": 8}).json()
    kinds = [(n["at"][11:16], n["nudge_kind"]) for n in preview["nudges"]]
    assert kinds[:4] == [("09:30", "move"), ("10:00", "stand"), ("10:20", "sit"), ("10:30", "move")]
    nudges = _workday(cast.pat, until=at(10, 30))
    assert [(n.slot, n.kind) for n in nudges] == [
        (at(9, 30), "move"),
        (at(10), "stand"),
        (at(10, 20), "sit"),
        (at(10, 30), "move"),
    ]
    assert InboxMessage.objects.get(nudge=nudges[1]).title == "Time to stand"
    bad = as_user(cast.pat).put("/api/nudges/plan/", {"stand_minutes": 2}, format="json")
    assert bad.status_code == 400 and "stand_minutes" in bad.json()


def test_break_stats_for_the_patient_and_her_physio_only(
    cast: Any, as_user: Any, library: Any
) -> None:
    nudges = _workday(cast.pat, until=at(11))
    with time_machine.travel(at(11, 5), tick=False):
        for nudge in nudges[:2]:
            as_user(cast.pat).post(f"/api/nudges/{nudge.pk}/ack/", {"action": "moved"})
        mine = as_user(cast.pat).get("/api/nudges/breaks/stats/", {"weeks": 1}).json()
        theirs = as_user(cast.phil).get(f"/api/patients/{cast.pat.pk}/breaks/stats/").json()
        assert (
            as_user(cast.carla).get(f"/api/patients/{cast.pat.pk}/breaks/stats/").status_code == 404
        )
        assert as_user(cast.pat).get("/api/nudges/breaks/stats/", {"weeks": 0}).status_code == 400
    monday = next(d for d in mine["days"] if d["date"] == "2026-11-23")
    assert monday == {"date": "2026-11-23", "offered": len(nudges), "taken": 2}
    assert mine["weeks"] == [{"week_start": "2026-11-23", "offered": len(nudges), "taken": 2}]
    sitting = next(d for d in mine["longest_sitting_minutes"] if d["date"] == "2026-11-23")
    assert sitting["minutes"] == 125  # 09:00 until 11:05, both breaks taken at 11:05
    assert sum(e["count"] for e in mine["exercises"]) == 2
    assert len(theirs["weeks"]) == 4 and len(theirs["days"]) == 4 * 7 - 6


def test_breaks_are_part_of_the_data_export(cast: Any, as_user: Any, library: Any) -> None:
    assignment = assign_program(cast.phil, cast.pat)
    as_user(cast.phil).put(_url(assignment), {"items": [{"exercise": "chin-tuck"}]}, format="json")
    nudges = _workday(cast.pat, until=at(9, 30))
    with time_machine.travel(at(9, 35), tick=False):
        as_user(cast.pat).post(f"/api/nudges/{nudges[0].pk}/ack/", {"action": "moved"})
    export = as_user(cast.pat).get("/api/me/export/")
    assert export.status_code == 200
    body = json.loads(b"".join(export.streaming_content) if export.streaming else export.content)
    assert body["breaks"][0]["exercise"] == "chin-tuck"
    assert body["break_prescriptions"][0]["items"][0]["exercise"] == "chin-tuck"


def _due_patients(count: int, physio: Any) -> None:
    """``count`` patients due at 9:30, every other one with prescribed breaks, a calendar
    busy window later that day, a logged walk earlier and precautions marked."""
    from backend.nudges.models import BreakPrescription, BusyWindow
    from backend.programs.models import PatientPrecautions
    from tests.factories import CareLinkFactory, UserFactory

    for index in range(count):
        user: Any = UserFactory(clinic=physio.clinic)
        CareLinkFactory(patient=user, physio=physio)
        _plan(user)
        if index % 2:
            assignment = assign_program(physio, user)
            BreakPrescription.objects.create(
                assignment=assignment, items=[{"exercise": "chin-tuck", "reps": 10}]
            )
            BusyWindow.objects.create(user=user, start=at(14), end=at(15))
            Break.objects.create(user=user, taken_at=at(8, 50), kind="walk")
            PatientPrecautions.objects.create(patient=user, codes=["shoulder-caution"])


def test_the_dispatcher_reads_breaks_and_busy_times_per_batch_not_per_plan(
    cast: Any, library: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for size in (4, 16):
        _due_patients(size, cast.phil)
        with CaptureQueriesContext(connection) as queries:
            report = dispatch_due_nudges(now=at(9, 30))
        assert report.sent == size
        counts.append(len(queries))
        assert set(Nudge.objects.filter(slot=at(9, 30)).values_list("kind", flat=True)) == {"move"}
    # PostgreSQL advances the whole batch in one statement; SQLite each plan with its own
    # compare-and-swap UPDATE. Apart from that the count does not grow with the batch.
    per_plan = 0 if connection.vendor == "postgresql" else 1
    assert counts[1] - counts[0] == per_plan * (16 - 4), counts
