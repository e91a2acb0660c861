"""Reads for the nudges API: plan preview and the day summary."""

from __future__ import annotations

import copy
import itertools
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.utils import timezone

from backend.accounts.models import User
from backend.accounts.timezones import zone
from backend.nudges import schedule
from backend.nudges.batch import BatchContext
from backend.nudges.content import ContentPool
from backend.nudges.decide import SlotContext, SlotState, decide
from backend.nudges.models import Break, Nudge, NudgePlan
from backend.nudges.schedule import plan_next_due, plan_window, slot_allowed


@dataclass(frozen=True)
class PreviewSlot:
    at: datetime  # UTC
    local: datetime  # the same instant in the user's zone
    nudge_kind: str | None = None
    suggestion: dict[str, Any] | None = None
    held: dict[str, Any] | None = None


def plan_preview(
    plan: NudgePlan, user: User, *, start: datetime, count: int, now: datetime | None = None
) -> list[PreviewSlot]:
    """The next ``count`` nudges after ``start`` as the dispatcher would send them (the
    same ``decide`` function): pause and snooze, what each will suggest, and which are
    held by busy time (calendar or one-tap), or pushed back by a session or a walk."""
    now = now or timezone.now()
    window = plan_window(plan, user.timezone)
    slot = plan_next_due(plan, window, start)
    if slot is None:
        return []
    pool = ContentPool.load()
    context = BatchContext.load([user.pk], pool, now=now, grace=timedelta(minutes=10))
    shadow = copy.copy(plan)  # the preview moves anchor and snooze on its copy only

    def next_regular(after: datetime, anchor: datetime | None) -> datetime | None:
        shadow.anchor_at = anchor
        if shadow.snoozed_until is not None and shadow.snoozed_until <= after:
            shadow.snoozed_until = None
        return plan_next_due(shadow, window, after)

    ctx = SlotContext(
        tz=window.tz,
        interval=window.interval,
        pool=context.pools.get(user.pk, []),
        tips=pool.tips,
        moving_tips=pool.moving_tips,
        windows=context.windows.get(user.pk, []),
        activity=context.activity.get(user.pk, []),
        sit_stand=plan.sit_stand_enabled,
        stand_minutes=plan.stand_minutes,
        offset=user.pk,
        next_regular=next_regular,
        allowed=lambda instant: slot_allowed(window, instant),
    )
    state = SlotState(
        cursor=plan.content_cursor,
        last=plan.last_content,
        day=plan.content_day,
        today=list(plan.content_today or []),
        anchor_at=plan.anchor_at,
        busy_until=plan.busy_until,
        standing_until=plan.standing_until,
        held_until=plan.held_until,
    )
    result: list[PreviewSlot] = []
    language = user.language or "en"
    while slot is not None and len(result) < count:
        decision = decide(slot, state, ctx)
        local = slot.astimezone(window.tz)
        if decision.hold is not None:
            held = {"reason": decision.hold.reason, "until": decision.hold.until}
            result.append(PreviewSlot(slot, local, held=held))
        else:
            suggestion = None
            if decision.item is not None:
                item = decision.item
                suggestion = {
                    "exercise": item.slug,
                    "name": pool.desk.name(item.slug, language),
                    "sets": item.sets,
                    "reps": item.reps,
                    "hold_seconds": item.hold_seconds,
                }
            result.append(PreviewSlot(slot, local, decision.kind, suggestion))
        if decision.next_due is not None and decision.next_due <= slot:
            break  # defensive: never loop on one instant
        slot = decision.next_due
    return result


@dataclass(frozen=True)
class DaySummary:
    date: date
    sent: int
    acknowledged: int
    breaks: int
    longest_stretch_minutes: int


def day_summary(
    user: User, plan: NudgePlan, day: date, *, now: datetime | None = None
) -> DaySummary:
    """A local day in numbers.

    * ``sent``: nudges whose slot falls on that local day; ``acknowledged``: of those, the
      ones answered (moved, snooze or dismiss).
    * ``breaks``: "I moved" answers given on that local day.
    * ``longest_stretch_minutes``: the longest time without a break *within work hours*:
      the work shift that starts on that day (it may end after midnight), cut off at "now"
      for a shift still running, is split at every break taken in it; the answer is the
      longest piece, in whole minutes. Time outside work hours never counts. 0 when the
      day is not a work day or its shift has not started.
    """
    now = now or timezone.now()
    tz = zone(user.timezone)
    day_start = schedule.local_instant(tz, day, datetime.min.time())
    day_end = schedule.local_instant(tz, day + timedelta(days=1), datetime.min.time())
    nudges = Nudge.objects.filter(user=user, slot__gte=day_start, slot__lt=day_end)
    sent = nudges.count()
    acknowledged = nudges.filter(acknowledged_at__isnull=False).count()
    breaks = Break.objects.filter(user=user, taken_at__gte=day_start, taken_at__lt=day_end).count()

    longest = timedelta(0)
    shift = schedule.shift_for(plan_window(plan, user.timezone), day)
    if shift is not None and shift[0] < now:
        start, end = shift[0], min(shift[1], now)
        taken = Break.objects.filter(user=user, taken_at__gt=start, taken_at__lt=end)
        marks = [start, *sorted(taken.values_list("taken_at", flat=True)), end]
        longest = max(b - a for a, b in itertools.pairwise(marks))
    return DaySummary(day, sent, acknowledged, breaks, int(longest.total_seconds() // 60))
