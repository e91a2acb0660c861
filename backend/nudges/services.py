"""Operations that change nudge plans, acknowledgements, breaks and busy times.

Called by the API, Celery tasks and management commands alike. Validation errors are
Django ``ValidationError``s with field messages (the API turns them into 400s).
"""

from __future__ import annotations

import logging
from datetime import datetime, time, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.accounts import services as accounts_services
from backend.accounts.models import Role, User
from backend.accounts.timezones import is_valid_timezone, zone
from backend.inbox.services import inbox_mark_read_ids
from backend.nudges import schedule, texts
from backend.nudges.models import AckAction, Break, Nudge, NudgePlan
from backend.nudges.schedule import plan_next_due, plan_window, wall_time
from backend.programs.models import REMINDER_RECHECK, Assignment, AssignmentStatus

MIN_INTERVAL_MINUTES = 15
MAX_INTERVAL_MINUTES = 120
MIN_SNOOZE_MINUTES = 5
MAX_SNOOZE_MINUTES = 60
logger = logging.getLogger(__name__)


def plan_for(user: User) -> NudgePlan:
    """The user's plan, created with the defaults on first use."""
    plan = NudgePlan.objects.filter(user=user).first()
    return plan if plan is not None else plan_create_default(user)


def plan_create_default(user: User, *, now: datetime | None = None) -> NudgePlan:
    """The default plan (every 30 minutes, Monday-Friday 09:00-17:30). Idempotent."""
    now = now or timezone.now()
    plan = NudgePlan(user=user)
    plan.next_due_at = plan_next_due(plan, plan_window(plan, user.timezone), now)
    try:
        with transaction.atomic():
            plan.save()
    except IntegrityError:  # created a moment ago by another request
        return NudgePlan.objects.get(user=user)
    return plan


@transaction.atomic
def invite_accept_with_plan(
    *, code: str, email: str, full_name: str, password: str, tz: str
) -> User:
    """Accept an invite (``accounts.services.invite_accept``); a new patient also gets
    the default plan, in the same transaction, so no patient is ever without one."""
    user = accounts_services.invite_accept(
        code=code, email=email, full_name=full_name, password=password, tz=tz
    )
    if user.role == Role.PATIENT:
        plan_create_default(user)
    return user


def profile_update_with_plan(user: User, **changes: str) -> User:
    """Change the profile (``accounts.services.profile_update``). The work hours are local
    wall times, so a new time zone moves the next nudge and the routine reminders with it
    (else they would come at the old zone's hours)."""
    old_zone = user.timezone
    with transaction.atomic():
        user = accounts_services.profile_update(user, **changes)
        if user.timezone != old_zone:
            plan_reschedule(user)
    return user


@transaction.atomic  # the plan row is locked while its next slot is recomputed
def plan_reschedule(user: User, *, now: datetime | None = None) -> None:
    """The next nudge from the plan's window in the user's (new) zone."""
    plan = NudgePlan.objects.select_for_update().filter(user=user).first()
    if plan is None:
        return
    plan.next_due_at = plan_next_due(plan, plan_window(plan, user.timezone), now or timezone.now())
    plan.save(update_fields=["next_due_at"])
    reminders_recheck(user)


PLAN_FIELDS = (
    "enabled",
    "interval_minutes",
    "work_days",
    "work_start",
    "work_end",
    "quiet_start",
    "quiet_end",
    "paused_until",
    "reminders_enabled",
    "reminder_follow_up",
    "sit_stand_enabled",
    "stand_minutes",
)
MIN_STAND_MINUTES, MAX_STAND_MINUTES = 5, 120
BUSY_MINUTES = (15, 30, 60)


