"""Routine reminders: "time for your exercises" at the assignment's preferred local time.

On a program day (the assignment is active, the local date is within its dates, its
weekday is one of ``days_of_week`` and it is not paused), and only while that local day's
session is not logged: one reminder at the preferred time, and one follow-up a few hours
later (not after 21:00 local; the patient can turn it off). Each goes to the inbox and to
the patient's devices. The ``ReminderSent`` ledger (unique per assignment, local date and
kind) makes every run idempotent, however often or concurrently it runs.

A reminder is sent when its time has come and at most ``SEND_WINDOW`` later (a stopped
worker does not produce a pile of stale reminders on restart). Assignments without a
preferred time get no reminders: the patient has not told us when suits them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from backend.accounts.timezones import zone
from backend.nudges import schedule
from backend.nudges.delivery import enqueue_push
from backend.nudges.models import (
    InboxKind,
    InboxMessage,
    NudgePlan,
    PushSubscription,
    ReminderKind,
    ReminderSent,
)
from backend.programs import adherence
from backend.programs.models import Assignment, AssignmentStatus, Session

SEND_WINDOW = timedelta(hours=1)

TEXTS = {
    ReminderKind.ROUTINE: (
        "Time for your exercises",
        "Your routine is ready when you are. A few minutes now is good for your back.",
    ),
    ReminderKind.FOLLOW_UP: (
        "Still time for today's exercises",
        "You have not logged today's routine yet. Even a short session helps. "
        "If today is a hard day for your back, that is okay too.",
    ),
}


@dataclass(frozen=True)
class DueReminder:
    assignment_id: int
    user_id: int
    local_date: date
    kind: str


def _program_day(assignment: Assignment, day: date) -> bool:
    return adherence.is_program_day(
        assignment.start_date,
        assignment.end_date,
        frozenset(int(d) for d in assignment.days_of_week),
        day,
        paused=[(p.paused_on, p.resumed_on) for p in assignment.pauses.all()],
    )


def due_reminders(now: datetime) -> list[DueReminder]:
    """Reminders whose time has come (and not past the send window), before the ledger
    and the session check. Reads every active assignment with a preferred time."""
    assignments = list(
        Assignment.objects.filter(status=AssignmentStatus.ACTIVE, preferred_time__isnull=False)
        .select_related("patient")
        .prefetch_related("pauses")
    )
    if not assignments:
        return []
    plans = {
        p.user_id: p
        for p in NudgePlan.objects.filter(user_id__in={a.patient_id for a in assignments})
    }
    latest_hour = settings.REMINDER_LATEST_HOUR
    latest = time(23, 59, 59) if latest_hour >= 24 else time(latest_hour)
    due: list[DueReminder] = []
    for assignment in assignments:
        plan = plans.get(assignment.patient_id)
        if plan is not None and not plan.reminders_enabled:
            continue
        tz = zone(assignment.patient.timezone)
        day = schedule.local_day(tz, now)
        if not _program_day(assignment, day):
            continue
        assert assignment.preferred_time is not None
        first = schedule.local_instant(tz, day, assignment.preferred_time)
        if first <= now < first + SEND_WINDOW:
            due.append(DueReminder(assignment.pk, assignment.patient_id, day, ReminderKind.ROUTINE))
        if plan is not None and not plan.reminder_follow_up:
            continue
        follow = first + timedelta(hours=settings.REMINDER_FOLLOW_UP_HOURS)
        cutoff = schedule.local_instant(tz, day, latest)
        if (
            follow <= cutoff
            and schedule.local_day(tz, follow) == day
            and follow <= now < follow + SEND_WINDOW
        ):
            due.append(
                DueReminder(assignment.pk, assignment.patient_id, day, ReminderKind.FOLLOW_UP)
            )
    return due


def send_due_reminders(*, now: datetime | None = None) -> int:
    """Post every due reminder whose session is not logged yet. Returns how many."""
    now = now or timezone.now()
    sent = 0
    for reminder in due_reminders(now):
        if Session.objects.filter(
            assignment_id=reminder.assignment_id, local_date=reminder.local_date
        ).exists():
            continue
        if (
            reminder.kind == ReminderKind.FOLLOW_UP
            and not ReminderSent.objects.filter(
                assignment_id=reminder.assignment_id,
                local_date=reminder.local_date,
                kind=ReminderKind.ROUTINE,
            ).exists()
        ):
            continue  # a follow-up follows a reminder that went out
        if _post(reminder, now):
            sent += 1
    return sent


def _post(reminder: DueReminder, now: datetime) -> bool:
    """Ledger row and inbox row in one transaction; the unique ledger decides races."""
    title, body = TEXTS[ReminderKind(reminder.kind)]
    pushed = PushSubscription.objects.filter(user_id=reminder.user_id).exists()
    try:
        with transaction.atomic():
            ledger = ReminderSent.objects.create(
                assignment_id=reminder.assignment_id,
                local_date=reminder.local_date,
                kind=reminder.kind,
                created_at=now,
            )
            message = InboxMessage.objects.create(
                user_id=reminder.user_id,
                kind=InboxKind.REMINDER,
                title=title,
                body=body,
                url="/today",
                dedupe_key=f"reminder:{reminder.assignment_id}:{reminder.local_date}:{reminder.kind}",
                created_at=now,
                push_enqueued_at=now if pushed else None,
                push_expires_at=(
                    now + timedelta(seconds=settings.REMINDER_PUSH_TTL_SECONDS) if pushed else None
                ),
            )
            ledger.message = message
            ledger.save(update_fields=["message"])
            if pushed:
                enqueue_push([message.pk])
    except IntegrityError:
        return False  # sent already (another run got there first)
    return True
