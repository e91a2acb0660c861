"""Demo questionnaires for ``seed_demo``: the demo patient's NPRS schedule with a baseline
four weeks ago and a follow-up last week, next to the history ``programs.demo`` writes.

Written through the services a real physio and patient use, and only once: it runs after
that history (``apps.py``) and leaves a patient alone who already has a schedule, or has
no history to go with one.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.utils import timezone

from backend.accounts.models import User
from backend.accounts.timezones import zone
from backend.outcomes.models import OutcomeSchedule
from backend.outcomes.services import response_submit, schedule_create
from backend.programs.demo import HISTORY_DAYS
from backend.programs.models import Session
from backend.programs.selectors import local_today

# NPRS answers (0 = no pain): (days ago, answer), a baseline and one last week.
NPRS_ANSWERS = ((HISTORY_DAYS, 6), (6, 3))


def demo_outcomes(*, patient: User, physio: User, now: datetime | None = None) -> int:
    """Write the demo patient's questionnaires; returns the number of answers written."""
    now = now or timezone.now()
    if OutcomeSchedule.objects.filter(patient=patient).exists():
        return 0
    if not Session.objects.filter(patient=patient).exists():
        return 0
    today = local_today(patient, now)
    schedule = schedule_create(
        actor=physio,
        patient_id=patient.pk,
        measure="nprs",
        every_weeks=4,
        start_date=today - timedelta(days=HISTORY_DAYS),
    )
    for days_ago, score in NPRS_ANSWERS:
        day = today - timedelta(days=days_ago)
        response_submit(
            patient=patient,
            measure="nprs",
            answers=[score],
            schedule_id=schedule.pk,
            now=datetime.combine(day, time(17, 50), tzinfo=zone(patient.timezone)),
        )
    return len(NPRS_ANSWERS)