@transaction.atomic
def plan_update(user: User, *, now: datetime | None = None, **changes: Any) -> NudgePlan:
    """Change plan settings (any of ``PLAN_FIELDS``, plus ``timezone`` for the profile).

    Rechecks the whole plan, then recomputes ``next_due_at`` from now. The row is locked
    so a concurrent dispatcher claim (which also locks it) never overwrites this change.
    """
    now = now or timezone.now()
    plan_for(user)
    plan = NudgePlan.objects.select_for_update().get(user=user)
    tz_name = changes.pop("timezone", None)
    unknown = sorted(set(changes) - set(PLAN_FIELDS))
    if unknown:
        raise ValidationError({name: [_("Unknown field.")] for name in unknown})
    for name, value in changes.items():
        setattr(plan, name, value)
    errors: dict[str, list[str]] = {}
    if tz_name is not None and not is_valid_timezone(tz_name):
        errors["timezone"] = [_("Not a known IANA time zone (for example Europe/London).")]
    _check_plan(plan, errors)
    if errors:
        raise ValidationError(errors)
    if tz_name is not None and tz_name != user.timezone:
        user.timezone = tz_name
        user.save(update_fields=["timezone"])
    window = plan_window(plan, user.timezone)
    plan.next_due_at = plan_next_due(plan, window, now)
    if plan.enabled and plan.next_due_at is None and not _paused_far(plan, now):
        raise ValidationError(
            {
                "work_end": [
                    "With these hours and this interval no nudge fits. "
                    "Try longer work hours or a shorter interval."
                ]
            }
        )
    plan.updated_at = now
    plan.save()
    if tz_name is not None or {"reminders_enabled", "reminder_follow_up"} & set(changes):
        reminders_recheck(user)
    return plan


def reminders_recheck(user: User) -> None:
    """The reminder job works out this patient's next reminders again at its next tick
    (a new zone or new reminder choices may bring one earlier)."""
    Assignment.objects.filter(patient=user, status=AssignmentStatus.ACTIVE).update(
        next_reminder_at=REMINDER_RECHECK
    )


def _paused_far(plan: NudgePlan, now: datetime) -> bool:
    # next_nudge_after searches about two weeks ahead: a longer pause has no next slot yet.
    return plan.paused_until is not None and plan.paused_until > now + timedelta(days=7)


def _check_plan(plan: NudgePlan, errors: dict[str, list[str]]) -> None:
    if not MIN_INTERVAL_MINUTES <= int(plan.interval_minutes) <= MAX_INTERVAL_MINUTES:
        errors["interval_minutes"] = [_("Choose an interval between 15 and 120 minutes.")]
    days = plan.work_days
    if (
        not isinstance(days, list)
        or not days
        or any(isinstance(d, bool) or not isinstance(d, int) or not 1 <= d <= 7 for d in days)
    ):
        errors["work_days"] = [_("Choose at least one day, as numbers 1 (Monday) to 7 (Sunday).")]
    else:
        plan.work_days = sorted(set(days))
    if wall_time(plan.work_start) == wall_time(plan.work_end):
        errors["work_end"] = [_("Work hours must end at a different time than they start.")]
    if not MIN_STAND_MINUTES <= int(plan.stand_minutes) <= MAX_STAND_MINUTES:
        errors["stand_minutes"] = [_("Choose between 5 and 120 minutes.")]
    if (plan.quiet_start is None) != (plan.quiet_end is None):
        errors["quiet_end"] = [_("Give both a start and an end for quiet hours, or neither.")]
    elif (
        plan.quiet_start is not None
        and plan.quiet_end is not None
        and wall_time(plan.quiet_start) == wall_time(plan.quiet_end)
    ):
        errors["quiet_end"] = [_("Quiet hours must end at a different time than they start.")]


