"""Demo history for ``seed_demo``: four weeks of plausible use by the demo patient, so the
charts, the caseload and the alerts list are not blank on a first run.

Everything is written through the services a real patient and physio use (``session_log``,
``alert_resolve``), and only once: a patient who already has sessions is left alone, so
running ``seed_demo`` again changes nothing. The questionnaires are ``outcomes.demo``.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from backend.accounts.models import User
from backend.accounts.timezones import zone
from backend.programs.models import Alert, Assignment, AssignmentStatus, Session
from backend.programs.screening import screening_answer
from backend.programs.selectors import local_today
from backend.programs.services import alert_resolve, session_log
from exercises.safety_content import safety_content

HISTORY_DAYS = 28
# Days (counted back from today) the demo patient did not exercise: about three a week at
# first, fewer later, as people usually settle into a routine.
MISSED_DAYS_AGO = frozenset({26, 24, 23, 20, 17, 15, 12, 9, 5, 2})
SPIKE_DAYS_AGO = 18  # one session where pain rose: a pain alert, resolved by the physio
RESOLUTION_NOTE = "Phoned Pat: she had lifted a heavy box that day. Settled by the next day."


def _pain(days_ago: int) -> tuple[int, int]:
    """Pain before and after a session: from about 5 down to about 2 over the four weeks,
    with the session usually easing it by a point."""
    before = 2 + round(3 * days_ago / HISTORY_DAYS)
    if days_ago == SPIKE_DAYS_AGO:
        return before, before + 3
    return before, max(before - (1 if days_ago % 3 else 0), 0)


def _at(patient: User, day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=zone(patient.timezone))


def demo_history(*, patient: User, physio: User, now: datetime | None = None) -> int:
    """Write the demo patient's history; returns the number of sessions written (0 when the
    patient already has some)."""
    now = now or timezone.now()
    if Session.objects.filter(patient=patient).exists():
        return 0
    assignment = (
        Assignment.objects.filter(patient=patient, status=AssignmentStatus.ACTIVE)
        .select_related("program__current_version")
        .order_by("start_date")
        .first()
    )
    if assignment is None or assignment.program.current_version is None:
        return 0
    # Before her first session she answered the red-flag check: "no" to every question.
    no = {flag.code: False for flag in safety_content().red_flags}
    screening_answer(patient=patient, answers=no, now=now - timedelta(days=HISTORY_DAYS + 1))
    items = list(assignment.program.current_version.items.select_related("exercise"))
    today = local_today(patient, now)
    written = 0
    for days_ago in range(HISTORY_DAYS, 0, -1):
        day = today - timedelta(days=days_ago)
        if day < assignment.start_date or days_ago in MISSED_DAYS_AGO:
            continue
        before, after = _pain(days_ago)
        started = _at(patient, day, 18, 5 + days_ago % 20)
        session_log(
            patient=patient,
            data={
                "id": uuid.uuid5(uuid.NAMESPACE_URL, f"upright-demo/{patient.pk}/{day}"),
                "assignment": assignment,
                "started_at": started,
                "completed_at": started + timedelta(minutes=14 + days_ago % 5),
                "pain_before": before,
                "pain_after": after,
                "difficulty": "too_hard" if days_ago == SPIKE_DAYS_AGO else "about_right",
                "notes": "Sore after moving boxes today." if days_ago == SPIKE_DAYS_AGO else "",
                "items": [
                    {
                        "exercise": item.exercise.slug,
                        "sets_done": item.sets,
                        "reps_done": item.reps,
                        "hold_seconds_done": item.hold_seconds,
                    }
                    for item in items
                ],
            },
            now=now,
        )
        written += 1
    spike_day = today - timedelta(days=SPIKE_DAYS_AGO - 1)
    for alert in Alert.objects.filter(patient=patient, resolved_at=None, kind="pain"):
        alert_resolve(alert, actor=physio, note=RESOLUTION_NOTE, now=_at(patient, spike_day, 9, 30))
    return written
