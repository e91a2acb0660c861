"""``schedule.allowed_until``: how long a nudge may still go out (pure, no I/O)."""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from backend.nudges import schedule
from backend.nudges.schedule import NudgeWindow, allowed_until
from tests.factories import nudge_window

BERLIN = ZoneInfo("Europe/Berlin")


def window(**overrides: object) -> NudgeWindow:
    return nudge_window(**({"tz": BERLIN} | overrides))


def berlin(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=BERLIN).astimezone(UTC)


def test_inside_a_shift_it_is_the_shift_end() -> None:
    assert allowed_until(window(), berlin(3, 16, 50)) == berlin(3, 17)  # a Tuesday


def test_quiet_hours_cut_it_short() -> None:
    lunch = window(quiet_start=time(12), quiet_end=time(13))
    assert allowed_until(lunch, berlin(3, 11, 55)) == berlin(3, 12)
    assert allowed_until(lunch, berlin(3, 12, 30)) is None
    assert allowed_until(lunch, berlin(3, 13, 5)) == berlin(3, 17)


def test_outside_hours_and_days_nothing_is_allowed() -> None:
    assert allowed_until(window(), berlin(3, 17, 1)) is None
    assert allowed_until(window(), berlin(3, 8, 59)) is None
    assert allowed_until(window(), berlin(7, 10)) is None  # a Saturday


def test_a_night_shift_ends_the_next_morning() -> None:
    night = window(work_start=time(22), work_end=time(6), quiet_start=time(2), quiet_end=time(3))
    assert allowed_until(night, berlin(3, 23)) == berlin(4, 2)
    assert allowed_until(night, berlin(4, 4)) == berlin(4, 6)


def test_across_the_spring_forward_gap() -> None:
    # 29 March 2026: Berlin jumps from 02:00 to 03:00 during this night shift.
    night = window(work_days=frozenset({6}), work_start=time(22), work_end=time(6))
    end = allowed_until(night, datetime(2026, 3, 28, 23, 30, tzinfo=BERLIN))
    assert end == datetime(2026, 3, 29, 6, tzinfo=BERLIN).astimezone(UTC)


@given(
    st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2026, 12, 31)),
    st.sampled_from(["Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC"]),
)
def test_every_instant_before_the_end_is_allowed(naive: datetime, tz: str) -> None:
    plan = window(tz=ZoneInfo(tz), quiet_start=time(12), quiet_end=time(12, 45))
    instant = naive.replace(tzinfo=UTC)
    end = allowed_until(plan, instant)
    allowed = schedule.in_work_hours(plan, instant) and not schedule.in_quiet_hours(plan, instant)
    assert (end is not None) == allowed
    if end is not None:
        assert end > instant
        step = (end - instant) / 7
        for k in range(1, 7):
            probe = instant + step * k
            assert schedule.in_work_hours(plan, probe)
            assert not schedule.in_quiet_hours(plan, probe)