@transaction.atomic
def nudge_acknowledge(
    user: User,
    nudge_id: int,
    *,
    action: str,
    minutes: int | None = None,
    exercise: str | None = None,
    now: datetime | None = None,
) -> Nudge:
    """Answer a nudge. ``moved`` counts a break and restarts the interval from now;
    ``snooze`` holds the next nudge for ``minutes``; ``dismiss`` only records the answer.
    Replaying the same answer returns the nudge unchanged (the PWA's outbox may resend);
    a different answer to an answered nudge is refused."""
    now = now or timezone.now()
    nudge = Nudge.objects.select_for_update().filter(pk=nudge_id, user=user).first()
    if nudge is None:
        raise Nudge.DoesNotExist
    if action not in AckAction.values:
        raise ValidationError({"action": [_("Choose moved, snooze or dismiss.")]})
    if action == AckAction.SNOOZE:
        if minutes is None or not MIN_SNOOZE_MINUTES <= minutes <= MAX_SNOOZE_MINUTES:
            raise ValidationError({"minutes": [_("Snooze for 5 to 60 minutes.")]})
    elif minutes is not None:
        raise ValidationError({"minutes": [_("Minutes only go with snooze.")]})
    if exercise is not None and action != AckAction.MOVED:
        raise ValidationError({"exercise": [_("An exercise only goes with moved.")]})
    if nudge.acknowledged_at is not None:
        if nudge.action == action and nudge.snooze_minutes == minutes:
            return nudge
        raise ValidationError({"action": [_("You already answered this nudge.")]})

    nudge.acknowledged_at = now
    nudge.action = action
    nudge.snooze_minutes = minutes
    nudge.save(update_fields=["acknowledged_at", "action", "snooze_minutes"])
    if nudge.message_id is not None:
        inbox_mark_read_ids([nudge.message_id], now=now)

    # Lock the plan: the dispatcher's claim locks it too, so the two never interleave.
    plan = NudgePlan.objects.select_for_update().get(pk=nudge.plan_id)
    if action == AckAction.MOVED:
        done = exercise if exercise is not None else (nudge.exercise or "")
        Break.objects.create(user=user, nudge=nudge, taken_at=now, exercise=done[:80])
        plan.anchor_at = now
        plan.snoozed_until = None
    elif action == AckAction.SNOOZE:
        assert minutes is not None
        plan.snoozed_until = now + timedelta(minutes=minutes)
    else:
        return nudge
    plan.next_due_at = plan_next_due(plan, plan_window(plan, user.timezone), now)
    plan.save(update_fields=["anchor_at", "snoozed_until", "next_due_at"])
    return nudge


# --- busy pause and walks ------------------------------------------------------------------


@transaction.atomic
def busy_set(
    user: User, *, minutes: int | None = None, until: str | None = None, now: datetime | None = None
) -> NudgePlan:
    """ "In a meeting / driving / busy": hold nudges for 15, 30 or 60 minutes, or until the
    end of the local day. The first nudge after it comes a few minutes after it ends."""
    now = now or timezone.now()
    if (minutes is None) == (until is None) or (minutes or 15) not in BUSY_MINUTES:
        raise ValidationError({"minutes": [texts.BUSY_CHOICE]})
    if until is not None and until != "end_of_day":
        raise ValidationError({"until": [texts.BUSY_CHOICE]})
    plan_for(user)
    plan = NudgePlan.objects.select_for_update().get(user=user)
    if minutes is not None:
        plan.busy_until = now + timedelta(minutes=minutes)
    else:
        tz = zone(user.timezone)
        tomorrow = schedule.local_day(tz, now) + timedelta(days=1)
        plan.busy_until = schedule.local_instant(tz, tomorrow, time(0, 0))
    plan.save(update_fields=["busy_until"])
    return plan


@transaction.atomic
def busy_clear(user: User, *, now: datetime | None = None) -> NudgePlan:
    """End the busy pause now; the next nudge follows the plan again."""
    now = now or timezone.now()
    plan_for(user)
    plan = NudgePlan.objects.select_for_update().get(user=user)
    plan.busy_until = None
    if plan.held_until is not None:
        plan.held_until = None
        plan.next_due_at = plan_next_due(plan, plan_window(plan, user.timezone), now)
    plan.save(update_fields=["busy_until", "held_until", "next_due_at"])
    return plan


def walk_log(user: User, *, now: datetime | None = None) -> Break:
    """A confirmed walk: counted as a break; the next nudge is pushed back (dispatch)."""
    return Break.objects.create(user=user, taken_at=now or timezone.now(), kind="walk")


__all__ = [
    "PLAN_FIELDS",
    "invite_accept_with_plan",
    "nudge_acknowledge",
    "plan_create_default",
    "plan_for",
    "plan_reschedule",
    "plan_update",
    "profile_update_with_plan",
]
