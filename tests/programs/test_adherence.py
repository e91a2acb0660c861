"""Unit tests for backend.programs.adherence (pure Python, no Django).

Calendar used by the hand-worked cases: 1 January 2024 is a Monday, so
Mondays are Jan 1, 8, 15, 22, 29; Wednesdays Jan 3, 10, 17, 24;
Fridays Jan 5, 12, 19, 26.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from itertools import pairwise
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backend.programs import adherence
from backend.programs.adherence import (
    ProgramDays,
    Week,
    adherence_between,
    current_streak,
    is_program_day,
    missed_in_a_row,
    overall_adherence,
    pain_flags,
    scheduled_days,
    week_start,
    weekly_adherence,
    window_counts,
)

MWF = frozenset({1, 3, 5})


def jan(day: int) -> date:
    return date(2024, 1, day)


# --------------------------------------------------------------------------- scheduled_days


def test_week_start_is_monday() -> None:
    assert week_start(jan(1)) == jan(1)
    assert week_start(jan(3)) == jan(1)
    assert week_start(jan(7)) == jan(1)  # Sunday belongs to the week starting Monday 1st
    assert week_start(jan(8)) == jan(8)


def test_scheduled_days_basic() -> None:
    # starts on Wednesday 3rd, until Sunday 14th
    assert scheduled_days(jan(3), None, MWF, jan(14)) == [jan(3), jan(5), jan(8), jan(10), jan(12)]


def test_scheduled_days_end_before_until() -> None:
    assert scheduled_days(jan(3), jan(10), MWF, jan(14)) == [jan(3), jan(5), jan(8), jan(10)]


def test_scheduled_days_until_before_end_and_inclusive() -> None:
    assert scheduled_days(jan(1), jan(31), MWF, jan(5)) == [jan(1), jan(3), jan(5)]


def test_scheduled_days_empty_cases() -> None:
    assert scheduled_days(jan(10), None, MWF, jan(9)) == []  # until before start
    assert scheduled_days(jan(10), jan(5), MWF, jan(20)) == []  # end before start
    assert scheduled_days(jan(1), None, frozenset(), jan(31)) == []
    assert scheduled_days(jan(6), jan(7), MWF, jan(31)) == []  # only a weekend


def test_scheduled_days_weekend_only() -> None:
    # Saturday 6, Sunday 7, Saturday 13, Sunday 14
    assert scheduled_days(jan(1), None, frozenset({6, 7}), jan(14)) == [
        jan(6),
        jan(7),
        jan(13),
        jan(14),
    ]


def test_scheduled_days_paused_interval_is_half_open() -> None:
    # paused from Monday 8th, resumed Friday 12th: 8 and 10 are skipped, 12 is back
    days = scheduled_days(jan(3), None, MWF, jan(14), paused=[(jan(8), jan(12))])
    assert days == [jan(3), jan(5), jan(12)]


def test_scheduled_days_still_paused() -> None:
    days = scheduled_days(jan(3), None, MWF, jan(14), paused=[(jan(10), None)])
    assert days == [jan(3), jan(5), jan(8)]


def test_scheduled_days_several_pauses_and_empty_pause() -> None:
    days = scheduled_days(
        jan(1),
        None,
        MWF,
        jan(19),
        paused=[(jan(3), jan(4)), (jan(10), jan(10)), (jan(15), jan(19))],
    )
    # Jan 3 paused; the (10, 10) pause is empty; 15 and 17 paused; 19 resumed
    assert days == [jan(1), jan(5), jan(8), jan(10), jan(12), jan(19)]


def test_scheduled_days_pause_before_start_still_applies() -> None:
    days = scheduled_days(jan(3), None, MWF, jan(14), paused=[(jan(1), jan(9))])
    assert days == [jan(10), jan(12)]


@pytest.mark.parametrize("weekdays", [frozenset({0}), frozenset({8}), frozenset({1, 7, 9})])
def test_scheduled_days_rejects_bad_weekdays(weekdays: frozenset[int]) -> None:
    with pytest.raises(ValueError, match=r"1\.\.7"):
        scheduled_days(jan(1), None, weekdays, jan(31))


def test_scheduled_days_rejects_resume_before_pause() -> None:
    with pytest.raises(ValueError, match="before it starts"):
        scheduled_days(jan(1), None, MWF, jan(31), paused=[(jan(10), jan(9))])


def test_scheduled_days_rejects_datetimes() -> None:
    with pytest.raises(TypeError, match="not a datetime"):
        scheduled_days(datetime(2024, 1, 1, 9), None, MWF, jan(31))


# --------------------------------------------------------------------------- weekly / overall

# Program from Wed Jan 3, Mon/Wed/Fri, paused for the week of Jan 15, viewed on Sun Jan 28.
SCHEDULED = [jan(3), jan(5), jan(8), jan(10), jan(12), jan(22), jan(24), jan(26)]
COMPLETED = [
    jan(3),
    jan(3),  # second session the same day counts once
    jan(6),  # Saturday: not scheduled, does not count
    jan(8),
    jan(12),
    jan(16),  # during the pause: not scheduled, does not count
    jan(22),
    jan(24),
    jan(26),
]


def test_fixture_schedule_matches_scheduled_days() -> None:
    assert scheduled_days(jan(3), None, MWF, jan(28), paused=[(jan(15), jan(22))]) == SCHEDULED


def test_weekly_adherence_hand_worked() -> None:
    assert weekly_adherence(SCHEDULED, COMPLETED) == [
        Week(jan(1), 2, 1, 0.5),  # partial first week: Wed 3 (done), Fri 5 (missed)
        Week(jan(8), 3, 2, 2 / 3),  # Mon 8 and Fri 12 done, Wed 10 missed
        Week(jan(15), 0, 0, None),  # paused week still listed
        Week(jan(22), 3, 3, 1.0),
    ]


def test_weekly_adherence_partial_last_week() -> None:
    # viewed on Wednesday 24th: the last week has Mon 22 and Wed 24 only
    scheduled = scheduled_days(jan(3), None, MWF, jan(24), paused=[(jan(15), jan(22))])
    weeks = weekly_adherence(scheduled, COMPLETED)
    assert weeks[-1] == Week(jan(22), 2, 2, 1.0)
    assert len(weeks) == 4


def test_weekly_adherence_only_unscheduled_sessions() -> None:
    assert weekly_adherence([jan(1), jan(3)], [jan(2), jan(4), jan(4)]) == [Week(jan(1), 2, 0, 0.0)]


def test_weekly_adherence_unordered_and_duplicate_schedule() -> None:
    assert weekly_adherence([jan(10), jan(1), jan(10)], [jan(10)]) == [
        Week(jan(1), 1, 0, 0.0),
        Week(jan(8), 1, 1, 1.0),
    ]


def test_weekly_adherence_accepts_generators() -> None:
    weeks = weekly_adherence(SCHEDULED, (d for d in COMPLETED))
    assert [w.completed for w in weeks] == [1, 2, 0, 3]


def test_nothing_scheduled() -> None:
    assert weekly_adherence([], [jan(1)]) == []
    assert overall_adherence([], [jan(1)]) is None


def test_overall_adherence_hand_worked() -> None:
    # done 1 + 2 + 0 + 3 = 6 of 2 + 3 + 0 + 3 = 8 scheduled days
    assert overall_adherence(SCHEDULED, COMPLETED) == 0.75
    assert overall_adherence(SCHEDULED, []) == 0.0
    assert overall_adherence(SCHEDULED, SCHEDULED) == 1.0


# The same program as a schedule: Mon/Wed/Fri from Wed Jan 3, paused Jan 15 to 22.
PROGRAM = ProgramDays(jan(3), None, MWF, ((jan(15), jan(22)),))


def test_program_days_are_scheduled_days() -> None:
    assert PROGRAM.scheduled(jan(28)) == SCHEDULED
    assert PROGRAM.scheduled(jan(28), since=jan(9)) == [d for d in SCHEDULED if d >= jan(9)]
    assert PROGRAM.scheduled(jan(28), since=jan(1)) == SCHEDULED  # never before the start
    assert [d for d in SCHEDULED if PROGRAM.includes(d)] == SCHEDULED
    assert not PROGRAM.includes(jan(1))  # a Monday before the start
    assert not PROGRAM.includes(jan(15))  # a paused Monday
    assert not PROGRAM.includes(jan(6))  # a Saturday


def test_adherence_between_windows() -> None:
    def between(first: date, last: date, done: list[date] = COMPLETED) -> float | None:
        return adherence_between([(PROGRAM, done)], first, last)

    assert between(jan(8), jan(14)) == 2 / 3
    assert between(jan(15), jan(21)) is None  # paused week
    assert between(jan(20), jan(26)) == 1.0  # the last day counts: it was done
    # Seen on Wed 10, the last day (today) is not over: 5 and 8 count, only 8 done. Seen
    # from Thu 11 (Fri 5 .. Thu 11) Wed 10 is missed: 5, 8, 10, only 8 done.
    assert between(jan(4), jan(10)) == 1 / 2
    assert between(jan(5), jan(11)) == 1 / 3
    assert between(jan(4), jan(10), [*COMPLETED, jan(10)]) == 2 / 3
    # single day, both ends inclusive
    assert between(jan(3), jan(3)) == 1.0
    assert between(jan(5), jan(5)) is None  # today, not done yet
    # last 28 days seen from Sun 28: Jan 1..28 = everything
    today = jan(28)
    assert between(today - timedelta(days=27), today) == 0.75


def test_adherence_between_leaves_out_what_is_no_program_day() -> None:
    # Mon/Wed from Wed 3 Jan, paused on Mon 8 Jan (resumes Tue 9): seen on Sun 14 Jan over
    # the week Mon 8 .. Sun 14, only Wed 10 is a program day. Sessions on the day before
    # the start (Tue 2), on the paused Monday and on a Tuesday or Sunday do not count.
    program = ProgramDays(jan(3), None, frozenset({1, 3}), ((jan(8), jan(9)),))
    assert adherence_between([(program, [jan(8), jan(9), jan(14)])], jan(8), jan(14)) == 0.0
    assert adherence_between([(program, [jan(10)])], jan(8), jan(14)) == 1.0
    # From Mon 1 to Sun 7: the start leaves Mon 1 out; Wed 3 is the only program day.
    assert adherence_between([(program, [jan(1), jan(2)])], jan(1), jan(7)) == 0.0
    assert adherence_between([(program, [jan(3)])], jan(1), jan(7)) == 1.0
    # Ended on Wed 10: Mon 15 is no longer a program day.
    ended = ProgramDays(jan(3), jan(10), frozenset({1, 3}))
    assert adherence_between([(ended, [jan(10)])], jan(8), jan(15)) == 1 / 2


def test_adherence_between_sums_over_programs() -> None:
    # Two programs on the same Monday are two prescribed sessions, not one day.
    daily = ProgramDays(jan(1), None, frozenset(range(1, 8)))
    mondays = ProgramDays(jan(1), None, frozenset({1}))
    # Mon 1 .. Mon 8 seen on Mon 8: daily 1..7 (8 not done yet), Mondays the 1st.
    figure = adherence_between(
        [(daily, [jan(1), jan(2), jan(3)]), (mondays, [jan(2)])], jan(1), jan(8)
    )
    assert figure == 3 / 8
    assert adherence_between([], jan(1), jan(8)) is None


def test_adherence_between_rejects_reversed_window() -> None:
    with pytest.raises(ValueError, match="after"):
        adherence_between([(PROGRAM, COMPLETED)], jan(10), jan(9))


def test_completed_datetimes_rejected() -> None:
    with pytest.raises(TypeError, match="not a datetime"):
        overall_adherence(SCHEDULED, [datetime(2024, 1, 3, 18, 30)])


# --------------------------------------------------------------------------- streaks

DONE_SET = {jan(3), jan(8), jan(12), jan(22), jan(24), jan(26)}


@pytest.mark.parametrize(
    ("completed", "today", "expected"),
    [
        (DONE_SET, jan(26), 4),  # 26, 24, 22, 12 done; 10 missed
        (DONE_SET, jan(25), 3),  # latest scheduled <= Thu 25 is 24: 24, 22, 12
        (DONE_SET, jan(20), 1),  # paused week: latest is 12 (done), then 10 missed
        (DONE_SET - {jan(26)}, jan(26), 3),  # today not done yet: skipped, not a break
        (DONE_SET - {jan(26)}, jan(27), 0),  # the 26th is over and was missed
        (DONE_SET, jan(9), 1),  # 8 done, 5 missed
        (DONE_SET, jan(2), 0),  # nothing scheduled yet
        (DONE_SET, jan(3), 1),  # first day, done
        (set(), jan(3), 0),  # first day, not done yet
        (set(SCHEDULED), jan(28), 8),
        (DONE_SET | {jan(11)}, jan(12), 1),  # a Thursday session does not fill Wed 10
    ],
)
def test_current_streak(completed: set[date], today: date, expected: int) -> None:
    assert current_streak(SCHEDULED, completed, today) == expected


def test_current_streak_nothing_scheduled() -> None:
    assert current_streak([], [jan(1)], jan(5)) == 0


@pytest.mark.parametrize(
    ("completed", "today", "expected"),
    [
        ({jan(3)}, jan(12), 3),  # 10, 8, 5 missed; 3 done; today (12) not counted
        ({jan(3), jan(12)}, jan(12), 3),  # doing today does not reset days before it
        ({jan(3)}, jan(13), 4),  # 12, 10, 8, 5
        ({jan(3)}, jan(3), 0),  # nothing before today
        ({jan(5)}, jan(6), 0),  # Fri 5 done
        ({jan(3), jan(11)}, jan(12), 3),  # Thursday session does not count
        (set(), jan(28), 8),
        ({jan(12)}, jan(22), 0),  # paused week has no scheduled days; 22 is today
        ({jan(12)}, jan(23), 1),  # Mon 22 missed, then Fri 12 done
        ({jan(12)}, jan(24), 1),  # today (24) not counted
    ],
)
def test_missed_in_a_row(completed: set[date], today: date, expected: int) -> None:
    assert missed_in_a_row(SCHEDULED, completed, today) == expected


def test_missed_in_a_row_nothing_scheduled() -> None:
    assert missed_in_a_row([], [], jan(5)) == 0


# --------------------------------------------------------------------------- pain flags


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (3, 5, (True, "pain_increase")),
        (3, 4, (False, None)),
        (6, 6, (False, None)),
        (5, 7, (True, "pain_increase")),  # both rules apply: increase wins
        (7, 5, (True, "pain_high_before")),  # pain fell: its own advice, not "it rose"
        (6, 7, (True, "pain_high")),  # +1 only, but 7 is high
        (7, 7, (True, "pain_high")),
        (8, 0, (True, "pain_high_before")),
        (0, 0, (False, None)),
        (0, 2, (True, "pain_increase")),
        (6, 0, (False, None)),
        (10, 10, (True, "pain_high")),
    ],
)
def test_pain_flags(before: int, after: int, expected: tuple[bool, str | None]) -> None:
    assert pain_flags(before, after) == expected


@pytest.mark.parametrize(("before", "after"), [(-1, 3), (3, 11), (True, 3), (3, 5.0), ("3", 3)])
def test_pain_flags_validation(before: Any, after: Any) -> None:
    with pytest.raises(ValueError):
        pain_flags(before, after)


@given(st.integers(0, 10), st.integers(0, 10))
def test_prop_pain_flags_rule(before: int, after: int) -> None:
    alert, reason = pain_flags(before, after)
    assert alert == (after - before >= 2 or after >= 7 or before >= 7)
    assert alert == (reason is not None)


# --------------------------------------------------------------------------- properties

DAY0 = date(2024, 1, 1)
days_in_range = st.integers(0, 200).map(lambda n: DAY0 + timedelta(days=n))
schedules = st.sets(days_in_range, max_size=80).map(sorted)
sessions = st.lists(days_in_range, max_size=120)


@given(schedules, sessions)
def test_prop_weekly_invariants(scheduled: list[date], completed: list[date]) -> None:
    weeks = weekly_adherence(scheduled, completed)
    assert sum(w.prescribed for w in weeks) == len(scheduled)
    for w in weeks:
        assert w.week_start.isoweekday() == 1
        assert 0 <= w.completed <= w.prescribed
        if w.prescribed == 0:
            assert w.ratio is None
        else:
            assert w.ratio is not None and 0.0 <= w.ratio <= 1.0
    for earlier, later in pairwise(weeks):
        assert later.week_start - earlier.week_start == timedelta(days=7)
    if scheduled:
        assert weeks[0].week_start <= scheduled[0] < weeks[0].week_start + timedelta(days=7)
        assert weeks[-1].week_start <= scheduled[-1] < weeks[-1].week_start + timedelta(days=7)
        assert weeks[0].prescribed > 0 and weeks[-1].prescribed > 0
    else:
        assert weeks == []


@given(schedules, sessions)
def test_prop_overall_is_sum_of_weeks(scheduled: list[date], completed: list[date]) -> None:
    weeks = weekly_adherence(scheduled, completed)
    overall = overall_adherence(scheduled, completed)
    if not scheduled:
        assert overall is None
    else:
        assert overall == sum(w.completed for w in weeks) / sum(w.prescribed for w in weeks)
        assert 0.0 <= overall <= 1.0
        after = scheduled[-1] + timedelta(days=1)  # a window whose last day is no program day
        assert adherence.share(*window_counts(scheduled, completed, scheduled[0], after)) == overall


@given(schedules, sessions, days_in_range)
def test_prop_streak_bounds(scheduled: list[date], completed: list[date], today: date) -> None:
    due = [d for d in scheduled if d <= today]
    before_today = [d for d in scheduled if d < today]
    streak = current_streak(scheduled, completed, today)
    missed = missed_in_a_row(scheduled, completed, today)
    assert 0 <= streak <= len(due)
    assert 0 <= missed <= len(before_today)
    # a streak and a run of misses can only coexist if today itself was done
    if streak and missed:
        assert today in scheduled and today in completed and streak == 1


@given(schedules, days_in_range)
def test_prop_all_done_streak_is_everything_due(scheduled: list[date], today: date) -> None:
    due = [d for d in scheduled if d <= today]
    assert current_streak(scheduled, scheduled, today) == len(due)
    assert missed_in_a_row(scheduled, scheduled, today) == 0


@given(
    days_in_range,
    st.one_of(st.none(), days_in_range),
    st.frozensets(st.integers(1, 7)),
    days_in_range,
    st.lists(st.tuples(days_in_range, st.one_of(st.none(), st.integers(0, 30))), max_size=3),
)
def test_prop_scheduled_days_sound(
    start: date,
    end: date | None,
    weekdays: frozenset[int],
    until: date,
    raw_pauses: list[tuple[date, int | None]],
) -> None:
    paused = [(p, None if n is None else p + timedelta(days=n)) for p, n in raw_pauses]
    days = scheduled_days(start, end, weekdays, until, paused=paused)
    unpaused = scheduled_days(start, end, weekdays, until)
    assert days == sorted(set(days))
    assert set(days) <= set(unpaused)
    last = until if end is None else min(end, until)
    for d in days:
        assert start <= d <= last
        assert d.isoweekday() in weekdays
        assert not any(p <= d and (r is None or d < r) for p, r in paused)
    # every week fully inside the range contains exactly len(weekdays) unpaused days
    monday = week_start(start) + timedelta(days=7)
    while monday + timedelta(days=6) <= last:
        in_week = [d for d in unpaused if monday <= d <= monday + timedelta(days=6)]
        assert len(in_week) == len(weekdays)
        monday += timedelta(days=7)


def test_is_program_day_agrees_with_the_schedule() -> None:
    start, end = date(2026, 11, 2), date(2026, 11, 30)  # Monday 2 Nov to Monday 30 Nov
    weekdays = frozenset({1, 3})
    paused = [(date(2026, 11, 9), date(2026, 11, 12))]  # pauses Mon 9 and Wed 11
    scheduled = set(scheduled_days(start, end, weekdays, date(2026, 12, 31), paused=paused))
    day = date(2026, 10, 20)
    while day <= date(2026, 12, 10):
        assert is_program_day(start, end, weekdays, day, paused=paused) is (day in scheduled)
        day += timedelta(days=1)
    assert is_program_day(start, end, weekdays, date(2026, 11, 4))  # a Wednesday
    assert not is_program_day(start, end, weekdays, date(2026, 11, 9), paused=paused)
    assert not is_program_day(start, end, weekdays, date(2026, 12, 2))  # after the end


def test_window_counts_leave_out_today_until_it_is_done() -> None:
    days = [date(2026, 11, d) for d in range(19, 26)]  # 19..25 Nov, every day
    done = {date(2026, 11, 20), date(2026, 11, 24)}
    first, last = date(2026, 11, 19), date(2026, 11, 25)
    assert adherence.window_counts(days, done, first, last) == (6, 2)
    assert adherence.window_counts(days, {*done, last}, first, last) == (7, 3)
    # Days outside the window or not scheduled do not count, done or not.
    assert adherence.window_counts(days[1:3], {date(2026, 11, 1), *done}, first, last) == (2, 1)
    assert adherence.share(0, 0) is None and adherence.share(4, 1) == 0.25


def test_missed_alert_day_is_the_day_after_the_third_missed_program_day() -> None:
    mon_wed_fri = frozenset({1, 3, 5})
    start = date(2026, 11, 2)  # a Monday
    # No session yet: 2, 4, 6 Nov missed → on the 7th.
    assert adherence.missed_alert_day(start, None, mon_wed_fri, None) == date(2026, 11, 7)
    # Last done on Wednesday the 4th: 6, 9, 11 Nov → the 12th.
    assert adherence.missed_alert_day(start, None, mon_wed_fri, date(2026, 11, 4)) == date(
        2026, 11, 12
    )
    # A pause moves it on; a pause without an end, or the program's end, leaves none.
    paused = [(date(2026, 11, 5), date(2026, 11, 16))]
    assert adherence.missed_alert_day(
        start, None, mon_wed_fri, date(2026, 11, 4), paused=paused
    ) == (date(2026, 11, 21))
    assert (
        adherence.missed_alert_day(start, None, mon_wed_fri, None, paused=[(start, None)]) is None
    )
    assert adherence.missed_alert_day(start, date(2026, 11, 5), mon_wed_fri, None) is None
    # Agrees with missed_in_a_row on that day and the day before.
    day = adherence.missed_alert_day(start, None, mon_wed_fri, date(2026, 11, 4))
    assert day is not None
    after = date(2026, 11, 5)
    for today, missed in ((day, 3), (day - timedelta(days=1), 2)):
        scheduled = adherence.scheduled_days(after, None, mon_wed_fri, today - timedelta(days=1))
        assert adherence.missed_in_a_row(scheduled, [], today) == missed


@given(
    days_in_range,
    st.one_of(st.none(), days_in_range),
    st.frozensets(st.integers(1, 7)),
    st.lists(st.tuples(days_in_range, st.one_of(st.none(), st.integers(0, 30))), max_size=3),
    sessions,
    days_in_range,
    st.integers(0, 40),
)
def test_prop_adherence_between_counts_program_days_by_hand(
    start: date,
    end: date | None,
    weekdays: frozenset[int],
    raw_pauses: list[tuple[date, int | None]],
    completed: list[date],
    last: date,
    width: int,
) -> None:
    """Against a day-by-day count written from the rules, not from the module."""
    if end is not None and end < start:
        start, end = end, start
    paused = tuple((p, None if n is None else p + timedelta(days=n)) for p, n in raw_pauses)
    first = last - timedelta(days=width)
    prescribed = done = 0
    day = first
    while day <= last:
        due = (
            start <= day
            and (end is None or day <= end)
            and day.isoweekday() in weekdays
            and not any(p <= day and (r is None or day < r) for p, r in paused)
            and (day < last or day in completed)  # today only once done
        )
        prescribed += due
        done += due and day in completed
        day += timedelta(days=1)
    expected = done / prescribed if prescribed else None
    program = ProgramDays(start, end, weekdays, paused)
    assert adherence_between([(program, completed)], first, last) == expected
