"""Unit tests for the stored-plan half of backend.nudges.schedule: ``plan_window``,
``slot_allowed`` and ``plan_next_due``, which the services, the previews and the
dispatcher all run (the dispatcher with its lighter ``DuePlan``, the rest with the model).

London in December is UTC+0, so local wall times read as UTC; 2 Dec 2026 is a Wednesday.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from backend.nudges.schedule import (
    NudgeWindow,
    plan_next_due,
    plan_window,
    slot_allowed,
    wall_time,
)


@dataclass
class Plan:
    """Stands for a stored plan: the model row or the dispatcher's DuePlan."""

    interval_minutes: int = 30
    work_days: Sequence[int] = (1, 2, 3, 4, 5)
    work_start: time | str = time(9, 0)
    work_end: time | str = time(17, 30)
    quiet_start: time | str | None = time(12, 0)
    quiet_end: time | str | None = time(13, 0)
    enabled: bool = True
    paused_until: datetime | None = None
    snoozed_until: datetime | None = None
    anchor_at: datetime | None = None


def dec(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=UTC)


PLAN = Plan()
WINDOW = plan_window(PLAN, "Europe/London")


def test_plan_window_is_the_plans_hours_in_the_users_zone() -> None:
    expected = NudgeWindow(
        tz=ZoneInfo("Europe/London"),
        interval=timedelta(minutes=30),
        work_days=frozenset({1, 2, 3, 4, 5}),
        work_start=time(9, 0),
        work_end=time(17, 30),
        quiet_start=time(12, 0),
        quiet_end=time(13, 0),
    )
    assert plan_window(PLAN, "Europe/London") == expected


def test_plan_window_reads_unsaved_values_and_an_unknown_zone_as_utc() -> None:
    # Before a save a TimeField holds the string it was given, a JSONField a list.
    plan = Plan(
        work_days=[5, 1, 1],
        work_start="08:15",
        work_end="16:00:00",
        quiet_start=None,
        quiet_end=None,
    )
    window = plan_window(plan, "Mars/Olympus_Mons")
    assert window.tz == ZoneInfo("UTC")
    assert window.work_days == frozenset({1, 5})
    assert (window.work_start, window.work_end) == (time(8, 15), time(16, 0))
    assert window.quiet_start is None and window.quiet_end is None
    assert wall_time("07:05") == time(7, 5) and wall_time(time(7, 5)) == time(7, 5)


def test_slot_allowed_inside_the_shift_and_outside_quiet_hours() -> None:
    assert slot_allowed(WINDOW, dec(2, 9, 30))
    assert not slot_allowed(WINDOW, dec(2, 9, 0))  # the shift starts after its start
    assert slot_allowed(WINDOW, dec(2, 17, 30))  # and ends on its end
    assert not slot_allowed(WINDOW, dec(2, 17, 31))
    assert not slot_allowed(WINDOW, dec(2, 12, 0))  # quiet hours are [12:00, 13:00)
    assert slot_allowed(WINDOW, dec(2, 13, 0))
    assert not slot_allowed(WINDOW, dec(5, 10, 0))  # Saturday
    # In New York (UTC-5 in December) 14:00 UTC is 09:00, the start: not yet.
    new_york = plan_window(PLAN, "America/New_York")
    assert not slot_allowed(new_york, dec(2, 14, 0))
    assert slot_allowed(new_york, dec(2, 14, 30))


def test_plan_next_due_follows_the_interval_from_the_shift_start() -> None:
    assert plan_next_due(PLAN, WINDOW, dec(2, 10, 5)) == dec(2, 10, 30)
    assert plan_next_due(PLAN, WINDOW, dec(2, 10, 30)) == dec(2, 11, 0)  # strictly after
    assert plan_next_due(PLAN, WINDOW, dec(2, 11, 40)) == dec(2, 13, 0)  # over quiet hours
    assert plan_next_due(PLAN, WINDOW, dec(4, 17, 30)) == dec(7, 9, 30)  # Friday to Monday


def test_plan_next_due_is_none_when_the_plan_is_off() -> None:
    assert plan_next_due(replace(PLAN, enabled=False), WINDOW, dec(2, 10, 5)) is None


def test_plan_next_due_after_a_pause() -> None:
    paused = replace(PLAN, paused_until=dec(3, 14, 10))
    assert plan_next_due(paused, WINDOW, dec(2, 10, 5)) == dec(3, 14, 30)
    # A pause that is over changes nothing.
    over = replace(PLAN, paused_until=dec(2, 8, 0))
    assert plan_next_due(over, WINDOW, dec(2, 10, 5)) == dec(2, 10, 30)


def test_plan_next_due_snooze_ends_exactly_when_a_nudge_may_go_out() -> None:
    snoozed = replace(PLAN, snoozed_until=dec(2, 10, 17))
    assert plan_next_due(snoozed, WINDOW, dec(2, 10, 7)) == dec(2, 10, 17)
    # Ending in quiet hours: the first regular slot after it.
    into_quiet = replace(PLAN, snoozed_until=dec(2, 12, 10))
    assert plan_next_due(into_quiet, WINDOW, dec(2, 11, 55)) == dec(2, 13, 0)
    # Ending after the shift: the next shift's first slot.
    after_hours = replace(PLAN, snoozed_until=dec(2, 17, 40))
    assert plan_next_due(after_hours, WINDOW, dec(2, 17, 25)) == dec(3, 9, 30)
    # A snooze that ends inside a longer pause is swallowed by it: the first slot
    # strictly after the pause.
    both = replace(PLAN, snoozed_until=dec(2, 10, 17), paused_until=dec(2, 15, 0))
    assert plan_next_due(both, WINDOW, dec(2, 10, 7)) == dec(2, 15, 30)


def test_plan_next_due_restarts_the_interval_from_the_last_break() -> None:
    moved = replace(PLAN, anchor_at=dec(2, 10, 12))
    assert plan_next_due(moved, WINDOW, dec(2, 10, 12)) == dec(2, 10, 42)
    assert plan_next_due(moved, WINDOW, dec(2, 10, 42)) == dec(2, 11, 12)
    # The anchor restarts only its own shift: the next day counts from 09:00 again.
    assert plan_next_due(moved, WINDOW, dec(2, 17, 30)) == dec(3, 9, 30)
