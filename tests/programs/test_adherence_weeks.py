"""Unit tests for the week-mask forms of adherence (pure Python, no Django): ``week_masks``
must give the weeks and counts of ``weekly_adherence`` over the program's days, and
``streak_by_weeks`` the ``current_streak`` of those days, without listing the days.

Calendar: 1 January 2024 is a Monday (Mondays Jan 1, 8, 15, 22, 29; Feb 5, 12).
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from backend.programs.adherence import (
    ProgramDays,
    current_streak,
    days_mask,
    streak_by_weeks,
    week_masks,
    week_start,
    weekly_adherence,
)

MWF = frozenset({1, 3, 5})
MON, WED, FRI, SUN = 1, 1 << 2, 1 << 4, 1 << 6


def jan(day: int) -> date:
    return date(2024, 1, day)


def test_days_mask_is_the_weekday_bits() -> None:
    assert days_mask([]) == 0
    assert days_mask([jan(1), jan(3), jan(5)]) == MON | WED | FRI
    assert days_mask([jan(7), jan(7)]) == SUN  # a day twice counts once


def test_week_masks_hand_worked() -> None:
    # Starts on a Wednesday, paused 15-22 Jan (the whole third week and Monday 22nd).
    program = ProgramDays(jan(3), None, MWF, ((jan(15), jan(23)),))
    assert week_masks(program, jan(31)) == [
        (jan(1), WED | FRI),  # starts Wednesday 3rd
        (jan(8), MON | WED | FRI),
        (jan(15), 0),  # paused: kept as a week with nothing due
        (jan(22), WED | FRI),  # resumes Tuesday 23rd
        (jan(29), MON | WED),  # until Wednesday 31st
    ]


def test_week_masks_leave_out_empty_weeks_at_the_ends() -> None:
    # Mondays only, from a Tuesday, ending on a Sunday: the first week has no program day.
    program = ProgramDays(jan(2), jan(21), frozenset({1}))
    assert week_masks(program, jan(31)) == [(jan(8), MON), (jan(15), MON)]
    assert week_masks(ProgramDays(jan(2), None, frozenset({1}), ((jan(2), None),)), jan(31)) == []
    assert week_masks(ProgramDays(jan(10), None, MWF), jan(5)) == []


def test_streak_by_weeks_hand_worked() -> None:
    weeks = [
        (jan(8), MON | WED | FRI, WED | FRI),  # Monday 8th missed
        (jan(15), 0, 0),  # paused: does not break the run
        (jan(22), WED | FRI, WED | FRI | SUN),  # a Sunday session does not count
        (jan(29), MON | WED | FRI, MON),  # today is Wednesday 31st, not done yet
    ]
    # Mon 29, Fri 26, Wed 24, (pause), Fri 12, Wed 10; Monday 8th breaks it.
    assert streak_by_weeks(weeks, jan(31)) == 5
    done_today = [*weeks[:3], (jan(29), MON | WED | FRI, MON | WED)]
    assert streak_by_weeks(done_today, jan(31)) == 6
    missed_friday = [*weeks[:2], (jan(22), WED | FRI, WED), weeks[3]]
    assert streak_by_weeks(missed_friday, jan(31)) == 1
    assert streak_by_weeks([], jan(31)) == 0


MONDAY = date(2023, 1, 2)
days = st.integers(min_value=0, max_value=120).map(lambda n: MONDAY + timedelta(days=n))
weekdays = st.frozensets(st.integers(min_value=1, max_value=7), min_size=1)
pauses = st.lists(
    st.tuples(days, st.one_of(st.none(), st.integers(min_value=0, max_value=30))), max_size=3
).map(lambda ps: tuple((p, None if n is None else p + timedelta(days=n)) for p, n in ps))


@st.composite
def programs(draw: st.DrawFn) -> ProgramDays:
    start = draw(days)
    end = draw(st.one_of(st.none(), st.integers(min_value=0, max_value=120)))
    return ProgramDays(
        start,
        None if end is None else start + timedelta(days=end),
        draw(weekdays),
        draw(pauses),
    )


@settings(max_examples=300)
@given(program=programs(), until=days)
def test_prop_week_masks_are_weekly_adherence(program: ProgramDays, until: date) -> None:
    scheduled = program.scheduled(until)
    expected = [(w.week_start, w.prescribed) for w in weekly_adherence(scheduled, [])]
    masks = week_masks(program, until)
    assert [(monday, mask.bit_count()) for monday, mask in masks] == expected
    by_week: dict[date, int] = {}
    for day in scheduled:
        by_week[week_start(day)] = by_week.get(week_start(day), 0) | days_mask([day])
    assert {m: mask for m, mask in masks if mask} == by_week


@settings(max_examples=300)
@given(
    program_list=st.lists(programs(), min_size=1, max_size=3),
    done=st.sets(days, max_size=90),
    today=days,
)
def test_prop_streak_by_weeks_is_current_streak(
    program_list: list[ProgramDays], done: set[date], today: date
) -> None:
    scheduled = sorted({d for p in program_list for d in p.scheduled(today)})
    union: dict[date, int] = {}
    for program in program_list:
        for monday, mask in week_masks(program, today):
            union[monday] = union.get(monday, 0) | mask
    done_masks: dict[date, int] = {}
    for day in done:
        done_masks[week_start(day)] = done_masks.get(week_start(day), 0) | days_mask([day])
    weeks = [(m, mask, done_masks.get(m, 0)) for m, mask in union.items()]
    assert streak_by_weeks(weeks, today) == current_streak(scheduled, done, today)
