"""The dispatcher's claim of due plans and its per-tick schedule memo.

``claim_due_plans`` reads the claimed plans into ``DuePlan`` rows (lighter than model
instances); ``Schedules`` answers the schedule questions of a whole tick from a memo,
because thousands of plans share a handful of settings and slots.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from django.db import connection
from django.db.models import Exists, OuterRef, TextField
from django.db.models.functions import Cast

from backend.inbox.models import PushSubscription
from backend.nudges import schedule
from backend.nudges.models import NudgePlan

_PLAN_COLUMNS = (
    "pk",
    "user_id",
    "enabled",
    "interval_minutes",
    "work_days_json",
    "work_start",
    "work_end",
    "quiet_start",
    "quiet_end",
    "paused_until",
    "snoozed_until",
    "anchor_at",
    "next_due_at",
    "content_cursor",
    "last_content",
    "user__timezone",
    "user__language",
    "content_day",
    "today_json",
    "busy_until",
    "sit_stand_enabled",
    "stand_minutes",
    "standing_until",
    "held_until",
    "has_device",
)


@dataclass
class DuePlan:
    """The columns of a claimed plan the dispatcher needs (lighter than a model row)."""

    pk: int
    user_id: int
    enabled: bool
    interval_minutes: int
    work_days: tuple[int, ...]
    work_start: time
    work_end: time
    quiet_start: time | None
    quiet_end: time | None
    paused_until: datetime | None
    snoozed_until: datetime | None
    anchor_at: datetime | None
    next_due_at: datetime
    content_cursor: int
    last_content: str
    timezone: str
    language: str
    content_day: date | None
    content_today: tuple[str, ...]
    busy_until: datetime | None
    sit_stand_enabled: bool
    stand_minutes: int
    standing_until: datetime | None
    held_until: datetime | None
    # The patient has a push subscription (read with the claim: one query fewer).
    has_device: bool = False


class _JsonTexts:
    """JSON columns read as their text and parsed once per distinct text: nearly every
    plan has the same work days and one of a few ``content_today`` lists, so this is a
    dict lookup per row instead of a ``json.loads`` (the ORM's JSON converter) per row.
    The parsed values are tuples, so one shared value cannot be changed through a row."""

    def __init__(self) -> None:
        self.parsed: dict[str, tuple[Any, ...]] = {}

    def __call__(self, text: str | None) -> tuple[Any, ...]:
        if text is None:
            return ()
        value = self.parsed.get(text)
        if value is None:
            value = tuple(json.loads(text) or ())
            self.parsed[text] = value
        return value


class _DueTexts:
    """PostgreSQL: ``next_due_at`` read as its text and parsed once per distinct value.
    Django's loader for timestamptz is Python (a few µs a value, the claim's largest
    cost per row), while a batch holds a handful of distinct slots; the server's ISO
    text (DateStyle ISO, which the driver needs anyway) is exactly what
    ``datetime.fromisoformat`` reads, so the instant is the same to the microsecond."""

    def __init__(self) -> None:
        self.parsed: dict[str, datetime] = {}

    def __call__(self, text: str) -> datetime:
        value = self.parsed.get(text)
        if value is None:
            value = self.parsed[text] = datetime.fromisoformat(text)
        return value


_DUE = _PLAN_COLUMNS.index("next_due_at")
_WORK_DAYS = _PLAN_COLUMNS.index("work_days_json")
_TODAY = _PLAN_COLUMNS.index("today_json")


def claim_due_plans(now: datetime, limit: int) -> list[DuePlan]:
    """Due plans, oldest slot first. Call inside a transaction: on PostgreSQL the rows
    stay locked (and invisible to other claimers) until it ends."""
    due = (
        NudgePlan.objects.filter(next_due_at__lte=now)
        .order_by("next_due_at")
        .annotate(
            work_days_json=Cast("work_days", TextField()),
            today_json=Cast("content_today", TextField()),
            due_text=Cast("next_due_at", TextField()),
            has_device=Exists(PushSubscription.objects.filter(user_id=OuterRef("user_id"))),
        )
    )
    columns = list(_PLAN_COLUMNS)
    postgresql = connection.vendor == "postgresql"
    if postgresql:
        columns[_DUE] = "due_text"
    if connection.features.has_select_for_update_skip_locked:
        due = due.select_for_update(skip_locked=True, of=("self",))
    texts, slots = _JsonTexts(), _DueTexts()
    plans = []
    for row in due.values_list(*columns)[:limit]:
        plan = DuePlan(*row)
        plan.work_days = texts(row[_WORK_DAYS])
        plan.content_today = texts(row[_TODAY])
        if postgresql:
            plan.next_due_at = slots(row[_DUE])
        plans.append(plan)
    return plans


@dataclass
class Hours:
    """One set of plan hours in one zone, with the answers already worked out for it."""

    window: schedule.NudgeWindow
    allowed: dict[datetime, bool] = field(default_factory=dict)
    until: dict[datetime, datetime | None] = field(default_factory=dict)
    days: dict[datetime, date] = field(default_factory=dict)
    next: dict[tuple[Any, ...], datetime | None] = field(default_factory=dict)

    @property
    def tz(self) -> ZoneInfo:
        return self.window.tz

    def slot_allowed(self, slot: datetime) -> bool:
        allowed = self.allowed.get(slot)
        if allowed is None:
            allowed = self.allowed[slot] = schedule.slot_allowed(self.window, slot)
        return allowed

    def allowed_until(self, slot: datetime) -> datetime | None:
        if slot not in self.until:
            self.until[slot] = schedule.allowed_until(self.window, slot)
        return self.until[slot]

    def local_day(self, slot: datetime) -> date:
        day = self.days.get(slot)
        if day is None:
            day = self.days[slot] = slot.astimezone(self.window.tz).date()
        return day

    def next_due(self, plan: DuePlan, after: datetime) -> datetime | None:
        memo = (after, plan.enabled, plan.paused_until, plan.snoozed_until, plan.anchor_at)
        if memo not in self.next:
            self.next[memo] = schedule.plan_next_due(plan, self.window, after)
        return self.next[memo]


class Schedules:
    """Per-tick memo: many plans share settings and slots (defaults, the same hour), and
    the schedule arithmetic gives the same answer for the same inputs."""

    def __init__(self) -> None:
        self.hours: dict[tuple[Any, ...], Hours] = {}

    def for_plan(self, plan: DuePlan) -> Hours:
        key = (
            plan.timezone,
            plan.interval_minutes,
            plan.work_days,
            plan.work_start,
            plan.work_end,
            plan.quiet_start,
            plan.quiet_end,
        )
        hours = self.hours.get(key)
        if hours is None:
            hours = self.hours[key] = Hours(schedule.plan_window(plan, plan.timezone))
        return hours
