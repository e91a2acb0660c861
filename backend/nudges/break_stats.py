"""Break statistics for the patient (Progress) and their physio: breaks offered vs taken
per local day and week, the longest sitting stretch of each workday, and which
micro-breaks were done. Two queries for the whole range."""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone

from backend.accounts.models import User
from backend.accounts.timezones import zone
from backend.nudges import schedule
from backend.nudges.models import Break, Nudge, NudgePlan
from backend.nudges.prescriptions import DeskLibrary
from backend.nudges.schedule import plan_window

MIN_WEEKS, MAX_WEEKS = 1, 26


def _longest(shift: tuple[datetime, datetime], taken: list[datetime], now: datetime) -> int:
    start, end = shift[0], min(shift[1], now)
    if end <= start:
        return 0
    lo = bisect.bisect_right(taken, start)
    hi = bisect.bisect_left(taken, end)
    marks = [start, *taken[lo:hi], end]
    longest = max(b - a for a, b in itertools.pairwise(marks))
    return int(longest.total_seconds() // 60)


def break_stats(
    user: User, plan: NudgePlan, *, weeks: int, language: str, now: datetime | None = None
) -> dict[str, Any]:
    now = now or timezone.now()
    tz = zone(user.timezone)
    today = schedule.local_day(tz, now)
    # Whole weeks, Monday first, ending with the current week.
    first = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)
    range_start = schedule.local_instant(tz, first, time(0, 0))
    range_end = schedule.local_instant(tz, today + timedelta(days=1), time(0, 0))
    offered: Counter[date] = Counter(
        schedule.local_day(tz, slot)
        for slot in Nudge.objects.filter(
            user=user, slot__gte=range_start, slot__lt=range_end
        ).values_list("slot", flat=True)
    )
    breaks = list(
        Break.objects.filter(user=user, taken_at__gte=range_start, taken_at__lt=range_end)
        .order_by("taken_at")
        .values_list("taken_at", "exercise")
    )
    taken: Counter[date] = Counter(schedule.local_day(tz, at) for at, _ in breaks)
    instants = [at for at, _ in breaks]
    window = plan_window(plan, user.timezone)
    days: list[dict[str, Any]] = []
    sitting: list[dict[str, Any]] = []
    weeks_out: list[dict[str, Any]] = []
    day = first
    while day <= today:
        days.append({"date": day, "offered": offered[day], "taken": taken[day]})
        shift = schedule.shift_for(window, day)
        minutes = _longest(shift, instants, now) if shift is not None and shift[0] < now else 0
        sitting.append({"date": day, "minutes": minutes})
        if day.weekday() == 0:
            weeks_out.append({"week_start": day, "offered": 0, "taken": 0})
        weeks_out[-1]["offered"] += offered[day]
        weeks_out[-1]["taken"] += taken[day]
        day += timedelta(days=1)
    library = DeskLibrary.load()
    done = Counter(slug for _, slug in breaks if slug and slug != "walk")
    exercises = [
        {"slug": slug, "name": library.name(slug, language), "count": count}
        for slug, count in sorted(done.items(), key=lambda pair: (-pair[1], pair[0]))
    ]
    return {
        "days": days,
        "weeks": weeks_out,
        "longest_sitting_minutes": sitting,
        "exercises": exercises,
    }
