"""Reads for the nudges API: plan preview, the day summary, the inbox."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from backend.accounts.models import User
from backend.accounts.timezones import zone
from backend.nudges import schedule
from backend.nudges.models import Break, InboxMessage, Nudge, NudgePlan
from backend.nudges.services import plan_next_due, plan_window


@dataclass(frozen=True)
class PreviewSlot:
    at: datetime  # UTC
    local: datetime  # the same instant in the user's zone


def plan_preview(plan: NudgePlan, user: User, *, start: datetime, count: int) -> list[PreviewSlot]:
    """The next ``count`` nudges after ``start`` as the dispatcher would send them
    (pause and snooze included; the first slot honours them, later ones follow the plan)."""
    window = plan_window(plan, user.timezone)
    result: list[PreviewSlot] = []
    after = start
    first = plan_next_due(plan, window, after)
    if first is None:
        return result
    result.append(PreviewSlot(first, first.astimezone(window.tz)))
    if count > 1:
        for slot in schedule.upcoming_nudges(window, first, count - 1, anchor=plan.anchor_at):
            result.append(PreviewSlot(slot, slot.astimezone(window.tz)))
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


def inbox_for(user: User, *, unread_only: bool = False) -> QuerySet[InboxMessage]:
    """The caller's own inbox, newest first (served by the (user, -created_at) index)."""
    messages = InboxMessage.objects.filter(user=user)
    if unread_only:
        messages = messages.filter(read_at__isnull=True)
    return messages.order_by("-created_at", "-id")
