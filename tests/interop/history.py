"""Patient histories for the FHIR export's tests and benchmark.

``three_year_history`` is the size the issue names: about 1,000 daily sessions over three
years and 80 questionnaire responses. The program and assignment go through the services;
the volume of sessions and responses is inserted in bulk (logging 1,000 sessions one by
one through ``session_log`` would take most of a test run) with the same fields it stores.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

from backend.accounts.models import User
from backend.outcomes.models import OutcomeResponse
from backend.outcomes.scoring import score
from backend.programs.models import Assignment, Session, SessionItem
from tests.factories import assign_program

THREE_YEAR_ITEMS = [
    {"exercise": "glute-bridge", "sets": 2, "reps": 10, "rest_seconds": 30},
    {"exercise": "bird-dog", "sets": 2, "reps": 8, "rest_seconds": 30, "per_side": True},
    {"exercise": "side-plank-knees", "sets": 3, "hold_seconds": 20, "rest_seconds": 20},
]
DIFFICULTIES = ("too_easy", "about_right", "about_right", "too_hard")


def _answers(measure: str, n: int) -> list[Any]:
    if measure == "odi":
        return [(n + i) % 6 for i in range(10)]
    if measure == "rmdq":
        return [(n + i) % 3 == 0 for i in range(24)]
    if measure == "psfs":
        return [(n + i) % 11 for i in range(3)]
    return [n % 11]


def three_year_history(
    physio: User,
    patient: User,
    *,
    start: date = date(2023, 1, 2),
    sessions: int = 1000,
    responses: int = 80,
) -> Assignment:
    assignment = assign_program(physio, patient, items=THREE_YEAR_ITEMS, start=start)
    version = assignment.program.current_version
    assert version is not None
    items = list(version.items.order_by("position"))
    rows, item_rows = [], []
    day, logged = start, 0
    while logged < sessions:
        day += timedelta(days=1)
        if day.toordinal() % 12 == 0:  # about one missed day in twelve
            continue
        started = datetime(day.year, day.month, day.day, 18, 0, tzinfo=UTC)
        session = Session(
            id=uuid.uuid4(),
            patient=patient,
            assignment=assignment,
            program_version=version,
            started_at=started,
            completed_at=started + timedelta(minutes=20),
            local_date=day,
            pain_before=logged % 7 + 2,
            pain_after=logged % 7 + 1,
            difficulty=DIFFICULTIES[logged % len(DIFFICULTIES)],
            notes="Felt stiff in the morning." if logged % 10 == 0 else "",
            body_hash="bulk",
            created_at=started + timedelta(minutes=21),
        )
        rows.append(session)
        for item in items:
            skipped = logged % 15 == 0 and item.position == 3
            item_rows.append(
                SessionItem(
                    session=session,
                    position=item.position,
                    exercise_id=item.exercise_id,
                    program_item=item,
                    sets_done=0 if skipped else item.sets,
                    reps_done=None if skipped else item.reps,
                    hold_seconds_done=None if skipped else item.hold_seconds,
                    skipped=skipped,
                    skip_reason="Too sore today" if skipped else "",
                )
            )
        logged += 1
    Session.objects.bulk_create(rows, batch_size=500)
    SessionItem.objects.bulk_create(item_rows, batch_size=1000)
    measures = ("odi", "nprs", "rmdq", "psfs")
    answered = []
    for n in range(responses):
        measure = measures[n % len(measures)]
        answers = _answers(measure, n)
        at = datetime.combine(start, datetime.min.time(), UTC) + timedelta(days=13 * n, hours=9)
        answered.append(
            OutcomeResponse(
                patient=patient,
                measure=measure,
                answers=answers,
                score=score(measure, answers),
                answered_at=at,
                local_date=at.date(),
            )
        )
    OutcomeResponse.objects.bulk_create(answered)
    return assignment
