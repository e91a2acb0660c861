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

Cost O(due), like the dispatcher: each assignment keeps ``next_reminder_at``, the next
instant one of its reminders may be due, found through a partial index. A tick claims
the assignments whose instant has come, re-evaluates them against the current data
(status, pauses, the patient's zone and choices, the session log), posts what is due and
writes the next instant: one update per assignment processed, nothing for the rest.
Changes that could bring a reminder earlier (a new assignment, a resume, a new zone,
reminders turned on) set ``next_reminder_at`` to ``REMINDER_RECHECK`` (long past), so
the next tick recomputes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy, override

from backend.accounts.timezones import zone
from backend.i18n import language_of
from backend.inbox.enqueue import enqueue_push
from backend.inbox.models import InboxKind, InboxMessage, PushSubscription
from backend.nudges import schedule
from backend.nudges.models import NudgePlan, ReminderKind, ReminderSent
from backend.programs.models import Assignment, AssignmentStatus, Session, with_pauses

SEND_WINDOW = timedelta(hours=1)
# Days searched for the next reminder; none found (a long pause): look again then.
_SEARCH_DAYS = 15
CLAIM_BATCH = 500


TEXTS = {
    ReminderKind.ROUTINE: (
        gettext_lazy("Time for your exercises"),
        gettext_lazy(
            "Your routine is ready when you are. A few minutes now is good for your back."
        ),
    ),
    ReminderKind.FOLLOW_UP: (
        gettext_lazy("Still time for today's exercises"),
        gettext_lazy(
            "You have not logged today's routine yet. Even a short session helps. "
            "If today is a hard day for your back, that is okay too."
        ),
    ),
}


@dataclass(frozen=True)
class DueReminder:
    assignment_id: int
    user_id: int
    local_date: date
    kind: str
    language: str = "en"  # the patient's: the texts are stored in it


def _latest() -> time:
    hour = settings.REMINDER_LATEST_HOUR
    return time(23, 59, 59) if hour >= 24 else time(hour)


def _day_reminders(
    assignment: Assignment, tz: ZoneInfo, plan: NudgePlan | None, day: date
) -> list[tuple[datetime, str]]:
    """The reminders of one local day (UTC instant, kind), whatever the clock says."""
    if plan is not None and not plan.reminders_enabled:
        return []
    if assignment.preferred_time is None or not assignment.is_program_day(day):
        return []
    first = schedule.local_instant(tz, day, assignment.preferred_time)
    found = [(first, ReminderKind.ROUTINE.value)]
    if plan is None or plan.reminder_follow_up:
        follow = first + timedelta(hours=settings.REMINDER_FOLLOW_UP_HOURS)
        cutoff = schedule.local_instant(tz, day, _latest())
        if follow <= cutoff and schedule.local_day(tz, follow) == day:
            found.append((follow, ReminderKind.FOLLOW_UP.value))
    return found


def next_reminder_after(
    assignment: Assignment, tz: ZoneInfo, plan: NudgePlan | None, after: datetime
) -> datetime | None:
    """The first reminder instant strictly after ``after``; None when there will be none
    (not active, no preferred time, ended); a later re-check when none is near."""
    if assignment.status != AssignmentStatus.ACTIVE or assignment.preferred_time is None:
        return None
    if plan is not None and not plan.reminders_enabled:
        return None
    today = schedule.local_day(tz, after)
    if assignment.end_date is not None and assignment.end_date < today - timedelta(days=1):
        return None
    for offset in range(-1, _SEARCH_DAYS):
        for instant, _kind in _day_reminders(assignment, tz, plan, today + timedelta(offset)):
            if instant > after:
                return instant
    return after + timedelta(days=_SEARCH_DAYS - 1)


def _due_now(
    assignment: Assignment, tz: ZoneInfo, plan: NudgePlan | None, now: datetime
) -> list[DueReminder]:
    if assignment.status != AssignmentStatus.ACTIVE:
        return []
    today = schedule.local_day(tz, now)
    due: list[DueReminder] = []
    for day in (today - timedelta(days=1), today):
        for instant, kind in _day_reminders(assignment, tz, plan, day):
            if instant <= now < instant + SEND_WINDOW:
                due.append(
                    DueReminder(
                        assignment.pk, assignment.patient_id, day, kind, assignment.patient.language
                    )
                )
    return due


def _still_wanted(reminder: DueReminder) -> bool:
    if Session.objects.filter(
        assignment_id=reminder.assignment_id, local_date=reminder.local_date
    ).exists():
        return False
    if reminder.kind == ReminderKind.FOLLOW_UP:
        # A follow-up follows a reminder that went out.
        return ReminderSent.objects.filter(
            assignment_id=reminder.assignment_id,
            local_date=reminder.local_date,
            kind=ReminderKind.ROUTINE,
        ).exists()
    return True


def _claim(now: datetime, limit: int) -> list[Assignment]:
    due = Assignment.objects.filter(next_reminder_at__lte=now).order_by("next_reminder_at")
    if connection.features.has_select_for_update_skip_locked:
        # Two ticks at once take different assignments; the ledger is the last defence.
        due = due.select_for_update(skip_locked=True, of=("self",))
    return with_pauses(due.select_related("patient")[:limit])


def send_due_reminders(*, now: datetime | None = None, batch_size: int = CLAIM_BATCH) -> int:
    """Post every due reminder whose session is not logged yet. Returns how many."""
    now = now or timezone.now()
    sent = 0
    while True:
        with transaction.atomic():
            claimed = _claim(now, batch_size)
            if not claimed:
                break
            plans = {
                p.user_id: p
                for p in NudgePlan.objects.filter(user_id__in={a.patient_id for a in claimed})
            }
            for assignment in claimed:
                tz = zone(assignment.patient.timezone)
                plan = plans.get(assignment.patient_id)
                for reminder in _due_now(assignment, tz, plan, now):
                    if _still_wanted(reminder) and _post(reminder, now):
                        sent += 1
                assignment.next_reminder_at = next_reminder_after(assignment, tz, plan, now)
            Assignment.objects.bulk_update(claimed, ["next_reminder_at"])
        if len(claimed) < batch_size:
            break
    return sent


def _post(reminder: DueReminder, now: datetime) -> bool:
    """Ledger row and inbox row in one transaction; the unique ledger decides races."""
    with override(language_of(reminder)):
        title, body = (str(text) for text in TEXTS[ReminderKind(reminder.kind)])
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
